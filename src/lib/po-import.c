/* Import: gettext catalogues into a translation memory.  */

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistr.h>

#include "buf.h"
#include "internal.h"
#include "po-internal.h"
#include "tmconv/po.h"

struct tmc_po_import {
  struct tmc_tm *tm;
  char *lang;         /* given language, or NULL */
  char *source_lang;  /* BCP 47 */
  int include_fuzzy;
  int no_env;
  struct tmc_diag_handler diag;
  int has_diag;
  /* msgctxt \4 msgid -> unit index.  */
  struct tmc_po_map units;
  struct tmc_po_import_stats stats;
};

/* One message of a catalogue, converted to UTF-8, before it is added.  */
struct staged {
  char *key;            /* msgctxt \4 msgid, or msgid */
  char *msgctxt;
  char *msgid;
  char *msgid_plural;
  char **msgstr;        /* NULL-terminated plural forms, or one */
  char *flags;          /* "c-format, range: 1..5" or NULL */
  char *comments;       /* translator comments or NULL */
  char *extracted;      /* extracted comments or NULL */
  char **refs;          /* "file:line", NULL-terminated, or NULL */
  int fuzzy;
  int borrowed;         /* msgctxt, msgid, msgid_plural and msgstr point
                           into the po_file (a UTF-8 catalogue) */
  unsigned long line;
};

static enum tmc_status
nomem (struct tmc_error *err)
{
  return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, "%s",
                        tmc_strerror (TMC_ERR_NOMEM));
}

void
tmc_po_import_options_init (struct tmc_po_import_options *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->source_lang = "en";
}

/* Turn a PO code or a BCP 47 tag into a BCP 47 tag in BUF.  */
static const char *
to_tag (const char *lang, char *buf, size_t size)
{
  if (tmc_po_lang_to_bcp47 (lang, buf, size) != NULL)
    return buf;
  char po[64];
  if (tmc_po_lang_from_bcp47 (lang, po, sizeof po) != NULL
      && strlen (lang) < size)
    {
      snprintf (buf, size, "%s", lang);
      return buf;
    }
  return NULL;
}

enum tmc_status
tmc_po_import_new (struct tmc_tm *tm, const struct tmc_po_import_options *opts,
                   tmc_po_import **out, struct tmc_error *err)
{
  *out = NULL;
  struct tmc_po_import_options def;
  if (opts == NULL)
    {
      tmc_po_import_options_init (&def);
      opts = &def;
    }
  char tag[64];
  const char *src = opts->source_lang ? opts->source_lang : "en";
  if (to_tag (src, tag, sizeof tag) == NULL)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("invalid language '%s'"), src);
  char ltag[64];
  if (opts->lang && to_tag (opts->lang, ltag, sizeof ltag) == NULL)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("invalid language '%s'"), opts->lang);
  struct tmc_po_import *im = calloc (1, sizeof *im);
  if (im == NULL)
    return nomem (err);
  im->tm = tm;
  im->source_lang = tmc_strdup (tag);
  im->lang = opts->lang ? tmc_strdup (ltag) : NULL;
  im->include_fuzzy = opts->include_fuzzy;
  im->no_env = opts->no_env;
  if (opts->diag)
    {
      im->diag = *opts->diag;
      im->has_diag = 1;
    }
  if (im->source_lang == NULL || (opts->lang && im->lang == NULL)
      || tmc_po_map_init (&im->units, 1) != 0
      || (tm->header.srclang == NULL
          && tmc_tm_set (&tm->header.srclang, tag, err) != TMC_OK))
    {
      tmc_po_import_free (im);
      return nomem (err);
    }
  *out = im;
  return TMC_OK;
}

void
tmc_po_import_free (tmc_po_import *im)
{
  if (im == NULL)
    return;
  tmc_po_map_destroy (&im->units);
  free (im->lang);
  free (im->source_lang);
  free (im);
}

