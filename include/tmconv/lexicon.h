/* tmconv: the trilingual lexicon the aligner uses as evidence.

   A lexicon is a set of *concepts*, each with the words and phrases
   (forms) that express it in Azerbaijani, Persian and English: month and
   weekday names, number words, country and city names, the frequent
   words of event reports.  When two sentences mention the same concept
   in their own languages, that is evidence that they translate each
   other; the aligner needs no parallel corpus for it.

   tmconv ships a built-in lexicon (tmc_lexicon_builtin); users add their
   own dictionaries, in the same TSV format or in hunalign's
   "target @ source" format.

   TSV format (UTF-8; '#' starts a comment line; blank lines are ignored):
   the first other line is a header that names the columns, "id" and
   language codes ("az", "fa", "en"; at least one language), in any
   order, separated by tabs.  Each following line is a concept: its id
   (optional: without an "id" column, or with an empty id, each line is a
   concept of its own) and in each language column the forms, separated
   by '|'.  An empty cell means no form.  Lines with the same id are one
   concept, so a user dictionary can add forms to a built-in concept.  An
   id "num:N" (N decimal digits) makes the concept the number N, so its
   words also match the digits (two = 2 = ۲).

   A form is one or more words, compared on their match keys
   (normalize.h: case, digits, Arabic/Persian letter variants folded).
   A form matches a word of a sentence when the word is the form or an
   inflected form of it: in Azerbaijani the form followed by up to 12
   letters (stacked suffixes: şəhid-lər-imiz-in), in Persian by up to 4
   (ها, های, ی, ان...), in English by -s, -es, -ed, -d or -ing; for forms
   of at least 3 letters.  A form that ends in '*' matches every word that
   begins with it.  In a form of several words only the last one may be
   inflected.

   Hunalign format: each line is "TARGET @ SOURCE", a word or phrase in
   each language; the caller says which languages these are.  */

#ifndef TMCONV_LEXICON_H
#define TMCONV_LEXICON_H

#include <stddef.h>
#include <stdio.h>

#include "tmconv/error.h"

#ifdef __cplusplus
extern "C" {
#endif

struct tmc_lexicon;

/* A new, empty lexicon, or NULL when out of memory.  */
struct tmc_lexicon *tmc_lexicon_new (void);

/* Free LEX.  LEX may be NULL.  Never free the lexicon that
   tmc_lexicon_builtin returns.  */
void tmc_lexicon_free (struct tmc_lexicon *lex);

/* The built-in lexicon, built on first use and shared (read-only) by
   every caller, in every thread.  NULL only when out of memory.  */
const struct tmc_lexicon *tmc_lexicon_builtin (void);

/* Add the entries of the built-in lexicon to LEX.  Errors:
   TMC_ERR_NOMEM.  */
enum tmc_status tmc_lexicon_add_builtin (struct tmc_lexicon *lex,
                                         struct tmc_error *err);

/* Add the TEXT_LEN bytes of TEXT, a lexicon in the TSV format, to LEX.
   NAME names the text in messages (may be NULL).  Errors: TMC_ERR_NOMEM,
   TMC_ERR_ENCODING, TMC_ERR_SYNTAX (a malformed line, with its number),
   TMC_ERR_FORMAT (no header, an unknown language column).  */
enum tmc_status tmc_lexicon_add_tsv (struct tmc_lexicon *lex,
                                     const char *name, const char *text,
                                     size_t text_len, struct tmc_error *err);

/* Add the TEXT_LEN bytes of TEXT, a dictionary in hunalign's format
   ("TARGET @ SOURCE" lines), with TARGET in language TARGET_LANG and
   SOURCE in SOURCE_LANG.  Errors as for tmc_lexicon_add_tsv.  */
enum tmc_status tmc_lexicon_add_hunalign (struct tmc_lexicon *lex,
                                          const char *name, const char *text,
                                          size_t text_len,
                                          const char *target_lang,
                                          const char *source_lang,
                                          struct tmc_error *err);

/* The largest dictionary file read, in bytes (256 MiB).  */
#define TMC_LEXICON_MAX_BYTES ((size_t) 256 << 20)

/* Read the dictionary file PATH into LEX.  The format is hunalign's when
   the first line that is not blank or a comment holds " @ ", else TSV.
   For the hunalign format, SOURCE_LANG and TARGET_LANG give the
   languages; when they are NULL they are taken from the file name, which
   must then end in SOURCE-TARGET.EXT (e.g. "en-az.dic", as hunalign's
   dictionaries are named).  Errors: those of tmc_read_file (with
   TMC_ERR_LIMIT past TMC_LEXICON_MAX_BYTES) and
   tmc_lexicon_add_tsv, and TMC_ERR_INVALID_ARG when the languages of a
   hunalign file are not known.  */
enum tmc_status tmc_lexicon_load (struct tmc_lexicon *lex, const char *path,
                                  const char *source_lang,
                                  const char *target_lang,
                                  struct tmc_error *err);

/* The number of concepts in LEX.  */
size_t tmc_lexicon_size (const struct tmc_lexicon *lex);

/* Write LEX to FP in the TSV format (with the columns id, az, fa, en).
   Errors: TMC_ERR_IO.  */
enum tmc_status tmc_lexicon_write_tsv (const struct tmc_lexicon *lex,
                                       FILE *fp, struct tmc_error *err);

/* 1 when LANG is a language the lexicon and the aligner know ("az",
   "fa", "en", or a tag with one of these as its primary subtag), else
   0.  */
int tmc_lexicon_knows_lang (const char *lang);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_LEXICON_H */
