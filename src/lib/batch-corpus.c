/* The corpus of a batch: a directory of <id>.<lang>.txt files or a
   manifest, the safety of report ids, and sharding.  */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "buf.h"
#include "internal.h"
#include "tmconv/batch.h"
#include "tmconv/io.h"
#include "tmconv/tm.h"

const char *const tmc_batch_lang[TMC_BATCH_NLANG] = { "az", "fa", "en" };

/* Longest id and id component, in bytes.  A component becomes a file
   name with ".tmx" and, while written, a temporary name of 16 more
   bytes: 200 stays well inside NAME_MAX (255).  */
#define ID_MAX 1024
#define COMPONENT_MAX 200

int
tmc_batch_lang_index (const char *lang)
{
  char primary[16];
  tmc_lang_primary (lang, primary, sizeof primary);
  for (int i = 0; i < TMC_BATCH_NLANG; i++)
    if (strcmp (primary, tmc_batch_lang[i]) == 0)
      return i;
  return -1;
}

const char *
tmc_batch_id_problem (const char *id)
{
  size_t len = strlen (id);
  if (len == 0)
    return N_("the report id is empty");
  if (len > ID_MAX)
    return N_("the report id is longer than 1024 bytes");
  if (u8_check ((const uint8_t *) id, len) != NULL)
    return N_("the report id is not valid UTF-8");
  if (id[0] == '/')
    return N_("the report id is an absolute path");
  const char *p = id;
  for (;;)
    {
      const char *slash = strchr (p, '/');
      size_t n = slash ? (size_t) (slash - p) : strlen (p);
      if (n == 0)
        return N_("the report id has an empty path component");
      if ((n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
        return N_("the report id has a '.' or '..' component, which would "
                  "escape the output directory");
      if (p[0] == '.')
        return N_("a component of the report id starts with '.'");
      if (n > COMPONENT_MAX)
        return N_("a component of the report id is longer than 200 bytes");
      for (size_t i = 0; i < n; i++)
        {
          unsigned char c = (unsigned char) p[i];
          if (c < 0x20 || c == 0x7f)
            return N_("the report id contains a control character");
          if (c == '\\')
            return N_("the report id contains a backslash");
        }
      if (slash == NULL)
        break;
      p = slash + 1;
    }
  return NULL;
}

/* Growing the arrays of a corpus.  */

static struct tmc_batch_report *
add_report (struct tmc_corpus *c)
{
  if (tmc_grow ((void **) &c->reports, &c->reports_cap, c->n_reports + 1,
                sizeof *c->reports) != 0)
    return NULL;
  struct tmc_batch_report *r = &c->reports[c->n_reports++];
  memset (r, 0, sizeof *r);
  return r;
}

/* Give report R the problem STATUS at FILE:LINE:COL with FORMAT.
   Returns 0, or -1 when out of memory.  */
static int
set_problem (struct tmc_batch_report *r, enum tmc_status status,
             const char *file, unsigned long line, unsigned long col,
             const char *format, const char *arg)
{
  if (r->problem == NULL)
    {
      r->problem = malloc (sizeof *r->problem);
      if (r->problem == NULL)
        return -1;
    }
  tmc_error_set (r->problem, status, file, line, col, format, arg);
  return 0;
}

static int
add_problem (struct tmc_corpus *c, const struct tmc_error *e)
{
  if (tmc_grow ((void **) &c->problems, &c->problems_cap, c->n_problems + 1,
                sizeof *c->problems) != 0)
    return -1;
  c->problems[c->n_problems++] = *e;
  return 0;
}

static void
report_destroy (struct tmc_batch_report *r)
{
  free (r->id);
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    {
      free (r->in[l].path);
      free (r->in[l].encoding);
    }
  free (r->problem);
}

void
tmc_corpus_free (struct tmc_corpus *c)
{
  if (c == NULL)
    return;
  for (size_t i = 0; i < c->n_reports; i++)
    report_destroy (&c->reports[i]);
  free (c->reports);
  free (c->problems);
  free (c->path);
  free (c);
}

static int
by_id_then_line (const void *a, const void *b)
{
  const struct tmc_batch_report *x = a, *y = b;
  int d = strcmp (x->id, y->id);
  if (d != 0)
    return d;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return 0;
}

/* ---- A directory corpus ---------------------------------------------- */

/* A file found by the walk: the report id, the language and the path.  */
struct found {
  char *id;
  int lang;
  char *path;
};

struct walk {
  struct tmc_corpus *corpus;
  const struct tmc_warn_handler *warn;
  struct stat exclude;
  int have_exclude;
  struct found *files;
  size_t n_files, files_cap;
  struct tmc_error *err;
};

/* If NAME is <base>.<lang>.txt, return the length of <base> and set
   *LANG (-1 for a language tmconv does not align, with *TAG the tag);
   else return 0.  */
static size_t
split_name (const char *name, int *lang, char *tag, size_t tag_size)
{
  size_t n = strlen (name);
  if (n < 5 || strcmp (name + n - 4, ".txt") != 0)
    return 0;
  size_t end = n - 4;
  size_t dot = end;
  while (dot > 0 && name[dot - 1] != '.')
    dot--;
  if (dot < 2 || dot == end)
    return 0;
  size_t tag_len = end - dot;
  /* A language tag: letters, digits, '-' and '_', starting with 2 or 3
     letters.  "notes.v2.txt" is no language file.  */
  size_t letters = 0;
  while (letters < tag_len
         && ((name[dot + letters] >= 'a' && name[dot + letters] <= 'z')
             || (name[dot + letters] >= 'A' && name[dot + letters] <= 'Z')))
    letters++;
  if (letters < 2 || letters > 3
      || (letters < tag_len && name[dot + letters] != '-'
          && name[dot + letters] != '_'))
    return 0;
  for (size_t i = letters; i < tag_len; i++)
    {
      char c = name[dot + i];
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || c == '-' || c == '_'))
        return 0;
    }
  if (tag_len >= tag_size)
    return 0;
  memcpy (tag, name + dot, tag_len);
  tag[tag_len] = '\0';
  *lang = tmc_batch_lang_index (tag);
  return dot - 1;
}

