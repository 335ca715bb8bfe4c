/* TMX writer: deterministic TMX 1.4b that CAT tools accept.

   The document is built in UTF-8 in a buffer, one unit at a time, and
   handed to the stream when the buffer is full; UTF-16 goes through
   iconv and US-ASCII through character references at that point, so
   every chunk ends on a character boundary.  */

#include <errno.h>
#include <expat.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tmconv/io.h"
#include "tmx-internal.h"

#define FLUSH_AT (256 * 1024)

struct tmc_tmx_writer {
  FILE *fp;
  struct tmc_tmx_write_opts opts;
  struct tmc_tmx_langmap map;
  int have_map;
  char langs[TMC_TMX_LANGMAP_MAX][16];  /* primary subtags kept */
  size_t n_langs;
  struct tmc_tm_header header;  /* a copy */
  char srclang[TMC_TMX_TAG_MAX];      /* "" until decided */
  int header_written;
  int failed;
  long long date;
  struct tmc_buf out;   /* UTF-8 not yet written */
  struct tmc_buf conv;  /* the encoded bytes */
  iconv_t cd;
  int bom_written;
  struct tmc_tmx_write_stats stats;
  char *first_dropped_tuid;  /* the first unit with a dropped character */
  /* Attribute names already warned about, "element name" strings.  */
  char **warned;
  size_t n_warned, warned_cap;
  XML_Parser markup_parser;
  const char *cur_tuid;  /* the unit being written, for messages */
  size_t n_added;        /* units given to the writer */
  /* The variants of the unit being written: tag and whether kept.  */
  struct wtuv {
    char tag[TMC_TMX_TAG_MAX];
    int kept;
  } *vs;
  size_t vs_cap;
};

void
tmc_tmx_write_opts_init (struct tmc_tmx_write_opts *o)
{
  memset (o, 0, sizeof *o);
  o->encoding = TMC_TMX_UTF8;
  o->date = -1;
}

static enum tmc_status
nomem (struct tmc_error *err)
{
  return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
}

/* ------------------------------------------------------------------ */
/* Copying a header.  */

static int
meta_copy (struct tmc_meta *to, const struct tmc_meta *from)
{
  for (size_t i = 0; i < from->n_attrs; i++)
    if (tmc_meta_add_attr (to, from->attrs[i].name, from->attrs[i].value))
      return -1;
  for (size_t i = 0; i < from->n_props; i++)
    if (tmc_meta_add_prop (to, from->props[i].type, from->props[i].lang,
                           from->props[i].value))
      return -1;
  for (size_t i = 0; i < from->n_notes; i++)
    if (tmc_meta_add_note (to, from->notes[i]))
      return -1;
  return 0;
}

static int
header_copy (struct tmc_tm_header *to, const struct tmc_tm_header *from)
{
  memset (to, 0, sizeof *to);
  const char *src[] = { from->version, from->creationtool,
                        from->creationtoolversion, from->segtype,
                        from->o_tmf, from->adminlang, from->srclang,
                        from->datatype, from->o_encoding, from->creationdate,
                        from->creationid, from->changedate, from->changeid };
  char **dst[] = { &to->version, &to->creationtool, &to->creationtoolversion,
                   &to->segtype, &to->o_tmf, &to->adminlang, &to->srclang,
                   &to->datatype, &to->o_encoding, &to->creationdate,
                   &to->creationid, &to->changedate, &to->changeid };
  for (size_t i = 0; i < TMC_ARRAY_SIZE (src); i++)
    if (src[i] && (*dst[i] = tmc_strdup (src[i])) == NULL)
      return -1;
  return meta_copy (&to->meta, &from->meta);
}

/* ------------------------------------------------------------------ */
/* Output.  */

static enum tmc_status
write_bytes (tmc_tmx_writer *w, const void *p, size_t n,
             struct tmc_error *err)
{
  if (n > 0 && fwrite (p, 1, n, w->fp) != n)
    {
      w->failed = 1;
      return tmc_error_set_errno (err, errno ? errno : EIO, w->opts.name,
                                  _("cannot write TMX"));
    }
  return TMC_OK;
}

