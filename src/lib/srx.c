/* Reading SRX files with expat.

   SRX 2.0 (namespace http://www.lisa.org/srx20) and SRX 1.0
   (http://www.lisa.org/srx) are read; files that declare no namespace
   are read by their version attribute.  Elements of other namespaces
   (Okapi's okpsrx:options, okpsrx:sample, okpsrx:rangeRule) are skipped
   with all they contain.  Every regular expression is compiled while
   reading, so that a bad one is reported with the line of its rule.  */

#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "internal.h"
#include "srx-internal.h"
#include "xml.h"
#include "tmconv/io.h"
#include "tmconv/segment.h"

#define NS_SRX2 "http://www.lisa.org/srx20"
#define NS_SRX1 "http://www.lisa.org/srx"
#define NS_SEP '\x01'

enum elem {
  E_NONE, E_SRX, E_HEADER, E_FORMATHANDLE, E_BODY, E_LANGUAGERULES,
  E_LANGUAGERULE, E_RULE, E_BEFOREBREAK, E_AFTERBREAK, E_MAPRULES,
  E_MAPRULE, E_LANGUAGEMAP
};

static const char *const elem_names[] = {
  "", "srx", "header", "formathandle", "body", "languagerules",
  "languagerule", "rule", "beforebreak", "afterbreak", "maprules",
  "maprule", "languagemap"
};

#define MAX_DEPTH 64

/* A map entry as read, before its language rule is looked up.  */
struct pending_map {
  char *pattern;
  char *rulename;
  unsigned long line, col;
};

struct reader {
  struct tmc_xml_guard guard;  /* first: the parser's user data */
  XML_Parser parser;
  const char *name;
  struct tmc_srx *srx;
  struct tmc_error *err;
  enum tmc_status status;
  enum elem stack[MAX_DEPTH];
  int depth;
  int skip;               /* depth inside a foreign element, 0 = none */
  int seen_header, seen_body, seen_langrules, seen_maprules;
  struct tmc_buf text;    /* content of beforebreak/afterbreak */
  int have_before, have_after;
  struct srx_rule rule;   /* the <rule> being read */
  unsigned long before_line, before_col, after_line, after_col;
  struct pending_map *maps;
  size_t n_maps, maps_cap;
};

