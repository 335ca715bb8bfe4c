/* tmconv: the batch: a whole corpus of reports in, translation memories,
   catalogues and a review report out, incrementally and in parallel.

   A corpus is a list of reports, each with an id and one file per
   language (az, fa, en).  It comes from a directory of <id>.<lang>.txt
   files at any depth, or from a manifest (a TSV file; see
   tmc_corpus_read).  tmc_batch_run processes every report into
   OUT/tmx/<id>.tmx, then builds the aggregates (the 3-language TMX, the
   bilingual TMX files, the PO catalogues, report.json and report.html).

   A re-run redoes only the reports whose inputs or options changed: the
   state of OUT (content hashes of inputs, options and outputs) is kept in
   OUT/.tmconv-batch/.  Every file is written to a temporary name and
   renamed, and the state is journalled, so a run killed at any moment
   leaves OUT consistent and the next run completes it.  */

#ifndef TMCONV_BATCH_H
#define TMCONV_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "tmconv/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The languages of a report, in the order of every per-language array of
   this header: Azerbaijani, Persian, English.  */
#define TMC_BATCH_NLANG 3
extern const char *const tmc_batch_lang[TMC_BATCH_NLANG];

/* The index of language code LANG in tmc_batch_lang, compared by its
   primary subtag ("fa-IR" is Persian), or -1.  */
int tmc_batch_lang_index (const char *lang);

/* One language file of a report.  */
struct tmc_batch_input {
  char *path;      /* in a directory corpus, the name the file should
                      have when there is none */
  char *encoding;  /* NULL: detected (UTF-8, or UTF-16 with a BOM) */
};

/* One report of a corpus.  */
struct tmc_batch_report {
  char *id;        /* "2023/09/ardabil-carpet-festival" */
  struct tmc_batch_input in[TMC_BATCH_NLANG];
  unsigned long line;  /* its manifest line; 0 in a directory corpus */
  /* Set when the corpus itself makes the report fail (a bad manifest
     line, an id that would escape OUT, a duplicate id, an unknown
     encoding): the batch lists it as failed with this error and does not
     process it.  NULL otherwise.  */
  struct tmc_error *problem;
};

struct tmc_corpus {
  char *path;       /* the directory or manifest, as given */
  int is_manifest;
  /* Sorted by id (bytewise), then by manifest line.  */
  struct tmc_batch_report *reports;
  size_t n_reports, reports_cap;
  /* Problems that concern no single report (a directory that cannot be
     read): the batch reports them and exits with status 1.  */
  struct tmc_error *problems;
  size_t n_problems, problems_cap;
};

/* Read the corpus at PATH into a new *CORPUS.
   - A directory: every regular file (or symbolic link to one) named
     <name>.<lang>.txt, at any depth, where <lang> is az, fa or en (or a
     tag with that primary subtag: az-Latn, fa-IR), is the <lang> version
     of report <dir>/<name>, its id being its path relative to PATH
     without ".<lang>.txt".  Hidden files and directories (a name that
     starts with '.') are skipped, and so is the directory EXCLUDE (the
     output directory, when it lies inside the corpus; may be NULL).
     Symbolic links to directories are not followed.  Files of other
     languages are skipped with a warning to WARN; other files silently.
     A report that lacks a language is kept (it fails when processed).
   - A regular file, or "-" for standard input: a manifest (see
     README.md, "Batch manifest"): UTF-8 text, one report a line, fields
     separated by tabs; '#' starts a comment line; an optional header line
     "id<TAB>az<TAB>fa<TAB>en[<TAB>az.encoding...]" names the columns,
     otherwise the columns are id, az, fa, en.  Relative paths are taken
     from the manifest's directory (from the current directory for "-").
     A line that cannot be used (wrong number of fields, an empty path,
     an unsafe or duplicate id, an unknown encoding) becomes a report with
     a problem; a header that cannot be used is an error.
   Errors: TMC_ERR_IO (PATH unreadable), TMC_ERR_SYNTAX (bad header, with
   file and line), TMC_ERR_NOMEM.  */
enum tmc_status tmc_corpus_read (const char *path, const char *exclude,
                                 const struct tmc_warn_handler *warn,
                                 struct tmc_corpus **corpus,
                                 struct tmc_error *err);

/* Free CORPUS and all it owns.  CORPUS may be NULL.  */
void tmc_corpus_free (struct tmc_corpus *corpus);

/* Why ID cannot name a report, as an untranslated message (pass it
   through gettext), or NULL when it can.  An id is a relative path of
   '/'-separated components, each non-empty, at most 200 bytes, not "."
   or "..", not starting with '.', and without control characters or
   backslashes; the whole is valid UTF-8 of at most 1024 bytes.  So
   OUT/tmx/<id>.tmx always lies inside OUT/tmx.  */
const char *tmc_batch_id_problem (const char *id);

/* Keep only shard K of N (1 <= K <= N) of CORPUS: the reports with
   index i (in id order) such that floor (i * N / n) == K - 1, where n is
   the number of reports.  The shards are contiguous runs of the sorted
   ids, so the aggregates of shards 1..N, merged in that order, are those
   of one run over the whole corpus.  Errors: TMC_ERR_INVALID_ARG.  */
enum tmc_status tmc_corpus_shard (struct tmc_corpus *corpus, unsigned long k,
                                  unsigned long n, struct tmc_error *err);

/* What became of a report in a run.  */
enum tmc_batch_outcome {
  TMC_BATCH_DONE,        /* processed in this run */
  TMC_BATCH_UP_TO_DATE,  /* its output was kept from an earlier run */
  TMC_BATCH_FAILED       /* it failed; see error */
};

