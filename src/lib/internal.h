/* Internal definitions shared by the modules of libtmconv.  Not installed.  */

#ifndef TMC_INTERNAL_H
#define TMC_INTERNAL_H

#include <libintl.h>
#include <stddef.h>
#include <stdio.h>

#include "tmconv/error.h"

/* The library translates its messages in the program's text domain, as
   libgettextpo does with DEFAULT_TEXT_DOMAIN: a program that binds the
   "tmconv" domain gets them in its language.  */
#define _(msgid) dgettext (PACKAGE, msgid)
#define N_(msgid) msgid

#define TMC_ARRAY_SIZE(a) (sizeof (a) / sizeof ((a)[0]))

/* Return A * B, or 0 with *OVERFLOW set when it does not fit.  */
static inline size_t
tmc_mul_size (size_t a, size_t b, int *overflow)
{
  size_t r;
  if (__builtin_mul_overflow (a, b, &r))
    {
      *overflow = 1;
      return 0;
    }
  return r;
}

/* Grow the array *PTR of *CAP elements of SIZE bytes so that it holds at
   least NEED elements.  Returns 0, or -1 (and leaves *PTR untouched) when
   out of memory.  */
int tmc_grow (void **ptr, size_t *cap, size_t need, size_t size);

/* A freshly allocated copy of the N bytes at S, NUL-terminated; NULL when
   out of memory.  */
char *tmc_strndup (const char *s, size_t n);

/* A freshly allocated copy of S; NULL when S is NULL or out of memory.  */
char *tmc_strdup (const char *s);

/* Write S to FP as a JSON string, quotes included ("null" when S is
   NULL); bytes that are not valid UTF-8 become U+FFFD, as JSON text must
   be Unicode.  */
void tmc_json_string (FILE *fp, const char *s);

#endif /* TMC_INTERNAL_H */
