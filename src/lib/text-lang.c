/* Language tags: the languages tmconv reads, canonical tags, and the
   language of a report by its file name.  */

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tmconv/text.h"

/* Primary language subtags (ISO 639-1, -2/T, -2/B and -3 individual
   languages) and the code tmconv uses for them.  azb (South Azerbaijani,
   Perso-Arabic script) is left out on purpose: its rules would be
   neither the Latin ones nor Persian.  */
static const struct
{
  const char *subtag;
  const char *code;
} known[] = {
  { "az", "az" }, { "aze", "az" }, { "azj", "az" },
  { "fa", "fa" }, { "fas", "fa" }, { "per", "fa" }, { "pes", "fa" },
  { "prs", "fa" },
  { "en", "en" }, { "eng", "en" },
};

/* Split TAG at its first '-' or '_': the length of the primary subtag. */
static size_t
primary_len (const char *tag)
{
  return strcspn (tag, "-_");
}

/* Is TAG well formed: subtags of 1 to 8 ASCII letters or digits, the
   first of 2 to 8 letters?  */
static int
well_formed (const char *tag)
{
  size_t i = 0, sub = 0, k = 0;
  if (tag == NULL || *tag == '\0')
    return 0;
  for (;; i++)
    {
      char c = tag[i];
      if (c == '\0' || c == '-' || c == '_')
        {
          if (k == 0 || k > 8 || (sub == 0 && k < 2))
            return 0;
          if (c == '\0')
            return 1;
          sub++;
          k = 0;
          continue;
        }
      if (sub == 0 ? !isalpha ((unsigned char) c)
                   : !isalnum ((unsigned char) c))
        return 0;
      k++;
    }
}

const char *
tmc_lang_code (const char *tag)
{
  if (!well_formed (tag))
    return NULL;
  size_t n = primary_len (tag);
  for (size_t i = 0; i < TMC_ARRAY_SIZE (known); i++)
    if (strlen (known[i].subtag) == n
        && strncasecmp (tag, known[i].subtag, n) == 0)
      return known[i].code;
  return NULL;
}

char *
tmc_lang_canonical (const char *tag, char *buf, size_t size)
{
  if (!well_formed (tag) || size == 0)
    return NULL;
  const char *code = tmc_lang_code (tag);
  size_t n = primary_len (tag);
  size_t w = 0;
  /* The primary subtag.  */
  if (code != NULL)
    {
      size_t k = strlen (code);
      if (k + 1 > size)
        return NULL;
      memcpy (buf, code, k);
      w = k;
    }
  else
    {
      if (n + 1 > size)
        return NULL;
      for (size_t i = 0; i < n; i++)
        buf[w++] = (char) tolower ((unsigned char) tag[i]);
    }
  const char *p = tag + n;
  while (*p)
    {
      p++;  /* the separator */
      size_t k = strcspn (p, "-_");
      if (w + 1 + k + 1 > size)
        return NULL;
      buf[w++] = '-';
      int all_alpha = 1, all_digit = 1;
      for (size_t i = 0; i < k; i++)
        {
          all_alpha &= isalpha ((unsigned char) p[i]) != 0;
          all_digit &= isdigit ((unsigned char) p[i]) != 0;
        }
      for (size_t i = 0; i < k; i++)
        {
          char c = p[i];
          if (k == 4 && all_alpha)
            c = (char) (i == 0 ? toupper ((unsigned char) c)
                               : tolower ((unsigned char) c));
          else if ((k == 2 && all_alpha) || (k == 3 && all_digit))
            c = (char) toupper ((unsigned char) c);
          else
            c = (char) tolower ((unsigned char) c);
          buf[w++] = c;
        }
      p += k;
    }
  buf[w] = '\0';
  return buf;
}

char *
tmc_lang_from_filename (const char *path, char *buf, size_t size)
{
  if (path == NULL)
    return NULL;
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  /* The dot-separated parts, from the last to the first.  */
  const char *end = base + strlen (base);
  while (end > base)
    {
      const char *start = end;
      while (start > base && start[-1] != '.')
        start--;
      size_t k = (size_t) (end - start);
      if (k > 0 && k < 64)
        {
          char part[64];
          memcpy (part, start, k);
          part[k] = '\0';
          if (tmc_lang_code (part) != NULL)
            return tmc_lang_canonical (part, buf, size);
        }
      end = start > base ? start - 1 : base;
    }
  return NULL;
}

/* One side of a language pair, LEN bytes at S, into OUT (16 bytes).  */
static int
pair_side (const char *s, size_t len, int known_only, char *out)
{
  if (len < 2 || len > 8)
    return 0;
  for (size_t i = 0; i < len; i++)
    {
      if (!isalpha ((unsigned char) s[i]) || (unsigned char) s[i] >= 0x80)
        return 0;
      out[i] = (char) tolower ((unsigned char) s[i]);
    }
  out[len] = '\0';
  if (!known_only)
    return 1;
  const char *code = tmc_lang_code (out);
  if (code == NULL)
    return 0;
  snprintf (out, 16, "%s", code);
  return 1;
}

enum tmc_status
tmc_lang_pairs_parse (const char *list, int known_only, char (*pairs)[2][16],
                      size_t max, size_t *n, struct tmc_error *err)
{
  *n = 0;
  const char *p = list;
  while (*p)
    {
      size_t len = strcspn (p, ",");
      size_t la = strcspn (p, "-:");
      char a[16], b[16];
      if (la >= len
          || !pair_side (p, la, known_only, a)
          || !pair_side (p + la + 1, len - la - 1, known_only, b)
          || strcmp (a, b) == 0)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("'%.*s' is not a language pair SRC-TGT "
                                "(for example en-az)"), (int) len, p);
      for (size_t k = 0; k < *n; k++)
        if (strcmp (pairs[k][0], a) == 0 && strcmp (pairs[k][1], b) == 0)
          return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                                _("the language pair '%.*s' is given twice"),
                                (int) len, p);
      if (*n == max)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("too many language pairs (at most %zu)"),
                              max);
      memcpy (pairs[*n][0], a, sizeof a);
      memcpy (pairs[*n][1], b, sizeof b);
      ++*n;
      p += len;
      if (*p == ',')
        p++;
    }
  return TMC_OK;
}
