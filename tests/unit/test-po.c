/* Unit tests: po-*.c (languages, the libgettextpo session, export and
   import of catalogues).  */

#include <dirent.h>
#include <errno.h>
#include <gettext-po.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/internal.h"
#include "lib/po-internal.h"
#include "test.h"
#include "tmconv/po.h"
#include "tmconv/tmx.h"

/* What libgettextpo itself never frees, for the check-asan build.  */
TMC_PO_SANITIZER_HOOKS

#define WRITE(name, text) test_write_file (name, text)

/* ---------------------------------------------------------------- */

TEST (plural_forms_for_az_and_fa)
{
  CHECK_STR_EQ (tmc_po_plural_forms ("az"), "nplurals=2; plural=(n != 1);");
  CHECK_STR_EQ (tmc_po_plural_forms ("az-Latn-AZ"),
                "nplurals=2; plural=(n != 1);");
  CHECK_STR_EQ (tmc_po_plural_forms ("fa"), "nplurals=2; plural=(n > 1);");
  CHECK_STR_EQ (tmc_po_plural_forms ("fa_IR"), "nplurals=2; plural=(n > 1);");
  CHECK_STR_EQ (tmc_po_plural_forms ("EN"), "nplurals=2; plural=(n != 1);");
  CHECK (tmc_po_plural_forms ("xx") == NULL);
  CHECK (tmc_po_plural_forms ("azerbaijani") == NULL);
  CHECK (tmc_po_plural_forms ("") == NULL);
  CHECK_STR_EQ (tmc_po_language_name ("fa-IR"), "Persian");
  CHECK_STR_EQ (tmc_po_language_name ("az"), "Azerbaijani");
}

TEST (po_codes_to_bcp47)
{
  char b[64];
  CHECK_STR_EQ (tmc_po_lang_to_bcp47 ("az", b, sizeof b), "az");
  CHECK_STR_EQ (tmc_po_lang_to_bcp47 ("az_AZ", b, sizeof b), "az-AZ");
  CHECK_STR_EQ (tmc_po_lang_to_bcp47 ("fa_ir.UTF-8", b, sizeof b), "fa-IR");
  CHECK_STR_EQ (tmc_po_lang_to_bcp47 ("sr@latin", b, sizeof b), "sr-Latn");
  CHECK_STR_EQ (tmc_po_lang_to_bcp47 ("az_AZ@cyrillic", b, sizeof b),
                "az-Cyrl-AZ");
  CHECK_STR_EQ (tmc_po_lang_to_bcp47 ("ca@valencia", b, sizeof b),
                "ca-valencia");
  CHECK_STR_EQ (tmc_po_lang_to_bcp47 ("de_DE@euro", b, sizeof b), "de-DE");
  CHECK_STR_EQ (tmc_po_lang_to_bcp47 ("es_419", b, sizeof b), "es-419");
  CHECK (tmc_po_lang_to_bcp47 ("az-AZ", b, sizeof b) == NULL);
  CHECK (tmc_po_lang_to_bcp47 ("a", b, sizeof b) == NULL);
  CHECK (tmc_po_lang_to_bcp47 ("az_AZE", b, sizeof b) == NULL);
  CHECK (tmc_po_lang_to_bcp47 ("../x", b, sizeof b) == NULL);
  CHECK (tmc_po_lang_to_bcp47 ("az_AZ", b, 4) == NULL);
}

TEST (bcp47_to_po_codes)
{
  char b[64];
  CHECK_STR_EQ (tmc_po_lang_from_bcp47 ("az-Latn-AZ", b, sizeof b), "az_AZ");
  CHECK_STR_EQ (tmc_po_lang_from_bcp47 ("az-Cyrl-AZ", b, sizeof b),
                "az_AZ@cyrillic");
  CHECK_STR_EQ (tmc_po_lang_from_bcp47 ("FA-ir", b, sizeof b), "fa_IR");
  CHECK_STR_EQ (tmc_po_lang_from_bcp47 ("fa-Arab", b, sizeof b), "fa");
  CHECK_STR_EQ (tmc_po_lang_from_bcp47 ("sr-Latn", b, sizeof b), "sr@latin");
  CHECK_STR_EQ (tmc_po_lang_from_bcp47 ("sr-Cyrl-RS", b, sizeof b), "sr_RS");
  CHECK_STR_EQ (tmc_po_lang_from_bcp47 ("en-US-x-twain", b, sizeof b),
                "en_US");
  CHECK_STR_EQ (tmc_po_lang_from_bcp47 ("en", b, sizeof b), "en");
  CHECK (tmc_po_lang_from_bcp47 ("english", b, sizeof b) == NULL);
  CHECK (tmc_po_lang_from_bcp47 ("", b, sizeof b) == NULL);
}

/* ---------------------------------------------------------------- */
/* The session: libgettextpo's diagnostics with their lines, and fatal
   errors that come back instead of ending the program.  */

TEST (session_reports_syntax_errors_with_lines)
{
  WRITE ("bad.po", "msgid \"x\"\nmsgstr \"unterminated\n\n"
                   "msgid \"y\"\nmsgstr \"bad \\q escape\"\n\nmsgid \"z\"\n\n"
                   "msgid \"w\"\nmsgstr \"w\"\n");
  struct tmc_po_session s;
  char *cs;
  tmc_po_session_begin (&s, test_path ("bad.po"), "syntax");
  po_file_t f = tmc_po_read (&s, test_path ("bad.po"), &cs, NULL, 0);
  tmc_po_session_end (&s);
  CHECK (f != NULL);
  CHECK_INT_EQ (s.diags.n_errors, 3);
  CHECK_INT_EQ (s.diags.n, 3);
  if (s.diags.n == 3)
    {
      /* The line after the string, as msgfmt says.  */
      CHECK_INT_EQ (s.diags.v[0].line, 3);
      CHECK_STR_EQ (s.diags.v[0].message, "end-of-line within string");
      CHECK_INT_EQ (s.diags.v[1].line, 5);
      CHECK_INT_EQ (s.diags.v[1].column, 14);
      CHECK_STR_EQ (s.diags.v[1].message, "invalid control sequence");
      CHECK_INT_EQ (s.diags.v[2].line, 7);
      CHECK_STR_EQ (s.diags.v[2].message, "missing 'msgstr' section");
      CHECK_STR_EQ (s.diags.v[2].code, "syntax");
    }
  tmc_po_file_free (f);
  free (cs);
  tmc_po_diags_destroy (&s.diags);
}

