/* SRX regular expressions on PCRE2: translating Java and ICU syntax, and
   compiling with the options tmconv uses.

   The SRX 2.0 specification names ICU's regular expressions; the tools
   that write SRX files (Okapi, LanguageTool, OmegaT) run them with
   java.util.regex.  Both mostly agree with PCRE2 (Perl syntax).  What
   differs and comes up in real rule files is translated here:
   - \uhhhh (ICU, Java) and \Uhhhhhhhh (ICU) -> \x{hhhh};
   - \p{IsLatin}, \p{IsAlphabetic}, \p{IsLu} (Java) -> \p{Latin}...;
   - Java's POSIX-style and java.lang.Character names (\p{Punct},
     \p{Lower}, \p{javaLowerCase}...) -> the Unicode properties they
     stand for with UNICODE_CHARACTER_CLASS, which is how tmconv matches
     (PCRE2_UCP): \w, \d, \s and \b know every script;
   - the inline flags u, U (Unicode case and classes: always on here; in
     PCRE2, U would mean "ungreedy") and d (Unix lines) are dropped.
   Java's class intersection ([a-z&&[^aeiou]]) has no PCRE2 equivalent
   and is reported.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "internal.h"
#include "srx-internal.h"

/* Java property names and what they become.  INSIDE is the text to use
   within a character class, OUTSIDE the text to use elsewhere.  */
static const struct
{
  const char *java;
  const char *inside;
  const char *outside;
  const char *negated;  /* \P{...} outside a class, or NULL */
} props[] = {
  { "Lower", "\\p{Lowercase}", "\\p{Lowercase}", "\\P{Lowercase}" },
  { "Upper", "\\p{Uppercase}", "\\p{Uppercase}", "\\P{Uppercase}" },
  { "ASCII", "\\x00-\\x7F", "[\\x00-\\x7F]", "[^\\x00-\\x7F]" },
  { "Alpha", "\\p{Alphabetic}", "\\p{Alphabetic}", "\\P{Alphabetic}" },
  { "Digit", "\\p{Nd}", "\\p{Nd}", "\\P{Nd}" },
  { "Alnum", "\\p{Alphabetic}\\p{Nd}", "[\\p{Alphabetic}\\p{Nd}]",
    "[^\\p{Alphabetic}\\p{Nd}]" },
  { "Punct", "\\p{P}", "\\p{P}", "\\P{P}" },
  { "Graph", "^\\p{White_Space}\\p{Cc}\\p{Cs}\\p{Cn}",
    "[^\\p{White_Space}\\p{Cc}\\p{Cs}\\p{Cn}]", NULL },
  { "Print", "^\\p{Cc}\\p{Cs}\\p{Cn}", "[^\\p{Cc}\\p{Cs}\\p{Cn}]", NULL },
  { "Blank", "\\h", "\\h", "\\H" },
  { "Cntrl", "\\p{Cc}", "\\p{Cc}", "\\P{Cc}" },
  { "XDigit", "0-9A-Fa-f", "[0-9A-Fa-f]", "[^0-9A-Fa-f]" },
  { "Space", "\\p{White_Space}", "\\p{White_Space}", "\\P{White_Space}" },
  { "javaLowerCase", "\\p{Lowercase}", "\\p{Lowercase}", "\\P{Lowercase}" },
  { "javaUpperCase", "\\p{Uppercase}", "\\p{Uppercase}", "\\P{Uppercase}" },
  { "javaWhitespace", "\\p{White_Space}", "\\p{White_Space}",
    "\\P{White_Space}" },
  { "javaLetter", "\\p{L}", "\\p{L}", "\\P{L}" },
  { "javaDigit", "\\p{Nd}", "\\p{Nd}", "\\P{Nd}" },
  { "javaLetterOrDigit", "\\p{L}\\p{Nd}", "[\\p{L}\\p{Nd}]",
    "[^\\p{L}\\p{Nd}]" },
  { "javaAlphabetic", "\\p{Alphabetic}", "\\p{Alphabetic}",
    "\\P{Alphabetic}" },
};

static int
is_hex (char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
         || (c >= 'A' && c <= 'F');
}

