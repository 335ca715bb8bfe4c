/* Completeness checks of PO catalogues and TMX memories.  */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "buf.h"
#include "check-internal.h"
#include "internal.h"
#include "po-internal.h"
#include "tmconv/check.h"

/* The most errors kept per file.  */
#define MAX_ERRORS 50

struct tpl_msg {
  const char *key;      /* owned by the map */
  unsigned long line;
};

struct tmc_check_template {
  char *path;
  struct tmc_po_map keys;  /* key -> index into msgs */
  struct tpl_msg *msgs;
  size_t n, cap;
};

void
tmc_check_options_init (struct tmc_check_options *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->min_translated = -1;
  opts->max_fuzzy = -1;
}

static enum tmc_status
nomem (struct tmc_error *err)
{
  return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, "%s",
                        tmc_strerror (TMC_ERR_NOMEM));
}

void
tmc_check_template_free (tmc_check_template *tpl)
{
  if (tpl == NULL)
    return;
  tmc_po_map_destroy (&tpl->keys);
  free (tpl->msgs);
  free (tpl->path);
  free (tpl);
}

size_t
tmc_check_template_size (const tmc_check_template *tpl)
{
  return tpl->n;
}

const char *
tmc_check_template_path (const tmc_check_template *tpl)
{
  return tpl->path;
}

enum tmc_status
tmc_check_template_load (const char *path,
                         const struct tmc_diag_handler *diag,
                         tmc_check_template **out, struct tmc_error *err)
{
  *out = NULL;
  struct tmc_check_template *tpl = calloc (1, sizeof *tpl);
  if (tpl == NULL || (tpl->path = tmc_strdup (path)) == NULL
      || tmc_po_map_init (&tpl->keys, 1) != 0)
    {
      tmc_check_template_free (tpl);
      return nomem (err);
    }
  struct tmc_po_session s;
  char *charset;
  tmc_po_session_begin (&s, path, "syntax");
  po_file_t f = tmc_po_read (&s, path, &charset, NULL, 0);
  tmc_po_session_end (&s);
  free (charset);
  tmc_po_diags_emit (&s.diags, path, diag);
  if (s.diags.nomem || f == NULL || s.diags.n_errors > 0)
    {
      enum tmc_status st;
      if (s.diags.nomem)
        st = nomem (err);
      else
        {
          const struct tmc_po_diag *d = NULL;
          for (size_t i = 0; i < s.diags.n && d == NULL; i++)
            if (s.diags.v[i].severity == TMC_DIAG_ERROR)
              d = &s.diags.v[i];
          /* The problems themselves went to DIAG.  */
          st = tmc_error_set (err,
                              d && strcmp (d->code, "io") == 0
                                ? TMC_ERR_IO : TMC_ERR_SYNTAX,
                              path, 0, 0, _("the template cannot be used"));
        }
      if (f)
        tmc_po_file_free (f);
      tmc_po_diags_destroy (&s.diags);
      tmc_check_template_free (tpl);
      return st;
    }
  tmc_po_diags_destroy (&s.diags);
  struct tmc_buf kb = TMC_BUF_INIT;
  enum tmc_status st = TMC_OK;
  po_message_iterator_t it = po_message_iterator (f, NULL);
  po_message_t m;
  while ((m = po_next_message (it)) != NULL)
    {
      if (tmc_po_is_header (m) || po_message_is_obsolete (m))
        continue;
      const char *key = tmc_po_message_key (m, &kb);
      int added;
      size_t *v = key ? tmc_po_map_put (&tpl->keys, key, tpl->n, &added)
                      : NULL;
      if (v == NULL
          || (added && tmc_grow ((void **) &tpl->msgs, &tpl->cap, tpl->n + 1,
                                 sizeof *tpl->msgs) != 0))
        {
          st = nomem (err);
          break;
        }
      if (!added)
        continue;
      /* The map's copy of the key lives as long as the template.  */
      tpl->msgs[tpl->n].key = NULL;
      tpl->msgs[tpl->n].line = tmc_po_message_line (m, path);
      tpl->n++;
    }
  po_message_iterator_free (it);
  tmc_po_file_free (f);
  tmc_buf_destroy (&kb);
  if (st != TMC_OK)
    {
      tmc_check_template_free (tpl);
      return st;
    }
  /* Point each message at its key.  */
  for (size_t i = 0; i < tpl->keys.cap; i++)
    if (tpl->keys.keys[i])
      tpl->msgs[tpl->keys.vals[i]].key = tpl->keys.keys[i];
  *out = tpl;
  return TMC_OK;
}

