/* Export: translation memories to a template and per-language catalogues,
   written through libgettextpo.  */

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "buf.h"
#include "internal.h"
#include "po-internal.h"
#include "tmconv/io.h"
#include "tmconv/po.h"
#include "tmconv/hash.h"
#include "tmconv/tmx.h"
#include "tmx-spill.h"

#define MAX_LANGS 32
/* At most this many `#.' lines per entry; the `#:' references name
   every place.  */
#define MAX_COMMENT_PLACES 10

/* A text of the entries (a msgid, a msgstr, a comment), kept in the exporter's
   store: a buffer in memory, or a temporary file (tmpdir in the
   options).  Each is stored with a NUL after it.  */
#define TEXT_NONE UINT64_MAX
struct text {
  uint64_t off;         /* TEXT_NONE: no text */
  uint32_t len;         /* without the NUL */
  uint32_t hash;        /* of its bytes; equal texts hash alike */
};

struct place {
  const char *file;    /* document id, or the memory's file name (kept
                          once in the exporter's NAMES) */
  unsigned long line;  /* first source sentence, bead or unit number */
  unsigned long n;     /* source sentences line .. line + n - 1 */
  struct text comment; /* one `#.' line, or none */
};

/* What is known of a document while its units are read in order.  */
struct doc_state {
  unsigned long next_bead;  /* the bead number expected next */
  unsigned long sentences;  /* source sentences of the beads so far */
  int exact;                /* every bead so far seen, in order */
};

struct entry {
  struct text msgid;
  /* Per target language, for the N_SLOTS languages known when the entry
     was made or last grown (a language learnt later has no translation
     in the entries made before it).  */
  struct text *msgstr;  /* off TEXT_NONE: none yet */
  unsigned char *good;  /* some place confirms the translation */
  size_t n_slots;
  struct place *places;
  size_t n_places, places_cap;
  size_t next;          /* index + 1 of the next entry with this msgid */
  char *msgctxt;
};

/* Has E a translation in language L?  */
static int
entry_has (const struct entry *e, size_t l)
{
  return l < e->n_slots && e->msgstr[l].off != TEXT_NONE;
}

static int
entry_good (const struct entry *e, size_t l)
{
  return l < e->n_slots && e->good[l];
}

/* Give E a slot for each of N languages.  Returns 0, or -1 when out of
   memory.  */
static int
entry_slots (struct entry *e, size_t n)
{
  if (n <= e->n_slots)
    return 0;
  struct text *m = realloc (e->msgstr, n * sizeof *m);
  if (m == NULL)
    return -1;
  e->msgstr = m;
  unsigned char *g = realloc (e->good, n);
  if (g == NULL)
    return -1;
  e->good = g;
  for (size_t l = e->n_slots; l < n; l++)
    {
      m[l].off = TEXT_NONE;
      m[l].len = 0;
      m[l].hash = 0;
      g[l] = 0;
    }
  e->n_slots = n;
  return 0;
}

struct tmc_po_export {
  char *source_lang;
  char *domain;
  char *project;
  char *bugs_address;
  double fuzzy_below;
  long long date;
  int no_env;
  int langs_given;
  int prepared;         /* contexts assigned */
  size_t with_context;
  char *langs[MAX_LANGS];  /* names for files and the Language field */
  char *match[MAX_LANGS];  /* BCP 47 forms, to find the variants */
  size_t n_langs;
  /* Primary subtags, to find variants fast, and places in bead shapes.  */
  char src_primary[16];
  char primary[MAX_LANGS][16];
  int src_shape;
  int shape[MAX_LANGS];

  struct entry *entries;
  size_t n_entries, entries_cap;
  /* The first entry of each msgid, by the hash of the msgid: open
     addressing, HEAD_FREE when free.  */
  uint32_t *heads;
  size_t n_heads, heads_size;
  /* The texts: in ARENA, or in the temporary file SPILL.  */
  struct tmc_buf arena;
  struct tmc_spill *spill;
  uint32_t hash_mask;   /* all ones but in the tests */

  size_t units, no_source, merged;
  struct tmc_buf scratch;
  /* Document id -> index into docs.  */
  struct tmc_po_map doc_index;
  /* The file names of the places, each kept once.  */
  struct tmc_po_map names;
  struct doc_state *docs;
  size_t n_docs, docs_cap;
};

static enum tmc_status
nomem (struct tmc_error *err)
{
  return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, "%s",
                        tmc_strerror (TMC_ERR_NOMEM));
}

/* ---------------------------------------------------------------- */
/* The store of texts and the msgids' heads.  */

#define HEAD_FREE UINT32_MAX

static uint32_t test_hash_mask = UINT32_MAX;

void
tmc_po_export_test_hash_bits (unsigned bits)
{
  test_hash_mask = bits >= 32 ? UINT32_MAX : (UINT32_C (1) << bits) - 1;
}

/* Store the N bytes at S (a string, whose NUL is stored too) as *T.  */
static enum tmc_status
text_put (struct tmc_po_export *ex, const char *s, size_t n, struct text *t,
          struct tmc_error *err)
{
  if (n >= UINT32_MAX)
    return tmc_error_set (err, TMC_ERR_LIMIT, NULL, 0, 0,
                          _("a unit of %zu bytes is too large to keep in "
                            "a temporary file"), n);
  t->len = (uint32_t) n;
  t->hash = (uint32_t) tmc_hash_update (TMC_HASH_INIT, s, n) & ex->hash_mask;
  if (ex->spill)
    return tmc_spill_put_raw (ex->spill, s, n + 1, &t->off, err);
  t->off = ex->arena.len;
  if (tmc_buf_append (&ex->arena, s, n + 1) != 0)
    return nomem (err);
  return TMC_OK;
}

/* The text T, NUL-terminated, valid until the next call on the store; or
   NULL with *ST and ERR set.  SEQUENTIAL: texts are read in about the
   order they were stored.  */
static const char *
text_get (struct tmc_po_export *ex, const struct text *t, int sequential,
          struct tmc_error *err, enum tmc_status *st)
{
  *st = TMC_OK;
  if (ex->spill)
    return tmc_spill_get_raw (ex->spill, t->off, t->len + 1, sequential, err,
                              st);
  return ex->arena.data + t->off;
}

