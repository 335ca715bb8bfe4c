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
#define TAG_CACHE 4

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
  /* Tags made canonical lately: raw tag and result.  */
  struct {
    char raw[TMC_TMX_TAG_MAX];
    char canon[TMC_TMX_TAG_MAX];
    char primary[16];  /* of canon */
    int kept;          /* lang_kept (raw) */
  } tag_cache[TAG_CACHE];
  unsigned tag_cache_next;
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

/* Append the N bytes at S: tmc_buf_append with the common case
   inline.  */
static inline int
put_n (tmc_tmx_writer *w, const char *s, size_t n)
{
  return tmc_tmx_buf_add (&w->out, s, n);
}

static int
put (tmc_tmx_writer *w, const char *s)
{
  return put_n (w, s, strlen (s));
}

/* Append a string literal.  */
#define PUT_LIT(w, lit) put_n ((w), (lit), sizeof (lit) - 1)

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
  if (PUT_LIT (w, " ") || put (w, name) || PUT_LIT (w, "=\""))
    return nomem (err);
  enum tmc_status st = put_escaped (w, value, strlen (value), 1, err);
  if (st != TMC_OK)
    return st;
  if (tmc_buf_putc (&w->out, '"'))
    return nomem (err);
  return TMC_OK;
}

static int first_time (tmc_tmx_writer *w, const char *key);

static void
warn_attr_dropped (tmc_tmx_writer *w, const char *element, const char *name,
                   const char *value)
{
  w->stats.attrs_dropped++;
  char key[128];
  snprintf (key, sizeof key, "%s %s", element, name);
  if (first_time (w, key))
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
      if (put (w, indent) || PUT_LIT (w, "<prop"))
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
      if (PUT_LIT (w, ">"))
        return nomem (err);
      st = put_escaped (w, p->value, strlen (p->value), 0, err);
      if (st != TMC_OK)
        return st;
      if (PUT_LIT (w, "</prop>\n"))
        return nomem (err);
    }
  for (size_t i = 0; i < m->n_notes; i++)
    {
      if (put (w, indent) || PUT_LIT (w, "<note>"))
        return nomem (err);
      enum tmc_status st = put_escaped (w, m->notes[i], strlen (m->notes[i]),
                                        0, err);
      if (st != TMC_OK)
        return st;
      if (PUT_LIT (w, "</note>\n"))
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
      if (PUT_LIT (w, "/>\n"))
        return nomem (err);
    }
  else
    {
      if (PUT_LIT (w, ">\n"))
        return nomem (err);
      enum tmc_status st = put_props (w, &h->meta, "    ", err);
      if (st != TMC_OK)
        return st;
      if (PUT_LIT (w, "  </header>\n"))
        return nomem (err);
    }
  if (PUT_LIT (w, "  <body>\n"))
    return nomem (err);
  w->header_written = 1;
  return TMC_OK;
}

/* ------------------------------------------------------------------ */
/* Inline markup: parsed with expat and written again, so that only
   well-formed TMX inline content reaches the file.  */

#define MARKUP_DEPTH 64

struct markup_ctx {
  tmc_tmx_writer *w;
  const char *tuid;
  int pass;  /* 0: collect the i of bpt and ept; 1: write */
  const char *names[MARKUP_DEPTH];  /* the element written at each level */
  enum tmc_tmx_inline kinds[MARKUP_DEPTH];
  int depth;
  const char *bad;  /* an element that is not allowed */
  char bad_name[32];
  int oom;
  /* The i of each bpt and ept in document order (NULL: none), and
     whether it has its partner.  */
  char **bpt_i, **ept_i;
  unsigned char *bpt_ok, *ept_ok;
  size_t n_bpt, n_ept, bpt_cap, ept_cap, bpt_ok_cap, ept_ok_cap;
  size_t bpt_at, ept_at;  /* pass 1: the next bpt, ept */
};

