/* TMX: language tags, the unit scheme, dates, escaping, statistics.  */

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "tmx-internal.h"

/* ------------------------------------------------------------------ */
/* ASCII helpers (language tags are ASCII; the locale must not matter).  */

static int
is_alpha (int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit (int c)
{
  return c >= '0' && c <= '9';
}

static int
to_lower (int c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
to_upper (int c)
{
  return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

int
tmc_tmx_streq_ci (const char *a, const char *b)
{
  for (; *a && *b; a++, b++)
    if (to_lower ((unsigned char) *a) != to_lower ((unsigned char) *b))
      return 0;
  return *a == *b;
}

int
tmc_tmx_is_number (const char *v)
{
  if (*v == '\0')
    return 0;
  for (; *v; v++)
    if (!is_digit ((unsigned char) *v))
      return 0;
  return 1;
}

/* ------------------------------------------------------------------ */
/* Language tags.  */

int
tmc_tmx_lang_valid (const char *tag)
{
  size_t len = 0;
  int first = 1;
  for (const char *p = tag;; p++)
    {
      int c = (unsigned char) *p;
      if (c == '-' || c == '\0')
        {
          if (len == 0 || len > 8)
            return 0;
          if (c == '\0')
            return 1;
          first = 0;
          len = 0;
          continue;
        }
      if (!(is_alpha (c) || (!first && is_digit (c))))
        return 0;
      len++;
    }
}

int
tmc_tmx_lang_canonical (const char *tag, const struct tmc_tmx_langmap *map,
                        char *buf, size_t size)
{
  if (size == 0)
    return -1;
  size_t n = strlen (tag);
  if (n >= size)
    {
      memcpy (buf, tag, size - 1);
      buf[size - 1] = '\0';
      return -1;
    }
  for (size_t i = 0; i <= n; i++)
    buf[i] = tag[i] == '_' ? '-' : tag[i];
  if (!tmc_tmx_lang_valid (buf))
    {
      memcpy (buf, tag, n + 1);
      return -1;
    }
  if (map)
    {
      const char *m = tmc_tmx_langmap_get (map, buf);
      if (m)
        {
          size_t mn = strlen (m);
          if (mn >= size)
            return -1;
          memcpy (buf, m, mn + 1);
          return 0;
        }
    }
  /* BCP 47 case conventions: language lowercase, script titlecase,
     region uppercase; after a singleton (extension, private use)
     everything lowercase.  */
  char *s = buf;
  int idx = 0, after_singleton = 0;
  while (*s)
    {
      char *e = s;
      while (*e && *e != '-')
        e++;
      size_t len = (size_t) (e - s);
      for (char *q = s; q < e; q++)
        *q = (char) to_lower ((unsigned char) *q);
      if (idx > 0 && !after_singleton)
        {
          if (len == 1)
            after_singleton = 1;
          else if (len == 4 && is_alpha ((unsigned char) s[0]))
            s[0] = (char) to_upper ((unsigned char) s[0]);
          else if (len == 2)
            {
              s[0] = (char) to_upper ((unsigned char) s[0]);
              s[1] = (char) to_upper ((unsigned char) s[1]);
            }
        }
      if (idx == 0 && len == 1)
        after_singleton = 1;  /* "x-..." and "i-..." */
      idx++;
      s = *e ? e + 1 : e;
    }
  return 0;
}

void
tmc_tmx_langmap_init (struct tmc_tmx_langmap *map)
{
  memset (map, 0, sizeof *map);
}

static int
langmap_put (struct tmc_tmx_langmap *map, const char *lang, const char *tag)
{
  size_t i;
  for (i = 0; i < map->n; i++)
    if (strcmp (map->v[i].lang, lang) == 0)
      break;
  if (i == map->n)
    {
      if (map->n == TMC_TMX_LANGMAP_MAX)
        return -1;
      map->n++;
    }
  snprintf (map->v[i].lang, sizeof map->v[i].lang, "%s", lang);
  snprintf (map->v[i].tag, sizeof map->v[i].tag, "%s", tag);
  return 0;
}

void
tmc_tmx_langmap_defaults (struct tmc_tmx_langmap *map)
{
  tmc_tmx_langmap_init (map);
  langmap_put (map, "az", TMC_TMX_DEFAULT_TAG_AZ);
  langmap_put (map, "fa", TMC_TMX_DEFAULT_TAG_FA);
  langmap_put (map, "en", TMC_TMX_DEFAULT_TAG_EN);
}

enum tmc_status
tmc_tmx_langmap_set (struct tmc_tmx_langmap *map, const char *spec,
                     struct tmc_error *err)
{
  const char *p = spec;
  if (*p == '\0')
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("empty language tag assignment"));
  while (*p)
    {
      const char *comma = strchr (p, ',');
      size_t len = comma ? (size_t) (comma - p) : strlen (p);
      char item[2 * TMC_TMX_TAG_MAX];
      if (len >= sizeof item)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("language tag assignment too long: '%.*s'"),
                              (int) (len > 40 ? 40 : len), p);
      memcpy (item, p, len);
      item[len] = '\0';
      char *eq = strchr (item, '=');
      if (eq == NULL)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("'%s' is not LANG=TAG (for example "
                                "az=az-Latn-AZ)"), item);
      *eq = '\0';
      const char *lang = item, *tag = eq + 1;
      size_t ll = strlen (lang);
      int ok = ll >= 2 && ll <= 8;
      for (size_t i = 0; ok && i < ll; i++)
        ok = is_alpha ((unsigned char) lang[i]);
      if (!ok)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("'%s' is not a primary language subtag "
                                "(for example az)"), lang);
      char canon[TMC_TMX_TAG_MAX];
      if (tmc_tmx_lang_canonical (tag, NULL, canon, sizeof canon) != 0)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("'%s' is not a well-formed language tag"),
                              tag);
      char key[16];
      tmc_lang_primary (lang, key, sizeof key);
      if (langmap_put (map, key, canon) != 0)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("too many language tag assignments "
                                "(at most %d)"), TMC_TMX_LANGMAP_MAX);
      p += len;
      if (*p == ',')
        p++;
    }
  return TMC_OK;
}