/* ---------------------------------------------------------------- */

void
tmc_check_file_free (struct tmc_check_file *f)
{
  if (f == NULL)
    return;
  free (f->path);
  for (size_t i = 0; i < f->n_langs; i++)
    free (f->langs[i].lang);
  free (f->langs);
  for (size_t i = 0; i < f->n_problems; i++)
    {
      free ((char *) f->problems[i].message);
      free ((char *) f->problems[i].related_message);
    }
  free (f->problems);
  for (size_t i = 0; i < f->n_messages; i++)
    {
      free (f->messages[i].text);
      free (f->messages[i].context);
    }
  free (f->messages);
  free (f);
}

int
tmc_check_add_problem (struct tmc_check_file *f,
                       enum tmc_diag_severity severity, const char *code,
                       unsigned long line, unsigned long column,
                       const char *message, unsigned long related_line,
                       const char *related_message)
{
  size_t cap = f->n_problems;
  if (tmc_grow ((void **) &f->problems, &cap, f->n_problems + 1,
                sizeof *f->problems) != 0)
    return -1;
  char *msg = tmc_strdup (message);
  char *rel = related_message ? tmc_strdup (related_message) : NULL;
  if (msg == NULL || (related_message && rel == NULL))
    {
      free (msg);
      free (rel);
      return -1;
    }
  struct tmc_diag *d = &f->problems[f->n_problems++];
  d->severity = severity;
  d->code = code;
  d->file = f->path;
  d->line = line;
  d->column = column;
  d->message = msg;
  d->related_line = related_line;
  d->related_message = rel;
  if (severity == TMC_DIAG_ERROR)
    f->n_errors++;
  else
    f->n_warnings++;
  return 0;
}

/* The start of TEXT on one line: at most 60 bytes, cut at a character
   boundary, newlines and tabs shown as spaces, "..." when cut.  */
char *
tmc_check_excerpt (const char *text)
{
  size_t n = strlen (text), k = 0;
  const uint8_t *u = (const uint8_t *) text;
  while (k < n && k < 60)
    {
      int len = u8_mblen (u + k, n - k);
      if (len <= 0)
        len = 1;
      if (k + (size_t) len > 60)
        break;
      k += (size_t) len;
    }
  char *r = malloc (k + 4);
  if (r == NULL)
    return NULL;
  for (size_t i = 0; i < k; i++)
    r[i] = (text[i] == '\n' || text[i] == '\t' || text[i] == '\r')
             ? ' ' : text[i];
  if (k < n)
    memcpy (r + k, "...", 4);
  else
    r[k] = '\0';
  return r;
}

int
tmc_check_add_message (struct tmc_check_file *f, enum tmc_check_status st,
                       size_t lang, unsigned long line, const char *text,
                       const char *context)
{
  size_t cap = f->n_messages;
  if (tmc_grow ((void **) &f->messages, &cap, f->n_messages + 1,
                sizeof *f->messages) != 0)
    return -1;
  char *t = tmc_check_excerpt (text);
  char *c = context ? tmc_check_excerpt (context) : NULL;
  if (t == NULL || (context && c == NULL))
    {
      free (t);
      free (c);
      return -1;
    }
  struct tmc_check_message *m = &f->messages[f->n_messages++];
  m->status = st;
  m->lang = lang;
  m->line = line;
  m->text = t;
  m->context = c;
  return 0;
}

int
tmc_check_add_lang (struct tmc_check_file *f, const char *lang)
{
  size_t cap = f->n_langs;
  if (tmc_grow ((void **) &f->langs, &cap, f->n_langs + 1,
                sizeof *f->langs) != 0)
    return -1;
  struct tmc_check_lang *l = &f->langs[f->n_langs];
  memset (l, 0, sizeof *l);
  l->lang = tmc_strdup (lang);
  if (l->lang == NULL)
    return -1;
  f->n_langs++;
  return 0;
}

