/* The state of a batch output directory: snapshot and journal.  */

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch-state.h"
#include "buf.h"
#include "internal.h"
#include "tmconv/hash.h"
#include "tmconv/io.h"

void
tmc_bstate_init (struct tmc_bstate *s)
{
  memset (s, 0, sizeof *s);
}

void
tmc_bstate_report_destroy (struct tmc_bstate_report *r)
{
  free (r->id);
  free (r->warnings);
  memset (r, 0, sizeof *r);
}

void
tmc_bstate_destroy (struct tmc_bstate *s)
{
  for (size_t i = 0; i < s->n_reports; i++)
    tmc_bstate_report_destroy (&s->reports[i]);
  free (s->reports);
  for (size_t i = 0; i < s->n_inputs; i++)
    free (s->inputs[i].path);
  free (s->inputs);
  for (size_t i = 0; i < s->n_files; i++)
    free (s->files[i].path);
  free (s->files);
  memset (s, 0, sizeof *s);
}

/* ---- Fields ------------------------------------------------------------ */

static int
put_escaped (struct tmc_buf *b, const char *s)
{
  for (; *s; s++)
    {
      const char *e = NULL;
      switch (*s)
        {
        case '\\': e = "\\\\"; break;
        case '\t': e = "\\t"; break;
        case '\n': e = "\\n"; break;
        case '\r': e = "\\r"; break;
        default: break;
        }
      int rc = e ? tmc_buf_puts (b, e) : tmc_buf_putc (b, *s);
      if (rc != 0)
        return -1;
    }
  return 0;
}

/* Undo put_escaped in place.  */
static void
unescape (char *s)
{
  char *w = s;
  for (char *r = s; *r; r++)
    {
      if (*r == '\\' && r[1])
        {
          r++;
          *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r == 'r' ? '\r' : *r;
        }
      else
        *w++ = *r;
    }
  *w = '\0';
}

/* End the line in B (which starts at byte START) with its checksum and a
   newline.  */
static int
end_line (struct tmc_buf *b, size_t start)
{
  char hex[TMC_HASH_HEX_SIZE];
  uint64_t h = tmc_hash_update (TMC_HASH_INIT, b->data + start,
                                b->len - start);
  return tmc_buf_printf (b, "\t%s\n", tmc_hash_hex (h, hex));
}

static int
format_report (struct tmc_buf *b, const struct tmc_bstate_report *r)
{
  size_t start = b->len;
  char k[TMC_HASH_HEX_SIZE], o[TMC_HASH_HEX_SIZE];
  if (tmc_buf_puts (b, "R\t") != 0 || put_escaped (b, r->id) != 0
      || tmc_buf_printf (b, "\t%s\t%s\t%" PRId64 "\t%" PRId64 "\t%zu\t%zu"
                         "\t%zu\t%zu", tmc_hash_hex (r->key, k),
                         tmc_hash_hex (r->out_hash, o), r->out_size,
                         r->out_mtime, r->sentences[0], r->sentences[1],
                         r->sentences[2], r->n_extra) != 0)
    return -1;
  for (size_t i = 0; i < r->n_extra; i++)
    if (tmc_buf_printf (b, "\t%" PRId64 "\t%" PRId64, r->extra_size[i],
                        r->extra_mtime[i]) != 0)
      return -1;
  if (tmc_buf_printf (b, "\t%zu", r->n_warnings) != 0)
    return -1;
  for (size_t i = 0; i < r->n_warnings; i++)
    {
      const struct tmc_error *w = &r->warnings[i];
      if (tmc_buf_putc (b, '\t') != 0 || put_escaped (b, w->file) != 0
          || tmc_buf_printf (b, "\t%lu\t%lu\t", w->line, w->column) != 0
          || put_escaped (b, w->message) != 0)
        return -1;
    }
  return end_line (b, start);
}

static int
format_input (struct tmc_buf *b, const struct tmc_bstate_input *in)
{
  size_t start = b->len;
  char h[TMC_HASH_HEX_SIZE];
  if (tmc_buf_puts (b, "I\t") != 0 || put_escaped (b, in->path) != 0
      || tmc_buf_printf (b, "\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t%"
                         PRIu64 "\t%" PRId64 "\t%s", in->size, in->mtime,
                         in->ctime, in->ino, in->hashed_at,
                         tmc_hash_hex (in->hash, h)) != 0)
    return -1;
  return end_line (b, start);
}

int
tmc_bstate_format_report (const struct tmc_bstate_report *r,
                          const struct tmc_bstate_input *in, size_t n,
                          char **line, size_t *len)
{
  struct tmc_buf b = TMC_BUF_INIT;
  int rc = 0;
  for (size_t i = 0; i < n && rc == 0; i++)
    rc = format_input (&b, &in[i]);
  if (rc == 0)
    rc = format_report (&b, r);
  if (rc != 0)
    {
      tmc_buf_destroy (&b);
      return -1;
    }
  *line = tmc_buf_steal (&b, len);
  return *line ? 0 : -1;
}