static void
fail (struct reader *r, enum tmc_status st, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

static void
fail_at (struct reader *r, enum tmc_status st, unsigned long line,
         unsigned long col, const char *fmt, ...)
  __attribute__ ((format (printf, 5, 6)));

static void
vfail_at (struct reader *r, enum tmc_status st, unsigned long line,
          unsigned long col, const char *fmt, va_list ap)
{
  if (r->status != TMC_OK)
    return;
  char msg[TMC_ERROR_MESSAGE_MAX];
  vsnprintf (msg, sizeof msg, fmt, ap);
  r->status = tmc_error_set (r->err, st, r->name, line, col, "%s", msg);
  if (r->status == TMC_OK)
    r->status = st;
  XML_StopParser (r->parser, XML_FALSE);
}

static void
fail_at (struct reader *r, enum tmc_status st, unsigned long line,
         unsigned long col, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  vfail_at (r, st, line, col, fmt, ap);
  va_end (ap);
}

static void
fail (struct reader *r, enum tmc_status st, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  vfail_at (r, st, XML_GetCurrentLineNumber (r->parser),
            XML_GetCurrentColumnNumber (r->parser) + 1, fmt, ap);
  va_end (ap);
}

static void
guard_fail (struct tmc_xml_guard *g, enum tmc_status st, const char *message)
{
  fail ((struct reader *) g, st, "%s", message);
}

static void
nomem (struct reader *r)
{
  fail (r, TMC_ERR_NOMEM, "%s", _("out of memory"));
}

/* The SRX element NAME ("URI\1local" or "local") stands for, E_NONE for
   an element of another namespace; -1 for an unknown element of the SRX
   namespace.  */
static int
classify (struct reader *r, const char *name, const char **local)
{
  const char *sep = strchr (name, NS_SEP);
  *local = sep ? sep + 1 : name;
  if (sep != NULL)
    {
      size_t n = (size_t) (sep - name);
      int srx2 = n == strlen (NS_SRX2) && memcmp (name, NS_SRX2, n) == 0;
      int srx1 = n == strlen (NS_SRX1) && memcmp (name, NS_SRX1, n) == 0;
      if (!srx1 && !srx2)
        return E_NONE;
      if (r->srx->version != 0 && (srx1 ? 1 : 2) != r->srx->version
          && r->depth > 0)
        return -1;
    }
  for (int e = E_SRX; e <= E_LANGUAGEMAP; e++)
    if (strcmp (*local, elem_names[e]) == 0)
      return e;
  return -1;
}

static const char *
attr (const char **atts, const char *name)
{
  for (int i = 0; atts[i]; i += 2)
    {
      const char *a = atts[i];
      const char *sep = strchr (a, NS_SEP);
      if (sep == NULL && strcmp (a, name) == 0)
        return atts[i + 1];
    }
  return NULL;
}

/* A yes/no attribute: 1, 0, DEFLT when absent, or -1 (reported).  */
static int
yes_no (struct reader *r, const char **atts, const char *elem,
        const char *name, int deflt)
{
  const char *v = attr (atts, name);
  if (v == NULL)
    {
      if (deflt < 0)
        fail (r, TMC_ERR_FORMAT,
              _("<%s> lacks the required attribute %s"), elem, name);
      return deflt;
    }
  if (strcmp (v, "yes") == 0)
    return 1;
  if (strcmp (v, "no") == 0)
    return 0;
  fail (r, TMC_ERR_FORMAT,
        _("attribute %s of <%s> is '%s'; it must be 'yes' or 'no'"), name,
        elem, v);
  return -1;
}

static const char *
required (struct reader *r, const char **atts, const char *elem,
          const char *name)
{
  const char *v = attr (atts, name);
  if (v == NULL)
    fail (r, TMC_ERR_FORMAT, _("<%s> lacks the required attribute %s"),
          elem, name);
  return v;
}

/* May element CHILD appear inside PARENT?  */
static int
allowed (int version, enum elem parent, enum elem child)
{
  switch (parent)
    {
    case E_NONE:
      return child == E_SRX;
    case E_SRX:
      return child == E_HEADER || child == E_BODY;
    case E_HEADER:
      return child == E_FORMATHANDLE;
    case E_BODY:
      return child == E_LANGUAGERULES || child == E_MAPRULES;
    case E_LANGUAGERULES:
      return child == E_LANGUAGERULE;
    case E_LANGUAGERULE:
      return child == E_RULE;
    case E_RULE:
      return child == E_BEFOREBREAK || child == E_AFTERBREAK;
    case E_MAPRULES:
      return version == 1 ? child == E_MAPRULE : child == E_LANGUAGEMAP;
    case E_MAPRULE:
      return child == E_LANGUAGEMAP;
    default:
      return 0;
    }
}

static void
start_langrule (struct reader *r, const char *name)
{
  struct tmc_srx *s = r->srx;
  for (size_t i = 0; i < s->n_langrules; i++)
    if (strcmp (s->langrules[i].name, name) == 0)
      {
        fail (r, TMC_ERR_FORMAT,
              _("there is already a <languagerule> named '%s'"), name);
        return;
      }
  if (tmc_grow ((void **) &s->langrules, &s->langrules_cap,
                s->n_langrules + 1, sizeof *s->langrules) != 0)
    {
      nomem (r);
      return;
    }
  struct srx_langrule *lr = &s->langrules[s->n_langrules];
  memset (lr, 0, sizeof *lr);
  lr->name = tmc_strdup (name);
  if (lr->name == NULL)
    {
      nomem (r);
      return;
    }
  s->n_langrules++;
}

static void XMLCALL
on_start (void *data, const char *name, const char **atts)
{
  struct reader *r = data;
  if (r->status != TMC_OK)
    return;
  if (r->skip > 0)
    {
      r->skip++;
      return;
    }
  const char *local;
  int e = classify (r, name, &local);
  enum elem parent = r->depth > 0 ? r->stack[r->depth - 1] : E_NONE;
  if (e == E_NONE)
    {
      if (r->depth == 0)
        {
          fail (r, TMC_ERR_FORMAT,
                _("the root element is <%s>, not <srx>: this is not an "
                  "SRX file"),
                local);
          return;
        }
      /* Foreign markup (Okapi's extensions): skip it whole.  */
      r->skip = 1;
      return;
    }
  if (e < 0 || !allowed (r->srx->version, parent, (enum elem) e))
    {
      if (r->depth == 0)
        fail (r, TMC_ERR_FORMAT,
              _("the root element is <%s>, not <srx>: this is not an SRX "
                "file"),
              local);
      else
        fail (r, TMC_ERR_FORMAT, _("unexpected element <%s> in <%s>"),
              local, elem_names[parent]);
      return;
    }
  if (r->depth >= MAX_DEPTH)
    {
      fail (r, TMC_ERR_FORMAT, "%s", _("elements nested too deep"));
      return;
    }
  struct tmc_srx *s = r->srx;
  switch ((enum elem) e)
    {
    case E_SRX:
      {
        const char *sep = strchr (name, NS_SEP);
        const char *v = attr (atts, "version");
        if (v == NULL)
          {
            fail (r, TMC_ERR_FORMAT,
                  _("<%s> lacks the required attribute %s"), "srx",
                  "version");
            return;
          }
        if (strcmp (v, "2.0") == 0)
          s->version = 2;
        else if (strcmp (v, "1.0") == 0)
          s->version = 1;
        else
          {
            fail (r, TMC_ERR_FORMAT,
                  _("SRX version '%s' is not supported (only 1.0 and "
                    "2.0)"),
                  v);
            return;
          }
        if (sep != NULL
            && (s->version == 2) != ((size_t) (sep - name) == strlen (NS_SRX2)))
          {
            fail (r, TMC_ERR_FORMAT,
                  _("version '%s' does not match the namespace of <srx>"),
                  v);
            return;
          }
      }
      break;
    case E_HEADER:
      if (r->seen_header || r->seen_body)
        {
          fail (r, TMC_ERR_FORMAT, _("unexpected element <%s> in <%s>"),
                local, "srx");
          return;
        }
      r->seen_header = 1;
      s->segmentsubflows = yes_no (r, atts, "header", "segmentsubflows",
                                   1);
      s->cascade = yes_no (r, atts, "header", "cascade",
                           s->version == 2 ? -1 : 0);
      break;
    case E_FORMATHANDLE:
      {
        const char *t = required (r, atts, "formathandle", "type");
        if (t == NULL)
          return;
        if (strcmp (t, "start") != 0 && strcmp (t, "end") != 0
            && strcmp (t, "isolated") != 0)
          {
            fail (r, TMC_ERR_FORMAT,
                  _("attribute %s of <%s> is '%s'; it must be %s"), "type",
                  "formathandle", t, "'start', 'end' or 'isolated'");
            return;
          }
        yes_no (r, atts, "formathandle", "include", -1);
      }
      break;
    case E_BODY:
      if (r->seen_body || !r->seen_header)
        {
          fail (r, TMC_ERR_FORMAT,
                r->seen_body ? _("unexpected element <%s> in <%s>")
                             : _("<%s> comes before <header> in <%s>"),
                local, "srx");
          return;
        }
      r->seen_body = 1;
      break;
    case E_LANGUAGERULES:
      if (r->seen_langrules || r->seen_maprules)
        {
          fail (r, TMC_ERR_FORMAT, _("unexpected element <%s> in <%s>"),
                local, "body");
          return;
        }
      r->seen_langrules = 1;
      break;
    case E_MAPRULES:
      if (r->seen_maprules || !r->seen_langrules)
        {
          fail (r, TMC_ERR_FORMAT,
                r->seen_maprules ? _("unexpected element <%s> in <%s>")
                                 : _("<%s> comes before <languagerules> "
                                     "in <%s>"),
                local, "body");
          return;
        }
      r->seen_maprules = 1;
      break;
    case E_LANGUAGERULE:
      {
        const char *n = required (r, atts, "languagerule",
                                  "languagerulename");
        if (n == NULL)
          return;
        start_langrule (r, n);
      }
      break;
    case E_RULE:
      {
        int b = yes_no (r, atts, "rule", "break", 1);
        if (b < 0)
          return;
        memset (&r->rule, 0, sizeof r->rule);
        r->rule.brk = b;
        r->rule.line = XML_GetCurrentLineNumber (r->parser);
        r->rule.col = XML_GetCurrentColumnNumber (r->parser) + 1;
        r->have_before = r->have_after = 0;
      }
      break;
    case E_BEFOREBREAK:
    case E_AFTERBREAK:
      if (e == E_BEFOREBREAK ? r->have_before || r->have_after
                             : r->have_after)
        {
          fail (r, TMC_ERR_FORMAT, _("unexpected element <%s> in <%s>"),
                local, "rule");
          return;
        }
      tmc_buf_reset (&r->text);
      if (e == E_BEFOREBREAK)
        {
          r->have_before = 1;
          r->before_line = XML_GetCurrentLineNumber (r->parser);
          r->before_col = XML_GetCurrentColumnNumber (r->parser) + 1;
        }
      else
        {
          r->have_after = 1;
          r->after_line = XML_GetCurrentLineNumber (r->parser);
          r->after_col = XML_GetCurrentColumnNumber (r->parser) + 1;
        }
      break;
    case E_MAPRULE:
      if (required (r, atts, "maprule", "maprulename") == NULL)
        return;
      break;
    case E_LANGUAGEMAP:
      {
        const char *pat = required (r, atts, "languagemap",
                                    "languagepattern");
        const char *rn = pat ? required (r, atts, "languagemap",
                                         "languagerulename")
                             : NULL;
        if (rn == NULL)
          return;
        if (tmc_grow ((void **) &r->maps, &r->maps_cap, r->n_maps + 1,
                      sizeof *r->maps) != 0)
          {
            nomem (r);
            return;
          }
        struct pending_map *m = &r->maps[r->n_maps];
        m->pattern = tmc_strdup (pat);
        m->rulename = tmc_strdup (rn);
        m->line = XML_GetCurrentLineNumber (r->parser);
        m->col = XML_GetCurrentColumnNumber (r->parser) + 1;
        r->n_maps++;
        if (m->pattern == NULL || m->rulename == NULL)
          nomem (r);
      }
      break;
    default:
      break;
    }
  if (r->status == TMC_OK)
    r->stack[r->depth++] = (enum elem) e;
}

/* Compile the rule just read and add it to the last language rule.  */
static void
end_rule (struct reader *r)
{
  struct srx_rule *rule = &r->rule;
  struct srx_langrule *lr = &r->srx->langrules[r->srx->n_langrules - 1];
  rule->index = lr->n_rules + 1;
  char msg[TMC_ERROR_MESSAGE_MAX / 2];
  /* Each part on its own first, to say which one is wrong.  */
  const char *parts[2] = { rule->before, rule->after };
  for (int i = 0; i < 2; i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      pcre2_code *c = tmc_srx_compile (parts[i], 0, msg, sizeof msg);
      if (c == NULL)
        {
          fail_at (r, TMC_ERR_FORMAT, i ? r->after_line : r->before_line,
                   i ? r->after_col : r->before_col,
                   _("rule %zu of language rule '%s': <%s> is not a valid "
                     "regular expression: %s"),
                   rule->index, lr->name, i ? "afterbreak" : "beforebreak",
                   msg);
          return;
        }
      pcre2_code_free (c);
    }
  const char *b = rule->before ? rule->before : "";
  const char *a = rule->after ? rule->after : "";
  if (*b == '\0' && *a == '\0')
    {
      /* It would match everywhere: a break (or none) between every two
         characters.  Okapi ignores such rules too.  */
      free (rule->before);
      free (rule->after);
      memset (rule, 0, sizeof *rule);
      return;
    }
  size_t n = strlen (b) + strlen (a) + 16;
  char *pat = malloc (n);
  if (pat == NULL)
    {
      nomem (r);
      return;
    }
  if (*a)
    snprintf (pat, n, "(?:%s)(?=%s)", b, a);
  else
    snprintf (pat, n, "(?:%s)", b);
  rule->code = tmc_srx_compile (pat, 0, msg, sizeof msg);
  free (pat);
  if (rule->code == NULL)
    {
      fail_at (r, TMC_ERR_FORMAT, rule->line, rule->col,
               _("rule %zu of language rule '%s': its <beforebreak> and "
                 "<afterbreak> together are not a valid regular "
                 "expression: %s"),
               rule->index, lr->name, msg);
      return;
    }
  if (tmc_grow ((void **) &lr->rules, &lr->rules_cap, lr->n_rules + 1,
                sizeof *lr->rules) != 0)
    {
      nomem (r);
      return;
    }
  lr->rules[lr->n_rules++] = *rule;
  memset (rule, 0, sizeof *rule);
}

static void XMLCALL
on_end (void *data, const char *name)
{
  struct reader *r = data;
  (void) name;
  if (r->status != TMC_OK)
    return;
  if (r->skip > 0)
    {
      r->skip--;
      return;
    }
  enum elem e = r->stack[--r->depth];
  switch (e)
    {
    case E_BEFOREBREAK:
    case E_AFTERBREAK:
      {
        size_t len;
        char *t = tmc_buf_steal (&r->text, &len);
        if (t == NULL)
          {
            nomem (r);
            return;
          }
        if (e == E_BEFOREBREAK)
          r->rule.before = t;
        else
          r->rule.after = t;
      }
      break;
    case E_RULE:
      end_rule (r);
      break;
    case E_SRX:
      if (!r->seen_header || !r->seen_body)
        fail (r, TMC_ERR_FORMAT, _("<srx> lacks its <%s>"),
              r->seen_header ? "body" : "header");
      break;
    case E_BODY:
      if (!r->seen_langrules || !r->seen_maprules)
        fail (r, TMC_ERR_FORMAT, _("<body> lacks its <%s>"),
              r->seen_langrules ? "maprules" : "languagerules");
      break;
    default:
      break;
    }
}

static int
all_space (const char *s, int n)
{
  for (int i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
      return 0;
  return 1;
}

static void XMLCALL
on_text (void *data, const char *s, int len)
{
  struct reader *r = data;
  if (r->status != TMC_OK || r->skip > 0 || r->depth == 0)
    return;
  enum elem e = r->stack[r->depth - 1];
  if (e == E_BEFOREBREAK || e == E_AFTERBREAK)
    {
      if (tmc_buf_append (&r->text, s, (size_t) len) != 0)
        nomem (r);
      return;
    }
  if (!all_space (s, len))
    fail (r, TMC_ERR_FORMAT, _("unexpected text in <%s>"), elem_names[e]);
}

void
tmc_srx_free (struct tmc_srx *srx)
{
  if (srx == NULL)
    return;
  for (size_t i = 0; i < srx->n_langrules; i++)
    {
      struct srx_langrule *lr = &srx->langrules[i];
      for (size_t j = 0; j < lr->n_rules; j++)
        {
          free (lr->rules[j].before);
          free (lr->rules[j].after);
          pcre2_code_free (lr->rules[j].code);
        }
      free (lr->rules);
      free (lr->name);
    }
  free (srx->langrules);
  for (size_t i = 0; i < srx->n_maps; i++)
    {
      free (srx->maps[i].pattern);
      pcre2_code_free (srx->maps[i].code);
    }
  free (srx->maps);
  free (srx->name);
  free (srx);
}

/* Look the map entries' language rules up and compile their patterns. */
static void
resolve_maps (struct reader *r)
{
  struct tmc_srx *s = r->srx;
  s->maps = calloc (r->n_maps ? r->n_maps : 1, sizeof *s->maps);
  if (s->maps == NULL)
    {
      nomem (r);
      return;
    }
  s->maps_cap = r->n_maps;
  for (size_t i = 0; i < r->n_maps; i++)
    {
      struct pending_map *m = &r->maps[i];
      size_t k;
      for (k = 0; k < s->n_langrules; k++)
        if (strcmp (s->langrules[k].name, m->rulename) == 0)
          break;
      if (k == s->n_langrules)
        {
          fail_at (r, TMC_ERR_FORMAT, m->line, m->col,
                   _("<languagemap> names the language rule '%s', which "
                     "does not exist"),
                   m->rulename);
          return;
        }
      char msg[TMC_ERROR_MESSAGE_MAX / 2];
      pcre2_code *c = tmc_srx_compile (m->pattern, 1, msg, sizeof msg);
      if (c == NULL)
        {
          fail_at (r, TMC_ERR_FORMAT, m->line, m->col,
                   _("the languagepattern '%s' is not a valid regular "
                     "expression: %s"),
                   m->pattern, msg);
          return;
        }
      s->maps[s->n_maps].pattern = m->pattern;
      m->pattern = NULL;
      s->maps[s->n_maps].langrule = k;
      s->maps[s->n_maps].code = c;
      s->n_maps++;
    }
}

enum tmc_status
tmc_srx_parse (const char *name, const char *data, size_t len,
               struct tmc_srx **srxp, struct tmc_error *err)
{
  *srxp = NULL;
  struct reader r;
  memset (&r, 0, sizeof r);
  r.guard.fail = guard_fail;
  r.guard.entity_message = _("the document declares the entity '%s': an "
                             "SRX file may use only the predefined "
                             "entities (&amp; &lt; &gt; &apos; &quot;)");
  r.name = name;
  r.err = err;
  r.srx = calloc (1, sizeof *r.srx);
  if (r.srx == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0, _("out of memory"));
  if (name != NULL && (r.srx->name = tmc_strdup (name)) == NULL)
    {
      free (r.srx);
      return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                            _("out of memory"));
    }
  r.parser = XML_ParserCreateNS (NULL, NS_SEP);
  if (r.parser == NULL)
    {
      tmc_srx_free (r.srx);
      return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                            _("out of memory"));
    }
  XML_SetUserData (r.parser, &r);
  XML_SetElementHandler (r.parser, on_start, on_end);
  XML_SetCharacterDataHandler (r.parser, on_text);
  /* SRX needs no DTD and no entity (xml.h).  */
  tmc_xml_guard_install (r.parser);

  /* Feed in pieces: XML_Parse takes an int length.  */
  const size_t chunk = 1 << 24;
  size_t off = 0;
  do
    {
      size_t n = len - off < chunk ? len - off : chunk;
      int final = off + n == len;
      if (XML_Parse (r.parser, data + off, (int) n, final) == XML_STATUS_ERROR)
        {
          if (r.status == TMC_OK)
            r.status = tmc_error_set (
              err, TMC_ERR_SYNTAX, name, XML_GetCurrentLineNumber (r.parser),
              XML_GetCurrentColumnNumber (r.parser) + 1,
              _("not well-formed XML: %s"),
              XML_ErrorString (XML_GetErrorCode (r.parser)));
          break;
        }
      off += n;
    }
  while (off < len);
  if (r.status == TMC_OK)
    resolve_maps (&r);
  XML_ParserFree (r.parser);
  for (size_t i = 0; i < r.n_maps; i++)
    {
      free (r.maps[i].pattern);
      free (r.maps[i].rulename);
    }
  free (r.maps);
  free (r.rule.before);
  free (r.rule.after);
  pcre2_code_free (r.rule.code);
  tmc_buf_destroy (&r.text);
  if (r.status != TMC_OK)
    {
      tmc_srx_free (r.srx);
      return r.status;
    }
  *srxp = r.srx;
  return TMC_OK;
}

