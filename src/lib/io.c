/* Reading whole files; writing output files through a temporary file.  */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "tmconv/io.h"

enum tmc_status
tmc_read_file (const char *path, size_t max_bytes, char **data, size_t *len,
               struct tmc_error *err)
{
  *data = NULL;
  *len = 0;
  int is_stdin = strcmp (path, "-") == 0;
  int fd = is_stdin ? STDIN_FILENO : open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return tmc_error_set_errno (err, errno, path, _("cannot open file"));
  struct stat st;
  if (fstat (fd, &st) != 0)
    {
      int e = errno;
      if (!is_stdin)
        close (fd);
      return tmc_error_set_errno (err, e, path, _("cannot read file"));
    }
  if (S_ISDIR (st.st_mode))
    {
      if (!is_stdin)
        close (fd);
      return tmc_error_set_errno (err, EISDIR, path, _("cannot read file"));
    }
  size_t cap = S_ISREG (st.st_mode) && st.st_size > 0
                 ? (size_t) st.st_size + 1 : 65536;
  if (max_bytes && S_ISREG (st.st_mode) && (size_t) st.st_size > max_bytes)
    {
      if (!is_stdin)
        close (fd);
      return tmc_error_set (err, TMC_ERR_LIMIT, path, 0, 0,
                            _("file is larger than the limit of %zu bytes"),
                            max_bytes);
    }
  char *buf = malloc (cap);
  if (buf == NULL)
    {
      if (!is_stdin)
        close (fd);
      return tmc_error_set (err, TMC_ERR_NOMEM, path, 0, 0,
                            _("out of memory reading file"));
    }
  size_t n = 0;
  for (;;)
    {
      if (n + 1 >= cap)
        {
          /* Doubling, but never past the limit and a byte to tell that
             the file goes on, so that an endless input (a device, a
             pipe) costs no more memory than the limit.  */
          size_t want = cap * 2;
          if (max_bytes && want > max_bytes + 2)
            want = max_bytes + 2;
          if (want <= cap)
            want = cap + 1;
          if (tmc_grow ((void **) &buf, &cap, want, 1) != 0)
            {
              free (buf);
              if (!is_stdin)
                close (fd);
              return tmc_error_set (err, TMC_ERR_NOMEM, path, 0, 0,
                                    _("out of memory reading file"));
            }
        }
      ssize_t r = read (fd, buf + n, cap - n - 1);
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          int e = errno;
          free (buf);
          if (!is_stdin)
            close (fd);
          return tmc_error_set_errno (err, e, path, _("cannot read file"));
        }
      if (r == 0)
        break;
      n += (size_t) r;
      if (max_bytes && n > max_bytes)
        {
          free (buf);
          if (!is_stdin)
            close (fd);
          return tmc_error_set (err, TMC_ERR_LIMIT, path, 0, 0,
                                _("file is larger than the limit of %zu bytes"),
                                max_bytes);
        }
    }
  if (!is_stdin)
    close (fd);
  buf[n] = '\0';
  *data = buf;
  *len = n;
  return TMC_OK;
}

/* Outputs still open, so that a signal handler can remove their temporary
   files.  A fixed table keeps the handler free of locks and allocation;
   outputs beyond it still work, they are only not cleaned up on a
   signal.  */
#define MAX_LIVE 256

struct tmc_output {
  char *path;
  char *tmp;   /* NULL when writing directly */
  FILE *fp;
  int is_stdout;
  int slot;    /* index in live_tmp, or -1 */
};

static char *volatile live_tmp[MAX_LIVE];
static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;

static int
live_add (char *tmp)
{
  int slot = -1;
  pthread_mutex_lock (&live_lock);
  for (int i = 0; i < MAX_LIVE; i++)
    if (live_tmp[i] == NULL)
      {
        live_tmp[i] = tmp;
        slot = i;
        break;
      }
  pthread_mutex_unlock (&live_lock);
  return slot;
}

static void
live_remove (int slot)
{
  if (slot < 0)
    return;
  pthread_mutex_lock (&live_lock);
  live_tmp[slot] = NULL;
  pthread_mutex_unlock (&live_lock);
}

void
tmc_output_cleanup_all (void)
{
  for (int i = 0; i < MAX_LIVE; i++)
    {
      char *t = live_tmp[i];
      if (t != NULL)
        unlink (t);
    }
}

static void
output_free (tmc_output *out)
{
  live_remove (out->slot);
  free (out->path);
  free (out->tmp);
  free (out);
}

