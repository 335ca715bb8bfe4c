/* Unit tests: align.c, align-dp.c, align-ev.c, align-feat.c,
   align-est.c, align-params.c (the sentence aligner).  */

#include <math.h>

#include "lib/align-internal.h"
#include "test.h"
#include "tmconv/align.h"
#include "tmconv/io.h"
#include "tmconv/tm.h"
#include "tmconv/tmx.h"

#ifndef SRCDIR
#define SRCDIR "."
#endif

static struct tmc_doc *
lines (const char *lang, const char *text)
{
  struct tmc_doc *d = NULL;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_doc_from_lines (lang, lang, text, strlen (text), &d, &e),
                TMC_OK);
  return d;
}

static struct tmc_doc *
load (const char *name)
{
  char path[256];
  snprintf (path, sizeof path, "tests/data/align/%s", name);
  char *data;
  size_t len;
  struct tmc_error e;
  if (tmc_read_file (path, 0, &data, &len, &e) != TMC_OK)
    {
      printf ("cannot read %s (run from the top of the source tree)\n",
              path);
      exit (1);
    }
  char lang[3] = { 0, 0, 0 };
  memcpy (lang, strchr (name, '.') + 1, 2);
  struct tmc_doc *d = NULL;
  CHECK_INT_EQ (tmc_doc_from_lines (lang, path, data, len, &d, &e), TMC_OK);
  free (data);
  return d;
}

/* The beads of A as text, without scores.  */
static char *
beads_text (const struct tmc_alignment *a)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&buf, &len);
  tmc_alignment_write_beads (a, fp, NULL);
  fclose (fp);
  /* Drop the scores.  */
  char *o = buf;
  for (char *p = buf; *p; p++)
    {
      if (*p == '\t')
        while (*p && *p != '\n')
          p++;
      *o++ = *p;
      if (!*p)
        break;
    }
  *o = '\0';
  return buf;
}

static char *
slurp (const char *name)
{
  char path[256];
  snprintf (path, sizeof path, "tests/data/align/%s", name);
  char *data;
  size_t len;
  if (tmc_read_file (path, 0, &data, &len, NULL) != TMC_OK)
    return NULL;
  return data;
}

/* Names: one consonant key in both scripts.  */
TEST (feature_names_and_numbers)
{
  struct tmc_doc *az = lines ("az", "Dünən Əlizadə Bakıda 1990-cı ildən "
                                    "danışdı.\nonlar gəldi\n");
  struct tmc_doc *en = lines ("en", "Yesterday Alizadeh spoke in Baku about "
                                    "1990.\nthey came\n");
  struct tmc_doc *fa = lines ("fa", "دیروز علیزاده در باکو از سال ۱۹۹۰ سخن "
                                    "گفت.\nآنها آمدند\n");
  struct tmc_feat_doc fz, fe, ff;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_feat_doc_build (az, TMC_AL_AZ, NULL, &fz, &e), TMC_OK);
  CHECK_INT_EQ (tmc_feat_doc_build (en, TMC_AL_EN, NULL, &fe, &e), TMC_OK);
  CHECK_INT_EQ (tmc_feat_doc_build (fa, TMC_AL_FA, NULL, &ff, &e), TMC_OK);
  struct tmc_align_params p;
  tmc_align_params_init (&p);
  struct tmc_scorer s1, s2;
  tmc_scorer_init (&s1, &fz, &fe, &p, 0);
  tmc_scorer_init (&s2, &fz, &ff, &p, 0);
  unsigned items[2][TMC_EV_COUNT], found[2][TMC_EV_COUNT];
  tmc_scorer_counts (&s1, 0, 1, 0, 1, items, found);
  /* 1990 = 1990; Əlizadə and Bakı found in English, and back.  */
  CHECK_INT_EQ (items[0][TMC_EV_NUMBER], 1);
  CHECK_INT_EQ (found[0][TMC_EV_NUMBER], 1);
  CHECK_INT_EQ (items[0][TMC_EV_NAME], 2);
  CHECK_INT_EQ (found[0][TMC_EV_NAME], 2);
  CHECK_INT_EQ (found[1][TMC_EV_NAME], 2);
  /* Persian digits fold; Latin names are found in Persian script.  */
  tmc_scorer_counts (&s2, 0, 1, 0, 1, items, found);
  CHECK_INT_EQ (found[1][TMC_EV_NUMBER], 1);
  CHECK_INT_EQ (found[0][TMC_EV_NAME], 2);
  /* Nothing shared with the second sentence.  */
  tmc_scorer_counts (&s1, 0, 1, 1, 1, items, found);
  CHECK_INT_EQ (found[0][TMC_EV_NAME], 0);
  CHECK_INT_EQ (found[0][TMC_EV_NUMBER], 0);
  /* The translation scores higher than the other sentence.  */
  CHECK (tmc_scorer_llr (&s1, 0, 1, 0, 1) > tmc_scorer_llr (&s1, 0, 1, 1, 1));
  tmc_feat_doc_destroy (&fz);
  tmc_feat_doc_destroy (&fe);
  tmc_feat_doc_destroy (&ff);
  tmc_doc_free (az);
  tmc_doc_free (en);
  tmc_doc_free (fa);
}