static void
markup_ctx_destroy (struct markup_ctx *c)
{
  for (size_t i = 0; i < c->n_bpt; i++)
    free (c->bpt_i[i]);
  for (size_t i = 0; i < c->n_ept; i++)
    free (c->ept_i[i]);
  free (c->bpt_i);
  free (c->ept_i);
  free (c->bpt_ok);
  free (c->ept_ok);
}

/* Warn once per writer about KEY.  */
static int
first_time (tmc_tmx_writer *w, const char *key)
{
  for (size_t i = 0; i < w->n_warned; i++)
    if (strcmp (w->warned[i], key) == 0)
      return 0;
  char *copy = tmc_strdup (key);
  if (copy == NULL || tmc_grow ((void **) &w->warned, &w->warned_cap,
                                w->n_warned + 1, sizeof *w->warned) != 0)
    {
      free (copy);
      return 0;
    }
  w->warned[w->n_warned++] = copy;
  return 1;
}

static int
push_i (char ***v, size_t *n, size_t *cap, const char *i)
{
  if (tmc_grow ((void **) v, cap, *n + 1, sizeof **v) != 0)
    return -1;
  char *copy = NULL;
  if (i && (copy = tmc_strdup (i)) == NULL)
    return -1;
  (*v)[(*n)++] = copy;
  return 0;
}

static size_t
count_i (char **v, size_t n, const char *i)
{
  size_t k = 0;
  for (size_t j = 0; j < n; j++)
    k += v[j] && strcmp (v[j], i) == 0;
  return k;
}

/* Write attribute NAME=VALUE of the inline element ELEMENT when it is
   valid there; else leave it out with a warning.  */
static void
markup_attr (struct markup_ctx *c, const char *element,
             enum tmc_tmx_inline kind, const char *name, const char *value)
{
  tmc_tmx_writer *w = c->w;
  int ok = tmc_tmx_inline_attr_ok (kind, name);
  if (ok && strcmp (name, "x") == 0)
    ok = tmc_tmx_is_number (value);
  else if (ok && strcmp (name, "assoc") == 0)
    ok = !strcmp (value, "p") || !strcmp (value, "f") || !strcmp (value, "b");
  if (!ok)
    {
      warn_attr_dropped (w, element, name, value);
      return;
    }
  struct tmc_error e;
  if (put_attr (w, name, value, &e) == TMC_ERR_NOMEM)
    c->oom = 1;
}

