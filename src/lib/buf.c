/* Growable byte buffer.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "internal.h"

void
tmc_buf_init (struct tmc_buf *b)
{
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
}

void
tmc_buf_destroy (struct tmc_buf *b)
{
  free (b->data);
  tmc_buf_init (b);
}

int
tmc_buf_reserve (struct tmc_buf *b, size_t n)
{
  if (n > (size_t) -1 - b->len - 1)
    return -1;
  if (tmc_grow ((void **) &b->data, &b->cap, b->len + n + 1, 1) != 0)
    return -1;
  return 0;
}

int
tmc_buf_append (struct tmc_buf *b, const void *p, size_t n)
{
  if (tmc_buf_reserve (b, n) != 0)
    return -1;
  if (n > 0)
    memcpy (b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

int
tmc_buf_puts (struct tmc_buf *b, const char *s)
{
  return tmc_buf_append (b, s, strlen (s));
}

int
tmc_buf_putc (struct tmc_buf *b, char c)
{
  return tmc_buf_append (b, &c, 1);
}

int
tmc_buf_put_uc (struct tmc_buf *b, unsigned int uc)
{
  unsigned char s[4];
  size_t n;
  if (uc < 0x80)
    {
      s[0] = (unsigned char) uc;
      n = 1;
    }
  else if (uc < 0x800)
    {
      s[0] = (unsigned char) (0xC0 | (uc >> 6));
      s[1] = (unsigned char) (0x80 | (uc & 0x3F));
      n = 2;
    }
  else if (uc < 0x10000)
    {
      s[0] = (unsigned char) (0xE0 | (uc >> 12));
      s[1] = (unsigned char) (0x80 | ((uc >> 6) & 0x3F));
      s[2] = (unsigned char) (0x80 | (uc & 0x3F));
      n = 3;
    }
  else
    {
      s[0] = (unsigned char) (0xF0 | (uc >> 18));
      s[1] = (unsigned char) (0x80 | ((uc >> 12) & 0x3F));
      s[2] = (unsigned char) (0x80 | ((uc >> 6) & 0x3F));
      s[3] = (unsigned char) (0x80 | (uc & 0x3F));
      n = 4;
    }
  return tmc_buf_append (b, s, n);
}

int
tmc_buf_vprintf (struct tmc_buf *b, const char *format, va_list ap)
{
  va_list ap2;
  va_copy (ap2, ap);
  int n = vsnprintf (NULL, 0, format, ap2);
  va_end (ap2);
  if (n < 0 || tmc_buf_reserve (b, (size_t) n) != 0)
    return -1;
  vsnprintf (b->data + b->len, (size_t) n + 1, format, ap);
  b->len += (size_t) n;
  return 0;
}

int
tmc_buf_printf (struct tmc_buf *b, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  int r = tmc_buf_vprintf (b, format, ap);
  va_end (ap);
  return r;
}

void
tmc_buf_reset (struct tmc_buf *b)
{
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

char *
tmc_buf_steal (struct tmc_buf *b, size_t *len)
{
  if (b->data == NULL && tmc_buf_reserve (b, 0) != 0)
    return NULL;
  b->data[b->len] = '\0';
  char *p = b->data;
  if (len)
    *len = b->len;
  tmc_buf_init (b);
  return p;
}
