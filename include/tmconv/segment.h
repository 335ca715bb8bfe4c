/* tmconv: sentence segmentation with SRX 2.0 rules.

   An SRX file (Segmentation Rules eXchange, LISA/GALA) holds language
   rules, each an ordered list of break and no-break rules, and a map
   from language codes to language rules.  A rule has a <beforebreak> and
   an <afterbreak> regular expression; at a position where both match
   (the text before it ends with a match of the one, the text after it
   starts with a match of the other), the first rule in order that
   matches decides: break or no break.  With cascade="yes" the rules of
   every map entry whose pattern matches the language are used, in map
   order; with cascade="no" only the first entry's.

   tmconv ships its own rules for Azerbaijani, Persian and English
   (src/data/tmconv.srx, built into the library and installed in
   $(datadir)/tmconv/tmconv.srx), and honours any SRX 2.0 (or 1.0) file,
   such as one exported from Okapi or taken from LanguageTool.  The
   regular expressions are run by PCRE2 in UTF mode with Unicode
   properties for \w, \d, \s and \b, as ICU (the syntax SRX names) and
   Java (Okapi, LanguageTool) run them; the Java and ICU escapes \uhhhh,
   \Uhhhhhhhh and the \p{IsLatin}, \p{Punct}... property names are
   translated.

   How a text is cut, in this order:
   1. A blank line (or a form feed, or U+2029) ends a paragraph, and
      with it a sentence.
   2. Inside a paragraph, a line break the writer made on purpose ends a
      sentence: a headline or a dateline without a final stop, a list
      item.  A line break is taken for a wrap (and is no sentence end)
      when the next line's first word would not have fitted on the line
      within the paragraph's longest line, or when the line ends in a
      hyphen after a letter.  But paragraphs whose lines are all shorter
      than 50 characters are never taken as wrapped, and a first line
      (or one after a break that was meant) that starts with a capital
      or a digit and ends with no stop, comma, colon or hyphen, before a
      line that starts with a capital, a digit or a quote, is a headline
      or dateline when it is shorter than nine tenths of the longest line
      or one of just two: its break is meant.
   3. Inside each piece, the SRX rules decide.  Candidate positions are
      found as Okapi's and LanguageTool's segmenters find them: each
      rule's pattern (?:BEFORE)(?=AFTER) is searched from left to right,
      each search starting where the last match ended.
   Sentences are the pieces between breaks with white space trimmed at
   both ends; pieces of white space only are no sentences.  */

#ifndef TMCONV_SEGMENT_H
#define TMCONV_SEGMENT_H

#include <stddef.h>

#include "tmconv/doc.h"
#include "tmconv/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A parsed SRX document whose regular expressions all compile.
   Immutable once made: several threads may share one.  */
struct tmc_srx;

/* The rules of one language, compiled (JIT where PCRE2 has it).
   Immutable once made: several threads may segment with one at once.  */
struct tmc_segmenter;

/* The largest SRX file read, in bytes (64 MiB; tmconv's own is 16 KB).  */
#define TMC_SRX_MAX_BYTES ((size_t) 64 << 20)

/* Read the SRX file PATH.  *SRX is new on success.
   Errors: TMC_ERR_IO, TMC_ERR_NOMEM, TMC_ERR_LIMIT (larger than
   TMC_SRX_MAX_BYTES); TMC_ERR_SYNTAX (not well-formed
   XML, with line and column); TMC_ERR_FORMAT (not SRX: an unexpected
   element or attribute value, a map to a language rule that does not
   exist, a regular expression PCRE2 rejects, naming the rule; with line
   and column).  */
enum tmc_status tmc_srx_read (const char *path, struct tmc_srx **srx,
                              struct tmc_error *err);

/* Parse the LEN bytes of SRX at DATA; NAME names it in messages (may be
   NULL).  As tmc_srx_read.  */
enum tmc_status tmc_srx_parse (const char *name, const char *data,
                               size_t len, struct tmc_srx **srx,
                               struct tmc_error *err);

