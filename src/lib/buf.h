/* A growable byte buffer, always NUL-terminated.  Internal to libtmconv.  */

#ifndef TMC_BUF_H
#define TMC_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct tmc_buf {
  char *data;  /* NUL-terminated; NULL until the first append */
  size_t len;  /* bytes used, without the NUL */
  size_t cap;  /* bytes allocated */
};

#define TMC_BUF_INIT { NULL, 0, 0 }

/* Initialize and destroy a buffer in the caller's storage.  */
void tmc_buf_init (struct tmc_buf *b);
void tmc_buf_destroy (struct tmc_buf *b);

/* Make room for N more bytes.  Return 0, or -1 when out of memory.  */
int tmc_buf_reserve (struct tmc_buf *b, size_t n);

/* Append bytes, a string, a byte, a code point (as UTF-8) or printf
   output.  Each returns 0, or -1 when out of memory (the buffer is then
   unchanged).  */
int tmc_buf_append (struct tmc_buf *b, const void *p, size_t n);
int tmc_buf_puts (struct tmc_buf *b, const char *s);
int tmc_buf_putc (struct tmc_buf *b, char c);
int tmc_buf_put_uc (struct tmc_buf *b, unsigned int uc);
int tmc_buf_printf (struct tmc_buf *b, const char *format, ...)
  __attribute__ ((format (printf, 2, 3)));
int tmc_buf_vprintf (struct tmc_buf *b, const char *format, va_list ap)
  __attribute__ ((format (printf, 2, 0)));

/* Empty the buffer, keeping its storage.  */
void tmc_buf_reset (struct tmc_buf *b);

/* Hand the contents to the caller (freshly allocated, NUL-terminated,
   never NULL unless out of memory) and leave B empty.  */
char *tmc_buf_steal (struct tmc_buf *b, size_t *len);

#endif /* TMC_BUF_H */
