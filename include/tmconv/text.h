/* tmconv: reading report files as text.

   A report arrives as bytes in some encoding.  tmc_text_decode turns
   them into the text every later stage works on: UTF-8, in Unicode
   Normalization Form C, with LF line ends.  Nothing is silently replaced
   or dropped: a byte that is not valid in its encoding, a NUL byte or a
   control character is an error that names the line and the column, and
   a binary file or UTF-16 without a byte-order mark is recognized and
   named as such.  The only bytes removed are an initial byte-order mark
   (an encoding signature, not text) and the CR of CR LF.

   Encodings, without FROM_CODE: UTF-8 with or without a byte-order mark,
   UTF-16LE/BE and UTF-32LE/BE with one.  With FROM_CODE: any encoding
   iconv knows (windows-1256 for Persian, windows-1254 or ISO-8859-9 for
   older Azerbaijani Latin, windows-1251 for Cyrillic Azerbaijani...).

   The language of a report comes from the user or from its file name
   (report.az.txt, <id>.<lang>.txt); tmc_lang_code and
   tmc_lang_from_filename give every command the same rule.  */

#ifndef TMCONV_TEXT_H
#define TMCONV_TEXT_H

#include <stddef.h>

#include "tmconv/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest input tmc_text_read accepts, in bytes (1 GiB).  A report is
   read whole and takes about three times its size in memory while it is
   segmented; past the limit (a device or a pipe that never ends, too)
   the read stops with TMC_ERR_LIMIT.  */
#define TMC_TEXT_MAX_BYTES ((size_t) 1 << 30)

/* Decode the LEN bytes at DATA, the contents of the file NAME (used in
   messages; may be NULL), from FROM_CODE (NULL or "": detect a
   byte-order mark, else UTF-8) into UTF-8 text in NFC with LF line ends.
   *OUT is freshly allocated and NUL-terminated, of *OUT_LEN bytes.
   WARN (may be NULL) receives warnings, such as a FROM_CODE given for a
   file that is already valid UTF-8.
   Errors: TMC_ERR_ENCODING (invalid bytes, with line, column and the
   byte; UTF-16 without a byte-order mark; a binary file; a NUL byte or a
   control character, with line and column), TMC_ERR_UNSUPPORTED (iconv
   does not know FROM_CODE), TMC_ERR_NOMEM.  */
enum tmc_status tmc_text_decode (const char *name, const char *data,
                                 size_t len, const char *from_code,
                                 const struct tmc_warn_handler *warn,
                                 char **out, size_t *out_len,
                                 struct tmc_error *err);

/* Read the file PATH ("-" = standard input) and decode it as
   tmc_text_decode does.  Errors: those of tmc_text_decode, and
   TMC_ERR_IO, TMC_ERR_LIMIT (larger than TMC_TEXT_MAX_BYTES).  */
enum tmc_status tmc_text_read (const char *path, const char *from_code,
                               const struct tmc_warn_handler *warn,
                               char **out, size_t *out_len,
                               struct tmc_error *err);

/* Check that iconv can convert from FROM_CODE (NULL or "" is UTF-8),
   so that a program can reject an unknown name before it reads any
   file.  Errors: TMC_ERR_UNSUPPORTED.  */
enum tmc_status tmc_text_check_encoding (const char *from_code,
                                         struct tmc_error *err);

/* The language code tmconv works with for the language tag TAG: "az"
   for Azerbaijani (az, aze, azj, in any script: az-Latn, az-Cyrl,
   az_AZ), "fa" for Persian (fa, fas, per, pes, prs, fa-IR), "en" for
   English (en, eng, en-GB).  Case and '-' or '_' do not matter.  Returns
   a static string, or NULL for any other language or a malformed tag.  */
const char *tmc_lang_code (const char *tag);

/* Write TAG in the canonical form of BCP 47 into BUF of SIZE bytes:
   subtags separated by '-', the language lowercased (and, for az, fa and
   en, the two-letter code: "aze_cyrl" -> "az-Cyrl"), a script in title
   case, a region in upper case ("fa_ir" -> "fa-IR").  Returns BUF, or
   NULL when TAG is not a well-formed tag (subtags of 1 to 8 letters or
   digits, the first of 2 to 8 letters) or does not fit.  */
char *tmc_lang_canonical (const char *tag, char *buf, size_t size);

/* Parse LIST, language pairs SRC-TGT (or SRC:TGT) separated by commas
   ("en-az,en-fa,az-fa"), into PAIRS, which has room for MAX pairs; their
   number in *N.  With KNOWN_ONLY each side is a language tmc_lang_code
   knows and is stored as its code ("aze-per": az, fa); otherwise each
   side is a primary language subtag of 2 to 8 letters, stored in lower
   case.  A pair with the same language on both sides, a pair given
   twice, or more than MAX pairs is an error.  An empty LIST gives no
   pair.  Errors: TMC_ERR_INVALID_ARG, naming the item.  */
enum tmc_status tmc_lang_pairs_parse (const char *list, int known_only,
                                      char (*pairs)[2][16], size_t max,
                                      size_t *n, struct tmc_error *err);

/* The language of the report file PATH by its name: the last of the
   dot-separated parts of its base name that is a language tag
   tmc_lang_code knows ("report.az.txt", "bbc-381790.fa.txt",
   "notes.az-Cyrl.txt", "en.txt"), written canonically into BUF of SIZE
   bytes.  Returns BUF, or NULL when the name names no language.  */
char *tmc_lang_from_filename (const char *path, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_TEXT_H */