TEST (session_duplicates_and_message_lines)
{
  WRITE ("dup.po", "msgid \"\"\nmsgstr \"Content-Type: text/plain; "
                   "charset=UTF-8\\n\"\n\n"
                   "msgid \"x\"\nmsgstr \"y\"\n\n"
                   "msgid \"x\"\nmsgstr \"z\"\n");
  struct tmc_po_session s;
  char *cs;
  tmc_po_session_begin (&s, test_path ("dup.po"), "syntax");
  po_file_t f = tmc_po_read (&s, test_path ("dup.po"), &cs, NULL, 0);
  tmc_po_session_end (&s);
  CHECK (f != NULL);
  CHECK_STR_EQ (cs, "UTF-8");
  CHECK_INT_EQ (s.diags.n, 1);
  if (s.diags.n == 1)
    {
      CHECK_STR_EQ (s.diags.v[0].code, "duplicate");
      CHECK_INT_EQ (s.diags.v[0].line, 7);
      CHECK_STR_EQ (s.diags.v[0].message, "duplicate message definition");
      /* The first definition: its msgstr line, as msgfmt says.  */
      CHECK_INT_EQ (s.diags.v[0].related_line, 5);
    }
  po_message_iterator_t it = po_message_iterator (f, NULL);
  po_message_t m = po_next_message (it);
  CHECK (tmc_po_is_header (m));
  CHECK_INT_EQ (tmc_po_message_line (m, test_path ("dup.po")), 2);
  m = po_next_message (it);
  CHECK (!tmc_po_is_header (m));
  CHECK_INT_EQ (tmc_po_message_line (m, test_path ("dup.po")), 5);
  /* The position must name the file read; another name gives 0.  */
  CHECK_INT_EQ (tmc_po_message_line (m, "other.po"), 0);
  /* A message made in memory has no line.  */
  po_message_t fresh = po_message_create ();
  po_message_set_msgid (fresh, "a");
  po_message_set_msgstr (fresh, "b");
  CHECK_INT_EQ (tmc_po_message_line (fresh, NULL), 0);
  po_message_insert (it, fresh);
  po_message_iterator_free (it);
  tmc_po_file_free (f);
  free (cs);
  tmc_po_diags_destroy (&s.diags);
}

TEST (session_fatal_error_comes_back)
{
  /* libgettextpo raises a fatal error when it cannot create the output
     file; the handler must not return, and the program goes on.  */
  po_file_t f = po_file_create ();
  struct tmc_po_session s;
  tmc_po_session_begin (&s, "x", "write");
  int jumped = 0;
  if (setjmp (s.fatal) == 0)
    po_file_write (f, "/nonexistent-dir/x.po", &tmc_po_handler);
  else
    jumped = 1;
  tmc_po_session_end (&s);
  CHECK_INT_EQ (jumped, 1);
  CHECK (s.fatal_seen);
  CHECK_INT_EQ (s.diags.n_errors, 1);
  if (s.diags.n == 1)
    CHECK (strstr (s.diags.v[0].message, "/nonexistent-dir/x.po") != NULL);
  tmc_po_diags_destroy (&s.diags);
  tmc_po_file_free (f);
  /* libgettextpo still works afterwards.  */
  WRITE ("ok.po", "msgid \"a\"\nmsgstr \"b\"\n");
  tmc_po_session_begin (&s, test_path ("ok.po"), "syntax");
  char *cs;
  f = tmc_po_read (&s, test_path ("ok.po"), &cs, NULL, 0);
  tmc_po_session_end (&s);
  CHECK (f != NULL);
  CHECK_INT_EQ (s.diags.n, 0);
  tmc_po_file_free (f);
  free (cs);
  tmc_po_diags_destroy (&s.diags);
}

TEST (session_sniffs_what_is_not_po)
{
  struct tmc_po_session s;
  char *cs;
  static const char mo[] = "\xde\x12\x04\x95\0\0\0\0";
  test_write_file_len ("x.mo", mo, sizeof mo - 1);
  test_write_file_len ("bin.po", "msgid \"a\"\nmsgstr \"b\"\n\0\1\2", 25);
  const char *names[] = { "x.mo", "bin.po", "missing.po", "" };
  const char *codes[] = { "not-po", "not-po", "io", "io" };
  unsigned long lines[] = { 0, 3, 0, 0 };
  for (int i = 0; i < 4; i++)
    {
      const char *p = test_path (names[i]);
      tmc_po_session_begin (&s, p, "syntax");
      po_file_t f = tmc_po_read (&s, p, &cs, NULL, 0);
      tmc_po_session_end (&s);
      CHECK (f == NULL);
      CHECK_INT_EQ (s.diags.n, 1);
      if (s.diags.n == 1)
        {
          CHECK_STR_EQ (s.diags.v[0].code, codes[i]);
          CHECK_INT_EQ (s.diags.v[0].line, lines[i]);
        }
      tmc_po_diags_destroy (&s.diags);
    }
}

TEST (session_unknown_charset_is_an_error_on_its_line)
{
  WRITE ("cs.po", "msgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: x\\n\"\n"
                  "\"Content-Type: text/plain; charset=NO-SUCH-CODE\\n\"\n\n"
                  "msgid \"a\"\nmsgstr \"b\"\n");
  struct tmc_po_session s;
  char *cs;
  tmc_po_session_begin (&s, test_path ("cs.po"), "syntax");
  po_file_t f = tmc_po_read (&s, test_path ("cs.po"), &cs, NULL, 0);
  tmc_po_session_end (&s);
  CHECK (f != NULL);
  CHECK_STR_EQ (cs, "NO-SUCH-CODE");
  CHECK_INT_EQ (s.diags.n_errors, 1);
  int found = 0;
  for (size_t i = 0; i < s.diags.n; i++)
    if (strcmp (s.diags.v[i].code, "charset") == 0)
      {
        found = 1;
        CHECK_INT_EQ (s.diags.v[i].line, 4);
        CHECK_INT_EQ (s.diags.v[i].severity, TMC_DIAG_ERROR);
      }
  CHECK (found);
  tmc_po_file_free (f);
  free (cs);
  tmc_po_diags_destroy (&s.diags);
}

