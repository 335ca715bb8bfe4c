/* TMX: merging units from several translation memories.  */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tmx-internal.h"

#define NO_ENTRY ((size_t) -1)

struct entry {
  struct tmc_tu tu;
  size_t file;          /* index into files */
  unsigned long line, column;
  char *key;
  size_t key_len;
  uint64_t hash;
  size_t next;          /* next entry of the bucket, or NO_ENTRY */
};

struct tmc_tmx_merger {
  char src[16];         /* primary subtag of the source; "" until known */
  struct entry *e;
  size_t n, cap;
  size_t *buckets;      /* first entry of each bucket, or NO_ENTRY */
  size_t n_buckets;     /* a power of two */
  char **files;
  size_t n_files, files_cap;
  struct tmc_tmx_merge_stats stats;
};

static enum tmc_status
nomem (struct tmc_error *err)
{
  return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
}

enum tmc_status
tmc_tmx_merger_new (const char *srclang, tmc_tmx_merger **out,
                    struct tmc_error *err)
{
  *out = NULL;
  if (srclang && !tmc_tmx_lang_valid (srclang))
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("'%s' is not a well-formed language tag"),
                          srclang);
  tmc_tmx_merger *m = calloc (1, sizeof *m);
  if (m == NULL)
    return nomem (err);
  if (srclang)
    tmc_lang_primary (srclang, m->src, sizeof m->src);
  m->n_buckets = 1024;
  m->buckets = malloc (m->n_buckets * sizeof *m->buckets);
  if (m->buckets == NULL)
    {
      free (m);
      return nomem (err);
    }
  memset (m->buckets, 0xFF, m->n_buckets * sizeof *m->buckets);
  *out = m;
  return TMC_OK;
}

void
tmc_tmx_merger_free (tmc_tmx_merger *m)
{
  if (m == NULL)
    return;
  for (size_t i = 0; i < m->n; i++)
    {
      tmc_tu_destroy (&m->e[i].tu);
      free (m->e[i].key);
    }
  free (m->e);
  free (m->buckets);
  for (size_t i = 0; i < m->n_files; i++)
    free (m->files[i]);
  free (m->files);
  free (m);
}

static uint64_t
fnv1a (const char *s, size_t n)
{
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < n; i++)
    {
      h ^= (unsigned char) s[i];
      h *= 1099511628211ULL;
    }
  return h;
}

/* The content of a variant as compared: its markup, else its text.  */
static const char *
content (const struct tmc_tuv *v)
{
  return v->markup ? v->markup : v->text;
}

static const struct tmc_tuv *
find_primary (const struct tmc_tu *tu, const char *primary)
{
  for (size_t i = 0; i < tu->n_tuvs; i++)
    {
      char p[16];
      tmc_lang_primary (tu->tuvs[i].lang, p, sizeof p);
      if (strcmp (p, primary) == 0)
        return &tu->tuvs[i];
    }
  return NULL;
}

