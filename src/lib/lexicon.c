/* The trilingual lexicon: reading TSV and hunalign dictionaries, and
   matching forms in the words of a sentence.  */

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "align-internal.h"
#include "buf.h"
#include "internal.h"
#include "tmconv/io.h"
#include "tmconv/lexicon.h"
#include "tmconv/normalize.h"

/* The built-in lexicon text (lexicon-data.c).  */
extern const char tmc_lexicon_data[];
extern const char tmc_lexicon_countries[];

/* Inflection: how many letters may follow a form of at least
   MIN_INFLECT letters.  English allows only the endings below.  */
#define MIN_INFLECT 3
static const unsigned max_extra[TMC_AL_NLANG] = { 12, 4, 0 };
static const char *const en_endings[] = { "s", "es", "ed", "d", "ing" };

struct concept {
  char *id;          /* NULL for an anonymous concept */
  uint32_t feature;  /* its feature id */
};

struct form {
  uint32_t concept;
  uint8_t lang;
  uint8_t star;       /* ends in '*': any continuation */
  uint16_t n_words;
  uint32_t first_chars;  /* letters of the first word */
  uint32_t first_bytes;  /* bytes of the first word */
  char *text;         /* as written (for tmc_lexicon_write_tsv) */
  char *key;          /* match key: words separated by single spaces */
  uint32_t next;      /* next form in the same hash bucket, or NONE */
};

#define NONE UINT32_MAX

struct tmc_lexicon {
  struct concept *concepts;
  size_t n_concepts, concepts_cap;
  struct form *forms;
  size_t n_forms, forms_cap;
  /* Hash of (language, first word of the key) -> first form.  */
  uint32_t *buckets;
  size_t n_buckets;
  /* Hash of concept id -> concept index + 1 (0 = empty).  */
  uint32_t *ids;
  size_t n_ids;
  size_t n_named;
  int has_star[TMC_AL_NLANG];  /* some form of the language ends in '*' */
};

static const char *const lang_codes[TMC_AL_NLANG] = { "az", "fa", "en" };

int
tmc_al_lang_index (const char *tag)
{
  if (tag == NULL)
    return -1;
  char prim[16];
  size_t i = 0;
  while (tag[i] && tag[i] != '-' && tag[i] != '_' && i + 1 < sizeof prim)
    {
      char c = tag[i];
      prim[i] = (char) (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      i++;
    }
  prim[i] = '\0';
  for (int l = 0; l < TMC_AL_NLANG; l++)
    if (strcmp (prim, lang_codes[l]) == 0)
      return l;
  /* ISO 639-2/3 codes the lexicon also knows.  */
  if (strcmp (prim, "aze") == 0 || strcmp (prim, "azj") == 0)
    return TMC_AL_AZ;
  if (strcmp (prim, "fas") == 0 || strcmp (prim, "per") == 0
      || strcmp (prim, "pes") == 0)
    return TMC_AL_FA;
  if (strcmp (prim, "eng") == 0)
    return TMC_AL_EN;
  return -1;
}

const char *
tmc_al_lang_code (int l)
{
  return l >= 0 && l < TMC_AL_NLANG ? lang_codes[l] : "";
}

int
tmc_lexicon_knows_lang (const char *lang)
{
  return tmc_al_lang_index (lang) >= 0;
}

struct tmc_lexicon *
tmc_lexicon_new (void)
{
  return calloc (1, sizeof (struct tmc_lexicon));
}

void
tmc_lexicon_free (struct tmc_lexicon *lex)
{
  if (lex == NULL)
    return;
  for (size_t i = 0; i < lex->n_concepts; i++)
    free (lex->concepts[i].id);
  for (size_t i = 0; i < lex->n_forms; i++)
    {
      free (lex->forms[i].text);
      free (lex->forms[i].key);
    }
  free (lex->concepts);
  free (lex->forms);
  free (lex->buckets);
  free (lex->ids);
  free (lex);
}

size_t
tmc_lexicon_size (const struct tmc_lexicon *lex)
{
  return lex ? lex->n_concepts : 0;
}

uint32_t
tmc_feat_number (const char *s, size_t n)
{
  while (n > 1 && *s == '0')
    {
      s++;
      n--;
    }
  return tmc_feat_id (TMC_SET_NUM, tmc_fnv (TMC_FNV_INIT, s, n));
}

static uint32_t
word_hash (int l, const char *s, size_t n)
{
  uint32_t h = tmc_fnv (TMC_FNV_INIT, &l, 1);
  return tmc_fnv (h, s, n);
}

static size_t
count_chars (const char *s, size_t n)
{
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char) s[i] & 0xC0) != 0x80)
      c++;
  return c;
}

