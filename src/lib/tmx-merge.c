/* TMX: merging units from several translation memories.  */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tmconv/hash.h"
#include "tmx-internal.h"
#include "tmx-spill.h"

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

/* Spill mode: the units are records of a temporary file (tmx-spill.h);
   memory holds an index entry per unit.  */

#define NO_SLOT UINT32_MAX
#define LH_END UINT32_MAX

struct sentry {
  uint64_t hash;        /* of the key */
  uint64_t off;         /* the unit's latest record */
  uint32_t len;
  /* Where its language hashes begin in LH, plus 1; 0 until needed (they
     are made for units whose key hash another unit has).  */
  uint32_t lh;
};

/* The hash of the content of the first variant of a language; a list of
   them ends with LANG LH_END.  */
struct lhash {
  uint32_t lang;        /* index into langs */
  uint64_t h;
};

struct spill_index {
  struct tmc_spill file;
  struct sentry *e;
  size_t n, cap;
  uint32_t *slots;      /* open addressing; NO_SLOT when free */
  size_t n_slots;       /* a power of two */
  struct lhash *lh;
  size_t n_lh, lh_cap;
  char (*langs)[16];    /* the primary subtags met */
  size_t n_langs, langs_cap;
  uint32_t *cand;       /* candidates of one lookup */
  size_t cand_cap;
  unsigned char *state; /* per candidate: 0 unknown, 1 same key, 2 not */
  size_t state_cap;
  uint64_t hash_mask;   /* all ones but in the tests */
};

