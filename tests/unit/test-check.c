/* Unit tests: check.c and check-report.c (completeness of catalogues).  */

#include <unistd.h>

#include "lib/check-internal.h"
#include "test.h"
#include "tmconv/check.h"

/* What libgettextpo itself never frees, for the check-asan build.  */
TMC_PO_SANITIZER_HOOKS

#define HEADER(lang)                                                    \
  "msgid \"\"\n"                                                        \
  "msgstr \"\"\n"                                                       \
  "\"Project-Id-Version: t\\n\"\n"                                      \
  "\"PO-Revision-Date: 2023-11-14 22:13+0000\\n\"\n"                    \
  "\"Last-Translator: \\n\"\n"                                          \
  "\"Language-Team: t\\n\"\n"                                           \
  "\"Language: " lang "\\n\"\n"                                         \
  "\"MIME-Version: 1.0\\n\"\n"                                          \
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"                    \
  "\"Content-Transfer-Encoding: 8bit\\n\"\n"                            \
  "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"

/* Lines 1-11 are the header.  */
static const char edge_po[] =
  HEADER ("az")
  "\n"
  "msgid \"translated\"\n"            /* 13 */
  "msgstr \"tərcümə\"\n"
  "\n"
  "#, fuzzy\n"
  "msgid \"fuzzy with text\"\n"
  "msgstr \"qeyri-dəqiq\"\n"           /* 18 */
  "\n"
  "#, fuzzy\n"
  "msgid \"fuzzy empty\"\n"
  "msgstr \"\"\n"                      /* 22 */
  "\n"
  "msgid \"untranslated\"\n"
  "msgstr \"\"\n"                      /* 25 */
  "\n"
  "msgid \"one file\"\n"
  "msgid_plural \"%d files\"\n"
  "msgstr[0] \"bir fayl\"\n"           /* 29 */
  "msgstr[1] \"\"\n"
  "\n"
  "msgid \"one dog\"\n"
  "msgid_plural \"%d dogs\"\n"
  "msgstr[0] \"\"\n"
  "msgstr[1] \"itlər\"\n"
  "\n"
  "msgid \"one cat\"\n"
  "msgid_plural \"%d cats\"\n"
  "msgstr[0] \"pişik\"\n"
  "msgstr[1] \"pişiklər\"\n"
  "\n"
  "msgctxt \"ctx\"\n"
  "msgid \"translated\"\n"
  "msgstr \"konteks\"\n"
  "\n"
  "#~ msgid \"obsolete\"\n"
  "#~ msgstr \"köhnə\"\n";