void
tmc_po_import_stats (const tmc_po_import *im,
                     struct tmc_po_import_stats *stats)
{
  *stats = im->stats;
  stats->units = im->tm->n_tus;
}

/* Convert S (in the catalogue's charset) to UTF-8: a fresh string, or
   NULL with errno EILSEQ (not valid) or ENOMEM.  */
static char *
to_utf8 (iconv_t cd, const char *s)
{
  size_t n = strlen (s);
  if (cd == (iconv_t) -1)
    {
      if (u8_check ((const uint8_t *) s, n) != NULL)
        {
          errno = EILSEQ;
          return NULL;
        }
      char *r = tmc_strndup (s, n);
      if (r == NULL)
        errno = ENOMEM;
      return r;
    }
  iconv (cd, NULL, NULL, NULL, NULL);
  size_t cap = n * 2 + 16;
  char *r = malloc (cap);
  if (r == NULL)
    {
      errno = ENOMEM;
      return NULL;
    }
  char *in = (char *) s, *out = r;
  size_t inleft = n, outleft = cap - 1;
  while (inleft > 0)
    {
      size_t k = iconv (cd, &in, &inleft, &out, &outleft);
      if (k != (size_t) -1)
        break;
      if (errno == E2BIG)
        {
          size_t used = (size_t) (out - r);
          cap *= 2;
          char *nr = realloc (r, cap);
          if (nr == NULL)
            {
              free (r);
              errno = ENOMEM;
              return NULL;
            }
          r = nr;
          out = r + used;
          outleft = cap - used - 1;
          continue;
        }
      free (r);
      errno = EILSEQ;
      return NULL;
    }
  /* Flush a stateful encoding.  */
  if (iconv (cd, NULL, NULL, &out, &outleft) == (size_t) -1)
    {
      free (r);
      errno = EILSEQ;
      return NULL;
    }
  *out = '\0';
  return r;
}

static void
staged_destroy (struct staged *m)
{
  free (m->key);
  if (!m->borrowed)
    {
      free (m->msgctxt);
      free (m->msgid);
      free (m->msgid_plural);
      if (m->msgstr)
        for (char **p = m->msgstr; *p; p++)
          free (*p);
    }
  free (m->msgstr);
  free (m->flags);
  free (m->comments);
  free (m->extracted);
  if (m->refs)
    for (char **p = m->refs; *p; p++)
      free (*p);
  free (m->refs);
}

/* Strip the final newline of a comment block ("a\nb\n" -> "a\nb").  */
static char *
comment_text (iconv_t cd, const char *s)
{
  if (s == NULL || s[0] == '\0')
    return NULL;
  char *r = to_utf8 (cd, s);
  if (r == NULL)
    return NULL;
  size_t n = strlen (r);
  while (n > 0 && r[n - 1] == '\n')
    r[--n] = '\0';
  if (n == 0)
    {
      free (r);
      errno = 0;
      return NULL;
    }
  return r;
}

/* 1 when S may hold a format directive of one of the languages gettext
   knows: they all start with one of these characters (%d, {0}, $var,
   ~a, <markup>).  */
static int
may_have_directives (const char *s)
{
  return s != NULL && s[strcspn (s, "%{$~<")] != '\0';
}

/* The flags of M other than fuzzy, as gettext writes them.  A format
   flag only means something on a string with directives, and asking
   libgettextpo for each of its thirty formats costs more than reading
   the message, so strings without any are not asked about.  */
static char *
message_flags (po_message_t m)
{
  struct tmc_buf b = TMC_BUF_INIT;
  int bad = 0;
  if (may_have_directives (po_message_msgid (m))
      || may_have_directives (po_message_msgid_plural (m)))
    for (const char *const *f = po_format_list (); *f; f++)
      if (po_message_is_format (m, *f))
        bad |= tmc_buf_printf (&b, "%s%s", b.len ? ", " : "", *f);
  int lo, hi;
  if (po_message_is_range (m, &lo, &hi))
    bad |= tmc_buf_printf (&b, "%srange: %d..%d", b.len ? ", " : "", lo, hi);
  if (bad)
    {
      tmc_buf_destroy (&b);
      errno = ENOMEM;
      return NULL;
    }
  if (b.len == 0)
    {
      errno = 0;
      return NULL;
    }
  return tmc_buf_steal (&b, NULL);
}