/* ---- Parsing ----------------------------------------------------------- */

static int
parse_i64 (const char *s, int64_t *v)
{
  char *end;
  errno = 0;
  long long x = strtoll (s, &end, 10);
  if (errno != 0 || end == s || *end != '\0')
    return -1;
  *v = x;
  return 0;
}

static int
parse_u64 (const char *s, uint64_t *v)
{
  char *end;
  errno = 0;
  if (s[0] == '-')
    return -1;
  unsigned long long x = strtoull (s, &end, 10);
  if (errno != 0 || end == s || *end != '\0')
    return -1;
  *v = x;
  return 0;
}

static int
parse_hash (const char *s, uint64_t *h)
{
  return strlen (s) == 16 && tmc_hash_parse (s, h) == 0 ? 0 : -1;
}

int
tmc_bstate_parse_line (struct tmc_bstate *s, char *line)
{
  /* The checksum: the last tab and 16 hex digits.  */
  size_t len = strlen (line);
  if (len < 18 || line[len - 17] != '\t')
    return 0;
  uint64_t want, got;
  if (parse_hash (line + len - 16, &want) != 0)
    return 0;
  got = tmc_hash_update (TMC_HASH_INIT, line, len - 17);
  if (got != want)
    return 0;
  line[len - 17] = '\0';

  /* Split into fields.  */
  size_t n = 1;
  for (char *p = line; *p; p++)
    if (*p == '\t')
      n++;
  char **f = malloc (n * sizeof *f);
  if (f == NULL)
    return -1;
  size_t i = 0;
  f[i++] = line;
  for (char *p = line; *p; p++)
    if (*p == '\t')
      {
        *p = '\0';
        f[i++] = p + 1;
      }
  for (i = 0; i < n; i++)
    unescape (f[i]);

  int ok = 0;
  if (strcmp (f[0], "R") == 0 && n >= 11)
    {
      struct tmc_bstate_report r;
      memset (&r, 0, sizeof r);
      uint64_t nw, nx, sz[TMC_BATCH_NLANG];
      size_t w0 = 0;  /* index of the first warning field */
      if (parse_hash (f[2], &r.key) == 0 && parse_hash (f[3], &r.out_hash) == 0
          && parse_i64 (f[4], &r.out_size) == 0
          && parse_i64 (f[5], &r.out_mtime) == 0
          && parse_u64 (f[6], &sz[0]) == 0 && parse_u64 (f[7], &sz[1]) == 0
          && parse_u64 (f[8], &sz[2]) == 0 && parse_u64 (f[9], &nx) == 0
          && nx <= TMC_BSTATE_MAX_EXTRA && n >= 11 + 2 * nx
          && parse_u64 (f[10 + 2 * nx], &nw) == 0
          && nw <= n / 4 && n == 11 + 2 * nx + 4 * nw)
        {
          ok = 1;
          r.n_extra = (size_t) nx;
          for (size_t x = 0; x < nx && ok == 1; x++)
            if (parse_i64 (f[10 + 2 * x], &r.extra_size[x]) != 0
                || parse_i64 (f[11 + 2 * x], &r.extra_mtime[x]) != 0)
              ok = 0;
          w0 = 11 + 2 * (size_t) nx;
          for (int l = 0; l < TMC_BATCH_NLANG; l++)
            r.sentences[l] = (size_t) sz[l];
          if (ok == 1)
            {
              r.id = tmc_strdup (f[1]);
              r.n_warnings = (size_t) nw;
              r.warnings = nw ? calloc (nw, sizeof *r.warnings) : NULL;
              if (r.id == NULL || (nw && r.warnings == NULL))
                ok = -1;
            }
          for (size_t w = 0; w < nw && ok == 1; w++)
            {
              struct tmc_error *e = &r.warnings[w];
              uint64_t ln, col;
              if (parse_u64 (f[w0 + 1 + 4 * w], &ln) != 0
                  || parse_u64 (f[w0 + 2 + 4 * w], &col) != 0)
                {
                  ok = 0;
                  break;
                }
              e->status = TMC_OK;
              snprintf (e->file, sizeof e->file, "%s", f[w0 + 4 * w]);
              e->line = (unsigned long) ln;
              e->column = (unsigned long) col;
              snprintf (e->message, sizeof e->message, "%s",
                        f[w0 + 3 + 4 * w]);
            }
          if (ok == 1
              && tmc_grow ((void **) &s->reports, &s->reports_cap,
                           s->n_reports + 1, sizeof *s->reports) != 0)
            ok = -1;
          if (ok == 1)
            s->reports[s->n_reports++] = r;
          else
            tmc_bstate_report_destroy (&r);
        }
    }
  else if (strcmp (f[0], "I") == 0 && n == 8)
    {
      struct tmc_bstate_input in;
      if (parse_i64 (f[2], &in.size) == 0 && parse_i64 (f[3], &in.mtime) == 0
          && parse_i64 (f[4], &in.ctime) == 0 && parse_u64 (f[5], &in.ino) == 0
          && parse_i64 (f[6], &in.hashed_at) == 0
          && parse_hash (f[7], &in.hash) == 0)
        {
          in.path = tmc_strdup (f[1]);
          if (in.path == NULL
              || tmc_grow ((void **) &s->inputs, &s->inputs_cap,
                           s->n_inputs + 1, sizeof *s->inputs) != 0)
            {
              free (in.path);
              ok = -1;
            }
          else
            {
              s->inputs[s->n_inputs++] = in;
              ok = 1;
            }
        }
    }
  else if (strcmp (f[0], "A") == 0 && n == 2)
    {
      if (parse_hash (f[1], &s->aggregate_key) == 0)
        {
          s->have_aggregate = 1;
          ok = 1;
        }
    }
  else if (strcmp (f[0], "F") == 0 && n == 4)
    {
      struct tmc_bstate_file file;
      if (parse_i64 (f[2], &file.size) == 0
          && parse_i64 (f[3], &file.mtime) == 0)
        {
          file.path = tmc_strdup (f[1]);
          if (file.path == NULL
              || tmc_grow ((void **) &s->files, &s->files_cap,
                           s->n_files + 1, sizeof *s->files) != 0)
            {
              free (file.path);
              ok = -1;
            }
          else
            {
              s->files[s->n_files++] = file;
              ok = 1;
            }
        }
    }
  free (f);
  return ok;
}

