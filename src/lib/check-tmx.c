/* Completeness of TMX memories.  */

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "check-internal.h"
#include "internal.h"
#include "tmconv/po.h"
#include "tmconv/tmx.h"

static int
ends_with (const char *s, const char *suffix)
{
  size_t n = strlen (s), k = strlen (suffix);
  return n >= k && strcasecmp (s + n - k, suffix) == 0;
}

int
tmc_check_looks_like_xml (const char *path)
{
  if (ends_with (path, ".tmx"))
    return 1;
  if (ends_with (path, ".po") || ends_with (path, ".pot"))
    return 0;
  if (strcmp (path, "-") == 0)
    return 0;
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  unsigned char b[256];
  ssize_t n = read (fd, b, sizeof b);
  close (fd);
  if (n <= 0)
    return 0;
  size_t i = 0, len = (size_t) n;
  if (len >= 2 && ((b[0] == 0xff && b[1] == 0xfe)
                   || (b[0] == 0xfe && b[1] == 0xff)))
    {
      /* UTF-16: the first character after the BOM.  */
      int le = b[0] == 0xff;
      for (i = 2; i + 1 < len; i += 2)
        {
          unsigned c = le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1];
          if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
          return c == '<';
        }
      return 0;
    }
  if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
    i = 3;
  for (; i < len; i++)
    if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n')
      return b[i] == '<';
  return 0;
}

/* Per language of a TMX file.  */
#define MAX_TMX_LANGS 64

struct tmx_check {
  struct tmc_check_file *file;
  const struct tmc_check_options *opts;
  size_t units;
  char primary[MAX_TMX_LANGS][16];
  unsigned long present[MAX_TMX_LANGS];
  unsigned long fuzzy[MAX_TMX_LANGS];
  size_t n_langs;
  int too_many;      /* more than MAX_TMX_LANGS languages */
  int nomem;
  /* With opts->list: each unit's languages, line and source text.  */
  struct unit_rec {
    uint64_t mask;
    unsigned long line;
    char *text;
  } *recs;
  size_t n_recs, recs_cap;
  char *srclang;
};

/* The index of the language of TAG, added when new; -1 when there is
   no room.  */
static int
lang_index (struct tmx_check *c, const char *tag)
{
  char p[16];
  tmc_lang_primary (tag, p, sizeof p);
  for (size_t i = 0; i < c->n_langs; i++)
    if (strcmp (c->primary[i], p) == 0)
      return (int) i;
  if (c->n_langs >= MAX_TMX_LANGS)
    {
      c->too_many = 1;
      return -1;
    }
  char canon[TMC_TMX_TAG_MAX];
  if (tmc_tmx_lang_canonical (tag, NULL, canon, sizeof canon) != 0)
    snprintf (canon, sizeof canon, "%s", tag);
  if (tmc_check_add_lang (c->file, canon) != 0)
    {
      c->nomem = 1;
      return -1;
    }
  snprintf (c->primary[c->n_langs], sizeof c->primary[0], "%s", p);
  return (int) c->n_langs++;
}

static enum tmc_status
on_header (void *data, struct tmc_tm_header *header, struct tmc_error *err)
{
  struct tmx_check *c = data;
  (void) err;
  if (header->srclang && strcmp (header->srclang, "*all*") != 0)
    {
      c->srclang = header->srclang;
      header->srclang = NULL;
      /* The source language first, as in the files.  */
      lang_index (c, c->srclang);
    }
  return c->nomem ? TMC_ERR_NOMEM : TMC_OK;
}