/* Convert message M into *S.  Returns 0, -1 (invalid bytes: errno
   EILSEQ) or -2 (out of memory).  */
static int
stage (po_message_t m, iconv_t cd, struct staged *s)
{
  memset (s, 0, sizeof *s);
  const char *ctxt = po_message_msgctxt (m);
  const char *plural = po_message_msgid_plural (m);
  /* A UTF-8 catalogue's strings are checked and used where they are;
     others are converted.  */
  s->borrowed = cd == (iconv_t) -1;
#define CONV(dst, src)                                                   \
  do                                                                     \
    {                                                                    \
      const char *src_ = (src);                                          \
      if (s->borrowed)                                                   \
        {                                                                \
          if (u8_check ((const uint8_t *) src_, strlen (src_)) != NULL)  \
            return -1;                                                   \
          (dst) = (char *) src_;                                         \
        }                                                                \
      else if (((dst) = to_utf8 (cd, src_)) == NULL)                     \
        return errno == EILSEQ ? -1 : -2;                                \
    }                                                                    \
  while (0)
  CONV (s->msgid, po_message_msgid (m));
  if (ctxt)
    CONV (s->msgctxt, ctxt);
  if (plural)
    CONV (s->msgid_plural, plural);
  size_t nforms = 1;
  if (plural)
    while (po_message_msgstr_plural (m, (int) nforms) != NULL)
      nforms++;
  s->msgstr = calloc (nforms + 1, sizeof *s->msgstr);
  if (s->msgstr == NULL)
    return -2;
  for (size_t i = 0; i < nforms; i++)
    CONV (s->msgstr[i], plural ? po_message_msgstr_plural (m, (int) i)
                               : po_message_msgstr (m));
#undef CONV
  /* po_message_comments and po_message_extracted_comments return a
     string joined for the call, or a static "" when there are no
     comments, and nothing frees it ("FIXME: memory leak" in gettext-po.c,
     0.21 to 0.25): free it here.  */
  const char *raw = po_message_comments (m);
  errno = 0;
  s->comments = comment_text (cd, raw);
  int e = errno;
  if (raw[0] != '\0')
    free ((char *) raw);
  if (s->comments == NULL && e != 0)
    return e == EILSEQ ? -1 : -2;
  raw = po_message_extracted_comments (m);
  errno = 0;
  s->extracted = comment_text (cd, raw);
  e = errno;
  if (raw[0] != '\0')
    free ((char *) raw);
  if (s->extracted == NULL && e != 0)
    return e == EILSEQ ? -1 : -2;
  errno = 0;
  if ((s->flags = message_flags (m)) == NULL && errno != 0)
    return -2;
  size_t nrefs = 0;
  while (po_message_filepos (m, (int) nrefs) != NULL)
    nrefs++;
  if (nrefs > 0)
    {
      s->refs = calloc (nrefs + 1, sizeof *s->refs);
      if (s->refs == NULL)
        return -2;
      for (size_t i = 0; i < nrefs; i++)
        {
          po_filepos_t fp = po_message_filepos (m, (int) i);
          size_t line = po_filepos_start_line (fp);
          char *file = to_utf8 (cd, po_filepos_file (fp));
          if (file == NULL)
            return errno == EILSEQ ? -1 : -2;
          int r = line == (size_t) -1
                    ? asprintf (&s->refs[i], "%s", file)
                    : asprintf (&s->refs[i], "%s:%zu", file, line);
          free (file);
          if (r < 0)
            {
              s->refs[i] = NULL;
              return -2;
            }
        }
    }
  if (s->msgctxt)
    {
      if (asprintf (&s->key, "%s\004%s", s->msgctxt, s->msgid) < 0)
        {
          s->key = NULL;
          return -2;
        }
    }
  else if ((s->key = tmc_strdup (s->msgid)) == NULL)
    return -2;
  s->fuzzy = po_message_is_fuzzy (m);
  return 0;
}