/* Is the text T the N bytes at S, whose hash is H?  1 or 0, or -1 with
   *ST and ERR set.  Hashes only rule texts out: equal ones are compared
   byte for byte.  */
static int
text_is (struct tmc_po_export *ex, const struct text *t, const char *s,
         size_t n, uint32_t h, struct tmc_error *err, enum tmc_status *st)
{
  *st = TMC_OK;
  if (t->len != n || t->hash != h)
    return 0;
  const char *p = text_get (ex, t, 0, err, st);
  if (p == NULL)
    return -1;
  return memcmp (p, s, n) == 0;
}

/* The slot of the msgid hash H where probing starts.  */
static size_t
head_slot (const struct tmc_po_export *ex, uint32_t h)
{
  return (size_t) (tmc_hash_mix (h) & (ex->heads_size - 1));
}

/* The first entry of the msgid MSGID (N bytes, hash H), or HEAD_FREE;
   *SLOT is where it is, or where it would go.  */
static uint32_t
head_find (struct tmc_po_export *ex, const char *msgid, size_t n, uint32_t h,
           size_t *slot, struct tmc_error *err, enum tmc_status *st)
{
  *st = TMC_OK;
  size_t k = head_slot (ex, h);
  for (; ex->heads[k] != HEAD_FREE; k = (k + 1) & (ex->heads_size - 1))
    {
      int same = text_is (ex, &ex->entries[ex->heads[k]].msgid, msgid, n, h,
                          err, st);
      if (same < 0)
        return HEAD_FREE;
      if (same)
        break;
    }
  *slot = k;
  return ex->heads[k];
}

/* Make room for one more head.  Returns 0, or -1 when out of memory.  */
static int
heads_grow (struct tmc_po_export *ex)
{
  if (ex->heads && ex->n_heads + 1 <= ex->heads_size - ex->heads_size / 4)
    return 0;
  size_t size = ex->heads_size ? 2 * ex->heads_size : 1024;
  uint32_t *v = malloc (size * sizeof *v);
  if (v == NULL)
    return -1;
  memset (v, 0xFF, size * sizeof *v);
  for (size_t k = 0; k < ex->heads_size; k++)
    if (ex->heads[k] != HEAD_FREE)
      {
        size_t j = (size_t) (tmc_hash_mix (ex->entries[ex->heads[k]].msgid.hash)
                             & (size - 1));
        while (v[j] != HEAD_FREE)
          j = (j + 1) & (size - 1);
        v[j] = ex->heads[k];
      }
  free (ex->heads);
  ex->heads = v;
  ex->heads_size = size;
  return 0;
}

/* The place of LANG in a bead shape, or -1.  */
static int
shape_index (const char *lang)
{
  if (tmc_lang_match (lang, "az"))
    return 0;
  if (tmc_lang_match (lang, "fa"))
    return 1;
  if (tmc_lang_match (lang, "en"))
    return 2;
  return -1;
}

void
tmc_po_export_options_init (struct tmc_po_export_options *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->source_lang = "en";
  opts->domain = "messages";
  opts->fuzzy_below = TMC_PO_FUZZY_BELOW_DEFAULT;
  opts->date = -1;
}

/* A name that may be a file name in DIR: no slash, not empty, not "."
   or "..", no control characters.  */
static int
safe_name (const char *s)
{
  if (s == NULL || s[0] == '\0' || strcmp (s, ".") == 0
      || strcmp (s, "..") == 0)
    return 0;
  for (; *s; s++)
    if (*s == '/' || (unsigned char) *s < 0x20 || *s == 0x7f)
      return 0;
  return 1;
}

static void
free_langs (struct tmc_po_export *ex)
{
  for (size_t i = 0; i < ex->n_langs; i++)
    {
      free (ex->langs[i]);
      free (ex->match[i]);
    }
  ex->n_langs = 0;
}

/* Add the target language NAME (a PO code or a BCP 47 tag).  */
static enum tmc_status
add_lang (struct tmc_po_export *ex, const char *name, struct tmc_error *err)
{
  if (!safe_name (name))
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("invalid language '%s'"), name);
  char tag[64];
  if (tmc_po_lang_to_bcp47 (name, tag, sizeof tag) == NULL)
    {
      /* Not a PO code: maybe a BCP 47 tag already.  */
      char po[64];
      if (tmc_po_lang_from_bcp47 (name, po, sizeof po) == NULL)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("invalid language '%s'"), name);
      snprintf (tag, sizeof tag, "%s", name);
    }
  if (tmc_lang_match (tag, ex->source_lang))
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("the target language '%s' is the source "
                            "language"), name);
  for (size_t i = 0; i < ex->n_langs; i++)
    if (strcmp (ex->langs[i], name) == 0)
      return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                            _("language '%s' given twice"), name);
  if (ex->n_langs >= MAX_LANGS)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("too many languages (at most %d)"), MAX_LANGS);
  tmc_lang_primary (tag, ex->primary[ex->n_langs],
                    sizeof ex->primary[0]);
  ex->shape[ex->n_langs] = shape_index (tag);
  ex->langs[ex->n_langs] = tmc_strdup (name);
  ex->match[ex->n_langs] = tmc_strdup (tag);
  if (ex->langs[ex->n_langs] == NULL || ex->match[ex->n_langs] == NULL)
    {
      free (ex->langs[ex->n_langs]);
      free (ex->match[ex->n_langs]);
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, "%s",
                            tmc_strerror (TMC_ERR_NOMEM));
    }
  ex->n_langs++;
  return TMC_OK;
}