const char *
tmc_tmx_langmap_get (const struct tmc_tmx_langmap *map, const char *tag)
{
  char key[16];
  tmc_lang_primary (tag, key, sizeof key);
  for (size_t i = 0; i < map->n; i++)
    if (strcmp (map->v[i].lang, key) == 0)
      return map->v[i].tag;
  return NULL;
}

/* ------------------------------------------------------------------ */
/* The unit scheme.  */

char *
tmc_tmx_make_tuid (const char *doc, size_t index)
{
  struct tmc_buf b = TMC_BUF_INIT;
  for (const char *p = doc ? doc : ""; *p; p++)
    {
      char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        c = '_';
      if (tmc_buf_putc (&b, c) != 0)
        {
          tmc_buf_destroy (&b);
          return NULL;
        }
    }
  if (tmc_buf_printf (&b, ":%04zu", index) != 0)
    {
      tmc_buf_destroy (&b);
      return NULL;
    }
  return tmc_buf_steal (&b, NULL);
}

char *
tmc_tmx_format_score (double score, char *buf)
{
  if (!(score > 0))  /* also NaN */
    score = 0;
  if (score > 1)
    score = 1;
  int v = (int) lround (score * 1000);
  snprintf (buf, 8, "%d.%03d", v / 1000 % 10, v % 1000);
  return buf;
}

int
tmc_tmx_parse_score (const char *s, double *out)
{
  unsigned long long mant = 0;
  int digits = 0, frac = 0, seen_dot = 0;
  const char *p = s;
  for (; *p; p++)
    {
      if (*p == '.' && !seen_dot)
        {
          seen_dot = 1;
          continue;
        }
      if (!is_digit ((unsigned char) *p))
        return -1;
      if (mant < 100000000000000000ULL)
        {
          mant = mant * 10 + (unsigned long long) (*p - '0');
          if (seen_dot)
            frac++;
        }
      else if (!seen_dot)
        return -1;  /* too large to be a score */
      digits++;
    }
  if (digits == 0)
    return -1;
  double v = (double) mant;
  for (int i = 0; i < frac; i++)
    v /= 10;
  *out = v;
  return 0;
}

int
tmc_tmx_unit_score (const struct tmc_tu *tu, double *score)
{
  const char *v = tmc_meta_prop (&tu->meta, TMC_TMX_PROP_SCORE);
  if (v == NULL)
    return 0;
  return tmc_tmx_parse_score (v, score) == 0 ? 1 : -1;
}

