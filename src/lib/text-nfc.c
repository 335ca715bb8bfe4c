/* NFC of whole texts: a quick check, and u8_normalize only where it is
   needed.

   u8_normalize goes through every character (about 60 MB/s here); most
   report text is already in NFC.  This is the NFC quick check of UAX #15
   (section 9): a text is in NFC when its combining marks are in
   canonical order and it holds no character whose NFC_Quick_Check is No
   or Maybe, "Maybe" being taken as "no".  The property is derived at run
   time from libunistring's own tables, so it follows the Unicode version
   libunistring has: a character is unstable when NFC does not map it to
   itself, or when it comes second in a canonical composition (the
   combining marks that compose, the Hangul vowels, a few Indic vowel
   signs).  A line that passes is in NFC; other lines go through
   u8_normalize.  A line is a unit of its own: LF is stable and composes
   with nothing.  */

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "buf.h"
#include "internal.h"
#include "text-internal.h"

/* Code points below TABLE_END have an entry; the ones above (rare
   scripts, CJK extension B and up) always take the slow path.  Below
   U+0300 every character is stable.  */
#define TABLE_END 0x30000
#define FIRST_UNSTABLE 0x300

/* Per code point: its canonical combining class, or UNSTABLE.  */
#define UNSTABLE 255
static unsigned char *info;  /* TABLE_END entries */
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void
build_table (void)
{
  unsigned char *t = calloc (TABLE_END, 1);
  if (t == NULL)
    return;
  ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
  for (ucs4_t c = FIRST_UNSTABLE; c < TABLE_END; c++)
    {
      int ccc = uc_combining_class (c);
      if (t[c] != UNSTABLE)
        t[c] = (unsigned char) (ccc < UNSTABLE ? ccc : UNSTABLE - 1);
      int k = uc_canonical_decomposition (c, dec);
      if (k < 0)
        continue;
      /* The second of a pair may compose with what comes before it.  */
      if (k == 2 && dec[1] < TABLE_END)
        t[dec[1]] = UNSTABLE;
      /* Does NFC give C back?  */
      uint8_t in[6];
      int m = u8_uctomb (in, c, sizeof in);
      uint8_t res[32];
      size_t rlen = sizeof res;
      uint8_t *r = u8_normalize (UNINORM_NFC, in, (size_t) m, res, &rlen);
      if (r == NULL || rlen != (size_t) m || memcmp (r, in, rlen) != 0)
        t[c] = UNSTABLE;
      if (r != NULL && r != res)
        free (r);
    }
  info = t;
}

/* The table entry of C (at least FIRST_UNSTABLE, below TABLE_END), or
   UNSTABLE when the table cannot be made.  */
static unsigned
entry (ucs4_t c)
{
  pthread_once (&table_once, build_table);
  return info != NULL ? info[c] : UNSTABLE;
}

int
tmc_text_nfc_class (unsigned int c)
{
  if (c < FIRST_UNSTABLE)
    return 0;
  if (c >= TABLE_END)
    return -1;
  unsigned e = entry (c);
  return e == UNSTABLE ? -1 : (int) e;
}

int
tmc_text_is_nfc (const char *s, size_t n)
{
  const uint8_t *p = (const uint8_t *) s;
  const uint8_t *end = p + n;
  unsigned last = 0;
  while (p < end)
    {
      if (*p < 0xCC)
        {
          /* Below U+0300 (0xCC 0x80): ASCII, and lead bytes of
             U+0080..U+02FF; their continuation bytes are < 0xC0.  */
          if (*p < 0x80 || *p >= 0xC0)
            last = 0;
          p++;
          continue;
        }
      ucs4_t c;
      int k = u8_mbtouc_unsafe (&c, p, (size_t) (end - p));
      p += k;
      if (c < FIRST_UNSTABLE)
        {
          last = 0;
          continue;
        }
      if (c >= TABLE_END)
        return 0;
      unsigned ccc = entry (c);
      if (ccc == UNSTABLE || (ccc != 0 && last > ccc))
        return 0;
      last = ccc;
    }
  return 1;
}

enum tmc_status
tmc_text_nfc_move (char *text, size_t n, char **out, size_t *out_len,
                   struct tmc_error *err)
{
  *out = NULL;
  *out_len = 0;
  if (tmc_text_is_nfc (text, n))
    {
      *out = text;
      *out_len = n;
      return TMC_OK;
    }
  struct tmc_buf b = TMC_BUF_INIT;
  if (tmc_buf_reserve (&b, n + n / 16 + 16) != 0)
    goto nomem;
  size_t pos = 0;
  while (pos < n)
    {
      const char *nl = memchr (text + pos, '\n', n - pos);
      size_t end = nl ? (size_t) (nl - text) + 1 : n;
      if (tmc_text_is_nfc (text + pos, end - pos))
        {
          if (tmc_buf_append (&b, text + pos, end - pos) != 0)
            goto nomem;
        }
      else
        {
          size_t rlen = 0;
          uint8_t *r = u8_normalize (UNINORM_NFC,
                                     (const uint8_t *) text + pos,
                                     end - pos, NULL, &rlen);
          if (r == NULL)
            goto nomem;
          int e = tmc_buf_append (&b, r, rlen);
          free (r);
          if (e != 0)
            goto nomem;
        }
      pos = end;
    }
  free (text);
  *out = tmc_buf_steal (&b, out_len);
  if (*out == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  return TMC_OK;

nomem:
  free (text);
  tmc_buf_destroy (&b);
  return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
}