/* Encode and write what the buffer holds.  */
static enum tmc_status
flush_out (tmc_tmx_writer *w, struct tmc_error *err)
{
  struct tmc_buf *o = &w->out;
  if (o->len == 0)
    return TMC_OK;
  enum tmc_status st = TMC_OK;
  switch (w->opts.encoding)
    {
    case TMC_TMX_UTF8:
      st = write_bytes (w, o->data, o->len, err);
      break;
    case TMC_TMX_UTF16LE:
    case TMC_TMX_UTF16BE:
      {
        tmc_buf_reset (&w->conv);
        if (!w->bom_written)
          {
            static const unsigned char le[] = { 0xFF, 0xFE };
            static const unsigned char be[] = { 0xFE, 0xFF };
            if (tmc_buf_append (&w->conv,
                                w->opts.encoding == TMC_TMX_UTF16LE ? le : be,
                                2) != 0)
              return nomem (err);
            w->bom_written = 1;
          }
        if (tmc_buf_reserve (&w->conv, o->len * 2 + 16) != 0)
          return nomem (err);
        char *in = o->data;
        size_t inleft = o->len;
        char *outp = w->conv.data + w->conv.len;
        size_t outleft = w->conv.cap - w->conv.len - 1;
        if (iconv (w->cd, &in, &inleft, &outp, &outleft) == (size_t) -1)
          {
            w->failed = 1;
            return tmc_error_set (err, TMC_ERR_ENCODING, w->opts.name, 0, 0,
                                  _("cannot convert the TMX to UTF-16"));
          }
        w->conv.len = (size_t) (outp - w->conv.data);
        st = write_bytes (w, w->conv.data, w->conv.len, err);
        break;
      }
    case TMC_TMX_ASCII:
      {
        tmc_buf_reset (&w->conv);
        const unsigned char *s = (const unsigned char *) o->data;
        size_t i = 0, n = o->len;
        while (i < n)
          {
            size_t start = i;
            while (i < n && s[i] < 0x80)
              i++;
            if (tmc_buf_append (&w->conv, s + start, i - start) != 0)
              return nomem (err);
            if (i < n)
              {
                unsigned int c;
                size_t len = tmc_tmx_utf8_next (s + i, n - i, &c);
                if (len == 0)
                  len = 1, c = 0xFFFD;  /* cannot happen: checked before */
                if (tmc_buf_printf (&w->conv, "&#x%X;", c) != 0)
                  return nomem (err);
                i += len;
              }
          }
        st = write_bytes (w, w->conv.data, w->conv.len, err);
        break;
      }
    }
  tmc_buf_reset (o);
  return st;
}

/* ------------------------------------------------------------------ */
/* Building blocks.  */

static int
put (tmc_tmx_writer *w, const char *s)
{
  return tmc_buf_puts (&w->out, s);
}

/* Append escaped text.  Returns 0, or a status with ERR filled.  */
static enum tmc_status
put_escaped (tmc_tmx_writer *w, const char *s, size_t n, int attr,
             struct tmc_error *err)
{
  int r = tmc_tmx_escape (&w->out, s, n, attr, &w->stats.chars_dropped);
  if (r == -2)
    return nomem (err);
  if (r == -1)
    {
      w->failed = 1;
      if (!w->header_written)
        return tmc_error_set (err, TMC_ERR_ENCODING, w->opts.name, 0, 0,
                              _("invalid UTF-8 in the header"));
      if (w->cur_tuid)
        return tmc_error_set (err, TMC_ERR_ENCODING, w->opts.name, 0, 0,
                              _("invalid UTF-8 in unit %s"), w->cur_tuid);
      return tmc_error_set (err, TMC_ERR_ENCODING, w->opts.name, 0, 0,
                            _("invalid UTF-8 in unit #%zu"), w->n_added);
    }
  return TMC_OK;
}

/* Append ' NAME="VALUE"'.  */
static enum tmc_status
put_attr (tmc_tmx_writer *w, const char *name, const char *value,
          struct tmc_error *err)
{
  if (tmc_buf_putc (&w->out, ' ') || put (w, name) || put (w, "=\""))
    return nomem (err);
  enum tmc_status st = put_escaped (w, value, strlen (value), 1, err);
  if (st != TMC_OK)
    return st;
  if (tmc_buf_putc (&w->out, '"'))
    return nomem (err);
  return TMC_OK;
}

static void
warn_attr_dropped (tmc_tmx_writer *w, const char *element, const char *name,
                   const char *value)
{
  w->stats.attrs_dropped++;
  char key[128];
  snprintf (key, sizeof key, "%s %s", element, name);
  for (size_t i = 0; i < w->n_warned; i++)
    if (strcmp (w->warned[i], key) == 0)
      return;
  char *copy = tmc_strdup (key);
  if (copy == NULL || tmc_grow ((void **) &w->warned, &w->warned_cap,
                                w->n_warned + 1, sizeof *w->warned) != 0)
    {
      free (copy);
      return;
    }
  w->warned[w->n_warned++] = copy;
  tmc_warn (w->opts.warn, w->opts.name, 0, 0,
            _("attribute %s=\"%s\" is not valid on <%s> in TMX 1.4: left "
              "out, here and wherever else it occurs"),
            name, value, element);
}

/* Write the attributes of META valid on ELEMENT (TUV: 1 for a variant,
   0 for a unit, -1 for the header), normalizing dates.  */