char *
tmc_tmx_pair_path (const char *path, const char *src, const char *tgt)
{
  char ps[16], pt[16];
  tmc_lang_primary (src, ps, sizeof ps);
  tmc_lang_primary (tgt, pt, sizeof pt);
  const char *slash = strrchr (path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr (base, '.');
  struct tmc_buf b = TMC_BUF_INIT;
  int r;
  if (dot && dot != base)
    r = tmc_buf_printf (&b, "%.*s.%s-%s%s", (int) (dot - path), path, ps, pt,
                        dot);
  else
    r = tmc_buf_printf (&b, "%s.%s-%s.tmx", path, ps, pt);
  if (r != 0)
    {
      tmc_buf_destroy (&b);
      return NULL;
    }
  return tmc_buf_steal (&b, NULL);
}

enum tmc_status
tmc_tmx_encoding_parse (const char *name, enum tmc_tmx_encoding *enc,
                        struct tmc_error *err)
{
  static const struct {
    const char *name;
    enum tmc_tmx_encoding enc;
  } names[] = {
    { "UTF-8", TMC_TMX_UTF8 },       { "UTF8", TMC_TMX_UTF8 },
    { "UTF-16", TMC_TMX_UTF16LE },   { "UTF16", TMC_TMX_UTF16LE },
    { "UTF-16LE", TMC_TMX_UTF16LE }, { "UTF16LE", TMC_TMX_UTF16LE },
    { "UTF-16BE", TMC_TMX_UTF16BE }, { "UTF16BE", TMC_TMX_UTF16BE },
    { "US-ASCII", TMC_TMX_ASCII },   { "ASCII", TMC_TMX_ASCII },
  };
  for (size_t i = 0; i < TMC_ARRAY_SIZE (names); i++)
    if (tmc_tmx_streq_ci (name, names[i].name))
      {
        *enc = names[i].enc;
        return TMC_OK;
      }
  return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                        _("unsupported TMX encoding '%s' (use UTF-8, "
                          "UTF-16, UTF-16LE, UTF-16BE or US-ASCII)"),
                        name);
}

/* ------------------------------------------------------------------ */
/* Dates.  */

/* Days since 1970-01-01 of the proleptic Gregorian date Y-M-D (Howard
   Hinnant's days_from_civil).  */
static long long
days_from_civil (long long y, unsigned m, unsigned d)
{
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned) (y - era * 400);
  unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (long long) doe - 719468;
}

static void
civil_from_days (long long z, long long *y, unsigned *m, unsigned *d)
{
  z += 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned) (z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long yy = (long long) yoe + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yy + (*m <= 2);
}

static int
days_in_month (long long y, unsigned m)
{
  static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return dm[m - 1];
}

/* Read exactly N digits at *P into *V and advance *P.  */
static int
digits (const char **p, int n, unsigned *v)
{
  unsigned r = 0;
  for (int i = 0; i < n; i++)
    {
      if (!is_digit ((unsigned char) (*p)[i]))
        return 0;
      r = r * 10 + (unsigned) ((*p)[i] - '0');
    }
  *p += n;
  *v = r;
  return 1;
}

int
tmc_tmx_parse_date (const char *s, long long *secs)
{
  const char *p = s;
  unsigned y, mo, d, h = 0, mi = 0, se = 0;
  int form = 2;
  if (!digits (&p, 4, &y))
    return 0;
  int dashed = *p == '-';
  if (dashed)
    p++;
  if (!digits (&p, 2, &mo))
    return 0;
  if (dashed && *p++ != '-')
    return 0;
  if (!digits (&p, 2, &d))
    return 0;
  long long offset = 0;
  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      p++;
      if (!digits (&p, 2, &h))
        return 0;
      int colon = *p == ':';
      if (colon)
        p++;
      if (!digits (&p, 2, &mi))
        return 0;
      if (colon && *p++ != ':')
        return 0;
      if (!digits (&p, 2, &se))
        return 0;
      if (*p == '.' || *p == ',')
        {
          p++;
          if (!is_digit ((unsigned char) *p))
            return 0;
          while (is_digit ((unsigned char) *p))
            p++;
        }
      if (*p == 'Z' && p[1] == '\0' && !dashed && !colon && p - s == 15)
        form = 1;
      if (*p == 'Z' || *p == 'z')
        p++;
      else if (*p == ' ' && strcmp (p + 1, "UTC") == 0)
        p += 4;
      else if (*p == ' ' && strcmp (p + 1, "GMT") == 0)
        p += 4;
      else if (*p == '+' || *p == '-')
        {
          int sign = *p == '-' ? -1 : 1;
          unsigned oh, om = 0;
          p++;
          if (!digits (&p, 2, &oh))
            return 0;
          if (*p == ':')
            p++;
          if (*p && !digits (&p, 2, &om))
            return 0;
          if (oh > 14 || om > 59)
            return 0;
          offset = sign * (long long) (oh * 3600 + om * 60);
        }
    }
  if (*p != '\0')
    return 0;
  if (mo < 1 || mo > 12 || d < 1 || (int) d > days_in_month (y, mo)
      || h > 23 || mi > 59 || se > 59)
    return 0;
  *secs = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + se
          - offset;
  return form;
}