enum tmc_status
tmc_output_open (const char *path, tmc_output **outp, struct tmc_error *err)
{
  *outp = NULL;
  tmc_output *out = calloc (1, sizeof *out);
  if (out == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, path, 0, 0, _("out of memory"));
  out->slot = -1;
  out->path = tmc_strdup (path);
  if (out->path == NULL)
    {
      output_free (out);
      return tmc_error_set (err, TMC_ERR_NOMEM, path, 0, 0, _("out of memory"));
    }
  if (strcmp (path, "-") == 0)
    {
      out->is_stdout = 1;
      out->fp = stdout;
      *outp = out;
      return TMC_OK;
    }

  struct stat st;
  if (stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      if (S_ISDIR (st.st_mode))
        {
          output_free (out);
          return tmc_error_set_errno (err, EISDIR, path,
                                      _("cannot write file"));
        }
      /* A device or a FIFO: write to it as it is.  */
      out->fp = fopen (path, "w");
      if (out->fp == NULL)
        {
          int e = errno;
          output_free (out);
          return tmc_error_set_errno (err, e, path, _("cannot write file"));
        }
      *outp = out;
      return TMC_OK;
    }

  /* A temporary file beside the destination: ".NAME.tmp-XXXXXX", with
     NAME cut to 200 bytes, so that it stays within the 255 bytes a name
     may have when the destination's name is that long.  */
  const char *slash = strrchr (path, '/');
  size_t dirlen = slash ? (size_t) (slash - path) + 1 : 0;
  const char *base = path + dirlen;
  size_t baselen = strlen (base);
  if (baselen > 200)
    baselen = 200;
  size_t need = dirlen + 1 + baselen + sizeof ".tmp-XXXXXX";
  out->tmp = malloc (need);
  if (out->tmp == NULL)
    {
      output_free (out);
      return tmc_error_set (err, TMC_ERR_NOMEM, path, 0, 0, _("out of memory"));
    }
  memcpy (out->tmp, path, dirlen);
  snprintf (out->tmp + dirlen, need - dirlen, ".%.*s.tmp-XXXXXX",
            (int) baselen, base);
  int fd = mkostemp (out->tmp, O_CLOEXEC);
  if (fd < 0)
    {
      int e = errno;
      free (out->tmp);
      out->tmp = NULL;
      output_free (out);
      return tmc_error_set_errno (err, e, path, _("cannot write file"));
    }
  out->slot = live_add (out->tmp);
  /* mkstemp creates the file with mode 0600; give it the mode a new file
     gets from the umask, or the mode of the file it replaces.  */
  mode_t mode;
  if (stat (path, &st) == 0)
    mode = st.st_mode & 07777;
  else
    {
      mode_t mask = umask (0);
      umask (mask);
      mode = 0666 & ~mask;
    }
  if (fchmod (fd, mode) != 0)
    {
      /* Not fatal: the file keeps mode 0600.  */
    }
  out->fp = fdopen (fd, "w");
  if (out->fp == NULL)
    {
      int e = errno;
      close (fd);
      unlink (out->tmp);
      output_free (out);
      return tmc_error_set_errno (err, e, path, _("cannot write file"));
    }
  *outp = out;
  return TMC_OK;
}

FILE *
tmc_output_stream (tmc_output *out)
{
  return out->fp;
}

const char *
tmc_output_path (const tmc_output *out)
{
  return out->path;
}

enum tmc_status
tmc_output_commit (tmc_output *out, struct tmc_error *err)
{
  enum tmc_status st = TMC_OK;
  if (out->is_stdout)
    {
      if (fflush (stdout) != 0 || ferror (stdout))
        st = tmc_error_set_errno (err, errno ? errno : EIO, NULL,
                                  _("write error on standard output"));
      output_free (out);
      return st;
    }
  int bad = fflush (out->fp) != 0 || ferror (out->fp);
  int e = errno;
  if (fclose (out->fp) != 0 && !bad)
    {
      bad = 1;
      e = errno;
    }
  out->fp = NULL;
  if (bad)
    {
      if (out->tmp)
        unlink (out->tmp);
      st = tmc_error_set_errno (err, e ? e : EIO, out->path,
                                _("cannot write file"));
      output_free (out);
      return st;
    }
  if (out->tmp && rename (out->tmp, out->path) != 0)
    {
      e = errno;
      unlink (out->tmp);
      st = tmc_error_set_errno (err, e, out->path, _("cannot write file"));
    }
  output_free (out);
  return st;
}

void
tmc_output_abort (tmc_output *out)
{
  if (out == NULL)
    return;
  if (!out->is_stdout && out->fp)
    fclose (out->fp);
  if (out->tmp)
    unlink (out->tmp);
  output_free (out);
}

int
tmc_same_file (const char *a, const char *b)
{
  struct stat sa, sb;
  if (stat (a, &sa) != 0 || stat (b, &sb) != 0)
    return 0;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