static enum tmc_status
put_meta_attrs (tmc_tmx_writer *w, const struct tmc_meta *m,
                const char *element, int tuv, struct tmc_error *err)
{
  for (size_t i = 0; i < m->n_attrs; i++)
    {
      const char *name = m->attrs[i].name, *value = m->attrs[i].value;
      int ok = tuv >= 0 && tmc_tmx_unit_attr_ok (name, tuv);
      char date[17];
      if (ok && tmc_tmx_is_date_attr (name))
        {
          long long secs;
          if (tmc_tmx_parse_date (value, &secs))
            value = tmc_tmx_format_date (secs, date);
          else
            ok = 0;
        }
      else if (ok && strcmp (name, "segtype") == 0)
        ok = tmc_tmx_segtype_ok (value);
      else if (ok && strcmp (name, "usagecount") == 0)
        ok = tmc_tmx_is_number (value);
      if (!ok)
        {
          warn_attr_dropped (w, element, name, value);
          continue;
        }
      enum tmc_status st = put_attr (w, name, value, err);
      if (st != TMC_OK)
        return st;
    }
  return TMC_OK;
}

/* A language tag too long for TMC_TMX_TAG_MAX: written cut, it would be
   another tag (and maybe not UTF-8), so the unit is refused.  */
static enum tmc_status
tag_too_long (tmc_tmx_writer *w, struct tmc_error *err)
{
  w->failed = 1;
  if (w->cur_tuid)
    return tmc_error_set (err, TMC_ERR_LIMIT, w->opts.name, 0, 0,
                          _("a language tag in unit %s is longer than the "
                            "limit of %d bytes"),
                          w->cur_tuid, TMC_TMX_TAG_MAX - 1);
  return tmc_error_set (err, TMC_ERR_LIMIT, w->opts.name, 0, 0,
                        _("a language tag in unit #%zu is longer than the "
                          "limit of %d bytes"),
                        w->n_added, TMC_TMX_TAG_MAX - 1);
}

/* Write the props and notes of META at indentation INDENT.  */
static enum tmc_status
put_props (tmc_tmx_writer *w, const struct tmc_meta *m, const char *indent,
           struct tmc_error *err)
{
  for (size_t i = 0; i < m->n_props; i++)
    {
      const struct tmc_prop *p = &m->props[i];
      if (put (w, indent) || put (w, "<prop"))
        return nomem (err);
      enum tmc_status st = put_attr (w, "type", p->type, err);
      if (st == TMC_OK)
        {
          char tag[TMC_TMX_TAG_MAX];
          if (p->lang && strlen (p->lang) >= sizeof tag)
            return tag_too_long (w, err);
          if (p->lang)
            {
              tmc_tmx_lang_canonical (p->lang, NULL, tag, sizeof tag);
              st = put_attr (w, "xml:lang", tag, err);
            }
        }
      if (st != TMC_OK)
        return st;
      if (put (w, ">"))
        return nomem (err);
      st = put_escaped (w, p->value, strlen (p->value), 0, err);
      if (st != TMC_OK)
        return st;
      if (put (w, "</prop>\n"))
        return nomem (err);
    }
  for (size_t i = 0; i < m->n_notes; i++)
    {
      if (put (w, indent) || put (w, "<note>"))
        return nomem (err);
      enum tmc_status st = put_escaped (w, m->notes[i], strlen (m->notes[i]),
                                        0, err);
      if (st != TMC_OK)
        return st;
      if (put (w, "</note>\n"))
        return nomem (err);
    }
  return TMC_OK;
}

/* The datatype values the specification recommends.  */
static const char *
datatype_value (const char *v)
{
  static const char *const known[] = {
    "unknown", "alptext", "cdf", "cmx", "cpp", "hptag", "html",
    "interleaf", "ipf", "java", "javascript", "lisp", "mif", "opentag",
    "pascal", "plaintext", "pm", "rtf", "sgml", "stf-f", "stf-i", "transit",
    "vbscript", "winres", "xml", "xptag"
  };
  if (v == NULL || *v == '\0')
    return "plaintext";
  for (size_t i = 0; i < TMC_ARRAY_SIZE (known); i++)
    if (tmc_tmx_streq_ci (v, known[i]))
      return known[i];
  return v;
}