/* Parse the text of a state or journal file.  With HEADER, the first
   line must be the version line, else nothing is taken.  */
static int
parse_text (struct tmc_bstate *s, char *text, size_t len, int header)
{
  char *p = text;
  char *end = text + len;
  int first = 1;
  while (p < end)
    {
      char *nl = memchr (p, '\n', (size_t) (end - p));
      if (nl == NULL)
        break;  /* a line cut short: not complete, not taken */
      *nl = '\0';
      char *line = p;
      p = nl + 1;
      if (first && header)
        {
          first = 0;
          if (strcmp (line, "tmconv-batch-state\t" TMC_BSTATE_VERSION) != 0)
            return 0;
          continue;
        }
      first = 0;
      if (tmc_bstate_parse_line (s, line) < 0)
        return -1;
    }
  return 0;
}

/* An element of an array to sort by a string key, remembering where it
   was.  */
struct keyed {
  size_t index;
  const char *key;
};

static int
by_key_then_index (const void *a, const void *b)
{
  const struct keyed *x = a, *y = b;
  int d = strcmp (x->key, y->key);
  if (d != 0)
    return d;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
drop_report (void *elem)
{
  tmc_bstate_report_destroy (elem);
}

static void
drop_input (void *elem)
{
  free (((struct tmc_bstate_input *) elem)->path);
}

/* Sort the array *ARR of *N elements of SIZE bytes by the string KEY
   gives for each, keeping for equal keys only the element that came last
   (a later record replaces an earlier one); DROP frees the others.
   *CAP becomes the new capacity.  Returns 0, or -1 when out of memory
   (the array is then left as it was).  */
static int
sort_unique (void **arr, size_t *n, size_t *cap, size_t size,
             const char *(*key) (const void *), void (*drop) (void *))
{
  size_t count = *n;
  if (count == 0)
    return 0;
  struct keyed *k = malloc (count * sizeof *k);
  char *out = malloc (count * size);
  if (k == NULL || out == NULL)
    {
      free (k);
      free (out);
      return -1;
    }
  char *in = *arr;
  for (size_t i = 0; i < count; i++)
    {
      k[i].index = i;
      k[i].key = key (in + i * size);
    }
  qsort (k, count, sizeof *k, by_key_then_index);
  size_t m = 0;
  for (size_t i = 0; i < count; i++)
    {
      char *e = in + k[i].index * size;
      if (i + 1 < count && strcmp (k[i + 1].key, k[i].key) == 0)
        drop (e);
      else
        memcpy (out + m++ * size, e, size);
    }
  free (k);
  free (*arr);
  *arr = out;
  *n = m;
  *cap = count;
  return 0;
}

static const char *
report_key (const void *elem)
{
  return ((const struct tmc_bstate_report *) elem)->id;
}

static const char *
input_key (const void *elem)
{
  return ((const struct tmc_bstate_input *) elem)->path;
}

static int
dedup_reports (struct tmc_bstate *s)
{
  return sort_unique ((void **) &s->reports, &s->n_reports, &s->reports_cap,
                      sizeof *s->reports, report_key, drop_report);
}

static int
dedup_inputs (struct tmc_bstate *s)
{
  return sort_unique ((void **) &s->inputs, &s->n_inputs, &s->inputs_cap,
                      sizeof *s->inputs, input_key, drop_input);
}

static char *
state_path (const char *out, const char *name)
{
  struct tmc_buf b = TMC_BUF_INIT;
  if (tmc_buf_printf (&b, "%s/%s/%s", out, TMC_BSTATE_DIR, name) != 0)
    return NULL;
  return tmc_buf_steal (&b, NULL);
}

static enum tmc_status
load_file (struct tmc_bstate *s, const char *path, int header,
           struct tmc_error *err)
{
  char *data;
  size_t len;
  if (access (path, F_OK) != 0 && errno == ENOENT)
    return TMC_OK;
  enum tmc_status st = tmc_read_file (path, 0, &data, &len, err);
  if (st != TMC_OK)
    return st;
  int rc = parse_text (s, data, len, header);
  free (data);
  if (rc != 0)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  return TMC_OK;
}

enum tmc_status
tmc_bstate_load (const char *out, struct tmc_bstate *s, struct tmc_error *err)
{
  tmc_bstate_init (s);
  char *sp = state_path (out, "state");
  char *jp = state_path (out, "journal");
  enum tmc_status st = TMC_OK;
  if (sp == NULL || jp == NULL)
    st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  if (st == TMC_OK)
    st = load_file (s, sp, 1, err);
  /* The journal continues the snapshot: only with a snapshot of this
     version, or with none at all.  */
  if (st == TMC_OK)
    st = load_file (s, jp, 0, err);
  if (st == TMC_OK && (dedup_reports (s) != 0 || dedup_inputs (s) != 0))
    st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  free (sp);
  free (jp);
  if (st != TMC_OK)
    tmc_bstate_destroy (s);
  return st;
}

struct tmc_bstate_report *
tmc_bstate_find_report (const struct tmc_bstate *s, const char *id)
{
  size_t lo = 0, hi = s->n_reports;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int d = strcmp (s->reports[mid].id, id);
      if (d == 0)
        return &s->reports[mid];
      if (d < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

struct tmc_bstate_input *
tmc_bstate_find_input (const struct tmc_bstate *s, const char *path)
{
  size_t lo = 0, hi = s->n_inputs;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int d = strcmp (s->inputs[mid].path, path);
      if (d == 0)
        return &s->inputs[mid];
      if (d < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

enum tmc_status
tmc_bstate_save (const char *out, const struct tmc_bstate *s,
                 struct tmc_error *err)
{
  char *sp = state_path (out, "state");
  char *jp = state_path (out, "journal");
  if (sp == NULL || jp == NULL)
    {
      free (sp);
      free (jp);
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  struct tmc_buf b = TMC_BUF_INIT;
  int rc = tmc_buf_puts (&b, "tmconv-batch-state\t" TMC_BSTATE_VERSION "\n");
  for (size_t i = 0; i < s->n_inputs && rc == 0; i++)
    rc = format_input (&b, &s->inputs[i]);
  for (size_t i = 0; i < s->n_reports && rc == 0; i++)
    rc = format_report (&b, &s->reports[i]);
  if (rc == 0 && s->have_aggregate)
    {
      char h[TMC_HASH_HEX_SIZE];
      size_t start = b.len;
      rc = tmc_buf_printf (&b, "A\t%s", tmc_hash_hex (s->aggregate_key, h));
      if (rc == 0)
        rc = end_line (&b, start);
      for (size_t i = 0; i < s->n_files && rc == 0; i++)
        {
          start = b.len;
          rc = tmc_buf_puts (&b, "F\t");
          if (rc == 0)
            rc = put_escaped (&b, s->files[i].path);
          if (rc == 0)
            rc = tmc_buf_printf (&b, "\t%" PRId64 "\t%" PRId64,
                                 s->files[i].size, s->files[i].mtime);
          if (rc == 0)
            rc = end_line (&b, start);
        }
    }
  enum tmc_status st = TMC_OK;
  if (rc != 0)
    st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  tmc_output *o = NULL;
  if (st == TMC_OK)
    st = tmc_output_open (sp, &o, err);
  if (st == TMC_OK)
    {
      fwrite (b.data, 1, b.len, tmc_output_stream (o));
      st = tmc_output_commit (o, err);
    }
  if (st == TMC_OK && unlink (jp) != 0 && errno != ENOENT)
    st = tmc_error_set_errno (err, errno, jp, _("cannot remove file"));
  tmc_buf_destroy (&b);
  free (sp);
  free (jp);
  return st;
}