static void XMLCALL
markup_start (void *data, const XML_Char *name, const XML_Char **atts)
{
  struct markup_ctx *c = data;
  tmc_tmx_writer *w = c->w;
  if (c->depth == 0)
    {
      c->depth = 1;  /* the <seg> wrapper */
      c->kinds[0] = TMC_INL_NONE;
      return;
    }
  enum tmc_tmx_inline k = tmc_tmx_inline_kind (name);
  if (k == TMC_INL_NONE || !tmc_tmx_inline_child_ok (c->kinds[c->depth - 1],
                                                     k)
      || c->depth >= MARKUP_DEPTH)
    {
      if (c->bad == NULL)
        {
          snprintf (c->bad_name, sizeof c->bad_name, "%s", name);
          c->bad = c->bad_name;
        }
      XML_StopParser (w->markup_parser, XML_FALSE);
      return;
    }
  int d = c->depth++;
  c->kinds[d] = k;
  const char *i = NULL, *pos = NULL;
  for (int j = 0; atts[j]; j += 2)
    if (strcmp (atts[j], "i") == 0)
      i = atts[j + 1];
    else if (strcmp (atts[j], "pos") == 0)
      pos = atts[j + 1];
  if (c->pass == 0)
    {
      if ((k == TMC_INL_BPT
           && push_i (&c->bpt_i, &c->n_bpt, &c->bpt_cap, i) != 0)
          || (k == TMC_INL_EPT
              && push_i (&c->ept_i, &c->n_ept, &c->ept_cap, i) != 0))
        c->oom = 1;
      return;
    }
  /* What is written: a bpt or ept without its partner becomes an
     isolated code, <it>; an <it> without a valid pos a <ph>.  */
  const char *out = name;
  const char *it_pos = NULL;
  char key[64];
  if ((k == TMC_INL_BPT && !c->bpt_ok[c->bpt_at++])
      || (k == TMC_INL_EPT && !c->ept_ok[c->ept_at++]))
    {
      out = "it";
      it_pos = k == TMC_INL_BPT ? "begin" : "end";
      snprintf (key, sizeof key, "markup %s", name);
      if (first_time (w, key))
        tmc_warn (w->opts.warn, w->opts.name, 0, 0,
                  _("unit %s: <%s> without its partner in the segment is "
                    "written as <it> (here and wherever else it occurs)"),
                  c->tuid ? c->tuid : "?", name);
    }
  else if (k == TMC_INL_IT && (pos == NULL || (strcmp (pos, "begin") != 0
                                               && strcmp (pos, "end") != 0)))
    {
      out = "ph";
      if (first_time (w, "markup it"))
        tmc_warn (w->opts.warn, w->opts.name, 0, 0,
                  _("unit %s: <it> without pos=\"begin\" or pos=\"end\" is "
                    "written as <ph> (here and wherever else it occurs)"),
                  c->tuid ? c->tuid : "?");
    }
  c->names[d] = out;
  enum tmc_tmx_inline ok = tmc_tmx_inline_kind (out);
  if (tmc_buf_putc (&w->out, '<') || put (w, out))
    c->oom = 1;
  if (it_pos)
    {
      struct tmc_error e;
      if (put_attr (w, "pos", it_pos, &e) == TMC_ERR_NOMEM)
        c->oom = 1;
    }
  for (int j = 0; atts[j]; j += 2)
    {
      /* The i of a code written as <it>, the pos of one written as
         <ph>, are not carried over.  */
      if (out != name && (strcmp (atts[j], "i") == 0
                          || strcmp (atts[j], "pos") == 0))
        continue;
      markup_attr (c, out, ok, atts[j], atts[j + 1]);
    }
  if (PUT_LIT (w, ">"))
    c->oom = 1;
}

static void XMLCALL
markup_end (void *data, const XML_Char *name)
{
  struct markup_ctx *c = data;
  (void) name;
  c->depth--;
  if (c->depth == 0 || c->pass == 0)
    return;
  if (PUT_LIT (c->w, "</") || put (c->w, c->names[c->depth])
      || PUT_LIT (c->w, ">"))
    c->oom = 1;
}

static void XMLCALL
markup_text (void *data, const XML_Char *s, int len)
{
  struct markup_ctx *c = data;
  if (c->pass == 0)
    return;
  int r = tmc_tmx_escape (&c->w->out, s, (size_t) len, 0,
                          &c->w->stats.chars_dropped);
  if (r == -2)
    c->oom = 1;
}

/* Parse MARKUP wrapped in <seg> with the handlers of C.  */
static int
markup_parse (tmc_tmx_writer *w, struct markup_ctx *c, const char *markup,
              size_t len)
{
  XML_Parser p = w->markup_parser;
  XML_ParserReset (p, "UTF-8");
  XML_SetUserData (p, c);
  XML_SetElementHandler (p, markup_start, markup_end);
  XML_SetCharacterDataHandler (p, markup_text);
  c->depth = 0;
  return XML_Parse (p, "<seg>", 5, XML_FALSE) == XML_STATUS_OK
         && XML_Parse (p, markup, (int) len, XML_FALSE) == XML_STATUS_OK
         && XML_Parse (p, "</seg>", 6, XML_TRUE) == XML_STATUS_OK
         && c->depth == 0;
}