static enum tmc_status
write_header (tmc_tmx_writer *w, struct tmc_error *err)
{
  const struct tmc_tm_header *h = &w->header;
  const char *decl = w->opts.encoding == TMC_TMX_UTF8 ? "UTF-8"
                     : w->opts.encoding == TMC_TMX_ASCII ? "US-ASCII"
                     : "UTF-16";
  if (tmc_buf_printf (&w->out,
                      "<?xml version=\"1.0\" encoding=\"%s\"?>\n"
                      "<tmx version=\"1.4\">\n  <header", decl) != 0)
    return nomem (err);
  char adminlang[TMC_TMX_TAG_MAX] = "en";
  if (h->adminlang
      && tmc_tmx_lang_canonical (h->adminlang, NULL, adminlang,
                                 sizeof adminlang) != 0)
    strcpy (adminlang, "en");
  char date[17];
  tmc_tmx_format_date (w->date, date);
  const char *attrs[][2] = {
    { "creationtool", "tmconv" },
    { "creationtoolversion", VERSION },
    { "segtype", h->segtype && tmc_tmx_segtype_ok (h->segtype)
                   ? h->segtype : "sentence" },
    { "o-tmf", h->o_tmf && *h->o_tmf ? h->o_tmf : "tmconv" },
    { "adminlang", adminlang },
    { "srclang", w->srclang },
    { "datatype", datatype_value (h->datatype) },
    { "o-encoding", h->o_encoding },
    { "creationdate", date },
    { "creationid", h->creationid },
    { "changedate", NULL },
    { "changeid", h->changeid },
  };
  char change[17];
  long long secs;
  if (h->changedate && tmc_tmx_parse_date (h->changedate, &secs))
    attrs[10][1] = tmc_tmx_format_date (secs, change);
  for (size_t i = 0; i < TMC_ARRAY_SIZE (attrs); i++)
    if (attrs[i][1])
      {
        enum tmc_status st = put_attr (w, attrs[i][0], attrs[i][1], err);
        if (st != TMC_OK)
          return st;
      }
  if (h->segtype && !tmc_tmx_segtype_ok (h->segtype))
    warn_attr_dropped (w, "header", "segtype", h->segtype);
  if (h->changedate && attrs[10][1] == NULL)
    warn_attr_dropped (w, "header", "changedate", h->changedate);
  for (size_t i = 0; i < h->meta.n_attrs; i++)
    warn_attr_dropped (w, "header", h->meta.attrs[i].name,
                       h->meta.attrs[i].value);
  if (h->meta.n_props + h->meta.n_notes == 0)
    {
      if (put (w, "/>\n"))
        return nomem (err);
    }
  else
    {
      if (put (w, ">\n"))
        return nomem (err);
      enum tmc_status st = put_props (w, &h->meta, "    ", err);
      if (st != TMC_OK)
        return st;
      if (put (w, "  </header>\n"))
        return nomem (err);
    }
  if (put (w, "  <body>\n"))
    return nomem (err);
  w->header_written = 1;
  return TMC_OK;
}

/* ------------------------------------------------------------------ */
/* Inline markup: parsed with expat and written again, so that only
   well-formed TMX inline content reaches the file.  */

struct markup_ctx {
  tmc_tmx_writer *w;
  enum tmc_tmx_inline stack[64];
  int depth;
  const char *bad;  /* the element or attribute that is not allowed */
  int oom;
  int bad_utf8;
};

static void XMLCALL
markup_start (void *data, const XML_Char *name, const XML_Char **atts)
{
  struct markup_ctx *c = data;
  tmc_tmx_writer *w = c->w;
  if (c->depth == 0)
    {
      c->depth = 1;  /* the <seg> wrapper */
      c->stack[0] = TMC_INL_NONE;
      return;
    }
  enum tmc_tmx_inline k = tmc_tmx_inline_kind (name);
  if (k == TMC_INL_NONE || !tmc_tmx_inline_child_ok (c->stack[c->depth - 1], k)
      || c->depth >= (int) TMC_ARRAY_SIZE (c->stack))
    {
      if (c->bad == NULL)
        c->bad = name;
      XML_StopParser (w->markup_parser, XML_FALSE);
      return;
    }
  c->stack[c->depth++] = k;
  if (tmc_buf_putc (&w->out, '<') || put (w, name))
    c->oom = 1;
  for (int i = 0; atts[i]; i += 2)
    {
      if (!tmc_tmx_inline_attr_ok (k, atts[i]))
        {
          warn_attr_dropped (w, name, atts[i], atts[i + 1]);
          continue;
        }
      struct tmc_error e;
      enum tmc_status st = put_attr (w, atts[i], atts[i + 1], &e);
      if (st == TMC_ERR_NOMEM)
        c->oom = 1;
    }
  if (put (w, ">"))
    c->oom = 1;
}

static void XMLCALL
markup_end (void *data, const XML_Char *name)
{
  struct markup_ctx *c = data;
  c->depth--;
  if (c->depth == 0)
    return;
  if (put (c->w, "</") || put (c->w, name) || put (c->w, ">"))
    c->oom = 1;
}

static void XMLCALL
markup_text (void *data, const XML_Char *s, int len)
{
  struct markup_ctx *c = data;
  int r = tmc_tmx_escape (&c->w->out, s, (size_t) len, 0,
                          &c->w->stats.chars_dropped);
  if (r == -2)
    c->oom = 1;
}

