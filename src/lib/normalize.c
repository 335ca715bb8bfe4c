/* NFC and match keys, on top of libunistring.  */

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "buf.h"
#include "internal.h"
#include "text-internal.h"
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
  /* Text that passes the quick check is in NFC already.  */
  if (tmc_text_is_nfc (s, n))
    {
      *out = tmc_strndup (s, n);
      if (*out == NULL)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
      *out_len = n;
      return TMC_OK;
    }
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

/* Azerbaijani in Cyrillic script (1939-1991, and still in old documents):
   the Latin letters of the lower-case Cyrillic ones, so that the keys of
   an az-Cyrl text and of an az-Latn one (and the names in an English one)
   look alike.  After the correspondence of the two alphabets (Ә ə, Ғ ğ,
   Ҝ g, Г q, Һ h, Ҹ c, Ч ç, Ј y, Ы ı, И i, Ө ö, Ү ü), with the Russian
   letters as Azerbaijani writes Russian names (Я ya, Ю yu, Ё yo, Ц ts,
   Щ şç; the hard and soft signs are dropped).  NULL: not Cyrillic.  */
static const char *
az_cyrillic (ucs4_t c)
{
  static const char *const basic[32] = {
    "a", "b", "v", "q", "d", "e", "j", "z",            /* а б в г д е ж з */
    "i", "y", "k", "l", "m", "n", "o", "p",            /* и й к л м н о п */
    "r", "s", "t", "u", "f", "x", "ts", "\xc3\xa7",    /* р с т у ф х ц ч */
    "\xc5\x9f", "\xc5\x9f\xc3\xa7", "", "\xc4\xb1",    /* ш щ ъ ы */
    "", "e", "yu", "ya"                                /* ь э ю я */
  };
  if (c >= 0x0430 && c <= 0x044F)
    return basic[c - 0x0430];
  switch (c)
    {
    case 0x0451: return "yo";
    case 0x0458: return "y";            /* ј */
    case 0x0493: return "\xc4\x9f";     /* ғ ğ */
    case 0x049D: return "g";            /* ҝ */
    case 0x04AF: return "\xc3\xbc";     /* ү ü */
    case 0x04B9: return "c";            /* ҹ */
    case 0x04BB: return "h";            /* һ */
    case 0x04D9: return "\xc9\x99";     /* ә ə */
    case 0x04E9: return "\xc3\xb6";     /* ө ö */
    default: return NULL;
    }
}