enum tmc_status
tmc_po_export_new (const struct tmc_po_export_options *opts,
                   tmc_po_export **out, struct tmc_error *err)
{
  *out = NULL;
  struct tmc_po_export_options def;
  if (opts == NULL)
    {
      tmc_po_export_options_init (&def);
      opts = &def;
    }
  if (!safe_name (opts->domain))
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("invalid domain name '%s'"),
                          opts->domain ? opts->domain : "");
  struct tmc_po_export *ex = calloc (1, sizeof *ex);
  if (ex == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, "%s",
                          tmc_strerror (TMC_ERR_NOMEM));
  ex->source_lang = tmc_strdup (opts->source_lang ? opts->source_lang : "en");
  ex->domain = tmc_strdup (opts->domain);
  ex->project = tmc_strdup (opts->project ? opts->project : opts->domain);
  ex->bugs_address = tmc_strdup (opts->bugs_address ? opts->bugs_address
                                                    : "");
  ex->fuzzy_below = opts->fuzzy_below;
  tmc_lang_primary (ex->source_lang ? ex->source_lang : "", ex->src_primary,
                    sizeof ex->src_primary);
  ex->src_shape = shape_index (ex->source_lang ? ex->source_lang : "");
  ex->date = opts->date;
  ex->no_env = opts->no_env;
  if (!ex->source_lang || !ex->domain || !ex->project || !ex->bugs_address
      || tmc_po_map_init (&ex->doc_index, 1) != 0
      || tmc_po_map_init (&ex->names, 1) != 0)
    {
      tmc_po_export_free (ex);
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, "%s",
                            tmc_strerror (TMC_ERR_NOMEM));
    }
  ex->hash_mask = test_hash_mask;
  if (opts->tmpdir)
    {
      enum tmc_status st = TMC_OK;
      if ((ex->spill = calloc (1, sizeof *ex->spill)) == NULL)
        st = nomem (err);
      else
        {
          ex->spill->fd = -1;
          st = tmc_spill_open (ex->spill, opts->tmpdir, err);
        }
      if (st != TMC_OK)
        {
          tmc_po_export_free (ex);
          return st;
        }
    }
  if (opts->langs)
    {
      ex->langs_given = 1;
      for (const char *const *l = opts->langs; *l; l++)
        {
          enum tmc_status st = add_lang (ex, *l, err);
          if (st != TMC_OK)
            {
              tmc_po_export_free (ex);
              return st;
            }
        }
    }
  *out = ex;
  return TMC_OK;
}

void
tmc_po_export_free (tmc_po_export *ex)
{
  if (ex == NULL)
    return;
  for (size_t i = 0; i < ex->n_entries; i++)
    {
      struct entry *e = &ex->entries[i];
      free (e->msgctxt);
      free (e->msgstr);
      free (e->good);
      free (e->places);
    }
  free (ex->entries);
  free (ex->heads);
  tmc_buf_destroy (&ex->arena);
  if (ex->spill)
    tmc_spill_close (ex->spill);
  free (ex->spill);
  free_langs (ex);
  free (ex->source_lang);
  free (ex->domain);
  free (ex->project);
  free (ex->bugs_address);
  tmc_buf_destroy (&ex->scratch);
  tmc_po_map_destroy (&ex->doc_index);
  tmc_po_map_destroy (&ex->names);
  free (ex->docs);
  free (ex);
}

/* ---------------------------------------------------------------- */
/* Reading the units.  */

/* Clean a text for a PO string: CR LF and CR become LF, and newlines at
   either end go (msgfmt --check requires msgid and msgstr to agree on
   them, and a sentence has none).  Returns a fresh string or NULL.  */
static char *
clean_text (const char *s)
{
  size_t n = strlen (s);
  char *r = malloc (n + 1);
  if (r == NULL)
    return NULL;
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (s[i] == '\r')
        {
          r[k++] = '\n';
          if (s[i + 1] == '\n')
            i++;
        }
      else
        r[k++] = s[i];
    }
  size_t a = 0;
  while (a < k && r[a] == '\n')
    a++;
  while (k > a && r[k - 1] == '\n')
    k--;
  memmove (r, r + a, k - a);
  r[k - a] = '\0';
  return r;
}

/* The bead shape: the number of sentences of az, fa and en, in that
   order, "1-2-1" (the unit scheme of tmx.h).  Returns 1 and fills
   COUNTS, or 0 when SHAPE is not of that form.  */
static int
parse_shape (const char *shape, unsigned counts[3])
{
  size_t n = 0;
  const char *p = shape;
  while (*p)
    {
      if (*p < '0' || *p > '9' || n >= 3)
        return 0;
      unsigned v = 0;
      while (*p >= '0' && *p <= '9')
        {
          v = v * 10 + (unsigned) (*p - '0');
          if (v > 100000)
            return 0;
          p++;
        }
      counts[n++] = v;
      if (*p == '-' && p[1] != '\0')
        p++;
      else if (*p != '\0')
        return 0;
    }
  return n == 3;
}

static const char *
unit_prop (const struct tmc_tu *tu, const char *type)
{
  return tmc_meta_prop (&tu->meta, type);
}

/* The bead number of a tuid "DOC:NNNN", or 0.  */
static unsigned long
tuid_bead (const char *tuid)
{
  const char *c = tuid ? strrchr (tuid, ':') : NULL;
  if (c == NULL || c[1] == '\0')
    return 0;
  unsigned long v = 0;
  for (const char *p = c + 1; *p; p++)
    {
      if (*p < '0' || *p > '9' || v > ULONG_MAX / 10 - 10)
        return 0;
      v = v * 10 + (unsigned long) (*p - '0');
    }
  return v;
}

/* The first entry of the msgid whose first entry is HEAD whose
   translations do not contradict MSGSTR (LEN bytes, hash HASH each): a
   language either lacks a translation or has the same; in *OUT, NULL
   when there is none.  Errors: reading a text back.  */
static enum tmc_status
find_compatible (struct tmc_po_export *ex, uint32_t head,
                 char *const *msgstr, const size_t *len,
                 const uint32_t *hash, struct entry **out,
                 struct tmc_error *err)
{
  *out = NULL;
  for (size_t k = (size_t) head + 1; k != 0; k = ex->entries[k - 1].next)
    {
      struct entry *e = &ex->entries[k - 1];
      size_t l;
      for (l = 0; l < ex->n_langs; l++)
        if (msgstr[l] && entry_has (e, l))
          {
            enum tmc_status st;
            int same = text_is (ex, &e->msgstr[l], msgstr[l], len[l], hash[l],
                                err, &st);
            if (same < 0)
              return st;
            if (!same)
              break;
          }
      if (l == ex->n_langs)
        {
          *out = e;
          return TMC_OK;
        }
    }
  return TMC_OK;
}