char *
tmc_srx_translate (const char *src, char *msg, size_t msg_size)
{
  struct tmc_buf b = TMC_BUF_INIT;
  int in_class = 0;     /* inside [...] */
  int class_start = 0;  /* just after [ or [^ */
  int quoted = 0;       /* inside \Q...\E */
  msg[0] = '\0';
  if (tmc_buf_reserve (&b, strlen (src) + 16) != 0)
    return NULL;
  for (const char *p = src; *p;)
    {
      if (quoted)
        {
          if (p[0] == '\\' && p[1] == 'E')
            {
              quoted = 0;
              if (tmc_buf_append (&b, p, 2) != 0)
                goto nomem;
              p += 2;
              continue;
            }
          if (tmc_buf_putc (&b, *p++) != 0)
            goto nomem;
          continue;
        }
      if (*p == '\\' && p[1] != '\0')
        {
          char c = p[1];
          if (c == 'Q')
            quoted = 1;
          if ((c == 'u' && is_hex (p[2]) && is_hex (p[3]) && is_hex (p[4])
               && is_hex (p[5]))
              || (c == 'U' && is_hex (p[2]) && is_hex (p[3])
                  && is_hex (p[4]) && is_hex (p[5]) && is_hex (p[6])
                  && is_hex (p[7]) && is_hex (p[8]) && is_hex (p[9])))
            {
              int k = c == 'u' ? 4 : 8;
              if (tmc_buf_puts (&b, "\\x{") != 0
                  || tmc_buf_append (&b, p + 2, (size_t) k) != 0
                  || tmc_buf_putc (&b, '}') != 0)
                goto nomem;
              p += 2 + k;
              class_start = 0;
              continue;
            }
          if ((c == 'p' || c == 'P') && p[2] == '{')
            {
              const char *close = strchr (p + 3, '}');
              if (close != NULL)
                {
                  const char *name = p + 3;
                  size_t n = (size_t) (close - name);
                  const char *repl = NULL;
                  for (size_t i = 0; i < TMC_ARRAY_SIZE (props); i++)
                    if (strlen (props[i].java) == n
                        && strncmp (props[i].java, name, n) == 0)
                      {
                        if (c == 'p')
                          repl = in_class ? props[i].inside
                                          : props[i].outside;
                        else if (!in_class)
                          repl = props[i].negated;
                        if (repl == NULL)
                          {
                            snprintf (msg, msg_size,
                                      _("\\P{%s} has no PCRE2 equivalent "
                                        "here"),
                                      props[i].java);
                            tmc_buf_destroy (&b);
                            return NULL;
                          }
                        break;
                      }
                  if (repl == NULL && n > 2
                      && (strncmp (name, "Is", 2) == 0
                          || strncmp (name, "is", 2) == 0))
                    {
                      /* \p{IsLatin} -> \p{Latin}.  */
                      if (tmc_buf_putc (&b, '\\') != 0
                          || tmc_buf_putc (&b, c) != 0
                          || tmc_buf_putc (&b, '{') != 0
                          || tmc_buf_append (&b, name + 2, n - 2) != 0
                          || tmc_buf_putc (&b, '}') != 0)
                        goto nomem;
                      p = close + 1;
                      class_start = 0;
                      continue;
                    }
                  if (repl != NULL)
                    {
                      if (tmc_buf_puts (&b, repl) != 0)
                        goto nomem;
                      p = close + 1;
                      class_start = 0;
                      continue;
                    }
                }
            }
          if (tmc_buf_append (&b, p, 2) != 0)
            goto nomem;
          p += 2;
          class_start = 0;
          continue;
        }
      if (in_class)
        {
          if (*p == ']' && !class_start)
            in_class = 0;
          else if (*p == '&' && p[1] == '&')
            {
              snprintf (msg, msg_size,
                        _("character class intersection (&&) is Java "
                          "syntax that PCRE2 does not have"));
              tmc_buf_destroy (&b);
              return NULL;
            }
          else if (*p == '[' && p[1] == ':')
            {
              /* A POSIX class [:name:] inside a class.  */
              const char *e = strstr (p + 2, ":]");
              if (e != NULL)
                {
                  if (tmc_buf_append (&b, p, (size_t) (e + 2 - p)) != 0)
                    goto nomem;
                  p = e + 2;
                  class_start = 0;
                  continue;
                }
            }
          class_start = 0;
          if (tmc_buf_putc (&b, *p++) != 0)
            goto nomem;
          continue;
        }
      if (*p == '[')
        {
          in_class = 1;
          class_start = 1;
          if (tmc_buf_putc (&b, *p++) != 0)
            goto nomem;
          if (*p == '^')
            if (tmc_buf_putc (&b, *p++) != 0)
              goto nomem;
          continue;
        }
      if (p[0] == '(' && p[1] == '?')
        {
          /* Inline flags: (?iu) (?u:...) (?-U).  Drop u, U and d.  */
          const char *q = p + 2;
          while (*q && strchr ("idmsuxU-", *q))
            q++;
          if (q > p + 2 && (*q == ')' || *q == ':'))
            {
              struct tmc_buf f = TMC_BUF_INIT;
              for (const char *r = p + 2; r < q; r++)
                if (*r != 'u' && *r != 'U' && *r != 'd')
                  if (tmc_buf_putc (&f, *r) != 0)
                    {
                      tmc_buf_destroy (&f);
                      goto nomem;
                    }
              int empty = f.len == 0
                          || (f.len == 1 && f.data[0] == '-');
              int e = 0;
              if (empty && *q == ')')
                ;  /* nothing left: drop the group */
              else if (empty)
                e = tmc_buf_puts (&b, "(?:");
              else
                e = tmc_buf_puts (&b, "(?") || tmc_buf_append (&b, f.data, f.len)
                    || tmc_buf_putc (&b, *q);
              tmc_buf_destroy (&f);
              if (e != 0)
                goto nomem;
              p = q + 1;
              continue;
            }
        }
      if (tmc_buf_putc (&b, *p++) != 0)
        goto nomem;
    }
  size_t len;
  return tmc_buf_steal (&b, &len);

nomem:
  tmc_buf_destroy (&b);
  return NULL;
}