static int
has_prop (const struct tmc_meta *meta, const char *type, const char *value)
{
  for (size_t i = 0; i < meta->n_props; i++)
    if (strcmp (meta->props[i].type, type) == 0
        && strcmp (meta->props[i].value, value) == 0)
      return 1;
  return 0;
}

static int
has_note (const struct tmc_meta *meta, const char *note)
{
  for (size_t i = 0; i < meta->n_notes; i++)
    if (strcmp (meta->notes[i], note) == 0)
      return 1;
  return 0;
}

static void
emit (const struct tmc_po_import *im, enum tmc_diag_severity sev,
      const char *code, const char *path, unsigned long line,
      const char *message)
{
  if (!im->has_diag || im->diag.fn == NULL)
    return;
  struct tmc_diag d = { sev, code, path, line, 0, message, 0, NULL };
  im->diag.fn (im->diag.data, &d);
}

/* Add the staged message S in language LANG to the memory.  Returns 0,
   or -1 when out of memory.  */
static int
apply (struct tmc_po_import *im, const struct staged *s, const char *lang,
       const char *plural_forms, const char *path)
{
  struct tmc_tm *tm = im->tm;
  int added;
  size_t *unit = tmc_po_map_put (&im->units, s->key, tm->n_tus, &added);
  if (unit == NULL)
    return -1;
  struct tmc_tu *tu;
  if (added)
    {
      struct tmc_tu nu;
      tmc_tu_init (&nu);
      int bad = 0;
      if (s->msgctxt)
        bad |= tmc_meta_add_prop (&nu.meta, TMC_PO_PROP_CONTEXT, NULL,
                                  s->msgctxt);
      if (s->flags)
        bad |= tmc_meta_add_prop (&nu.meta, TMC_PO_PROP_FLAGS, NULL,
                                  s->flags);
      struct tmc_tuv *v = tmc_tu_add_tuv (&nu, im->source_lang, s->msgid,
                                          strlen (s->msgid));
      if (v == NULL)
        bad = 1;
      else if (s->msgid_plural)
        bad |= tmc_meta_add_prop (&v->meta, TMC_PO_PROP_MSGID_PLURAL, NULL,
                                  s->msgid_plural);
      /* The map holds the unit's index already: it must be added.  */
      if (bad || tmc_tm_add_tu_move (tm, &nu, NULL) != TMC_OK)
        {
          tmc_tu_destroy (&nu);
          return -1;
        }
    }
  tu = &tm->tus[*unit];
  int bad = 0;
  if (s->refs)
    for (char **r = s->refs; *r; r++)
      if (!has_prop (&tu->meta, TMC_PO_PROP_REFERENCE, *r))
        bad |= tmc_meta_add_prop (&tu->meta, TMC_PO_PROP_REFERENCE, NULL, *r);
  if (s->extracted && !has_note (&tu->meta, s->extracted))
    bad |= tmc_meta_add_note (&tu->meta, s->extracted);
  if (bad)
    return -1;
  struct tmc_tuv *have = tmc_tu_find (tu, lang);
  if (have != NULL)
    {
      if (strcmp (have->text, s->msgstr[0]) != 0)
        {
          im->stats.conflicts++;
          char msg[TMC_ERROR_MESSAGE_MAX];
          snprintf (msg, sizeof msg,
                    _("an earlier catalogue translates this message into "
                      "'%s' differently: the first translation is kept"),
                    lang);
          emit (im, TMC_DIAG_WARNING, "conflict", path, s->line, msg);
        }
      return 0;
    }
  struct tmc_tuv *v = tmc_tu_add_tuv (tu, lang, s->msgstr[0],
                                      strlen (s->msgstr[0]));
  if (v == NULL)
    return -1;
  if (s->msgid_plural)
    {
      for (size_t i = 1; s->msgstr[i]; i++)
        {
          char type[32];
          snprintf (type, sizeof type, "%s%zu", TMC_PO_PROP_MSGSTR_PREFIX, i);
          bad |= tmc_meta_add_prop (&v->meta, type, NULL, s->msgstr[i]);
        }
      if (plural_forms)
        bad |= tmc_meta_add_prop (&v->meta, TMC_PO_PROP_PLURAL_FORMS, NULL,
                                  plural_forms);
    }
  if (s->fuzzy)
    bad |= tmc_meta_add_prop (&v->meta, TMC_PO_PROP_FUZZY, NULL, "yes");
  if (s->comments)
    bad |= tmc_meta_add_note (&v->meta, s->comments);
  im->stats.imported++;
  return bad ? -1 : 0;
}