static enum tmc_status
put_markup (tmc_tmx_writer *w, const char *markup, const char *tuid,
            struct tmc_error *err)
{
  if (w->markup_parser == NULL)
    {
      w->markup_parser = XML_ParserCreate ("UTF-8");
      if (w->markup_parser == NULL)
        return nomem (err);
    }
  else
    XML_ParserReset (w->markup_parser, "UTF-8");
  XML_Parser p = w->markup_parser;
  struct markup_ctx c;
  memset (&c, 0, sizeof c);
  c.w = w;
  XML_SetUserData (p, &c);
  XML_SetElementHandler (p, markup_start, markup_end);
  XML_SetCharacterDataHandler (p, markup_text);
  size_t mark = w->out.len;
  int ok = XML_Parse (p, "<seg>", 5, XML_FALSE) == XML_STATUS_OK
           && XML_Parse (p, markup, (int) strlen (markup), XML_FALSE)
                == XML_STATUS_OK
           && XML_Parse (p, "</seg>", 6, XML_TRUE) == XML_STATUS_OK;
  if (c.oom)
    return nomem (err);
  if (!ok || c.depth != 0)
    {
      w->out.len = mark;
      w->out.data[mark] = '\0';
      w->failed = 1;
      if (c.bad)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, w->opts.name, 0, 0,
                              _("unit %s: <%s> is not allowed there in the "
                                "inline markup of a segment"),
                              tuid ? tuid : "?", c.bad);
      return tmc_error_set (err, TMC_ERR_INVALID_ARG, w->opts.name, 0, 0,
                            _("unit %s: the inline markup of a segment is "
                              "not well-formed XML: %s"),
                            tuid ? tuid : "?",
                            XML_ErrorString (XML_GetErrorCode (p)));
    }
  return TMC_OK;
}

/* ------------------------------------------------------------------ */
/* Units.  */

static int
lang_kept (const tmc_tmx_writer *w, const char *tag)
{
  if (w->n_langs == 0)
    return 1;
  char p[16];
  tmc_lang_primary (tag, p, sizeof p);
  for (size_t i = 0; i < w->n_langs; i++)
    if (strcmp (w->langs[i], p) == 0)
      return 1;
  return 0;
}