pcre2_code *
tmc_srx_compile (const char *pattern, int anchored_whole, char *msg,
                 size_t msg_size)
{
  msg[0] = '\0';
  char *tr = tmc_srx_translate (pattern, msg, msg_size);
  if (tr == NULL)
    {
      if (msg[0] == '\0')
        snprintf (msg, msg_size, "%s", _("out of memory"));
      return NULL;
    }
  const char *pat = tr;
  char *whole = NULL;
  if (anchored_whole)
    {
      size_t n = strlen (tr);
      whole = malloc (n + 16);
      if (whole == NULL)
        {
          free (tr);
          snprintf (msg, msg_size, "%s", _("out of memory"));
          return NULL;
        }
      snprintf (whole, n + 16, "(?:%s)\\z", tr);
      pat = whole;
    }
  pcre2_compile_context *cc = pcre2_compile_context_create (NULL);
  if (cc == NULL)
    {
      free (tr);
      free (whole);
      snprintf (msg, msg_size, "%s", _("out of memory"));
      return NULL;
    }
  pcre2_set_newline (cc, PCRE2_NEWLINE_ANY);
  int ecode;
  PCRE2_SIZE eoff;
  uint32_t opts = PCRE2_UTF | PCRE2_UCP;
  if (anchored_whole)
    opts |= PCRE2_ANCHORED;
  pcre2_code *code = pcre2_compile ((PCRE2_SPTR) pat, PCRE2_ZERO_TERMINATED,
                                    opts, &ecode, &eoff, cc);
  pcre2_compile_context_free (cc);
  if (code == NULL)
    {
      PCRE2_UCHAR buf[256];
      if (pcre2_get_error_message (ecode, buf, sizeof buf) < 0)
        snprintf ((char *) buf, sizeof buf, "PCRE2 error %d", ecode);
      /* The offset in characters, within the pattern as written when
         nothing was translated.  */
      size_t chars = 0;
      for (size_t i = 0; i < eoff && pat[i]; i++)
        chars += ((unsigned char) pat[i] & 0xC0) != 0x80;
      if (!anchored_whole && strcmp (tr, pattern) == 0)
        snprintf (msg, msg_size, _("%s (at character %zu)"), (char *) buf,
                  chars);
      else
        snprintf (msg, msg_size, "%s", (char *) buf);
    }
  free (tr);
  free (whole);
  return code;
}