/* Rebuild the form hash table with room for the forms.  */
static int
rehash_forms (struct tmc_lexicon *lex)
{
  size_t nb = 64;
  while (nb < lex->n_forms * 2)
    nb *= 2;
  uint32_t *b = malloc (nb * sizeof *b);
  if (b == NULL)
    return -1;
  for (size_t i = 0; i < nb; i++)
    b[i] = NONE;
  for (size_t i = 0; i < lex->n_forms; i++)
    {
      struct form *f = &lex->forms[i];
      const char *sp = strchr (f->key, ' ');
      size_t n = sp ? (size_t) (sp - f->key) : strlen (f->key);
      size_t h = word_hash (f->lang, f->key, n) & (nb - 1);
      f->next = b[h];
      b[h] = (uint32_t) i;
    }
  free (lex->buckets);
  lex->buckets = b;
  lex->n_buckets = nb;
  return 0;
}

static int
rehash_ids (struct tmc_lexicon *lex)
{
  size_t nb = 64;
  while (nb < lex->n_concepts * 2)
    nb *= 2;
  uint32_t *b = calloc (nb, sizeof *b);
  if (b == NULL)
    return -1;
  for (size_t i = 0; i < lex->n_concepts; i++)
    {
      const char *id = lex->concepts[i].id;
      if (id == NULL)
        continue;
      size_t h = tmc_fnv (TMC_FNV_INIT, id, strlen (id)) & (nb - 1);
      while (b[h])
        h = (h + 1) & (nb - 1);
      b[h] = (uint32_t) i + 1;
    }
  free (lex->ids);
  lex->ids = b;
  lex->n_ids = nb;
  return 0;
}

/* The index of the concept named ID (N bytes), created when it does not
   exist (ID NULL: always a new anonymous concept), or -1 when out of
   memory.  */
static long
concept_index (struct tmc_lexicon *lex, const char *id, size_t n)
{
  if (id != NULL && lex->n_ids > 0)
    {
      size_t h = tmc_fnv (TMC_FNV_INIT, id, n) & (lex->n_ids - 1);
      while (lex->ids[h])
        {
          const struct concept *c = &lex->concepts[lex->ids[h] - 1];
          if (strlen (c->id) == n && memcmp (c->id, id, n) == 0)
            return (long) lex->ids[h] - 1;
          h = (h + 1) & (lex->n_ids - 1);
        }
    }
  if (tmc_grow ((void **) &lex->concepts, &lex->concepts_cap,
                lex->n_concepts + 1, sizeof *lex->concepts) != 0)
    return -1;
  struct concept *c = &lex->concepts[lex->n_concepts];
  c->id = NULL;
  if (id != NULL)
    {
      c->id = tmc_strndup (id, n);
      if (c->id == NULL)
        return -1;
    }
  /* "num:N" is the number N; any other concept is hashed by its index
     (anonymous) or its id.  */
  if (id != NULL && n > 4 && memcmp (id, "num:", 4) == 0
      && strspn (id + 4, "0123456789") >= n - 4)
    c->feature = tmc_feat_number (id + 4, n - 4);
  else if (id != NULL)
    c->feature = tmc_feat_id (TMC_SET_LEX, tmc_fnv (TMC_FNV_INIT, id, n));
  else
    {
      uint32_t k = (uint32_t) lex->n_concepts;
      c->feature = tmc_feat_id (TMC_SET_LEX,
                                tmc_fnv (0x9e3779b9u, &k, sizeof k));
    }
  lex->n_concepts++;
  if (id != NULL)
    {
      lex->n_named++;
      if (lex->n_named * 2 > lex->n_ids)
        return rehash_ids (lex) == 0 ? (long) lex->n_concepts - 1 : -1;
      size_t h = tmc_fnv (TMC_FNV_INIT, id, n) & (lex->n_ids - 1);
      while (lex->ids[h])
        h = (h + 1) & (lex->n_ids - 1);
      lex->ids[h] = (uint32_t) lex->n_concepts;
    }
  return (long) lex->n_concepts - 1;
}