/* 1 when variant V has something to write.  */
static int
tuv_has_text (const struct tmc_tuv *v)
{
  if (v->markup && *v->markup)
    return 1;
  size_t n = strlen (v->text);
  if (n == 0)
    return 0;
  /* Not only white space or characters that are dropped.  */
  const unsigned char *s = (const unsigned char *) v->text;
  size_t i = 0;
  while (i < n)
    {
      unsigned int c;
      size_t len = tmc_tmx_utf8_next (s + i, n - i, &c);
      if (len == 0)
        return 1;  /* invalid: let the writer report it */
      if (!tmc_tmx_is_space (c)
          && !(c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          && c != 0xFFFE && c != 0xFFFF)
        return 1;
      i += len;
    }
  return 0;
}

static void
canonical_tag (const tmc_tmx_writer *w, const char *tag, char *buf)
{
  tmc_tmx_lang_canonical (tag, w->have_map ? &w->map : NULL, buf,
                          TMC_TMX_TAG_MAX);
}

/* Decide the file's source language from the first unit written.  */
static void
choose_srclang (tmc_tmx_writer *w, const char *tag)
{
  if (w->srclang[0] == '\0')
    canonical_tag (w, tag, w->srclang);
}

enum tmc_status
tmc_tmx_writer_add (tmc_tmx_writer *w, const struct tmc_tu *tu,
                    struct tmc_error *err)
{
  if (w->failed)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, w->opts.name, 0, 0,
                          _("the TMX writer failed before"));
  w->n_added++;
  w->cur_tuid = tu->tuid;
  if (tmc_grow ((void **) &w->vs, &w->vs_cap, tu->n_tuvs + 1,
                sizeof *w->vs) != 0)
    return nomem (err);
  struct wtuv *vs = w->vs;

  /* Which variants are written, and in how many languages.  */
  size_t keep = 0, n_distinct = 0;
  char primaries[TMC_TMX_LANGMAP_MAX][16];
  size_t n_check = tu->n_tuvs;
  size_t empty = 0, filtered = 0;
  for (size_t i = 0; i < n_check; i++)
    {
      const struct tmc_tuv *v = &tu->tuvs[i];
      vs[i].kept = 0;
      if (v->lang == NULL || *v->lang == '\0' || !lang_kept (w, v->lang))
        {
          filtered++;
          continue;
        }
      if (!tuv_has_text (v))
        {
          empty++;
          continue;
        }
      if (strlen (v->lang) >= TMC_TMX_TAG_MAX)
        return tag_too_long (w, err);
      vs[i].kept = 1;
      keep++;
      canonical_tag (w, v->lang, vs[i].tag);
      char p[16];
      tmc_lang_primary (vs[i].tag, p, sizeof p);
      size_t j;
      for (j = 0; j < n_distinct; j++)
        if (strcmp (primaries[j], p) == 0)
          break;
      if (j == n_distinct && n_distinct < TMC_TMX_LANGMAP_MAX)
        memcpy (primaries[n_distinct++], p, sizeof p);
    }
  w->stats.tuvs_empty += empty;
  w->stats.tuvs_filtered += filtered + (tu->n_tuvs - n_check);
  size_t need = w->opts.min_langs > 1 ? w->opts.min_langs : 1;
  if (keep == 0 || n_distinct < need)
    {
      w->stats.units_skipped++;
      return TMC_OK;
    }

  /* The source variant: the unit's own srclang, else the file's; exact
     tag first, then the same primary subtag; else the first.  */
  size_t first = (size_t) -1;
  for (size_t i = 0; i < n_check && first == (size_t) -1; i++)
    if (vs[i].kept)
      first = i;
  if (!w->header_written)
    {
      choose_srclang (w, vs[first].tag);
      enum tmc_status st = write_header (w, err);
      if (st != TMC_OK)
        {
          w->failed = 1;
          return st;
        }
    }
  size_t src = (size_t) -1;
  char want[2][TMC_TMX_TAG_MAX];
  int n_want = 0;
  if (tu->srclang && strcmp (tu->srclang, "*all*") != 0)
    {
      if (strlen (tu->srclang) >= TMC_TMX_TAG_MAX)
        return tag_too_long (w, err);
      canonical_tag (w, tu->srclang, want[n_want++]);
    }
  memcpy (want[n_want++], w->srclang, TMC_TMX_TAG_MAX);
  for (int k = 0; k < n_want && src == (size_t) -1; k++)
    {
      for (size_t i = 0; i < n_check && src == (size_t) -1; i++)
        if (vs[i].kept && tmc_tmx_streq_ci (vs[i].tag, want[k]))
          src = i;
      for (size_t i = 0; i < n_check && src == (size_t) -1; i++)
        if (vs[i].kept && tmc_lang_match (vs[i].tag, want[k]))
          src = i;
    }
  if (src == (size_t) -1)
    src = first;

  enum tmc_status st;
  if (put (w, "    <tu"))
    return nomem (err);
  size_t dropped_before = w->stats.chars_dropped;
  if (tu->tuid)
    {
      st = put_attr (w, "tuid", tu->tuid, err);
      if (st != TMC_OK)
        return st;
    }
  if (!tmc_tmx_streq_ci (vs[src].tag, w->srclang))
    {
      st = put_attr (w, "srclang", vs[src].tag, err);
      if (st != TMC_OK)
        return st;
    }
  st = put_meta_attrs (w, &tu->meta, "tu", 0, err);
  if (st != TMC_OK)
    return st;
  if (put (w, ">\n"))
    return nomem (err);
  if (!(w->opts.flags & TMC_TMX_NO_PROPS))
    {
      st = put_props (w, &tu->meta, "      ", err);
      if (st != TMC_OK)
        return st;
    }
  for (size_t k = 0; k < n_check; k++)
    {
      /* The source first, then the others in their order.  */
      size_t i = k == 0 ? src : (k <= src ? k - 1 : k);
      if (!vs[i].kept)
        continue;
      const struct tmc_tuv *v = &tu->tuvs[i];
      if (put (w, "      <tuv"))
        return nomem (err);
      st = put_attr (w, "xml:lang", vs[i].tag, err);
      if (st != TMC_OK)
        return st;
      st = put_meta_attrs (w, &v->meta, "tuv", 1, err);
      if (st != TMC_OK)
        return st;
      int has_props = !(w->opts.flags & TMC_TMX_NO_PROPS)
                      && v->meta.n_props + v->meta.n_notes > 0;
      if (has_props)
        {
          if (put (w, ">\n"))
            return nomem (err);
          st = put_props (w, &v->meta, "        ", err);
          if (st != TMC_OK)
            return st;
          if (put (w, "        <seg>"))
            return nomem (err);
        }
      else if (put (w, "><seg>"))
        return nomem (err);
      if (v->markup && *v->markup)
        st = put_markup (w, v->markup, tu->tuid, err);
      else
        st = put_escaped (w, v->text, strlen (v->text), 0, err);
      if (st != TMC_OK)
        return st;
      if (put (w, has_props ? "</seg>\n      </tuv>\n" : "</seg></tuv>\n"))
        return nomem (err);
      w->stats.tuvs++;
    }
  if (put (w, "    </tu>\n"))
    return nomem (err);
  if (w->stats.chars_dropped != dropped_before && w->first_dropped_tuid == NULL
      && tu->tuid)
    w->first_dropped_tuid = tmc_strdup (tu->tuid);
  w->stats.units++;
  if (w->out.len >= FLUSH_AT)
    return flush_out (w, err);
  return TMC_OK;
}

