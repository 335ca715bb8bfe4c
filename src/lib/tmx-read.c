/* TMX reader and validator: expat, streaming.

   The reader keeps a stack of the open elements and builds one unit at a
   time; a unit goes to the caller's callback at its </tu> and is freed
   afterwards.  What breaks the TMX 1.4b rules is reported through
   report (): to the violation handler when validating, else as a
   warning, each kind once with a count at the end.  What cannot be read
   at all (malformed XML, an entity declaration, too deep, too large)
   stops the parser with an error.  */

#include <errno.h>
#include <expat.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "tmx-internal.h"
#include "xml.h"

#define DEFAULT_MAX_DEPTH 64
#define DEFAULT_MAX_UNIT ((size_t) 256 * 1024 * 1024)
#define DEFAULT_CHUNK ((size_t) 256 * 1024)
#define MAX_KINDS 96

enum el {
  E_NONE = 0,
  E_TMX,
  E_HEADER,
  E_BODY,
  E_TU,
  E_TUV,
  E_SEG,
  E_PROP,
  E_NOTE,
  E_UDE,
  E_MAP,
  E_INLINE,      /* bpt ept it ph hi sub ut */
  E_UNK_INLINE,  /* an unknown element inside a <seg>: tags dropped */
  E_SKIP         /* a subtree that is skipped */
};

static const char *const el_names[] = {
  "", "tmx", "header", "body", "tu", "tuv", "seg", "prop", "note", "ude",
  "map", "", "", ""
};

struct frame {
  unsigned char el;
  unsigned char inl;          /* enum tmc_tmx_inline for E_INLINE */
  unsigned char text_warned;  /* text in element-only content reported */
  unsigned char seen_main;    /* tmx: header seen; tu: a tuv; tuv: seg */
  unsigned char seen_body;    /* tmx: body seen */
  unsigned char ude_code;     /* ude: a map has code */
  unsigned char ude_base;     /* ude: has base */
  const char *name;           /* the element name, for E_INLINE and
                                 E_UNK_INLINE (points into names) */
};

struct kind {
  const char *fmt;
  size_t count;
  char message[TMC_ERROR_MESSAGE_MAX];  /* the first one */
};

struct reader {
  struct tmc_xml_guard guard;  /* first: the parser's user data */
  XML_Parser p;
  const char *name;  /* for messages */
  const struct tmc_tmx_read_opts *opts;
  unsigned max_depth;
  size_t max_unit;
  size_t chunk;
  struct frame *stack;
  unsigned depth;
  unsigned skipping;  /* > 0 inside a skipped subtree */
  int stopped;
  enum tmc_status status;
  struct tmc_error e;  /* the error, when status != TMC_OK */

  struct tmc_tm_header header;
  int header_done;
  int utf16;           /* the input starts with a UTF-16 BOM */
  int old_version;     /* TMX 1.1 or 1.2, where 'lang' is right */
  char *bad_encoding;  /* an encoding the handler could not map */

  /* The unit being read.  */
  struct tmc_tu tu;
  int in_tu;
  unsigned long tu_line, tu_col;
  size_t unit_bytes;
  /* The variant being read.  */
  struct tmc_buf tuv_lang;  /* empty: the variant has no language */
  struct tmc_meta tuv_meta;
  int tuv_seg;         /* its <seg> was read */
  int in_first_seg;    /* inside the first <seg> of the variant */
  unsigned long seg_line, seg_col;
  struct tmc_buf seg_text, seg_markup;
  int seg_inline;      /* the seg has inline elements */
  unsigned code_depth; /* inside bpt/ept/it/ph/ut */
  /* bpt and ept 'i' values of the seg, where they are.  */
  struct code_i {
    long i;
    unsigned long line, column;
  } *bpt_i, *ept_i;
  size_t n_bpt, n_ept, bpt_cap, ept_cap;
  char *srclang;       /* the header's, kept after it is delivered */
  /* A <prop> or <note> being read.  */
  struct tmc_buf text;
  struct tmc_buf prop_type, prop_lang;
  int prop_has_lang;
  int positions;       /* give units and segments their line and column */
  int light;           /* no units built: the variant, prop, unit_end
                          callbacks instead */
  size_t unit_tuvs;    /* variants of the unit so far */
  int unit_src_found;  /* one of them is in the unit's source language */
  int text_on;         /* the text handler is set (light mode) */

  struct kind kinds[MAX_KINDS];
  size_t n_kinds;
  struct tmc_tmx_read_stats stats;
};

/* ------------------------------------------------------------------ */
/* Reporting.  */

static unsigned long
cur_line (const struct reader *r)
{
  return (unsigned long) XML_GetCurrentLineNumber (r->p);
}

static unsigned long
cur_col (const struct reader *r)
{
  return (unsigned long) XML_GetCurrentColumnNumber (r->p) + 1;
}