static int
cmp_str (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The key of TU: "S" and the source text, or "X" and every variant
   (primary subtag and content) in sorted order.  */
static char *
make_key (const tmc_tmx_merger *m, const struct tmc_tu *tu, size_t *len)
{
  struct tmc_buf b = TMC_BUF_INIT;
  const struct tmc_tuv *s = m->src[0] ? find_primary (tu, m->src) : NULL;
  if (s)
    {
      if (tmc_buf_putc (&b, s->markup ? 'M' : 'S')
          || tmc_buf_puts (&b, content (s)))
        goto oom;
      return tmc_buf_steal (&b, len);
    }
  char **parts = calloc (tu->n_tuvs + 1, sizeof *parts);
  if (parts == NULL)
    goto oom;
  int bad = 0;
  for (size_t i = 0; i < tu->n_tuvs && !bad; i++)
    {
      struct tmc_buf p = TMC_BUF_INIT;
      char prim[16];
      tmc_lang_primary (tu->tuvs[i].lang, prim, sizeof prim);
      bad = tmc_buf_printf (&p, "%s%c%c%s", prim, 1,
                            tu->tuvs[i].markup ? 'M' : 'T',
                            content (&tu->tuvs[i]));
      parts[i] = tmc_buf_steal (&p, NULL);
      bad |= parts[i] == NULL;
    }
  if (!bad)
    qsort (parts, tu->n_tuvs, sizeof *parts, cmp_str);
  bad |= tmc_buf_putc (&b, 'X');
  for (size_t i = 0; i < tu->n_tuvs && !bad; i++)
    bad = tmc_buf_puts (&b, parts[i]) || tmc_buf_putc (&b, 2);
  for (size_t i = 0; i < tu->n_tuvs; i++)
    free (parts[i]);
  free (parts);
  if (bad)
    goto oom;
  return tmc_buf_steal (&b, len);
oom:
  tmc_buf_destroy (&b);
  return NULL;
}

/* Compare TU with the unit of entry E: 0 when every language both have
   has the same content in both, else -1 and *LANG the first language
   that differs.  */
static int
compatible (const struct tmc_tu *a, const struct tmc_tu *b, const char **lang)
{
  for (size_t i = 0; i < a->n_tuvs; i++)
    {
      char p[16];
      tmc_lang_primary (a->tuvs[i].lang, p, sizeof p);
      const struct tmc_tuv *v = find_primary (b, p);
      if (v && ((v->markup == NULL) != (a->tuvs[i].markup == NULL)
                || strcmp (content (v), content (&a->tuvs[i])) != 0))
        {
          *lang = a->tuvs[i].lang;
          return -1;
        }
    }
  return 0;
}

/* Move into KEEP the variants and notes of TU that KEEP lacks.  Returns
   the number of variants moved, or -1 when out of memory.  */
static int
absorb (struct tmc_tu *keep, struct tmc_tu *tu)
{
  int moved = 0;
  for (size_t i = 0; i < tu->n_tuvs; i++)
    {
      char p[16];
      tmc_lang_primary (tu->tuvs[i].lang, p, sizeof p);
      if (find_primary (keep, p))
        continue;
      if (tmc_grow ((void **) &keep->tuvs, &keep->tuvs_cap, keep->n_tuvs + 1,
                    sizeof *keep->tuvs) != 0)
        return -1;
      keep->tuvs[keep->n_tuvs++] = tu->tuvs[i];
      /* Leave an empty variant behind for tmc_tu_destroy.  */
      memset (&tu->tuvs[i], 0, sizeof tu->tuvs[i]);
      moved++;
    }
  for (size_t i = 0; i < tu->meta.n_notes; i++)
    {
      size_t j;
      for (j = 0; j < keep->meta.n_notes; j++)
        if (strcmp (keep->meta.notes[j], tu->meta.notes[i]) == 0)
          break;
      if (j == keep->meta.n_notes
          && tmc_meta_add_note (&keep->meta, tu->meta.notes[i]) != 0)
        return -1;
    }
  return moved;
}

static int
rehash (tmc_tmx_merger *m)
{
  size_t nb = m->n_buckets * 2;
  size_t *b = malloc (nb * sizeof *b);
  if (b == NULL)
    return -1;
  memset (b, 0xFF, nb * sizeof *b);
  for (size_t i = 0; i < m->n; i++)
    {
      size_t k = (size_t) (m->e[i].hash & (nb - 1));
      m->e[i].next = b[k];
      b[k] = i;
    }
  free (m->buckets);
  m->buckets = b;
  m->n_buckets = nb;
  return 0;
}

static size_t
file_index (tmc_tmx_merger *m, const char *file)
{
  if (m->n_files > 0 && strcmp (m->files[m->n_files - 1], file) == 0)
    return m->n_files - 1;
  for (size_t i = 0; i < m->n_files; i++)
    if (strcmp (m->files[i], file) == 0)
      return i;
  if (tmc_grow ((void **) &m->files, &m->files_cap, m->n_files + 1,
                sizeof *m->files) != 0)
    return NO_ENTRY;
  m->files[m->n_files] = tmc_strdup (file);
  if (m->files[m->n_files] == NULL)
    return NO_ENTRY;
  return m->n_files++;
}

/* At most N bytes of S, cut on a character boundary.  */
static int
snippet_len (const char *s, size_t n)
{
  size_t len = strlen (s);
  if (len <= n)
    return (int) len;
  while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
    n--;
  return (int) n;
}

enum tmc_status
tmc_tmx_merger_add (tmc_tmx_merger *m, struct tmc_tu *tu, const char *file,
                    unsigned long line, unsigned long column,
                    const struct tmc_warn_handler *warn,
                    struct tmc_error *err)
{
  m->stats.units_in++;
  if (m->src[0] == '\0' && tu->n_tuvs > 0)
    tmc_lang_primary (tu->tuvs[0].lang, m->src, sizeof m->src);
  size_t key_len;
  char *key = make_key (m, tu, &key_len);
  if (key == NULL)
    return nomem (err);
  uint64_t h = fnv1a (key, key_len);
  size_t first = NO_ENTRY;
  const char *differs = NULL;
  for (size_t i = m->buckets[h & (m->n_buckets - 1)]; i != NO_ENTRY;
       i = m->e[i].next)
    {
      struct entry *e = &m->e[i];
      if (e->hash != h || e->key_len != key_len
          || memcmp (e->key, key, key_len) != 0)
        continue;
      const char *lang;
      if (compatible (tu, &e->tu, &lang) == 0)
        {
          int moved = absorb (&e->tu, tu);
          free (key);
          if (moved < 0)
            return nomem (err);
          if (moved > 0)
            m->stats.merged++;
          else
            m->stats.duplicates++;
          tmc_tu_destroy (tu);
          return TMC_OK;
        }
      /* The bucket lists later entries first: keep the earliest.  */
      first = i;
      differs = lang;
    }
  if (m->n + 1 > m->n_buckets - m->n_buckets / 4 && rehash (m) != 0)
    {
      free (key);
      return nomem (err);
    }
  size_t fi = file_index (m, file ? file : "");
  if (fi == NO_ENTRY
      || tmc_grow ((void **) &m->e, &m->cap, m->n + 1, sizeof *m->e) != 0)
    {
      free (key);
      return nomem (err);
    }
  if (first != NO_ENTRY)
    {
      m->stats.conflicts++;
      const struct entry *o = &m->e[first];
      const struct tmc_tuv *s = find_primary (&o->tu, m->src);
      const char *src_text = s ? s->text : "";
      tmc_warn (warn, file, line, column,
                _("conflicting %s translation of \"%.*s\": kept as a unit of "
                  "its own (the other is at %s:%lu:%lu)"),
                differs, snippet_len (src_text, 60), src_text,
                m->files[o->file], o->line, o->column);
    }
  struct entry *e = &m->e[m->n];
  e->tu = *tu;
  tmc_tu_init (tu);
  e->file = fi;
  e->line = line;
  e->column = column;
  e->key = key;
  e->key_len = key_len;
  e->hash = h;
  size_t k = (size_t) (h & (m->n_buckets - 1));
  e->next = m->buckets[k];
  m->buckets[k] = m->n;
  m->n++;
  return TMC_OK;
}

enum tmc_status
tmc_tmx_merger_finish (tmc_tmx_merger *m, struct tmc_tm *tm,
                       struct tmc_tmx_merge_stats *stats,
                       struct tmc_error *err)
{
  if (tmc_grow ((void **) &tm->tus, &tm->tus_cap, tm->n_tus + m->n,
                sizeof *tm->tus) != 0)
    return nomem (err);
  for (size_t i = 0; i < m->n; i++)
    {
      tm->tus[tm->n_tus++] = m->e[i].tu;
      tmc_tu_init (&m->e[i].tu);
      free (m->e[i].key);
      m->e[i].key = NULL;
    }
  m->stats.units_out = m->n;
  m->n = 0;
  memset (m->buckets, 0xFF, m->n_buckets * sizeof *m->buckets);
  if (stats)
    *stats = m->stats;
  return TMC_OK;
}