/* ------------------------------------------------------------------ */
/* Life cycle.  */

enum tmc_status
tmc_tmx_writer_new (FILE *fp, const struct tmc_tm_header *header,
                    const struct tmc_tmx_write_opts *opts,
                    tmc_tmx_writer **writer, struct tmc_error *err)
{
  *writer = NULL;
  tmc_tmx_writer *w = calloc (1, sizeof *w);
  if (w == NULL)
    return nomem (err);
  w->cd = (iconv_t) -1;
  w->fp = fp;
  if (opts)
    w->opts = *opts;
  else
    tmc_tmx_write_opts_init (&w->opts);
  w->opts.langs = NULL;  /* copied below */
  enum tmc_status st = TMC_OK;
  if (opts && opts->langmap)
    {
      w->map = *opts->langmap;
      w->have_map = 1;
    }
  if (opts && opts->langs)
    {
      if (opts->n_langs > TMC_TMX_LANGMAP_MAX)
        st = tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                            _("too many languages (at most %d)"),
                            TMC_TMX_LANGMAP_MAX);
      for (size_t i = 0; st == TMC_OK && i < opts->n_langs; i++)
        {
          char canon[TMC_TMX_TAG_MAX];
          if (tmc_tmx_lang_canonical (opts->langs[i], NULL, canon,
                                      sizeof canon) != 0)
            st = tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                                _("'%s' is not a well-formed language tag"),
                                opts->langs[i]);
          else
            tmc_lang_primary (canon, w->langs[w->n_langs++], 16);
        }
    }
  if (st == TMC_OK && header_copy (&w->header, header) != 0)
    st = nomem (err);
  /* The source language, when it can be known now.  */
  const char *srclang = opts ? opts->srclang : NULL;
  if (st == TMC_OK && srclang)
    {
      if (tmc_tmx_lang_canonical (srclang, w->have_map ? &w->map : NULL,
                                  w->srclang, sizeof w->srclang) != 0)
        st = tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                            _("'%s' is not a well-formed language tag"),
                            srclang);
    }
  else if (st == TMC_OK)
    {
      const char *h = header->srclang;
      char canon[TMC_TMX_TAG_MAX];
      if (h && strcmp (h, "*all*") != 0
          && tmc_tmx_lang_canonical (h, w->have_map ? &w->map : NULL, canon,
                                     sizeof canon) == 0
          && lang_kept (w, canon))
        memcpy (w->srclang, canon, sizeof canon);
      else if (w->n_langs > 0)
        tmc_tmx_lang_canonical (opts->langs[0], w->have_map ? &w->map : NULL,
                                w->srclang, sizeof w->srclang);
    }
  if (st == TMC_OK)
    {
      if (w->opts.date >= 0)
        w->date = w->opts.date;
      else
        st = tmc_tmx_now (&w->date, err);
    }
  if (st == TMC_OK && (w->opts.encoding == TMC_TMX_UTF16LE
                       || w->opts.encoding == TMC_TMX_UTF16BE))
    {
      w->cd = iconv_open (w->opts.encoding == TMC_TMX_UTF16LE ? "UTF-16LE"
                                                              : "UTF-16BE",
                          "UTF-8");
      if (w->cd == (iconv_t) -1)
        st = tmc_error_set (err, TMC_ERR_UNSUPPORTED, NULL, 0, 0,
                            _("iconv cannot convert to UTF-16"));
    }
  if (st != TMC_OK)
    {
      tmc_tmx_writer_free (w);
      return st;
    }
  *writer = w;
  return TMC_OK;
}

void
tmc_tmx_writer_free (tmc_tmx_writer *w)
{
  if (w == NULL)
    return;
  tmc_tmx_header_destroy (&w->header);
  tmc_buf_destroy (&w->out);
  tmc_buf_destroy (&w->conv);
  if (w->cd != (iconv_t) -1)
    iconv_close (w->cd);
  free (w->first_dropped_tuid);
  for (size_t i = 0; i < w->n_warned; i++)
    free (w->warned[i]);
  free (w->warned);
  free (w->vs);
  if (w->markup_parser)
    XML_ParserFree (w->markup_parser);
  free (w);
}