/* Add the form TEXT (N bytes, trimmed) in language L to concept C.
   Returns TMC_OK; an empty form is ignored.  */
static enum tmc_status
add_form (struct tmc_lexicon *lex, uint32_t c, int l, const char *text,
          size_t n, const char *name, unsigned long line,
          struct tmc_error *err)
{
  while (n > 0 && (*text == ' ' || *text == '\t'))
    {
      text++;
      n--;
    }
  while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
    n--;
  if (n == 0)
    return TMC_OK;
  int star = text[n - 1] == '*';
  size_t body = star ? n - 1 : n;
  char *key;
  size_t key_len;
  enum tmc_status st = tmc_match_key (lang_codes[l], text, body, &key,
                                      &key_len, err);
  if (st != TMC_OK)
    {
      if (err)
        tmc_error_set (err, st, name, line, 0, "%s", err->message);
      return st;
    }
  /* Cut the key into words as sentences are cut (at blanks, ZWNJ,
     hyphens, digits...), one space between them.  */
  {
    size_t o = 0;
    int gap = 0;
    const uint8_t *q = (const uint8_t *) key, *qe = q + key_len;
    while (q < qe)
      {
        ucs4_t uc;
        int k = u8_mbtouc_unsafe (&uc, q, (size_t) (qe - q));
        if (tmc_al_is_word_char (uc))
          {
            if (gap && o > 0)
              key[o++] = ' ';
            gap = 0;
            memmove (key + o, q, (size_t) k);
            o += (size_t) k;
          }
        else
          gap = 1;
        q += k;
      }
    key[o] = '\0';
    key_len = o;
  }
  if (key_len == 0)
    {
      free (key);
      return TMC_OK;
    }
  /* A form already there for this concept is not added twice.  */
  if (lex->n_buckets > 0)
    {
      const char *sp = strchr (key, ' ');
      size_t w = sp ? (size_t) (sp - key) : key_len;
      for (uint32_t i = lex->buckets[word_hash (l, key, w)
                                     & (lex->n_buckets - 1)];
           i != NONE; i = lex->forms[i].next)
        {
          const struct form *f = &lex->forms[i];
          if (f->concept == c && f->lang == l && f->star == star
              && strcmp (f->key, key) == 0)
            {
              free (key);
              return TMC_OK;
            }
        }
    }
  if (tmc_grow ((void **) &lex->forms, &lex->forms_cap, lex->n_forms + 1,
                sizeof *lex->forms) != 0)
    {
      free (key);
      return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                            _("out of memory"));
    }
  struct form *f = &lex->forms[lex->n_forms];
  memset (f, 0, sizeof *f);
  f->concept = c;
  f->lang = (uint8_t) l;
  f->star = (uint8_t) star;
  f->key = key;
  if (star)
    lex->has_star[l] = 1;
  f->text = tmc_strndup (text, n);
  if (f->text == NULL)
    {
      free (key);
      return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                            _("out of memory"));
    }
  unsigned words = 1;
  for (const char *p = key; *p; p++)
    if (*p == ' ')
      words++;
  f->n_words = (uint16_t) (words > 65535 ? 65535 : words);
  const char *sp = strchr (key, ' ');
  f->first_bytes = (uint32_t) (sp ? (size_t) (sp - key) : key_len);
  f->first_chars = (uint32_t) count_chars (key, f->first_bytes);
  lex->n_forms++;
  if (lex->n_forms * 2 > lex->n_buckets)
    {
      if (rehash_forms (lex) != 0)
        return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                              _("out of memory"));
    }
  else
    {
      size_t h = word_hash (l, key, sp ? (size_t) (sp - key) : key_len)
                 & (lex->n_buckets - 1);
      f->next = lex->buckets[h];
      lex->buckets[h] = (uint32_t) lex->n_forms - 1;
    }
  return TMC_OK;
}

/* Add the '|'-separated forms of CELL (N bytes) in language L.  */
static enum tmc_status
add_cell (struct tmc_lexicon *lex, uint32_t c, int l, const char *cell,
          size_t n, const char *name, unsigned long line,
          struct tmc_error *err)
{
  size_t a = 0;
  while (a <= n)
    {
      const char *bar = memchr (cell + a, '|', n - a);
      size_t b = bar ? (size_t) (bar - cell) : n;
      enum tmc_status st = add_form (lex, c, l, cell + a, b - a, name, line,
                                     err);
      if (st != TMC_OK)
        return st;
      a = b + 1;
    }
  return TMC_OK;
}