/* The three versions of the visit report in D, aligned into *A.  */
static void
align_visit (const struct tmc_doc **d, struct tmc_alignment **a)
{
  d[0] = load ("visit.az.sent");
  d[1] = load ("visit.fa.sent");
  d[2] = load ("visit.en.sent");
  struct tmc_error e;
  *a = NULL;
  CHECK_INT_EQ (tmc_align (d, 3, NULL, a, &e), TMC_OK);
}

/* The visit report: a merge in az, a sentence fa leaves out.  */
TEST (align_three_visit)
{
  const struct tmc_doc *d[3];
  struct tmc_alignment *a;
  struct tmc_error e;
  align_visit (d, &a);
  char *got = beads_text (a);
  char *want = slurp ("visit.gold");
  CHECK_STR_EQ (got, want);
  for (size_t k = 0; k < a->n_beads; k++)
    CHECK (a->beads[k].score >= 0 && a->beads[k].score <= 1);
  /* The pivot join gives the same here.  */
  struct tmc_align_params p;
  tmc_align_params_init (&p);
  p.pivot = 3;
  struct tmc_alignment *b = NULL;
  CHECK_INT_EQ (tmc_align (d, 3, &p, &b, &e), TMC_OK);
  char *got2 = beads_text (b);
  CHECK_STR_EQ (got2, want);
  /* The pair az-en, refined inside the 3-way beads: the merge of two
     English sentences stays (az joined them), one bead per az
     sentence.  */
  struct tmc_alignment *pr = NULL;
  CHECK_INT_EQ (tmc_align_project (d, a, 0, 2, NULL, &pr, &e), TMC_OK);
  CHECK_INT_EQ (pr->n_beads, 8);
  CHECK_INT_EQ (pr->beads[4].len[0], 1);
  CHECK_INT_EQ (pr->beads[4].len[1], 2);
  /* fa-en: the 3-way bead [4]:[4,5]:[4,5] splits into two 1-1.  */
  struct tmc_alignment *pf = NULL;
  CHECK_INT_EQ (tmc_align_project (d, a, 1, 2, NULL, &pf, &e), TMC_OK);
  CHECK_INT_EQ (pf->n_beads, 9);
  CHECK_INT_EQ (pf->beads[4].len[0], 1);
  CHECK_INT_EQ (pf->beads[4].len[1], 1);
  CHECK_INT_EQ (pf->beads[5].start[0], 5);
  CHECK_INT_EQ (pf->beads[5].start[1], 5);
  free (got);
  free (got2);
  free (want);
  tmc_alignment_free (a);
  tmc_alignment_free (b);
  tmc_alignment_free (pr);
  tmc_alignment_free (pf);
  for (int k = 0; k < 3; k++)
    tmc_doc_free ((struct tmc_doc *) d[k]);
}

static void
count_warning (void *data, const struct tmc_error *w)
{
  (void) w;
  (*(int *) data)++;
}

