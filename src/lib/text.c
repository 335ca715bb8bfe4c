/* Decoding report files: byte-order marks, iconv, UTF-8 validation,
   NUL bytes, binary files, UTF-16 without a byte-order mark, control
   characters, line ends and NFC.  */

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "internal.h"
#include "text-internal.h"
#include "tmconv/io.h"
#include "tmconv/text.h"

/* How many bytes from the start the detectors look at.  */
#define SNIFF_BYTES 65536

/* Where byte POS of DATA is: 1-based line and column (in characters).
   Lines end at LF, CR LF or a lone CR.  Works on invalid UTF-8 too:
   every byte that is not a UTF-8 continuation byte counts as one
   character.  */
void
tmc_text_locate (const char *data, size_t pos, unsigned long *line,
                 unsigned long *col)
{
  unsigned long l = 1, c = 1;
  for (size_t i = 0; i < pos; i++)
    {
      unsigned char b = (unsigned char) data[i];
      if (b == '\n')
        {
          l++;
          c = 1;
        }
      else if (b == '\r')
        {
          if (i + 1 < pos && data[i + 1] == '\n')
            continue;
          l++;
          c = 1;
        }
      else if ((b & 0xC0) != 0x80)
        c++;
    }
  *line = l;
  *col = c;
}

/* The encoding a text that is not UTF-8 most likely is in, for the hint
   of the error message: windows-1256 (Persian), windows-1251 (Cyrillic
   Azerbaijani), windows-1254 (Azerbaijani and Turkish Latin) or
   windows-1252.  In Arabic- and Cyrillic-script text most letters are
   bytes above 0x7F; in Latin-script text few are.  In windows-1256 0xC7
   (alef) is the most frequent letter, in windows-1251 0xEE (o) and 0xE0
   (a) are; windows-1254 has 0xFD (ı), 0xFE (ş), 0xF0 (ğ), 0xDD (İ).  */
static const char *
guess_legacy (const unsigned char *p, size_t n)
{
  if (n > SNIFF_BYTES)
    n = SNIFF_BYTES;
  size_t ascii_letters = 0, high = 0, turkic = 0, alef = 0, cyr = 0,
         c1 = 0;
  for (size_t i = 0; i < n; i++)
    {
      unsigned char b = p[i];
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'))
        ascii_letters++;
      else if (b >= 0x80)
        {
          high++;
          if (b == 0xFD || b == 0xFE || b == 0xF0 || b == 0xDD
              || b == 0xDE || b == 0xD0)
            turkic++;
          if (b == 0xC7)
            alef++;
          if (b == 0xEE || b == 0xE0)
            cyr++;
          if (b >= 0x80 && b <= 0x9F)
            c1++;
        }
    }
  if (high * 2 >= ascii_letters + high)
    return alef > cyr || c1 * 8 > high ? "windows-1256" : "windows-1251";
  return turkic > 0 ? "windows-1254" : "windows-1252";
}

/* Is every byte at P (N bytes) valid UTF-8?  On failure *BAD is the
   offset of the first byte that is not.  */
static int
utf8_valid (const char *p, size_t n, size_t *bad)
{
  const uint8_t *e = u8_check ((const uint8_t *) p, n);
  if (e == NULL)
    return 1;
  *bad = (size_t) (e - (const uint8_t *) p);
  return 0;
}

/* Does the sample look like UTF-16 without a byte-order mark?  Returns
   "UTF-16LE", "UTF-16BE" or NULL.  ASCII characters (spaces, digits,
   line ends, Latin letters) put a NUL in every other byte; the sample
   must also decode as UTF-16 of that byte order without NUL
   characters.  */