static char *
join_path (const char *dir, const char *name)
{
  size_t a = strlen (dir), b = strlen (name);
  int slash = a > 0 && dir[a - 1] != '/';
  char *p = malloc (a + slash + b + 1);
  if (p == NULL)
    return NULL;
  memcpy (p, dir, a);
  if (slash)
    p[a] = '/';
  memcpy (p + a + slash, name, b + 1);
  return p;
}

static int
by_name (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Walk the directory DIR (a path usable to open it), whose path
   relative to the corpus is REL ("" at the top).  Returns 0, or -1 on an
   error that stops the walk (out of memory), with W->err set.  */
static int
walk_dir (struct walk *w, const char *dir, const char *rel)
{
  DIR *d = opendir (dir);
  if (d == NULL)
    {
      struct tmc_error e;
      tmc_error_set_errno (&e, errno, dir, _("cannot read directory"));
      if (add_problem (w->corpus, &e) != 0)
        {
          tmc_error_set (w->err, TMC_ERR_NOMEM, NULL, 0, 0,
                         _("out of memory"));
          return -1;
        }
      return 0;
    }
  /* Read all names first and sort them, so that the walk (and its
     warnings) do not depend on the order of readdir.  */
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  int status = 0;
  errno = 0;
  while ((e = readdir (d)) != NULL)
    {
      if (e->d_name[0] == '.')
        continue;
      if (tmc_grow ((void **) &names, &cap, n + 1, sizeof *names) != 0
          || (names[n] = tmc_strdup (e->d_name)) == NULL)
        {
          status = -1;
          break;
        }
      n++;
    }
  if (status == 0 && errno != 0)
    {
      struct tmc_error pe;
      tmc_error_set_errno (&pe, errno, dir, _("cannot read directory"));
      if (add_problem (w->corpus, &pe) != 0)
        status = -1;
    }
  closedir (d);
  if (status != 0)
    {
      for (size_t i = 0; i < n; i++)
        free (names[i]);
      free (names);
      tmc_error_set (w->err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
      return -1;
    }
  if (n > 1)
    qsort (names, n, sizeof *names, by_name);

  for (size_t i = 0; i < n && status == 0; i++)
    {
      char *path = join_path (dir, names[i]);
      char *rpath = rel[0] ? join_path (rel, names[i]) : tmc_strdup (names[i]);
      if (path == NULL || rpath == NULL)
        {
          free (path);
          free (rpath);
          tmc_error_set (w->err, TMC_ERR_NOMEM, NULL, 0, 0,
                         _("out of memory"));
          status = -1;
          break;
        }
      struct stat lst, st;
      if (lstat (path, &lst) != 0)
        {
          /* Gone since readdir: nothing to do.  */
        }
      else if (S_ISDIR (lst.st_mode))
        {
          if (!(w->have_exclude && lst.st_dev == w->exclude.st_dev
                && lst.st_ino == w->exclude.st_ino))
            status = walk_dir (w, path, rpath);
        }
      else if ((S_ISREG (lst.st_mode)
                || (S_ISLNK (lst.st_mode) && stat (path, &st) == 0
                    && S_ISREG (st.st_mode))))
        {
          int lang;
          char tag[32];
          size_t base = split_name (names[i], &lang, tag, sizeof tag);
          if (base > 0 && lang < 0)
            tmc_warn (w->warn, path, 0, 0,
                      _("skipping a file in language '%s': tmconv aligns "
                        "az, fa and en"), tag);
          else if (base > 0)
            {
              size_t id_len = strlen (rpath) - (strlen (names[i]) - base);
              if (tmc_grow ((void **) &w->files, &w->files_cap,
                            w->n_files + 1, sizeof *w->files) != 0)
                {
                  tmc_error_set (w->err, TMC_ERR_NOMEM, NULL, 0, 0,
                                 _("out of memory"));
                  status = -1;
                }
              else
                {
                  struct found *f = &w->files[w->n_files];
                  f->id = tmc_strndup (rpath, id_len);
                  f->lang = lang;
                  f->path = path;
                  path = NULL;
                  if (f->id == NULL)
                    {
                      free (f->path);
                      tmc_error_set (w->err, TMC_ERR_NOMEM, NULL, 0, 0,
                                     _("out of memory"));
                      status = -1;
                    }
                  else
                    w->n_files++;
                }
            }
        }
      free (path);
      free (rpath);
    }
  for (size_t i = 0; i < n; i++)
    free (names[i]);
  free (names);
  return status;
}

static int
found_by_id_lang (const void *a, const void *b)
{
  const struct found *x = a, *y = b;
  int d = strcmp (x->id, y->id);
  if (d != 0)
    return d;
  if (x->lang != y->lang)
    return x->lang - y->lang;
  return strcmp (x->path, y->path);
}

static enum tmc_status
read_dir (struct tmc_corpus *c, const char *path, const char *exclude,
          const struct tmc_warn_handler *warn, struct tmc_error *err)
{
  struct walk w;
  memset (&w, 0, sizeof w);
  w.corpus = c;
  w.warn = warn;
  w.err = err;
  if (exclude && stat (exclude, &w.exclude) == 0)
    w.have_exclude = 1;
  enum tmc_status st = TMC_OK;
  if (walk_dir (&w, path, "") != 0)
    st = err ? err->status : TMC_ERR_NOMEM;
  if (st == TMC_OK)
    {
      if (w.n_files > 1)
        qsort (w.files, w.n_files, sizeof *w.files, found_by_id_lang);
      struct tmc_batch_report *r = NULL;
      for (size_t i = 0; i < w.n_files && st == TMC_OK; i++)
        {
          struct found *f = &w.files[i];
          if (r == NULL || strcmp (r->id, f->id) != 0)
            {
              r = add_report (c);
              if (r == NULL)
                {
                  st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                      _("out of memory"));
                  break;
                }
              r->id = f->id;
              f->id = NULL;
              const char *why = tmc_batch_id_problem (r->id);
              if (why && set_problem (r, TMC_ERR_INVALID_ARG, f->path, 0, 0,
                                      "%s", _(why)) != 0)
                st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                    _("out of memory"));
            }
          if (r->in[f->lang].path != NULL)
            {
              /* Two files for one language: "x.fa.txt" and "x.fa-IR.txt".  */
              if (r->problem == NULL
                  && set_problem (r, TMC_ERR_FORMAT, f->path, 0, 0,
                                  _("a second file for the same language "
                                    "as %s"), r->in[f->lang].path) != 0)
                st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                    _("out of memory"));
              continue;
            }
          r->in[f->lang].path = f->path;
          f->path = NULL;
        }
    }
  /* A language that has no file gets the name it should have, so that
     processing the report fails saying which file is missing.  */
  for (size_t i = 0; i < c->n_reports && st == TMC_OK; i++)
    {
      struct tmc_batch_report *r = &c->reports[i];
      for (int l = 0; l < TMC_BATCH_NLANG && st == TMC_OK; l++)
        {
          if (r->in[l].path != NULL)
            continue;
          struct tmc_buf b = TMC_BUF_INIT;
          if (tmc_buf_printf (&b, "%s%s%s.%s.txt", path,
                              path[strlen (path) - 1] == '/' ? "" : "/",
                              r->id, tmc_batch_lang[l]) != 0
              || (r->in[l].path = tmc_buf_steal (&b, NULL)) == NULL)
            st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                _("out of memory"));
        }
    }
  for (size_t i = 0; i < w.n_files; i++)
    {
      free (w.files[i].id);
      free (w.files[i].path);
    }
  free (w.files);
  return st;
}