char *
tmc_tmx_format_date (long long secs, char *buf)
{
  long long days = secs / 86400, rem = secs % 86400;
  if (rem < 0)
    {
      rem += 86400;
      days--;
    }
  long long y;
  unsigned m, d;
  civil_from_days (days, &y, &m, &d);
  if (y < 0 || y > 9999)
    {
      y = y < 0 ? 0 : 9999;
      m = y ? 12 : 1;
      d = y ? 31 : 1;
      rem = y ? 86399 : 0;
    }
  unsigned hh = (unsigned) (rem / 3600), mm = (unsigned) (rem / 60 % 60),
           ss = (unsigned) (rem % 60);
  snprintf (buf, 17, "%04u%02u%02uT%02u%02u%02uZ", (unsigned) y % 10000,
            m % 100, d % 100, hh % 100, mm % 100, ss % 100);
  return buf;
}

enum tmc_status
tmc_tmx_now (long long *secs, struct tmc_error *err)
{
  const char *e = getenv ("SOURCE_DATE_EPOCH");
  if (e && *e)
    {
      char *end;
      errno = 0;
      long long v = strtoll (e, &end, 10);
      if (errno != 0 || *end != '\0' || v < 0
          || !is_digit ((unsigned char) *e))
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("SOURCE_DATE_EPOCH is not a number of "
                                "seconds: '%s'"), e);
      *secs = v;
      return TMC_OK;
    }
  *secs = (long long) time (NULL);
  return TMC_OK;
}

/* ------------------------------------------------------------------ */
/* Characters and escaping.  */

size_t
tmc_tmx_utf8_next (const unsigned char *s, size_t n, unsigned int *c)
{
  unsigned char b = s[0];
  if (b < 0x80)
    {
      *c = b;
      return 1;
    }
  if (b >= 0xC2 && b <= 0xDF)
    {
      if (n < 2 || (s[1] & 0xC0) != 0x80)
        return 0;
      *c = ((unsigned) (b & 0x1F) << 6) | (s[1] & 0x3F);
      return 2;
    }
  if (b >= 0xE0 && b <= 0xEF)
    {
      if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
      if ((b == 0xE0 && s[1] < 0xA0) || (b == 0xED && s[1] >= 0xA0))
        return 0;  /* overlong, or a surrogate */
      *c = ((unsigned) (b & 0x0F) << 12) | ((unsigned) (s[1] & 0x3F) << 6)
           | (s[2] & 0x3F);
      return 3;
    }
  if (b >= 0xF0 && b <= 0xF4)
    {
      if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80
          || (s[3] & 0xC0) != 0x80)
        return 0;
      if ((b == 0xF0 && s[1] < 0x90) || (b == 0xF4 && s[1] >= 0x90))
        return 0;
      *c = ((unsigned) (b & 0x07) << 18) | ((unsigned) (s[1] & 0x3F) << 12)
           | ((unsigned) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
      return 4;
    }
  return 0;
}

/* What tmc_tmx_escape makes of a byte: 0 copied (ASCII), 1 escaped or
   dropped (& < > CR, C0 controls), 2 the lead of a two-byte sequence
   (always allowed), 3 another non-ASCII byte (checked), 4 copied in text
   but escaped in attributes (TAB, LF, ").  */
