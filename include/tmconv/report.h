/* tmconv: the review report of a batch: report.json and report.html.

   The report is written from the translation memories the batch made, one
   report (document) at a time: units carry the props of the unit scheme
   of tmx.h (x-doc, x-bead "az-fa-en" as "1-2-1", x-score "0.934").
   report.json is for programs (its format is stable and documented in
   README.md, "report.json"); report.html is for a reviewer: one
   self-contained file (no script, no font, no image fetched from
   anywhere) with a summary table and, per report, the aligned text side
   by side, az | fa | en, Persian right to left, with the beads to look at
   (low confidence, not 1-1-1) highlighted.

   Memory does not grow with the number of reports: the per-report parts
   go to a temporary file until the summary, which comes first, is
   known.  */

#ifndef TMCONV_REPORT_H
#define TMCONV_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "tmconv/batch.h"
#include "tmconv/error.h"
#include "tmconv/tm.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Figures of one report, or of all.  */
struct tmc_report_stats {
  size_t sentences[TMC_BATCH_NLANG];  /* az, fa, en */
  size_t beads;
  size_t low;          /* beads with a score below the threshold */
  size_t non_one;      /* beads whose shape is not 1-1-1 */
  size_t scored;       /* beads with a score */
  double score_sum;
  struct {
    char shape[32];    /* "1-2-1"; "?" for a unit without x-bead */
    size_t count;
  } *shapes;           /* sorted: most frequent first, then by shape */
  size_t n_shapes, shapes_cap;
};

void tmc_report_stats_init (struct tmc_report_stats *stats);
void tmc_report_stats_destroy (struct tmc_report_stats *stats);

/* Add the units of TM to STATS: sentences from each unit's x-bead (a
   unit without one counts one sentence per variant), beads, shapes,
   scores (x-score), LOW for scores below LOW_SCORE.  Errors:
   TMC_ERR_NOMEM.  */
enum tmc_status tmc_report_stats_add (struct tmc_report_stats *stats,
                                      const struct tmc_tm *tm,
                                      double low_score,
                                      struct tmc_error *err);

/* Is the unit TU a bead to look at: a score below LOW_SCORE (*LOW set)
   or a shape other than 1-1-1 (*NON_ONE set)?  */
void tmc_report_unit_flags (const struct tmc_tu *tu, double low_score,
                            int *low, int *non_one);

struct tmc_report_opts {
  const char *name;     /* the corpus name, for titles */
  double low_score;     /* beads below it are low-confidence */
};

/* One report of the batch, as the review report shows it.  */
struct tmc_report_item {
  const char *id;
  const char *inputs[TMC_BATCH_NLANG];  /* paths as given, or NULL */
  const char *tmx;          /* its TMX, relative to the report; NULL when
                               failed */
  const struct tmc_tm *tm;  /* its units; NULL when failed */
  const struct tmc_error *error;  /* why it failed; NULL when ok */
  const struct tmc_error *warnings;
  size_t n_warnings;
};

typedef struct tmc_report tmc_report;

/* Start a review report that writes report.json to JSON and report.html
   to HTML (either may be NULL; both stay the caller's).  OPTS is copied.
   Errors: TMC_ERR_NOMEM, TMC_ERR_IO (no temporary file).  */
enum tmc_status tmc_report_new (FILE *json, FILE *html,
                                const struct tmc_report_opts *opts,
                                tmc_report **report, struct tmc_error *err);

/* Add ITEM (which stays the caller's), in corpus order.  Errors:
   TMC_ERR_NOMEM, TMC_ERR_IO.  */
enum tmc_status tmc_report_add (tmc_report *report,
                                const struct tmc_report_item *item,
                                struct tmc_error *err);

/* Add a problem of the corpus that is about no single report.  */
enum tmc_status tmc_report_add_problem (tmc_report *report,
                                        const struct tmc_error *problem,
                                        struct tmc_error *err);

/* Write everything out and free REPORT (in every case).  Errors:
   TMC_ERR_IO, TMC_ERR_NOMEM.  */
enum tmc_status tmc_report_finish (tmc_report *report,
                                   struct tmc_error *err);

/* Free REPORT without writing the rest.  REPORT may be NULL.  */
void tmc_report_free (tmc_report *report);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_REPORT_H */
