/* Units kept on disk: see tmx-spill.h.  */

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "tmx-spill.h"

/* Records are written 256 KiB at a time and read ahead as much.  */
size_t tmc_spill_buffer_size = (size_t) 256 << 10;

static enum tmc_status
nomem (struct tmc_error *err)
{
  return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
}

static int
open_in (const char *dir)
{
#ifdef O_TMPFILE
  int fd = open (dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0)
    return fd;
  /* Not every file system has unnamed files: then a named one, removed at
     once.  */
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
    return -1;
#endif
  size_t n = strlen (dir);
  char *path = malloc (n + sizeof "/tmconv-merge-XXXXXX");
  if (path == NULL)
    return -1;
  memcpy (path, dir, n);
  strcpy (path + n, "/tmconv-merge-XXXXXX");
  int fd2 = mkostemp (path, O_CLOEXEC);
  if (fd2 >= 0)
    unlink (path);
  int e = errno;
  free (path);
  errno = e;
  return fd2;
}

enum tmc_status
tmc_spill_open (struct tmc_spill *s, const char *dir, struct tmc_error *err)
{
  memset (s, 0, sizeof *s);
  s->fd = -1;
  s->buffer_size = tmc_spill_buffer_size > 0 ? tmc_spill_buffer_size : 1;
  if (dir == NULL || *dir == '\0')
    {
      dir = getenv ("TMPDIR");
      if (dir == NULL || *dir == '\0')
        dir = "/tmp";
    }
  s->fd = open_in (dir);
  if (s->fd < 0)
    return tmc_error_set_errno (err, errno, dir,
                                _("cannot create a temporary file"));
  return TMC_OK;
}

void
tmc_spill_close (struct tmc_spill *s)
{
  if (s->fd >= 0)
    close (s->fd);
  s->fd = -1;
  tmc_buf_destroy (&s->wbuf);
  tmc_buf_destroy (&s->rbuf);
  free (s->win);
  s->win = NULL;
  s->win_len = 0;
}

static enum tmc_status
write_error (struct tmc_spill *s, int e, struct tmc_error *err)
{
  s->failed = 1;
  return tmc_error_set_errno (err, e, NULL,
                              _("cannot write a temporary file"));
}

/* Write the N bytes at P at the end of the file.  */
static enum tmc_status
write_all (struct tmc_spill *s, const char *p, size_t n,
           struct tmc_error *err)
{
  while (n > 0)
    {
      ssize_t w = pwrite (s->fd, p, n, (off_t) s->flushed);
      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        return write_error (s, w < 0 ? errno : EIO, err);
      p += w;
      n -= (size_t) w;
      s->flushed += (uint64_t) w;
    }
  return TMC_OK;
}

static enum tmc_status
flush_wbuf (struct tmc_spill *s, struct tmc_error *err)
{
  enum tmc_status st = write_all (s, s->wbuf.data, s->wbuf.len, err);
  tmc_buf_reset (&s->wbuf);
  return st;
}

enum tmc_status
tmc_spill_reset (struct tmc_spill *s, struct tmc_error *err)
{
  tmc_buf_reset (&s->wbuf);
  s->win_len = 0;
  s->size = s->flushed = 0;
  if (s->fd >= 0 && ftruncate (s->fd, 0) != 0)
    return write_error (s, errno, err);
  return TMC_OK;
}

/* ---- Encoding ------------------------------------------------------- */

static int
put_varint (struct tmc_buf *b, uint64_t v)
{
  char t[10];
  size_t n = 0;
  do
    {
      t[n++] = (char) ((v & 0x7F) | (v > 0x7F ? 0x80 : 0));
      v >>= 7;
    }
  while (v > 0);
  return tmc_buf_append (b, t, n);
}

static int
put_str (struct tmc_buf *b, const char *s)
{
  if (s == NULL)
    return put_varint (b, 0);
  size_t n = strlen (s);
  return put_varint (b, (uint64_t) n + 1) || tmc_buf_append (b, s, n);
}

static int
put_meta (struct tmc_buf *b, const struct tmc_meta *m)
{
  int bad = put_varint (b, m->n_attrs);
  for (size_t i = 0; i < m->n_attrs && !bad; i++)
    bad = put_str (b, m->attrs[i].name) || put_str (b, m->attrs[i].value);
  bad = bad || put_varint (b, m->n_props);
  for (size_t i = 0; i < m->n_props && !bad; i++)
    bad = put_str (b, m->props[i].type) || put_str (b, m->props[i].lang)
          || put_str (b, m->props[i].value);
  bad = bad || put_varint (b, m->n_notes);
  for (size_t i = 0; i < m->n_notes && !bad; i++)
    bad = put_str (b, m->notes[i]);
  return bad ? -1 : 0;
}