unsigned long
tmc_check_percent100 (const struct tmc_check_lang *l)
{
  if (l->total == 0)
    return 10000;
  return (unsigned long) ((unsigned long long) l->translated * 10000ULL
                          / l->total);
}

/* Judge L against the thresholds.  */
void
tmc_check_judge (struct tmc_check_lang *l, const struct tmc_check_options *o)
{
  l->result = TMC_CHECK_PASS;
  if (o->min_translated >= 0)
    {
      /* translated / total < min / 100, in exact arithmetic where the
         numbers allow it.  */
      double lhs = (double) l->translated * 100.0;
      double rhs = o->min_translated * (double) l->total;
      if (l->total > 0 && lhs < rhs)
        l->fail_min_translated = 1;
    }
  if (o->max_fuzzy >= 0 && l->fuzzy > (unsigned long) o->max_fuzzy)
    l->fail_max_fuzzy = 1;
  if (l->fail_min_translated || l->fail_max_fuzzy)
    l->result = TMC_CHECK_FAIL;
}

/* The language of a catalogue named PATH whose header does not say:
   the file name "az.po", or its last part "glib20.az.po".  */
static void
lang_from_name (const char *path, char *buf, size_t size)
{
  buf[0] = '\0';
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen (base);
  if (n < 4 || strcmp (base + n - 3, ".po") != 0)
    return;
  n -= 3;
  size_t start = n;
  while (start > 0 && base[start - 1] != '.')
    start--;
  char cand[64];
  if (n - start >= sizeof cand)
    return;
  memcpy (cand, base + start, n - start);
  cand[n - start] = '\0';
  char tag[64];
  if (tmc_po_lang_to_bcp47 (cand, tag, sizeof tag) != NULL)
    snprintf (buf, size, "%s", cand);
}

static int
ends_with (const char *s, const char *suffix)
{
  size_t n = strlen (s), k = strlen (suffix);
  return n >= k && strcmp (s + n - k, suffix) == 0;
}

enum {
  ST_MISSING = 0,
  ST_TRANSLATED,
  ST_FUZZY,
  ST_UNTRANSLATED
};