static int
key_space (ucs4_t c)
{
  return uc_is_space (c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

/* Append the folded text F (FLEN bytes) to B as a key: drop, map,
   transliterate (AZ) and collapse white space.  *PENDING_SPACE carries a
   space to write before the next character.  Returns 0, or -1 when out
   of memory.  */
static int
key_append (struct tmc_buf *b, const uint8_t *f, size_t flen, int az,
            int *pending_space)
{
  const uint8_t *p = f;
  const uint8_t *end = f + flen;
  while (p < end)
    {
      ucs4_t c;
      int k = u8_mbtouc (&c, p, (size_t) (end - p));
      p += k;
      if (key_drops (c))
        continue;
      if (key_space (c))
        {
          *pending_space = b->len > 0;
          continue;
        }
      const char *lat = az ? az_cyrillic (c) : NULL;
      if (lat != NULL && *lat == '\0')
        continue;
      if (*pending_space)
        {
          if (tmc_buf_putc (b, ' ') != 0)
            return -1;
          *pending_space = 0;
        }
      if (lat != NULL ? tmc_buf_puts (b, lat) != 0
                      : tmc_buf_put_uc (b, key_maps (c)) != 0)
        return -1;
    }
  return 0;
}

/* Fold the N bytes at S for LANG (lowercase with the language's rules,
   then full case folding with NFKC).  Returns a new buffer of *FLEN
   bytes, or NULL when out of memory.  */
static uint8_t *
key_fold (const char *iso639, const uint8_t *s, size_t n, size_t *flen)
{
  /* libunistring applies the Turkic rules for "az" and "tr".  Lowercase
     first, with the language's context rules: folding with
     normalization decomposes İ into I + U+0307 before it applies the
     Turkic I -> ı, which would give "ı̇".  */
  const uint8_t *src = s;
  size_t src_len = n;
  uint8_t *lower = NULL;
  if (iso639 != NULL)
    {
      lower = u8_tolower (s, n, iso639, NULL, NULL, &src_len);
      if (lower == NULL)
        return NULL;
      src = lower;
    }
  uint8_t *folded = u8_casefold (src, src_len, iso639, UNINORM_NFKC, NULL,
                                 flen);
  free (lower);
  return folded;
}

/* The key of each character on its own, for the fast path.  A character
   is *simple* when its key does not depend on its neighbours: combining
   class 0, stable under NFC and never second in a composition (see
   text-nfc.c), and folding to characters that are all of that kind
   too.  The key of a text of simple characters is then the keys of its
   characters one after the other.  Entries are made a page of 256 code
   points at a time, on first use, per variant (Turkic or not).  */
enum { FOLD_COMPLEX = 0, FOLD_TEXT, FOLD_SPACE, FOLD_DROP };

struct fold_entry {
  unsigned char kind;
  unsigned char len;
  char bytes[10];
};

#define FOLD_PAGES (0x30000 / 256)

static struct fold_entry *_Atomic fold_pages[2][FOLD_PAGES];
static pthread_mutex_t fold_lock = PTHREAD_MUTEX_INITIALIZER;

/* Is C stable under NFC with combining class 0 (0 for the characters
   that pass the quick check but are combining marks, -1 for the
   others)?  */
static int
fold_stable (ucs4_t c)
{
  int ccc = tmc_text_nfc_class (c);
  return ccc == 0 ? 1 : ccc > 0 ? 0 : -1;
}

static void
fold_fill (struct fold_entry *page, ucs4_t base, int az)
{
  for (unsigned i = 0; i < 256; i++)
    {
      ucs4_t c = base + i;
      struct fold_entry *e = &page[i];
      e->kind = FOLD_COMPLEX;
      /* Surrogates are not characters; the rest must be stable.  */
      int stable = fold_stable (c);
      if ((c >= 0xD800 && c <= 0xDFFF) || stable < 0)
        continue;
      uint8_t in[6];
      int m = u8_uctomb (in, c, sizeof in);
      size_t flen;
      uint8_t *f = key_fold (az ? "az" : NULL, in, (size_t) m, &flen);
      if (f == NULL)
        continue;
      int ok = 1;
      for (size_t j = 0; j < flen && ok;)
        {
          ucs4_t d;
          j += (size_t) u8_mbtouc (&d, f + j, flen - j);
          ok = fold_stable (d) == 1 || (stable == 0 && key_drops (d));
        }
      /* How many of the folded characters are white space?  */
      size_t n_chars = 0, n_space = 0;
      for (size_t j = 0; j < flen && ok; n_chars++)
        {
          ucs4_t d;
          j += (size_t) u8_mbtouc (&d, f + j, flen - j);
          n_space += key_space (d) != 0;
        }
      struct tmc_buf b = TMC_BUF_INIT;
      int pending = 0;
      if (ok && n_space == 1 && n_chars == 1)
        e->kind = FOLD_SPACE;
      else if (ok && n_space == 0
               && key_append (&b, f, flen, az, &pending) == 0)
        {
          if (b.len == 0)
            e->kind = FOLD_DROP;
          else if (stable == 0)
            ;  /* a combining mark that stays: its place matters */
          else if (b.len <= sizeof e->bytes)
            {
              e->kind = FOLD_TEXT;
              e->len = (unsigned char) b.len;
              memcpy (e->bytes, b.data, b.len);
            }
        }
      tmc_buf_destroy (&b);
      free (f);
    }
}

static const struct fold_entry *
fold_lookup (ucs4_t c, int az)
{
  if (c >= 0x30000)
    return NULL;
  struct fold_entry *page = fold_pages[az][c >> 8];
  if (page == NULL)
    {
      pthread_mutex_lock (&fold_lock);
      page = fold_pages[az][c >> 8];
      if (page == NULL)
        {
          page = malloc (256 * sizeof *page);
          if (page != NULL)
            {
              fold_fill (page, c & ~(ucs4_t) 0xFF, az);
              fold_pages[az][c >> 8] = page;
            }
        }
      pthread_mutex_unlock (&fold_lock);
      if (page == NULL)
        return NULL;
    }
  return &page[c & 0xFF];
}

/* The key of S (N bytes of valid UTF-8) by the character table, into B.
   Returns 1 when done, 0 when S holds a character that is not simple
   (B is then reset), -1 when out of memory.  */
static int
key_fast (const char *s, size_t n, int az, struct tmc_buf *b)
{
  const uint8_t *p = (const uint8_t *) s;
  const uint8_t *end = p + n;
  int pending_space = 0;
  while (p < end)
    {
      ucs4_t c;
      if (*p < 0x80)
        c = *p++;
      else
        p += u8_mbtouc_unsafe (&c, p, (size_t) (end - p));
      const struct fold_entry *e = fold_lookup (c, az);
      if (e == NULL || e->kind == FOLD_COMPLEX)
        {
          tmc_buf_reset (b);
          return 0;
        }
      if (e->kind == FOLD_DROP)
        continue;
      if (e->kind == FOLD_SPACE)
        {
          pending_space = b->len > 0;
          continue;
        }
      if (pending_space)
        {
          if (tmc_buf_putc (b, ' ') != 0)
            return -1;
          pending_space = 0;
        }
      if (tmc_buf_append (b, e->bytes, e->len) != 0)
        return -1;
    }
  return 1;
}

/* The key of S the long way: fold the whole text, then map it.  */
static int
key_slow (const char *s, size_t n, int az, struct tmc_buf *b)
{
  size_t flen = 0;
  uint8_t *folded = key_fold (az ? "az" : NULL, (const uint8_t *) s, n,
                              &flen);
  if (folded == NULL)
    return -1;
  int pending_space = 0;
  int r = tmc_buf_reserve (b, flen) == 0
          && key_append (b, folded, flen, az, &pending_space) == 0;
  free (folded);
  return r ? 1 : -1;
}

static enum tmc_status
match_key (const char *lang, const char *s, size_t n, char **key,
           size_t *key_len, int allow_fast, struct tmc_error *err)
{
  *key = NULL;
  *key_len = 0;
  if (u8_check ((const uint8_t *) s, n) != NULL)
    return tmc_error_set (err, TMC_ERR_ENCODING, NULL, 0, 0,
                          _("text is not valid UTF-8"));
  int az = lang != NULL && strncmp (lang, "az", 2) == 0;
  struct tmc_buf b = TMC_BUF_INIT;
  int r = 0;
  if (tmc_buf_reserve (&b, n) != 0)
    r = -1;
  else if (allow_fast)
    r = key_fast (s, n, az, &b);
  if (r == 0)
    r = key_slow (s, n, az, &b);
  if (r < 0)
    {
      tmc_buf_destroy (&b);
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  *key = tmc_buf_steal (&b, key_len);
  if (*key == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  return TMC_OK;
}

enum tmc_status
tmc_match_key (const char *lang, const char *s, size_t n, char **key,
               size_t *key_len, struct tmc_error *err)
{
  return match_key (lang, s, n, key, key_len, 1, err);
}

/* The same without the character table, for the tests that check the
   two agree.  */
enum tmc_status
tmc_match_key_slow (const char *lang, const char *s, size_t n, char **key,
                    size_t *key_len, struct tmc_error *err)
{
  return match_key (lang, s, n, key, key_len, 0, err);
}