/* Split LINE (N bytes) at tabs into at most MAX cells.  Returns the
   number of cells.  */
static size_t
split_tabs (const char *line, size_t n, const char **cell, size_t *len,
            size_t max)
{
  size_t k = 0;
  size_t a = 0;
  for (;;)
    {
      const char *tab = memchr (line + a, '\t', n - a);
      size_t b = tab ? (size_t) (tab - line) : n;
      if (k < max)
        {
          cell[k] = line + a;
          len[k] = b - a;
        }
      k++;
      if (tab == NULL)
        break;
      a = b + 1;
    }
  return k;
}

/* Is the line (N bytes) blank or a comment?  */
static int
skip_line (const char *s, size_t n)
{
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
    i++;
  return i == n || s[i] == '#';
}

/* The next line of TEXT from *POS that is neither blank nor a comment
   (its end of line, \n or \r\n, left out) in *LINE and *N, *LINE_NO
   counting the lines read; a byte order mark at the start is skipped.
   Returns 0 at the end.  */
static int
next_line (const char *text, size_t text_len, size_t *pos,
           unsigned long *line_no, const char **line, size_t *n)
{
  if (*pos == 0 && text_len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    *pos = 3;
  while (*pos < text_len)
    {
      const char *nl = memchr (text + *pos, '\n', text_len - *pos);
      size_t end = nl ? (size_t) (nl - text) : text_len;
      *line = text + *pos;
      *n = end - *pos;
      *pos = end + 1;
      ++*line_no;
      if (*n > 0 && (*line)[*n - 1] == '\r')
        --*n;
      if (!skip_line (*line, *n))
        return 1;
    }
  return 0;
}

#define MAX_COLS 8

enum tmc_status
tmc_lexicon_add_tsv (struct tmc_lexicon *lex, const char *name,
                     const char *text, size_t text_len,
                     struct tmc_error *err)
{
  if (u8_check ((const uint8_t *) text, text_len) != NULL)
    return tmc_error_set (err, TMC_ERR_ENCODING, name, 0, 0,
                          _("dictionary is not valid UTF-8"));
  int col_lang[MAX_COLS];
  size_t n_cols = 0;
  int id_col = -1;
  unsigned long line_no = 0;
  size_t pos = 0;
  const char *line;
  size_t n;
  while (next_line (text, text_len, &pos, &line_no, &line, &n))
    {
      const char *cell[MAX_COLS];
      size_t len[MAX_COLS];
      size_t k = split_tabs (line, n, cell, len, MAX_COLS);
      if (n_cols == 0)
        {
          /* The header.  */
          if (k > MAX_COLS)
            return tmc_error_set (err, TMC_ERR_FORMAT, name, line_no, 0,
                                  _("too many columns in the header"));
          int langs = 0;
          for (size_t i = 0; i < k; i++)
            {
              char col[32];
              size_t cl = len[i] < sizeof col - 1 ? len[i] : sizeof col - 1;
              memcpy (col, cell[i], cl);
              col[cl] = '\0';
              while (cl > 0 && col[cl - 1] == ' ')
                col[--cl] = '\0';
              if (strcmp (col, "id") == 0 && id_col < 0)
                {
                  id_col = (int) i;
                  col_lang[i] = -1;
                  continue;
                }
              int l = tmc_al_lang_index (col);
              if (l < 0 || len[i] >= sizeof col)
                return tmc_error_set (err, TMC_ERR_FORMAT, name, line_no, 0,
                                      _("unknown column '%.*s' in the "
                                        "header: expected 'id', 'az', "
                                        "'fa' or 'en'"),
                                      (int) (len[i] > 40 ? 40 : len[i]),
                                      cell[i]);
              col_lang[i] = l;
              langs++;
            }
          if (langs == 0)
            return tmc_error_set (err, TMC_ERR_FORMAT, name, line_no, 0,
                                  _("the header names no language column"));
          n_cols = k;
          continue;
        }
      if (k > n_cols)
        return tmc_error_set (err, TMC_ERR_SYNTAX, name, line_no, 0,
                              _("%zu columns, but the header has %zu"), k,
                              n_cols);
      long c;
      if (id_col >= 0 && (size_t) id_col < k && len[id_col] > 0)
        c = concept_index (lex, cell[id_col], len[id_col]);
      else
        c = concept_index (lex, NULL, 0);
      if (c < 0)
        return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                              _("out of memory"));
      for (size_t i = 0; i < k; i++)
        {
          if (col_lang[i] < 0)
            continue;
          enum tmc_status st = add_cell (lex, (uint32_t) c, col_lang[i],
                                         cell[i], len[i], name, line_no,
                                         err);
          if (st != TMC_OK)
            return st;
        }
    }
  if (n_cols == 0)
    return tmc_error_set (err, TMC_ERR_FORMAT, name, 0, 0,
                          _("dictionary has no header line naming its "
                            "languages"));
  return TMC_OK;
}