/* Count the messages of F, with or without a template.  */
static int
count_po (struct tmc_check_file *file, po_file_t f,
          const struct tmc_check_options *opts)
{
  const tmc_check_template *tpl = opts->template_;
  struct tmc_check_lang *l = &file->langs[0];
  unsigned char *seen = NULL;
  if (tpl && tpl->n > 0 && (seen = calloc (tpl->n, 1)) == NULL)
    return -1;
  struct tmc_buf kb = TMC_BUF_INIT;
  int bad = 0;
  po_message_iterator_t it = po_message_iterator (f, NULL);
  po_message_t m;
  while ((m = po_next_message (it)) != NULL && !bad)
    {
      if (tmc_po_is_header (m))
        continue;
      if (po_message_is_obsolete (m))
        {
          l->obsolete++;
          continue;
        }
      int st;
      if (po_message_msgstr (m)[0] == '\0')
        st = ST_UNTRANSLATED;
      else if (po_message_is_fuzzy (m))
        st = ST_FUZZY;
      else
        st = ST_TRANSLATED;
      unsigned long line = tmc_po_message_line (m, file->path);
      if (st == ST_TRANSLATED && po_message_msgid_plural (m))
        for (int i = 1; po_message_msgstr_plural (m, i); i++)
          if (po_message_msgstr_plural (m, i)[0] == '\0')
            {
              char msg[TMC_ERROR_MESSAGE_MAX];
              snprintf (msg, sizeof msg,
                        _("plural form %d is empty; msgfmt counts the "
                          "message as translated"), i);
              bad |= tmc_check_add_problem (file, TMC_DIAG_WARNING,
                                            "plural", line, 0, msg, 0, NULL);
            }
      if (tpl)
        {
          const char *key = tmc_po_message_key (m, &kb);
          if (key == NULL)
            {
              bad = 1;
              break;
            }
          size_t *idx = tmc_po_map_get (&tpl->keys, key);
          if (idx == NULL)
            {
              l->not_in_template++;
              char *ex = tmc_check_excerpt (po_message_msgid (m));
              char msg[TMC_ERROR_MESSAGE_MAX];
              if (ex)
                snprintf (msg, sizeof msg,
                          _("this message is not in the template: \"%s\""),
                          ex);
              free (ex);
              bad |= ex == NULL
                     || tmc_check_add_problem (file, TMC_DIAG_WARNING,
                                               "not-in-template", line, 0,
                                               msg, 0, NULL) != 0;
              if (opts->list)
                bad |= tmc_check_add_message (file,
                                              TMC_CHECK_NOT_IN_TEMPLATE, 0,
                                              line, po_message_msgid (m),
                                              po_message_msgctxt (m));
              continue;
            }
          seen[*idx] = (unsigned char) st;
        }
      else
        {
          if (st == ST_TRANSLATED)
            l->translated++;
          else if (st == ST_FUZZY)
            l->fuzzy++;
          else
            l->untranslated++;
        }
      if (opts->list && st != ST_TRANSLATED)
        bad |= tmc_check_add_message (file,
                                      st == ST_FUZZY ? TMC_CHECK_FUZZY
                                                     : TMC_CHECK_UNTRANSLATED,
                                      0, line, po_message_msgid (m),
                                      po_message_msgctxt (m));
    }
  po_message_iterator_free (it);
  tmc_buf_destroy (&kb);
  if (tpl && !bad)
    for (size_t i = 0; i < tpl->n; i++)
      {
        switch (seen[i])
          {
          case ST_TRANSLATED:
            l->translated++;
            break;
          case ST_FUZZY:
            l->fuzzy++;
            break;
          case ST_UNTRANSLATED:
            l->untranslated++;
            break;
          default:
            l->untranslated++;
            l->missing++;
            if (opts->list)
              {
                /* The key is msgctxt \4 msgid, or the msgid.  */
                const char *k = tpl->msgs[i].key;
                const char *sep = strchr (k, '\004');
                char *ctxt = sep ? tmc_strndup (k, (size_t) (sep - k)) : NULL;
                bad |= (sep && ctxt == NULL)
                       || tmc_check_add_message (file, TMC_CHECK_MISSING, 0,
                                                 tpl->msgs[i].line,
                                                 sep ? sep + 1 : k, ctxt);
                free (ctxt);
              }
            break;
          }
      }
  free (seen);
  l->total = l->translated + l->fuzzy + l->untranslated;
  return bad ? -1 : 0;
}

