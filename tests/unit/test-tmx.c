/* Unit tests: tmx-util.c, tmx-write.c, tmx-read.c.  */

#include <iconv.h>
#include <math.h>
#include <stdint.h>
#include <unistd.h>

#include "lib/tmx-internal.h"
#include "test.h"
#include "tmconv/tmx.h"

/* ------------------------------------------------------------------ */
/* Helpers.  */

struct msgs {
  int n;
  char last[600];
  char all[8192];
};

static void
collect (void *data, const struct tmc_error *w)
{
  struct msgs *m = data;
  m->n++;
  snprintf (m->last, sizeof m->last, "%lu:%lu: %s", w->line, w->column,
            w->message);
  size_t len = strlen (m->all);
  snprintf (m->all + len, sizeof m->all - len, "%s\n", m->last);
}

/* Write TM with OPTS (date fixed) into a fresh string.  */
static char *
write_tm (const struct tmc_tm *tm, struct tmc_tmx_write_opts *opts,
          enum tmc_status *st, size_t *len, struct tmc_error *err)
{
  char *buf = NULL;
  size_t n = 0;
  FILE *fp = open_memstream (&buf, &n);
  struct tmc_tmx_write_opts o;
  if (opts)
    o = *opts;
  else
    tmc_tmx_write_opts_init (&o);
  if (o.date < 0)
    o.date = 1700000000;
  *st = tmc_tmx_write_stream (tm, fp, &o, NULL, err);
  fclose (fp);
  if (len)
    *len = n;
  return buf;
}

static struct tmc_tu *
add_unit (struct tmc_tm *tm, const char *tuid)
{
  struct tmc_tu tu;
  tmc_tu_init (&tu);
  if (tuid)
    tu.tuid = strdup (tuid);
  tmc_tm_add_tu_move (tm, &tu, NULL);
  return &tm->tus[tm->n_tus - 1];
}

static void
add_tuv (struct tmc_tu *tu, const char *lang, const char *text)
{
  tmc_tu_add_tuv (tu, lang, text, strlen (text));
}

static struct tmc_tm *
read_str (const char *s, struct msgs *warn, enum tmc_status *st,
          struct tmc_error *err)
{
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_warn_handler h = { collect, warn };
  struct tmc_tmx_read_opts o;
  tmc_tmx_read_opts_init (&o);
  o.warn = warn ? &h : NULL;
  tmc_tmx_read_opts_into (&o, tm);
  *st = tmc_tmx_read_buffer (s, strlen (s), "t.tmx", &o, NULL, err);
  return tm;
}

#define HEAD                                                            \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n" \
  "<header creationtool=\"t\" creationtoolversion=\"1\" "               \
  "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" "   \
  "datatype=\"plaintext\"/>\n<body>\n"
#define TAIL "</body>\n</tmx>\n"
#define HEAD_FA                                                         \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n" \
  "<header creationtool=\"t\" creationtoolversion=\"1\" "               \
  "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"fa\" "   \
  "datatype=\"plaintext\"/>\n<body>\n"

/* ------------------------------------------------------------------ */
/* Language tags.  */

TEST (lang_canonical_case)
{
  char b[64];
  CHECK_INT_EQ (tmc_tmx_lang_canonical ("AZ-latn-az", NULL, b, sizeof b), 0);
  CHECK_STR_EQ (b, "az-Latn-AZ");
  CHECK_INT_EQ (tmc_tmx_lang_canonical ("en_us", NULL, b, sizeof b), 0);
  CHECK_STR_EQ (b, "en-US");
  CHECK_INT_EQ (tmc_tmx_lang_canonical ("FA", NULL, b, sizeof b), 0);
  CHECK_STR_EQ (b, "fa");
  CHECK_INT_EQ (tmc_tmx_lang_canonical ("x-Foo-BAR", NULL, b, sizeof b), 0);
  CHECK_STR_EQ (b, "x-foo-bar");
  CHECK_INT_EQ (tmc_tmx_lang_canonical ("es-419", NULL, b, sizeof b), 0);
  CHECK_STR_EQ (b, "es-419");
  CHECK_INT_EQ (tmc_tmx_lang_canonical ("en US", NULL, b, sizeof b), -1);
  CHECK_INT_EQ (tmc_tmx_lang_canonical ("*all*", NULL, b, sizeof b), -1);
  CHECK_INT_EQ (tmc_tmx_lang_canonical ("", NULL, b, sizeof b), -1);
  CHECK_INT_EQ (tmc_tmx_lang_canonical ("en--us", NULL, b, sizeof b), -1);
  CHECK_INT_EQ (tmc_tmx_lang_canonical ("1en", NULL, b, sizeof b), -1);
}

TEST (langmap_defaults_and_set)
{
  struct tmc_tmx_langmap m;
  tmc_tmx_langmap_defaults (&m);
  char b[64];
  tmc_tmx_lang_canonical ("az", &m, b, sizeof b);
  CHECK_STR_EQ (b, "az-Latn-AZ");
  tmc_tmx_lang_canonical ("FA-ir", &m, b, sizeof b);
  CHECK_STR_EQ (b, "fa-IR");
  tmc_tmx_lang_canonical ("en_GB", &m, b, sizeof b);
  CHECK_STR_EQ (b, "en-US");
  tmc_tmx_lang_canonical ("de-de", &m, b, sizeof b);
  CHECK_STR_EQ (b, "de-DE");
  struct tmc_error err;
  CHECK_INT_EQ (tmc_tmx_langmap_set (&m, "az=az-az,FA=fa", &err), TMC_OK);
  CHECK_STR_EQ (tmc_tmx_langmap_get (&m, "az-Latn"), "az-AZ");
  CHECK_STR_EQ (tmc_tmx_langmap_get (&m, "fa"), "fa");
  CHECK_INT_EQ (m.n, 3);
  CHECK_INT_EQ (tmc_tmx_langmap_set (&m, "az", &err), TMC_ERR_INVALID_ARG);
  CHECK (strstr (err.message, "LANG=TAG") != NULL);
  CHECK_INT_EQ (tmc_tmx_langmap_set (&m, "a1=az", &err), TMC_ERR_INVALID_ARG);
  CHECK_INT_EQ (tmc_tmx_langmap_set (&m, "az=a z", &err),
                TMC_ERR_INVALID_ARG);
  CHECK_INT_EQ (tmc_tmx_langmap_set (&m, "", &err), TMC_ERR_INVALID_ARG);
  CHECK_INT_EQ (tmc_tmx_langmap_set (&m, "az=", &err), TMC_ERR_INVALID_ARG);
}

/* ------------------------------------------------------------------ */
/* Scheme, dates, escaping.  */

