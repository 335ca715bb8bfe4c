/* NFC and match keys, on top of libunistring.  */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "buf.h"
#include "internal.h"
#include "tmconv/normalize.h"

enum tmc_status
tmc_nfc (const char *s, size_t n, char **out, size_t *out_len,
         struct tmc_error *err)
{
  *out = NULL;
  *out_len = 0;
  if (u8_check ((const uint8_t *) s, n) != NULL)
    return tmc_error_set (err, TMC_ERR_ENCODING, NULL, 0, 0,
                          _("text is not valid UTF-8"));
  size_t len = 0;
  uint8_t *r = u8_normalize (UNINORM_NFC, (const uint8_t *) s, n, NULL, &len);
  if (r == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  /* Add the terminating NUL.  */
  uint8_t *t = realloc (r, len + 1);
  if (t == NULL)
    {
      free (r);
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
    }
  t[len] = '\0';
  *out = (char *) t;
  *out_len = len;
  return TMC_OK;
}

/* Characters dropped from match keys.  */
static int
key_drops (ucs4_t c)
{
  return c == 0x0640                      /* tatweel */
         || (c >= 0x064B && c <= 0x065F)  /* harakat */
         || c == 0x0670                   /* superscript alef */
         || c == 0x200E || c == 0x200F || c == 0x061C
         || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069)
         || c == 0xFEFF;
}

/* The replacement of C in a match key (C itself when none).  */
static ucs4_t
key_maps (ucs4_t c)
{
  if (c >= 0x06F0 && c <= 0x06F9)
    return '0' + (c - 0x06F0);
  if (c >= 0x0660 && c <= 0x0669)
    return '0' + (c - 0x0660);
  switch (c)
    {
    case 0x066B:
      return '.';
    case 0x066C:
      return ',';
    case 0x064A:
    case 0x0649:
      return 0x06CC;
    case 0x0643:
      return 0x06A9;
    default:
      return c;
    }
}

enum tmc_status
tmc_match_key (const char *lang, const char *s, size_t n, char **key,
               size_t *key_len, struct tmc_error *err)
{
  *key = NULL;
  *key_len = 0;
  if (u8_check ((const uint8_t *) s, n) != NULL)
    return tmc_error_set (err, TMC_ERR_ENCODING, NULL, 0, 0,
                          _("text is not valid UTF-8"));
  /* libunistring applies the Turkic rules for "az" and "tr".  */
  const char *iso639 = NULL;
  if (lang != NULL && strncmp (lang, "az", 2) == 0)
    iso639 = "az";
  /* Lowercase first, with the language's context rules: folding with
     normalization decomposes İ into I + U+0307 before it applies the
     Turkic I -> ı, which would give "ı̇".  */
  const uint8_t *src = (const uint8_t *) s;
  size_t src_len = n;
  uint8_t *lower = NULL;
  if (iso639 != NULL)
    {
      lower = u8_tolower (src, n, iso639, NULL, NULL, &src_len);
      if (lower == NULL)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
      src = lower;
    }
  size_t flen = 0;
  uint8_t *folded = u8_casefold (src, src_len, iso639, UNINORM_NFKC, NULL,
                                 &flen);
  free (lower);
  if (folded == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));

  struct tmc_buf b = TMC_BUF_INIT;
  if (tmc_buf_reserve (&b, flen) != 0)
    goto nomem;
  int pending_space = 0;
  const uint8_t *p = folded;
  const uint8_t *end = folded + flen;
  while (p < end)
    {
      ucs4_t c;
      int k = u8_mbtouc (&c, p, (size_t) (end - p));
      p += k;
      if (key_drops (c))
        continue;
      if (uc_is_space (c) || c == 0x00A0 || c == 0x202F || c == 0x2007)
        {
          pending_space = b.len > 0;
          continue;
        }
      if (pending_space)
        {
          if (tmc_buf_putc (&b, ' ') != 0)
            goto nomem;
          pending_space = 0;
        }
      if (tmc_buf_put_uc (&b, key_maps (c)) != 0)
        goto nomem;
    }
  free (folded);
  *key = tmc_buf_steal (&b, key_len);
  if (*key == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  return TMC_OK;

nomem:
  free (folded);
  tmc_buf_destroy (&b);
  return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
}