static int
check_po (struct tmc_check_file *file, const struct tmc_check_options *opts)
{
  const char *path = file->path;
  struct tmc_po_session s;
  char *charset;
  tmc_po_session_begin (&s, path, "syntax");
  po_file_t f = tmc_po_read (&s, path, &charset, NULL, 0);
  if (f != NULL)
    {
      tmc_po_session_code (&s, "check");
      if (setjmp (s.fatal) == 0)
        po_file_check_all (f, &tmc_po_handler);
    }
  tmc_po_session_end (&s);
  free (charset);
  int bad = s.diags.nomem;
  /* A file that is not PO at all gives an error a line: keep the first
     MAX_ERRORS and say how many more there were.  */
  size_t shown = 0, dropped = 0;
  for (size_t i = 0; i < s.diags.n && !bad; i++)
    {
      const struct tmc_po_diag *d = &s.diags.v[i];
      /* A template's header keeps gettext's placeholders (YEAR-MO-DA,
         nplurals=INTEGER) until msginit fills them in: not a problem.  */
      if (file->format == TMC_CHECK_FORMAT_POT
          && strcmp (d->code, "header") == 0)
        continue;
      if (d->severity == TMC_DIAG_ERROR && shown >= MAX_ERRORS)
        {
          dropped++;
          continue;
        }
      shown += d->severity == TMC_DIAG_ERROR;
      bad |= tmc_check_add_problem (file, d->severity, d->code, d->line,
                                    d->column, d->message, d->related_line,
                                    d->related_message);
    }
  tmc_po_diags_destroy (&s.diags);
  if (f != NULL && file->n_errors > 0 && !bad)
    {
      /* Errors and not a single entry: say plainly what it is.  */
      po_message_iterator_t it = po_message_iterator (f, NULL);
      int any = po_next_message (it) != NULL;
      po_message_iterator_free (it);
      if (!any)
        bad |= tmc_check_add_problem (file, TMC_DIAG_ERROR, "not-po", 0, 0,
                                      _("not a PO file: no entry could be "
                                        "read"), 0, NULL);
    }
  if (dropped > 0 && !bad)
    {
      char msg[TMC_ERROR_MESSAGE_MAX];
      snprintf (msg, sizeof msg,
                dngettext (PACKAGE, "%zu more error not shown",
                              "%zu more errors not shown", dropped), dropped);
      bad |= tmc_check_add_problem (file, TMC_DIAG_ERROR, "limit", 0, 0, msg,
                                    0, NULL);
      /* The count is of the errors, not of the messages about them.  */
      file->n_errors += dropped - 1;
    }
  if (f == NULL || bad)
    {
      if (f)
        tmc_po_file_free (f);
      return bad ? -1 : 0;
    }

  const char *header = tmc_po_file_header (f);
  char lang[64] = "";
  if (file->format == TMC_CHECK_FORMAT_PO)
    {
      char *field = header ? tmc_po_header_get (header, "Language") : NULL;
      if (field && field[0])
        snprintf (lang, sizeof lang, "%s", field);
      else
        lang_from_name (path, lang, sizeof lang);
      free (field);
    }
  if (header == NULL)
    {
      /* msgfmt: "PO file header missing or invalid".  */
      po_message_iterator_t it = po_message_iterator (f, NULL);
      int any = po_next_message (it) != NULL;
      po_message_iterator_free (it);
      if (any)
        bad |= tmc_check_add_problem (file, TMC_DIAG_WARNING, "header", 0, 0,
                                      _("the catalogue has no header entry, "
                                        "so its charset is unknown"), 0,
                                      NULL);
    }
  if (!bad)
    bad = tmc_check_add_lang (file, lang) != 0;
  if (!bad)
    bad = count_po (file, f, opts) != 0;
  tmc_po_file_free (f);
  return bad ? -1 : 0;
}

enum tmc_status
tmc_check_file (const char *path, const struct tmc_check_options *opts,
                struct tmc_check_file **out, struct tmc_error *err)
{
  *out = NULL;
  struct tmc_check_options def;
  if (opts == NULL)
    {
      tmc_check_options_init (&def);
      opts = &def;
    }
  struct tmc_check_file *file = calloc (1, sizeof *file);
  if (file == NULL || (file->path = tmc_strdup (path)) == NULL)
    {
      free (file);
      return nomem (err);
    }
  int r;
  if (tmc_check_looks_like_xml (path))
    {
      file->format = TMC_CHECK_FORMAT_TMX;
      r = tmc_check_tmx (file, opts);
    }
  else
    {
      file->format = ends_with (path, ".pot") ? TMC_CHECK_FORMAT_POT
                                              : TMC_CHECK_FORMAT_PO;
      r = check_po (file, opts);
    }
  if (r != 0)
    {
      tmc_check_file_free (file);
      return nomem (err);
    }
  file->result = TMC_CHECK_PASS;
  /* The counts of a file with errors are of what could be read: they are
     not judged.  Templates have no thresholds.  */
  for (size_t i = 0; i < file->n_langs; i++)
    if (file->n_errors > 0)
      file->langs[i].result = TMC_CHECK_ERROR;
    else if (file->format != TMC_CHECK_FORMAT_POT)
      {
        tmc_check_judge (&file->langs[i], opts);
        if (file->langs[i].result == TMC_CHECK_FAIL)
          file->result = TMC_CHECK_FAIL;
      }
  if (file->n_errors > 0)
    file->result = TMC_CHECK_ERROR;
  *out = file;
  return TMC_OK;
}

enum tmc_check_result
tmc_check_overall (struct tmc_check_file *const *files, size_t n)
{
  enum tmc_check_result r = TMC_CHECK_PASS;
  for (size_t i = 0; i < n; i++)
    if (files[i]->result == TMC_CHECK_ERROR)
      return TMC_CHECK_ERROR;
    else if (files[i]->result == TMC_CHECK_FAIL)
      r = TMC_CHECK_FAIL;
  return r;
}