static const char *
sniff_utf16 (const unsigned char *p, size_t n)
{
  if (n > SNIFF_BYTES)
    n = SNIFF_BYTES;
  n &= ~(size_t) 1;
  if (n < 2)
    return NULL;
  size_t nul_even = 0, nul_odd = 0;
  for (size_t i = 0; i < n; i += 2)
    {
      nul_even += p[i] == 0;
      nul_odd += p[i + 1] == 0;
    }
  /* In UTF-16 every space, digit, line end and Latin letter has a NUL
     byte: at least one code unit in twenty in any real text, Persian
     included (spaces alone are more).  A stray NUL in UTF-8 text is far
     rarer.  */
  size_t units = n / 2;
  const char *code;
  if (nul_even == 0 && nul_odd * 20 >= units)
    code = "UTF-16LE";
  else if (nul_odd == 0 && nul_even * 20 >= units)
    code = "UTF-16BE";
  else
    return NULL;
  /* The high byte of most characters of az, fa and en text is 0x00 to
     0x06 (Latin, Latin extended, Cyrillic, Arabic); in UTF-8 text with a
     stray NUL the bytes in those places are mostly letters.  */
  size_t small = 0;
  for (size_t i = code[6] == 'L' ? 1 : 0; i < n; i += 2)
    small += p[i] <= 0x06;
  if (small * 2 < units)
    return NULL;
  /* Check the code units: no unpaired surrogates.  The last unit may be
     cut by the sample.  */
  int le = code[6] == 'L';
  for (size_t i = 0; i + 1 < n; i += 2)
    {
      unsigned u = le ? p[i] | (unsigned) p[i + 1] << 8
                      : (unsigned) p[i] << 8 | p[i + 1];
      if (u >= 0xD800 && u <= 0xDBFF)
        {
          if (i + 3 >= n)
            break;
          unsigned v = le ? p[i + 2] | (unsigned) p[i + 3] << 8
                          : (unsigned) p[i + 2] << 8 | p[i + 3];
          if (v < 0xDC00 || v > 0xDFFF)
            return NULL;
          i += 2;
        }
      else if (u >= 0xDC00 && u <= 0xDFFF)
        return NULL;
      else if (u == 0)
        return NULL;
    }
  return code;
}

/* Convert the N bytes at P from FROM_CODE to UTF-8 with iconv.  */
static enum tmc_status
convert (const char *name, const char *p, size_t n, const char *from_code,
         char **out, size_t *out_len, struct tmc_error *err)
{
  *out = NULL;
  *out_len = 0;
  iconv_t cd = iconv_open ("UTF-8", from_code);
  if (cd == (iconv_t) -1)
    {
      if (errno == EINVAL)
        return tmc_error_set (err, TMC_ERR_UNSUPPORTED, NULL, 0, 0,
                              _("unknown encoding '%s' ('iconv --list' "
                                "shows the known ones)"),
                              from_code);
      return tmc_error_set_errno (err, errno, NULL,
                                  _("cannot convert from '%s'"), from_code);
    }
  /* Legacy code pages take at most 3 UTF-8 bytes per input byte, UTF-16
     at most 3 per 2 bytes; start with a guess and grow.  */
  size_t cap = n + n / 2 + 16;
  char *buf = malloc (cap);
  if (buf == NULL)
    {
      iconv_close (cd);
      return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                            _("out of memory"));
    }
  char *in = (char *) p;
  size_t in_left = n;
  size_t used = 0;
  enum tmc_status st = TMC_OK;
  while (in_left > 0)
    {
      char *o = buf + used;
      size_t o_left = cap - used - 1;
      size_t r = iconv (cd, &in, &in_left, &o, &o_left);
      used = (size_t) (o - buf);
      if (r != (size_t) -1)
        continue;
      if (errno == E2BIG)
        {
          if (tmc_grow ((void **) &buf, &cap, cap + in_left * 2 + 16, 1)
              != 0)
            {
              st = tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                                  _("out of memory"));
              break;
            }
          continue;
        }
      unsigned long line, col;
      tmc_text_locate (buf, used, &line, &col);
      /* The output so far ends where the bad input starts.  */
      if (errno == EILSEQ)
        st = tmc_error_set (err, TMC_ERR_ENCODING, name, line, col,
                            _("byte 0x%02X is not valid in the encoding "
                              "%s"),
                            (unsigned) (unsigned char) *in, from_code);
      else if (errno == EINVAL)
        st = tmc_error_set (err, TMC_ERR_ENCODING, name, line, col,
                            _("the file ends in the middle of a character "
                              "of the encoding %s"),
                            from_code);
      else
        st = tmc_error_set_errno (err, errno, name,
                                  _("cannot convert from '%s'"), from_code);
      break;
    }
  if (st == TMC_OK)
    {
      /* Flush the shift state of stateful encodings.  */
      char *o = buf + used;
      size_t o_left = cap - used - 1;
      if (iconv (cd, NULL, NULL, &o, &o_left) != (size_t) -1)
        used = (size_t) (o - buf);
    }
  iconv_close (cd);
  if (st != TMC_OK)
    {
      free (buf);
      return st;
    }
  buf[used] = '\0';
  *out = buf;
  *out_len = used;
  return TMC_OK;
}