/* ---- A manifest -------------------------------------------------------- */

/* The columns of a manifest.  */
enum { COL_ID, COL_PATH, COL_ENCODING, COL_ENCODING_ALL };

struct column {
  int kind;
  int lang;
};

/* The 1-based column, in characters, of byte OFFSET of LINE.  */
static unsigned long
char_column (const char *line, size_t offset)
{
  size_t n = u8_mbsnlen ((const uint8_t *) line, offset);
  return (unsigned long) n + 1;
}

/* Split LINE (NUL-terminated, modified) at tabs into *FIELDS (pointers
   into LINE) and their byte offsets.  Returns the number of fields or
   (size_t) -1 when out of memory.  */
static size_t
split_tabs (char *line, char ***fields, size_t **offsets, size_t *cap)
{
  size_t n = 0;
  char *p = line;
  for (;;)
    {
      if (n + 1 > *cap)
        {
          size_t c2 = *cap;
          if (tmc_grow ((void **) fields, cap, n + 1, sizeof **fields) != 0
              || tmc_grow ((void **) offsets, &c2, n + 1, sizeof **offsets)
                   != 0)
            return (size_t) -1;
        }
      (*fields)[n] = p;
      (*offsets)[n] = (size_t) (p - line);
      n++;
      char *tab = strchr (p, '\t');
      if (tab == NULL)
        break;
      *tab = '\0';
      p = tab + 1;
    }
  return n;
}