static enum tmc_status
on_unit (void *data, struct tmc_tu *tu, unsigned long line,
         unsigned long column, struct tmc_error *err)
{
  (void) column;
  (void) err;
  struct tmx_check *c = data;
  c->units++;
  uint64_t mask = 0;
  const char *text = NULL;
  for (size_t v = 0; v < tu->n_tuvs; v++)
    {
      const struct tmc_tuv *t = &tu->tuvs[v];
      if (t->lang == NULL)
        continue;
      int i = lang_index (c, t->lang);
      if (i < 0)
        continue;
      /* An empty or blank segment is no translation.  */
      if (t->text == NULL || t->text[strspn (t->text, " \t\r\n")] == '\0')
        continue;
      if (mask & ((uint64_t) 1 << i))
        continue;
      mask |= (uint64_t) 1 << i;
      c->present[i]++;
      const char *fz = tmc_meta_prop (&t->meta, TMC_PO_PROP_FUZZY);
      if (fz && strcmp (fz, "yes") == 0)
        c->fuzzy[i]++;
      if (text == NULL || (c->srclang && tmc_lang_match (t->lang, c->srclang)))
        text = t->text;
    }
  if (c->opts->list)
    {
      if (tmc_grow ((void **) &c->recs, &c->recs_cap, c->n_recs + 1,
                    sizeof *c->recs) != 0)
        return TMC_ERR_NOMEM;
      struct unit_rec *r = &c->recs[c->n_recs];
      r->mask = mask;
      r->line = line;
      r->text = tmc_check_excerpt (text ? text : "");
      if (r->text == NULL)
        return TMC_ERR_NOMEM;
      c->n_recs++;
    }
  return c->nomem ? TMC_ERR_NOMEM : TMC_OK;
}

/* The reader's warnings become the file's.  */
static void
on_warning (void *data, const struct tmc_error *w)
{
  struct tmx_check *c = data;
  if (tmc_check_add_problem (c->file, TMC_DIAG_WARNING, "tmx", w->line,
                             w->column, w->message, 0, NULL) != 0)
    c->nomem = 1;
}

int
tmc_check_tmx (struct tmc_check_file *f, const struct tmc_check_options *opts)
{
  struct tmx_check c;
  memset (&c, 0, sizeof c);
  c.file = f;
  c.opts = opts;
  struct tmc_warn_handler warn = { on_warning, &c };
  struct tmc_tmx_read_opts ro;
  tmc_tmx_read_opts_init (&ro);
  ro.header = on_header;
  ro.unit = on_unit;
  ro.data = &c;
  ro.warn = &warn;
  struct tmc_error err;
  enum tmc_status st = tmc_tmx_read_stream (f->path, &ro, NULL, &err);
  int bad = c.nomem || st == TMC_ERR_NOMEM;
  if (st != TMC_OK && !bad)
    {
      const char *code = st == TMC_ERR_IO ? "io"
                         : st == TMC_ERR_LIMIT ? "limit" : "tmx";
      bad |= tmc_check_add_problem (f, TMC_DIAG_ERROR, code, err.line,
                                    err.column, err.message, 0, NULL) != 0;
    }
  if (!bad && c.too_many)
    {
      char msg[TMC_ERROR_MESSAGE_MAX];
      snprintf (msg, sizeof msg,
                _("more than %d languages: only the first %d are counted"),
                MAX_TMX_LANGS, MAX_TMX_LANGS);
      bad |= tmc_check_add_problem (f, TMC_DIAG_WARNING, "limit", 0, 0, msg,
                                    0, NULL) != 0;
    }
  for (size_t i = 0; i < c.n_langs && !bad; i++)
    {
      struct tmc_check_lang *l = &f->langs[i];
      l->total = c.units;
      l->fuzzy = c.fuzzy[i];
      l->translated = c.present[i] - c.fuzzy[i];
      l->untranslated = c.units - c.present[i];
    }
  for (size_t r = 0; r < c.n_recs; r++)
    {
      for (size_t i = 0; i < c.n_langs && !bad; i++)
        if (!(c.recs[r].mask & ((uint64_t) 1 << i)))
          bad |= tmc_check_add_message (f, TMC_CHECK_LACKS_LANGUAGE, i,
                                        c.recs[r].line, c.recs[r].text,
                                        NULL) != 0;
      free (c.recs[r].text);
    }
  free (c.recs);
  free (c.srclang);
  return bad ? -1 : 0;
}