static enum tmc_status
put_markup (tmc_tmx_writer *w, const char *markup, const char *tuid,
            struct tmc_error *err)
{
  size_t len = strlen (markup);
  if (len > (size_t) 0x7fffffff - 16)
    return tmc_error_set (err, TMC_ERR_LIMIT, w->opts.name, 0, 0,
                          _("unit %s: inline markup larger than 2 GiB"),
                          tuid ? tuid : "?");
  if (w->markup_parser == NULL)
    {
      w->markup_parser = XML_ParserCreate ("UTF-8");
      if (w->markup_parser == NULL)
        return nomem (err);
    }
  struct markup_ctx c;
  memset (&c, 0, sizeof c);
  c.w = w;
  c.tuid = tuid;
  size_t mark = w->out.len;
  /* Pass 0 pairs the codes, pass 1 writes.  */
  int ok = markup_parse (w, &c, markup, len);
  if (ok && !c.oom)
    {
      if (tmc_grow ((void **) &c.bpt_ok, &c.bpt_ok_cap, c.n_bpt + 1, 1) != 0
          || tmc_grow ((void **) &c.ept_ok, &c.ept_ok_cap, c.n_ept + 1, 1)
               != 0)
        c.oom = 1;
      for (size_t k = 0; !c.oom && k < c.n_bpt; k++)
        c.bpt_ok[k] = c.bpt_i[k]
                      && count_i (c.bpt_i, c.n_bpt, c.bpt_i[k]) == 1
                      && count_i (c.ept_i, c.n_ept, c.bpt_i[k]) == 1;
      for (size_t k = 0; !c.oom && k < c.n_ept; k++)
        c.ept_ok[k] = c.ept_i[k]
                      && count_i (c.ept_i, c.n_ept, c.ept_i[k]) == 1
                      && count_i (c.bpt_i, c.n_bpt, c.ept_i[k]) == 1;
      c.pass = 1;
      if (!c.oom)
        ok = markup_parse (w, &c, markup, len);
    }
  enum XML_Error code = XML_GetErrorCode (w->markup_parser);
  markup_ctx_destroy (&c);
  if (c.oom)
    return nomem (err);
  if (!ok)
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
                            tuid ? tuid : "?", XML_ErrorString (code));
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

/* The canonical form of TAG (after the language map) into BUF, its
   primary subtag into PRIMARY (16 bytes; may be NULL), and whether the
   writer keeps its language (lang_kept).  The same few tags come back in
   every unit: the last ones are remembered.  */
static int
tag_info (tmc_tmx_writer *w, const char *tag, char *buf, char *primary)
{
  for (int i = 0; i < TAG_CACHE; i++)
    if (w->tag_cache[i].raw[0] && strcmp (w->tag_cache[i].raw, tag) == 0)
      {
        memcpy (buf, w->tag_cache[i].canon, TMC_TMX_TAG_MAX);
        if (primary)
          memcpy (primary, w->tag_cache[i].primary, 16);
        return w->tag_cache[i].kept;
      }
  tmc_tmx_lang_canonical (tag, w->have_map ? &w->map : NULL, buf,
                          TMC_TMX_TAG_MAX);
  char p[16];
  tmc_lang_primary (buf, p, sizeof p);
  if (primary)
    memcpy (primary, p, sizeof p);
  int kept = lang_kept (w, tag);
  if (strlen (tag) < TMC_TMX_TAG_MAX)
    {
      int k = w->tag_cache_next++ % TAG_CACHE;
      strcpy (w->tag_cache[k].raw, tag);
      memcpy (w->tag_cache[k].canon, buf, TMC_TMX_TAG_MAX);
      memcpy (w->tag_cache[k].primary, p, sizeof p);
      w->tag_cache[k].kept = kept;
    }
  return kept;
}

