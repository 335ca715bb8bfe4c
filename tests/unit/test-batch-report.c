/* Unit tests: report.c, the review report of a batch (report.json and
   report.html) from translation memories.  */

#include "test.h"
#include "tmconv/report.h"

/* Add a unit with the given props and texts (NULL: no variant).  */
static void
add_unit (struct tmc_tm *tm, const char *doc, const char *bead,
          const char *score, const char *az, const char *fa, const char *en)
{
  struct tmc_tu tu;
  tmc_tu_init (&tu);
  tmc_meta_add_prop (&tu.meta, "x-doc", NULL, doc);
  if (bead)
    tmc_meta_add_prop (&tu.meta, "x-bead", NULL, bead);
  if (score)
    tmc_meta_add_prop (&tu.meta, "x-score", NULL, score);
  if (en)
    tmc_tu_add_tuv (&tu, "en-US", en, strlen (en));
  if (az)
    tmc_tu_add_tuv (&tu, "az-Latn-AZ", az, strlen (az));
  if (fa)
    tmc_tu_add_tuv (&tu, "fa-IR", fa, strlen (fa));
  tmc_tm_add_tu_move (tm, &tu, NULL);
}

static struct tmc_tm *
sample_tm (void)
{
  struct tmc_tm *tm = tmc_tm_new ();
  add_unit (tm, "r1", "1-1-1", "0.990", "Salam.", "سلام.", "Hello.");
  add_unit (tm, "r1", "1-2-1", "0.950", "Bir iki.", "یک. دو.", "One two.");
  add_unit (tm, "r1", "1-1-1", "0.400", "Az <b>\"x\"</b> & y",
            "فارسی", "En");
  add_unit (tm, "r1", "0-1-0", "0.980", NULL, "تنها", NULL);
  add_unit (tm, "r1", NULL, NULL, "Propsuz", NULL, "No props");
  return tm;
}

TEST (stats_count_sentences_shapes_and_scores)
{
  struct tmc_tm *tm = sample_tm ();
  struct tmc_report_stats s;
  tmc_report_stats_init (&s);
  CHECK_INT_EQ (tmc_report_stats_add (&s, tm, 0.9, NULL), TMC_OK);
  CHECK_INT_EQ (s.beads, 5);
  /* az: 1 + 1 + 1 + 0 + 1 (no x-bead: one per variant).  */
  CHECK_INT_EQ (s.sentences[0], 4);
  CHECK_INT_EQ (s.sentences[1], 5);
  CHECK_INT_EQ (s.sentences[2], 4);
  CHECK_INT_EQ (s.low, 1);
  CHECK_INT_EQ (s.non_one, 2);
  CHECK_INT_EQ (s.scored, 4);
  CHECK (s.score_sum > 3.31 && s.score_sum < 3.33);
  /* Most frequent first, then by name.  */
  CHECK_INT_EQ (s.n_shapes, 4);
  CHECK_STR_EQ (s.shapes[0].shape, "1-1-1");
  CHECK_INT_EQ (s.shapes[0].count, 2);
  CHECK_STR_EQ (s.shapes[1].shape, "0-1-0");
  CHECK_STR_EQ (s.shapes[2].shape, "1-2-1");
  CHECK_STR_EQ (s.shapes[3].shape, "?");
  tmc_report_stats_destroy (&s);
  tmc_tm_free (tm);
}