TEST (align_pair_empty_and_errors)
{
  struct tmc_doc *az = load ("visit.az.sent");
  struct tmc_doc *empty = lines ("en", "");
  struct tmc_doc *az2 = lines ("az", "Salam.\n");
  struct tmc_doc *de = lines ("de", "Hallo.\n");
  int warnings = 0;
  struct tmc_warn_handler wh = { count_warning, &warnings };
  struct tmc_align_params p;
  tmc_align_params_init (&p);
  p.warn = &wh;
  struct tmc_alignment *a = NULL;
  struct tmc_error e;
  const struct tmc_doc *d[2] = { az, empty };
  CHECK_INT_EQ (tmc_align (d, 2, &p, &a, &e), TMC_OK);
  CHECK_INT_EQ (a->n_beads, az->n_sent);
  for (size_t k = 0; k < a->n_beads; k++)
    {
      CHECK_INT_EQ (a->beads[k].len[0], 1);
      CHECK_INT_EQ (a->beads[k].len[1], 0);
    }
  CHECK_INT_EQ (warnings, 1);
  tmc_alignment_free (a);
  /* Very different lengths: aligned, with a warning.  */
  warnings = 0;
  const struct tmc_doc *d2[2] = { az, az2 };
  az2->lang[0] = 'e', az2->lang[1] = 'n';
  CHECK_INT_EQ (tmc_align (d2, 2, &p, &a, &e), TMC_OK);
  CHECK_INT_EQ (warnings, 1);
  tmc_alignment_free (a);
  /* Errors.  */
  const struct tmc_doc *d3[2] = { az, de };
  CHECK_INT_EQ (tmc_align (d3, 2, &p, &a, &e), TMC_ERR_INVALID_ARG);
  CHECK (strstr (e.message, "'de'") != NULL);
  az2->lang[0] = 'a', az2->lang[1] = 'z';
  const struct tmc_doc *d4[2] = { az, az2 };
  CHECK_INT_EQ (tmc_align (d4, 2, &p, &a, &e), TMC_ERR_INVALID_ARG);
  CHECK_INT_EQ (tmc_align (d4, 1, &p, &a, &e), TMC_ERR_INVALID_ARG);
  tmc_doc_free (az);
  tmc_doc_free (empty);
  tmc_doc_free (az2);
  tmc_doc_free (de);
}

/* A long document goes through the coarse-to-fine search and gets the
   same beads as its parts on their own.  It is the visit 400 times, each
   copy after a numbered heading ("Part 7.").  */
TEST (align_long_document)
{
  static const char *names[3] = { "visit.az.sent", "visit.fa.sent",
                                  "visit.en.sent" };
  static const char *heads[3] = { "Hissə %d.\n", "بخش %d.\n",
                                  "Part %d.\n" };
  static const char *langs[3] = { "az", "fa", "en" };
  const struct tmc_doc *d[3];
  for (int k = 0; k < 3; k++)
    {
      char *t = slurp (names[k]);
      size_t n = strlen (t);
      char *big = malloc ((n + 64) * 400 + 1);
      size_t len = 0;
      for (int r = 0; r < 400; r++)
        {
          len += (size_t) sprintf (big + len, heads[k], r + 1);
          memcpy (big + len, t, n);
          len += n;
        }
      big[len] = '\0';
      d[k] = lines (langs[k], big);
      free (big);
      free (t);
    }
  CHECK_INT_EQ (d[2]->n_sent, 10 * 400);
  struct tmc_align_params p;
  tmc_align_params_init (&p);
  p.full_grid = 10000;  /* six coarse levels */
  struct tmc_alignment *a = NULL;
  struct tmc_error e;
  const struct tmc_doc *pair[2] = { d[0], d[2] };
  CHECK_INT_EQ (tmc_align (pair, 2, &p, &a, &e), TMC_OK);
  /* 9 beads a copy, each with sentences on both sides.  */
  CHECK_INT_EQ (a->n_beads, 9 * 400);
  size_t ok = 0;
  for (size_t k = 0; k < a->n_beads; k++)
    ok += a->beads[k].len[0] >= 1 && a->beads[k].len[1] >= 1;
  CHECK_INT_EQ (ok, 9 * 400);
  tmc_alignment_free (a);
  CHECK_INT_EQ (tmc_align (d, 3, &p, &a, &e), TMC_OK);
  CHECK_INT_EQ (a->n_beads, 9 * 400);
  /* The last copy's beads are the visit's, shifted.  */
  const struct tmc_bead *b = &a->beads[9 * 399 + 1 + 4];
  CHECK_INT_EQ (b->start[0], 9 * 399 + 1 + 4);
  CHECK_INT_EQ (b->len[0], 1);
  CHECK_INT_EQ (b->len[1], 2);
  CHECK_INT_EQ (b->len[2], 2);
  tmc_alignment_free (a);
  for (int k = 0; k < 3; k++)
    tmc_doc_free ((struct tmc_doc *) d[k]);
}