/* Stop with STATUS and a message at the current position.  */
static void
fail (struct reader *r, enum tmc_status status, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

static void
fail (struct reader *r, enum tmc_status status, const char *fmt, ...)
{
  if (r->stopped)
    return;
  r->stopped = 1;
  r->status = status;
  r->e.status = status;
  r->e.sys_errno = 0;
  snprintf (r->e.file, sizeof r->e.file, "%s", r->name);
  r->e.line = cur_line (r);
  r->e.column = cur_col (r);
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (r->e.message, sizeof r->e.message, fmt, ap);
  va_end (ap);
  XML_StopParser (r->p, XML_FALSE);
}

static void
guard_fail (struct tmc_xml_guard *g, enum tmc_status status,
            const char *message)
{
  fail ((struct reader *) g, status, "%s", message);
}

static void
fail_nomem (struct reader *r)
{
  fail (r, TMC_ERR_NOMEM, "%s", _("out of memory"));
}

/* Report a breach of the rules (VIOLATION 1) or a matter a CAT tool may
   stumble on (VIOLATION 0) at LINE:COLUMN (0: the current position).  */
static void
report (struct reader *r, int violation, unsigned long line,
        unsigned long column, const char *fmt, ...)
  __attribute__ ((format (printf, 5, 6)));

static void
report (struct reader *r, int violation, unsigned long line,
        unsigned long column, const char *fmt, ...)
{
  if (line == 0)
    {
      line = cur_line (r);
      column = cur_col (r);
    }
  const struct tmc_warn_handler *h;
  if (violation && r->opts->violation)
    {
      r->stats.violations++;
      h = r->opts->violation;
    }
  else
    {
      /* Inside the body, a kind of warning is given once and counted
         afterwards; the header's are all given.  */
      r->stats.warnings++;
      size_t k = r->n_kinds;
      if (r->header_done)
        for (k = 0; k < r->n_kinds; k++)
          if (r->kinds[k].fmt == fmt)
            break;
      if (k < r->n_kinds)
        {
          r->kinds[k].count++;
          return;
        }
      h = r->opts->warn;
    }
  struct tmc_error w;
  memset (&w, 0, sizeof w);
  snprintf (w.file, sizeof w.file, "%s", r->name);
  w.line = line;
  w.column = column;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (w.message, sizeof w.message, fmt, ap);
  va_end (ap);
  if (h == r->opts->warn && r->header_done && r->n_kinds < MAX_KINDS)
    {
      struct kind *k = &r->kinds[r->n_kinds++];
      k->fmt = fmt;
      k->count = 1;
      memcpy (k->message, w.message, sizeof k->message);
    }
  if (h == NULL || h->fn == NULL)
    return;
  h->fn (h->data, &w);
}

/* Whether R validates: then what is right in older TMX versions but
   breaks TMX 1.4b is reported too.  */
static int
validating (const struct reader *r)
{
  return r->opts->violation != NULL;
}

/* After the read: how many more warnings of each kind there were.  */
static void
report_counts (struct reader *r)
{
  for (size_t k = 0; k < r->n_kinds; k++)
    if (r->kinds[k].count > 1)
      {
        size_t more = r->kinds[k].count - 1;
        tmc_warn (r->opts->warn, r->name, 0, 0,
                  dngettext (PACKAGE, "%zu more warning like: %s",
                             "%zu more warnings like: %s", more),
                  more, r->kinds[k].message);
      }
}

/* ------------------------------------------------------------------ */
/* Small helpers.  */

/* 1 when the N bytes at S are XML white space (what separates elements);
   else whether they are any white space at all.  */
static inline int
blank (const char *s, size_t n)
{
  size_t i = 0;
  /* Indentation: eight spaces at a time.  */
  for (; i + 8 <= n; i += 8)
    {
      uint64_t x;
      memcpy (&x, s + i, 8);
      if (x != 0x2020202020202020ULL)
        break;
    }
  for (; i < n; i++)
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
      return tmc_tmx_all_space (s + i, n - i);
  return 1;
}

static const char *
attr_get (const XML_Char **atts, const char *name)
{
  for (int i = 0; atts[i]; i += 2)
    if (strcmp (atts[i], name) == 0)
      return atts[i + 1];
  return NULL;
}

/* Add N bytes to the size of the unit; fail when it is too large.  */
static int
grow_unit (struct reader *r, size_t n)
{
  r->unit_bytes += n;
  if (r->unit_bytes > r->max_unit)
    {
      fail (r, TMC_ERR_LIMIT,
            _("translation unit larger than the limit of %zu bytes"),
            r->max_unit);
      return -1;
    }
  return 0;
}

static void
check_lang (struct reader *r, const char *what, const char *v)
{
  if (!tmc_tmx_lang_valid (v))
    report (r, 1, 0, 0, _("%s '%s' is not a valid language code"), what, v);
}

static void
check_date (struct reader *r, const char *element, const char *name,
            const char *v)
{
  long long secs;
  int form = tmc_tmx_parse_date (v, &secs);
  if (form == 1)
    return;
  if (form == 2)
    report (r, 1, 0, 0,
            _("<%s> %s=\"%s\" is not in the TMX form YYYYMMDDThhmmssZ"),
            element, name, v);
  else
    report (r, 1, 0, 0, _("<%s> %s=\"%s\" is not a date"), element, name,
            v);
}

/* Check the attribute NAME=V of a unit (TUV 0) or variant (TUV 1).  */
static void
check_unit_attr (struct reader *r, const char *element, const char *name,
                 const char *v)
{
  if (tmc_tmx_is_date_attr (name))
    check_date (r, element, name, v);
  else if (strcmp (name, "usagecount") == 0 && !tmc_tmx_is_number (v))
    report (r, 1, 0, 0, _("<%s> usagecount=\"%s\" is not a number"),
            element, v);
  else if (strcmp (name, "segtype") == 0 && !tmc_tmx_segtype_ok (v))
    report (r, 1, 0, 0,
            _("<%s> segtype=\"%s\" is not block, paragraph, sentence or "
              "phrase"), element, v);
}

static void
unknown_attr (struct reader *r, const char *element, const char *name)
{
  report (r, 1, 0, 0, _("<%s> has an attribute '%s' that TMX 1.4 does not "
                        "define"), element, name);
}

static int
set_str (char **field, const char *v)
{
  free (*field);
  *field = tmc_strdup (v);
  return *field ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* Elements.  */

static void
start_tmx (struct reader *r, const XML_Char **atts)
{
  const char *version = NULL;
  for (int i = 0; atts[i]; i += 2)
    if (strcmp (atts[i], "version") == 0)
      version = atts[i + 1];
    else
      unknown_attr (r, "tmx", atts[i]);
  if (version == NULL)
    report (r, 1, 0, 0, _("<tmx> has no version attribute"));
  else
    {
      if (set_str (&r->header.version, version) != 0)
        {
          fail_nomem (r);
          return;
        }
      if (strcmp (version, "1.4") != 0)
        {
          static const char *const known[] = { "1.1", "1.2", "1.3", "1.4a",
                                               "1.4b" };
          int ok = 0;
          for (size_t i = 0; i < TMC_ARRAY_SIZE (known); i++)
            ok |= strcmp (version, known[i]) == 0;
          r->old_version = !strcmp (version, "1.1")
                           || !strcmp (version, "1.2");
          /* An older version is read as it is; only validation
             against 1.4b says so.  */
          if (ok && validating (r))
            report (r, 1, 0, 0, _("TMX version \"%s\": TMX 1.4b requires "
                                  "version=\"1.4\""), version);
          else if (!ok)
            report (r, 1, 0, 0, _("unknown TMX version \"%s\": read as "
                                  "TMX 1.4"), version);
        }
    }
}

static void
start_header (struct reader *r, const XML_Char **atts)
{
  struct tmc_tm_header *h = &r->header;
  static const char *const required[] = {
    "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang",
    "srclang", "datatype"
  };
  for (int i = 0; atts[i]; i += 2)
    {
      const char *n = atts[i], *v = atts[i + 1];
      char **field = NULL;
      if (!strcmp (n, "creationtool"))
        field = &h->creationtool;
      else if (!strcmp (n, "creationtoolversion"))
        field = &h->creationtoolversion;
      else if (!strcmp (n, "segtype"))
        field = &h->segtype;
      else if (!strcmp (n, "o-tmf"))
        field = &h->o_tmf;
      else if (!strcmp (n, "adminlang"))
        field = &h->adminlang;
      else if (!strcmp (n, "srclang"))
        field = &h->srclang;
      else if (!strcmp (n, "datatype"))
        field = &h->datatype;
      else if (!strcmp (n, "o-encoding"))
        field = &h->o_encoding;
      else if (!strcmp (n, "creationdate"))
        field = &h->creationdate;
      else if (!strcmp (n, "creationid"))
        field = &h->creationid;
      else if (!strcmp (n, "changedate"))
        field = &h->changedate;
      else if (!strcmp (n, "changeid"))
        field = &h->changeid;
      if (field)
        {
          if (set_str (field, v) != 0)
            {
              fail_nomem (r);
              return;
            }
        }
      else
        {
          unknown_attr (r, "header", n);
          if (tmc_meta_add_attr (&h->meta, n, v) != 0)
            {
              fail_nomem (r);
              return;
            }
        }
    }
  for (size_t i = 0; i < TMC_ARRAY_SIZE (required); i++)
    if (attr_get (atts, required[i]) == NULL)
      report (r, 1, 0, 0, _("<header> lacks the required attribute %s"),
              required[i]);
  if (h->segtype && !tmc_tmx_segtype_ok (h->segtype))
    report (r, 1, 0, 0,
            _("<%s> segtype=\"%s\" is not block, paragraph, sentence or "
              "phrase"), "header", h->segtype);
  if (h->adminlang)
    check_lang (r, "adminlang", h->adminlang);
  if (h->srclang)
    {
      if (strcmp (h->srclang, "*all*") == 0)
        report (r, 0, 0, 0, _("srclang=\"*all*\": no language is the source; "
                              "Poedit and translate-toolkit then find no "
                              "source text"));
      else
        check_lang (r, "srclang", h->srclang);
    }
  if (h->creationdate)
    check_date (r, "header", "creationdate", h->creationdate);
  if (h->changedate)
    check_date (r, "header", "changedate", h->changedate);
}

/* Hand the header to the caller, once.  */
static void
deliver_header (struct reader *r)
{
  if (r->header_done)
    return;
  r->header_done = 1;
  if (r->header.srclang
      && (r->srclang = tmc_strdup (r->header.srclang)) == NULL)
    {
      fail_nomem (r);
      return;
    }
  if (r->opts->header)
    {
      struct tmc_error e;
      tmc_error_clear (&e);
      enum tmc_status st = r->opts->header (r->opts->data, &r->header, &e);
      if (st != TMC_OK && !r->stopped)
        {
          r->stopped = 1;
          r->status = st;
          r->e = e;
          r->e.status = st;
          XML_StopParser (r->p, XML_FALSE);
        }
    }
}

static void
start_tu (struct reader *r, const XML_Char **atts)
{
  if (!r->light)
    tmc_tu_init (&r->tu);
  r->in_tu = 1;
  r->tu_line = r->positions ? cur_line (r) : 0;
  r->tu_col = r->positions ? cur_col (r) : 0;
  r->unit_bytes = 0;
  r->unit_tuvs = 0;
  r->unit_src_found = 0;
  for (int i = 0; atts[i]; i += 2)
    {
      const char *n = atts[i], *v = atts[i + 1];
      int bad = 0;
      if (!strcmp (n, "tuid"))
        bad = r->light ? 0 : set_str (&r->tu.tuid, v);
      else if (!strcmp (n, "srclang"))
        {
          bad = set_str (&r->tu.srclang, v);
          if (strcmp (v, "*all*") != 0)
            check_lang (r, "srclang", v);
        }
      else
        {
          if (tmc_tmx_unit_attr_ok (n, 0))
            check_unit_attr (r, "tu", n, v);
          else
            unknown_attr (r, "tu", n);
          bad = r->light ? 0 : tmc_meta_add_attr (&r->tu.meta, n, v);
        }
      if (bad)
        {
          fail_nomem (r);
          return;
        }
    }
}

static void
start_tuv (struct reader *r, const XML_Char **atts)
{
  tmc_buf_reset (&r->tuv_lang);
  memset (&r->tuv_meta, 0, sizeof r->tuv_meta);
  r->tuv_seg = 0;
  const char *xml_lang = NULL, *lang = NULL;
  int others = 0;
  for (int i = 0; atts[i]; i += 2)
    if (strcmp (atts[i], "xml:lang") == 0)
      xml_lang = atts[i + 1];
    else if (strcmp (atts[i], "lang") == 0)
      lang = atts[i + 1];
    else
      others = 1;
  if (xml_lang == NULL && lang != NULL)
    {
      if (!r->old_version || validating (r))
        report (r, 1, 0, 0, _("<tuv> has the deprecated attribute 'lang' "
                              "but no 'xml:lang', which TMX 1.4 requires"));
    }
  else if (xml_lang == NULL)
    report (r, 1, 0, 0, _("<tuv> has no xml:lang attribute: the variant is "
                          "left out"));
  else if (lang != NULL)
    report (r, 0, 0, 0, _("<tuv> has the deprecated attribute 'lang' "
                          "besides 'xml:lang'"));
  const char *l = xml_lang ? xml_lang : lang;
  if (l)
    {
      check_lang (r, "xml:lang", l);
      if (tmc_buf_puts (&r->tuv_lang, l) != 0)
        {
          fail_nomem (r);
          return;
        }
    }
  for (int i = 0; others && atts[i]; i += 2)
    {
      const char *n = atts[i], *v = atts[i + 1];
      if (!strcmp (n, "xml:lang") || !strcmp (n, "lang"))
        continue;
      if (tmc_tmx_unit_attr_ok (n, 1))
        check_unit_attr (r, "tuv", n, v);
      else
        unknown_attr (r, "tuv", n);
      if (tmc_meta_add_attr (&r->tuv_meta, n, v) != 0)
        {
          fail_nomem (r);
          return;
        }
    }
}

static void
start_seg (struct reader *r, const XML_Char **atts)
{
  for (int i = 0; atts[i]; i += 2)
    report (r, 1, 0, 0, _("<seg> has an attribute '%s'; TMX allows none: "
                          "ignored"), atts[i]);
  tmc_buf_reset (&r->seg_text);
  tmc_buf_reset (&r->seg_markup);
  r->seg_inline = 0;
  r->code_depth = 0;
  r->n_bpt = r->n_ept = 0;
  r->in_first_seg = 1;
  r->seg_line = r->positions ? cur_line (r) : 0;
  r->seg_col = r->positions ? cur_col (r) : 0;
}

static void
start_prop_note (struct reader *r, int is_prop, const XML_Char **atts)
{
  tmc_buf_reset (&r->text);
  tmc_buf_reset (&r->prop_type);
  tmc_buf_reset (&r->prop_lang);
  r->prop_has_lang = 0;
  const char *element = is_prop ? "prop" : "note";
  const char *type = NULL, *xml_lang = NULL, *lang = NULL;
  for (int i = 0; atts[i]; i += 2)
    {
      const char *n = atts[i], *v = atts[i + 1];
      if (is_prop && !strcmp (n, "type"))
        type = v;
      else if (!strcmp (n, "xml:lang"))
        xml_lang = v;
      else if (!strcmp (n, "lang"))
        lang = v;
      else if (!strcmp (n, "o-encoding"))
        report (r, 0, 0, 0, _("<%s> o-encoding=\"%s\" is not kept"), element,
                v);
      else
        unknown_attr (r, element, n);
    }
  if (is_prop && type == NULL)
    report (r, 1, 0, 0, _("<prop> lacks the required attribute type"));
  if (lang && !xml_lang && (!r->old_version || validating (r)))
    report (r, 0, 0, 0, _("<%s> has the deprecated attribute 'lang' instead "
                          "of 'xml:lang'"), element);
  const char *l = xml_lang ? xml_lang : lang;
  if (l)
    check_lang (r, "xml:lang", l);
  if (!is_prop && l)
    report (r, 0, 0, 0, _("the language of a <note> is not kept"));
  if (is_prop)
    {
      r->prop_has_lang = l != NULL;
      if (tmc_buf_puts (&r->prop_type, type ? type : "") != 0
          || (l && tmc_buf_puts (&r->prop_lang, l) != 0))
        fail_nomem (r);
    }
}

/* The meta of the element that a prop or note just closed belongs to
   (the element now at the top of the stack).  */
static struct tmc_meta *
owner_meta (struct reader *r)
{
  if (r->depth < 1)
    return NULL;
  switch (r->stack[r->depth - 1].el)
    {
    case E_HEADER:
      return &r->header.meta;
    case E_TU:
      return &r->tu.meta;
    case E_TUV:
      return &r->tuv_meta;
    default:
      return NULL;
    }
}

static int
push_i (struct reader *r, struct code_i **v, size_t *n, size_t *cap, long i)
{
  if (tmc_grow ((void **) v, cap, *n + 1, sizeof **v) != 0)
    return -1;
  (*v)[*n].i = i;
  (*v)[*n].line = r->positions ? cur_line (r) : 0;
  (*v)[*n].column = r->positions ? cur_col (r) : 0;
  (*n)++;
  return 0;
}

static int
parse_int (const char *s, long *out)
{
  if (!tmc_tmx_is_number (s) || strlen (s) > 9)
    return -1;
  *out = strtol (s, NULL, 10);
  return 0;
}

static void
start_inline (struct reader *r, struct frame *f, const char *name,
              enum tmc_tmx_inline k, const XML_Char **atts)
{
  f->inl = (unsigned char) k;
  struct tmc_buf *m = &r->seg_markup;
  if (!r->seg_inline)
    {
      /* The markup is built from the first inline element on: what came
         before is plain text.  */
      size_t dropped = 0;
      r->seg_inline = 1;
      if (tmc_tmx_escape (m, r->seg_text.data ? r->seg_text.data : "",
                          r->seg_text.len, 0, &dropped) != 0)
        {
          fail_nomem (r);
          return;
        }
      if (grow_unit (r, m->len) != 0)
        return;
    }
  size_t before = m->len;
  if (tmc_buf_putc (m, '<') || tmc_buf_puts (m, name))
    {
      fail_nomem (r);
      return;
    }
  int has_i = 0, has_pos = 0;
  for (int i = 0; atts[i]; i += 2)
    {
      const char *n = atts[i], *v = atts[i + 1];
      if (!tmc_tmx_inline_attr_ok (k, n))
        {
          report (r, 1, 0, 0, _("<%s> has an attribute '%s' that TMX 1.4 "
                                "does not define: left out"), name, n);
          continue;
        }
      long iv;
      if (!strcmp (n, "i"))
        {
          has_i = 1;
          if (parse_int (v, &iv) != 0)
            report (r, 1, 0, 0, _("<%s> i=\"%s\" is not an integer"), name,
                    v);
          else if (k == TMC_INL_BPT)
            {
              for (size_t j = 0; j < r->n_bpt; j++)
                if (r->bpt_i[j].i == iv)
                  {
                    report (r, 1, 0, 0, _("<bpt> i=\"%s\" is used twice in "
                                          "the segment"), v);
                    break;
                  }
              if (push_i (r, &r->bpt_i, &r->n_bpt, &r->bpt_cap, iv) != 0)
                {
                  fail_nomem (r);
                  return;
                }
            }
          else if (push_i (r, &r->ept_i, &r->n_ept, &r->ept_cap, iv) != 0)
            {
              fail_nomem (r);
              return;
            }
        }
      else if (!strcmp (n, "x") && parse_int (v, &iv) != 0)
        report (r, 1, 0, 0, _("<%s> x=\"%s\" is not an integer"), name, v);
      else if (!strcmp (n, "pos"))
        {
          has_pos = 1;
          if (strcmp (v, "begin") != 0 && strcmp (v, "end") != 0)
            report (r, 1, 0, 0, _("<it> pos=\"%s\" is not begin or end"), v);
        }
      else if (!strcmp (n, "assoc") && strcmp (v, "p") && strcmp (v, "f")
               && strcmp (v, "b"))
        report (r, 1, 0, 0, _("<ph> assoc=\"%s\" is not p, f or b"), v);
      size_t dropped = 0;
      if (tmc_buf_putc (m, ' ') || tmc_buf_puts (m, n)
          || tmc_buf_puts (m, "=\"")
          || tmc_tmx_escape (m, v, strlen (v), 1, &dropped) != 0
          || tmc_buf_putc (m, '"'))
        {
          fail_nomem (r);
          return;
        }
    }
  if ((k == TMC_INL_BPT || k == TMC_INL_EPT) && !has_i)
    report (r, 1, 0, 0, _("<%s> lacks the required attribute i"), name);
  if (k == TMC_INL_IT && !has_pos)
    report (r, 1, 0, 0, _("<it> lacks the required attribute pos"));
  if (k == TMC_INL_UT)
    report (r, 0, 0, 0, _("<ut> is deprecated in TMX 1.4"));
  if (tmc_buf_putc (m, '>'))
    {
      fail_nomem (r);
      return;
    }
  if (tmc_tmx_inline_is_code (k))
    r->code_depth++;
  grow_unit (r, m->len - before);
}

static enum el
classify (const char *name)
{
  switch (name[0])
    {
    case 't':
      if (!strcmp (name, "tu"))
        return E_TU;
      if (!strcmp (name, "tuv"))
        return E_TUV;
      if (!strcmp (name, "tmx"))
        return E_TMX;
      break;
    case 's':
      if (!strcmp (name, "seg"))
        return E_SEG;
      break;
    case 'p':
      if (!strcmp (name, "prop"))
        return E_PROP;
      break;
    case 'n':
      if (!strcmp (name, "note"))
        return E_NOTE;
      break;
    case 'h':
      if (!strcmp (name, "header"))
        return E_HEADER;
      break;
    case 'b':
      if (!strcmp (name, "body"))
        return E_BODY;
      break;
    case 'u':
      if (!strcmp (name, "ude"))
        return E_UDE;
      break;
    case 'm':
      if (!strcmp (name, "map"))
        return E_MAP;
      break;
    }
  return E_NONE;
}

static const char *
frame_name (const struct frame *f)
{
  if (f->el == E_INLINE || f->el == E_UNK_INLINE)
    return f->name;
  return el_names[f->el];
}

static void
start_element (struct reader *r, const XML_Char *name, const XML_Char **atts)
{
  if (r->stopped)
    return;
  if (r->depth >= r->max_depth)
    {
      fail (r, TMC_ERR_LIMIT, _("elements nested deeper than %u"),
            r->max_depth);
      return;
    }
  struct frame *parent = r->depth ? &r->stack[r->depth - 1] : NULL;
  struct frame *f = &r->stack[r->depth++];
  memset (f, 0, sizeof *f);
  if (r->skipping)
    {
      f->el = E_SKIP;
      r->skipping++;
      return;
    }
  enum el e = classify (name);
  enum el pe = parent ? (enum el) parent->el : E_NONE;

  if (pe == E_SEG || pe == E_INLINE || pe == E_UNK_INLINE)
    {
      enum tmc_tmx_inline k = tmc_tmx_inline_kind (name);
      enum tmc_tmx_inline pk = TMC_INL_NONE;
      if (pe == E_INLINE)
        pk = (enum tmc_tmx_inline) parent->inl;
      if (pe == E_UNK_INLINE)
        {
          /* Find the nearest known ancestor.  */
          for (unsigned d = r->depth - 1; d-- > 0;)
            if (r->stack[d].el == E_INLINE)
              {
                pk = (enum tmc_tmx_inline) r->stack[d].inl;
                break;
              }
            else if (r->stack[d].el == E_SEG)
              break;
        }
      if (k != TMC_INL_NONE && tmc_tmx_inline_child_ok (pk, k))
        {
          f->el = E_INLINE;
          f->name = k == TMC_INL_BPT ? "bpt" : k == TMC_INL_EPT ? "ept"
                    : k == TMC_INL_IT ? "it" : k == TMC_INL_PH ? "ph"
                    : k == TMC_INL_HI ? "hi" : k == TMC_INL_SUB ? "sub"
                    : "ut";
          start_inline (r, f, f->name, k, atts);
          return;
        }
      f->el = E_UNK_INLINE;
      f->name = "?";
      if (k != TMC_INL_NONE)
        report (r, 1, 0, 0, _("<%s> is not allowed in <%s>: its tags are "
                              "left out, its text kept"),
                name, frame_name (parent));
      else
        report (r, 1, 0, 0, _("unknown element <%s> in a segment: its tags "
                              "are left out, its text kept"), name);
      return;
    }

  int ok = 0, reported = 0;
  switch (pe)
    {
    case E_NONE:
      if (e != E_TMX)
        {
          fail (r, TMC_ERR_FORMAT,
                _("not a TMX document: the root element is <%s>, not <tmx>"),
                name);
          return;
        }
      f->el = E_TMX;
      start_tmx (r, atts);
      return;
    case E_TMX:
      if (e == E_HEADER)
        {
          ok = 1;
          if (parent->seen_main || parent->seen_body)
            {
              report (r, 1, 0, 0, parent->seen_body
                      ? _("<header> after <body>: skipped")
                      : _("a second <header>: skipped"));
              ok = 0;
              reported = 1;
            }
          parent->seen_main = 1;
          if (ok)
            {
              f->el = E_HEADER;
              start_header (r, atts);
              return;
            }
        }
      else if (e == E_BODY)
        {
          if (parent->seen_body)
            report (r, 1, 0, 0, _("a second <body>"));
          if (!parent->seen_main)
            {
              report (r, 1, 0, 0, _("<tmx> has no <header> before <body>"));
              parent->seen_main = 1;
            }
          parent->seen_body = 1;
          for (int i = 0; atts[i]; i += 2)
            unknown_attr (r, "body", atts[i]);
          deliver_header (r);
          f->el = E_BODY;
          return;
        }
      break;
    case E_HEADER:
      ok = e == E_PROP || e == E_NOTE || e == E_UDE;
      if (e == E_UDE)
        {
          report (r, 0, 0, 0, _("user-defined character mappings (<ude>) "
                                "are not kept"));
          if (attr_get (atts, "name") == NULL)
            report (r, 1, 0, 0, _("<ude> lacks the required attribute "
                                  "name"));
          f->ude_base = attr_get (atts, "base") != NULL;
          for (int i = 0; atts[i]; i += 2)
            if (strcmp (atts[i], "name") && strcmp (atts[i], "base"))
              unknown_attr (r, "ude", atts[i]);
        }
      break;
    case E_UDE:
      ok = e == E_MAP;
      if (ok)
        {
          if (attr_get (atts, "unicode") == NULL)
            report (r, 1, 0, 0, _("<map> lacks the required attribute "
                                  "unicode"));
          if (attr_get (atts, "code"))
            parent->ude_code = 1;
          for (int i = 0; atts[i]; i += 2)
            if (strcmp (atts[i], "unicode") && strcmp (atts[i], "code")
                && strcmp (atts[i], "ent") && strcmp (atts[i], "subst"))
              unknown_attr (r, "map", atts[i]);
        }
      break;
    case E_BODY:
      ok = e == E_TU;
      if (ok)
        {
          f->el = E_TU;
          start_tu (r, atts);
          return;
        }
      break;
    case E_TU:
      if (e == E_PROP || e == E_NOTE)
        {
          ok = 1;
          if (parent->seen_main)
            report (r, 1, 0, 0, _("<%s> after <tuv> in <tu>: TMX puts notes "
                                  "and props first"), name);
        }
      else if (e == E_TUV)
        {
          parent->seen_main = 1;
          f->el = E_TUV;
          start_tuv (r, atts);
          return;
        }
      break;
    case E_TUV:
      if (e == E_PROP || e == E_NOTE)
        {
          ok = 1;
          if (parent->seen_main)
            report (r, 1, 0, 0, _("<%s> after <seg> in <tuv>: TMX puts notes "
                                  "and props first"), name);
        }
      else if (e == E_SEG)
        {
          if (parent->seen_main)
            {
              report (r, 1, 0, 0, _("a second <seg> in <tuv>: skipped"));
              reported = 1;
              break;
            }
          parent->seen_main = 1;
          f->el = E_SEG;
          start_seg (r, atts);
          return;
        }
      break;
    default:
      break;
    }
  if (ok)
    {
      f->el = (unsigned char) e;
      if (e == E_PROP || e == E_NOTE)
        start_prop_note (r, e == E_PROP, atts);
      return;
    }
  /* Not allowed here: skip the whole element.  */
  if (!reported)
    {
      if (e == E_NONE)
        report (r, 1, 0, 0, _("unknown element <%s> in <%s>: skipped"), name,
                frame_name (parent));
      else
        report (r, 1, 0, 0, _("<%s> is not allowed in <%s>: skipped"), name,
                frame_name (parent));
    }
  f->el = E_SKIP;
  r->skipping = 1;
}

/* Check the bpt/ept pairs of the seg just read.  */
static void
check_pairs (struct reader *r)
{
  for (size_t i = 0; i < r->n_bpt; i++)
    {
      size_t j;
      for (j = 0; j < r->n_ept; j++)
        if (r->ept_i[j].i == r->bpt_i[i].i)
          break;
      if (j == r->n_ept)
        report (r, 1, r->bpt_i[i].line, r->bpt_i[i].column,
                _("<bpt> i=\"%ld\" has no <ept> with the same i in the "
                  "segment"), r->bpt_i[i].i);
    }
  for (size_t j = 0; j < r->n_ept; j++)
    {
      size_t i;
      for (i = 0; i < r->n_bpt; i++)
        if (r->ept_i[j].i == r->bpt_i[i].i)
          break;
      if (i == r->n_bpt)
        report (r, 1, r->ept_i[j].line, r->ept_i[j].column,
                _("<ept> i=\"%ld\" has no <bpt> with the same i in the "
                  "segment"), r->ept_i[j].i);
    }
}

static void
end_seg (struct reader *r)
{
  check_pairs (r);
  r->in_first_seg = 0;
  r->tuv_seg = 1;
  const char *t = r->seg_text.data ? r->seg_text.data : "";
  size_t n = r->seg_text.len;
  if (n == 0 && !r->seg_inline)
    report (r, 0, r->seg_line, r->seg_col, _("empty segment"));
  else if (!r->seg_inline && tmc_tmx_all_space (t, n))
    report (r, 0, r->seg_line, r->seg_col,
            _("segment of nothing but white space"));
  else if (n > 0)
    {
      unsigned int c0, c1;
      const unsigned char *s = (const unsigned char *) t;
      size_t len0 = tmc_tmx_utf8_next (s, n, &c0);
      /* The last character: back up over continuation bytes.  */
      size_t k = n - 1;
      while (k > 0 && (s[k] & 0xC0) == 0x80)
        k--;
      size_t len1 = tmc_tmx_utf8_next (s + k, n - k, &c1);
      if ((len0 && tmc_tmx_is_space (c0)) || (len1 && tmc_tmx_is_space (c1)))
        report (r, 0, r->seg_line, r->seg_col,
                _("segment begins or ends with white space, "
                              "which keeps it from matching exactly in CAT "
                              "tools"));
    }
}

/* 1 when LANG is the source language of the unit being read (its own
   srclang, else the header's), compared as canonical tags so that a
   malformed srclang ("en_US") is reported once, where it is.  */
static int
is_source (const struct reader *r, const char *lang)
{
  const char *src = r->tu.srclang ? r->tu.srclang : r->srclang;
  if (src == NULL || strcmp (src, "*all*") == 0)
    return 1;
  if (tmc_tmx_streq_ci (lang, src))
    return 1;
  char want[TMC_TMX_TAG_MAX], have[TMC_TMX_TAG_MAX];
  tmc_tmx_lang_canonical (src, NULL, want, sizeof want);
  tmc_tmx_lang_canonical (lang, NULL, have, sizeof have);
  return tmc_tmx_streq_ci (have, want);
}

/* Stop with what callback returned, when it was not TMC_OK.  */
static void
callback_status (struct reader *r, enum tmc_status st,
                 const struct tmc_error *e)
{
  if (st != TMC_OK && !r->stopped)
    {
      r->stopped = 1;
      r->status = st;
      r->e = *e;
      r->e.status = st;
      XML_StopParser (r->p, XML_FALSE);
    }
}

static void
end_tuv (struct reader *r)
{
  if (!r->tuv_seg)
    {
      report (r, 1, 0, 0, _("<tuv> has no <seg>: the variant is left out"));
      goto done;
    }
  if (r->tuv_lang.len == 0)
    goto done;
  r->unit_tuvs++;
  if (!r->unit_src_found)
    r->unit_src_found = is_source (r, r->tuv_lang.data);
  r->stats.tuvs++;
  if (r->light)
    {
      if (r->opts->variant)
        {
          struct tmc_error e;
          tmc_error_clear (&e);
          callback_status (r, r->opts->variant (r->opts->data,
                                                r->tuv_lang.data,
                                                r->seg_text.data
                                                ? r->seg_text.data : "",
                                                r->seg_text.len, &e), &e);
        }
      goto done;
    }
  struct tmc_tuv *v = tmc_tu_add_tuv (&r->tu, r->tuv_lang.data,
                                      r->seg_text.data ? r->seg_text.data : "",
                                      r->seg_text.len);
  if (v == NULL)
    {
      fail_nomem (r);
      goto done;
    }
  v->meta = r->tuv_meta;
  memset (&r->tuv_meta, 0, sizeof r->tuv_meta);
  if (r->seg_inline)
    {
      v->markup = tmc_strndup (r->seg_markup.data, r->seg_markup.len);
      if (v->markup == NULL)
        fail_nomem (r);
    }
done:
  tmc_tmx_meta_free (&r->tuv_meta);  /* when it was not moved */
  tmc_buf_reset (&r->tuv_lang);
}

static void
end_tu (struct reader *r)
{
  struct tmc_tu *tu = &r->tu;
  if (r->unit_tuvs == 0)
    report (r, 1, r->tu_line, r->tu_col, _("<tu> has no <tuv>"));
  else
    {
      if (r->unit_tuvs == 1)
        report (r, 0, r->tu_line, r->tu_col,
                _("unit with a single variant: nothing to translate"));
      if (!r->unit_src_found)
        report (r, 1, r->tu_line, r->tu_col,
                _("unit has no variant in its source language %s"),
                tu->srclang ? tu->srclang : r->srclang);
    }
  r->stats.units++;
  r->in_tu = 0;
  struct tmc_error e;
  tmc_error_clear (&e);
  if (r->opts->unit)
    callback_status (r, r->opts->unit (r->opts->data, tu, r->tu_line,
                                       r->tu_col, &e), &e);
  else if (r->light && r->opts->unit_end)
    callback_status (r, r->opts->unit_end (r->opts->data, &e), &e);
  if (r->light)
    {
      /* Only the srclang is kept in light mode.  */
      free (tu->srclang);
      tu->srclang = NULL;
    }
  else
    tmc_tu_destroy (tu);
}

static void
end_element (struct reader *r)
{
  if (r->depth == 0)
    return;
  struct frame *f = &r->stack[--r->depth];
  if (r->stopped)
    return;
  if (r->skipping)
    {
      r->skipping--;
      return;
    }
  switch (f->el)
    {
    case E_HEADER:
      deliver_header (r);
      break;
    case E_TMX:
      if (!f->seen_body)
        report (r, 1, 0, 0, _("<tmx> has no <body>"));
      break;
    case E_TU:
      end_tu (r);
      break;
    case E_TUV:
      end_tuv (r);
      break;
    case E_SEG:
      end_seg (r);
      break;
    case E_UDE:
      if (f->ude_code && !f->ude_base)
        report (r, 1, 0, 0, _("<ude> has a <map> with code but no base "
                              "attribute"));
      break;
    case E_PROP:
    case E_NOTE:
      {
        struct tmc_meta *m = owner_meta (r);
        const char *t = r->text.data ? r->text.data : "";
        int bad = 0;
        if (r->light)
          {
            /* Only the unit's props, to the prop callback.  */
            if (f->el == E_PROP && m == &r->tu.meta && r->opts->unit_prop)
              {
                struct tmc_error e;
                tmc_error_clear (&e);
                callback_status (r, r->opts->unit_prop (r->opts->data,
                                                        r->prop_type.data
                                                        ? r->prop_type.data
                                                        : "", t, &e), &e);
              }
          }
        else if (m && f->el == E_PROP)
          bad = tmc_meta_add_prop (m, r->prop_type.data ? r->prop_type.data
                                                        : "",
                                   r->prop_has_lang ? r->prop_lang.data
                                                    : NULL, t);
        else if (m)
          bad = tmc_meta_add_note (m, t);
        if (bad)
          fail_nomem (r);
        break;
      }
    case E_INLINE:
      {
        struct tmc_buf *mk = &r->seg_markup;
        if (tmc_buf_puts (mk, "</") || tmc_buf_puts (mk, f->name)
            || tmc_buf_putc (mk, '>'))
          fail_nomem (r);
        else
          grow_unit (r, strlen (f->name) + 3);
        if (tmc_tmx_inline_is_code ((enum tmc_tmx_inline) f->inl))
          r->code_depth--;
        break;
      }
    default:
      break;
    }
}

/* In light mode, expat is given the text handler only inside the
   elements whose text is used: the runs of white space between the other
   elements then cost nothing (and text where TMX has none goes
   unremarked).  */
static void XMLCALL on_text (void *data, const XML_Char *s, int len);

static void
text_switch (struct reader *r)
{
  if (!r->light)
    return;
  int on = 0;
  if (r->depth > 0 && !r->skipping)
    switch (r->stack[r->depth - 1].el)
      {
      case E_SEG:
      case E_INLINE:
      case E_UNK_INLINE:
      case E_PROP:
      case E_NOTE:
        on = 1;
        break;
      default:
        break;
      }
  if (on != r->text_on)
    {
      XML_SetCharacterDataHandler (r->p, on ? on_text : NULL);
      r->text_on = on;
    }
}

static void XMLCALL
on_start (void *data, const XML_Char *name, const XML_Char **atts)
{
  struct reader *r = data;
  start_element (r, name, atts);
  text_switch (r);
}

static void XMLCALL
on_end (void *data, const XML_Char *name)
{
  struct reader *r = data;
  (void) name;
  end_element (r);
  text_switch (r);
}

static void XMLCALL
on_text (void *data, const XML_Char *s, int len)
{
  struct reader *r = data;
  if (r->stopped || r->skipping || r->depth == 0)
    return;
  struct frame *f = &r->stack[r->depth - 1];
  size_t n = (size_t) len;
  switch (f->el)
    {
    case E_SEG:
    case E_INLINE:
    case E_UNK_INLINE:
      {
        size_t before = r->seg_markup.len, dropped = 0;
        if ((r->seg_inline
             && tmc_tmx_escape (&r->seg_markup, s, n, 0, &dropped) != 0)
            || (r->code_depth == 0 && tmc_tmx_buf_add (&r->seg_text, s, n)))
          {
            fail_nomem (r);
            return;
          }
        grow_unit (r, r->seg_markup.len - before
                      + (r->code_depth == 0 ? n : 0));
        return;
      }
    case E_PROP:
    case E_NOTE:
      if (tmc_tmx_buf_add (&r->text, s, n) != 0)
        fail_nomem (r);
      else if (r->in_tu)
        grow_unit (r, n);
      return;
    default:
      if (!f->text_warned && !blank (s, n))
        {
          f->text_warned = 1;
          report (r, 1, 0, 0, _("text is not allowed in <%s>: ignored"),
                  frame_name (f));
        }
      return;
    }
}

/* ------------------------------------------------------------------ */
static void XMLCALL
on_xml_decl (void *data, const XML_Char *version, const XML_Char *encoding,
             int standalone)
{
  struct reader *r = data;
  (void) version, (void) standalone;
  if (encoding && (tmc_tmx_streq_ci (encoding, "UTF-16")
                   || tmc_tmx_streq_ci (encoding, "UTF-16LE")
                   || tmc_tmx_streq_ci (encoding, "UTF-16BE")))
    r->utf16 = 1;
}

/* An encoding expat does not know: a single-byte encoding that iconv
   knows becomes a table.  */
static int XMLCALL
on_unknown_encoding (void *data, const XML_Char *name, XML_Encoding *info)
{
  struct reader *r = data;
  free (r->bad_encoding);
  r->bad_encoding = tmc_strdup (name);
  iconv_t cd = iconv_open ("UTF-32BE", name);
  if (cd == (iconv_t) -1)
    return XML_STATUS_ERROR;
  for (int b = 0; b < 256; b++)
    {
      char in[1] = { (char) b };
      unsigned char out[8];
      char *ip = in, *op = (char *) out;
      size_t il = 1, ol = sizeof out;
      iconv (cd, NULL, NULL, NULL, NULL);
      size_t rc = iconv (cd, &ip, &il, &op, &ol);
      if (rc == (size_t) -1 && errno == EINVAL)
        {
          /* A multi-byte encoding: not supported here.  */
          iconv_close (cd);
          return XML_STATUS_ERROR;
        }
      if (rc == (size_t) -1 || ol != sizeof out - 4)
        info->map[b] = -1;
      else
        info->map[b] = (int) (((unsigned) out[0] << 24)
                              | ((unsigned) out[1] << 16)
                              | ((unsigned) out[2] << 8) | out[3]);
      /* expat needs ASCII to be ASCII.  */
      if (b < 0x80 && info->map[b] != b)
        {
          iconv_close (cd);
          return XML_STATUS_ERROR;
        }
    }
  iconv_close (cd);
  info->data = NULL;
  info->convert = NULL;
  info->release = NULL;
  free (r->bad_encoding);
  r->bad_encoding = NULL;
  return XML_STATUS_OK;
}

/* ------------------------------------------------------------------ */
/* Driving expat.  */

static const char *
xml_error_message (enum XML_Error code)
{
  switch (code)
    {
    case XML_ERROR_NO_MEMORY:
      return _("out of memory");
    case XML_ERROR_SYNTAX:
      return _("XML syntax error");
    case XML_ERROR_NO_ELEMENTS:
      return _("no element found (the file is empty or cut short)");
    case XML_ERROR_INVALID_TOKEN:
      return _("not well-formed XML (invalid token)");
    case XML_ERROR_UNCLOSED_TOKEN:
      return _("unclosed token (the file is cut short)");
    case XML_ERROR_PARTIAL_CHAR:
      return _("partial character (the file is cut short)");
    case XML_ERROR_TAG_MISMATCH:
      return _("mismatched tag");
    case XML_ERROR_DUPLICATE_ATTRIBUTE:
      return _("duplicate attribute");
    case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
      return _("text or markup after the end of the document element");
    case XML_ERROR_UNDEFINED_ENTITY:
      return _("reference to an undefined entity");
    case XML_ERROR_RECURSIVE_ENTITY_REF:
      return _("recursive entity reference");
    case XML_ERROR_UNKNOWN_ENCODING:
      return _("unknown encoding");
    case XML_ERROR_INCORRECT_ENCODING:
      return _("the encoding declared does not match the content");
    case XML_ERROR_UNCLOSED_CDATA_SECTION:
      return _("unclosed CDATA section");
    case XML_ERROR_BAD_CHAR_REF:
      return _("reference to a character XML 1.0 does not allow");
    case XML_ERROR_MISPLACED_XML_PI:
      return _("XML declaration not at the start of the file");
    case XML_ERROR_AMPLIFICATION_LIMIT_BREACH:
      return _("entity expansion too large (an entity-expansion attack?)");
    default:
      return XML_ErrorString (code);
    }
}

/* Fill the error of R from expat's, unless a handler stopped it.  */
static void
expat_error (struct reader *r)
{
  if (r->stopped)
    return;
  enum XML_Error code = XML_GetErrorCode (r->p);
  r->stopped = 1;
  r->status = code == XML_ERROR_NO_MEMORY ? TMC_ERR_NOMEM : TMC_ERR_SYNTAX;
  r->e.status = r->status;
  snprintf (r->e.file, sizeof r->e.file, "%s", r->name);
  r->e.line = cur_line (r);
  r->e.column = cur_col (r);
  const char *msg = xml_error_message (code);
  if (code == XML_ERROR_UNKNOWN_ENCODING && r->bad_encoding)
    {
      r->status = r->e.status = TMC_ERR_ENCODING;
      snprintf (r->e.message, sizeof r->e.message,
                _("cannot read the encoding '%s' (use UTF-8 or UTF-16)"),
                r->bad_encoding);
      return;
    }
  if (code == XML_ERROR_INVALID_TOKEN && !r->utf16)
    {
      /* Say so when the bytes are not UTF-8.  */
      int offset = 0, size = 0;
      const char *ctx = XML_GetInputContext (r->p, &offset, &size);
      if (ctx && offset >= 0 && offset < size)
        {
          const unsigned char *b = (const unsigned char *) ctx + offset;
          unsigned int c;
          if (*b >= 0x80
              && tmc_tmx_utf8_next (b, (size_t) (size - offset), &c) == 0)
            {
              r->status = r->e.status = TMC_ERR_ENCODING;
              msg = _("invalid UTF-8 byte sequence");
            }
          else if (*b < 0x20 && *b != '\t' && *b != '\n' && *b != '\r')
            msg = _("a control character XML 1.0 does not allow");
        }
    }
  snprintf (r->e.message, sizeof r->e.message, "%s", msg);
}

static void
reader_destroy (struct reader *r)
{
  if (r->p)
    XML_ParserFree (r->p);
  free (r->stack);
  if (r->in_tu)
    tmc_tu_destroy (&r->tu);
  tmc_tmx_meta_free (&r->tuv_meta);
  tmc_tmx_header_destroy (&r->header);
  tmc_buf_destroy (&r->tuv_lang);
  tmc_buf_destroy (&r->seg_text);
  tmc_buf_destroy (&r->seg_markup);
  tmc_buf_destroy (&r->text);
  free (r->bpt_i);
  free (r->ept_i);
  tmc_buf_destroy (&r->prop_type);
  tmc_buf_destroy (&r->prop_lang);
  free (r->bad_encoding);
  free (r->srclang);
}

static enum tmc_status
reader_init (struct reader *r, const char *name,
             const struct tmc_tmx_read_opts *opts, struct tmc_error *err)
{
  memset (r, 0, sizeof *r);
  r->guard.fail = guard_fail;
  r->guard.entity_message = _("the document declares the entity '%s': TMX "
                              "allows only the predefined entities (&amp; "
                              "&lt; &gt; &apos; &quot;)");
  r->name = name ? name : "";
  r->opts = opts;
  r->max_depth = opts->max_depth ? opts->max_depth : DEFAULT_MAX_DEPTH;
  r->max_unit = opts->max_unit_bytes ? opts->max_unit_bytes
                                     : DEFAULT_MAX_UNIT;
  r->chunk = DEFAULT_CHUNK;
  r->positions = !(opts->flags & TMC_TMX_READ_NO_POSITIONS);
  r->light = opts->unit == NULL
             && (opts->variant || opts->unit_prop || opts->unit_end);
  r->stack = calloc (r->max_depth + 1, sizeof *r->stack);
  r->p = XML_ParserCreate (NULL);
  if (r->stack == NULL || r->p == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0, _("out of memory"));
  XML_SetUserData (r->p, r);
  XML_SetElementHandler (r->p, on_start, on_end);
  XML_SetCharacterDataHandler (r->p, on_text);
  r->text_on = 1;
  XML_SetXmlDeclHandler (r->p, on_xml_decl);
  XML_SetUnknownEncodingHandler (r->p, on_unknown_encoding, r);
  /* No DTD is read, no entity declared (xml.h).  */
  tmc_xml_guard_install (r->p);
  return TMC_OK;
}

/* Finish a read: final checks, the counts, the result.  */
static enum tmc_status
reader_finish (struct reader *r, struct tmc_tmx_read_stats *stats,
               struct tmc_error *err)
{
  if (!r->stopped)
    deliver_header (r);
  report_counts (r);
  if (stats)
    *stats = r->stats;
  if (r->status != TMC_OK)
    {
      if (err)
        *err = r->e;
      return r->status;
    }
  return TMC_OK;
}

void
tmc_tmx_read_opts_init (struct tmc_tmx_read_opts *opts)
{
  memset (opts, 0, sizeof *opts);
}

enum tmc_status
tmc_tmx_read_buffer (const char *data, size_t len, const char *name,
                     const struct tmc_tmx_read_opts *opts,
                     struct tmc_tmx_read_stats *stats, struct tmc_error *err)
{
  struct tmc_tmx_read_opts defaults;
  if (opts == NULL)
    {
      tmc_tmx_read_opts_init (&defaults);
      opts = &defaults;
    }
  struct reader r;
  enum tmc_status st = reader_init (&r, name, opts, err);
  if (st != TMC_OK)
    {
      reader_destroy (&r);
      return st;
    }
  if (len >= 2 && ((unsigned char) data[0] == 0xFF
                   || (unsigned char) data[0] == 0xFE))
    r.utf16 = 1;
  size_t chunk = opts->chunk_size ? opts->chunk_size : r.chunk;
  size_t off = 0;
  do
    {
      size_t n = len - off < chunk ? len - off : chunk;
      int last = off + n == len;
      if (XML_Parse (r.p, data + off, (int) n, last) == XML_STATUS_ERROR)
        {
          expat_error (&r);
          break;
        }
      off += n;
    }
  while (off < len);
  if (len == 0 && XML_Parse (r.p, "", 0, 1) == XML_STATUS_ERROR)
    expat_error (&r);
  st = reader_finish (&r, stats, err);
  reader_destroy (&r);
  return st;
}

enum tmc_status
tmc_tmx_read_stream (const char *path, const struct tmc_tmx_read_opts *opts,
                     struct tmc_tmx_read_stats *stats, struct tmc_error *err)
{
  struct tmc_tmx_read_opts defaults;
  if (opts == NULL)
    {
      tmc_tmx_read_opts_init (&defaults);
      opts = &defaults;
    }
  int is_stdin = strcmp (path, "-") == 0;
  const char *name = is_stdin ? _("standard input") : path;
  int fd = is_stdin ? STDIN_FILENO : open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return tmc_error_set_errno (err, errno, path, _("cannot open file"));
  struct reader r;
  enum tmc_status st = reader_init (&r, name, opts, err);
  if (st != TMC_OK)
    {
      reader_destroy (&r);
      if (!is_stdin)
        close (fd);
      return st;
    }
  size_t fed = 0;
  int first = 1;
  for (;;)
    {
      /* A token that expat has to parse again from its start on every
         call (a huge tag) gets a buffer as large as itself, so the work
         stays linear.  */
      size_t want = r.chunk;
      XML_Index idx = XML_GetCurrentByteIndex (r.p);
      if (idx >= 0 && fed > (size_t) idx)
        {
          size_t pending = fed - (size_t) idx;
          if (pending > r.max_unit)
            {
              fail (&r, TMC_ERR_LIMIT,
                    _("an XML token larger than the limit of %zu bytes"),
                    r.max_unit);
              break;
            }
          if (pending > want)
            want = pending;
        }
      if (want > (size_t) 1 << 30)
        want = (size_t) 1 << 30;
      void *buf = XML_GetBuffer (r.p, (int) want);
      if (buf == NULL)
        {
          fail_nomem (&r);
          break;
        }
      ssize_t n = read (fd, buf, want);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int e = errno;
          r.stopped = 1;
          r.status = tmc_error_set_errno (&r.e, e, name,
                                          _("cannot read file"));
          break;
        }
      if (first && n >= 2)
        {
          const unsigned char *b = buf;
          r.utf16 = (b[0] == 0xFF && b[1] == 0xFE)
                    || (b[0] == 0xFE && b[1] == 0xFF);
          first = 0;
        }
      fed += (size_t) n;
      if (XML_ParseBuffer (r.p, (int) n, n == 0) == XML_STATUS_ERROR)
        {
          expat_error (&r);
          break;
        }
      if (n == 0)
        break;
    }
  if (!is_stdin)
    close (fd);
  st = reader_finish (&r, stats, err);
  reader_destroy (&r);
  return st;
}

/* ------------------------------------------------------------------ */
/* Into memory.  */

static enum tmc_status
tm_header (void *data, struct tmc_tm_header *h, struct tmc_error *err)
{
  struct tmc_tm *tm = data;
  (void) err;
  tmc_tmx_header_destroy (&tm->header);
  tm->header = *h;
  memset (h, 0, sizeof *h);
  return TMC_OK;
}

static enum tmc_status
tm_unit (void *data, struct tmc_tu *tu, unsigned long line,
         unsigned long column, struct tmc_error *err)
{
  (void) line, (void) column;
  return tmc_tm_add_tu_move (data, tu, err);
}

void
tmc_tmx_read_opts_into (struct tmc_tmx_read_opts *opts, struct tmc_tm *tm)
{
  opts->header = tm_header;
  opts->unit = tm_unit;
  opts->data = tm;
}

enum tmc_status
tmc_tmx_read (const char *path, struct tmc_tm **tmp,
              const struct tmc_warn_handler *warn, struct tmc_error *err)
{
  *tmp = NULL;
  struct tmc_tm *tm = tmc_tm_new ();
  if (tm == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, path, 0, 0, _("out of memory"));
  struct tmc_tmx_read_opts o;
  tmc_tmx_read_opts_init (&o);
  tmc_tmx_read_opts_into (&o, tm);
  o.warn = warn;
  enum tmc_status st = tmc_tmx_read_stream (path, &o, NULL, err);
  if (st != TMC_OK)
    {
      tmc_tm_free (tm);
      return st;
    }
  *tmp = tm;
  return TMC_OK;
}