/* The first error of DIAGS as ERR, for a file that could not be read.  */
static enum tmc_status
first_error (const struct tmc_po_diags *d, const char *path,
             struct tmc_error *err)
{
  for (size_t i = 0; i < d->n; i++)
    if (d->v[i].severity == TMC_DIAG_ERROR)
      {
        enum tmc_status st = strcmp (d->v[i].code, "io") == 0
                               ? TMC_ERR_IO : TMC_ERR_SYNTAX;
        return tmc_error_set (err, st, path, d->v[i].line, d->v[i].column,
                              "%s", d->v[i].message);
      }
  return tmc_error_set (err, TMC_ERR_SYNTAX, path, 0, 0, "%s",
                        tmc_strerror (TMC_ERR_SYNTAX));
}

enum tmc_status
tmc_po_import_file (tmc_po_import *im, const char *path,
                    struct tmc_error *err)
{
  struct tmc_po_session s;
  char *charset = NULL;
  iconv_t cd = (iconv_t) -1;
  tmc_po_session_begin (&s, path, "syntax");
  po_file_t f = tmc_po_read (&s, path, &charset, &cd, !im->no_env);
  tmc_po_session_end (&s);
  if (s.diags.nomem)
    {
      if (f)
        tmc_po_file_free (f);
      if (cd != (iconv_t) -1)
        iconv_close (cd);
      free (charset);
      tmc_po_diags_destroy (&s.diags);
      return nomem (err);
    }
  if (f == NULL)
    {
      /* Unreadable, or not a PO file at all: one error says it.  */
      enum tmc_status st = first_error (&s.diags, path, err);
      free (charset);
      tmc_po_diags_destroy (&s.diags);
      return st;
    }
  tmc_po_diags_emit (&s.diags, path, im->has_diag ? &im->diag : NULL);
  size_t n_errors = s.diags.n_errors;
  int charset_error = 0;
  for (size_t i = 0; i < s.diags.n; i++)
    if (strcmp (s.diags.v[i].code, "charset") == 0)
      charset_error = 1;
  tmc_po_diags_destroy (&s.diags);
  enum tmc_status st = TMC_OK;
  if (n_errors > 0)
    {
      st = tmc_error_set (err, charset_error ? TMC_ERR_ENCODING
                                             : TMC_ERR_SYNTAX, path, 0, 0,
                          dngettext (PACKAGE, "%zu error in the catalogue: "
                                        "nothing imported from it",
                                        "%zu errors in the catalogue: "
                                        "nothing imported from it",
                                        n_errors), n_errors);
      goto done;
    }