TEST (counts_as_msgfmt_statistics)
{
  /* msgfmt --statistics: 4 translated messages, 1 fuzzy translation, 3
     untranslated messages (a fuzzy entry with no msgstr and a plural
     whose first form is empty are untranslated).  */
  test_write_file ("edge.po", edge_po);
  struct tmc_check_options o;
  tmc_check_options_init (&o);
  struct tmc_check_file *f;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_check_file (test_path ("edge.po"), &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->format, TMC_CHECK_FORMAT_PO);
  CHECK_INT_EQ (f->result, TMC_CHECK_PASS);
  CHECK_INT_EQ (f->n_langs, 1);
  struct tmc_check_lang *l = &f->langs[0];
  CHECK_STR_EQ (l->lang, "az");
  CHECK_INT_EQ (l->translated, 4);
  CHECK_INT_EQ (l->fuzzy, 1);
  CHECK_INT_EQ (l->untranslated, 3);
  CHECK_INT_EQ (l->obsolete, 1);
  CHECK_INT_EQ (l->total, 8);
  CHECK_INT_EQ (tmc_check_percent100 (l), 5000);
  /* The plural with an empty second form: a warning, and translated.  */
  CHECK_INT_EQ (f->n_errors, 0);
  CHECK_INT_EQ (f->n_warnings, 1);
  CHECK_STR_EQ (f->problems[0].code, "plural");
  CHECK_INT_EQ (f->problems[0].line, 29);
  CHECK_STR_EQ (f->problems[0].file, test_path ("edge.po"));
  CHECK_INT_EQ (f->n_messages, 0);
  tmc_check_file_free (f);

  /* The list of what is not done, with lines.  */
  o.list = 1;
  CHECK_INT_EQ (tmc_check_file (test_path ("edge.po"), &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->n_messages, 4);
  if (f->n_messages == 4)
    {
      CHECK_INT_EQ (f->messages[0].status, TMC_CHECK_FUZZY);
      CHECK_INT_EQ (f->messages[0].line, 18);
      CHECK_STR_EQ (f->messages[0].text, "fuzzy with text");
      CHECK_INT_EQ (f->messages[1].status, TMC_CHECK_UNTRANSLATED);
      CHECK_INT_EQ (f->messages[1].line, 22);
      CHECK_INT_EQ (f->messages[2].line, 25);
    }
  tmc_check_file_free (f);
}

TEST (thresholds)
{
  test_write_file ("edge.po", edge_po);
  struct tmc_check_options o;
  tmc_check_options_init (&o);
  struct tmc_check_file *f;
  struct tmc_error e;
  o.min_translated = 50;
  CHECK_INT_EQ (tmc_check_file (test_path ("edge.po"), &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->result, TMC_CHECK_PASS);
  tmc_check_file_free (f);
  o.min_translated = 50.01;
  CHECK_INT_EQ (tmc_check_file (test_path ("edge.po"), &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->result, TMC_CHECK_FAIL);
  CHECK (f->langs[0].fail_min_translated);
  CHECK (!f->langs[0].fail_max_fuzzy);
  tmc_check_file_free (f);
  o.min_translated = -1;
  o.max_fuzzy = 1;
  CHECK_INT_EQ (tmc_check_file (test_path ("edge.po"), &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->result, TMC_CHECK_PASS);
  tmc_check_file_free (f);
  o.max_fuzzy = 0;
  CHECK_INT_EQ (tmc_check_file (test_path ("edge.po"), &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->result, TMC_CHECK_FAIL);
  CHECK (f->langs[0].fail_max_fuzzy);
  tmc_check_file_free (f);
}

TEST (template_semantics)
{
  test_write_file ("t.pot", "msgid \"\"\nmsgstr \"Content-Type: text/plain; "
                       "charset=UTF-8\\n\"\n\n"
                       "msgid \"A\"\nmsgstr \"\"\n\n"
                       "msgid \"B\"\nmsgstr \"\"\n\n"
                       "msgid \"C\"\nmsgstr \"\"\n\n"
                       "msgid \"D\"\nmsgstr \"\"\n\n"   /* 14 */
                       "msgctxt \"menu\"\nmsgid \"E\"\nmsgstr \"\"\n");
  test_write_file ("fa.po", HEADER ("fa")
              "\n"
              "msgid \"A\"\nmsgstr \"آ\"\n\n"
              "#, fuzzy\nmsgid \"B\"\nmsgstr \"ب\"\n\n"
              "msgid \"C\"\nmsgstr \"\"\n\n"
              "msgid \"X\"\nmsgstr \"ایکس\"\n\n"        /* 24 */
              "msgid \"E\"\nmsgstr \"ای\"\n\n"          /* 27 */
              "#~ msgid \"Z\"\n#~ msgstr \"زد\"\n");
  struct tmc_check_options o;
  tmc_check_options_init (&o);
  tmc_check_template *tpl;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_check_template_load (test_path ("t.pot"), NULL, &tpl, &e),
                TMC_OK);
  CHECK_INT_EQ (tmc_check_template_size (tpl), 5);
  o.template_ = tpl;
  o.list = 1;
  o.min_translated = 100;
  struct tmc_check_file *f;
  CHECK_INT_EQ (tmc_check_file (test_path ("fa.po"), &o, &f, &e), TMC_OK);
  struct tmc_check_lang *l = &f->langs[0];
  CHECK_INT_EQ (l->total, 5);
  CHECK_INT_EQ (l->translated, 1);
  CHECK_INT_EQ (l->fuzzy, 1);
  /* C empty; D and menu|E missing (E without context is another
     message).  */
  CHECK_INT_EQ (l->untranslated, 3);
  CHECK_INT_EQ (l->missing, 2);
  CHECK_INT_EQ (l->not_in_template, 2);
  CHECK_INT_EQ (l->obsolete, 1);
  CHECK_INT_EQ (f->result, TMC_CHECK_FAIL);
  CHECK_INT_EQ (f->n_warnings, 2);
  CHECK_STR_EQ (f->problems[0].code, "not-in-template");
  CHECK_INT_EQ (f->problems[0].line, 24);
  CHECK_STR_EQ (f->problems[0].message,
                "this message is not in the template: \"X\"");
  CHECK_INT_EQ (f->problems[1].line, 27);
  int missing = 0;
  for (size_t i = 0; i < f->n_messages; i++)
    if (f->messages[i].status == TMC_CHECK_MISSING)
      {
        missing++;
        if (strcmp (f->messages[i].text, "D") == 0)
          CHECK_INT_EQ (f->messages[i].line, 14);
      }
  CHECK_INT_EQ (missing, 2);
  tmc_check_file_free (f);

  /* A template checked as a file: no language, no threshold.  */
  CHECK_INT_EQ (tmc_check_file (test_path ("t.pot"), &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->format, TMC_CHECK_FORMAT_POT);
  CHECK_INT_EQ (f->result, TMC_CHECK_PASS);
  CHECK_STR_EQ (f->langs[0].lang, "");
  tmc_check_file_free (f);
  tmc_check_template_free (tpl);

  /* A broken template cannot be used.  */
  test_write_file ("bad.pot", "msgid \"A\"\nmsgstr \"\"\nmsgid \"A\"\nmsgstr \"\"\n");
  CHECK_INT_EQ (tmc_check_template_load (test_path ("bad.pot"), NULL, &tpl, &e),
                TMC_ERR_SYNTAX);
  CHECK_STR_EQ (e.message, "the template cannot be used");
  CHECK_INT_EQ (tmc_check_template_load (test_path ("none.pot"), NULL, &tpl, &e),
                TMC_ERR_IO);
}

TEST (bad_files_are_results_not_failures)
{
  test_write_file ("syntax.po", "msgid \"a\"\nmsgstr \"unterminated\n");
  test_write_file ("text.po", "Dear translator,\nplease translate.\n");
  struct tmc_check_options o;
  tmc_check_options_init (&o);
  struct tmc_check_file *f;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_check_file (test_path ("missing.po"), &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->result, TMC_CHECK_ERROR);
  CHECK_INT_EQ (f->n_errors, 1);
  CHECK_STR_EQ (f->problems[0].code, "io");
  CHECK_INT_EQ (f->n_langs, 0);
  tmc_check_file_free (f);
  CHECK_INT_EQ (tmc_check_file (test_path ("syntax.po"), &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->result, TMC_CHECK_ERROR);
  CHECK_STR_EQ (f->problems[0].message, "end-of-line within string");
  CHECK_INT_EQ (f->problems[0].line, 3);
  tmc_check_file_free (f);
  CHECK_INT_EQ (tmc_check_file (test_path ("text.po"), &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->result, TMC_CHECK_ERROR);
  CHECK_STR_EQ (f->problems[f->n_problems - 1].code, "not-po");
  tmc_check_file_free (f);
  CHECK_INT_EQ (tmc_check_file (test_dir, &o, &f, &e), TMC_OK);
  CHECK_INT_EQ (f->result, TMC_CHECK_ERROR);
  CHECK_STR_EQ (f->problems[0].message, "cannot read file: Is a directory");
  tmc_check_file_free (f);
}

TEST (language_from_the_file_name)
{
  test_write_file ("glib20.fa.po", "msgid \"a\"\nmsgstr \"b\"\n");
  test_write_file ("az_AZ.po", "msgid \"a\"\nmsgstr \"b\"\n");
  test_write_file ("notes.po", "msgid \"a\"\nmsgstr \"b\"\n");
  const char *names[] = { "glib20.fa.po", "az_AZ.po", "notes.po" };
  const char *langs[] = { "fa", "az_AZ", "" };
  for (int i = 0; i < 3; i++)
    {
      struct tmc_check_file *f;
      struct tmc_error e;
      CHECK_INT_EQ (tmc_check_file (test_path (names[i]), NULL, &f, &e), TMC_OK);
      CHECK_STR_EQ (f->langs[0].lang, langs[i]);
      /* No header: a warning, as msgfmt gives one.  */
      CHECK_STR_EQ (f->problems[0].code, "header");
      tmc_check_file_free (f);
    }
}

TEST (percent_and_excerpt)
{
  struct tmc_check_lang l;
  memset (&l, 0, sizeof l);
  l.translated = 2;
  l.total = 3;
  CHECK_INT_EQ (tmc_check_percent100 (&l), 6666);
  l.translated = 99999;
  l.total = 100000;
  CHECK_INT_EQ (tmc_check_percent100 (&l), 9999);
  l.total = 0;
  CHECK_INT_EQ (tmc_check_percent100 (&l), 10000);
  char *x = tmc_check_excerpt ("short\nline");
  CHECK_STR_EQ (x, "short line");
  free (x);
  /* 58 ASCII bytes, then a two-byte letter that fits, then one that
     does not: the cut is between characters.  */
  x = tmc_check_excerpt ("0123456789012345678901234567890123456789"
                         "012345678901234567əə");
  CHECK_STR_EQ (x, "0123456789012345678901234567890123456789"
                   "012345678901234567ə...");
  free (x);
}

/* Write a report of the file PATH in FORMAT to a string.  */
static char *
report (const char *name, enum tmc_check_output format,
        const struct tmc_check_options *o)
{
  struct tmc_check_file *f;
  struct tmc_error e;
  if (tmc_check_file (test_path (name), o, &f, &e) != TMC_OK)
    return NULL;
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&buf, &len);
  tmc_check_write (fp, format, &f, 1, o);
  fclose (fp);
  tmc_check_file_free (f);
  return buf;
}

TEST (json_report)
{
  test_write_file ("a.po", HEADER ("az")
              "\nmsgid \"Hello \\\"you\\\"\"\nmsgstr \"Salam\"\n\n"
              "msgid \"Bye\"\nmsgstr \"\"\n");
  struct tmc_check_options o;
  tmc_check_options_init (&o);
  o.min_translated = 66.5;
  o.list = 1;
  char *j = report ("a.po", TMC_CHECK_JSON, &o);
  char want[4096];
  snprintf (want, sizeof want,
            "{\n"
            "  \"schema\": 1,\n"
            "  \"generator\": \"tmconv " VERSION "\",\n"
            "  \"template\": null,\n"
            "  \"thresholds\": {\"min_translated\": 66.5, \"max_fuzzy\": "
            "null},\n"
            "  \"result\": \"fail\",\n"
            "  \"files\": [\n"
            "    {\n"
            "      \"file\": \"%s\",\n"
            "      \"format\": \"po\",\n"
            "      \"result\": \"fail\",\n"
            "      \"errors\": 0,\n"
            "      \"warnings\": 0,\n"
            "      \"languages\": [\n"
            "        {\"language\": \"az\", \"total\": 2, \"translated\": 1, "
            "\"fuzzy\": 0, \"untranslated\": 1, \"obsolete\": 0, "
            "\"missing\": 0, \"not_in_template\": 0, "
            "\"translated_percent\": 50.00, \"result\": \"fail\", "
            "\"failures\": [\"min_translated\"]}\n"
            "      ],\n"
            "      \"problems\": [],\n"
            "      \"messages\": [\n"
            "        {\"status\": \"untranslated\", \"language\": \"az\", "
            "\"line\": 17, \"text\": \"Bye\", \"context\": null}\n"
            "      ]\n"
            "    }\n"
            "  ],\n"
            "  \"summary\": {\"files\": 1, \"passed\": 0, \"failed\": 1, "
            "\"errors\": 0}\n"
            "}\n", test_path ("a.po"));
  CHECK_STR_EQ (j, want);
  free (j);
}

TEST (junit_and_github_reports)
{
  test_write_file ("b.po", HEADER ("fa")
              "\n#, c-format\nmsgid \"%d files\"\nmsgstr \"%s فایل\"\n\n"
              "msgid \"x\"\nmsgstr \"\"\n");
  test_write_file ("c.po", HEADER ("fa")
              "\nmsgid \"y\"\nmsgstr \"ی\"\n\nmsgid \"x\"\nmsgstr \"\"\n");
  struct tmc_check_options o;
  tmc_check_options_init (&o);
  o.min_translated = 100;
  /* A file with errors: the error, and no completeness test (its counts
     are of what could be read).  */
  char *x = report ("b.po", TMC_CHECK_JUNIT, &o);
  CHECK (x && strstr (x, "<testsuites name=\"tmconv check\" tests=\"1\" "
                         "failures=\"0\" errors=\"1\">"));
  CHECK (x && strstr (x, "<error type=\"check\" message=\""));
  CHECK (x && strstr (x, "b.po:15: format specifications in 'msgid' and "
                         "'msgstr' for argument 1 are not the same\">"));
  CHECK (x && strstr (x, "<failure") == NULL);
  free (x);
  x = report ("c.po", TMC_CHECK_JUNIT, &o);
  CHECK (x && strstr (x, "<testsuites name=\"tmconv check\" tests=\"2\" "
                         "failures=\"1\" errors=\"0\">"));
  CHECK (x && strstr (x, "<failure type=\"min_translated\" message=\"50.00% "
                         "translated (1 of 2), 0 fuzzy, below the minimum "
                         "of 100%\"/>"));
  free (x);
  char *g = report ("b.po", TMC_CHECK_GITHUB, &o);
  char want[1024];
  snprintf (want, sizeof want, "::error file=%s,line=15,title=tmconv "
            "check::format specifications in 'msgid' and 'msgstr' for "
            "argument 1 are not the same\n", test_path ("b.po"));
  CHECK (g && strncmp (g, want, strlen (want)) == 0);
  free (g);
  g = report ("c.po", TMC_CHECK_GITHUB, &o);
  CHECK (g && strstr (g, ",title=tmconv check::fa: 1 of 2 messages "
                         "translated (50.0%25), 0 fuzzy; below the "
                         "minimum\n"));
  free (g);
}

int
main (void)
{
  if (test_scratch ("check") != 0)
    return 1;
  RUN (counts_as_msgfmt_statistics);
  RUN (thresholds);
  RUN (template_semantics);
  RUN (bad_files_are_results_not_failures);
  RUN (language_from_the_file_name);
  RUN (percent_and_excerpt);
  RUN (json_report);
  RUN (junit_and_github_reports);
  test_scratch_remove ();
  return TEST_END ();
}