enum tmc_status
tmc_lexicon_add_hunalign (struct tmc_lexicon *lex, const char *name,
                          const char *text, size_t text_len,
                          const char *target_lang, const char *source_lang,
                          struct tmc_error *err)
{
  int lt = tmc_al_lang_index (target_lang);
  int ls = tmc_al_lang_index (source_lang);
  if (lt < 0 || ls < 0)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, name, 0, 0,
                          _("unknown dictionary language '%s'"),
                          lt < 0 ? (target_lang ? target_lang : "")
                                 : (source_lang ? source_lang : ""));
  if (u8_check ((const uint8_t *) text, text_len) != NULL)
    return tmc_error_set (err, TMC_ERR_ENCODING, name, 0, 0,
                          _("dictionary is not valid UTF-8"));
  unsigned long line_no = 0;
  size_t pos = 0;
  const char *line;
  size_t n;
  while (next_line (text, text_len, &pos, &line_no, &line, &n))
    {
      const char *at = memmem (line, n, " @ ", 3);
      if (at == NULL)
        return tmc_error_set (err, TMC_ERR_SYNTAX, name, line_no, 0,
                              _("expected 'TARGET @ SOURCE'"));
      long c = concept_index (lex, NULL, 0);
      if (c < 0)
        return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                              _("out of memory"));
      enum tmc_status st = add_form (lex, (uint32_t) c, lt, line,
                                     (size_t) (at - line), name, line_no,
                                     err);
      if (st == TMC_OK)
        st = add_form (lex, (uint32_t) c, ls, at + 3,
                       n - (size_t) (at + 3 - line), name, line_no, err);
      if (st != TMC_OK)
        return st;
    }
  return TMC_OK;
}

/* Languages from a file name ending in SRC-TGT.EXT.  */
static int
langs_from_name (const char *path, int *src, int *tgt)
{
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr (base, '.');
  size_t n = dot ? (size_t) (dot - base) : strlen (base);
  if (n < 5 || base[n - 3] != '-')
    return -1;
  char a[3] = { base[n - 5], base[n - 4], 0 };
  char b[3] = { base[n - 2], base[n - 1], 0 };
  if (n > 5 && base[n - 6] != '.' && base[n - 6] != '_'
      && base[n - 6] != '-')
    return -1;
  *src = tmc_al_lang_index (a);
  *tgt = tmc_al_lang_index (b);
  return *src >= 0 && *tgt >= 0 ? 0 : -1;
}

enum tmc_status
tmc_lexicon_load (struct tmc_lexicon *lex, const char *path,
                  const char *source_lang, const char *target_lang,
                  struct tmc_error *err)
{
  char *data;
  size_t len;
  enum tmc_status st = tmc_read_file (path, TMC_LEXICON_MAX_BYTES, &data,
                                      &len, err);
  if (st != TMC_OK)
    return st;
  /* The first line that is not blank or a comment tells the format.  */
  int hunalign = 0;
  size_t pos = 0;
  while (pos < len)
    {
      const char *nl = memchr (data + pos, '\n', len - pos);
      size_t end = nl ? (size_t) (nl - data) : len;
      if (!skip_line (data + pos, end - pos))
        {
          hunalign = memmem (data + pos, end - pos, " @ ", 3) != NULL;
          break;
        }
      pos = end + 1;
    }
  if (hunalign)
    {
      int src = -1, tgt = -1;
      if (source_lang && target_lang)
        {
          src = tmc_al_lang_index (source_lang);
          tgt = tmc_al_lang_index (target_lang);
        }
      if ((src < 0 || tgt < 0) && langs_from_name (path, &src, &tgt) != 0)
        {
          free (data);
          return tmc_error_set (err, TMC_ERR_INVALID_ARG, path, 0, 0,
                                _("cannot tell the languages of this "
                                  "hunalign dictionary: name it "
                                  "SOURCE-TARGET.dic (e.g. en-az.dic)"));
        }
      st = tmc_lexicon_add_hunalign (lex, path, data, len, lang_codes[tgt],
                                     lang_codes[src], err);
    }
  else
    st = tmc_lexicon_add_tsv (lex, path, data, len, err);
  free (data);
  return st;
}