TEST (scheme_helpers)
{
  char *t = tmc_tmx_make_tuid ("rep 42", 7);
  CHECK_STR_EQ (t, "rep_42:0007");
  free (t);
  t = tmc_tmx_make_tuid ("r", 123456);
  CHECK_STR_EQ (t, "r:123456");
  free (t);
  char b[8];
  CHECK_STR_EQ (tmc_tmx_format_score (0.9344, b), "0.934");
  CHECK_STR_EQ (tmc_tmx_format_score (0.9345001, b), "0.935");
  CHECK_STR_EQ (tmc_tmx_format_score (1.5, b), "1.000");
  CHECK_STR_EQ (tmc_tmx_format_score (-1, b), "0.000");
  CHECK_STR_EQ (tmc_tmx_format_score (NAN, b), "0.000");
  double v;
  CHECK_INT_EQ (tmc_tmx_parse_score ("0.5", &v), 0);
  CHECK (v == 0.5);
  CHECK_INT_EQ (tmc_tmx_parse_score (".75", &v), 0);
  CHECK (v == 0.75);
  CHECK_INT_EQ (tmc_tmx_parse_score ("1", &v), 0);
  CHECK (v == 1);
  CHECK_INT_EQ (tmc_tmx_parse_score ("0,5", &v), -1);
  CHECK_INT_EQ (tmc_tmx_parse_score ("1e-2", &v), -1);
  CHECK_INT_EQ (tmc_tmx_parse_score ("", &v), -1);
  CHECK_INT_EQ (tmc_tmx_parse_score (".", &v), -1);
  char *p = tmc_tmx_pair_path ("dir.d/out.tmx", "en-US", "az-Latn-AZ");
  CHECK_STR_EQ (p, "dir.d/out.en-az.tmx");
  free (p);
  p = tmc_tmx_pair_path ("dir.d/out", "en", "fa");
  CHECK_STR_EQ (p, "dir.d/out.en-fa.tmx");
  free (p);
  p = tmc_tmx_pair_path (".hidden", "az", "fa");
  CHECK_STR_EQ (p, ".hidden.az-fa.tmx");
  free (p);
}

TEST (dates)
{
  long long s;
  char b[17];
  CHECK_INT_EQ (tmc_tmx_parse_date ("20231114T221320Z", &s), 1);
  CHECK_INT_EQ (s, 1700000000);
  CHECK_STR_EQ (tmc_tmx_format_date (s, b), "20231114T221320Z");
  CHECK_INT_EQ (tmc_tmx_parse_date ("2023-11-14 22:13:20 UTC", &s), 2);
  CHECK_INT_EQ (s, 1700000000);
  CHECK_INT_EQ (tmc_tmx_parse_date ("2023-11-15T01:43:20+03:30", &s), 2);
  CHECK_INT_EQ (s, 1700000000);
  CHECK_INT_EQ (tmc_tmx_parse_date ("2023-11-14T22:13:20.123Z", &s), 2);
  CHECK_INT_EQ (s, 1700000000);
  CHECK_INT_EQ (tmc_tmx_parse_date ("20231114T221320", &s), 2);
  CHECK_INT_EQ (tmc_tmx_parse_date ("2023-11-14", &s), 2);
  CHECK_INT_EQ (s, 1699920000);
  CHECK_INT_EQ (tmc_tmx_parse_date ("20230229T000000Z", &s), 0);
  CHECK_INT_EQ (tmc_tmx_parse_date ("20240229T000000Z", &s), 1);
  CHECK_INT_EQ (tmc_tmx_parse_date ("20231114T246000Z", &s), 0);
  CHECK_INT_EQ (tmc_tmx_parse_date ("yesterday", &s), 0);
  CHECK_INT_EQ (tmc_tmx_parse_date ("20231114T221320Zx", &s), 0);
  CHECK_STR_EQ (tmc_tmx_format_date (0, b), "19700101T000000Z");
}

TEST (escape_text_and_attrs)
{
  /* Through a unit: the writer is the public way to escape.  */
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tu *tu = add_unit (tm, "a\"b");
  add_tuv (tu, "en", "x < y & z > w \"q\" 'a'\r\n\ttab");
  add_tuv (tu, "az", "bir\001iki\xef\xbf\xbe\xc3\xbc");
  tmc_meta_add_prop (&tu->meta, "x-doc", NULL, "a\tb\nc");
  struct msgs w = { 0 };
  struct tmc_warn_handler h = { collect, &w };
  struct tmc_tmx_write_opts o;
  tmc_tmx_write_opts_init (&o);
  o.warn = &h;
  o.name = "out.tmx";
  enum tmc_status st;
  struct tmc_error err;
  char *out = write_tm (tm, &o, &st, NULL, &err);
  CHECK_INT_EQ (st, TMC_OK);
  CHECK (strstr (out, "tuid=\"a&quot;b\"") != NULL);
  CHECK (strstr (out, "<seg>x &lt; y &amp; z &gt; w \"q\" 'a'&#xD;\n\ttab"
                      "</seg>") != NULL);
  CHECK (strstr (out, "<seg>birikiü</seg>") != NULL);
  CHECK (strstr (out, "<prop type=\"x-doc\">a\tb\nc</prop>") != NULL);
  CHECK_INT_EQ (w.n, 1);
  CHECK (strstr (w.last, "dropped 2 characters") != NULL);
  CHECK (strstr (w.last, "a\"b") != NULL);
  /* Read back: the text is what was given, less the dropped ones.  */
  struct tmc_error e2;
  enum tmc_status st2;
  struct tmc_tm *back = read_str (out, NULL, &st2, &e2);
  CHECK_INT_EQ (st2, TMC_OK);
  CHECK_INT_EQ (back->n_tus, 1);
  CHECK_STR_EQ (back->tus[0].tuid, "a\"b");
  CHECK_STR_EQ (back->tus[0].tuvs[0].text,
                "x < y & z > w \"q\" 'a'\r\n\ttab");
  CHECK_STR_EQ (back->tus[0].tuvs[1].text, "birikiü");
  CHECK_STR_EQ (back->tus[0].meta.props[0].value, "a\tb\nc");
  tmc_tm_free (back);
  free (out);
  tmc_tm_free (tm);
}

/* ------------------------------------------------------------------ */
/* Writer.  */

TEST (write_exact_document)
{
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tu *tu = add_unit (tm, "rep1:0001");
  tmc_meta_add_prop (&tu->meta, TMC_TMX_PROP_DOC, NULL, "rep1");
  tmc_meta_add_prop (&tu->meta, TMC_TMX_PROP_BEAD, NULL, "1-1-1");
  tmc_meta_add_prop (&tu->meta, TMC_TMX_PROP_SCORE, NULL, "0.934");
  add_tuv (tu, "az", "Görüş Bakıda keçirilib.");
  add_tuv (tu, "fa", "این نشست در باکو برگزار شد.");
  add_tuv (tu, "en", "The meeting was held in Baku.");
  tu = add_unit (tm, "rep1:0002");
  add_tuv (tu, "az", "Yalnız azərbaycanca.");
  add_tuv (tu, "fa", "فقط فارسی.");
  add_tuv (tu, "en", "");
  struct tmc_tmx_langmap m;
  tmc_tmx_langmap_defaults (&m);
  struct tmc_tmx_write_opts o;
  tmc_tmx_write_opts_init (&o);
  o.langmap = &m;
  o.srclang = "en";
  enum tmc_status st;
  struct tmc_error err;
  char *out = write_tm (tm, &o, &st, NULL, &err);
  CHECK_INT_EQ (st, TMC_OK);
  CHECK_STR_EQ (out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<tmx version=\"1.4\">\n"
    "  <header creationtool=\"tmconv\" creationtoolversion=\"" VERSION "\" "
    "segtype=\"sentence\" o-tmf=\"tmconv\" adminlang=\"en\" "
    "srclang=\"en-US\" datatype=\"plaintext\" "
    "creationdate=\"20231114T221320Z\"/>\n"
    "  <body>\n"
    "    <tu tuid=\"rep1:0001\">\n"
    "      <prop type=\"x-doc\">rep1</prop>\n"
    "      <prop type=\"x-bead\">1-1-1</prop>\n"
    "      <prop type=\"x-score\">0.934</prop>\n"
    "      <tuv xml:lang=\"en-US\"><seg>The meeting was held in Baku.</seg>"
    "</tuv>\n"
    "      <tuv xml:lang=\"az-Latn-AZ\"><seg>Görüş Bakıda keçirilib.</seg>"
    "</tuv>\n"
    "      <tuv xml:lang=\"fa-IR\"><seg>این نشست در باکو برگزار شد.</seg>"
    "</tuv>\n"
    "    </tu>\n"
    "    <tu tuid=\"rep1:0002\" srclang=\"az-Latn-AZ\">\n"
    "      <tuv xml:lang=\"az-Latn-AZ\"><seg>Yalnız azərbaycanca.</seg>"
    "</tuv>\n"
    "      <tuv xml:lang=\"fa-IR\"><seg>فقط فارسی.</seg></tuv>\n"
    "    </tu>\n"
    "  </body>\n"
    "</tmx>\n");
  free (out);
  tmc_tm_free (tm);
}