TEST (head_says_utf8)
{
  const char *yes[] = {
    "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n",
    "# c\nmsgid \"\"\nmsgstr \"Content-Type: text/plain; charset=utf-8\\n\"\n",
    "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF8\"\n",
  };
  const char *no[] = {
    "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=CP1256\\n\"\n",
    "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-16\\n\"\n",
    "msgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: x\\n\"\n",
    /* charset= in a later entry is not the header's.  */
    "msgid \"\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"charset=UTF-8\"\n",
    "",
  };
  for (size_t i = 0; i < TMC_ARRAY_SIZE (yes); i++)
    CHECK (tmc_po_head_is_utf8 (yes[i], strlen (yes[i])));
  for (size_t i = 0; i < TMC_ARRAY_SIZE (no); i++)
    CHECK (!tmc_po_head_is_utf8 (no[i], strlen (no[i])));
  CHECK (!tmc_po_head_is_utf8 (NULL, 0));
}

/* ---------------------------------------------------------------- */
/* Export.  */

/* A unit as the aligner makes it (tmx.h's unit scheme): tuid DOC:NNNN,
   x-doc, x-bead (az-fa-en), x-score; the variants in the order az, fa,
   en.  DOC NULL: a unit with no props at all but SCORE.  */
static void
add_unit (struct tmc_tm *tm, const char *doc, unsigned bead,
          const char *shape, const char *score, const char *en,
          const char *az, const char *fa)
{
  struct tmc_tu tu;
  tmc_tu_init (&tu);
  if (doc)
    {
      char tuid[64];
      snprintf (tuid, sizeof tuid, "%s:%04u", doc, bead);
      tu.tuid = strdup (tuid);
      tmc_meta_add_prop (&tu.meta, TMC_TMX_PROP_DOC, NULL, doc);
    }
  if (shape)
    tmc_meta_add_prop (&tu.meta, TMC_TMX_PROP_BEAD, NULL, shape);
  if (score)
    tmc_meta_add_prop (&tu.meta, TMC_TMX_PROP_SCORE, NULL, score);
  if (az)
    tmc_tu_add_tuv (&tu, "az-Latn-AZ", az, strlen (az));
  if (fa)
    tmc_tu_add_tuv (&tu, "fa-IR", fa, strlen (fa));
  if (en)
    tmc_tu_add_tuv (&tu, "en-US", en, strlen (en));
  tmc_tm_add_tu_move (tm, &tu, NULL);
}

static struct tmc_tm *
sample_tm (void)
{
  struct tmc_tm *tm = tmc_tm_new ();
  add_unit (tm, "rep1", 1, "1-1-1", "0.950", "The ceremony began.",
            "Mərasim başladı.", "مراسم آغاز شد.");
  add_unit (tm, "rep1", 2, "1-1-1", "0.970", "Thank you.",
            "Təşəkkür edirəm.", "متشکرم.");
  add_unit (tm, "rep1", 3, "1-1-1", "0.300", "The score is low.",
            "Bal aşağıdır.", "امتیاز پایین است.");
  add_unit (tm, "rep1", 4, "1-1-2", "0.960", "Two sentences. In one bead.",
            "İki cümlə bir muncuqda.", "دو جمله در یک مهره.");
  add_unit (tm, "rep1", 5, "0-0-1", "0.990", "Only in English.", NULL, NULL);
  add_unit (tm, "rep1", 6, "1-1-0", "0.990", NULL, "Yalnız burada.",
            "فقط اینجا.");
  add_unit (tm, "rep2", 1, "1-1-1", "0.920", "The ceremony began.",
            "Mərasim başladı.", "مراسم آغاز شد.");
  add_unit (tm, "rep2", 2, "1-1-1", "0.990", "Thank you.", "Sağ olun.",
            "متشکرم.");
  add_unit (tm, "rep2", 3, "1-0-1", "0.500", "The score is low.",
            "Bal aşağıdır.", NULL);
  add_unit (tm, "rep2", 4, "1-1-1", "0.990", "Line\r\nbreak.\n",
            "Sətir\nsonu.", "پایان\r\nخط.");
  /* Bead 2 of rep3 was filtered out: after the gap, sentence numbers are
     not known, and the reference is the bead.  */
  add_unit (tm, "rep3", 1, "1-1-2", "0.990", "First. Second.", "Birinci.",
            "اول.");
  add_unit (tm, "rep3", 3, "1-1-1", "0.990", "After the gap.",
            "Boşluqdan sonra.", "پس از فاصله.");
  return tm;
}

static po_file_t
read_po (const char *name)
{
  struct tmc_po_session s;
  char *cs;
  tmc_po_session_begin (&s, test_path (name), "syntax");
  po_file_t f = tmc_po_read (&s, test_path (name), &cs, NULL, 0);
  if (f)
    {
      tmc_po_session_code (&s, "check");
      po_file_check_all (f, &tmc_po_handler);
    }
  tmc_po_session_end (&s);
  free (cs);
  /* Every catalogue tmconv writes passes the checks of msgfmt --check
     (the template's header keeps gettext's placeholders, which only
     give warnings).  */
  CHECK_INT_EQ (s.diags.n_errors, 0);
  if (strstr (name, ".pot") == NULL)
    CHECK_INT_EQ (s.diags.n, 0);
  for (size_t i = 0; i < s.diags.n; i++)
    if (strstr (name, ".pot") == NULL || s.diags.v[i].severity)
      printf ("  %s:%lu: %s\n", name, s.diags.v[i].line,
              s.diags.v[i].message);
  tmc_po_diags_destroy (&s.diags);
  return f;
}

static po_message_t
find (po_file_t f, const char *ctxt, const char *msgid)
{
  po_message_iterator_t it = po_message_iterator (f, NULL);
  po_message_t m, r = NULL;
  while ((m = po_next_message (it)) != NULL)
    if (strcmp (po_message_msgid (m), msgid) == 0
        && ((ctxt == NULL && po_message_msgctxt (m) == NULL)
            || (ctxt && po_message_msgctxt (m)
                && strcmp (ctxt, po_message_msgctxt (m)) == 0)))
      r = m;
  po_message_iterator_free (it);
  return r;
}