enum tmc_status
tmc_srx_read (const char *path, struct tmc_srx **srx, struct tmc_error *err)
{
  *srx = NULL;
  char *data;
  size_t len;
  enum tmc_status st = tmc_read_file (path, TMC_SRX_MAX_BYTES, &data, &len,
                                      err);
  if (st != TMC_OK)
    return st;
  st = tmc_srx_parse (path, data, len, srx, err);
  free (data);
  return st;
}

/* The built-in rules, generated from src/data/tmconv.srx by the
   Makefile.  */
extern const unsigned char tmc_srx_builtin_data[];
extern const size_t tmc_srx_builtin_size;

const char *
tmc_srx_builtin_text (size_t *len)
{
  if (len)
    *len = tmc_srx_builtin_size;
  return (const char *) tmc_srx_builtin_data;
}

enum tmc_status
tmc_srx_builtin (struct tmc_srx **srx, struct tmc_error *err)
{
  return tmc_srx_parse ("tmconv.srx", (const char *) tmc_srx_builtin_data,
                        tmc_srx_builtin_size, srx, err);
}

/* Does map entry M's pattern match LANG?  */
static int
map_matches (const struct srx_map *m, const char *lang)
{
  pcre2_match_data *md = pcre2_match_data_create (1, NULL);
  if (md == NULL)
    return 0;
  int rc = pcre2_match (m->code, (PCRE2_SPTR) lang, strlen (lang), 0, 0, md,
                        NULL);
  pcre2_match_data_free (md);
  return rc >= 0;
}

size_t
tmc_srx_rules_for (const struct tmc_srx *srx, const char *lang,
                   const char **names, size_t max)
{
  size_t n = 0;
  for (size_t i = 0; i < srx->n_maps; i++)
    {
      if (!map_matches (&srx->maps[i], lang))
        continue;
      if (n < max)
        names[n] = srx->langrules[srx->maps[i].langrule].name;
      n++;
      if (!srx->cascade)
        break;
    }
  return n;
}
