/* The segmented document model.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text-internal.h"
#include "tmconv/doc.h"
#include "tmconv/normalize.h"

struct tmc_doc *
tmc_doc_new_move (const char *lang, const char *name, char *text,
                  size_t text_len)
{
  struct tmc_doc *doc = calloc (1, sizeof *doc);
  if (doc == NULL)
    {
      free (text);
      return NULL;
    }
  snprintf (doc->lang, sizeof doc->lang, "%s", lang ? lang : "");
  if (name)
    {
      doc->name = tmc_strdup (name);
      if (doc->name == NULL)
        {
          free (text);
          free (doc);
          return NULL;
        }
    }
  doc->text = text;
  doc->text_len = text_len;
  return doc;
}

struct tmc_doc *
tmc_doc_new (const char *lang, const char *name, const char *text,
             size_t text_len)
{
  char *copy = tmc_strndup (text ? text : "", text ? text_len : 0);
  if (copy == NULL)
    return NULL;
  return tmc_doc_new_move (lang, name, copy, text ? text_len : 0);
}

void
tmc_doc_free (struct tmc_doc *doc)
{
  if (doc == NULL)
    return;
  for (size_t i = 0; i < doc->n_sent; i++)
    free (doc->sent[i].key);
  free (doc->sent);
  free (doc->text);
  free (doc->name);
  free (doc);
}

enum tmc_status
tmc_doc_add_sentence (struct tmc_doc *doc, size_t start, size_t len,
                      size_t paragraph, struct tmc_error *err)
{
  if (doc->n_sent >= TMC_DOC_MAX_SENTENCES)
    return tmc_error_set (err, TMC_ERR_LIMIT, doc->name, 0, 0,
                          _("more than %zu sentences in one document: "
                            "split it"),
                          TMC_DOC_MAX_SENTENCES);
  if (start > doc->text_len || len > doc->text_len - start
      || (doc->n_sent > 0 && paragraph < doc->sent[doc->n_sent - 1].paragraph))
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, doc->name, 0, 0,
                          _("sentence out of range"));
  if (len > TMC_DOC_MAX_SENTENCE_BYTES)
    {
      unsigned long line, col;
      tmc_text_locate (doc->text, start, &line, &col);
      return tmc_error_set (err, TMC_ERR_LIMIT, doc->name, line, col,
                            _("a sentence of %zu bytes, longer than the "
                              "limit of %zu: is the text cut into "
                              "sentences (stops, line breaks)?"),
                            len, TMC_DOC_MAX_SENTENCE_BYTES);
    }
  if (tmc_grow ((void **) &doc->sent, &doc->sent_cap, doc->n_sent + 1,
                sizeof *doc->sent) != 0)
    return tmc_error_set (err, TMC_ERR_NOMEM, doc->name, 0, 0,
                          _("out of memory"));
  struct tmc_sentence *s = &doc->sent[doc->n_sent];
  s->start = start;
  s->len = len;
  s->paragraph = paragraph;
  enum tmc_status st = tmc_match_key (doc->lang, doc->text + start, len,
                                      &s->key, &s->key_len, err);
  if (st != TMC_OK)
    return st;
  doc->n_sent++;
  if (paragraph + 1 > doc->n_paragraphs)
    doc->n_paragraphs = paragraph + 1;
  return TMC_OK;
}

static int
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

enum tmc_status
tmc_doc_from_lines (const char *lang, const char *name, const char *text,
                    size_t text_len, struct tmc_doc **docp,
                    struct tmc_error *err)
{
  *docp = NULL;
  char *nfc;
  size_t nfc_len;
  enum tmc_status st = tmc_nfc (text, text_len, &nfc, &nfc_len, err);
  if (st != TMC_OK)
    {
      if (err)
        tmc_error_set (err, st, name, 0, 0, "%s", err->message);
      return st;
    }
  struct tmc_doc *doc = tmc_doc_new_move (lang, name, nfc, nfc_len);
  if (doc == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0, _("out of memory"));
  size_t paragraph = 0;
  int in_paragraph = 0;
  size_t pos = 0;
  while (pos < doc->text_len)
    {
      const char *nl = memchr (doc->text + pos, '\n', doc->text_len - pos);
      size_t end = nl ? (size_t) (nl - doc->text) : doc->text_len;
      size_t a = pos;
      size_t b = end;
      while (a < b && is_blank (doc->text[a]))
        a++;
      while (b > a && is_blank (doc->text[b - 1]))
        b--;
      if (a == b || (b - a == 3 && memcmp (doc->text + a, "<p>", 3) == 0))
        {
          if (in_paragraph)
            paragraph++;
          in_paragraph = 0;
        }
      else
        {
          st = tmc_doc_add_sentence (doc, a, b - a, paragraph, err);
          if (st != TMC_OK)
            {
              tmc_doc_free (doc);
              return st;
            }
          in_paragraph = 1;
        }
      pos = end + 1;
    }
  *docp = doc;
  return TMC_OK;
}