static void
canonical_tag (tmc_tmx_writer *w, const char *tag, char *buf)
{
  tag_info (w, tag, buf, NULL);
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
      char p[16];
      if (v->lang == NULL || *v->lang == '\0'
          || !tag_info (w, v->lang, vs[i].tag, p))
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
      /* The first variant whose tag is a language tag: the header's
         srclang must be one (TMX 1.4b; tmconv reads back no other).  */
      size_t pick = (size_t) -1;
      for (size_t i = first; i < n_check; i++)
        if (vs[i].kept && tmc_tmx_lang_valid (vs[i].tag))
          {
            pick = i;
            break;
          }
      /* None is: "*all*", which TMX allows there, rather than a
         variant's tag picked by its place (the next reading would put
         another variant first and pick another).  */
      if (pick == (size_t) -1 && w->srclang[0] == '\0')
        memcpy (w->srclang, "*all*", sizeof "*all*");
      else if (pick != (size_t) -1)
        choose_srclang (w, vs[pick].tag);
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
  if (PUT_LIT (w, "    <tu"))
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
  if (PUT_LIT (w, ">\n"))
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
      if (PUT_LIT (w, "      <tuv"))
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
          if (PUT_LIT (w, ">\n"))
            return nomem (err);
          st = put_props (w, &v->meta, "        ", err);
          if (st != TMC_OK)
            return st;
          if (PUT_LIT (w, "        <seg>"))
            return nomem (err);
        }
      else if (PUT_LIT (w, "><seg>"))
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
  if (PUT_LIT (w, "    </tu>\n"))
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
  if (st == TMC_OK && PUT_LIT (w, "  </body>\n</tmx>\n"))
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

/* Counting the languages of units, for the language most units have
   among those the writer keeps.  */
struct lang_count {
  const tmc_tmx_writer *w;
  struct {
    char p[16];
    char tag[TMC_TMX_TAG_MAX];  /* the first tag as written */
    size_t n;
  } seen[TMC_TMX_LANGMAP_MAX];
  size_t n_seen;
};

static void
lang_count_add (struct lang_count *lc, const struct tmc_tu *tu)
{
  for (size_t i = 0; i < tu->n_tuvs; i++)
    {
      const struct tmc_tuv *v = &tu->tuvs[i];
      if (v->lang == NULL || !lang_kept (lc->w, v->lang) || !tuv_has_text (v))
        continue;
      /* Only a language tag can be the header's srclang.  */
      char canon[TMC_TMX_TAG_MAX];
      if (tmc_tmx_lang_canonical (v->lang, NULL, canon, sizeof canon) != 0)
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
      for (k = 0; k < lc->n_seen; k++)
        if (strcmp (lc->seen[k].p, p) == 0)
          break;
      if (k == lc->n_seen)
        {
          if (lc->n_seen == TMC_TMX_LANGMAP_MAX)
            continue;
          memcpy (lc->seen[k].p, p, sizeof p);
          /* A well-formed tag fits: canonical form keeps its length.  */
          snprintf (lc->seen[k].tag, sizeof lc->seen[k].tag, "%s", v->lang);
          lc->seen[k].n = 0;
          lc->n_seen++;
        }
      lc->seen[k].n++;
    }
}

/* The tag of the language most units counted have (the first such tag
   as written), or NULL.  */
static const char *
lang_count_best (const struct lang_count *lc)
{
  const char *best = NULL;
  size_t best_n = 0;
  for (size_t k = 0; k < lc->n_seen; k++)
    if (lc->seen[k].n > best_n)
      {
        best = lc->seen[k].tag;
        best_n = lc->seen[k].n;
      }
  return best;
}

/* Calls FN with DATA on each unit of a source of units, in order, until
   FN returns something other than TMC_OK.  */
typedef enum tmc_status each_unit_fn (const void *source,
                                      tmc_tmx_merged_fn *fn, void *data,
                                      struct tmc_error *err);

static enum tmc_status
each_tm_unit (const void *source, tmc_tmx_merged_fn *fn, void *data,
              struct tmc_error *err)
{
  const struct tmc_tm *tm = source;
  enum tmc_status st = TMC_OK;
  for (size_t i = 0; i < tm->n_tus && st == TMC_OK; i++)
    st = fn (data, &tm->tus[i], err);
  return st;
}