static size_t
count_messages (po_file_t f)
{
  po_message_iterator_t it = po_message_iterator (f, NULL);
  size_t n = 0;
  while (po_next_message (it) != NULL)
    n++;
  po_message_iterator_free (it);
  return n;
}

static char *
header_field (po_file_t f, const char *field)
{
  return tmc_po_header_get (tmc_po_file_header (f), field);
}

TEST (export_writes_template_and_catalogues)
{
  struct tmc_tm *tm = sample_tm ();
  struct tmc_po_export_options o;
  tmc_po_export_options_init (&o);
  o.domain = "reports";
  o.date = 1700000000;
  tmc_po_export *ex;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_po_export_new (&o, &ex, &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_export_add_tm (ex, tm, "corpus.tmx", &e), TMC_OK);
  struct tmc_po_export_stats st;
  CHECK_INT_EQ (tmc_po_export_write (ex, test_dir, &st, &e), TMC_OK);
  tmc_po_export_free (ex);
  tmc_tm_free (tm);

  CHECK_INT_EQ (st.units, 12);
  CHECK_INT_EQ (st.no_source, 1);
  /* ceremony (merged), thank you x2 (different az), score (merged),
     two sentences, only English, line break, first-second, after the
     gap.  */
  CHECK_INT_EQ (st.entries, 9);
  CHECK_INT_EQ (st.merged, 2);
  CHECK_INT_EQ (st.with_context, 2);
  CHECK_INT_EQ (st.n_langs, 2);
  CHECK_STR_EQ (st.lang[0].lang, "az");
  CHECK_STR_EQ (st.lang[1].lang, "fa");
  /* az: ceremony, thank you x2, line break, after the gap translated;
     low score and the two 1-1-2 fuzzy; only English untranslated.  */
  CHECK_INT_EQ (st.lang[0].translated, 5);
  CHECK_INT_EQ (st.lang[0].fuzzy, 3);
  CHECK_INT_EQ (st.lang[0].untranslated, 1);

  po_file_t pot = read_po ("reports.pot");
  po_file_t az = read_po ("az.po");
  po_file_t fa = read_po ("fa.po");
  CHECK (pot && az && fa);
  if (!pot || !az || !fa)
    return;
  CHECK_INT_EQ (count_messages (pot), 10);
  CHECK_INT_EQ (count_messages (az), 10);
  CHECK_INT_EQ (count_messages (fa), 10);

  char *v;
  CHECK_STR_EQ (v = header_field (az, "Language"), "az");
  free (v);
  CHECK_STR_EQ (v = header_field (az, "Plural-Forms"),
                "nplurals=2; plural=(n != 1);");
  free (v);
  CHECK_STR_EQ (v = header_field (fa, "Plural-Forms"),
                "nplurals=2; plural=(n > 1);");
  free (v);
  CHECK_STR_EQ (v = header_field (fa, "Language-Team"), "Persian");
  free (v);
  CHECK_STR_EQ (v = header_field (fa, "Content-Type"),
                "text/plain; charset=UTF-8");
  free (v);
  CHECK_STR_EQ (v = header_field (fa, "X-Generator"), "tmconv " VERSION);
  free (v);
  CHECK_STR_EQ (v = header_field (fa, "PO-Revision-Date"),
                "2023-11-14 22:13+0000");
  free (v);
  CHECK_STR_EQ (v = header_field (pot, "Project-Id-Version"), "reports");
  free (v);
  CHECK_STR_EQ (v = header_field (pot, "POT-Creation-Date"),
                "2023-11-14 22:13+0000");
  free (v);
  CHECK (header_field (pot, "Plural-Forms") == NULL);

  /* Merged: one entry, two references, two comments.  */
  po_message_t m = find (az, NULL, "The ceremony began.");
  CHECK (m != NULL);
  if (m)
    {
      CHECK_STR_EQ (po_message_msgstr (m), "Mərasim başladı.");
      CHECK (!po_message_is_fuzzy (m));
      CHECK_STR_EQ (po_filepos_file (po_message_filepos (m, 0)), "rep1");
      CHECK_INT_EQ (po_filepos_start_line (po_message_filepos (m, 0)), 1);
      CHECK_STR_EQ (po_filepos_file (po_message_filepos (m, 1)), "rep2");
      CHECK (po_message_filepos (m, 2) == NULL);
      const char *c = po_message_extracted_comments (m);
      CHECK_STR_EQ (c, "rep1 bead 1: shape 1-1-1 (az-fa-en), score 0.950\n"
                       "rep2 bead 1: shape 1-1-1 (az-fa-en), score 0.920\n");
      free ((char *) c);
    }
  /* Kept apart: a context each, the first place of each.  */
  m = find (az, "rep1:2", "Thank you.");
  CHECK (m != NULL && strcmp (po_message_msgstr (m), "Təşəkkür edirəm.") == 0);
  m = find (az, "rep2:2", "Thank you.");
  CHECK (m != NULL && strcmp (po_message_msgstr (m), "Sağ olun.") == 0);
  CHECK (find (az, NULL, "Thank you.") == NULL);
  /* The same two in fa, both translated alike.  */
  m = find (fa, "rep2:2", "Thank you.");
  CHECK (m != NULL && strcmp (po_message_msgstr (m), "متشکرم.") == 0);
  CHECK (find (pot, "rep1:2", "Thank you.") != NULL);
  /* Low score: fuzzy though another place scored 0.5 (still low).  */
  m = find (az, NULL, "The score is low.");
  CHECK (m != NULL && po_message_is_fuzzy (m));
  /* A translation only one place has: taken (fa from rep1).  */
  m = find (fa, NULL, "The score is low.");
  CHECK (m != NULL && strcmp (po_message_msgstr (m), "امتیاز پایین است.") == 0);
  /* Not 1-1 between English and the language: fuzzy; the reference
     names both English sentences.  */
  m = find (az, NULL, "Two sentences. In one bead.");
  CHECK (m != NULL && po_message_is_fuzzy (m));
  if (m)
    {
      CHECK_INT_EQ (po_filepos_start_line (po_message_filepos (m, 0)), 4);
      CHECK_INT_EQ (po_filepos_start_line (po_message_filepos (m, 1)), 5);
    }
  /* The next English sentence is the sixth.  */
  m = find (az, NULL, "Only in English.");
  CHECK (m != NULL && po_message_msgstr (m)[0] == '\0'
         && !po_message_is_fuzzy (m));
  if (m)
    CHECK_INT_EQ (po_filepos_start_line (po_message_filepos (m, 0)), 6);
  /* After a missing bead: the bead number, which the comment names.  */
  m = find (az, NULL, "After the gap.");
  CHECK (m != NULL && !po_message_is_fuzzy (m));
  if (m)
    {
      CHECK_STR_EQ (po_filepos_file (po_message_filepos (m, 0)), "rep3");
      CHECK_INT_EQ (po_filepos_start_line (po_message_filepos (m, 0)), 3);
      const char *c = po_message_extracted_comments (m);
      CHECK_STR_EQ (c, "rep3 bead 3: shape 1-1-1 (az-fa-en), score 0.990\n");
      free ((char *) c);
    }
  m = find (az, NULL, "First. Second.");
  CHECK (m != NULL && po_message_is_fuzzy (m));
  if (m)
    CHECK_INT_EQ (po_filepos_start_line (po_message_filepos (m, 1)), 2);
  /* CR LF made LF, newlines at the ends dropped.  */
  m = find (fa, NULL, "Line\nbreak.");
  CHECK (m != NULL && strcmp (po_message_msgstr (m), "پایان\nخط.") == 0);
  /* The template: no translations, the fuzzy header of a template.  */
  m = find (pot, NULL, "The ceremony began.");
  CHECK (m != NULL && po_message_msgstr (m)[0] == '\0');
  tmc_po_file_free (pot);
  tmc_po_file_free (az);
  tmc_po_file_free (fa);
}