/* The comment line of a place: "DOC bead N: shape S (az-fa-en), score
   X", with the parts that are known, or NULL when none is.  */
static char *
place_comment (const char *doc, unsigned long bead, const char *shape,
               const char *score)
{
  if (!doc && !shape && !score)
    return NULL;
  struct tmc_buf b = TMC_BUF_INIT;
  int bad = 0;
  if (doc)
    bad |= tmc_buf_puts (&b, doc);
  if (doc && bead)
    bad |= tmc_buf_printf (&b, " bead %lu", bead);
  if (shape)
    bad |= tmc_buf_printf (&b, "%sshape %s (az-fa-en)", b.len ? ": " : "",
                           shape);
  if (score)
    bad |= tmc_buf_printf (&b, "%sscore %s",
                           b.len ? (shape ? ", " : ": ") : "", score);
  if (bad)
    {
      tmc_buf_destroy (&b);
      return NULL;
    }
  /* Comments are one line each.  */
  for (size_t i = 0; i < b.len; i++)
    if (b.data[i] == '\n' || b.data[i] == '\r')
      b.data[i] = ' ';
  return tmc_buf_steal (&b, NULL);
}

/* Learn the target languages of TU when none were given: a language
   first met in a unit cannot be in the units before it, whose entries
   simply lack it.  */
static enum tmc_status
learn_langs (struct tmc_po_export *ex, const struct tmc_tu *tu,
             struct tmc_error *err)
{
  for (size_t v = 0; v < tu->n_tuvs; v++)
    {
      const char *lang = tu->tuvs[v].lang;
      if (lang == NULL || tu->tuvs[v].text == NULL
          || tu->tuvs[v].text[0] == '\0')
        continue;
      char p[16];
      tmc_lang_primary (lang, p, sizeof p);
      if (p[0] == '\0' || strcmp (p, ex->src_primary) == 0)
        continue;
      size_t l;
      for (l = 0; l < ex->n_langs; l++)
        if (strcmp (ex->primary[l], p) == 0)
          break;
      if (l < ex->n_langs)
        continue;
      enum tmc_status st = add_lang (ex, p, err);
      if (st != TMC_OK)
        return st;
    }
  return TMC_OK;
}

/* The state of document DOC, made when it is new; NULL when out of
   memory.  */
static struct doc_state *
doc_state (struct tmc_po_export *ex, const char *doc)
{
  int added;
  size_t *i = tmc_po_map_put (&ex->doc_index, doc, ex->n_docs, &added);
  if (i == NULL)
    return NULL;
  if (added)
    {
      if (tmc_grow ((void **) &ex->docs, &ex->docs_cap, ex->n_docs + 1,
                    sizeof *ex->docs) != 0)
        return NULL;
      ex->docs[ex->n_docs++] = (struct doc_state) { 1, 0, 1 };
    }
  return &ex->docs[*i];
}

static void
free_strings (char **v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      free (v[i]);
      v[i] = NULL;
    }
}

/* S, kept once in NAMES (the same pointer for the same string), or NULL
   when out of memory.  */
static const char *
intern (struct tmc_po_map *names, const char *s)
{
  int added;
  size_t *v = tmc_po_map_put (names, s, 0, &added);
  return v ? names->keys[v - names->vals] : NULL;
}