enum tmc_status
tmc_lexicon_add_builtin (struct tmc_lexicon *lex, struct tmc_error *err)
{
  enum tmc_status st = tmc_lexicon_add_tsv (lex, "<built-in lexicon>",
                                            tmc_lexicon_countries,
                                            strlen (tmc_lexicon_countries),
                                            err);
  if (st != TMC_OK)
    return st;
  return tmc_lexicon_add_tsv (lex, "<built-in lexicon>", tmc_lexicon_data,
                              strlen (tmc_lexicon_data), err);
}

static struct tmc_lexicon *builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void
builtin_init (void)
{
  struct tmc_lexicon *lex = tmc_lexicon_new ();
  if (lex == NULL)
    return;
  if (tmc_lexicon_add_builtin (lex, NULL) != TMC_OK)
    {
      tmc_lexicon_free (lex);
      return;
    }
  builtin = lex;
}

const struct tmc_lexicon *
tmc_lexicon_builtin (void)
{
  pthread_once (&builtin_once, builtin_init);
  return builtin;
}

static int
cmp_form_by_concept (const void *a, const void *b)
{
  const struct form *x = *(const struct form *const *) a;
  const struct form *y = *(const struct form *const *) b;
  if (x->concept != y->concept)
    return x->concept < y->concept ? -1 : 1;
  if (x->lang != y->lang)
    return x->lang < y->lang ? -1 : 1;
  return x < y ? -1 : x > y;
}

