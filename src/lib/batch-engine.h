/* The batch engine: runs a job per report on a pool of threads, keeps the
   state of OUT, skips what is up to date, and calls the aggregate step
   when anything changed.  It knows nothing of segmentation, alignment or
   TMX: those come in as struct tmc_batch_ops (batch-pipeline.c has the
   real ones; the unit tests have their own).  Internal to libtmconv.  */

#ifndef TMC_BATCH_ENGINE_H
#define TMC_BATCH_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "tmconv/batch.h"
#include "tmconv/error.h"

/* What a job gets and fills.  */
struct tmc_batch_job {
  const struct tmc_batch_report *report;
  const char *out_path;           /* OUT/tmx/<id>.tmx; its directory exists */
  /* The report's other outputs: OUT/<extra_dirs[k]>/<id>.tmx, in the
     order of tmc_batch_ops.extra_dirs; their directories exist.  */
  const char *const *extra_paths;
  size_t n_extra;
  struct tmc_warn_handler warn;   /* collects the report's warnings */
  size_t sentences[TMC_BATCH_NLANG];  /* the job sets them */
};

/* A report as the aggregate step sees it.  */
struct tmc_batch_agg_report {
  const struct tmc_batch_report *report;
  int ok;                          /* else failed, see error */
  const char *tmx_path;            /* OUT/tmx/<id>.tmx when ok */
  const char *const *extra_paths;  /* its other outputs when ok */
  size_t n_extra;
  const struct tmc_error *error;
  const struct tmc_error *warnings;
  size_t n_warnings;
  size_t sentences[TMC_BATCH_NLANG];
};

/* The aggregate step's view of a run.  */
struct tmc_batch_agg {
  const char *out_dir;
  struct tmc_batch_agg_files *files;  /* see tmc_batch_agg_add_file */
  void *data;                         /* the step's own state */
};

/* Is a component of PATH after its first TOP bytes (the output
   directory OUT) a symbolic link?  Then what is written there could land
   outside OUT, and what is removed there could be a file elsewhere:
   returns TMC_ERR_IO with ERR naming the link; else TMC_OK (components
   that do not exist yet are fine).  */
enum tmc_status tmc_batch_no_link (const char *path, size_t top,
                                   struct tmc_error *err);

/* Record that the aggregate step wrote OUT/REL (a path relative to OUT),
   so that the next run can tell whether it is still there and unchanged.
   Returns 0, or -1 when out of memory.  */
int tmc_batch_agg_add_file (struct tmc_batch_agg *agg, const char *rel);

struct tmc_batch_ops {
  void *ctx;
  /* Hashes of everything the per-report output, and the aggregates,
     depend on besides the inputs (options, their files, the version).  */
  uint64_t report_options;
  uint64_t aggregate_options;
  /* Each report has, besides OUT/tmx/<id>.tmx, an output
     OUT/<extra_dirs[k]>/<id>.tmx for each of these N_EXTRA directories
     (at most 8; relative to OUT, e.g. "pairs/en-az").  */
  const char *const *extra_dirs;
  size_t n_extra;
  /* Per-thread state for the jobs; both may be NULL.  */
  void *(*thread_start) (void *ctx);
  void (*thread_end) (void *ctx, void *thread_ctx);
  /* Process JOB->report into JOB->out_path.  Called from any worker
     thread, concurrently with other jobs.  On failure it leaves no file
     at out_path (write through tmc_output).  */
  enum tmc_status (*job) (void *ctx, void *thread_ctx,
                          struct tmc_batch_job *job, struct tmc_error *err);
  /* The aggregates are built in three steps, all from the thread of
     tmc_batch_engine_run: AGG_BEGIN; AGG_ADD for each report in corpus
     order, as soon as it and the reports before it are finished (while
     the workers go on with the next ones); AGG_FINISH with the problems
     of the corpus, which writes every file (through tmc_output) and
     records it with tmc_batch_agg_add_file.  AGG_ABORT gives up,
     leaving the files of earlier runs as they were.  FINISH and ABORT
     free AGG->data.  */
  enum tmc_status (*agg_begin) (void *ctx, struct tmc_batch_agg *agg,
                                struct tmc_error *err);
  enum tmc_status (*agg_add) (void *ctx, struct tmc_batch_agg *agg,
                              const struct tmc_batch_agg_report *report,
                              struct tmc_error *err);
  enum tmc_status (*agg_finish) (void *ctx, struct tmc_batch_agg *agg,
                                 const struct tmc_error *problems,
                                 size_t n_problems, struct tmc_error *err);
  void (*agg_abort) (void *ctx, struct tmc_batch_agg *agg);
};

struct tmc_batch_engine_options {
  const char *out_dir;
  /* Worker threads; 0 = the CPUs this process may use.  With 1, the
     jobs run in the calling thread, one after the other.  */
  unsigned long jobs;
  int force;            /* redo every report and the aggregates */
};

/* The number of CPUs this process may run on (at least 1).  */
unsigned long tmc_batch_cpus (void);

/* Run the batch over CORPUS into OPTS->out_dir with OPS; see batch.h for
   the hooks and the summary.  A report that fails does not stop the
   others.  Returns TMC_OK when the run went through (even if reports
   failed: see SUMMARY->failed), else an error that stopped it (OUT cannot
   be created or locked, the state cannot be written, the aggregate step
   failed).  */
enum tmc_status tmc_batch_engine_run (const struct tmc_corpus *corpus,
                                      const struct tmc_batch_engine_options
                                        *opts,
                                      const struct tmc_batch_ops *ops,
                                      const struct tmc_batch_hooks *hooks,
                                      struct tmc_batch_summary *summary,
                                      struct tmc_error *err);

#endif /* TMC_BATCH_ENGINE_H */