static char *
slurp (const char *name, size_t *len)
{
  FILE *f = fopen (test_path (name), "rb");
  char *buf = NULL;
  *len = 0;
  if (f == NULL)
    return NULL;
  buf = malloc (1 << 20);
  *len = fread (buf, 1, 1 << 20, f);
  fclose (f);
  return buf;
}

/* Export TM (domain "t") into the directory SUB of the scratch
   directory, made here, with the texts in TMPDIR (may be NULL) and
   NO_ENV; the figures in *ST.  */
static void
export_to (const struct tmc_tm *tm, const char *sub, const char *tmpdir,
           int no_env, struct tmc_po_export_stats *st)
{
  char dir[512];
  snprintf (dir, sizeof dir, "%s/%s", test_dir, sub);
  mkdir (dir, 0777);
  struct tmc_po_export_options o;
  tmc_po_export_options_init (&o);
  o.domain = "t";
  o.date = 1700000000;
  o.tmpdir = tmpdir;
  o.no_env = no_env;
  tmc_po_export *ex;
  struct tmc_error e;
  memset (st, 0, sizeof *st);
  CHECK_INT_EQ (tmc_po_export_new (&o, &ex, &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_export_add_tm (ex, tm, "x.tmx", &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_export_write (ex, dir, st, &e), TMC_OK);
  tmc_po_export_free (ex);
}

/* Check that the directories A and B of the scratch directory hold the
   same t.pot, az.po and fa.po, of more than 1000 bytes.  */
static void
same_catalogues (const char *a_dir, const char *b_dir)
{
  const char *files[] = { "t.pot", "az.po", "fa.po" };
  for (int i = 0; i < 3; i++)
    {
      char a[64], b[64];
      snprintf (a, sizeof a, "%s/%s", a_dir, files[i]);
      snprintf (b, sizeof b, "%s/%s", b_dir, files[i]);
      size_t la, lb;
      char *da = slurp (a, &la), *db = slurp (b, &lb);
      CHECK (da != NULL && db != NULL && la > 1000);
      if (da && db)
        CHECK_MEM_EQ (db, lb, da, la);
      free (da);
      free (db);
    }
}

TEST (export_byte_by_byte_writes_the_same)
{
  /* With libgettextpo going byte by byte (OLD_PO_FILE_OUTPUT, the
     default) the files are the same as with its iconv, long Persian and
     Azerbaijani lines wrapped alike; and the environment is put back.  */
  struct tmc_tm *tm = sample_tm ();
  char longfa[2048] = "", longaz[2048] = "";
  for (int i = 0; i < 12; i++)
    {
      strcat (longfa, "این جملهٔ بلندی است، با نیم‌فاصله‌ها و «گیومه» ");
      strcat (longaz, "Bu, şəkilçiləri və İ, ı, ə hərfləri olan uzun cümlədir, ");
    }
  add_unit (tm, "rep4", 1, "1-1-1", "0.990",
            "A long sentence that wraps over several lines of the catalogue.",
            longaz, longfa);
  const char *dirs[] = { "env", "noenv" };
  for (int k = 0; k < 2; k++)
    {
      struct tmc_po_export_stats st;
      export_to (tm, dirs[k], NULL, k, &st);
    }
  tmc_tm_free (tm);
  CHECK (getenv ("OLD_PO_FILE_OUTPUT") == NULL);
  same_catalogues ("env", "noenv");
}

TEST (export_in_pieces_writes_the_same)
{
  /* libgettextpo gets a catalogue a piece at a time (2048 entries in
     use; here 1, 2 and 5): joined, the pieces are the bytes of the
     catalogue written at once, with contexts, fuzzy entries, several
     places and wrapped lines across the joins.  */
  struct tmc_tm *tm = sample_tm ();
  char longfa[1024] = "";
  for (int i = 0; i < 6; i++)
    strcat (longfa, "این جملهٔ بلندی است، با نیم‌فاصله‌ها و «گیومه» ");
  add_unit (tm, "rep4", 1, "1-1-1", "0.990",
            "A long sentence that wraps over several lines of the catalogue.",
            "Uzun.", longfa);
  static const size_t pieces[] = { 0, 1, 2, 5 };
  for (int k = 0; k < 4; k++)
    {
      char sub[32];
      snprintf (sub, sizeof sub, "piece%zu", pieces[k]);
      tmc_po_export_test_piece (pieces[k]);
      struct tmc_po_export_stats st;
      export_to (tm, sub, NULL, 0, &st);
      CHECK (st.entries == 10 && st.with_context == 2);
    }
  tmc_po_export_test_piece (0);
  tmc_tm_free (tm);
  same_catalogues ("piece0", "piece1");
  same_catalogues ("piece0", "piece2");
  same_catalogues ("piece0", "piece5");
  po_file_free (read_po ("piece1/az.po"));
}

TEST (export_texts_in_a_temporary_file_write_the_same)
{
  /* With a tmpdir the texts of the entries are kept in a temporary file
     (unlinked: the directory stays empty) and the catalogues are the
     same bytes, also when every text hashes alike (only the bytes tell
     msgids and translations apart: merged pairs, contexts); a tmpdir that
     does not exist is an error.  */
  struct tmc_tm *tm = sample_tm ();
  add_unit (tm, "rep5", 1, "1-1-1", "0.990", "Thank you.", "Çox sağ olun.",
            "متشکرم.");
  add_unit (tm, "rep5", 2, "1-1-1", "0.990", "Thank you!", "Sağ olun.",
            "متشکرم.");
  /* Thirteen places of one pair: ten comments and a count.  */
  for (int i = 0; i < 12; i++)
    {
      char doc[16];
      snprintf (doc, sizeof doc, "many%02d", i);
      add_unit (tm, doc, 1, "1-1-1", "0.990", "Again.", "Yenə.", "دوباره.");
    }
  static const char *const dirs[] = { "mem", "file", "file0" };
  char tmp[512];
  snprintf (tmp, sizeof tmp, "%s/tmp", test_dir);
  mkdir (tmp, 0777);
  for (int k = 0; k < 3; k++)
    {
      tmc_po_export_test_hash_bits (k == 2 ? 0 : 32);
      struct tmc_po_export_stats st;
      export_to (tm, dirs[k], k > 0 ? tmp : NULL, 0, &st);
      CHECK (st.entries == 12 && st.merged == 13 && st.with_context == 3);
    }
  tmc_po_export_test_hash_bits (32);
  tmc_tm_free (tm);
  same_catalogues ("mem", "file");
  same_catalogues ("mem", "file0");
  size_t len;
  char *az = slurp ("file0/az.po", &len);
  CHECK (az && strstr (az, "#. many09 bead 1: shape 1-1-1 (az-fa-en), "
                           "score 0.990\n#. and 2 more places\n"));
  free (az);
  DIR *d = opendir (tmp);
  int n = 0;
  struct dirent *de;
  while (d && (de = readdir (d)))
    n += de->d_name[0] != '.';
  if (d)
    closedir (d);
  CHECK_INT_EQ (n, 0);
  struct tmc_po_export_options o;
  tmc_po_export_options_init (&o);
  o.tmpdir = "/nonexistent/dir";
  tmc_po_export *ex = NULL;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_po_export_new (&o, &ex, &e), TMC_ERR_IO);
  CHECK (ex == NULL);
  CHECK_INT_EQ (e.sys_errno, ENOENT);
}

TEST (export_threshold_langs_and_plain_units)
{
  struct tmc_tm *tm = tmc_tm_new ();
  /* Units without props, as other tools write them.  */
  add_unit (tm, NULL, 0, NULL, NULL, "Hello.", "Salam.", "سلام.");
  add_unit (tm, NULL, 0, NULL, "0.6", "Bye.", "Sağ ol.", "خداحافظ.");
  struct tmc_po_export_options o;
  tmc_po_export_options_init (&o);
  const char *langs[] = { "fa", NULL };
  o.langs = langs;
  o.domain = "plain";
  o.fuzzy_below = 0.5;
  tmc_po_export *ex;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_po_export_new (&o, &ex, &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_export_add_tm (ex, tm, "other.tmx", &e), TMC_OK);
  struct tmc_po_export_stats st;
  CHECK_INT_EQ (tmc_po_export_write (ex, test_dir, &st, &e), TMC_OK);
  tmc_po_export_free (ex);
  tmc_tm_free (tm);
  CHECK_INT_EQ (st.n_langs, 1);
  CHECK_INT_EQ (st.lang[0].translated, 2);
  po_file_t fa = read_po ("fa.po");
  if (fa == NULL)
    return;
  po_message_t m = find (fa, NULL, "Bye.");
  CHECK (m != NULL && !po_message_is_fuzzy (m));
  if (m)
    {
      /* No document: the file and the unit number.  */
      CHECK_STR_EQ (po_filepos_file (po_message_filepos (m, 0)), "other.tmx");
      CHECK_INT_EQ (po_filepos_start_line (po_message_filepos (m, 0)), 2);
      const char *c = po_message_extracted_comments (m);
      CHECK_STR_EQ (c, "score 0.6\n");
      free ((char *) c);
    }
  tmc_po_file_free (fa);
}

TEST (export_rejects_bad_names)
{
  struct tmc_po_export_options o;
  tmc_po_export_options_init (&o);
  tmc_po_export *ex;
  struct tmc_error e;
  o.domain = "../up";
  CHECK_INT_EQ (tmc_po_export_new (&o, &ex, &e), TMC_ERR_INVALID_ARG);
  o.domain = "ok";
  const char *bad[] = { "a/b", NULL };
  o.langs = bad;
  CHECK_INT_EQ (tmc_po_export_new (&o, &ex, &e), TMC_ERR_INVALID_ARG);
  const char *src[] = { "en_GB", NULL };
  o.langs = src;
  CHECK_INT_EQ (tmc_po_export_new (&o, &ex, &e), TMC_ERR_INVALID_ARG);
  CHECK_STR_EQ (e.message, "the target language 'en_GB' is the source "
                           "language");
  const char *twice[] = { "az", "az", NULL };
  o.langs = twice;
  CHECK_INT_EQ (tmc_po_export_new (&o, &ex, &e), TMC_ERR_INVALID_ARG);
  o.langs = NULL;
  CHECK_INT_EQ (tmc_po_export_new (&o, &ex, &e), TMC_OK);
  /* The directory must exist.  */
  CHECK_INT_EQ (tmc_po_export_write (ex, test_path ("no/such/dir"), NULL, &e),
                TMC_ERR_IO);
  tmc_po_export_free (ex);
  tmc_po_export_free (NULL);
}

/* ---------------------------------------------------------------- */
/* Import.  */

struct seen {
  int n;
  char text[8][256];
};

static void
collect (void *data, const struct tmc_diag *d)
{
  struct seen *s = data;
  if (s->n < 8)
    snprintf (s->text[s->n++], sizeof s->text[0], "%s:%lu:%s:%s",
              d->severity ? "error" : "warning", d->line, d->code,
              d->message);
}

static const char az_po[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Language: az\\n\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
  "\n"
  "#. from the report\n"
  "#: rep1:3\n"
  "msgid \"Hello.\"\n"
  "msgstr \"Salam.\"\n"
  "\n"
  "msgctxt \"menu\"\n"
  "msgid \"Open\"\n"
  "msgstr \"Aç\"\n"
  "\n"
  "# translator's note\n"
  "#, c-format\n"
  "msgid \"%d file\"\n"
  "msgid_plural \"%d files\"\n"
  "msgstr[0] \"%d fayl\"\n"
  "msgstr[1] \"%d fayllar\"\n"
  "\n"
  "#, fuzzy\n"
  "msgid \"Maybe.\"\n"
  "msgstr \"Bəlkə.\"\n"
  "\n"
  "msgid \"Untranslated.\"\n"
  "msgstr \"\"\n"
  "\n"
  "#~ msgid \"Old.\"\n"
  "#~ msgstr \"Köhnə.\"\n";

/* fa.po in windows-1256, made with iconv.  Persian in that code page
   writes yeh as the Arabic U+064A: it has no U+06CC.  */
static size_t
make_fa_cp1256 (char *out, size_t size)
{
  const char *utf8 = "msgid \"\"\n"
                     "msgstr \"\"\n"
                     "\"Language: fa_IR\\n\"\n"
                     "\"Content-Type: text/plain; charset=CP1256\\n\"\n"
                     "\n"
                     "msgid \"Hello.\"\n"
                     "msgstr \"سلام.\"\n"
                     "\n"
                     "msgctxt \"menu\"\n"
                     "msgid \"Open\"\n"
                     "msgstr \"باز کن\"\n"
                     "\n"
                     "msgid \"Only Persian.\"\n"
                     "msgstr \"فقط فارسي.\"\n";
  iconv_t cd = iconv_open ("CP1256", "UTF-8");
  char *in = (char *) utf8, *o = out;
  size_t inleft = strlen (utf8), outleft = size;
  iconv (cd, &in, &inleft, &o, &outleft);
  iconv_close (cd);
  return size - outleft;
}

TEST (import_merges_languages_and_keeps_context_and_plurals)
{
  WRITE ("az.po", az_po);
  char fa[1024];
  size_t n = make_fa_cp1256 (fa, sizeof fa);
  test_write_file_len ("fa1256.po", fa, n);
  struct tmc_tm *tm = tmc_tm_new ();
  struct seen seen = { 0 };
  struct tmc_diag_handler h = { collect, &seen };
  struct tmc_po_import_options o;
  tmc_po_import_options_init (&o);
  o.diag = &h;
  tmc_po_import *im;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_po_import_new (tm, &o, &im, &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("az.po"), &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("fa1256.po"), &e), TMC_OK);
  struct tmc_po_import_stats st;
  tmc_po_import_stats (im, &st);
  tmc_po_import_free (im);
  CHECK_INT_EQ (seen.n, 0);
  CHECK_INT_EQ (st.files, 2);
  CHECK_INT_EQ (st.messages, 8);
  CHECK_INT_EQ (st.imported, 6);
  CHECK_INT_EQ (st.fuzzy_skipped, 1);
  CHECK_INT_EQ (st.untranslated, 1);
  CHECK_INT_EQ (st.obsolete, 1);
  CHECK_INT_EQ (st.units, 4);
  CHECK_STR_EQ (tm->header.srclang, "en");
  CHECK_INT_EQ (tm->n_tus, 4);
  if (tm->n_tus != 4)
    {
      tmc_tm_free (tm);
      return;
    }
  struct tmc_tu *hello = &tm->tus[0];
  CHECK_INT_EQ (hello->n_tuvs, 3);
  CHECK_STR_EQ (hello->tuvs[0].lang, "en");
  CHECK_STR_EQ (hello->tuvs[0].text, "Hello.");
  CHECK_STR_EQ (hello->tuvs[1].lang, "az");
  CHECK_STR_EQ (hello->tuvs[1].text, "Salam.");
  CHECK_STR_EQ (hello->tuvs[2].lang, "fa-IR");
  CHECK_STR_EQ (hello->tuvs[2].text, "سلام.");
  CHECK_STR_EQ (tmc_meta_prop (&hello->meta, TMC_PO_PROP_REFERENCE),
                "rep1:3");
  CHECK_INT_EQ (hello->meta.n_notes, 1);
  CHECK_STR_EQ (hello->meta.notes[0], "from the report");
  struct tmc_tu *open = &tm->tus[1];
  CHECK_STR_EQ (tmc_meta_prop (&open->meta, TMC_PO_PROP_CONTEXT), "menu");
  CHECK_INT_EQ (open->n_tuvs, 3);
  CHECK_STR_EQ (open->tuvs[2].text, "باز کن");
  struct tmc_tu *files = &tm->tus[2];
  CHECK_STR_EQ (files->tuvs[0].text, "%d file");
  CHECK_STR_EQ (tmc_meta_prop (&files->tuvs[0].meta,
                               TMC_PO_PROP_MSGID_PLURAL), "%d files");
  CHECK_STR_EQ (files->tuvs[1].text, "%d fayl");
  CHECK_STR_EQ (tmc_meta_prop (&files->tuvs[1].meta, "x-msgstr-1"),
                "%d fayllar");
  CHECK_STR_EQ (tmc_meta_prop (&files->tuvs[1].meta,
                               TMC_PO_PROP_PLURAL_FORMS),
                "nplurals=2; plural=(n != 1);");
  CHECK_STR_EQ (tmc_meta_prop (&files->meta, TMC_PO_PROP_FLAGS), "c-format");
  CHECK_INT_EQ (files->tuvs[1].meta.n_notes, 1);
  CHECK_STR_EQ (files->tuvs[1].meta.notes[0], "translator's note");
  struct tmc_tu *only = &tm->tus[3];
  CHECK_INT_EQ (only->n_tuvs, 2);
  CHECK_STR_EQ (only->tuvs[1].text, "فقط فارسي.");
  tmc_tm_free (tm);
}

TEST (import_fuzzy_lang_and_conflicts)
{
  WRITE ("az.po", az_po);
  WRITE ("az2.po", "msgid \"\"\nmsgstr \"Language: az\\n\"\n"
                   "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                   "msgid \"Hello.\"\nmsgstr \"Salam!\"\n");
  WRITE ("nolang.po", "msgid \"\"\nmsgstr \"Content-Type: text/plain; "
                      "charset=UTF-8\\n\"\n\nmsgid \"A\"\nmsgstr \"B\"\n");
  struct tmc_tm *tm = tmc_tm_new ();
  struct seen seen = { 0 };
  struct tmc_diag_handler h = { collect, &seen };
  struct tmc_po_import_options o;
  tmc_po_import_options_init (&o);
  o.diag = &h;
  o.include_fuzzy = 1;
  tmc_po_import *im;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_po_import_new (tm, &o, &im, &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("az.po"), &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("az2.po"), &e), TMC_OK);
  CHECK_INT_EQ (seen.n, 1);
  CHECK_STR_EQ (seen.text[0], "warning:6:conflict:an earlier catalogue "
                              "translates this message into 'az' "
                              "differently: the first translation is kept");
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("nolang.po"), &e),
                TMC_ERR_FORMAT);
  CHECK_STR_EQ (e.message, "the catalogue does not say its language (its "
                           "header has no Language field)");
  struct tmc_po_import_stats st;
  tmc_po_import_stats (im, &st);
  tmc_po_import_free (im);
  CHECK_INT_EQ (st.conflicts, 1);
  CHECK_INT_EQ (st.fuzzy_skipped, 0);
  CHECK_INT_EQ (tm->n_tus, 4);
  /* The fuzzy one is there, marked.  */
  if (tm->n_tus == 4)
    {
      CHECK_STR_EQ (tm->tus[3].tuvs[1].text, "Bəlkə.");
      CHECK_STR_EQ (tmc_meta_prop (&tm->tus[3].tuvs[1].meta,
                                   TMC_PO_PROP_FUZZY), "yes");
      CHECK_STR_EQ (tm->tus[0].tuvs[1].text, "Salam.");
    }
  tmc_tm_free (tm);

  /* --lang overrides the header, with a warning when they differ.  */
  tm = tmc_tm_new ();
  seen.n = 0;
  o.lang = "tr";
  CHECK_INT_EQ (tmc_po_import_new (tm, &o, &im, &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("az2.po"), &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("nolang.po"), &e), TMC_OK);
  tmc_po_import_free (im);
  CHECK_INT_EQ (seen.n, 1);
  CHECK_STR_EQ (seen.text[0], "warning:0:header:the header says the "
                              "language is 'az'; importing it as 'tr'");
  CHECK_INT_EQ (tm->n_tus, 2);
  if (tm->n_tus == 2)
    CHECK_STR_EQ (tm->tus[1].tuvs[1].lang, "tr");
  tmc_tm_free (tm);
}