struct tmc_tmx_merger {
  char src[16];         /* primary subtag of the source; "" until known */
  struct spill_index *sp;  /* spill mode; NULL: units in memory */
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
  if (m->sp)
    {
      tmc_spill_close (&m->sp->file);
      free (m->sp->e);
      free (m->sp->slots);
      free (m->sp->lh);
      free (m->sp->langs);
      free (m->sp->cand);
      free (m->sp->state);
      free (m->sp);
    }
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

/* ---- Spill mode ------------------------------------------------------ */

enum tmc_status
tmc_tmx_merger_new_spill (const char *srclang, const char *dir,
                          tmc_tmx_merger **out, struct tmc_error *err)
{
  enum tmc_status st = tmc_tmx_merger_new (srclang, out, err);
  if (st != TMC_OK)
    return st;
  tmc_tmx_merger *m = *out;
  struct spill_index *sp = calloc (1, sizeof *sp);
  if (sp == NULL)
    st = nomem (err);
  else
    {
      sp->file.fd = -1;
      m->sp = sp;
      sp->hash_mask = UINT64_MAX;
      sp->n_slots = 1024;
      sp->slots = malloc (sp->n_slots * sizeof *sp->slots);
      if (sp->slots == NULL)
        st = nomem (err);
      else
        memset (sp->slots, 0xFF, sp->n_slots * sizeof *sp->slots);
    }
  if (st == TMC_OK)
    st = tmc_spill_open (&sp->file, dir, err);
  if (st != TMC_OK)
    {
      tmc_tmx_merger_free (m);
      *out = NULL;
    }
  return st;
}

void
tmc_tmx_merger_test_hash_bits (tmc_tmx_merger *m, unsigned bits)
{
  if (m->sp)
    m->sp->hash_mask = bits >= 64 ? UINT64_MAX
                                  : (UINT64_C (1) << bits) - 1;
}

/* The slot of hash H (a key hash) where probing starts.  */
static size_t
first_slot (const struct spill_index *sp, uint64_t h)
{
  return (size_t) (tmc_hash_mix (h) & (sp->n_slots - 1));
}

static int
spill_rehash (struct spill_index *sp)
{
  size_t ns = sp->n_slots * 2;
  uint32_t *s = malloc (ns * sizeof *s);
  if (s == NULL)
    return -1;
  memset (s, 0xFF, ns * sizeof *s);
  free (sp->slots);
  sp->slots = s;
  sp->n_slots = ns;
  for (size_t i = 0; i < sp->n; i++)
    {
      size_t k = first_slot (sp, sp->e[i].hash);
      while (s[k] != NO_SLOT)
        k = (k + 1) & (ns - 1);
      s[k] = (uint32_t) i;
    }
  return 0;
}

/* The number of the primary subtag P among those met, added when new;
   LH_END when out of memory.  */
static uint32_t
lang_id (struct spill_index *sp, const char *p)
{
  for (size_t i = 0; i < sp->n_langs; i++)
    if (strcmp (sp->langs[i], p) == 0)
      return (uint32_t) i;
  if (sp->n_langs >= LH_END - 1
      || tmc_grow ((void **) &sp->langs, &sp->langs_cap, sp->n_langs + 1,
                   sizeof *sp->langs) != 0)
    return LH_END;
  snprintf (sp->langs[sp->n_langs], sizeof sp->langs[0], "%s", p);
  return (uint32_t) sp->n_langs++;
}

/* The hash of a variant's content as compatible () compares it.  */
static uint64_t
tuv_hash (const struct spill_index *sp, const struct tmc_tuv *v)
{
  char kind = v->markup ? 'M' : 'T';
  const char *c = content (v);
  return tmc_hash_update (tmc_hash_update (TMC_HASH_INIT, &kind, 1), c,
                          strlen (c)) & sp->hash_mask;
}

/* Give entry I the language hashes of its unit TU.  */
static int
set_lhashes (struct spill_index *sp, size_t i, const struct tmc_tu *tu)
{
  size_t start = sp->n_lh;
  if (start + tu->n_tuvs + 1 >= UINT32_MAX
      || tmc_grow ((void **) &sp->lh, &sp->lh_cap, start + tu->n_tuvs + 1,
                   sizeof *sp->lh) != 0)
    return -1;
  size_t n = start;
  for (size_t k = 0; k < tu->n_tuvs; k++)
    {
      char p[16];
      tmc_lang_primary (tu->tuvs[k].lang, p, sizeof p);
      uint32_t id = lang_id (sp, p);
      if (id == LH_END)
        return -1;
      /* The first variant of a language is the one compared.  */
      size_t j;
      for (j = start; j < n; j++)
        if (sp->lh[j].lang == id)
          break;
      if (j == n)
        sp->lh[n++] = (struct lhash) { id, tuv_hash (sp, &tu->tuvs[k]) };
    }
  sp->lh[n++] = (struct lhash) { LH_END, 0 };
  sp->n_lh = n;
  sp->e[i].lh = (uint32_t) start + 1;
  return 0;
}

/* 1 when the language hashes of entry E show that TU disagrees with its
   unit (some language both have hashes differently), else 0 (then they
   may agree, which only their texts can tell).  IDS and HS are the
   language numbers and content hashes of TU's variants.  */
static int
lhash_differs (const struct spill_index *sp, const struct sentry *e,
               const struct tmc_tu *tu, const uint32_t *ids,
               const uint64_t *hs)
{
  if (e->lh == 0)
    return 0;
  for (size_t k = 0; k < tu->n_tuvs; k++)
    for (const struct lhash *l = &sp->lh[e->lh - 1]; l->lang != LH_END; l++)
      if (l->lang == ids[k])
        {
          if (l->h != hs[k])
            return 1;
          break;
        }
  return 0;
}

static int
newest_first (const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* Read back the unit of entry I into *TU and tell in *SAME whether its
   key is KEY (byte for byte).  */
static enum tmc_status
spill_fetch (tmc_tmx_merger *m, size_t i, const char *key, size_t key_len,
             struct tmc_tu *tu, size_t *file, unsigned long *line,
             unsigned long *column, int *same, struct tmc_error *err)
{
  struct spill_index *sp = m->sp;
  enum tmc_status st = tmc_spill_get (&sp->file, sp->e[i].off, sp->e[i].len,
                                      0, tu, file, line, column, err);
  if (st != TMC_OK)
    return st;
  size_t klen;
  char *k = make_key (m, tu, &klen);
  if (k == NULL)
    {
      tmc_tu_destroy (tu);
      return nomem (err);
    }
  *same = klen == key_len && memcmp (k, key, klen) == 0;
  free (k);
  return TMC_OK;
}

static enum tmc_status
spill_add (tmc_tmx_merger *m, struct tmc_tu *tu, const char *file,
           unsigned long line, unsigned long column,
           const struct tmc_warn_handler *warn, struct tmc_error *err)
{
  struct spill_index *sp = m->sp;
  enum tmc_status st = TMC_OK;
  size_t key_len;
  char *key = make_key (m, tu, &key_len);
  uint32_t *ids = NULL;
  uint64_t *hs = NULL;
  if (key == NULL)
    return nomem (err);
  uint64_t h = tmc_hash_update (TMC_HASH_INIT, key, key_len) & sp->hash_mask;

  /* The units with the same key hash, newest first: the order in which
     the in-memory merger meets them in its bucket.  */
  size_t n_cand = 0;
  for (size_t k = first_slot (sp, h); sp->slots[k] != NO_SLOT;
       k = (k + 1) & (sp->n_slots - 1))
    if (sp->e[sp->slots[k]].hash == h)
      {
        if (tmc_grow ((void **) &sp->cand, &sp->cand_cap, n_cand + 1,
                      sizeof *sp->cand) != 0)
          goto oom;
        sp->cand[n_cand++] = sp->slots[k];
      }
  if (n_cand > 1)
    qsort (sp->cand, n_cand, sizeof *sp->cand, newest_first);
  if (n_cand > 0)
    {
      if (tmc_grow ((void **) &sp->state, &sp->state_cap, n_cand, 1) != 0
          || (ids = malloc (tu->n_tuvs * sizeof *ids + 1)) == NULL
          || (hs = malloc (tu->n_tuvs * sizeof *hs + 1)) == NULL)
        goto oom;
      memset (sp->state, 0, n_cand);
      for (size_t k = 0; k < tu->n_tuvs; k++)
        {
          char p[16];
          tmc_lang_primary (tu->tuvs[k].lang, p, sizeof p);
          if ((ids[k] = lang_id (sp, p)) == LH_END)
            goto oom;
          hs[k] = tuv_hash (sp, &tu->tuvs[k]);
        }
    }

  /* Merge into the newest unit with the same key that agrees.  The
     hashes only rule units out: a unit is merged into when its texts,
     read back, are the same byte for byte.  */
  for (size_t c = 0; c < n_cand; c++)
    {
      size_t i = sp->cand[c];
      if (lhash_differs (sp, &sp->e[i], tu, ids, hs))
        continue;
      struct tmc_tu old;
      size_t ofile;
      unsigned long oline, ocol;
      int same;
      st = spill_fetch (m, i, key, key_len, &old, &ofile, &oline, &ocol,
                        &same, err);
      if (st != TMC_OK)
        goto done;
      sp->state[c] = same ? 1 : 2;
      const char *lang;
      if (!same || compatible (tu, &old, &lang) != 0)
        {
          if (same && sp->e[i].lh == 0 && set_lhashes (sp, i, &old) != 0)
            {
              tmc_tu_destroy (&old);
              goto oom;
            }
          tmc_tu_destroy (&old);
          continue;
        }
      size_t notes = old.meta.n_notes;
      int moved = absorb (&old, tu);
      if (moved >= 0 && (moved > 0 || old.meta.n_notes != notes))
        {
          /* The unit gained something: a new record replaces the old
             one, which stays in the file unused.  */
          st = tmc_spill_put (&sp->file, &old, ofile, oline, ocol,
                              &sp->e[i].off, &sp->e[i].len, err);
          if (st == TMC_OK && sp->e[i].lh != 0
              && set_lhashes (sp, i, &old) != 0)
            moved = -1;
        }
      tmc_tu_destroy (&old);
      if (moved < 0)
        goto oom;
      if (st != TMC_OK)
        goto done;
      if (moved > 0)
        m->stats.merged++;
      else
        m->stats.duplicates++;
      tmc_tu_destroy (tu);
      tmc_tu_init (tu);
      goto done;
    }

  /* A unit of its own; a conflict when an earlier unit has its key.  The
     earliest of them is the one named.  */
  size_t first = NO_ENTRY;
  for (size_t c = n_cand; c-- > 0 && first == NO_ENTRY;)
    {
      if (sp->state[c] == 0)
        {
          struct tmc_tu old;
          int same;
          st = spill_fetch (m, sp->cand[c], key, key_len, &old, NULL, NULL,
                            NULL, &same, err);
          if (st != TMC_OK)
            goto done;
          tmc_tu_destroy (&old);
          sp->state[c] = same ? 1 : 2;
        }
      if (sp->state[c] == 1)
        first = sp->cand[c];
    }
  if (sp->n >= UINT32_MAX - 1)
    {
      st = tmc_error_set (err, TMC_ERR_LIMIT, NULL, 0, 0,
                          _("too many units to merge (at most %lu)"),
                          (unsigned long) UINT32_MAX - 1);
      goto done;
    }
  if (sp->n + 1 > sp->n_slots - sp->n_slots / 4 && spill_rehash (sp) != 0)
    goto oom;
  size_t fi = file_index (m, file ? file : "");
  if (fi == NO_ENTRY
      || tmc_grow ((void **) &sp->e, &sp->cap, sp->n + 1, sizeof *sp->e) != 0)
    goto oom;
  if (first != NO_ENTRY)
    {
      struct tmc_tu old;
      size_t ofile;
      unsigned long oline, ocol;
      st = tmc_spill_get (&sp->file, sp->e[first].off, sp->e[first].len, 0,
                          &old, &ofile, &oline, &ocol, err);
      if (st != TMC_OK)
        goto done;
      const char *differs = "";
      compatible (tu, &old, &differs);
      m->stats.conflicts++;
      const struct tmc_tuv *s = find_primary (&old, m->src);
      const char *src_text = s ? s->text : "";
      tmc_warn (warn, file, line, column,
                _("conflicting %s translation of \"%.*s\": kept as a unit of "
                  "its own (the other is at %s:%lu:%lu)"),
                differs, snippet_len (src_text, 60), src_text,
                ofile < m->n_files ? m->files[ofile] : "", oline, ocol);
      tmc_tu_destroy (&old);
    }
  struct sentry *e = &sp->e[sp->n];
  memset (e, 0, sizeof *e);
  e->hash = h;
  st = tmc_spill_put (&sp->file, tu, fi, line, column, &e->off, &e->len, err);
  if (st != TMC_OK)
    goto done;
  /* Another unit has its key hash: its language hashes will serve.  */
  if (n_cand > 0 && set_lhashes (sp, sp->n, tu) != 0)
    goto oom;
  size_t k = first_slot (sp, h);
  while (sp->slots[k] != NO_SLOT)
    k = (k + 1) & (sp->n_slots - 1);
  sp->slots[k] = (uint32_t) sp->n;
  sp->n++;
  tmc_tu_destroy (tu);
  tmc_tu_init (tu);
  goto done;
oom:
  st = nomem (err);
done:
  free (key);
  free (ids);
  free (hs);
  return st;
}

enum tmc_status
tmc_tmx_merger_each (tmc_tmx_merger *m, tmc_tmx_merged_fn *fn, void *data,
                     struct tmc_error *err)
{
  enum tmc_status st = TMC_OK;
  if (m->sp == NULL)
    {
      for (size_t i = 0; i < m->n && st == TMC_OK; i++)
        st = fn (data, &m->e[i].tu, err);
      return st;
    }
  for (size_t i = 0; i < m->sp->n && st == TMC_OK; i++)
    {
      struct tmc_tu tu;
      st = tmc_spill_get (&m->sp->file, m->sp->e[i].off, m->sp->e[i].len, 1,
                          &tu, NULL, NULL, NULL, err);
      if (st == TMC_OK)
        {
          st = fn (data, &tu, err);
          tmc_tu_destroy (&tu);
        }
    }
  return st;
}

void
tmc_tmx_merger_stats (const tmc_tmx_merger *m,
                      struct tmc_tmx_merge_stats *stats)
{
  *stats = m->stats;
  stats->units_out = m->sp ? m->sp->n : m->n;
}

/* tmc_tmx_merger_each's function for tmc_tmx_merger_finish in spill
   mode.  */
static enum tmc_status
move_into (void *data, const struct tmc_tu *tu, struct tmc_error *err)
{
  /* The unit is tmc_tmx_merger_each's own copy, destroyed after the
     call: moving it leaves that copy empty.  */
  return tmc_tm_add_tu_move (data, (struct tmc_tu *) tu, err);
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
  if (m->sp)
    return spill_add (m, tu, file, line, column, warn, err);
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
  if (m->sp)
    {
      enum tmc_status st = tmc_tmx_merger_each (m, move_into, tm, err);
      if (st != TMC_OK)
        return st;
      m->stats.units_out = m->sp->n;
      m->sp->n = 0;
      memset (m->sp->slots, 0xFF, m->sp->n_slots * sizeof *m->sp->slots);
      m->sp->n_lh = 0;
      if (stats)
        *stats = m->stats;
      return tmc_spill_reset (&m->sp->file, err);
    }
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