static const unsigned char esc_class[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

int
tmc_tmx_escape (struct tmc_buf *b, const char *str, size_t n, int attr,
                size_t *dropped)
{
  const unsigned char *s = (const unsigned char *) str;
  /* Reserve for the common case: no escapes.  */
  if (tmc_buf_reserve (b, n) != 0)
    return -2;
  size_t i = 0;
  while (i < n)
    {
      size_t start = i;
      /* A run of bytes copied as they are.  */
      unsigned plain4 = attr ? 0 : 4;  /* class 4 is plain in text */
      for (;;)
        {
          if (i >= n)
            break;
          unsigned k = esc_class[s[i]];
          if (k == 0 || k == plain4)
            {
              i++;
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
              /* Eight plain ASCII bytes at a time: none below 0x20,
                 none with bit 7 set, none of & < > (or " in
                 attributes).  */
              while (i + 8 <= n)
                {
                  uint64_t x;
                  memcpy (&x, s + i, 8);
                  const uint64_t ones = 0x0101010101010101ULL;
                  const uint64_t high = 0x8080808080808080ULL;
                  uint64_t amp = x ^ ('&' * ones), lt = x ^ ('<' * ones);
                  uint64_t gt = x ^ ('>' * ones), qt = x ^ ('"' * ones);
                  uint64_t stop = (x | ((x - 0x20 * ones) & ~x)
                                   | ((amp - ones) & ~amp)
                                   | ((lt - ones) & ~lt)
                                   | ((gt - ones) & ~gt)
                                   | (attr ? (qt - ones) & ~qt : 0)) & high;
                  if (stop)
                    break;
                  i += 8;
                }
#endif
              continue;
            }
          if (k == 2)
            {
              /* Two-byte sequences (Latin letters with diacritics,
                 Arabic script) are always allowed.  */
              if (i + 1 < n && (s[i + 1] & 0xC0) == 0x80)
                {
                  i += 2;
                  continue;
                }
              break;
            }
          if (k != 3)
            break;
          unsigned int uc;
          size_t len = tmc_tmx_utf8_next (s + i, n - i, &uc);
          if (len == 0 || uc == 0xFFFE || uc == 0xFFFF)
            break;
          i += len;
        }
      if (i > start && tmc_buf_append (b, s + start, i - start) != 0)
        return -2;
      if (i >= n)
        break;
      unsigned char c = s[i];
      const char *rep = NULL;
      size_t skip = 1;
      if (c < 0x80)
        switch (c)
          {
          case '&': rep = "&amp;"; break;
          case '<': rep = "&lt;"; break;
          case '>': rep = "&gt;"; break;
          case '"': rep = "&quot;"; break;
          case '\r': rep = "&#xD;"; break;
          case '\n': rep = "&#xA;"; break;
          case '\t': rep = "&#x9;"; break;
          default: (*dropped)++; break;
          }
      else
        {
          unsigned int uc;
          size_t len = tmc_tmx_utf8_next (s + i, n - i, &uc);
          if (len == 0)
            return -1;
          (*dropped)++;  /* U+FFFE or U+FFFF */
          skip = len;
        }
      if (rep && tmc_buf_puts (b, rep) != 0)
        return -2;
      i += skip;
    }
  return 0;
}

int
tmc_tmx_is_space (unsigned int c)
{
  switch (c)
    {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
      return 1;
    default:
      return c >= 0x2000 && c <= 0x200A;
    }
}

int
tmc_tmx_all_space (const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str;
  size_t i = 0;
  while (i < n)
    {
      unsigned char b = s[i];
      if (b < 0x80)
        {
          if (b != ' ' && (b < '\t' || b > '\r'))
            return 0;
          i++;
          continue;
        }
      unsigned int c;
      size_t len = tmc_tmx_utf8_next (s + i, n - i, &c);
      if (len == 0 || !tmc_tmx_is_space (c))
        return 0;
      i += len;
    }
  return 1;
}

/* ------------------------------------------------------------------ */
/* Element and attribute tables (the TMX 1.4 DTD).  */

enum tmc_tmx_inline
tmc_tmx_inline_kind (const char *name)
{
  switch (name[0])
    {
    case 'b':
      return strcmp (name, "bpt") == 0 ? TMC_INL_BPT : TMC_INL_NONE;
    case 'e':
      return strcmp (name, "ept") == 0 ? TMC_INL_EPT : TMC_INL_NONE;
    case 'i':
      return strcmp (name, "it") == 0 ? TMC_INL_IT : TMC_INL_NONE;
    case 'p':
      return strcmp (name, "ph") == 0 ? TMC_INL_PH : TMC_INL_NONE;
    case 'h':
      return strcmp (name, "hi") == 0 ? TMC_INL_HI : TMC_INL_NONE;
    case 's':
      return strcmp (name, "sub") == 0 ? TMC_INL_SUB : TMC_INL_NONE;
    case 'u':
      return strcmp (name, "ut") == 0 ? TMC_INL_UT : TMC_INL_NONE;
    default:
      return TMC_INL_NONE;
    }
}

int
tmc_tmx_inline_attr_ok (enum tmc_tmx_inline kind, const char *name)
{
  switch (kind)
    {
    case TMC_INL_BPT:
      return !strcmp (name, "i") || !strcmp (name, "x")
             || !strcmp (name, "type");
    case TMC_INL_EPT:
      return !strcmp (name, "i");
    case TMC_INL_IT:
      return !strcmp (name, "pos") || !strcmp (name, "x")
             || !strcmp (name, "type");
    case TMC_INL_PH:
      return !strcmp (name, "x") || !strcmp (name, "assoc")
             || !strcmp (name, "type");
    case TMC_INL_HI:
      return !strcmp (name, "x") || !strcmp (name, "type");
    case TMC_INL_SUB:
      return !strcmp (name, "datatype") || !strcmp (name, "type");
    case TMC_INL_UT:
      return !strcmp (name, "x");
    case TMC_INL_NONE:
      break;
    }
  return 0;
}

int
tmc_tmx_inline_is_code (enum tmc_tmx_inline kind)
{
  return kind == TMC_INL_BPT || kind == TMC_INL_EPT || kind == TMC_INL_IT
         || kind == TMC_INL_PH || kind == TMC_INL_UT;
}

int
tmc_tmx_inline_child_ok (enum tmc_tmx_inline parent,
                         enum tmc_tmx_inline child)
{
  if (child == TMC_INL_NONE)
    return 0;
  if (tmc_tmx_inline_is_code (parent))
    return child == TMC_INL_SUB;
  /* <seg>, <hi> and <sub>: everything but <sub>.  */
  return child != TMC_INL_SUB;
}

int
tmc_tmx_is_date_attr (const char *name)
{
  return !strcmp (name, "creationdate") || !strcmp (name, "changedate")
         || !strcmp (name, "lastusagedate");
}

int
tmc_tmx_segtype_ok (const char *v)
{
  return !strcmp (v, "block") || !strcmp (v, "paragraph")
         || !strcmp (v, "sentence") || !strcmp (v, "phrase");
}

int
tmc_tmx_unit_attr_ok (const char *name, int tuv)
{
  static const char *const common[] = {
    "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
    "creationtoolversion", "creationdate", "creationid", "changedate",
    "changeid", "o-tmf"
  };
  for (size_t i = 0; i < TMC_ARRAY_SIZE (common); i++)
    if (strcmp (name, common[i]) == 0)
      return 1;
  return !tuv && strcmp (name, "segtype") == 0;
}

/* ------------------------------------------------------------------ */
/* Statistics.  */

/* ------------------------------------------------------------------ */
/* Freeing parts of a translation memory.  */

void
tmc_tmx_meta_free (struct tmc_meta *m)
{
  if (m->attrs == NULL && m->props == NULL && m->notes == NULL)
    return;
  /* tm.c keeps its meta destructor private; a unit's destroys it.  */
  struct tmc_tu tu;
  tmc_tu_init (&tu);
  tu.meta = *m;
  tmc_tu_destroy (&tu);
  memset (m, 0, sizeof *m);
}

void
tmc_tmx_header_destroy (struct tmc_tm_header *h)
{
  char *fields[] = { h->version, h->creationtool, h->creationtoolversion,
                     h->segtype, h->o_tmf, h->adminlang, h->srclang,
                     h->datatype, h->o_encoding, h->creationdate,
                     h->creationid, h->changedate, h->changeid };
  for (size_t i = 0; i < TMC_ARRAY_SIZE (fields); i++)
    free (fields[i]);
  tmc_tmx_meta_free (&h->meta);
  memset (h, 0, sizeof *h);
}
