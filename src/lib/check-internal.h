/* What the check modules of libtmconv share.  Not installed.  */

#ifndef TMC_CHECK_INTERNAL_H
#define TMC_CHECK_INTERNAL_H

#include "tmconv/check.h"

/* Add a problem to F (strings copied).  Returns 0, or -1 when out of
   memory.  */
int tmc_check_add_problem (struct tmc_check_file *f,
                           enum tmc_diag_severity severity, const char *code,
                           unsigned long line, unsigned long column,
                           const char *message, unsigned long related_line,
                           const char *related_message);

/* List a message that is not done (TEXT and CONTEXT, which may be NULL,
   are cut to excerpts).  */
int tmc_check_add_message (struct tmc_check_file *f,
                           enum tmc_check_status st, size_t lang,
                           unsigned long line, const char *text,
                           const char *context);

/* Add a language to F, with zero counts.  */
int tmc_check_add_lang (struct tmc_check_file *f, const char *lang);

/* The start of TEXT on one line (freshly allocated), or NULL.  */
char *tmc_check_excerpt (const char *text);

/* Set L's result from the thresholds of O.  */
void tmc_check_judge (struct tmc_check_lang *l,
                      const struct tmc_check_options *o);

/* 1 when PATH names a .tmx file, or is not named .po or .pot and starts
   (after a byte order mark and white space) with '<'.  */
int tmc_check_looks_like_xml (const char *path);

/* Check the TMX file F->path: fill F's languages, problems and
   messages.  Returns 0, or -1 when out of memory.  */
int tmc_check_tmx (struct tmc_check_file *f,
                   const struct tmc_check_options *opts);

#endif /* TMC_CHECK_INTERNAL_H */