TEST (write_no_empty_seg_and_skips)
{
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tu *tu = add_unit (tm, "1");
  add_tuv (tu, "en", " \t\xc2\xa0 ");
  add_tuv (tu, "az", "");
  tu = add_unit (tm, "2");
  add_tuv (tu, "en", "Only English.");
  add_tuv (tu, "fa", "\x01\x02");
  add_unit (tm, "3");
  struct tmc_tmx_write_stats stats;
  char *buf = NULL;
  size_t n = 0;
  FILE *fp = open_memstream (&buf, &n);
  struct tmc_tmx_write_opts o;
  tmc_tmx_write_opts_init (&o);
  o.date = 0;
  struct tmc_error err;
  CHECK_INT_EQ (tmc_tmx_write_stream (tm, fp, &o, &stats, &err), TMC_OK);
  fclose (fp);
  CHECK (strstr (buf, "<seg></seg>") == NULL);
  CHECK (strstr (buf, "tuid=\"1\"") == NULL);
  CHECK (strstr (buf, "tuid=\"3\"") == NULL);
  CHECK (strstr (buf, "<tu tuid=\"2\">\n      <tuv xml:lang=\"en\"><seg>Only "
                      "English.</seg></tuv>\n    </tu>") != NULL);
  CHECK_INT_EQ (stats.units, 1);
  CHECK_INT_EQ (stats.units_skipped, 2);
  CHECK_INT_EQ (stats.tuvs, 1);
  CHECK_INT_EQ (stats.tuvs_empty, 3);
  free (buf);
  /* With two languages required, unit 2 goes too.  */
  o.min_langs = 2;
  enum tmc_status st;
  buf = write_tm (tm, &o, &st, NULL, &err);
  CHECK_INT_EQ (st, TMC_OK);
  CHECK (strstr (buf, "<tu ") == NULL);
  CHECK (strstr (buf, "srclang=\"en\"") != NULL);
  free (buf);
  tmc_tm_free (tm);
}

TEST (write_bilingual_filter)
{
  struct tmc_tm *tm = tmc_tm_new ();
  tmc_tm_set (&tm->header.srclang, "en", NULL);
  struct tmc_tu *tu = add_unit (tm, "a");
  add_tuv (tu, "az", "az1");
  add_tuv (tu, "fa", "fa1");
  add_tuv (tu, "en", "en1");
  tu = add_unit (tm, "b");
  add_tuv (tu, "az", "az2");
  add_tuv (tu, "fa", "fa2");
  tu = add_unit (tm, "c");
  add_tuv (tu, "en", "en3");
  add_tuv (tu, "fa", "fa3");
  const char *langs[] = { "az", "fa" };
  struct tmc_tmx_write_opts o;
  tmc_tmx_write_opts_init (&o);
  o.langs = langs;
  o.n_langs = 2;
  o.min_langs = 2;
  enum tmc_status st;
  struct tmc_error err;
  char *out = write_tm (tm, &o, &st, NULL, &err);
  CHECK_INT_EQ (st, TMC_OK);
  /* The header's en is not kept: the source is the first of LANGS.  */
  CHECK (strstr (out, "srclang=\"az\"") != NULL);
  CHECK (strstr (out, "tuid=\"a\">\n      <tuv xml:lang=\"az\"><seg>az1</seg>"
                      "</tuv>\n      <tuv xml:lang=\"fa\"><seg>fa1</seg>"
                      "</tuv>\n    </tu>") != NULL);
  CHECK (strstr (out, "tuid=\"b\"") != NULL);
  CHECK (strstr (out, "tuid=\"c\"") == NULL);
  CHECK (strstr (out, "en1") == NULL);
  free (out);
  /* en-fa with en the source: the fa variant comes second.  */
  const char *langs2[] = { "en", "fa" };
  o.langs = langs2;
  o.srclang = "en";
  out = write_tm (tm, &o, &st, NULL, &err);
  CHECK (strstr (out, "tuid=\"c\">\n      <tuv xml:lang=\"en\"><seg>en3</seg>"
                      "</tuv>\n      <tuv xml:lang=\"fa\"><seg>fa3</seg>")
         != NULL);
  CHECK (strstr (out, "tuid=\"b\"") == NULL);
  CHECK (strstr (out, "srclang=\"fa\"") == NULL);
  free (out);
  /* A malformed tag is refused.  */
  const char *bad[] = { "e n" };
  o.langs = bad;
  o.n_langs = 1;
  out = write_tm (tm, &o, &st, NULL, &err);
  CHECK_INT_EQ (st, TMC_ERR_INVALID_ARG);
  free (out);
  tmc_tm_free (tm);
}

TEST (write_srclang_most_common)
{
  struct tmc_tm *tm = tmc_tm_new ();
  tmc_tm_set (&tm->header.srclang, "*all*", NULL);
  struct tmc_tu *tu = add_unit (tm, "a");
  add_tuv (tu, "fa", "f");
  add_tuv (tu, "az", "a");
  tu = add_unit (tm, "b");
  add_tuv (tu, "az", "a2");
  add_tuv (tu, "en", "e2");
  enum tmc_status st;
  struct tmc_error err;
  char *out = write_tm (tm, NULL, &st, NULL, &err);
  CHECK (strstr (out, "srclang=\"az\" datatype") != NULL);
  CHECK (strstr (out, "<tu tuid=\"a\">\n      <tuv xml:lang=\"az\">") != NULL);
  free (out);
  tmc_tm_free (tm);
}

/* The example of tmx.h: the 3-language file and a bilingual one,
   written to files and read back.  */