enum tmc_status
tmc_text_check_encoding (const char *from_code, struct tmc_error *err)
{
  if (from_code == NULL || *from_code == '\0')
    return TMC_OK;
  iconv_t cd = iconv_open ("UTF-8", from_code);
  if (cd == (iconv_t) -1)
    return tmc_error_set (err, TMC_ERR_UNSUPPORTED, NULL, 0, 0,
                          _("unknown encoding '%s' ('iconv --list' shows "
                            "the known ones)"),
                          from_code);
  iconv_close (cd);
  return TMC_OK;
}

/* Is FROM_CODE a name of UTF-8?  */
static int
is_utf8_name (const char *code)
{
  return strcasecmp (code, "UTF-8") == 0 || strcasecmp (code, "UTF8") == 0;
}

/* Is C a control character that text may not hold?  TAB, LF, VT, FF
   and CR may appear.  */
static int
bad_control (unsigned char c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f'
          && c != '\r');
}

/* Report the first NUL or control character of the valid UTF-8 text P
   (N bytes), if any.  */
static enum tmc_status
check_controls (const char *name, const char *p, size_t n,
                struct tmc_error *err)
{
  for (size_t i = 0; i < n; i++)
    {
      unsigned char c = (unsigned char) p[i];
      if (!bad_control (c))
        continue;
      unsigned long line, col;
      tmc_text_locate (p, i, &line, &col);
      if (c == 0)
        return tmc_error_set (err, TMC_ERR_ENCODING, name, line, col,
                              _("NUL byte in the text"));
      return tmc_error_set (err, TMC_ERR_ENCODING, name, line, col,
                            _("control character U+%04X in the text"),
                            (unsigned) c);
    }
  return TMC_OK;
}

/* Turn CR LF and lone CR into LF in place; returns the new length.  */
static size_t
normalize_line_ends (char *p, size_t n)
{
  char *cr = memchr (p, '\r', n);
  if (cr == NULL)
    return n;
  size_t w = (size_t) (cr - p);
  for (size_t r = w; r < n; r++)
    {
      if (p[r] == '\r')
        {
          p[w++] = '\n';
          if (r + 1 < n && p[r + 1] == '\n')
            r++;
        }
      else
        p[w++] = p[r];
    }
  p[w] = '\0';
  return w;
}

/* Decode DATA (N bytes, malloc'd, NUL-terminated at N), taking
   ownership of it.  */