  /* The language.  */
  const char *header = tmc_po_file_header (f);
  char tag[64];
  char *field = header ? tmc_po_header_get (header, "Language") : NULL;
  const char *lang = im->lang;
  if (lang == NULL)
    {
      if (field == NULL || field[0] == '\0')
        {
          st = tmc_error_set (err, TMC_ERR_FORMAT, path, 0, 0,
                              _("the catalogue does not say its language "
                                "(its header has no Language field)"));
          free (field);
          goto done;
        }
      if (to_tag (field, tag, sizeof tag) == NULL)
        {
          st = tmc_error_set (err, TMC_ERR_FORMAT, path, 0, 0,
                              _("invalid language '%s' in the header"),
                              field);
          free (field);
          goto done;
        }
      lang = tag;
    }
  else if (field && field[0] && to_tag (field, tag, sizeof tag)
           && !tmc_lang_match (tag, lang))
    {
      char msg[TMC_ERROR_MESSAGE_MAX];
      snprintf (msg, sizeof msg,
                _("the header says the language is '%s'; importing it as "
                  "'%s'"), field, lang);
      emit (im, TMC_DIAG_WARNING, "header", path, 0, msg);
    }
  free (field);
  if (tmc_lang_match (lang, im->source_lang))
    {
      st = tmc_error_set (err, TMC_ERR_FORMAT, path, 0, 0,
                          _("the catalogue's language '%s' is the source "
                            "language"), lang);
      goto done;
    }
  char *plural_forms = header ? tmc_po_header_get (header, "Plural-Forms")
                              : NULL;

  /* Convert everything first, so that an error adds nothing.  */
  struct staged *staged = NULL;
  size_t n_staged = 0, cap = 0;
  size_t messages = 0, untranslated = 0, fuzzy_skipped = 0, obsolete = 0;
  po_message_iterator_t it = po_message_iterator (f, NULL);
  po_message_t m;
  size_t bad_bytes = 0;
  while ((m = po_next_message (it)) != NULL && st == TMC_OK)
    {
      if (tmc_po_is_header (m))
        continue;
      if (po_message_is_obsolete (m))
        {
          obsolete++;
          continue;
        }
      messages++;
      const char *str = po_message_msgstr (m);
      if (str[0] == '\0')
        {
          untranslated++;
          continue;
        }
      if (po_message_is_fuzzy (m) && !im->include_fuzzy)
        {
          fuzzy_skipped++;
          continue;
        }
      if (tmc_grow ((void **) &staged, &cap, n_staged + 1, sizeof *staged)
          != 0)
        {
          st = nomem (err);
          break;
        }
      struct staged *x = &staged[n_staged];
      int r = stage (m, cd, x);
      x->line = tmc_po_message_line (m, path);
      if (r == -2)
        {
          staged_destroy (x);
          st = nomem (err);
          break;
        }
      if (r == -1)
        {
          staged_destroy (x);
          bad_bytes++;
          char msg[TMC_ERROR_MESSAGE_MAX];
          snprintf (msg, sizeof msg,
                    _("bytes that are not valid in the charset %s"),
                    charset ? charset : "UTF-8");
          emit (im, TMC_DIAG_ERROR, "charset", path, x->line, msg);
          continue;
        }
      n_staged++;
    }
  po_message_iterator_free (it);
  if (st == TMC_OK && bad_bytes > 0)
    st = tmc_error_set (err, TMC_ERR_ENCODING, path, 0, 0,
                        dngettext (PACKAGE, "%zu error in the catalogue: "
                                      "nothing imported from it",
                                      "%zu errors in the catalogue: "
                                      "nothing imported from it",
                                      bad_bytes), bad_bytes);
  for (size_t i = 0; i < n_staged; i++)
    {
      if (st == TMC_OK
          && apply (im, &staged[i], lang, plural_forms, path) != 0)
        st = nomem (err);
      staged_destroy (&staged[i]);
    }
  free (staged);
  free (plural_forms);
  if (st == TMC_OK)
    {
      im->stats.files++;
      im->stats.messages += messages;
      im->stats.untranslated += untranslated;
      im->stats.fuzzy_skipped += fuzzy_skipped;
      im->stats.obsolete += obsolete;
    }
done:
  tmc_po_file_free (f);
  if (cd != (iconv_t) -1)
    iconv_close (cd);
  free (charset);
  return st;
}
