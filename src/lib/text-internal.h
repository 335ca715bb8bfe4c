/* Internal interfaces of the reading stage (text*.c, segment*.c,
   srx*.c).  Not installed.  */

#ifndef TMC_TEXT_INTERNAL_H
#define TMC_TEXT_INTERNAL_H

#include <stddef.h>

#include "tmconv/error.h"

/* The 1-based line and column (in characters) of byte POS of DATA.
   Lines end at LF, CR LF or CR.  */
void tmc_text_locate (const char *data, size_t pos, unsigned long *line,
                      unsigned long *col);

/* tmc_text_decode on a malloc'd DATA of N bytes (NUL-terminated at N),
   which it takes over (and may return as *OUT).  */
enum tmc_status tmc_text_decode_move (const char *name, char *data,
                                      size_t n, const char *from_code,
                                      const struct tmc_warn_handler *warn,
                                      char **out, size_t *out_len,
                                      struct tmc_error *err);

/* Put the valid UTF-8 TEXT (N bytes, malloc'd, NUL-terminated at N) in
   NFC, taking it over.  Lines already in NFC, the great majority, are
   recognized by a quick check and kept where they are; only the lines
   that need it go through u8_normalize.  *OUT is TEXT itself or a new
   buffer.  Errors: TMC_ERR_NOMEM (TEXT is freed).  */
enum tmc_status tmc_text_nfc_move (char *text, size_t n, char **out,
                                   size_t *out_len, struct tmc_error *err);

/* 1 when the N bytes of valid UTF-8 at S are certainly in NFC (the
   quick check of UAX #15 with "maybe" counted as "no"), else 0.  */
int tmc_text_is_nfc (const char *s, size_t n);

/* The canonical combining class of C when C passes the NFC quick check
   (its NFC_Quick_Check is Yes), else -1 (and for every C at or above
   U+30000).  */
int tmc_text_nfc_class (unsigned int c);

/* tmc_match_key without its per-character fast path (normalize.c), so
   that the tests can check that the two agree.  */
enum tmc_status tmc_match_key_slow (const char *lang, const char *s,
                                    size_t n, char **key, size_t *key_len,
                                    struct tmc_error *err);

#endif /* TMC_TEXT_INTERNAL_H */