enum tmc_status
tmc_po_export_add_tu (tmc_po_export *ex, const struct tmc_tu *tu,
                      const char *name, size_t u, struct tmc_error *err)
{
  if (ex->prepared)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0, "%s",
                          tmc_strerror (TMC_ERR_INVALID_ARG));
  if (!ex->langs_given)
    {
      enum tmc_status ls = learn_langs (ex, tu, err);
      if (ls != TMC_OK)
        return ls;
    }
  ex->units++;
  const char *shape = unit_prop (tu, TMC_TMX_PROP_BEAD);
  const char *score_s = unit_prop (tu, TMC_TMX_PROP_SCORE);
  unsigned counts[3];
  int has_shape = shape && parse_shape (shape, counts);
  int src_i = ex->src_shape;
  /* The variant of each language: the first whose primary subtag is the
     language's (as tmc_tu_find).  */
  const struct tmc_tuv *src = NULL;
  const struct tmc_tuv *var[MAX_LANGS] = { NULL };
  for (size_t v = 0; v < tu->n_tuvs; v++)
    {
      char p[16];
      tmc_lang_primary (tu->tuvs[v].lang, p, sizeof p);
      if (p[0] == '\0')
        continue;
      if (src == NULL && strcmp (p, ex->src_primary) == 0)
        src = &tu->tuvs[v];
      for (size_t l = 0; l < ex->n_langs; l++)
        if (var[l] == NULL && strcmp (p, ex->primary[l]) == 0)
          var[l] = &tu->tuvs[v];
    }

  /* Where the unit is: its document, bead and source sentences.  The
     document's state moves on even for a unit without source text.  */
  const char *doc = unit_prop (tu, TMC_TMX_PROP_DOC);
  char *doc_from_tuid = NULL;
  if (doc == NULL && tu->tuid && strchr (tu->tuid, ':'))
    {
      doc_from_tuid = tmc_strndup (tu->tuid, (size_t) (strrchr (tu->tuid, ':')
                                                       - tu->tuid));
      if (doc_from_tuid == NULL)
        return nomem (err);
      doc = doc_from_tuid;
    }
  unsigned long bead = tuid_bead (tu->tuid);
  struct place pl = { NULL, (unsigned long) u + 1, 1, { TEXT_NONE, 0, 0 } };
  char *comment = NULL;
  enum tmc_status st = TMC_OK;
  char *msgid = NULL;
  char *msgstr[MAX_LANGS] = { NULL };
  if (doc)
    {
      struct doc_state *ds = doc_state (ex, doc);
      if (ds == NULL)
        {
          st = nomem (err);
          goto out;
        }
      if (!(bead && bead == ds->next_bead && has_shape && src_i >= 0))
        ds->exact = 0;
      if (ds->exact && counts[src_i] > 0)
        {
          /* Exact: the source sentences, numbered from 1.  */
          pl.line = ds->sentences + 1;
          pl.n = counts[src_i];
        }
      else if (bead)
        pl.line = bead;
      if (bead)
        ds->next_bead = bead + 1;
      if (has_shape && src_i >= 0)
        ds->sentences += counts[src_i];
      pl.file = intern (&ex->names, ds->exact || bead ? doc : name);
    }
  else
    pl.file = intern (&ex->names, name);
  comment = place_comment (doc, bead, shape, score_s);
  if (pl.file == NULL || ((doc || shape || score_s) && comment == NULL))
    {
      st = nomem (err);
      goto out;
    }

  if (src == NULL || src->text == NULL)
    {
      ex->no_source++;
      goto out;
    }
  if (u8_check ((const uint8_t *) src->text, strlen (src->text)))
    {
      st = tmc_error_set (err, TMC_ERR_ENCODING, name, 0, 0,
                          _("unit %zu: text that is not valid UTF-8"), u + 1);
      goto out;
    }
  if ((msgid = clean_text (src->text)) == NULL)
    {
      st = nomem (err);
      goto out;
    }
  if (msgid[0] == '\0')
    {
      /* The empty msgid is the header's.  */
      ex->no_source++;
      goto out;
    }
  double score = 1.0;
  int low = score_s && tmc_tmx_parse_score (score_s, &score) == 0
            && score < ex->fuzzy_below;
  unsigned char ok[MAX_LANGS];
  for (size_t l = 0; l < ex->n_langs; l++)
    {
      ok[l] = 0;
      const struct tmc_tuv *t = var[l];
      if (t == NULL || t->text == NULL)
        continue;
      if (u8_check ((const uint8_t *) t->text, strlen (t->text)))
        {
          st = tmc_error_set (err, TMC_ERR_ENCODING, name, 0, 0,
                              _("unit %zu: text that is not valid UTF-8"),
                              u + 1);
          goto out;
        }
      if ((msgstr[l] = clean_text (t->text)) == NULL)
        {
          st = nomem (err);
          goto out;
        }
      if (msgstr[l][0] == '\0')
        {
          free (msgstr[l]);
          msgstr[l] = NULL;
          continue;
        }
      /* Confirmed: a 1-1 bead between the source and this language (or
         a unit whose shape is unknown), scored high enough.  */
      int tgt_i = ex->shape[l];
      int one_one = !has_shape || src_i < 0 || tgt_i < 0
                    || (counts[src_i] == 1 && counts[tgt_i] == 1);
      ok[l] = one_one && !low;
    }
  /* The unit makes a place: its comment goes to the store.  */
  if (comment)
    {
      st = text_put (ex, comment, strlen (comment), &pl.comment, err);
      if (st != TMC_OK)
        goto out;
    }

  /* The texts' lengths and hashes, to find the entry they go to.  */
  size_t id_len = strlen (msgid);
  uint32_t id_hash = (uint32_t) tmc_hash_update (TMC_HASH_INIT, msgid, id_len)
                     & ex->hash_mask;
  size_t str_len[MAX_LANGS];
  uint32_t str_hash[MAX_LANGS];
  for (size_t l = 0; l < ex->n_langs; l++)
    if (msgstr[l])
      {
        str_len[l] = strlen (msgstr[l]);
        str_hash[l] = (uint32_t) tmc_hash_update (TMC_HASH_INIT, msgstr[l],
                                                  str_len[l])
                      & ex->hash_mask;
      }
  if (heads_grow (ex) != 0)
    {
      st = nomem (err);
      goto out;
    }
  size_t slot = 0;
  uint32_t head = head_find (ex, msgid, id_len, id_hash, &slot, err, &st);
  struct entry *e = NULL;
  if (st == TMC_OK && head != HEAD_FREE)
    st = find_compatible (ex, head, msgstr, str_len, str_hash, &e, err);
  if (st != TMC_OK)
    goto out;
  if (e != NULL)
    {
      ex->merged++;
      if (entry_slots (e, ex->n_langs) != 0)
        {
          st = nomem (err);
          goto out;
        }
      for (size_t l = 0; l < ex->n_langs && st == TMC_OK; l++)
        {
          if (msgstr[l] && !entry_has (e, l))
            st = text_put (ex, msgstr[l], str_len[l], &e->msgstr[l], err);
          if (ok[l])
            e->good[l] = 1;
        }
      if (st != TMC_OK)
        goto out;
    }
  else
    {
      if (tmc_grow ((void **) &ex->entries, &ex->entries_cap,
                    ex->n_entries + 1, sizeof *ex->entries) != 0)
        {
          st = nomem (err);
          goto out;
        }
      e = &ex->entries[ex->n_entries];
      memset (e, 0, sizeof *e);
      if (entry_slots (e, ex->n_langs) != 0)
        {
          free (e->msgstr);
          free (e->good);
          st = nomem (err);
          goto out;
        }
      if (ex->n_entries >= HEAD_FREE - 1)
        {
          free (e->msgstr);
          free (e->good);
          st = tmc_error_set (err, TMC_ERR_LIMIT, NULL, 0, 0,
                              _("too many units to merge (at most %lu)"),
                              (unsigned long) HEAD_FREE - 1);
          goto out;
        }
      st = text_put (ex, msgid, id_len, &e->msgid, err);
      for (size_t l = 0; l < ex->n_langs; l++)
        {
          if (msgstr[l] && st == TMC_OK)
            st = text_put (ex, msgstr[l], str_len[l], &e->msgstr[l], err);
          e->good[l] = ok[l];
        }
      if (st != TMC_OK)
        {
          free (e->msgstr);
          free (e->good);
          goto out;
        }
      size_t idx = ex->n_entries++;
      if (head == HEAD_FREE)
        {
          ex->heads[slot] = (uint32_t) idx;
          ex->n_heads++;
        }
      else
        {
          /* Append to the chain of this msgid.  */
          size_t k = (size_t) head + 1;
          while (ex->entries[k - 1].next)
            k = ex->entries[k - 1].next;
          ex->entries[k - 1].next = idx + 1;
        }
    }
  /* Most entries have one place: grow from one, not from tmc_grow's 16
     (which cost 500 bytes an entry, 19 MB for 2,000 reports).  */
  if (e->n_places == e->places_cap)
    {
      size_t cap = e->places_cap ? 2 * e->places_cap : 1;
      struct place *v = cap < (size_t) -1 / sizeof *v
                          ? realloc (e->places, cap * sizeof *v) : NULL;
      if (v == NULL)
        {
          st = nomem (err);
          goto out;
        }
      e->places = v;
      e->places_cap = cap;
    }
  e->places[e->n_places++] = pl;