enum tmc_status
tmc_lexicon_write_tsv (const struct tmc_lexicon *lex, FILE *fp,
                       struct tmc_error *err)
{
  const struct form **sorted = malloc ((lex->n_forms + 1) * sizeof *sorted);
  if (sorted == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  for (size_t i = 0; i < lex->n_forms; i++)
    sorted[i] = &lex->forms[i];
  qsort (sorted, lex->n_forms, sizeof *sorted, cmp_form_by_concept);
  fputs ("id\taz\tfa\ten\n", fp);
  size_t i = 0;
  while (i < lex->n_forms)
    {
      uint32_t c = sorted[i]->concept;
      const char *id = lex->concepts[c].id;
      if (id)
        fputs (id, fp);
      for (int l = 0; l < TMC_AL_NLANG; l++)
        {
          fputc ('\t', fp);
          int first = 1;
          while (i < lex->n_forms && sorted[i]->concept == c
                 && sorted[i]->lang == l)
            {
              if (!first)
                fputc ('|', fp);
              fputs (sorted[i]->text, fp);
              first = 0;
              i++;
            }
        }
      fputc ('\n', fp);
    }
  free (sorted);
  if (ferror (fp))
    return tmc_error_set_errno (err, errno, NULL, _("write error"));
  return TMC_OK;
}

/* Does WORD (N bytes) end in an allowed way after its first PREFIX bytes
   for a form in language L of FORM_CHARS letters?  */
static int
inflection_ok (int l, const char *word, size_t n, size_t prefix,
               uint32_t form_chars, int star)
{
  if (prefix == n || star)
    return 1;
  if (form_chars < MIN_INFLECT)
    return 0;
  if (l == TMC_AL_EN)
    {
      for (size_t i = 0; i < TMC_ARRAY_SIZE (en_endings); i++)
        if (strlen (en_endings[i]) == n - prefix
            && memcmp (word + prefix, en_endings[i], n - prefix) == 0)
          return 1;
      return 0;
    }
  return count_chars (word + prefix, n - prefix) <= max_extra[l];
}

/* Does form F match WORDS[POS...] with its first word being the first
   PREFIX bytes of WORDS[POS]?  */
static int
form_matches (const struct form *f, int l, const struct tmc_lex_word *words,
              size_t n_words, size_t pos, size_t prefix)
{
  if (f->n_words == 1)
    return inflection_ok (l, words[pos].s, words[pos].len, prefix,
                          f->first_chars, f->star);
  if (prefix != words[pos].len || pos + f->n_words > n_words)
    return 0;
  const char *k = strchr (f->key, ' ') + 1;
  for (size_t w = 1; w < f->n_words; w++)
    {
      const char *sp = strchr (k, ' ');
      size_t kl = sp ? (size_t) (sp - k) : strlen (k);
      const struct tmc_lex_word *x = &words[pos + w];
      if (w + 1 < f->n_words)
        {
          if (x->len != kl || memcmp (x->s, k, kl) != 0)
            return 0;
        }
      else
        {
          if (x->len < kl || memcmp (x->s, k, kl) != 0)
            return 0;
          if (!inflection_ok (l, x->s, x->len, kl,
                              (uint32_t) count_chars (k, kl), f->star))
            return 0;
        }
      k = sp ? sp + 1 : k + kl;
    }
  return 1;
}

/* Offer form F, matched at WORDS[POS] with a first word of PREFIX bytes,
   as the best match so far.  */
static void
offer (const struct tmc_lexicon *lex, const struct form *f, size_t prefix,
       size_t *best_words, size_t *best_prefix, uint32_t *out,
       size_t max_out, size_t *n_out)
{
  size_t fw = f->n_words;
  if (fw < *best_words || (fw == *best_words && prefix < *best_prefix))
    return;
  if (fw > *best_words || prefix > *best_prefix)
    {
      *best_words = fw;
      *best_prefix = prefix;
      *n_out = 0;
    }
  uint32_t feat = lex->concepts[f->concept].feature;
  for (size_t j = 0; j < *n_out; j++)
    if (out[j] == feat)
      return;
  if (*n_out < max_out)
    out[(*n_out)++] = feat;
}

size_t
tmc_lexicon_match (const struct tmc_lexicon *lex, int l,
                   const struct tmc_lex_word *words, size_t n_words,
                   size_t pos, uint32_t *out, size_t max_out, size_t *n_out)
{
  *n_out = 0;
  if (lex == NULL || lex->n_buckets == 0)
    return 0;
  const struct tmc_lex_word *w = &words[pos];
  size_t best_words = 0, best_prefix = 0;
  /* Try the whole word, then ever shorter prefixes at character
     boundaries, while an inflection or a '*' could still allow them; the
     longest match wins.  */
  size_t limit = l == TMC_AL_EN ? 3 : max_extra[l];
  if (lex->has_star[l])
    limit = (size_t) -1;
  size_t dropped = 0;
  size_t prefix = w->len;
  /* The hashes of all the prefixes, in one pass (FNV runs left to
     right).  */
  uint32_t hp[65];
  int have_hp = w->len <= 64;
  if (have_hp)
    {
      unsigned char lc = (unsigned char) l;
      uint32_t h = tmc_fnv (TMC_FNV_INIT, &lc, 1);
      hp[0] = h;
      for (size_t k = 0; k < w->len; k++)
        hp[k + 1] = h = tmc_fnv (h, w->s + k, 1);
    }
  while (prefix > 0 && dropped <= limit)
    {
      size_t h = (have_hp ? hp[prefix] : word_hash (l, w->s, prefix))
                 & (lex->n_buckets - 1);
      for (uint32_t i = lex->buckets[h]; i != NONE; i = lex->forms[i].next)
        {
          const struct form *f = &lex->forms[i];
          if (f->lang != l || f->first_bytes != prefix
              || memcmp (f->key, w->s, prefix) != 0)
            continue;
          if (dropped > (l == TMC_AL_EN ? 3 : max_extra[l]) && !f->star)
            continue;
          if (form_matches (f, l, words, n_words, pos, prefix))
            offer (lex, f, prefix, &best_words, &best_prefix, out, max_out,
                   n_out);
        }
      if (best_words > 0)
        break;
      do
        prefix--;
      while (prefix > 0 && ((unsigned char) w->s[prefix] & 0xC0) == 0x80);
      dropped++;
    }
  return best_words;
}