/* Parse the header fields F[0..N) into COLS.  Returns TMC_OK or a syntax
   error at FILE:LINENO.  */
static enum tmc_status
parse_header (char **f, size_t *off, size_t n, const char *line_start,
              struct column *cols, const char *file, unsigned long lineno,
              struct tmc_error *err)
{
  int have_path[TMC_BATCH_NLANG] = { 0 };
  int have_enc[TMC_BATCH_NLANG] = { 0 };
  int have_enc_all = 0;
  cols[0].kind = COL_ID;
  cols[0].lang = -1;
  for (size_t i = 1; i < n; i++)
    {
      unsigned long col = char_column (line_start, off[i]);
      const char *name = f[i];
      size_t len = strlen (name);
      const char *suffix = ".encoding";
      size_t sl = strlen (suffix);
      if (strcmp (name, "encoding") == 0)
        {
          if (have_enc_all)
            return tmc_error_set (err, TMC_ERR_SYNTAX, file, lineno, col,
                                  _("column '%s' given twice"), name);
          have_enc_all = 1;
          cols[i].kind = COL_ENCODING_ALL;
          cols[i].lang = -1;
          continue;
        }
      int is_enc = len > sl && strcmp (name + len - sl, suffix) == 0;
      char tag[32];
      size_t tl = is_enc ? len - sl : len;
      int lang = -1;
      if (tl > 0 && tl < sizeof tag)
        {
          memcpy (tag, name, tl);
          tag[tl] = '\0';
          lang = tmc_batch_lang_index (tag);
        }
      if (lang < 0)
        return tmc_error_set (err, TMC_ERR_SYNTAX, file, lineno, col,
                              _("unknown column '%s': expected az, fa, en, "
                                "LANG.encoding or encoding"), name);
      int *seen = is_enc ? &have_enc[lang] : &have_path[lang];
      if (*seen)
        return tmc_error_set (err, TMC_ERR_SYNTAX, file, lineno, col,
                              _("column '%s' given twice"), name);
      *seen = 1;
      cols[i].kind = is_enc ? COL_ENCODING : COL_PATH;
      cols[i].lang = lang;
    }
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    if (!have_path[l])
      return tmc_error_set (err, TMC_ERR_SYNTAX, file, lineno, 0,
                            _("the header has no '%s' column"),
                            tmc_batch_lang[l]);
  return TMC_OK;
}

