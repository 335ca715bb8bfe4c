/* tmconv: a segmented document, the unit the aligner works on.

   A document owns its UTF-8 text and a list of sentences, each a view
   (byte offset and length) into that text with its paragraph number and
   its match key (see normalize.h).  The reading stage (text.h, segment.h)
   builds documents from report files; tmc_doc_from_lines builds one from
   text that is already one sentence per line.  */

#ifndef TMCONV_DOC_H
#define TMCONV_DOC_H

#include <stddef.h>

#include "tmconv/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Limits.  The longest sentence, in bytes (1 MiB): longer "sentences"
   come from text that is not cut into sentences at all (no stop, no
   line break), which no aligner or CAT tool can use.  The most sentences
   in a document (4 Mi, 4,194,304): some 600 MB of news text.  Past
   either, building a document fails with TMC_ERR_LIMIT.  */
#define TMC_DOC_MAX_SENTENCE_BYTES ((size_t) 1 << 20)
#define TMC_DOC_MAX_SENTENCES ((size_t) 1 << 22)

struct tmc_sentence {
  size_t start;      /* byte offset in the document's text */
  size_t len;        /* length in bytes */
  size_t paragraph;  /* 0-based paragraph number */
  char *key;         /* match key, NUL-terminated (owned by the document) */
  size_t key_len;
};

struct tmc_doc {
  char lang[16];     /* language code: "az", "fa", "en" */
  char *name;        /* file name or document id for messages, or NULL */
  char *text;        /* the text the sentences point into, NUL-terminated */
  size_t text_len;
  struct tmc_sentence *sent;
  size_t n_sent;
  size_t sent_cap;
  size_t n_paragraphs;
};

/* A new empty document in language LANG (at most 15 bytes), named NAME
   (copied; may be NULL), owning a copy of the TEXT_LEN bytes of TEXT.
   Returns NULL when out of memory.  */
struct tmc_doc *tmc_doc_new (const char *lang, const char *name,
                             const char *text, size_t text_len);

/* Like tmc_doc_new, but takes ownership of TEXT, which must have been
   allocated with malloc and be NUL-terminated at TEXT_LEN.  On failure
   TEXT is freed.  */
struct tmc_doc *tmc_doc_new_move (const char *lang, const char *name,
                                  char *text, size_t text_len);

/* Free DOC and all it owns.  DOC may be NULL.  */
void tmc_doc_free (struct tmc_doc *doc);

/* Append the sentence at bytes [START, START+LEN) of DOC's text, in
   paragraph PARAGRAPH (not less than the last sentence's), and compute its
   match key.  Errors: TMC_ERR_NOMEM, TMC_ERR_INVALID_ARG (out of range),
   TMC_ERR_ENCODING, TMC_ERR_LIMIT (a sentence longer than
   TMC_DOC_MAX_SENTENCE_BYTES, with the line and column where it starts,
   or more than TMC_DOC_MAX_SENTENCES).  */
enum tmc_status tmc_doc_add_sentence (struct tmc_doc *doc, size_t start,
                                      size_t len, size_t paragraph,
                                      struct tmc_error *err);

/* A document from TEXT that holds one sentence per line, as hunalign takes
   it: each non-empty line is a sentence, with its leading and trailing
   blanks left out; an empty line (or a line "<p>") starts a new paragraph.
   TEXT must be valid UTF-8 (it is put in NFC).  *DOC is new on success.
   Errors: TMC_ERR_NOMEM, TMC_ERR_ENCODING, TMC_ERR_LIMIT (see
   tmc_doc_add_sentence).  */
enum tmc_status tmc_doc_from_lines (const char *lang, const char *name,
                                    const char *text, size_t text_len,
                                    struct tmc_doc **doc,
                                    struct tmc_error *err);

/* The text of sentence I of DOC (not NUL-terminated; see its len).  */
static inline const char *
tmc_doc_sentence_text (const struct tmc_doc *doc, size_t i)
{
  return doc->text + doc->sent[i].start;
}

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_DOC_H */
