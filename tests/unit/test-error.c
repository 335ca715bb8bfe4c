/* Unit tests: error.c and buf.c.  */

#include <errno.h>

#include "../../src/lib/buf.h"
#include "test.h"
#include "tmconv/error.h"

TEST (error_set_fills_every_field)
{
  struct tmc_error e;
  tmc_error_clear (&e);
  enum tmc_status st = tmc_error_set (&e, TMC_ERR_SYNTAX, "a.srx", 3, 7,
                                      "bad %s", "rule");
  CHECK_INT_EQ (st, TMC_ERR_SYNTAX);
  CHECK_INT_EQ (e.status, TMC_ERR_SYNTAX);
  CHECK_STR_EQ (e.file, "a.srx");
  CHECK_INT_EQ (e.line, 3);
  CHECK_INT_EQ (e.column, 7);
  CHECK_STR_EQ (e.message, "bad rule");
}

TEST (error_set_accepts_null)
{
  CHECK_INT_EQ (tmc_error_set (NULL, TMC_ERR_IO, "x", 0, 0, "y"), TMC_ERR_IO);
  tmc_error_clear (NULL);
}

TEST (error_errno_appends_strerror)
{
  struct tmc_error e;
  tmc_error_set_errno (&e, ENOENT, "missing.txt", "cannot open file");
  CHECK_INT_EQ (e.status, TMC_ERR_IO);
  CHECK_INT_EQ (e.sys_errno, ENOENT);
  CHECK_STR_EQ (e.message, "cannot open file: No such file or directory");
  tmc_error_set_errno (&e, ENOMEM, NULL, "x");
  CHECK_INT_EQ (e.status, TMC_ERR_NOMEM);
}

TEST (error_long_file_name_keeps_its_end)
{
  char name[3000];
  memset (name, 'a', sizeof name - 1);
  name[sizeof name - 1] = '\0';
  memcpy (name + sizeof name - 6, "z.txt", 5);
  struct tmc_error e;
  tmc_error_set (&e, TMC_ERR_IO, name, 0, 0, "m");
  CHECK_INT_EQ (strlen (e.file), TMC_ERROR_FILE_MAX - 1);
  CHECK (strncmp (e.file, "...", 3) == 0);
  CHECK_STR_EQ (e.file + strlen (e.file) - 5, "z.txt");
}

static int warned;
static char last_warning[2048];

static void
on_warning (void *data, const struct tmc_error *w)
{
  (*(int *) data)++;
  snprintf (last_warning, sizeof last_warning, "%s:%lu:%lu:%s:%d", w->file,
            w->line, w->column, w->message, (int) w->status);
}

TEST (warn_calls_the_handler)
{
  struct tmc_warn_handler h = { on_warning, &warned };
  tmc_warn (&h, "f.tmx", 2, 5, "dropped %d characters", 3);
  CHECK_INT_EQ (warned, 1);
  CHECK_STR_EQ (last_warning, "f.tmx:2:5:dropped 3 characters:0");
  tmc_warn (NULL, "f", 0, 0, "ignored");
  struct tmc_warn_handler none = { NULL, NULL };
  tmc_warn (&none, "f", 0, 0, "ignored");
  CHECK_INT_EQ (warned, 1);
}

TEST (strerror_is_never_null)
{
  for (int s = TMC_OK; s <= TMC_ERR_UNSUPPORTED; s++)
    CHECK (tmc_strerror ((enum tmc_status) s)[0] != '\0');
  CHECK_STR_EQ (tmc_strerror ((enum tmc_status) 999), "unknown error");
}

TEST (buf_appends_and_steals)
{
  struct tmc_buf b = TMC_BUF_INIT;
  CHECK_INT_EQ (tmc_buf_puts (&b, "ab"), 0);
  CHECK_INT_EQ (tmc_buf_putc (&b, 'c'), 0);
  CHECK_INT_EQ (tmc_buf_printf (&b, "-%d-", 42), 0);
  CHECK_INT_EQ (tmc_buf_put_uc (&b, 0x259), 0);    /* ə */
  CHECK_INT_EQ (tmc_buf_put_uc (&b, 0x200C), 0);   /* ZWNJ */
  CHECK_INT_EQ (tmc_buf_put_uc (&b, 0x1F600), 0);  /* 4 bytes */
  CHECK_STR_EQ (b.data, "abc-42-\xc9\x99\xe2\x80\x8c\xf0\x9f\x98\x80");
  size_t n;
  char *s = tmc_buf_steal (&b, &n);
  CHECK_INT_EQ (n, 16);
  CHECK (b.data == NULL && b.len == 0);
  free (s);
  s = tmc_buf_steal (&b, &n);
  CHECK_STR_EQ (s, "");
  CHECK_INT_EQ (n, 0);
  free (s);
}

TEST (buf_grows_past_many_doublings)
{
  struct tmc_buf b;
  tmc_buf_init (&b);
  for (int i = 0; i < 100000; i++)
    CHECK_INT_EQ (tmc_buf_putc (&b, (char) ('a' + i % 26)), 0);
  CHECK_INT_EQ (b.len, 100000);
  CHECK_INT_EQ (b.data[99999], 'a' + 99999 % 26);
  CHECK_INT_EQ (b.data[100000], '\0');
  tmc_buf_reset (&b);
  CHECK_INT_EQ (b.len, 0);
  CHECK_STR_EQ (b.data, "");
  tmc_buf_destroy (&b);
}

int
main (void)
{
  RUN (error_set_fills_every_field);
  RUN (error_set_accepts_null);
  RUN (error_errno_appends_strerror);
  RUN (error_long_file_name_keeps_its_end);
  RUN (warn_calls_the_handler);
  RUN (strerror_is_never_null);
  RUN (buf_appends_and_steals);
  RUN (buf_grows_past_many_doublings);
  return TEST_END ();
}