TEST (write_files_of_alignment)
{
  char dir[] = "/tmp/tmc-test-tmx-XXXXXX";
  CHECK (mkdtemp (dir) != NULL);
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tu *tu = add_unit (tm, "rep:0001");
  add_tuv (tu, "az", "Bir.");
  add_tuv (tu, "fa", "یک.");
  add_tuv (tu, "en", "One.");
  tu = add_unit (tm, "rep:0002");
  add_tuv (tu, "en", "Only English.");
  tu = add_unit (tm, "rep:0003");
  add_tuv (tu, "az", "İki.");
  add_tuv (tu, "fa", "دو.");
  struct tmc_tmx_langmap map;
  tmc_tmx_langmap_defaults (&map);
  struct tmc_tmx_write_opts o;
  tmc_tmx_write_opts_init (&o);
  o.langmap = &map;
  o.srclang = "en";
  o.date = 0;
  struct tmc_error err;
  char out[256];
  snprintf (out, sizeof out, "%s/out.tmx", dir);
  struct tmc_tmx_write_stats st;
  CHECK_INT_EQ (tmc_tmx_write (tm, out, &o, &st, &err), TMC_OK);
  CHECK_INT_EQ (st.units, 3);
  const char *pair[] = { "en", "az" };
  o.langs = pair;
  o.n_langs = 2;
  o.min_langs = 2;
  char *path = tmc_tmx_pair_path (out, "en", "az");
  CHECK (strstr (path, "/out.en-az.tmx") != NULL);
  CHECK_INT_EQ (tmc_tmx_write (tm, path, &o, &st, &err), TMC_OK);
  CHECK_INT_EQ (st.units, 1);
  CHECK_INT_EQ (st.units_skipped, 2);
  struct tmc_tm *back;
  CHECK_INT_EQ (tmc_tmx_read (out, &back, NULL, &err), TMC_OK);
  CHECK_INT_EQ (back->n_tus, 3);
  CHECK_STR_EQ (back->header.srclang, "en-US");
  CHECK_STR_EQ (back->tus[0].tuvs[0].lang, "en-US");
  CHECK_STR_EQ (back->tus[2].srclang, "az-Latn-AZ");
  tmc_tm_free (back);
  CHECK_INT_EQ (tmc_tmx_read (path, &back, NULL, &err), TMC_OK);
  CHECK_INT_EQ (back->n_tus, 1);
  CHECK_INT_EQ (back->tus[0].n_tuvs, 2);
  CHECK_STR_EQ (back->tus[0].tuvs[1].text, "Bir.");
  tmc_tm_free (back);
  /* An output that cannot be written is an error, and nothing is left.  */
  char bad[300];
  snprintf (bad, sizeof bad, "%s/no/such/dir.tmx", dir);
  CHECK_INT_EQ (tmc_tmx_write (tm, bad, &o, NULL, &err), TMC_ERR_IO);
  unlink (out);
  unlink (path);
  free (path);
  CHECK_INT_EQ (rmdir (dir), 0);
  tmc_tm_free (tm);
}

static char *
from_utf16 (const char *s, size_t n, const char *enc)
{
  iconv_t cd = iconv_open ("UTF-8", enc);
  size_t cap = n * 2 + 1;
  char *out = calloc (1, cap), *op = out;
  char *ip = (char *) s;
  size_t il = n, ol = cap - 1;
  iconv (cd, &ip, &il, &op, &ol);
  iconv_close (cd);
  return out;
}