static int
encode (struct tmc_buf *b, const struct tmc_tu *tu, size_t file,
        unsigned long line, unsigned long column)
{
  int bad = put_varint (b, file) || put_varint (b, line)
            || put_varint (b, column) || put_str (b, tu->tuid)
            || put_str (b, tu->srclang) || put_meta (b, &tu->meta)
            || put_varint (b, tu->n_tuvs);
  for (size_t i = 0; i < tu->n_tuvs && !bad; i++)
    {
      const struct tmc_tuv *v = &tu->tuvs[i];
      bad = put_str (b, v->lang) || put_str (b, v->text)
            || put_str (b, v->markup) || put_meta (b, &v->meta);
    }
  return bad ? -1 : 0;
}

/* The record that is the bytes of the write buffer from START on is
   complete: give it its offset and length, and write the buffer out when
   it is full.  A record is never cut between the file and the buffer: a
   large one moves to the front of the buffer and is written whole.  */
static enum tmc_status
commit_record (struct tmc_spill *s, size_t start, uint64_t *off,
               uint32_t *len, struct tmc_error *err)
{
  size_t n = s->wbuf.len - start;
  if (n >= UINT32_MAX)
    {
      s->wbuf.len = start;
      return tmc_error_set (err, TMC_ERR_LIMIT, NULL, 0, 0,
                            _("a unit of %zu bytes is too large to keep in "
                              "a temporary file"), n);
    }
  enum tmc_status st = TMC_OK;
  if (s->wbuf.len > s->buffer_size && start > 0)
    {
      /* Write what came before; the record moves to the front.  */
      st = write_all (s, s->wbuf.data, start, err);
      memmove (s->wbuf.data, s->wbuf.data + start, n);
      s->wbuf.len = n;
    }
  *off = s->size;
  *len = (uint32_t) n;
  s->size += n;
  if (st == TMC_OK && s->wbuf.len >= s->buffer_size)
    st = flush_wbuf (s, err);
  return st;
}

enum tmc_status
tmc_spill_put (struct tmc_spill *s, const struct tmc_tu *tu, size_t file,
               unsigned long line, unsigned long column, uint64_t *off,
               uint32_t *len, struct tmc_error *err)
{
  if (s->failed)
    return write_error (s, EIO, err);
  /* Encoded at the end of the write buffer.  */
  size_t start = s->wbuf.len;
  if (encode (&s->wbuf, tu, file, line, column) != 0)
    {
      s->wbuf.len = start;
      return nomem (err);
    }
  return commit_record (s, start, off, len, err);
}

enum tmc_status
tmc_spill_put_raw (struct tmc_spill *s, const void *data, size_t len,
                   uint64_t *off, struct tmc_error *err)
{
  if (s->failed)
    return write_error (s, EIO, err);
  size_t start = s->wbuf.len;
  if (tmc_buf_append (&s->wbuf, data, len) != 0)
    return nomem (err);
  uint32_t n;
  return commit_record (s, start, off, &n, err);
}

/* ---- Decoding ------------------------------------------------------- */

struct reader {
  const unsigned char *p, *end;
  int bad;
};

static uint64_t
get_varint (struct reader *r)
{
  uint64_t v = 0;
  for (unsigned shift = 0; shift < 64; shift += 7)
    {
      if (r->p == r->end)
        break;
      unsigned char c = *r->p++;
      v |= (uint64_t) (c & 0x7F) << shift;
      if (!(c & 0x80))
        return v;
    }
  r->bad = 1;
  return 0;
}

/* A string of the record in *OUT (freshly allocated, or NULL); 0, or -1
   when out of memory (R->bad when the record is cut short).  */
static int
get_str (struct reader *r, char **out)
{
  *out = NULL;
  uint64_t n = get_varint (r);
  if (r->bad || n == 0)
    return 0;
  n--;
  if (n > (uint64_t) (r->end - r->p))
    {
      r->bad = 1;
      return 0;
    }
  *out = tmc_strndup ((const char *) r->p, (size_t) n);
  r->p += n;
  return *out == NULL ? -1 : 0;
}

/* A count of items of at least MIN bytes each.  */
static size_t
get_count (struct reader *r, size_t min)
{
  uint64_t n = get_varint (r);
  if (n > (uint64_t) (r->end - r->p) / min)
    r->bad = 1;
  return r->bad ? 0 : (size_t) n;
}

static int
get_meta (struct reader *r, struct tmc_meta *m)
{
  size_t n = get_count (r, 2);
  if (n > 0 && (m->attrs = calloc (n, sizeof *m->attrs)) == NULL)
    return -1;
  m->attrs_cap = n;
  for (; m->n_attrs < n && !r->bad; m->n_attrs++)
    if (get_str (r, &m->attrs[m->n_attrs].name)
        || get_str (r, &m->attrs[m->n_attrs].value))
      {
        m->n_attrs++;
        return -1;
      }
  n = get_count (r, 3);
  if (n > 0 && (m->props = calloc (n, sizeof *m->props)) == NULL)
    return -1;
  m->props_cap = n;
  for (; m->n_props < n && !r->bad; m->n_props++)
    if (get_str (r, &m->props[m->n_props].type)
        || get_str (r, &m->props[m->n_props].lang)
        || get_str (r, &m->props[m->n_props].value))
      {
        m->n_props++;
        return -1;
      }
  n = get_count (r, 1);
  if (n > 0 && (m->notes = calloc (n, sizeof *m->notes)) == NULL)
    return -1;
  m->notes_cap = n;
  for (; m->n_notes < n && !r->bad; m->n_notes++)
    if (get_str (r, &m->notes[m->n_notes]))
      {
        m->n_notes++;
        return -1;
      }
  return 0;
}

