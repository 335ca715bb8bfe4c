/* Error and warning reporting for libtmconv.  */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void
tmc_error_clear (struct tmc_error *err)
{
  if (err == NULL)
    return;
  err->status = TMC_OK;
  err->sys_errno = 0;
  err->file[0] = '\0';
  err->line = 0;
  err->column = 0;
  err->message[0] = '\0';
}

const char *
tmc_strerror (enum tmc_status status)
{
  switch (status)
    {
    case TMC_OK:
      return _("success");
    case TMC_ERR_NOMEM:
      return _("out of memory");
    case TMC_ERR_IO:
      return _("input/output error");
    case TMC_ERR_ENCODING:
      return _("invalid character encoding");
    case TMC_ERR_SYNTAX:
      return _("syntax error");
    case TMC_ERR_FORMAT:
      return _("format error");
    case TMC_ERR_LIMIT:
      return _("size limit exceeded");
    case TMC_ERR_INVALID_ARG:
      return _("invalid argument");
    case TMC_ERR_UNSUPPORTED:
      return _("not supported");
    }
  return _("unknown error");
}

static void
set_file (struct tmc_error *err, const char *file)
{
  if (file == NULL)
    {
      err->file[0] = '\0';
      return;
    }
  size_t n = strlen (file);
  if (n < sizeof err->file)
    memcpy (err->file, file, n + 1);
  else
    {
      /* Keep the end of the name, which says the most.  */
      size_t keep = sizeof err->file - 4;
      memcpy (err->file, "...", 3);
      memcpy (err->file + 3, file + n - keep, keep + 1);
    }
}

static void
fill (struct tmc_error *err, enum tmc_status status, const char *file,
      unsigned long line, unsigned long column, const char *format,
      va_list ap)
{
  err->status = status;
  err->sys_errno = 0;
  set_file (err, file);
  err->line = line;
  err->column = column;
  vsnprintf (err->message, sizeof err->message, format, ap);
}

enum tmc_status
tmc_error_set (struct tmc_error *err, enum tmc_status status, const char *file,
               unsigned long line, unsigned long column, const char *format,
               ...)
{
  if (err == NULL)
    return status;
  va_list ap;
  va_start (ap, format);
  fill (err, status, file, line, column, format, ap);
  va_end (ap);
  return status;
}

enum tmc_status
tmc_error_set_errno (struct tmc_error *err, int errnum, const char *file,
                     const char *format, ...)
{
  if (err == NULL)
    return TMC_ERR_IO;
  va_list ap;
  va_start (ap, format);
  fill (err, TMC_ERR_IO, file, 0, 0, format, ap);
  va_end (ap);
  err->sys_errno = errnum;
  size_t n = strlen (err->message);
  snprintf (err->message + n, sizeof err->message - n, ": %s",
            strerror (errnum));
  if (errnum == ENOMEM)
    err->status = TMC_ERR_NOMEM;
  return err->status;
}

void
tmc_warn (const struct tmc_warn_handler *handler, const char *file,
          unsigned long line, unsigned long column, const char *format, ...)
{
  if (handler == NULL || handler->fn == NULL)
    return;
  struct tmc_error w;
  va_list ap;
  va_start (ap, format);
  fill (&w, TMC_OK, file, line, column, format, ap);
  va_end (ap);
  handler->fn (handler->data, &w);
}

int
tmc_grow (void **ptr, size_t *cap, size_t need, size_t size)
{
  if (need <= *cap)
    return 0;
  size_t ncap = *cap ? *cap : 16;
  while (ncap < need)
    {
      if (ncap > (size_t) -1 / 2)
        {
          ncap = need;
          break;
        }
      ncap *= 2;
    }
  int overflow = 0;
  size_t bytes = tmc_mul_size (ncap, size, &overflow);
  if (overflow)
    return -1;
  void *p = realloc (*ptr, bytes);
  if (p == NULL)
    return -1;
  *ptr = p;
  *cap = ncap;
  return 0;
}

char *
tmc_strndup (const char *s, size_t n)
{
  char *p = malloc (n + 1);
  if (p == NULL)
    return NULL;
  if (n > 0)
    memcpy (p, s, n);
  p[n] = '\0';
  return p;
}

char *
tmc_strdup (const char *s)
{
  return s ? tmc_strndup (s, strlen (s)) : NULL;
}