TEST (write_encodings)
{
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tu *tu = add_unit (tm, "ü1");
  add_tuv (tu, "az", "Şəki 𝔸");
  add_tuv (tu, "en", "Sheki");
  struct tmc_tmx_write_opts o;
  tmc_tmx_write_opts_init (&o);
  o.encoding = TMC_TMX_UTF16LE;
  enum tmc_status st;
  struct tmc_error err;
  size_t n;
  char *out = write_tm (tm, &o, &st, &n, &err);
  CHECK_INT_EQ (st, TMC_OK);
  CHECK ((unsigned char) out[0] == 0xFF && (unsigned char) out[1] == 0xFE);
  char *u8 = from_utf16 (out + 2, n - 2, "UTF-16LE");
  CHECK (strncmp (u8, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", 38) == 0);
  CHECK (strstr (u8, "<seg>Şəki 𝔸</seg>") != NULL);
  /* It reads back.  */
  enum tmc_status st2;
  struct tmc_tmx_read_opts ro;
  tmc_tmx_read_opts_init (&ro);
  struct tmc_tmx_read_stats rs;
  st2 = tmc_tmx_read_buffer (out, n, "u16", &ro, &rs, &err);
  CHECK_INT_EQ (st2, TMC_OK);
  CHECK_INT_EQ (rs.units, 1);
  CHECK_INT_EQ (rs.tuvs, 2);
  free (u8);
  free (out);
  o.encoding = TMC_TMX_UTF16BE;
  out = write_tm (tm, &o, &st, &n, &err);
  CHECK ((unsigned char) out[0] == 0xFE && (unsigned char) out[1] == 0xFF);
  u8 = from_utf16 (out + 2, n - 2, "UTF-16BE");
  CHECK (strstr (u8, "<seg>Şəki 𝔸</seg>") != NULL);
  free (u8);
  free (out);
  o.encoding = TMC_TMX_ASCII;
  out = write_tm (tm, &o, &st, &n, &err);
  CHECK (strstr (out, "encoding=\"US-ASCII\"") != NULL);
  CHECK (strstr (out, "tuid=\"&#xFC;1\"") != NULL);
  CHECK (strstr (out, "<seg>&#x15E;&#x259;ki &#x1D538;</seg>") != NULL);
  for (size_t i = 0; i < n; i++)
    CHECK ((unsigned char) out[i] < 0x80);
  struct tmc_error e2;
  struct tmc_tm *back = read_str (out, NULL, &st2, &e2);
  CHECK_INT_EQ (st2, TMC_OK);
  CHECK_STR_EQ (tmc_tu_find (&back->tus[0], "az")->text, "Şəki 𝔸");
  tmc_tm_free (back);
  free (out);
  enum tmc_tmx_encoding enc;
  CHECK_INT_EQ (tmc_tmx_encoding_parse ("utf-16", &enc, &err), TMC_OK);
  CHECK_INT_EQ (enc, TMC_TMX_UTF16LE);
  CHECK_INT_EQ (tmc_tmx_encoding_parse ("latin1", &enc, &err),
                TMC_ERR_INVALID_ARG);
  tmc_tm_free (tm);
}

TEST (write_errors)
{
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tu *tu = add_unit (tm, "bad");
  add_tuv (tu, "en", "ok");
  add_tuv (tu, "az", "bad \xc3 byte");
  enum tmc_status st;
  struct tmc_error err;
  char *out = write_tm (tm, NULL, &st, NULL, &err);
  CHECK_INT_EQ (st, TMC_ERR_ENCODING);
  CHECK_STR_EQ (err.message, "invalid UTF-8 in unit bad");
  free (out);
  tmc_tu_destroy (tu);
  tm->n_tus = 0;
  tu = add_unit (tm, "m");
  add_tuv (tu, "en", "x");
  tu->tuvs[0].markup = strdup ("a <b>bold</b>");
  out = write_tm (tm, NULL, &st, NULL, &err);
  CHECK_INT_EQ (st, TMC_ERR_INVALID_ARG);
  CHECK (strstr (err.message, "<b>") != NULL);
  free (out);
  free (tu->tuvs[0].markup);
  tu->tuvs[0].markup = strdup ("a <ph>x");
  out = write_tm (tm, NULL, &st, NULL, &err);
  CHECK_INT_EQ (st, TMC_ERR_INVALID_ARG);
  CHECK (strstr (err.message, "not well-formed") != NULL);
  free (out);
  tmc_tm_free (tm);
}

TEST (write_attrs_checked)
{
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tu *tu = add_unit (tm, "u");
  tmc_meta_add_attr (&tu->meta, "creationdate", "2018-06-11 05:09:06 UTC");
  tmc_meta_add_attr (&tu->meta, "usagecount", "many");
  tmc_meta_add_attr (&tu->meta, "x-vendor", "1");
  tmc_meta_add_attr (&tu->meta, "changeid", "me");
  add_tuv (tu, "en", "x");
  tmc_meta_add_attr (&tu->tuvs[0].meta, "segtype", "sentence");
  tmc_meta_add_attr (&tu->tuvs[0].meta, "changedate", "20200101T000000Z");
  struct msgs w = { 0 };
  struct tmc_warn_handler h = { collect, &w };
  struct tmc_tmx_write_opts o;
  tmc_tmx_write_opts_init (&o);
  o.warn = &h;
  enum tmc_status st;
  struct tmc_error err;
  char *out = write_tm (tm, &o, &st, NULL, &err);
  CHECK_INT_EQ (st, TMC_OK);
  CHECK (strstr (out, "<tu tuid=\"u\" creationdate=\"20180611T050906Z\" "
                      "changeid=\"me\">") != NULL);
  CHECK (strstr (out, "<tuv xml:lang=\"en\" changedate=\"20200101T000000Z\">")
         != NULL);
  CHECK_INT_EQ (w.n, 3);
  free (out);
  tmc_tm_free (tm);
}

/* ------------------------------------------------------------------ */
/* Reader.  */

static const char sample[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
  "<tmx version=\"1.4\">\n"
  "<header creationtool=\"OmegaT\" creationtoolversion=\"6\" "
  "segtype=\"sentence\" o-tmf=\"OmegaT TMX\" adminlang=\"EN-US\" "
  "srclang=\"EN-US\" datatype=\"plaintext\">\n"
  "  <prop type=\"x-h\" xml:lang=\"en\">h &amp; v</prop>\n"
  "  <note>header note</note>\n"
  "</header>\n"
  "<body>\n"
  "<tu tuid=\"7\" usagecount=\"2\" creationdate=\"20200102T030405Z\">\n"
  "  <note>unit note</note>\n"
  "  <prop type=\"x-doc\">d</prop>\n"
  "  <tuv xml:lang=\"EN-US\" creationid=\"me\"><prop type=\"x-v\">v</prop>"
  "<seg>Click <bpt i=\"1\" x=\"1\" type=\"bold\">&lt;b&gt;</bpt>here"
  "<ept i=\"1\">&lt;/b&gt;</ept> now<ph x=\"2\" type=\"image\">&lt;img "
  "src=&quot;a&quot;/&gt;<sub>alt text</sub></ph>.</seg></tuv>\n"
  "  <tuv lang=\"AZ-AZ\"><seg>Bura <hi type=\"term\">kliklə</hi><it "
  "pos=\"begin\">&lt;i&gt;</it> <ut>{x}</ut></seg></tuv>\n"
  "</tu>\n"
  "<tu>\n"
  "  <tuv xml:lang=\"fa\"><seg><![CDATA[a < b]]> &#x200C;ی</seg></tuv>\n"
  "  <tuv xml:lang=\"en-US\"><seg>line1\nline2</seg></tuv>\n"
  "</tu>\n"
  "</body>\n"
  "</tmx>\n";

TEST (read_sample)
{
  struct msgs w = { 0 };
  enum tmc_status st;
  struct tmc_error err;
  struct tmc_tm *tm = read_str (sample, &w, &st, &err);
  CHECK_INT_EQ (st, TMC_OK);
  CHECK_STR_EQ (tm->header.creationtool, "OmegaT");
  CHECK_STR_EQ (tm->header.srclang, "EN-US");
  CHECK_STR_EQ (tm->header.version, "1.4");
  CHECK_INT_EQ (tm->header.meta.n_props, 1);
  CHECK_STR_EQ (tm->header.meta.props[0].value, "h & v");
  CHECK_STR_EQ (tm->header.meta.props[0].lang, "en");
  CHECK_STR_EQ (tm->header.meta.notes[0], "header note");
  CHECK_INT_EQ (tm->n_tus, 2);
  struct tmc_tu *tu = &tm->tus[0];
  CHECK_STR_EQ (tu->tuid, "7");
  CHECK_STR_EQ (tmc_meta_attr (&tu->meta, "usagecount"), "2");
  CHECK_STR_EQ (tmc_meta_attr (&tu->meta, "creationdate"),
                "20200102T030405Z");
  CHECK_STR_EQ (tu->meta.notes[0], "unit note");
  CHECK_STR_EQ (tmc_meta_prop (&tu->meta, "x-doc"), "d");
  CHECK_INT_EQ (tu->n_tuvs, 2);
  CHECK_STR_EQ (tu->tuvs[0].lang, "EN-US");
  CHECK_STR_EQ (tu->tuvs[0].text, "Click here now.");
  CHECK_STR_EQ (tu->tuvs[0].markup,
                "Click <bpt i=\"1\" x=\"1\" type=\"bold\">&lt;b&gt;</bpt>here"
                "<ept i=\"1\">&lt;/b&gt;</ept> now<ph x=\"2\" type=\"image\">"
                "&lt;img src=\"a\"/&gt;<sub>alt text</sub></ph>.");
  CHECK_STR_EQ (tmc_meta_attr (&tu->tuvs[0].meta, "creationid"), "me");
  CHECK_STR_EQ (tmc_meta_prop (&tu->tuvs[0].meta, "x-v"), "v");
  CHECK_STR_EQ (tu->tuvs[1].lang, "AZ-AZ");
  CHECK_STR_EQ (tu->tuvs[1].text, "Bura kliklə ");
  CHECK_STR_EQ (tu->tuvs[1].markup, "Bura <hi type=\"term\">kliklə</hi>"
                "<it pos=\"begin\">&lt;i&gt;</it> <ut>{x}</ut>");
  tu = &tm->tus[1];
  CHECK (tu->tuid == NULL);
  CHECK_STR_EQ (tu->tuvs[0].text, "a < b \xe2\x80\x8c" "ی");
  CHECK (tu->tuvs[0].markup == NULL);
  CHECK_STR_EQ (tu->tuvs[1].text, "line1\nline2");
  /* Warnings: lang instead of xml:lang; ut deprecated; the second unit
     has no en-US... it has.  */
  CHECK (strstr (w.all, "deprecated attribute 'lang'") != NULL);
  CHECK (strstr (w.all, "<ut> is deprecated") != NULL);

  /* Written again, the markup is as it was, and it reads back the
     same.  */
  char *out = write_tm (tm, NULL, &st, NULL, &err);
  CHECK_INT_EQ (st, TMC_OK);
  CHECK (strstr (out, "<seg>Bura <hi type=\"term\">kliklə</hi><it "
                      "pos=\"begin\">&lt;i&gt;</it> <ut>{x}</ut></seg>")
         != NULL);
  CHECK (strstr (out, "<tuv xml:lang=\"az-AZ\"><seg>") != NULL);
  CHECK (strstr (out, "srclang=\"en-US\"") != NULL);
  CHECK (strstr (out, "o-tmf=\"OmegaT TMX\"") != NULL);
  struct tmc_tm *back = read_str (out, NULL, &st, &err);
  CHECK_INT_EQ (st, TMC_OK);
  CHECK_STR_EQ (back->tus[0].tuvs[0].markup, tm->tus[0].tuvs[0].markup);
  CHECK_STR_EQ (back->tus[0].tuvs[1].markup, tm->tus[0].tuvs[1].markup);
  CHECK_STR_EQ (tmc_tu_find (&back->tus[1], "fa")->text,
                tm->tus[1].tuvs[0].text);
  /* The source variant comes first.  */
  CHECK_STR_EQ (back->tus[1].tuvs[0].lang, "en-US");
  CHECK_STR_EQ (back->tus[0].meta.notes[0], "unit note");
  CHECK_STR_EQ (back->header.meta.notes[0], "header note");
  tmc_tm_free (back);
  free (out);
  tmc_tm_free (tm);
}

/* Every chunk size gives the same units.  */
TEST (read_chunked)
{
  for (size_t chunk = 1; chunk <= 7; chunk++)
    {
      struct tmc_tm *tm = tmc_tm_new ();
      struct tmc_tmx_read_opts o;
      tmc_tmx_read_opts_init (&o);
      tmc_tmx_read_opts_into (&o, tm);
      o.chunk_size = chunk;
      struct tmc_error err;
      CHECK_INT_EQ (tmc_tmx_read_buffer (sample, strlen (sample), "c", &o,
                                         NULL, &err), TMC_OK);
      CHECK_INT_EQ (tm->n_tus, 2);
      if (tm->n_tus == 2)
        {
          CHECK_STR_EQ (tm->tus[0].tuvs[0].text, "Click here now.");
          CHECK_STR_EQ (tm->tus[1].tuvs[1].text, "line1\nline2");
        }
      tmc_tm_free (tm);
    }
}

/* Two readings into one memory: the second header replaces the first,
   the units are appended.  */
TEST (read_into_appends)
{
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tmx_read_opts o;
  tmc_tmx_read_opts_init (&o);
  tmc_tmx_read_opts_into (&o, tm);
  struct tmc_error err;
  CHECK_INT_EQ (tmc_tmx_read_buffer (sample, strlen (sample), "a", &o, NULL,
                                     &err), TMC_OK);
  const char *other = HEAD_FA
    "<tu><tuv xml:lang=\"fa\"><seg>\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85</seg></tuv>"
    "<tuv xml:lang=\"en\"><seg>Hello</seg></tuv></tu>\n" TAIL;
  CHECK_INT_EQ (tmc_tmx_read_buffer (other, strlen (other), "b", &o, NULL,
                                     &err), TMC_OK);
  CHECK_INT_EQ (tm->n_tus, 3);
  CHECK_STR_EQ (tm->header.srclang, "fa");
  if (tm->n_tus == 3)
    CHECK_STR_EQ (tm->tus[2].tuvs[1].text, "Hello");
  tmc_tm_free (tm);
}

/* Every proper prefix of a TMX document is an error, never a crash.  */
TEST (read_every_prefix)
{
  size_t n = strlen (sample);
  int errors = 0;
  for (size_t len = 0; len < n; len++)
    {
      char *copy = malloc (len + 1);
      memcpy (copy, sample, len);
      copy[len] = '\0';
      struct tmc_tm *tm = tmc_tm_new ();
      struct tmc_tmx_read_opts o;
      tmc_tmx_read_opts_init (&o);
      tmc_tmx_read_opts_into (&o, tm);
      struct tmc_error err;
      enum tmc_status st = tmc_tmx_read_buffer (copy, len, "p", &o, NULL,
                                                &err);
      /* The final newline is not part of the document.  */
      if (len == n - 1)
        CHECK_INT_EQ (st, TMC_OK);
      else if (st == TMC_ERR_SYNTAX && err.line > 0)
        errors++;
      tmc_tm_free (tm);
      free (copy);
    }
  CHECK_INT_EQ (errors, (int) n - 1);
}

static enum tmc_status
read_status (const char *doc, struct tmc_error *err)
{
  struct tmc_tmx_read_opts o;
  tmc_tmx_read_opts_init (&o);
  return tmc_tmx_read_buffer (doc, strlen (doc), "x.tmx", &o, NULL, err);
}

TEST (read_refuses_entities)
{
  struct tmc_error err;
  const char *xxe =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
    "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>&xxe;</seg>"
    "</tuv></tu></body></tmx>";
  CHECK_INT_EQ (read_status (xxe, &err), TMC_ERR_FORMAT);
  CHECK (strstr (err.message, "external entity 'xxe'") != NULL);
  CHECK_INT_EQ (err.line, 2);
  const char *bomb =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n"
    "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n"
    "<tmx version=\"1.4\"><body/></tmx>";
  CHECK_INT_EQ (read_status (bomb, &err), TMC_ERR_FORMAT);
  CHECK (strstr (err.message, "entity 'a'") != NULL);
  const char *param =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY % p SYSTEM "
    "\"http://example.invalid/x.dtd\"> %p;]><tmx version=\"1.4\"/>";
  CHECK_INT_EQ (read_status (param, &err), TMC_ERR_FORMAT);
  const char *undef = HEAD "<tu><tuv xml:lang=\"en\"><seg>a&nbsp;b</seg>"
                      "</tuv></tu>" TAIL;
  CHECK_INT_EQ (read_status (undef, &err), TMC_ERR_SYNTAX);
  const char *undef_dtd =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
    "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>a&nbsp;b"
    "</seg></tuv></tu></body></tmx>";
  CHECK_INT_EQ (read_status (undef_dtd, &err), TMC_ERR_SYNTAX);
  CHECK (strstr (err.message, "&nbsp;") != NULL);
}

TEST (read_limits)
{
  struct tmc_error err;
  size_t depth = 200;
  char *deep = malloc (sizeof HEAD + depth * 9 + 100);
  strcpy (deep, HEAD "<tu><tuv xml:lang=\"en\"><seg>");
  for (size_t i = 0; i < depth; i++)
    strcat (deep, "<hi>");
  CHECK_INT_EQ (read_status (deep, &err), TMC_ERR_LIMIT);
  CHECK (strstr (err.message, "deeper than 64") != NULL);
  free (deep);
  /* The unit size limit.  */
  struct tmc_tmx_read_opts o;
  tmc_tmx_read_opts_init (&o);
  o.max_unit_bytes = 100;
  char doc[1000];
  snprintf (doc, sizeof doc, HEAD "<tu><tuv xml:lang=\"en\"><seg>%0200d"
            "</seg></tuv></tu>" TAIL, 0);
  CHECK_INT_EQ (tmc_tmx_read_buffer (doc, strlen (doc), "l", &o, NULL, &err),
                TMC_ERR_LIMIT);
  CHECK (strstr (err.message, "larger than the limit of 100 bytes") != NULL);
}

TEST (read_syntax_errors)
{
  struct tmc_error err;
  CHECK_INT_EQ (read_status (HEAD "<tu><tuv xml:lang=\"en\"><seg>x</tuv></tu>"
                             TAIL, &err), TMC_ERR_SYNTAX);
  CHECK (strstr (err.message, "mismatched tag") != NULL);
  CHECK_INT_EQ (err.line, 5);
  CHECK_INT_EQ (read_status (HEAD "<tu><tuv xml:lang=\"en\"><seg>\xff</seg>"
                             "</tuv></tu>" TAIL, &err), TMC_ERR_ENCODING);
  CHECK (strstr (err.message, "invalid UTF-8") != NULL);
  CHECK_INT_EQ (err.column, 29);
  CHECK_INT_EQ (read_status (HEAD "<tu><tuv xml:lang=\"en\"><seg>\x01</seg>"
                             "</tuv></tu>" TAIL, &err), TMC_ERR_SYNTAX);
  CHECK (strstr (err.message, "control character") != NULL);
  CHECK_INT_EQ (read_status ("<xliff/>", &err), TMC_ERR_FORMAT);
  CHECK (strstr (err.message, "<xliff>") != NULL);
  CHECK_INT_EQ (read_status ("", &err), TMC_ERR_SYNTAX);
  CHECK_INT_EQ (read_status ("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>"
                             "<tmx/>", &err), TMC_ERR_ENCODING);
  CHECK (strstr (err.message, "Shift_JIS") != NULL);
}

TEST (read_legacy_encodings)
{
  /* windows-1254 (Turkish, used for Azerbaijani): 0xFE is ş.  */
  const char *doc =
    "<?xml version=\"1.0\" encoding=\"windows-1254\"?>\n"
    "<tmx version=\"1.1\"><header creationtool=\"t\" "
    "creationtoolversion=\"1\" "
    "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" "
    "datatype=\"plaintext\"/><body><tu><tuv lang=\"az\"><seg>\xfe\x65ki</seg>"
    "</tuv><tuv lang=\"en\"><seg>Sheki</seg></tuv></tu></body></tmx>";
  enum tmc_status st;
  struct tmc_error err;
  struct msgs w = { 0 };
  struct tmc_tm *tm = read_str (doc, &w, &st, &err);
  CHECK_INT_EQ (st, TMC_OK);
  CHECK_STR_EQ (tm->tus[0].tuvs[0].text, "şeki");
  CHECK_STR_EQ (tm->header.version, "1.1");
  tmc_tm_free (tm);
}

static void
count_violation (void *data, const struct tmc_error *e)
{
  collect (data, e);
}

TEST (validate_violations)
{
  const char *doc =
    "<?xml version=\"1.0\"?>\n"
    "<tmx version=\"1.4b\">\n"
    "<header creationtool=\"t\" segtype=\"line\" o-tmf=\"t\" adminlang=\"en\" "
    "srclang=\"en_US\" datatype=\"plaintext\" creationdate=\"2020-01-01\"/>\n"
    "<body>\n"
    "<tu usagecount=\"x\" foo=\"1\"><tuv lang=\"en-US\"><seg>a <bpt i=\"1\">"
    "&lt;b&gt;</bpt><ept i=\"2\"/></seg></tuv><prop type=\"x\">p</prop>"
    "<tuv xml:lang=\"az\"><seg>b</seg><seg>c</seg></tuv></tu>\n"
    "<tu><tuv xml:lang=\"az\"><seg>x<it/><sub/></seg></tuv>"
    "<tuv xml:lang=\"fa\"><foo>y</foo><seg>z</seg></tuv>stray</tu>\n"
    "</body>\n"
    "</tmx>\n";
  struct msgs v = { 0 }, w = { 0 };
  struct tmc_warn_handler vh = { count_violation, &v };
  struct tmc_warn_handler wh = { collect, &w };
  struct tmc_tmx_read_opts o;
  tmc_tmx_read_opts_init (&o);
  o.violation = &vh;
  o.warn = &wh;
  struct tmc_tmx_read_stats stats;
  struct tmc_error err;
  CHECK_INT_EQ (tmc_tmx_read_buffer (doc, strlen (doc), "v.tmx", &o, &stats,
                                     &err), TMC_OK);
  static const char *const expect[] = {
    "2:1: TMX version \"1.4b\": TMX 1.4b requires version=\"1.4\"",
    "3:1: <header> lacks the required attribute creationtoolversion",
    "3:1: <header> segtype=\"line\" is not block, paragraph, sentence or "
    "phrase",
    "3:1: srclang 'en_US' is not a valid language code",
    "3:1: <header> creationdate=\"2020-01-01\" is not in the TMX form "
    "YYYYMMDDThhmmssZ",
    "5:1: <tu> usagecount=\"x\" is not a number",
    "5:1: <tu> has an attribute 'foo' that TMX 1.4 does not define",
    "5:28: <tuv> has the deprecated attribute 'lang' but no 'xml:lang', "
    "which TMX 1.4 requires",
    "5:53: <bpt> i=\"1\" has no <ept> with the same i in the segment",
    "5:79: <ept> i=\"2\" has no <bpt> with the same i in the segment",
    "5:103: <prop> after <tuv> in <tu>: TMX puts notes and props first",
    "5:157: a second <seg> in <tuv>: skipped",
    "6:30: <it> lacks the required attribute pos",
    "6:35: <sub> is not allowed in <seg>: its tags are left out, its text "
    "kept",
    "6:72: unknown element <foo> in <tuv>: skipped",
    "6:102: text is not allowed in <tu>: ignored",
    "6:1: unit has no variant in its source language en_US",
  };
  for (size_t i = 0; i < sizeof expect / sizeof *expect; i++)
    {
      if (strstr (v.all, expect[i]) == NULL)
        printf ("missing violation: %s\n", expect[i]);
      CHECK (strstr (v.all, expect[i]) != NULL);
    }
  CHECK_INT_EQ (stats.violations, (int) (sizeof expect / sizeof *expect));
  CHECK_INT_EQ (v.n, (int) (sizeof expect / sizeof *expect));
  if (v.n != (int) (sizeof expect / sizeof *expect))
    printf ("%s", v.all);
  CHECK_INT_EQ (stats.units, 2);

  /* A valid document has none.  */
  struct msgs v2 = { 0 };
  vh.data = &v2;
  const char *good = HEAD "<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv>"
                     "<tuv xml:lang=\"az\"><seg>b</seg></tuv></tu>" TAIL;
  CHECK_INT_EQ (tmc_tmx_read_buffer (good, strlen (good), "g.tmx", &o,
                                     &stats, &err), TMC_OK);
  CHECK_INT_EQ (v2.n, 0);
  CHECK_INT_EQ (stats.violations, 0);
}

TEST (read_warnings_counted_once)
{
  const char *doc =
    HEAD
    "<tu><tuv lang=\"en\"><seg>a</seg></tuv><tuv lang=\"az\"><seg>b</seg>"
    "</tuv></tu>\n"
    "<tu><tuv lang=\"en\"><seg>a</seg></tuv><tuv lang=\"az\"><seg> </seg>"
    "</tuv></tu>\n"
    "<tu><tuv xml:lang=\"az\"><seg>only</seg></tuv></tu>\n" TAIL;
  struct msgs w = { 0 };
  enum tmc_status st;
  struct tmc_error err;
  struct tmc_tm *tm = read_str (doc, &w, &st, &err);
  CHECK_INT_EQ (st, TMC_OK);
  CHECK_INT_EQ (tm->n_tus, 3);
  CHECK_STR_EQ (w.all,
                "5:5: <tuv> has the deprecated attribute 'lang' but no "
                "'xml:lang', which TMX 1.4 requires\n"
                "6:53: segment of nothing but white space\n"
                "7:1: unit with a single variant: nothing to translate\n"
                "7:1: unit has no variant in its source language en\n"
                "0:0: 3 more warnings like: <tuv> has the deprecated "
                "attribute 'lang' but no 'xml:lang', which TMX 1.4 "
                "requires\n");
  tmc_tm_free (tm);
}

/* ------------------------------------------------------------------ */
/* The fast paths against plain references, on random strings.  */

static const char *const pieces[] = {
  "a", "Z", "7", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\x01",
  "\x1f", "ə", "ی", "\xe2\x80\x8c" /* ZWNJ */, "\xc2\xa0" /* NBSP */,
  "\xe2\x80\x83" /* em space */, "€", "𝔸", "\xef\xbf\xbe" /* U+FFFE */,
  "\xcc\x81" /* combining acute */, "-", "."
};

static unsigned long long rnd = 0x9E3779B97F4A7C15ULL;

static unsigned
rand_below (unsigned n)
{
  rnd ^= rnd << 13;
  rnd ^= rnd >> 7;
  rnd ^= rnd << 17;
  return (unsigned) (rnd % n);
}

/* A random string of COUNT pieces into BUF.  */
static size_t
random_text (char *buf, int count)
{
  size_t len = 0;
  for (int i = 0; i < count; i++)
    {
      const char *p = pieces[rand_below (sizeof pieces / sizeof *pieces)];
      memcpy (buf + len, p, strlen (p));
      len += strlen (p);
    }
  buf[len] = '\0';
  return len;
}

/* The escaping rules, one character at a time.  */
static size_t
ref_escape (const char *s, size_t n, int attr, char *out, size_t *dropped)
{
  size_t o = 0;
  for (size_t i = 0; i < n;)
    {
      unsigned int c;
      size_t len = tmc_tmx_utf8_next ((const unsigned char *) s + i, n - i,
                                      &c);
      const char *rep = NULL;
      if (c == '&')
        rep = "&amp;";
      else if (c == '<')
        rep = "&lt;";
      else if (c == '>')
        rep = "&gt;";
      else if (c == '"' && attr)
        rep = "&quot;";
      else if (c == '\r')
        rep = "&#xD;";
      else if (c == '\n' && attr)
        rep = "&#xA;";
      else if (c == '\t' && attr)
        rep = "&#x9;";
      if (rep)
        {
          memcpy (out + o, rep, strlen (rep));
          o += strlen (rep);
        }
      else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
               || c == 0xFFFE || c == 0xFFFF)
        (*dropped)++;
      else
        {
          memcpy (out + o, s + i, len);
          o += len;
        }
      i += len;
    }
  return o;
}

/* Words and characters, one character at a time.  */
static void
ref_count (const char *s, size_t n, size_t *words, size_t *chars)
{
  size_t w = 0, ch = 0;
  int in = 0, counted = 0;
  for (size_t i = 0; i < n;)
    {
      unsigned int c;
      size_t len = tmc_tmx_utf8_next ((const unsigned char *) s + i, n - i,
                                      &c);
      ch++;
      if (tmc_tmx_is_space (c))
        in = 0;
      else
        {
          if (!in)
            in = counted = 0, in = 1;
          int wordy = (c < 0x80 && ((c | 0x20) - 'a' < 26 || c - '0' < 10))
                      || c == 0x259 || c == 0x6CC || c == 0x1D538
                      || c == 0x301;
          if (wordy && !counted)
            {
              counted = 1;
              w++;
            }
        }
      i += len;
    }
  *words = w;
  *chars = ch;
}

TEST (escape_and_count_against_reference)
{
  char in[512], want[4096];
  int bad = 0;
  for (int round = 0; round < 20000 && bad < 5; round++)
    {
      /* Offsets 0..7 shift the text against 8-byte words.  */
      size_t off = (size_t) rand_below (8);
      memset (in, 'x', off);
      size_t n = random_text (in + off, (int) rand_below (40));
      const char *t = in + off;
      int attr = (int) rand_below (2);
      size_t d1 = 0, d2 = 0;
      size_t wn = ref_escape (t, n, attr, want, &d2);
      struct tmc_buf b = TMC_BUF_INIT;
      int r = tmc_tmx_escape (&b, t, n, attr, &d1);
      if (r != 0 || b.len != wn || memcmp (b.data ? b.data : "", want, wn)
          || d1 != d2)
        {
          printf ("escape differs (attr %d): \"%.*s\"\n", attr, (int) n, t);
          bad++;
        }
      tmc_buf_destroy (&b);
      size_t w1, c1, w2, c2;
      tmc_tmx_count_text (t, n, &w1, &c1);
      ref_count (t, n, &w2, &c2);
      if (w1 != w2 || c1 != c2)
        {
          printf ("count differs: %zu/%zu words, %zu/%zu chars: "
                  "\"%.*s\"\n", w1, w2, c1, c2, (int) n, t);
          bad++;
        }
    }
  CHECK_INT_EQ (bad, 0);
  /* Not UTF-8: refused.  */
  struct tmc_buf b = TMC_BUF_INIT;
  size_t d = 0;
  CHECK_INT_EQ (tmc_tmx_escape (&b, "abc\xc3(", 5, 0, &d), -1);
  CHECK_INT_EQ (tmc_tmx_escape (&b, "\xed\xa0\x80", 3, 0, &d), -1);
  tmc_buf_destroy (&b);
}

/* ------------------------------------------------------------------ */
/* Statistics.  */

TEST (count_text)
{
  size_t w, c;
  const char *az = "Görüş Bakıda — keçirilib.";
  tmc_tmx_count_text (az, strlen (az), &w, &c);
  CHECK_INT_EQ (w, 3);
  CHECK_INT_EQ (c, 25);
  const char *fa = "می\xe2\x80\x8cخواهم  ۱۲ مه";
  tmc_tmx_count_text (fa, strlen (fa), &w, &c);
  CHECK_INT_EQ (w, 3);
  tmc_tmx_count_text ("", 0, &w, &c);
  CHECK_INT_EQ (w, 0);
  CHECK_INT_EQ (c, 0);
}

TEST (stats_units)
{
  struct tmc_tmx_stats st;
  tmc_tmx_stats_init (&st);
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tu *tu = add_unit (tm, "1");
  tmc_meta_add_prop (&tu->meta, "x-bead", NULL, "1-1-1");
  tmc_meta_add_prop (&tu->meta, "x-score", NULL, "0.95");
  add_tuv (tu, "en-US", "Two words");
  add_tuv (tu, "az", "Üç söz var");
  tu = add_unit (tm, "2");
  tmc_meta_add_prop (&tu->meta, "x-bead", NULL, "1-2-1");
  tmc_meta_add_prop (&tu->meta, "x-score", NULL, "1");
  add_tuv (tu, "EN-us", "One");
  tu = add_unit (tm, "3");
  tmc_meta_add_prop (&tu->meta, "x-score", NULL, "high");
  add_tuv (tu, "fa", "یک");
  struct tmc_error err;
  for (size_t i = 0; i < tm->n_tus; i++)
    CHECK_INT_EQ (tmc_tmx_stats_add (&st, &tm->tus[i], &err), TMC_OK);
  CHECK_INT_EQ (st.units, 3);
  CHECK_INT_EQ (st.tuvs, 4);
  CHECK_INT_EQ (st.n_langs, 3);
  CHECK_STR_EQ (st.langs[0].tag, "en-US");
  CHECK_INT_EQ (st.langs[0].tuvs, 2);
  CHECK_INT_EQ (st.langs[0].words, 3);
  CHECK_INT_EQ (st.langs[0].chars, 12);
  CHECK_INT_EQ (st.langs[1].words, 3);
  CHECK_INT_EQ (st.n_shapes, 3);
  CHECK (st.shapes[2].shape == NULL);
  CHECK_INT_EQ (st.score_bins[9], 2);
  CHECK_INT_EQ (st.scored, 2);
  CHECK_INT_EQ (st.bad_scores, 1);
  struct tmc_tmx_stats total;
  tmc_tmx_stats_init (&total);
  tmc_tmx_stats_merge (&total, &st, &err);
  tmc_tmx_stats_merge (&total, &st, &err);
  CHECK_INT_EQ (total.units, 6);
  CHECK_INT_EQ (total.langs[0].words, 6);
  CHECK_INT_EQ (total.shapes[0].units, 2);
  tmc_tmx_stats_destroy (&total);
  tmc_tmx_stats_destroy (&st);
  tmc_tm_free (tm);
}

int
main (void)
{
  RUN (lang_canonical_case);
  RUN (langmap_defaults_and_set);
  RUN (scheme_helpers);
  RUN (dates);
  RUN (escape_text_and_attrs);
  RUN (write_exact_document);
  RUN (write_no_empty_seg_and_skips);
  RUN (write_bilingual_filter);
  RUN (write_srclang_most_common);
  RUN (write_files_of_alignment);
  RUN (write_encodings);
  RUN (write_errors);
  RUN (write_attrs_checked);
  RUN (read_sample);
  RUN (read_chunked);
  RUN (read_into_appends);
  RUN (read_every_prefix);
  RUN (read_refuses_entities);
  RUN (read_limits);
  RUN (read_syntax_errors);
  RUN (read_legacy_encodings);
  RUN (validate_violations);
  RUN (read_warnings_counted_once);
  RUN (escape_and_count_against_reference);
  RUN (count_text);
  RUN (stats_units);
  return TEST_END ();
}
