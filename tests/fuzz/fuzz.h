/* Shared helpers of the libFuzzer harnesses (tests/fuzz/fuzz-*.c).

   Each harness defines LLVMFuzzerTestOneInput and checks, besides "no
   crash, no leak, no undefined behaviour" (the sanitizers), properties
   that must hold for any input: an error always comes with a message,
   what the library gives back is consistent.  A broken property calls
   FUZZ_ASSERT, which prints it and aborts, so libFuzzer saves the
   input.  */

#ifndef TMC_FUZZ_H
#define TMC_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tmconv/error.h"

#define FUZZ_ASSERT(cond)                                               \
  do                                                                    \
    {                                                                   \
      if (!(cond))                                                      \
        {                                                               \
          fprintf (stderr, "%s:%d: property broken: %s\n", __FILE__,    \
                   __LINE__, #cond);                                    \
          abort ();                                                     \
        }                                                               \
    }                                                                   \
  while (0)

/* The entry point every harness defines.  */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Take the selector byte, the first of every input but srx's, off
   *DATA (*SIZE bytes) into *SEL.  Returns 0, or -1 for an empty input.  */
static inline int
fuzz_selector (const uint8_t **data, size_t *size, unsigned *sel)
{
  if (*size < 1)
    return -1;
  *sel = (*data)[0];
  (*data)++;
  (*size)--;
  return 0;
}

/* A failed call must say what went wrong.  */
#define FUZZ_ASSERT_ERROR(st, err)                                      \
  do                                                                    \
    {                                                                   \
      FUZZ_ASSERT ((err).status == (st));                               \
      FUZZ_ASSERT ((err).message[0] != '\0');                           \
      FUZZ_ASSERT (memchr ((err).message, '\0', sizeof (err).message)   \
                   != NULL);                                            \
    }                                                                   \
  while (0)

/* Warnings are dropped, but each must have a message.  */
static inline void
fuzz_warn (void *data, const struct tmc_error *w)
{
  (void) data;
  FUZZ_ASSERT (w->message[0] != '\0');
}

static const struct tmc_warn_handler fuzz_warn_handler = { fuzz_warn, NULL };

/* Is the N bytes at S valid UTF-8 (no NUL inside)?  */
static inline int
fuzz_utf8_ok (const char *s, size_t n)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t i = 0;
  while (i < n)
    {
      unsigned c = p[i];
      size_t k;
      unsigned min;
      if (c == 0)
        return 0;
      if (c < 0x80)
        {
          i++;
          continue;
        }
      if (c >= 0xC2 && c <= 0xDF)
        k = 1, min = 0x80;
      else if (c >= 0xE0 && c <= 0xEF)
        k = 2, min = 0x800;
      else if (c >= 0xF0 && c <= 0xF4)
        k = 3, min = 0x10000;
      else
        return 0;
      unsigned v = c & (0x3F >> k);
      for (size_t j = 1; j <= k; j++)
        {
          if (i + j >= n || (p[i + j] & 0xC0) != 0x80)
            return 0;
          v = v << 6 | (p[i + j] & 0x3F);
        }
      if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
      i += k + 1;
    }
  return 1;
}

#endif /* TMC_FUZZ_H */