static enum tmc_status
each_merged_unit (const void *source, tmc_tmx_merged_fn *fn, void *data,
                  struct tmc_error *err)
{
  return tmc_tmx_merger_each ((tmc_tmx_merger *) source, fn, data, err);
}

static enum tmc_status
count_unit (void *data, const struct tmc_tu *tu, struct tmc_error *err)
{
  (void) err;
  lang_count_add (data, tu);
  return TMC_OK;
}

static enum tmc_status
write_unit (void *data, const struct tmc_tu *tu, struct tmc_error *err)
{
  return tmc_tmx_writer_add (data, tu, err);
}

/* Write the units of SOURCE (EACH goes over them) with HEADER to FP.
   With no srclang in OPTS and none usable in the header, the source is
   the language most units have, counted in a first pass.  */
static enum tmc_status
write_units (const void *source, each_unit_fn *each,
             const struct tmc_tm_header *header, FILE *fp,
             const struct tmc_tmx_write_opts *opts,
             struct tmc_tmx_write_stats *stats, struct tmc_error *err)
{
  tmc_tmx_writer *w;
  enum tmc_status st = tmc_tmx_writer_new (fp, header, opts, &w, err);
  if (st != TMC_OK)
    return st;
  if (w->srclang[0] == '\0')
    {
      struct lang_count *lc = malloc (sizeof *lc);
      if (lc == NULL)
        st = nomem (err);
      else
        {
          lc->w = w;
          lc->n_seen = 0;
          st = each (source, count_unit, lc, err);
          const char *best = lang_count_best (lc);
          if (st == TMC_OK && best)
            canonical_tag (w, best, w->srclang);
          free (lc);
        }
    }
  if (st == TMC_OK)
    st = each (source, write_unit, w, err);
  if (st != TMC_OK)
    {
      tmc_tmx_writer_free (w);
      return st;
    }
  return tmc_tmx_writer_finish (w, stats, err);
}

/* The same to the file PATH through tmc_output_open.  */
static enum tmc_status
write_units_to (const void *source, each_unit_fn *each,
                const struct tmc_tm_header *header, const char *path,
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
  st = write_units (source, each, header, tmc_output_stream (out), &o, stats,
                    err);
  if (st != TMC_OK)
    {
      tmc_output_abort (out);
      return st;
    }
  return tmc_output_commit (out, err);
}

enum tmc_status
tmc_tmx_write_stream (const struct tmc_tm *tm, FILE *fp,
                      const struct tmc_tmx_write_opts *opts,
                      struct tmc_tmx_write_stats *stats,
                      struct tmc_error *err)
{
  return write_units (tm, each_tm_unit, &tm->header, fp, opts, stats, err);
}

enum tmc_status
tmc_tmx_write (const struct tmc_tm *tm, const char *path,
               const struct tmc_tmx_write_opts *opts,
               struct tmc_tmx_write_stats *stats, struct tmc_error *err)
{
  return write_units_to (tm, each_tm_unit, &tm->header, path, opts, stats,
                         err);
}

enum tmc_status
tmc_tmx_merger_write_stream (tmc_tmx_merger *m,
                             const struct tmc_tm_header *header, FILE *fp,
                             const struct tmc_tmx_write_opts *opts,
                             struct tmc_tmx_write_stats *stats,
                             struct tmc_error *err)
{
  return write_units (m, each_merged_unit, header, fp, opts, stats, err);
}

enum tmc_status
tmc_tmx_merger_write (tmc_tmx_merger *m, const struct tmc_tm_header *header,
                      const char *path, const struct tmc_tmx_write_opts *opts,
                      struct tmc_tmx_write_stats *stats,
                      struct tmc_error *err)
{
  return write_units_to (m, each_merged_unit, header, path, opts, stats,
                         err);
}