TEST (beads_read_write)
{
  size_t n[3] = { 3, 2, 3 };
  const char *text = "[0]:[0]:[0]\t0.5\n[1,2]:[1]:[1,2]\n";
  struct tmc_alignment *a = NULL;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_alignment_read_beads ("b", text, strlen (text), 3, n, &a,
                                          &e),
                TMC_OK);
  CHECK_INT_EQ (a->n_beads, 2);
  CHECK (fabs (a->beads[0].score - 0.5) < 1e-9);
  CHECK_INT_EQ (a->beads[1].len[0], 2);
  char *got = beads_text (a);
  CHECK_STR_EQ (got, "[0]:[0]:[0]\n[1,2]:[1]:[1,2]\n");
  free (got);
  tmc_alignment_free (a);
  const char *gap = "[0]:[0]:[0]\n[2]:[1]:[1,2]\n";
  CHECK_INT_EQ (tmc_alignment_read_beads ("b", gap, strlen (gap), 3, n, &a,
                                          &e),
                TMC_ERR_FORMAT);
  CHECK_INT_EQ (e.line, 2);
  const char *shortb = "[0]:[0]:[0]\n";
  CHECK_INT_EQ (tmc_alignment_read_beads ("b", shortb, strlen (shortb), 3, n,
                                          &a, &e),
                TMC_ERR_FORMAT);
  const char *bad = "[0]:[0]\n";
  CHECK_INT_EQ (tmc_alignment_read_beads ("b", bad, strlen (bad), 3, n, &a,
                                          &e),
                TMC_ERR_SYNTAX);
}

TEST (params_round_trip)
{
  struct tmc_align_params p, q;
  tmc_align_params_init (&p);
  CHECK (p.prior3[1][1][1] > 0.9);
  CHECK (p.pair[TMC_PAIR_AZ_EN].p_trans[0][TMC_EV_NUMBER] > 0.5);
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&buf, &len);
  CHECK_INT_EQ (tmc_align_params_write (&p, fp, NULL), TMC_OK);
  fclose (fp);
  memset (&q, 0, sizeof q);
  struct tmc_error e;
  CHECK_INT_EQ (tmc_align_params_read (&q, "p", buf, len, &e), TMC_OK);
  CHECK (fabs (q.pair[TMC_PAIR_FA_EN].len_mu - p.pair[TMC_PAIR_FA_EN].len_mu)
         < 1e-5);
  CHECK (fabs (q.prior2[2][1] - p.prior2[2][1]) < 1e-6 * p.prior2[2][1]);
  free (buf);
  const char *bad1 = "temperature 1\nbogus 2\n";
  CHECK_INT_EQ (tmc_align_params_read (&q, "p", bad1, strlen (bad1), &e),
                TMC_ERR_FORMAT);
  CHECK_INT_EQ (e.line, 2);
  const char *bad2 = "pair.az-en.loose 0.9\n";
  CHECK_INT_EQ (tmc_align_params_read (&q, "p", bad2, strlen (bad2), &e),
                TMC_ERR_FORMAT);
  const char *bad3 = "temperature x\n";
  CHECK_INT_EQ (tmc_align_params_read (&q, "p", bad3, strlen (bad3), &e),
                TMC_ERR_SYNTAX);
}

