/* Unit tests: srx.c and srx-regex.c (reading SRX, translating Java and
   ICU regular expressions, language maps).  */

#include "test.h"
#include "../../src/lib/srx-internal.h"
#include "tmconv/segment.h"

static char *
tr (const char *s)
{
  static char *last;
  free (last);
  char msg[256];
  last = tmc_srx_translate (s, msg, sizeof msg);
  return last;
}

TEST (translate_java_and_icu)
{
  CHECK_STR_EQ (tr ("[\\u2026\\u061F]"), "[\\x{2026}\\x{061F}]");
  CHECK_STR_EQ (tr ("\\U0001F600"), "\\x{0001F600}");
  CHECK_STR_EQ (tr ("\\p{IsLatin}\\P{IsLu}"), "\\p{Latin}\\P{Lu}");
  CHECK_STR_EQ (tr ("\\p{Punct}"), "\\p{P}");
  CHECK_STR_EQ (tr ("[\\p{Alnum}_]"), "[\\p{Alphabetic}\\p{Nd}_]");
  CHECK_STR_EQ (tr ("\\p{Alnum}"), "[\\p{Alphabetic}\\p{Nd}]");
  CHECK_STR_EQ (tr ("(?u)a(?iu)b(?U:c)"), "a(?i)b(?:c)");
  /* Escaped backslashes and quoted text are left alone.  */
  CHECK_STR_EQ (tr ("\\\\u0041"), "\\\\u0041");
  CHECK_STR_EQ (tr ("\\Q\\u0041\\E"), "\\Q\\u0041\\E");
  char msg[256];
  CHECK (tmc_srx_translate ("[a-z&&[^aeiou]]", msg, sizeof msg) == NULL);
  CHECK (strstr (msg, "&&") != NULL);
}

static const char srx_text[] =
  "<?xml version=\"1.0\"?>\n"
  "<srx version=\"2.0\" xmlns=\"http://www.lisa.org/srx20\">\n"
  " <header segmentsubflows=\"yes\" cascade=\"yes\"/>\n"
  " <body>\n"
  "  <languagerules>\n"
  "   <languagerule languagerulename=\"A\"><rule break=\"no\">"
  "<beforebreak>x</beforebreak></rule></languagerule>\n"
  "   <languagerule languagerulename=\"B\"><rule><beforebreak>\\.</beforebreak>"
  "<afterbreak>\\s</afterbreak></rule></languagerule>\n"
  "  </languagerules>\n"
  "  <maprules>\n"
  "   <languagemap languagepattern=\"(?i)az.*\" languagerulename=\"A\"/>\n"
  "   <languagemap languagepattern=\".*\" languagerulename=\"B\"/>\n"
  "  </maprules>\n"
  " </body>\n"
  "</srx>\n";

TEST (maps_and_cascade)
{
  struct tmc_srx *srx;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_srx_parse ("t.srx", srx_text, sizeof srx_text - 1, &srx,
                               &e), TMC_OK);
  const char *names[4];
  CHECK_INT_EQ (tmc_srx_rules_for (srx, "AZ-Cyrl", names, 4), 2);
  CHECK_STR_EQ (names[0], "A");
  CHECK_STR_EQ (names[1], "B");
  /* The pattern must match the whole code: "xaz" is not "az.*".  */
  CHECK_INT_EQ (tmc_srx_rules_for (srx, "xaz", names, 4), 1);
  CHECK_STR_EQ (names[0], "B");
  tmc_srx_free (srx);
}

TEST (errors_have_line_and_column)
{
  struct tmc_srx *srx;
  struct tmc_error e;
  const char bad[] = "<srx version=\"3.0\"/>";
  CHECK_INT_EQ (tmc_srx_parse ("b", bad, sizeof bad - 1, &srx, &e),
                TMC_ERR_FORMAT);
  CHECK (srx == NULL);
  CHECK_INT_EQ (e.line, 1);
  CHECK (strstr (e.message, "3.0") != NULL);
  const char broken[] = "<srx version=\"2.0\">\n<header";
  CHECK_INT_EQ (tmc_srx_parse ("b", broken, sizeof broken - 1, &srx, &e),
                TMC_ERR_SYNTAX);
  CHECK_INT_EQ (e.line, 2);
  /* A bad afterbreak, named as such.  */
  char *t = malloc (sizeof srx_text + 8);
  const char *at = strstr (srx_text, "\\s</after");
  size_t k = (size_t) (at - srx_text);
  memcpy (t, srx_text, k);
  t[k] = '[';
  strcpy (t + k + 1, at);
  CHECK_INT_EQ (tmc_srx_parse ("b", t, strlen (t), &srx, &e),
                TMC_ERR_FORMAT);
  CHECK (strstr (e.message, "<afterbreak>") != NULL);
  CHECK (strstr (e.message, "'B'") != NULL);
  CHECK_INT_EQ (e.line, 7);
  free (t);
}

TEST (builtin_rules_parse)
{
  struct tmc_srx *srx;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_srx_builtin (&srx, &e), TMC_OK);
  const char *names[4];
  CHECK_INT_EQ (tmc_srx_rules_for (srx, "fa", names, 4), 2);
  CHECK_STR_EQ (names[0], "Persian");
  CHECK_STR_EQ (names[1], "Default");
  CHECK_INT_EQ (tmc_srx_rules_for (srx, "az-Cyrl", names, 4), 2);
  CHECK_STR_EQ (names[0], "Azerbaijani");
  CHECK_INT_EQ (tmc_srx_rules_for (srx, "de", names, 4), 1);
  size_t n;
  const char *text = tmc_srx_builtin_text (&n);
  CHECK (n > 1000 && strncmp (text, "<?xml", 5) == 0);
  tmc_srx_free (srx);
}

int
main (void)
{
  RUN (translate_java_and_icu);
  RUN (maps_and_cascade);
  RUN (errors_have_line_and_column);
  RUN (builtin_rules_parse);
  free (tr ("x"));
  return TEST_END ();
}