/* Decode the record R into TU.  Returns 0, -1 when out of memory, -2
   when the record is malformed.  */
static int
decode (struct reader *r, struct tmc_tu *tu, size_t *file,
        unsigned long *line, unsigned long *column)
{
  uint64_t f = get_varint (r), l = get_varint (r), c = get_varint (r);
  if (file)
    *file = (size_t) f;
  if (line)
    *line = (unsigned long) l;
  if (column)
    *column = (unsigned long) c;
  if (get_str (r, &tu->tuid) || get_str (r, &tu->srclang)
      || get_meta (r, &tu->meta))
    return -1;
  size_t n = get_count (r, 4);
  if (n > 0 && (tu->tuvs = calloc (n, sizeof *tu->tuvs)) == NULL)
    return -1;
  tu->tuvs_cap = n;
  for (; tu->n_tuvs < n && !r->bad; tu->n_tuvs++)
    {
      struct tmc_tuv *v = &tu->tuvs[tu->n_tuvs];
      if (get_str (r, &v->lang) || get_str (r, &v->text)
          || get_str (r, &v->markup) || get_meta (r, &v->meta))
        {
          tu->n_tuvs++;
          return -1;
        }
    }
  return r->bad || r->p != r->end ? -2 : 0;
}

static enum tmc_status
read_error (int e, struct tmc_error *err)
{
  return tmc_error_set_errno (err, e, NULL,
                              _("cannot read a temporary file"));
}

/* Read LEN bytes at OFF of the file into DST; 0, or -1 with errno set.  */
static int
read_at (int fd, char *dst, size_t len, uint64_t off, size_t *got)
{
  size_t done = 0;
  while (done < len)
    {
      ssize_t r = pread (fd, dst + done, len - done, (off_t) (off + done));
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        return -1;
      if (r == 0)
        break;
      done += (size_t) r;
    }
  *got = done;
  return 0;
}

const char *
tmc_spill_get_raw (struct tmc_spill *s, uint64_t off, uint32_t len,
                   int sequential, struct tmc_error *err, enum tmc_status *st)
{
  *st = TMC_OK;
  if (off + len > s->size)
    {
      *st = read_error (EIO, err);
      return NULL;
    }
  if (off >= s->flushed)
    return s->wbuf.data + (off - s->flushed);
  if (off + len > s->flushed)
    {
      /* A record is written whole, so never cut by the buffer.  */
      *st = read_error (EIO, err);
      return NULL;
    }
  if (s->win_len > 0 && off >= s->win_off
      && off + len <= s->win_off + s->win_len)
    return s->win + (off - s->win_off);
  size_t got;
  if (sequential && len <= s->buffer_size)
    {
      if (s->win == NULL && (s->win = malloc (s->buffer_size)) == NULL)
        {
          *st = nomem (err);
          return NULL;
        }
      uint64_t want = s->flushed - off < s->buffer_size
                      ? s->flushed - off : s->buffer_size;
      s->win_len = 0;
      if (read_at (s->fd, s->win, (size_t) want, off, &got) != 0)
        {
          *st = read_error (errno, err);
          return NULL;
        }
      s->win_off = off;
      s->win_len = got;
      if (got < len)
        {
          *st = read_error (EIO, err);
          return NULL;
        }
      return s->win;
    }
  tmc_buf_reset (&s->rbuf);
  if (tmc_buf_reserve (&s->rbuf, len) != 0)
    {
      *st = nomem (err);
      return NULL;
    }
  if (read_at (s->fd, s->rbuf.data, len, off, &got) != 0)
    {
      *st = read_error (errno, err);
      return NULL;
    }
  if (got < len)
    {
      *st = read_error (EIO, err);
      return NULL;
    }
  return s->rbuf.data;
}

enum tmc_status
tmc_spill_get (struct tmc_spill *s, uint64_t off, uint32_t len,
               int sequential, struct tmc_tu *tu, size_t *file,
               unsigned long *line, unsigned long *column,
               struct tmc_error *err)
{
  tmc_tu_init (tu);
  enum tmc_status st;
  const char *p = tmc_spill_get_raw (s, off, len, sequential, err, &st);
  if (p == NULL)
    return st;
  struct reader r = { (const unsigned char *) p,
                      (const unsigned char *) p + len, 0 };
  int rc = decode (&r, tu, file, line, column);
  if (rc == 0)
    return TMC_OK;
  tmc_tu_destroy (tu);
  tmc_tu_init (tu);
  return rc == -1 ? nomem (err) : read_error (EIO, err);
}