/* Estimation from the visit's gold gives sensible figures.  */
TEST (estimate_from_gold)
{
  const struct tmc_doc *d[3] = { load ("visit.az.sent"),
                                 load ("visit.fa.sent"),
                                 load ("visit.en.sent") };
  char *gold = slurp ("visit.gold");
  size_t n[3] = { d[0]->n_sent, d[1]->n_sent, d[2]->n_sent };
  struct tmc_alignment *g = NULL;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_alignment_read_beads ("visit.gold", gold, strlen (gold),
                                          3, n, &g, &e),
                TMC_OK);
  struct tmc_align_params p;
  tmc_align_params_init (&p);
  const struct tmc_alignment *gs[1] = { g };
  CHECK_INT_EQ (tmc_align_estimate (d, gs, 1, &p, &e), TMC_OK);
  /* Numbers carry over: found in the translation far more often than
     in the sentences around it.  */
  const struct tmc_align_pair_model *m = &p.pair[TMC_PAIR_AZ_EN];
  CHECK (m->p_trans[1][TMC_EV_NUMBER] > m->p_other[1][TMC_EV_NUMBER]);
  /* The priors: most beads 1-1-1, the observed shapes more likely than
     unseen ones.  */
  CHECK (p.prior3[1][1][1] > p.prior3[1][0][1]);
  CHECK (p.prior3[1][0][1] > p.prior3[0][0][1]);
  free (gold);
  tmc_alignment_free (g);
  for (int k = 0; k < 3; k++)
    tmc_doc_free ((struct tmc_doc *) d[k]);
}

TEST (units_of_beads)
{
  const struct tmc_doc *d[3];
  struct tmc_alignment *a;
  struct tmc_error e;
  align_visit (d, &a);
  struct tmc_tm *tm = tmc_tm_new ();
  CHECK_INT_EQ (tmc_alignment_to_tm (d, a, "visit", 2, tm, &e), TMC_OK);
  CHECK_INT_EQ (tm->n_tus, 8);
  const struct tmc_tu *tu = &tm->tus[4];
  CHECK_STR_EQ (tu->tuid, "visit:0005");
  CHECK_STR_EQ (tmc_meta_prop (&tu->meta, "x-bead"), "1-2-2");
  CHECK_STR_EQ (tmc_meta_prop (&tu->meta, "x-doc"), "visit");
  CHECK (tmc_meta_prop (&tu->meta, "x-score") != NULL);
  CHECK_INT_EQ (tu->n_tuvs, 3);
  /* Two sentences joined by one space.  */
  const struct tmc_tuv *en = tmc_tu_find (tu, "en");
  CHECK (en != NULL && strstr (en->text, "2023. He added") != NULL);
  CHECK_STR_EQ (tmc_meta_prop (&tm->tus[6].meta, "x-bead"), "1-0-1");
  tmc_tm_free (tm);
  tmc_alignment_free (a);
  for (int k = 0; k < 3; k++)
    tmc_doc_free ((struct tmc_doc *) d[k]);
}

/* Paragraph breaks are soft anchors: a bead across a break that the
   other version does not have costs a penalty, so it is less sure, but
   the evidence still wins.  */
TEST (paragraphs_soft_anchors)
{
  struct tmc_doc *az = lines ("az", "Kəndin kənarında köhnə bir dəyirman "
                                    "dayanırdı.\nOnun yanında balaca bir "
                                    "bağ vardı.\n\nPayızda yarpaqlar "
                                    "saralıb yerə tökülürdü.\n");
  struct tmc_doc *en = lines ("en", "An old mill stood at the edge of the "
                                    "village.\n\nIt had a small garden next "
                                    "to it, and in autumn the leaves turned "
                                    "yellow and fell.\n");
  CHECK_INT_EQ (az->n_paragraphs, 2);
  const struct tmc_doc *d[2] = { az, en };
  struct tmc_align_params p;
  tmc_align_params_init (&p);
  double score[2];
  for (int k = 0; k < 2; k++)
    {
      p.para_penalty = k ? 3.0 : 0.0;
      struct tmc_alignment *a = NULL;
      struct tmc_error e;
      CHECK_INT_EQ (tmc_align (d, 2, &p, &a, &e), TMC_OK);
      char *got = beads_text (a);
      CHECK_STR_EQ (got, "[0]:[0]\n[1,2]:[1]\n");
      score[k] = a->beads[1].score;
      free (got);
      tmc_alignment_free (a);
    }
  CHECK (score[1] < score[0] - 0.1);
  tmc_doc_free (az);
  tmc_doc_free (en);
}

int
main (void)
{
  RUN (feature_names_and_numbers);
  RUN (align_three_visit);
  RUN (align_pair_empty_and_errors);
  RUN (align_long_document);
  RUN (beads_read_write);
  RUN (params_round_trip);
  RUN (estimate_from_gold);
  RUN (units_of_beads);
  RUN (paragraphs_soft_anchors);
  return TEST_END ();
}