TEST (import_errors_add_nothing)
{
  WRITE ("syntax.po", "msgid \"\"\nmsgstr \"Language: az\\n\"\n"
                      "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                      "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\n");
  WRITE ("badcs.po", "msgid \"\"\nmsgstr \"\"\n\"Language: az\\n\"\n"
                     "\"Content-Type: text/plain; charset=KLINGON\\n\"\n\n"
                     "msgid \"a\"\nmsgstr \"b\"\n");
  /* Declared UTF-8, but a Latin-1 byte in a translation.  */
  WRITE ("badbytes.po", "msgid \"\"\nmsgstr \"\"\n\"Language: az\\n\"\n"
                        "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                        "msgid \"a\"\nmsgstr \"caf\xe9\"\n");
  struct tmc_tm *tm = tmc_tm_new ();
  struct seen seen = { 0 };
  struct tmc_diag_handler h = { collect, &seen };
  struct tmc_po_import_options o;
  tmc_po_import_options_init (&o);
  o.diag = &h;
  tmc_po_import *im;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_po_import_new (tm, &o, &im, &e), TMC_OK);
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("syntax.po"), &e),
                TMC_ERR_SYNTAX);
  CHECK_STR_EQ (e.message, "2 errors in the catalogue: nothing imported "
                           "from it");
  CHECK_INT_EQ (seen.n, 2);
  CHECK_STR_EQ (seen.text[0], "error:9:syntax:end-of-line within string");
  seen.n = 0;
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("badcs.po"), &e),
                TMC_ERR_ENCODING);
  int found = 0;
  for (int i = 0; i < seen.n; i++)
    if (strcmp (seen.text[i], "error:4:charset:unknown charset 'KLINGON' in "
                              "the header: iconv cannot convert it") == 0)
      found = 1;
  CHECK (found);
  seen.n = 0;
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("badbytes.po"), &e),
                TMC_ERR_ENCODING);
  CHECK_INT_EQ (seen.n, 1);
  CHECK_STR_EQ (seen.text[0], "error:7:charset:bytes that are not valid in "
                              "the charset UTF-8");
  /* The environment is as it was.  */
  CHECK (getenv ("OLD_PO_FILE_INPUT") == NULL);
  CHECK_INT_EQ (tmc_po_import_file (im, test_path ("none.po"), &e), TMC_ERR_IO);
  CHECK_STR_EQ (e.message, "cannot open file: No such file or directory");
  tmc_po_import_free (im);
  CHECK_INT_EQ (tm->n_tus, 0);
  tmc_tm_free (tm);
}

int
main (void)
{
  if (test_scratch ("po") != 0)
    return 1;
  RUN (plural_forms_for_az_and_fa);
  RUN (po_codes_to_bcp47);
  RUN (bcp47_to_po_codes);
  RUN (session_reports_syntax_errors_with_lines);
  RUN (session_duplicates_and_message_lines);
  RUN (session_fatal_error_comes_back);
  RUN (session_sniffs_what_is_not_po);
  RUN (session_unknown_charset_is_an_error_on_its_line);
  RUN (head_says_utf8);
  RUN (export_writes_template_and_catalogues);
  RUN (export_byte_by_byte_writes_the_same);
  RUN (export_in_pieces_writes_the_same);
  RUN (export_texts_in_a_temporary_file_write_the_same);
  RUN (export_threshold_langs_and_plain_units);
  RUN (export_rejects_bad_names);
  RUN (import_merges_languages_and_keeps_context_and_plurals);
  RUN (import_fuzzy_lang_and_conflicts);
  RUN (import_errors_add_nothing);
  test_scratch_remove ();
  return TEST_END ();
}
