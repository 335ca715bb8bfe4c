/* tmconv: Unicode normalization and match keys.

   Display text is only ever put in NFC: every other character (ZWNJ,
   Persian digits, guillemets, bidi marks) is kept as the author wrote it.
   The aligner compares sentences through a separate *match key*, a folded
   form in which the spelling variants of one text look alike.  */

#ifndef TMCONV_NORMALIZE_H
#define TMCONV_NORMALIZE_H

#include <stddef.h>

#include "tmconv/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Put the N bytes of valid UTF-8 at S into Unicode Normalization Form C.
   The result *OUT is freshly allocated and NUL-terminated, of *OUT_LEN
   bytes.  Errors: TMC_ERR_NOMEM; TMC_ERR_ENCODING when S is not valid
   UTF-8.  */
enum tmc_status tmc_nfc (const char *s, size_t n, char **out, size_t *out_len,
                         struct tmc_error *err);

/* The match key of the N bytes of UTF-8 text at S, in language LANG
   ("az", "fa", "en", or NULL for none).  The key is:
   - compatibility-decomposed and recomposed (NFKC: Arabic presentation
     forms become letters) and case-folded, with the Turkic rules for
     Azerbaijani (I -> ı, İ -> i);
   - digits ۰-۹ (U+06F0..) and ٠-٩ (U+0660..) folded to 0-9, the Arabic
     decimal separator U+066B to '.', the thousands separator U+066C to ',';
   - Arabic yeh U+064A and alef maksura U+0649 folded to Farsi yeh U+06CC,
     Arabic kaf U+0643 to keheh U+06A9;
   - tatweel U+0640, Arabic harakat (U+064B..U+065F, U+0670), bidi marks
     and controls (U+200E, U+200F, U+061C, U+202A..U+202E, U+2066..U+2069)
     and U+FEFF removed;
   - every run of white space (including NBSP) one ASCII space; no leading
     or trailing space.  ZWNJ U+200C is kept.
   The result *KEY is freshly allocated and NUL-terminated, of *KEY_LEN
   bytes.  Errors: TMC_ERR_NOMEM, TMC_ERR_ENCODING.  */
enum tmc_status tmc_match_key (const char *lang, const char *s, size_t n,
                               char **key, size_t *key_len,
                               struct tmc_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_NORMALIZE_H */