enum tmc_status
tmc_tmx_writer_finish (tmc_tmx_writer *w, struct tmc_tmx_write_stats *stats,
                       struct tmc_error *err)
{
  enum tmc_status st = TMC_OK;
  if (w->failed)
    st = tmc_error_set (err, TMC_ERR_INVALID_ARG, w->opts.name, 0, 0,
                        _("the TMX writer failed before"));
  if (st == TMC_OK && !w->header_written)
    {
      if (w->srclang[0] == '\0')
        choose_srclang (w, "en");
      st = write_header (w, err);
    }
  if (st == TMC_OK && put (w, "  </body>\n</tmx>\n"))
    st = nomem (err);
  if (st == TMC_OK)
    st = flush_out (w, err);
  if (st == TMC_OK && fflush (w->fp) != 0)
    st = tmc_error_set_errno (err, errno ? errno : EIO, w->opts.name,
                              _("cannot write TMX"));
  if (st == TMC_OK && w->stats.chars_dropped > 0)
    {
      if (w->first_dropped_tuid)
        tmc_warn (w->opts.warn, w->opts.name, 0, 0,
                  dngettext (PACKAGE,
                             "dropped %zu character that XML 1.0 does not "
                             "allow (the first in unit %s)",
                             "dropped %zu characters that XML 1.0 does not "
                             "allow (the first in unit %s)",
                             w->stats.chars_dropped),
                  w->stats.chars_dropped, w->first_dropped_tuid);
      else
        tmc_warn (w->opts.warn, w->opts.name, 0, 0,
                  dngettext (PACKAGE,
                             "dropped %zu character that XML 1.0 does not "
                             "allow",
                             "dropped %zu characters that XML 1.0 does not "
                             "allow",
                             w->stats.chars_dropped),
                  w->stats.chars_dropped);
    }
  if (stats)
    *stats = w->stats;
  tmc_tmx_writer_free (w);
  return st;
}

/* ------------------------------------------------------------------ */
/* Whole translation memories.  */

/* The tag of the language most units of TM have among those OPTS keeps
   (the first such tag as written), or NULL.  */
static const char *
most_common_lang (const struct tmc_tm *tm, const tmc_tmx_writer *w)
{
  struct {
    char p[16];
    const char *tag;
    size_t n;
  } seen[TMC_TMX_LANGMAP_MAX];
  size_t n_seen = 0;
  for (size_t u = 0; u < tm->n_tus; u++)
    {
      const struct tmc_tu *tu = &tm->tus[u];
      for (size_t i = 0; i < tu->n_tuvs; i++)
        {
          const struct tmc_tuv *v = &tu->tuvs[i];
          if (v->lang == NULL || !lang_kept (w, v->lang) || !tuv_has_text (v))
            continue;
          char p[16];
          tmc_lang_primary (v->lang, p, sizeof p);
          /* Count a language once per unit.  */
          int dup = 0;
          for (size_t j = 0; j < i && !dup; j++)
            dup = tu->tuvs[j].lang && tmc_lang_match (tu->tuvs[j].lang, p)
                  && tuv_has_text (&tu->tuvs[j]);
          if (dup)
            continue;
          size_t k;
          for (k = 0; k < n_seen; k++)
            if (strcmp (seen[k].p, p) == 0)
              break;
          if (k == n_seen)
            {
              if (n_seen == TMC_TMX_LANGMAP_MAX)
                continue;
              memcpy (seen[k].p, p, sizeof p);
              seen[k].tag = v->lang;
              seen[k].n = 0;
              n_seen++;
            }
          seen[k].n++;
        }
    }
  const char *best = NULL;
  size_t best_n = 0;
  for (size_t k = 0; k < n_seen; k++)
    if (seen[k].n > best_n)
      {
        best = seen[k].tag;
        best_n = seen[k].n;
      }
  return best;
}

enum tmc_status
tmc_tmx_write_stream (const struct tmc_tm *tm, FILE *fp,
                      const struct tmc_tmx_write_opts *opts,
                      struct tmc_tmx_write_stats *stats,
                      struct tmc_error *err)
{
  tmc_tmx_writer *w;
  enum tmc_status st = tmc_tmx_writer_new (fp, &tm->header, opts, &w, err);
  if (st != TMC_OK)
    return st;
  if (w->srclang[0] == '\0')
    {
      const char *best = most_common_lang (tm, w);
      if (best)
        canonical_tag (w, best, w->srclang);
    }
  for (size_t i = 0; i < tm->n_tus && st == TMC_OK; i++)
    st = tmc_tmx_writer_add (w, &tm->tus[i], err);
  if (st != TMC_OK)
    {
      tmc_tmx_writer_free (w);
      return st;
    }
  return tmc_tmx_writer_finish (w, stats, err);
}

enum tmc_status
tmc_tmx_write (const struct tmc_tm *tm, const char *path,
               const struct tmc_tmx_write_opts *opts,
               struct tmc_tmx_write_stats *stats, struct tmc_error *err)
{
  tmc_output *out;
  enum tmc_status st = tmc_output_open (path, &out, err);
  if (st != TMC_OK)
    return st;
  struct tmc_tmx_write_opts o;
  if (opts)
    o = *opts;
  else
    tmc_tmx_write_opts_init (&o);
  if (o.name == NULL)
    o.name = path;
  st = tmc_tmx_write_stream (tm, tmc_output_stream (out), &o, stats, err);
  if (st != TMC_OK)
    {
      tmc_output_abort (out);
      return st;
    }
  return tmc_output_commit (out, err);
}