TEST (json_and_html_are_escaped_and_complete)
{
  struct tmc_tm *tm = sample_tm ();
  char *json = NULL, *html = NULL;
  size_t jl, hl;
  FILE *jf = open_memstream (&json, &jl);
  FILE *hf = open_memstream (&html, &hl);
  struct tmc_report_opts o = { "news <2023>", 0.9 };
  tmc_report *r;
  CHECK_INT_EQ (tmc_report_new (jf, hf, &o, &r, NULL), TMC_OK);
  struct tmc_report_item it;
  memset (&it, 0, sizeof it);
  it.id = "2023/r\"1";
  it.inputs[0] = "c/r1.az.txt";
  it.inputs[1] = "c/r1.fa.txt";
  it.inputs[2] = "c/r1.en.txt";
  it.tmx = "tmx/2023/r\"1 #.tmx";
  it.tm = tm;
  struct tmc_error w;
  tmc_error_set (&w, TMC_OK, "c/r1.fa.txt", 3, 4, "odd \xff text");
  it.warnings = &w;
  it.n_warnings = 1;
  CHECK_INT_EQ (tmc_report_add (r, &it, NULL), TMC_OK);
  struct tmc_report_item bad;
  memset (&bad, 0, sizeof bad);
  bad.id = "broken";
  struct tmc_error e;
  tmc_error_set (&e, TMC_ERR_ENCODING, "c/broken.fa.txt", 2, 1,
                 "byte 0xFF is not valid UTF-8");
  bad.error = &e;
  CHECK_INT_EQ (tmc_report_add (r, &bad, NULL), TMC_OK);
  CHECK_INT_EQ (tmc_report_finish (r, NULL), TMC_OK);
  fclose (jf);
  fclose (hf);

  /* JSON: escaped strings, '.' decimals, the failed report's error, a
     summary over the good ones.  */
  CHECK (strstr (json, "\"name\": \"news <2023>\"") != NULL);
  CHECK (strstr (json, "\"id\": \"2023/r\\\"1\"") != NULL);
  CHECK (strstr (json, "\"low_score\": 0.900") != NULL);
  CHECK (strstr (json, "\"mean_score\": 0.830") != NULL);
  CHECK (strstr (json, "\"message\": \"odd \\ufffd text\"") != NULL);
  CHECK (strstr (json, "\"status\": \"failed\"") != NULL);
  CHECK (strstr (json, "\"error\": {\"file\": \"c/broken.fa.txt\", "
                       "\"line\": 2, \"column\": 1") != NULL);
  CHECK (strstr (json, "\"reports\": 2,\n    \"ok\": 1,\n    \"failed\": 1")
         != NULL);
  CHECK (strstr (json, "\"shapes\": {\"1-1-1\": 2, \"0-1-0\": 1, "
                       "\"1-2-1\": 1, \"?\": 1}") != NULL);

  /* HTML: markup in the text is text; Persian right to left; flags on
     the beads to look at; the TMX link percent-encoded; no script.  */
  CHECK (strstr (html, "<!DOCTYPE html>") == html);
  CHECK (strstr (html, "Az &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y") != NULL);
  CHECK (strstr (html, "<b>\"x\"</b>") == NULL);
  CHECK (strstr (html, "<td lang=\"fa\" dir=\"rtl\">سلام.</td>") != NULL);
  CHECK (strstr (html, "<tr class=\"flag low\" id=\"r1-3\">") != NULL);
  CHECK (strstr (html, "<tr class=\"flag shape\" id=\"r1-2\">") != NULL);
  CHECK (strstr (html, "<tr class=\"ok\" id=\"r1-1\">") != NULL);
  CHECK (strstr (html, "href=\"tmx/2023/r%221%20%23.tmx\"") != NULL);
  CHECK (strstr (html, "news &lt;2023&gt;") != NULL);
  CHECK (strstr (html, "<script") == NULL);
  CHECK (strstr (html, "class=\"report failed\"") != NULL);
  CHECK (strstr (html, "byte 0xFF is not valid UTF-8") != NULL);
  /* The summary comes before the reports.  */
  CHECK (strstr (html, "id=\"summary\"") < strstr (html, "id=\"r1\""));
  free (json);
  free (html);
  tmc_tm_free (tm);
}

int
main (void)
{
  RUN (stats_count_sentences_shapes_and_scores);
  RUN (json_and_html_are_escaped_and_complete);
  return TEST_END ();
}