/* tmconv's own rules (src/data/tmconv.srx, built in).  *SRX is new.
   Errors: TMC_ERR_NOMEM.  */
enum tmc_status tmc_srx_builtin (struct tmc_srx **srx, struct tmc_error *err);

/* The text of tmconv's own SRX file (static; *LEN gets its length).  */
const char *tmc_srx_builtin_text (size_t *len);

/* Free SRX.  SRX may be NULL.  */
void tmc_srx_free (struct tmc_srx *srx);

/* The names of the language rules SRX applies to language LANG, in the
   order they apply, as a static-size list: at most MAX names are stored
   in NAMES (pointers into SRX); returns how many apply.  */
size_t tmc_srx_rules_for (const struct tmc_srx *srx, const char *lang,
                          const char **names, size_t max);

/* The rules of SRX (NULL: the built-in rules) for language LANG (a
   language tag such as "az", "fa-IR", "az-Cyrl"; matched against the
   map patterns as given).  *SEG is new on success.  A language no map
   entry matches gets no rules: only the paragraph and line rules cut its
   text.  Errors: TMC_ERR_NOMEM, TMC_ERR_INVALID_ARG (LANG empty).  */
enum tmc_status tmc_segmenter_new (const struct tmc_srx *srx,
                                   const char *lang,
                                   struct tmc_segmenter **seg,
                                   struct tmc_error *err);

/* Free SEG.  SEG may be NULL.  */
void tmc_segmenter_free (struct tmc_segmenter *seg);

/* The language tag SEG was made for.  */
const char *tmc_segmenter_lang (const struct tmc_segmenter *seg);

/* Cut TEXT (TEXT_LEN bytes of valid UTF-8 in NFC with LF line ends, as
   tmc_text_decode gives it; taken over, malloc'd and NUL-terminated at
   TEXT_LEN) into sentences with SEG.  *DOC is a new document that owns
   TEXT, named NAME (copied; may be NULL), whose language is
   tmc_lang_code of SEG's language (or SEG's language itself when
   tmconv does not know it), with every sentence's paragraph number and
   match key.  On failure TEXT is freed.
   Errors: TMC_ERR_NOMEM; TMC_ERR_LIMIT when PCRE2 gives up on a rule
   (its match limit), naming the rule.  */
enum tmc_status tmc_segment_move (const struct tmc_segmenter *seg,
                                  const char *name, char *text,
                                  size_t text_len, struct tmc_doc **doc,
                                  struct tmc_error *err);

/* Like tmc_segment_move on a copy of TEXT.  */
enum tmc_status tmc_segment_text (const struct tmc_segmenter *seg,
                                  const char *name, const char *text,
                                  size_t text_len, struct tmc_doc **doc,
                                  struct tmc_error *err);

/* What tmc_segment_file needs besides the file.  Start from
   TMC_SEGMENT_OPTIONS_INIT (all NULL): every field is optional.  */
struct tmc_segment_options {
  /* The language tag; NULL: from the file name (tmc_lang_from_filename).  */
  const char *lang;
  /* The encoding; NULL: UTF-8, or what a byte-order mark says.  */
  const char *from_code;
  /* The rules to use; NULL: SRX's rules, or the built-in ones.  A
     segmenter made for the file's language saves compiling the rules
     again for every file.  */
  const struct tmc_segmenter *segmenter;
  const struct tmc_srx *srx;
  /* Where warnings go; NULL: nowhere.  */
  const struct tmc_warn_handler *warn;
};

#define TMC_SEGMENT_OPTIONS_INIT { NULL, NULL, NULL, NULL, NULL }

/* Read, decode and segment the report file PATH ("-" = standard input):
   tmc_text_read, then tmc_segment_move.  *DOC is new on success, named
   PATH.  Errors: those of tmc_text_read and tmc_segment_move, and
   TMC_ERR_INVALID_ARG when OPTS gives no language and the file name
   names none, or the language is not a well-formed tag.  */
enum tmc_status tmc_segment_file (const char *path,
                                  const struct tmc_segment_options *opts,
                                  struct tmc_doc **doc,
                                  struct tmc_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_SEGMENT_H */