out:
  free (comment);
  free (msgid);
  free_strings (msgstr, ex->n_langs);
  free (doc_from_tuid);
  return st;
}

enum tmc_status
tmc_po_export_add_tm (tmc_po_export *ex, const struct tmc_tm *tm,
                      const char *name, struct tmc_error *err)
{
  for (size_t u = 0; u < tm->n_tus; u++)
    {
      enum tmc_status st = tmc_po_export_add_tu (ex, &tm->tus[u], name, u,
                                                 err);
      if (st != TMC_OK)
        return st;
    }
  return TMC_OK;
}

/* ---------------------------------------------------------------- */
/* Writing.  */

/* Give every variant of a msgid that has more than one a msgctxt: the
   first place it comes from ("doc:sentence"), made unique.  Chains are
   in entry order, so the first entry of a chain is met first.  */
static enum tmc_status
assign_contexts (struct tmc_po_export *ex, size_t *with_context,
                 struct tmc_error *err)
{
  *with_context = 0;
  /* The contexts made so far (borrowed from the entries).  */
  struct tmc_po_map set;
  if (tmc_po_map_init (&set, 0) != 0)
    return nomem (err);
  for (size_t i = 0; i < ex->n_entries; i++)
    {
      if (ex->entries[i].msgctxt != NULL || ex->entries[i].next == 0)
        continue;
      for (size_t k = i + 1; k != 0; k = ex->entries[k - 1].next)
        {
          struct entry *e = &ex->entries[k - 1];
          const struct place *p = &e->places[0];
          char *c = NULL;
          for (unsigned dup = 1; c == NULL; dup++)
            {
              int r = dup == 1
                        ? asprintf (&c, "%s:%lu", p->file, p->line)
                        : asprintf (&c, "%s:%lu (%u)", p->file, p->line, dup);
              if (r < 0)
                {
                  tmc_po_map_destroy (&set);
                  return nomem (err);
                }
              if (tmc_po_map_get (&set, c) != NULL)
                {
                  free (c);
                  c = NULL;
                }
            }
          int added;
          if (tmc_po_map_put (&set, c, 0, &added) == NULL)
            {
              free (c);
              tmc_po_map_destroy (&set);
              return nomem (err);
            }
          e->msgctxt = c;
          (*with_context)++;
        }
    }
  tmc_po_map_destroy (&set);
  return TMC_OK;
}

static void
format_date (long long when, char *buf, size_t size)
{
  time_t t;
  if (when >= 0)
    t = (time_t) when;
  else
    {
      const char *sde = getenv ("SOURCE_DATE_EPOCH");
      char *end;
      long long v = sde ? strtoll (sde, &end, 10) : -1;
      t = (sde && *sde && *end == '\0' && v >= 0) ? (time_t) v : time (NULL);
    }
  struct tm tm;
  gmtime_r (&t, &tm);
  strftime (buf, size, "%Y-%m-%d %H:%M+0000", &tm);
}

/* The header msgstr for the template (LANG_INDEX < 0) or a language.  */
static char *
make_header (const struct tmc_po_export *ex, int lang_index)
{
  char date[64];
  format_date (ex->date, date, sizeof date);
  struct tmc_buf b = TMC_BUF_INIT;
  int bad = 0;
  bad |= tmc_buf_printf (&b, "Project-Id-Version: %s\n", ex->project);
  bad |= tmc_buf_printf (&b, "Report-Msgid-Bugs-To: %s\n", ex->bugs_address);
  bad |= tmc_buf_printf (&b, "POT-Creation-Date: %s\n", date);
  if (lang_index < 0)
    {
      bad |= tmc_buf_puts (&b, "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
                               "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
                               "Language-Team: LANGUAGE <LL@li.org>\n"
                               "Language: \n");
    }
  else
    {
      const char *lang = ex->langs[lang_index];
      const char *name = tmc_po_language_name (lang);
      char po_lang[64];
      /* The Language field takes the gettext form (az_AZ, sr@latin).  */
      if (tmc_po_lang_to_bcp47 (lang, po_lang, sizeof po_lang) == NULL
          && tmc_po_lang_from_bcp47 (lang, po_lang, sizeof po_lang) != NULL)
        lang = po_lang;
      bad |= tmc_buf_printf (&b, "PO-Revision-Date: %s\n", date);
      bad |= tmc_buf_puts (&b, "Last-Translator: \n");
      bad |= tmc_buf_printf (&b, "Language-Team: %s\n", name ? name : lang);
      bad |= tmc_buf_printf (&b, "Language: %s\n", lang);
    }
  bad |= tmc_buf_puts (&b, "MIME-Version: 1.0\n"
                           "Content-Type: text/plain; charset=UTF-8\n"
                           "Content-Transfer-Encoding: 8bit\n");
  if (lang_index >= 0)
    {
      const char *pf = tmc_po_plural_forms (ex->match[lang_index]);
      if (pf)
        bad |= tmc_buf_printf (&b, "Plural-Forms: %s\n", pf);
    }
  bad |= tmc_buf_printf (&b, "X-Generator: tmconv %s\n", VERSION);
  if (bad)
    {
      tmc_buf_destroy (&b);
      return NULL;
    }
  return tmc_buf_steal (&b, NULL);
}

/* Build the extracted comments of E (one line per place, at most
   MAX_COMMENT_PLACES) into B.  Errors: TMC_ERR_NOMEM, reading a comment
   back.  */
static enum tmc_status
entry_comments (struct tmc_po_export *ex, const struct entry *e,
                struct tmc_buf *b, struct tmc_error *err)
{
  tmc_buf_reset (b);
  size_t shown = 0, with = 0;
  for (size_t k = 0; k < e->n_places; k++)
    if (e->places[k].comment.off != TEXT_NONE)
      {
        with++;
        if (shown < MAX_COMMENT_PLACES)
          {
            enum tmc_status st;
            const char *c = text_get (ex, &e->places[k].comment, 1, err, &st);
            if (c == NULL)
              return st;
            if (tmc_buf_printf (b, "%s\n", c) != 0)
              return nomem (err);
            shown++;
          }
      }
  if (with > shown
      && tmc_buf_printf (b, "and %zu more places\n", with - shown) != 0)
    return nomem (err);
  return TMC_OK;
}