/* A report's result, as passed to tmc_batch_hooks.report.  */
struct tmc_batch_result {
  size_t index;                   /* in the corpus */
  const struct tmc_batch_report *report;
  enum tmc_batch_outcome outcome;
  const struct tmc_error *error;  /* TMC_BATCH_FAILED only */
  const struct tmc_error *warnings;
  size_t n_warnings;
  size_t sentences[TMC_BATCH_NLANG];  /* 0 when failed */
};

/* Where a run is, as passed to tmc_batch_hooks.progress.  */
struct tmc_batch_progress {
  size_t total;       /* reports in the run */
  size_t finished;    /* done, up to date or failed */
  size_t to_do;       /* reports that needed processing */
  size_t processed;   /* of those, finished */
  size_t sentences;   /* sentences (all languages) processed so far */
  double elapsed;     /* seconds since the start of the run */
  double eta;         /* seconds still needed (estimate), or -1 unknown */
  int stage;          /* 0 reports, 1 aggregates, 2 finished */
};

/* Callbacks of a run.  All are called from the thread that called
   tmc_batch_run, never concurrently; each may be NULL.  */
struct tmc_batch_hooks {
  void *data;
  /* Each report's result, in corpus order, as soon as it and every
     report before it are finished.  */
  void (*report) (void *data, const struct tmc_batch_result *result);
  /* A problem of the corpus or of OUT that is not about one report (it
     makes the run's status "some failed").  */
  void (*problem) (void *data, const struct tmc_error *problem);
  /* Progress, about four times a second, and once at the end of each
     stage.  */
  void (*progress) (void *data, const struct tmc_batch_progress *progress);
  /* Warnings that are not about one report.  */
  struct tmc_warn_handler warn;
};

/* The counts of a run.  */
struct tmc_batch_summary {
  size_t reports;      /* in the run (after sharding) */
  size_t done;
  size_t up_to_date;
  size_t failed;
  size_t removed;      /* outputs of reports no longer in the corpus */
  size_t problems;     /* corpus problems not about one report */
  size_t sentences;    /* sentences processed, all languages */
  int aggregates;      /* 1 when the aggregates were (re)built */
  double seconds;      /* the whole run */
  double report_seconds;     /* until every report was finished */
  double aggregate_seconds;  /* writing the aggregates after that */
};


/* The options of a batch.  Fill with tmc_batch_options_init, then set
   what differs.  Everything but the output directory and the aggregate
   name has the default of the corresponding subcommand.  */
struct tmc_batch_options {
  const char *out_dir;    /* OUT; created when missing */
  const char *name;       /* OUT/<name>.tmx, the PO domain; "corpus" */
  unsigned long jobs;     /* worker threads; 0: one per CPU */
  int force;              /* redo every report */
  double low_score;       /* beads below it are low-confidence (0.9) */
  /* Reading and segmenting (tmconv segment).  */
  /* The encoding of inputs the corpus gives none for, per language,
     else FROM_CODE; NULL: UTF-8, or what a byte-order mark says.  */
  const char *from_code_lang[TMC_BATCH_NLANG];
  const char *from_code;
  const char *srx;        /* an SRX file; NULL: the built-in rules */
  /* Aligning (tmconv align).  */
  const char *const *dicts;  /* dictionaries added to the lexicon */
  size_t n_dicts;
  const char *pivot;      /* NULL: joint 3-way; else the pivot language */
  /* TMX (tmconv tmx).  */
  const char *const *lang_tags;  /* "az=az-AZ" specs, in order */
  size_t n_lang_tags;
  const char *encoding;   /* NULL: UTF-8 */
  int no_props;           /* write no <prop> (Trados) */
  const char *pairs;      /* bilingual files; NULL: "en-az,en-fa,az-fa" */
  /* PO (tmconv po export).  */
  int no_po;              /* write no catalogues */
  const char *po_source;  /* msgid language; NULL: en */
  const char *po_langs;   /* target languages; NULL: az,fa */
  const char *po_domain;  /* NULL: the name */
  double fuzzy_below;     /* < 0: po export's default */
};

/* Fill OPTS with the defaults.  */
void tmc_batch_options_init (struct tmc_batch_options *opts);

/* Run the batch over CORPUS with OPTS: every report that is not up to
   date is read, segmented, aligned and written to OUT/tmx/<id>.tmx, on
   OPTS->jobs threads; then, when anything changed, OUT/<name>.tmx (all
   reports merged as 'tmconv tmx merge' merges, in id order), the
   bilingual files OUT/<name>.SRC-TGT.tmx, the catalogues in OUT/po/, and
   OUT/report.json and OUT/report.html.  The outputs do not depend on
   OPTS->jobs.  HOOKS (may be NULL) hear of every report, in corpus order,
   and of the progress.  A report that fails is counted in
   SUMMARY->failed and the others go on.
   Errors (the run stopped): TMC_ERR_IO (OUT cannot be created, is
   locked by another run, or a file cannot be written), TMC_ERR_FORMAT
   and TMC_ERR_SYNTAX (a bad SRX file or dictionary), TMC_ERR_INVALID_ARG
   (a bad option), TMC_ERR_NOMEM.  */
enum tmc_status tmc_batch_run (const struct tmc_corpus *corpus,
                               const struct tmc_batch_options *opts,
                               const struct tmc_batch_hooks *hooks,
                               struct tmc_batch_summary *summary,
                               struct tmc_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_BATCH_H */