enum tmc_status
tmc_text_decode_move (const char *name, char *data, size_t n,
                      const char *from_code,
                      const struct tmc_warn_handler *warn, char **out,
                      size_t *out_len, struct tmc_error *err)
{
  *out = NULL;
  *out_len = 0;
  const unsigned char *u = (const unsigned char *) data;
  const char *code = from_code && *from_code ? from_code : NULL;
  size_t skip = 0;
  enum tmc_status st;

  if (code == NULL)
    {
      /* Byte-order marks; UTF-32LE's starts like UTF-16LE's.  */
      if (n >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
        code = "UTF-32LE", skip = 4;
      else if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE
               && u[3] == 0xFF)
        code = "UTF-32BE", skip = 4;
      else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        code = "UTF-16LE", skip = 2;
      else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        code = "UTF-16BE", skip = 2;
      else if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        skip = 3;
      else if (memchr (data, '\0', n) != NULL)
        {
          const char *utf16 = sniff_utf16 (u, n);
          if (utf16 != NULL)
            {
              free (data);
              return tmc_error_set (err, TMC_ERR_ENCODING, name, 0, 0,
                                    _("the file looks like %s without a "
                                      "byte-order mark; name its encoding "
                                      "with --from-code=%s"),
                                    utf16, utf16);
            }
          /* A NUL in text that is otherwise fine is reported where it
             is (below); NULs in bulk (more than one byte in a hundred,
             and not just a few in a short file) or with bytes that are
             not UTF-8 make a binary file.  */
          size_t nuls = 0, bad;
          for (size_t i = 0; i < n; i++)
            nuls += data[i] == '\0';
          if ((nuls * 100 > n && nuls >= 8) || !utf8_valid (data, n, &bad))
            {
              size_t at = (size_t) ((const char *) memchr (data, '\0', n)
                                    - data);
              free (data);
              return tmc_error_set (err, TMC_ERR_ENCODING, name, 0, 0,
                                    _("binary file, not text (NUL byte at "
                                      "offset %zu)"),
                                    at);
            }
        }
    }
  else if (is_utf8_name (code))
    {
      code = NULL;
      if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        skip = 3;
    }
  else if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      free (data);
      return tmc_error_set (err, TMC_ERR_ENCODING, name, 0, 0,
                            _("the file starts with a UTF-8 byte-order "
                              "mark, but its encoding was given as %s"),
                            code);
    }

  char *text;
  size_t len;
  if (code == NULL)
    {
      /* UTF-8: check it where it is.  */
      size_t bad;
      if (!utf8_valid (data + skip, n - skip, &bad))
        {
          unsigned long line, col;
          tmc_text_locate (data, skip + bad, &line, &col);
          st = tmc_error_set (err, TMC_ERR_ENCODING, name, line, col,
                              _("byte 0x%02X is not valid UTF-8; if the "
                                "file is in another encoding, name it with "
                                "--from-code (this looks like "
                                "--from-code=%s)"),
                              (unsigned) u[skip + bad],
                              guess_legacy (u, n));
          free (data);
          return st;
        }
      if (skip > 0)
        memmove (data, data + skip, n - skip + 1);
      text = data;
      len = n - skip;
    }
  else
    {
      size_t bad;
      if (from_code && *from_code && skip == 0 && utf8_valid (data, n, &bad))
        {
          /* Valid UTF-8 with bytes above 0x7F is rarely anything else.  */
          for (size_t i = 0; i < n; i++)
            if (u[i] >= 0x80)
              {
                tmc_warn (warn, name, 0, 0,
                          _("the file is valid UTF-8, but its encoding "
                            "was given as %s; the text may come out "
                            "garbled"),
                          code);
                break;
              }
        }
      st = convert (name, data + skip, n - skip, code, &text, &len, err);
      free (data);
      if (st != TMC_OK)
        {
          if (err && err->file[0] == '\0' && name)
            {
              struct tmc_error e = *err;
              tmc_error_set (err, e.status, name, e.line, e.column, "%s",
                             e.message);
            }
          return st;
        }
      /* iconv keeps a byte-order mark when the encoding name fixes the
         byte order ("UTF-16LE"); it is not text.  */
      if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
        {
          memmove (text, text + 3, len - 3 + 1);
          len -= 3;
        }
    }

  st = check_controls (name, text, len, err);
  if (st != TMC_OK)
    {
      free (text);
      return st;
    }
  len = normalize_line_ends (text, len);

  char *nfc;
  size_t nfc_len;
  st = tmc_text_nfc_move (text, len, &nfc, &nfc_len, err);
  if (st != TMC_OK)
    {
      if (err && name)
        {
          struct tmc_error e = *err;
          tmc_error_set (err, e.status, name, 0, 0, "%s", e.message);
        }
      return st;
    }
  *out = nfc;
  *out_len = nfc_len;
  return TMC_OK;
}

enum tmc_status
tmc_text_decode (const char *name, const char *data, size_t len,
                 const char *from_code, const struct tmc_warn_handler *warn,
                 char **out, size_t *out_len, struct tmc_error *err)
{
  char *copy = tmc_strndup (data ? data : "", data ? len : 0);
  if (copy == NULL)
    {
      *out = NULL;
      *out_len = 0;
      return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                            _("out of memory"));
    }
  return tmc_text_decode_move (name, copy, data ? len : 0, from_code, warn,
                               out, out_len, err);
}

enum tmc_status
tmc_text_read (const char *path, const char *from_code,
               const struct tmc_warn_handler *warn, char **out,
               size_t *out_len, struct tmc_error *err)
{
  *out = NULL;
  *out_len = 0;
  char *data;
  size_t n;
  enum tmc_status st = tmc_read_file (path, TMC_TEXT_MAX_BYTES, &data, &n,
                                      err);
  if (st != TMC_OK)
    return st;
  return tmc_text_decode_move (path, data, n, from_code, warn, out, out_len,
                               err);
}