/* A path of the manifest, relative to BASE (a directory with a final
   '/', or "").  */
static char *
manifest_path (const char *base, const char *p)
{
  if (p[0] == '/' || base[0] == '\0')
    return tmc_strdup (p);
  return join_path (base, p);
}

/* Check that iconv knows ENCODING.  */
static int
encoding_known (const char *encoding)
{
  iconv_t cd = iconv_open ("UTF-8", encoding);
  if (cd == (iconv_t) -1)
    return 0;
  iconv_close (cd);
  return 1;
}

static enum tmc_status
read_manifest (struct tmc_corpus *c, const char *path, struct tmc_error *err)
{
  char *data;
  size_t len;
  enum tmc_status st = tmc_read_file (path, 0, &data, &len, err);
  if (st != TMC_OK)
    return st;
  c->is_manifest = 1;
  const char *display = strcmp (path, "-") == 0 ? _("standard input") : path;

  /* The directory that relative paths start from.  */
  char *base;
  const char *slash = strcmp (path, "-") == 0 ? NULL : strrchr (path, '/');
  base = slash ? tmc_strndup (path, (size_t) (slash - path) + 1)
               : tmc_strdup ("");
  struct column def[1 + TMC_BATCH_NLANG];
  def[0].kind = COL_ID;
  def[0].lang = -1;
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    {
      def[1 + l].kind = COL_PATH;
      def[1 + l].lang = l;
    }
  struct column *cols = def;
  size_t n_cols = 1 + TMC_BATCH_NLANG;
  struct column *hcols = NULL;
  char **fields = NULL;
  size_t *offsets = NULL;
  size_t fcap = 0;
  int seen_data = 0;
  if (base == NULL)
    st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));

  char *p = data;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  unsigned long lineno = 0;
  while (st == TMC_OK && p < data + len)
    {
      lineno++;
      char *nl = memchr (p, '\n', (size_t) (data + len - p));
      char *end = nl ? nl : data + len;
      char *next = nl ? nl + 1 : end;
      if (end > p && end[-1] == '\r')
        end--;
      *end = '\0';
      char *line = p;
      p = next;
      size_t line_len = (size_t) (end - line);
      if (line_len == 0 || line[0] == '#')
        continue;
      int blank = 1;
      for (size_t i = 0; i < line_len && blank; i++)
        if (line[i] != ' ' && line[i] != '\t')
          blank = 0;
      if (blank)
        continue;
      if (memchr (line, '\0', line_len) != NULL)
        {
          st = tmc_error_set (err, TMC_ERR_SYNTAX, display, lineno, 0,
                              _("the manifest contains a NUL byte: it is "
                                "not a text file"));
          break;
        }
      const uint8_t *bad = u8_check ((const uint8_t *) line, line_len);
      char *copy_for_col = tmc_strndup (line, line_len);
      if (copy_for_col == NULL)
        {
          st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
          break;
        }
      size_t nf = split_tabs (line, &fields, &offsets, &fcap);
      if (nf == (size_t) -1)
        {
          free (copy_for_col);
          st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
          break;
        }
      if (!seen_data && strcmp (fields[0], "id") == 0)
        {
          seen_data = 1;
          if (bad)
            st = tmc_error_set (err, TMC_ERR_ENCODING, display, lineno,
                                char_column (copy_for_col,
                                             (size_t) (bad - (const uint8_t *)
                                                       line)),
                                _("the manifest is not valid UTF-8"));
          else
            {
              hcols = malloc (nf * sizeof *hcols);
              if (hcols == NULL)
                st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                    _("out of memory"));
              else
                st = parse_header (fields, offsets, nf, copy_for_col, hcols,
                                   display, lineno, err);
              cols = hcols;
              n_cols = nf;
            }
          free (copy_for_col);
          continue;
        }
      seen_data = 1;

      struct tmc_batch_report *r = add_report (c);
      if (r == NULL || (r->id = tmc_strdup (bad ? "" : fields[0])) == NULL)
        {
          free (copy_for_col);
          st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
          break;
        }
      r->line = lineno;
      int oom = 0;
      if (bad)
        oom = set_problem (r, TMC_ERR_ENCODING, display, lineno,
                           char_column (copy_for_col,
                                        (size_t) (bad - (const uint8_t *)
                                                  line)),
                           "%s", _("the manifest line is not valid UTF-8"));
      else if (nf != n_cols)
        {
          char msg[128];
          snprintf (msg, sizeof msg,
                    dngettext (PACKAGE,
                               "expected %zu tab-separated field, found %zu",
                               "expected %zu tab-separated fields, found %zu",
                               n_cols),
                    n_cols, nf);
          oom = set_problem (r, TMC_ERR_SYNTAX, display, lineno,
                             nf > n_cols
                               ? char_column (copy_for_col, offsets[n_cols])
                               : char_column (copy_for_col, line_len),
                             "%s", msg);
        }
      else
        {
          const char *why = tmc_batch_id_problem (r->id);
          if (why)
            oom = set_problem (r, TMC_ERR_INVALID_ARG, display, lineno, 1,
                               "%s", _(why));
          const char *enc_all = NULL;
          for (size_t i = 1; i < nf && !oom; i++)
            if (cols[i].kind == COL_ENCODING_ALL && fields[i][0])
              enc_all = fields[i];
          for (size_t i = 1; i < nf && !oom; i++)
            {
              const char *v = fields[i];
              unsigned long col = char_column (copy_for_col, offsets[i]);
              if (cols[i].kind == COL_PATH && v[0])
                {
                  r->in[cols[i].lang].path = manifest_path (base, v);
                  oom = r->in[cols[i].lang].path == NULL;
                }
              else if (cols[i].kind == COL_PATH && r->problem == NULL)
                oom = set_problem (r, TMC_ERR_FORMAT, display, lineno, col,
                                   _("no file given for %s"),
                                   tmc_batch_lang[cols[i].lang]);
              else if ((cols[i].kind == COL_ENCODING
                        || cols[i].kind == COL_ENCODING_ALL) && v[0])
                {
                  if (!encoding_known (v) && r->problem == NULL)
                    oom = set_problem (r, TMC_ERR_INVALID_ARG, display,
                                       lineno, col,
                                       _("unknown encoding '%s'"), v);
                  if (cols[i].kind == COL_ENCODING)
                    {
                      free (r->in[cols[i].lang].encoding);
                      r->in[cols[i].lang].encoding = tmc_strdup (v);
                      oom = oom || r->in[cols[i].lang].encoding == NULL;
                    }
                }
            }
          for (int l = 0; l < TMC_BATCH_NLANG && enc_all && !oom; l++)
            if (r->in[l].encoding == NULL)
              {
                r->in[l].encoding = tmc_strdup (enc_all);
                oom = r->in[l].encoding == NULL;
              }
        }
      free (copy_for_col);
      if (oom)
        st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  free (hcols);
  free (fields);
  free (offsets);
  free (base);
  free (data);
  if (st != TMC_OK)
    return st;

  /* Sort, then mark the second and later lines of one id.  */
  if (c->n_reports > 1)
    qsort (c->reports, c->n_reports, sizeof *c->reports, by_id_then_line);
  for (size_t i = 1; i < c->n_reports; i++)
    {
      struct tmc_batch_report *r = &c->reports[i];
      struct tmc_batch_report *prev = &c->reports[i - 1];
      if (strcmp (r->id, prev->id) != 0 || r->id[0] == '\0')
        continue;
      size_t first = i - 1;
      while (first > 0 && strcmp (c->reports[first - 1].id, r->id) == 0)
        first--;
      char msg[64];
      snprintf (msg, sizeof msg, "%lu", c->reports[first].line);
      if (set_problem (r, TMC_ERR_FORMAT, display, r->line, 1,
                       _("duplicate report id: first given on line %s"), msg)
          != 0)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
    }
  return TMC_OK;
}

