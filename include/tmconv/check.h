/* tmconv: completeness checks of catalogues and translation memories,
   for CI.

   A PO file is read with libgettextpo and checked as `msgfmt --check'
   checks it (syntax, duplicates, header, format strings, newlines,
   plural forms), plus its charset (one iconv does not know is an error).
   Its messages are counted as `msgfmt --statistics' counts them: the
   header and obsolete entries left out, a message whose msgstr (the
   first form of a plural) is empty is untranslated, else a fuzzy one is
   fuzzy, else it is translated.  With a template, the template's
   messages are counted instead: one the catalogue lacks is untranslated
   (and "missing"), and the catalogue's messages the template lacks are
   reported.  A TMX file is counted per language: a unit with a
   non-empty variant in the language is translated (fuzzy when the
   variant has the x-fuzzy prop that 'po import --include-fuzzy'
   writes), a unit without one lacks the language.

   A file passes when it has no error and each of its languages meets the
   thresholds: at least MIN_TRANSLATED percent translated (of translated
   + fuzzy + untranslated; an empty catalogue is 100% translated) and at
   most MAX_FUZZY fuzzy messages.  Templates (*.pot) have no language and
   no thresholds.  */

#ifndef TMCONV_CHECK_H
#define TMCONV_CHECK_H

#include <stdio.h>

#include "tmconv/error.h"
#include "tmconv/po.h"

#ifdef __cplusplus
extern "C" {
#endif

enum tmc_check_format {
  TMC_CHECK_FORMAT_PO,
  TMC_CHECK_FORMAT_POT,
  TMC_CHECK_FORMAT_TMX
};

enum tmc_check_result {
  TMC_CHECK_PASS,
  TMC_CHECK_FAIL,   /* below a threshold */
  TMC_CHECK_ERROR   /* the file could not be read, or has errors */
};

/* The counts of one language of a file.  */
struct tmc_check_lang {
  char *lang;                    /* as the file names it; "" unknown */
  unsigned long total;           /* translated + fuzzy + untranslated */
  unsigned long translated;
  unsigned long fuzzy;
  unsigned long untranslated;    /* includes missing */
  unsigned long obsolete;        /* PO: obsolete entries (not in total) */
  unsigned long missing;         /* with a template: its messages the
                                    catalogue lacks */
  unsigned long not_in_template; /* the catalogue's messages the template
                                    lacks (not in total) */
  enum tmc_check_result result;  /* PASS or FAIL; ERROR, unjudged, in a
                                    file with errors */
  int fail_min_translated;       /* below the minimum percentage */
  int fail_max_fuzzy;            /* above the maximum of fuzzy messages */
};

/* One message that is not done, listed with tmc_check_options.list.  */
enum tmc_check_status {
  TMC_CHECK_UNTRANSLATED,
  TMC_CHECK_FUZZY,
  TMC_CHECK_MISSING,         /* in the template, not in the catalogue;
                                LINE is the template's */
  TMC_CHECK_NOT_IN_TEMPLATE, /* in the catalogue, not in the template */
  TMC_CHECK_LACKS_LANGUAGE   /* a TMX unit without the language */
};

struct tmc_check_message {
  enum tmc_check_status status;
  size_t lang;          /* index into the file's langs */
  unsigned long line;   /* 0 = unknown */
  char *text;           /* the start of the msgid or source text */
  char *context;        /* the start of the msgctxt, or NULL */
};

/* The result for one file.  Everything is owned by it.  */
struct tmc_check_file {
  char *path;
  enum tmc_check_format format;
  enum tmc_check_result result;
  struct tmc_check_lang *langs;
  size_t n_langs;
  struct tmc_diag *problems;  /* FILE of each is PATH */
  size_t n_problems;
  size_t n_errors, n_warnings;
  struct tmc_check_message *messages;
  size_t n_messages;
};

/* A template loaded for the --pot semantics.  */
typedef struct tmc_check_template tmc_check_template;

struct tmc_check_options {
  double min_translated;  /* percent; < 0: no minimum */
  long max_fuzzy;         /* < 0: no maximum */
  const tmc_check_template *template_;  /* NULL: none */
  int list;               /* fill the messages that are not done */
};

void tmc_check_options_init (struct tmc_check_options *opts);

/* Load the template PATH.  Its problems go to DIAG (may be NULL); when it
   has errors or cannot be read, returns TMC_ERR_SYNTAX or TMC_ERR_IO
   (ERR says that the template cannot be used; DIAG got why).  Errors
   also: TMC_ERR_NOMEM.  */
enum tmc_status tmc_check_template_load (const char *path,
                                         const struct tmc_diag_handler *diag,
                                         tmc_check_template **out,
                                         struct tmc_error *err);

/* The number of messages of the template, and its file name.  */
size_t tmc_check_template_size (const tmc_check_template *tpl);
const char *tmc_check_template_path (const tmc_check_template *tpl);

void tmc_check_template_free (tmc_check_template *tpl);

/* Check the file PATH (PO, POT or TMX, told apart by name and content:
   a name ending in ".tmx" is TMX, ".pot" a template, ".po" PO; any other
   is TMX when it starts with '<', else PO).  Problems in the file do not
   make this fail: they are in (*OUT)->problems, with result
   TMC_CHECK_ERROR.
   Errors: TMC_ERR_NOMEM only.  Free *OUT with tmc_check_file_free.  */
enum tmc_status tmc_check_file (const char *path,
                                const struct tmc_check_options *opts,
                                struct tmc_check_file **out,
                                struct tmc_error *err);

void tmc_check_file_free (struct tmc_check_file *file);

/* The percentage of translated messages of L, rounded down to hundredths
   and given in hundredths (9833 for 98.33%): exact, and printable
   without the locale's decimal point.  10000 when L->total is 0.  */
unsigned long tmc_check_percent100 (const struct tmc_check_lang *l);

/* Reports.  */
enum tmc_check_output {
  TMC_CHECK_TEXT,    /* one line per file and language, translated */
  TMC_CHECK_JSON,    /* the document described in the README */
  TMC_CHECK_JUNIT,   /* JUnit XML: a testsuite per file */
  TMC_CHECK_GITHUB   /* the text lines, and ::error/::warning commands */
};

/* Write the report on FILES (N of them) in format OUTPUT to FP, with
   the options they were checked with.  Returns 0, or -1 when writing
   failed (errno set).  */
int tmc_check_write (FILE *fp, enum tmc_check_output output,
                     struct tmc_check_file *const *files, size_t n,
                     const struct tmc_check_options *opts);

/* The result of a run: TMC_CHECK_ERROR if any file has one, else
   TMC_CHECK_FAIL if any failed, else TMC_CHECK_PASS.  */
enum tmc_check_result tmc_check_overall (struct tmc_check_file *const *files,
                                         size_t n);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_CHECK_H */
