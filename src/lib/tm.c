/* The in-memory translation memory.  */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tmconv/tm.h"

struct tmc_tm *
tmc_tm_new (void)
{
  return calloc (1, sizeof (struct tmc_tm));
}

static void
meta_destroy (struct tmc_meta *m)
{
  for (size_t i = 0; i < m->n_attrs; i++)
    {
      free (m->attrs[i].name);
      free (m->attrs[i].value);
    }
  free (m->attrs);
  for (size_t i = 0; i < m->n_props; i++)
    {
      free (m->props[i].type);
      free (m->props[i].lang);
      free (m->props[i].value);
    }
  free (m->props);
  for (size_t i = 0; i < m->n_notes; i++)
    free (m->notes[i]);
  free (m->notes);
  memset (m, 0, sizeof *m);
}

static void
tuv_destroy (struct tmc_tuv *v)
{
  free (v->lang);
  free (v->text);
  free (v->markup);
  meta_destroy (&v->meta);
}

void
tmc_tu_init (struct tmc_tu *tu)
{
  memset (tu, 0, sizeof *tu);
}

void
tmc_tu_destroy (struct tmc_tu *tu)
{
  free (tu->tuid);
  free (tu->srclang);
  meta_destroy (&tu->meta);
  for (size_t i = 0; i < tu->n_tuvs; i++)
    tuv_destroy (&tu->tuvs[i]);
  free (tu->tuvs);
  tmc_tu_init (tu);
}

void
tmc_tm_free (struct tmc_tm *tm)
{
  if (tm == NULL)
    return;
  struct tmc_tm_header *h = &tm->header;
  char **fields[] = { &h->version, &h->creationtool, &h->creationtoolversion,
                      &h->segtype, &h->o_tmf, &h->adminlang, &h->srclang,
                      &h->datatype, &h->o_encoding, &h->creationdate,
                      &h->creationid, &h->changedate, &h->changeid };
  for (size_t i = 0; i < TMC_ARRAY_SIZE (fields); i++)
    free (*fields[i]);
  meta_destroy (&h->meta);
  for (size_t i = 0; i < tm->n_tus; i++)
    tmc_tu_destroy (&tm->tus[i]);
  free (tm->tus);
  free (tm);
}

enum tmc_status
tmc_tm_set (char **field, const char *value, struct tmc_error *err)
{
  char *copy = NULL;
  if (value)
    {
      copy = tmc_strdup (value);
      if (copy == NULL)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
    }
  free (*field);
  *field = copy;
  return TMC_OK;
}

enum tmc_status
tmc_tm_add_tu_move (struct tmc_tm *tm, struct tmc_tu *tu,
                    struct tmc_error *err)
{
  if (tmc_grow ((void **) &tm->tus, &tm->tus_cap, tm->n_tus + 1,
                sizeof *tm->tus) != 0)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  tm->tus[tm->n_tus++] = *tu;
  tmc_tu_init (tu);
  return TMC_OK;
}

struct tmc_tuv *
tmc_tu_add_tuv (struct tmc_tu *tu, const char *lang, const char *text,
                size_t len)
{
  if (tmc_grow ((void **) &tu->tuvs, &tu->tuvs_cap, tu->n_tuvs + 1,
                sizeof *tu->tuvs) != 0)
    return NULL;
  struct tmc_tuv *v = &tu->tuvs[tu->n_tuvs];
  memset (v, 0, sizeof *v);
  v->lang = tmc_strdup (lang);
  v->text = tmc_strndup (text, len);
  if (v->lang == NULL || v->text == NULL)
    {
      tuv_destroy (v);
      return NULL;
    }
  tu->n_tuvs++;
  return v;
}

int
tmc_meta_add_attr (struct tmc_meta *m, const char *name, const char *value)
{
  if (tmc_grow ((void **) &m->attrs, &m->attrs_cap, m->n_attrs + 1,
                sizeof *m->attrs) != 0)
    return -1;
  struct tmc_attr *a = &m->attrs[m->n_attrs];
  a->name = tmc_strdup (name);
  a->value = tmc_strdup (value);
  if (a->name == NULL || a->value == NULL)
    {
      free (a->name);
      free (a->value);
      return -1;
    }
  m->n_attrs++;
  return 0;
}

int
tmc_meta_add_prop (struct tmc_meta *m, const char *type, const char *lang,
                   const char *value)
{
  if (tmc_grow ((void **) &m->props, &m->props_cap, m->n_props + 1,
                sizeof *m->props) != 0)
    return -1;
  struct tmc_prop *p = &m->props[m->n_props];
  p->type = tmc_strdup (type);
  p->lang = lang ? tmc_strdup (lang) : NULL;
  p->value = tmc_strdup (value);
  if (p->type == NULL || p->value == NULL || (lang && p->lang == NULL))
    {
      free (p->type);
      free (p->lang);
      free (p->value);
      return -1;
    }
  m->n_props++;
  return 0;
}

int
tmc_meta_add_note (struct tmc_meta *m, const char *note)
{
  if (tmc_grow ((void **) &m->notes, &m->notes_cap, m->n_notes + 1,
                sizeof *m->notes) != 0)
    return -1;
  m->notes[m->n_notes] = tmc_strdup (note);
  if (m->notes[m->n_notes] == NULL)
    return -1;
  m->n_notes++;
  return 0;
}

const char *
tmc_meta_prop (const struct tmc_meta *m, const char *type)
{
  for (size_t i = 0; i < m->n_props; i++)
    if (strcmp (m->props[i].type, type) == 0)
      return m->props[i].value;
  return NULL;
}

const char *
tmc_meta_attr (const struct tmc_meta *m, const char *name)
{
  for (size_t i = 0; i < m->n_attrs; i++)
    if (strcmp (m->attrs[i].name, name) == 0)
      return m->attrs[i].value;
  return NULL;
}

char *
tmc_lang_primary (const char *tag, char *buf, size_t size)
{
  size_t i = 0;
  if (size == 0)
    return buf;
  for (; tag && tag[i] && tag[i] != '-' && tag[i] != '_' && i + 1 < size; i++)
    buf[i] = (char) tolower ((unsigned char) tag[i]);
  buf[i] = '\0';
  return buf;
}

int
tmc_lang_match (const char *a, const char *b)
{
  char pa[16], pb[16];
  tmc_lang_primary (a, pa, sizeof pa);
  tmc_lang_primary (b, pb, sizeof pb);
  return pa[0] != '\0' && strcmp (pa, pb) == 0;
}

struct tmc_tuv *
tmc_tu_find (const struct tmc_tu *tu, const char *lang)
{
  for (size_t i = 0; i < tu->n_tuvs; i++)
    if (tmc_lang_match (tu->tuvs[i].lang, lang))
      return &tu->tuvs[i];
  return NULL;
}