/* Copy what libgettextpo wrote into the memory file MFD, from byte SKIP
   on, to FP.  Returns 0, or -1 with errno set.  */
static int
copy_out (int mfd, off_t skip, FILE *fp)
{
  if (lseek (mfd, skip, SEEK_SET) != skip)
    return -1;
  char buf[65536];
  for (;;)
    {
      ssize_t n = read (mfd, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        return 0;
      if (fwrite (buf, 1, (size_t) n, fp) != (size_t) n)
        return -1;
    }
}

/* Read the first N bytes of the memory file MFD into BUF.  Returns 0, or
   -1 when it is shorter or cannot be read.  */
static int
read_head (int mfd, char *buf, size_t n)
{
  size_t got = 0;
  while (got < n)
    {
      ssize_t r = pread (mfd, buf + got, n - got, (off_t) got);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        return -1;
      got += (size_t) r;
    }
  return 0;
}

/* libgettextpo keeps a copy of every message of a file it writes (some
   800 bytes an entry on top of the texts: 29 MB for the catalogue of a
   2,000-report batch), so a catalogue is written in pieces of
   WRITE_PIECE entries (2048; the tests change it), each a file with the
   header, and the pieces are joined
   without their headers.  libgettextpo writes the messages of a file one
   after the other, each after a blank line, with no figure taken from
   the others (only the charset, from the header), so the result has the
   same bytes as the whole file written at once; each piece is checked to
   begin with the header as written alone.  */
static size_t write_piece = 2048;

void
tmc_po_export_test_piece (size_t n)
{
  write_piece = n ? n : 2048;
}

/* A new file for libgettextpo with the header entry HEADER of the
   template (LANG_INDEX < 0) or of a catalogue.  */
static po_file_t
header_file (const char *header, int lang_index, po_message_iterator_t *it)
{
  po_file_t f = po_file_create ();
  *it = po_message_iterator (f, NULL);
  po_message_t m = po_message_create ();
  po_message_set_msgid (m, "");
  po_message_set_msgstr (m, header);
  if (lang_index < 0)
    {
      po_message_set_comments (m, "SOME DESCRIPTIVE TITLE.\n"
                                  "This file is distributed under the same "
                                  "license as the documents it comes from.\n"
                                  "FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.\n");
      po_message_set_fuzzy (m, 1);
    }
  po_message_insert (*it, m);
  return f;
}

/* Add the entries FROM to TO - 1 of EX to the file of IT, counting them
   in COUNTS.  Errors: TMC_ERR_NOMEM, reading a text back.  */
static enum tmc_status
add_entries (struct tmc_po_export *ex, po_message_iterator_t it,
             int lang_index, size_t from, size_t to, size_t counts[3],
             struct tmc_error *err)
{
  for (size_t i = from; i < to; i++)
    {
      const struct entry *e = &ex->entries[i];
      enum tmc_status st;
      /* libgettextpo copies the strings it is given at once.  */
      const char *id = text_get (ex, &e->msgid, 1, err, &st);
      if (id == NULL)
        return st;
      po_message_t m = po_message_create ();
      if (e->msgctxt)
        po_message_set_msgctxt (m, e->msgctxt);
      po_message_set_msgid (m, id);
      const char *str = "";
      if (lang_index >= 0 && entry_has (e, (size_t) lang_index))
        {
          str = text_get (ex, &e->msgstr[lang_index], 1, err, &st);
          if (str == NULL)
            {
              po_message_insert (it, m);
              return st;
            }
          if (entry_good (e, (size_t) lang_index))
            counts[0]++;
          else
            {
              po_message_set_fuzzy (m, 1);
              counts[1]++;
            }
        }
      else if (lang_index >= 0)
        counts[2]++;
      po_message_set_msgstr (m, str);
      st = entry_comments (ex, e, &ex->scratch, err);
      if (st != TMC_OK)
        {
          po_message_insert (it, m);
          return st;
        }
      if (ex->scratch.len > 0)
        po_message_set_extracted_comments (m, ex->scratch.data);
      for (size_t k = 0; k < e->n_places; k++)
        {
          const struct place *p = &e->places[k];
          for (unsigned long j = 0; j < p->n; j++)
            po_message_add_filepos (m, p->file, p->line + j);
        }
      po_message_insert (it, m);
    }
  return TMC_OK;
}

/* Have libgettextpo write F to FDPATH (the memory file), within session
   S.  Returns 0, or -1 after a fatal error.  */
static int
po_write (po_file_t f, const char *fdpath, struct tmc_po_session *s)
{
  if (setjmp (s->fatal) == 0)
    {
      po_file_write (f, fdpath, &tmc_po_handler);
      return 0;
    }
  return -1;
}

/* libgettextpo writes to a file name, and does not report write errors
   (gettext 0.21 ignores a full disk: the file is cut short and the call
   succeeds).  So it writes into a file in memory, "/dev/fd/N" of a
   memfd, and tmconv copies that to the temporary file of OUT, whose
   write errors tmc_output_commit reports; the file still appears whole
   or not at all.  */
static enum tmc_status
write_catalog (struct tmc_po_export *ex, const char *dir, int lang_index,
               size_t counts[3], struct tmc_error *err)
{
  char *path;
  if (asprintf (&path, "%s/%s.%s", dir,
                lang_index < 0 ? ex->domain : ex->langs[lang_index],
                lang_index < 0 ? "pot" : "po") < 0)
    return nomem (err);
  tmc_output *out;
  enum tmc_status st = tmc_output_open (path, &out, err);
  if (st != TMC_OK)
    {
      free (path);
      return st;
    }
  FILE *fp = tmc_output_stream (out);
  int mfd = memfd_create ("tmconv-po", MFD_CLOEXEC);
  if (mfd < 0)
    {
      st = tmc_error_set_errno (err, errno, path, _("cannot write file"));
      tmc_output_abort (out);
      free (path);
      return st;
    }
  char fdpath[64];
  snprintf (fdpath, sizeof fdpath, "/dev/fd/%d", mfd);

  char *header = make_header (ex, lang_index);
  if (header == NULL)
    {
      close (mfd);
      tmc_output_abort (out);
      free (path);
      return nomem (err);
    }
  struct tmc_po_session s;
  tmc_po_session_begin (&s, path, "write");
  /* Our strings are valid UTF-8: libgettextpo may go byte by byte.  */
  struct tmc_po_env env = { NULL, 0, NULL };
  if (!ex->no_env)
    tmc_po_env_begin (&env, "OLD_PO_FILE_OUTPUT");
  int bad = 0, fatal = 0, io = 0, odd = 0;
  enum tmc_status add_st = TMC_OK;
  counts[0] = counts[1] = counts[2] = 0;
  /* The header as libgettextpo writes it alone, which every piece after
     the first begins with: what is left out when they are joined.  */
  char *head = NULL;
  off_t head_len = 0;
  size_t piece = write_piece;
  if (ex->n_entries > piece)
    {
      po_message_iterator_t it;
      po_file_t f = header_file (header, lang_index, &it);
      po_message_iterator_free (it);
      fatal = po_write (f, fdpath, &s);
      tmc_po_file_free (f);
      head_len = fatal ? 0 : lseek (mfd, 0, SEEK_END);
      if (fatal)
        ;
      else if (head_len <= 0)
        odd = 1;
      else if ((head = malloc ((size_t) head_len + 1)) == NULL)
        bad = 1;
      else if (read_head (mfd, head, (size_t) head_len) != 0)
        io = 1;
    }
  for (size_t from = 0; !bad && !fatal && !io && !odd
                        && (from == 0 || from < ex->n_entries);
       from += piece)
    {
      size_t to = ex->n_entries - from > piece ? from + piece
                                                : ex->n_entries;
      po_message_iterator_t it;
      po_file_t f = header_file (header, lang_index, &it);
      add_st = add_entries (ex, it, lang_index, from, to, counts, err);
      bad = add_st != TMC_OK;
      po_message_iterator_free (it);
      if (!bad)
        fatal = po_write (f, fdpath, &s);
      tmc_po_file_free (f);
      if (bad || fatal || s.diags.n_errors > 0)
        break;
      if (from > 0)
        {
          /* The piece must begin with the header and a blank line.  */
          char *got = malloc ((size_t) head_len + 1);
          if (got == NULL)
            bad = 1;
          else if (read_head (mfd, got, (size_t) head_len + 1) != 0
                   || memcmp (got, head, (size_t) head_len) != 0
                   || got[head_len] != '\n')
            odd = 1;
          free (got);
        }
      if (!bad && !odd && copy_out (mfd, from > 0 ? head_len : 0, fp) != 0)
        io = 1;
    }
  int io_errno = errno ? errno : EIO;
  free (head);
  free (header);
  tmc_po_env_end (&env);
  tmc_po_session_end (&s);

  if (bad)
    st = add_st != TMC_OK ? add_st : nomem (err);
  else if (s.diags.n_errors > 0 || s.fatal_seen || fatal || odd)
    {
      const struct tmc_po_diag *d = NULL;
      for (size_t i = 0; i < s.diags.n; i++)
        if (s.diags.v[i].severity == TMC_DIAG_ERROR)
          {
            d = &s.diags.v[i];
            break;
          }
      st = tmc_error_set (err, TMC_ERR_FORMAT, path, 0, 0,
                          _("libgettextpo cannot write the catalogue: %s"),
                          d ? d->message : odd ? _("unexpected output") : "");
    }
  else if (io)
    st = tmc_error_set_errno (err, io_errno, path, _("cannot write file"));
  tmc_po_diags_destroy (&s.diags);
  close (mfd);
  if (st != TMC_OK)
    tmc_output_abort (out);
  else
    st = tmc_output_commit (out, err);
  free (path);
  return st;
}

enum tmc_status
tmc_po_export_prepare (tmc_po_export *ex, struct tmc_po_export_stats *stats,
                       struct tmc_error *err)
{
  if (!ex->prepared)
    {
      enum tmc_status st = assign_contexts (ex, &ex->with_context, err);
      if (st != TMC_OK)
        return st;
      ex->prepared = 1;
    }
  if (stats)
    {
      memset (stats, 0, sizeof *stats);
      stats->units = ex->units;
      stats->no_source = ex->no_source;
      stats->entries = ex->n_entries;
      stats->merged = ex->merged;
      stats->with_context = ex->with_context;
      stats->n_langs = ex->n_langs;
      for (size_t l = 0; l < ex->n_langs; l++)
        snprintf (stats->lang[l].lang, sizeof stats->lang[l].lang, "%s",
                  ex->langs[l]);
    }
  return TMC_OK;
}

enum tmc_status
tmc_po_export_write_file (tmc_po_export *ex, const char *dir, int which,
                          struct tmc_po_export_stats *stats,
                          struct tmc_error *err)
{
  if (which < -1 || which >= (int) ex->n_langs)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0, "%s",
                          tmc_strerror (TMC_ERR_INVALID_ARG));
  enum tmc_status st = TMC_OK;
  if (!ex->prepared)
    st = tmc_po_export_prepare (ex, NULL, err);
  size_t counts[3];
  if (st == TMC_OK)
    st = write_catalog (ex, dir, which, counts, err);
  if (st == TMC_OK && stats && which >= 0)
    {
      stats->lang[which].translated = counts[0];
      stats->lang[which].fuzzy = counts[1];
      stats->lang[which].untranslated = counts[2];
    }
  return st;
}

enum tmc_status
tmc_po_export_write (tmc_po_export *ex, const char *dir,
                     struct tmc_po_export_stats *stats,
                     struct tmc_error *err)
{
  enum tmc_status st = tmc_po_export_prepare (ex, stats, err);
  for (int l = -1; l < (int) ex->n_langs && st == TMC_OK; l++)
    st = tmc_po_export_write_file (ex, dir, l, stats, err);
  return st;
}