enum tmc_status
tmc_corpus_read (const char *path, const char *exclude,
                 const struct tmc_warn_handler *warn,
                 struct tmc_corpus **corpus, struct tmc_error *err)
{
  *corpus = NULL;
  struct tmc_corpus *c = calloc (1, sizeof *c);
  if (c == NULL || (c->path = tmc_strdup (path)) == NULL)
    {
      free (c);
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  enum tmc_status st;
  struct stat sb;
  if (strcmp (path, "-") == 0)
    st = read_manifest (c, path, err);
  else if (stat (path, &sb) != 0)
    st = tmc_error_set_errno (err, errno, path, _("cannot read the corpus"));
  else if (S_ISDIR (sb.st_mode))
    st = read_dir (c, path, exclude, warn, err);
  else
    st = read_manifest (c, path, err);
  if (st != TMC_OK)
    {
      tmc_corpus_free (c);
      return st;
    }
  *corpus = c;
  return TMC_OK;
}

enum tmc_status
tmc_corpus_shard (struct tmc_corpus *c, unsigned long k, unsigned long n,
                  struct tmc_error *err)
{
  if (n == 0 || k == 0 || k > n)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("invalid shard %lu/%lu: expected K/N with "
                            "1 <= K <= N"), k, n);
  size_t total = c->n_reports;
  /* floor (i * n / total) == k - 1  <=>  i in [lo, hi).  */
  size_t lo = (size_t) (((unsigned __int128) (k - 1) * total + n - 1) / n);
  size_t hi = (size_t) (((unsigned __int128) k * total + n - 1) / n);
  for (size_t i = 0; i < total; i++)
    if (i < lo || i >= hi)
      report_destroy (&c->reports[i]);
  if (lo > 0 && hi > lo)
    memmove (c->reports, c->reports + lo, (hi - lo) * sizeof *c->reports);
  c->n_reports = hi - lo;
  return TMC_OK;
}
