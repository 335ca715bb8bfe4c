/* Unit tests: lexicon.c (reading dictionaries, matching forms) and the
   evidence that sentences carry (align-feat.c).  */

#include "lib/align-internal.h"
#include "test.h"
#include "tmconv/lexicon.h"

/* The words of the match key KEY (cut at spaces) into W; returns how
   many.  */
static size_t
words_of (const char *key, struct tmc_lex_word *w, size_t max)
{
  size_t n = 0;
  const char *p = key;
  while (*p && n < max)
    {
      while (*p == ' ')
        p++;
      const char *s = p;
      while (*p && *p != ' ')
        p++;
      if (p > s)
        {
          w[n].s = s;
          w[n].len = (uint32_t) (p - s);
          n++;
        }
    }
  return n;
}

/* The number of words matched at position POS of KEY in language L, and
   the first concept feature in *FEAT.  */
static size_t
match (const struct tmc_lexicon *lex, int l, const char *key, size_t pos,
       uint32_t *feat)
{
  struct tmc_lex_word w[32];
  size_t n = words_of (key, w, 32);
  uint32_t out[8];
  size_t n_out = 0;
  size_t m = tmc_lexicon_match (lex, l, w, n, pos, out, 8, &n_out);
  *feat = n_out ? out[0] : 0;
  return m;
}

static struct tmc_lexicon *
load_tsv (const char *text)
{
  struct tmc_lexicon *lex = tmc_lexicon_new ();
  struct tmc_error e;
  CHECK_INT_EQ (tmc_lexicon_add_tsv (lex, "t.tsv", text, strlen (text), &e),
                TMC_OK);
  return lex;
}

TEST (tsv_concepts_and_inflection)
{
  struct tmc_lexicon *lex = load_tsv (
    "# a comment\n"
    "\n"
    "id\taz\tfa\ten\n"
    "w:embassy\tsəfirlik|səfirliy\tسفارت\tembassy|embassies\n"
    "w:ambassador\tsəfir\tسفیر\tambassador\n"
    "city:baku\tbakı\tباکو\tbaku\n");
  CHECK_INT_EQ (tmc_lexicon_size (lex), 3);
  uint32_t a, b, c;
  /* Azerbaijani suffixes: the longest form wins.  */
  CHECK_INT_EQ (match (lex, TMC_AL_AZ, "səfirliyində", 0, &a), 1);
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "embassies", 0, &b), 1);
  CHECK_INT_EQ (match (lex, TMC_AL_FA, "سفارت", 0, &c), 1);
  CHECK (a == b && b == c);
  CHECK_INT_EQ (match (lex, TMC_AL_AZ, "səfiri", 0, &b), 1);
  CHECK (a != b);
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "ambassadors", 0, &c), 1);
  CHECK (b == c);
  /* Persian suffix, English ending rules.  */
  CHECK_INT_EQ (match (lex, TMC_AL_FA, "سفارتها", 0, &c), 1);
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "bakuvian", 0, &c), 0);
  CHECK_INT_EQ (match (lex, TMC_AL_AZ, "bakıdan", 0, &a), 1);
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "baku", 0, &b), 1);
  CHECK (a == b);
  /* A form only matches in its own language.  */
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "səfir", 0, &a), 0);
  tmc_lexicon_free (lex);
}

TEST (tsv_multiword_star_and_numbers)
{
  struct tmc_lexicon *lex = load_tsv (
    "az\ten\tid\n"
    "çərşənbə\twednesday\twday:3\n"
    "çərşənbə axşamı\ttuesday\twday:2\n"
    "iki\ttwo\tnum:2\n"
    "neft*\toil\tw:oil\n");
  uint32_t a, b;
  /* The longest match: two words.  */
  CHECK_INT_EQ (match (lex, TMC_AL_AZ, "çərşənbə axşamı gəldi", 0, &a), 2);
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "tuesday", 0, &b), 1);
  CHECK (a == b);
  CHECK_INT_EQ (match (lex, TMC_AL_AZ, "çərşənbə gəldi", 0, &a), 1);
  CHECK (a != b);
  /* num:N concepts are the number N: the same id as the digits.  */
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "two", 0, &a), 1);
  CHECK (a == tmc_feat_number ("2", 1));
  CHECK (a == tmc_feat_number ("02", 2));
  /* A star form takes any ending.  */
  CHECK_INT_EQ (match (lex, TMC_AL_AZ, "neftçilərimizdən", 0, &a), 1);
  tmc_lexicon_free (lex);
}

TEST (tsv_errors)
{
  struct tmc_lexicon *lex = tmc_lexicon_new ();
  struct tmc_error e;
  const char *t1 = "az\tde\nx\ty\n";
  CHECK_INT_EQ (tmc_lexicon_add_tsv (lex, "bad.tsv", t1, strlen (t1), &e),
                TMC_ERR_FORMAT);
  CHECK (strstr (e.message, "'de'") != NULL);
  CHECK_INT_EQ (e.line, 1);
  const char *t2 = "# only comments\n";
  CHECK_INT_EQ (tmc_lexicon_add_tsv (lex, "c.tsv", t2, strlen (t2), &e),
                TMC_ERR_FORMAT);
  const char *t3 = "az\ten\na\tb\tc\n";
  CHECK_INT_EQ (tmc_lexicon_add_tsv (lex, "d.tsv", t3, strlen (t3), &e),
                TMC_ERR_SYNTAX);
  CHECK_INT_EQ (e.line, 2);
  const char *t4 = "az\ten\n\xff\tx\n";
  CHECK_INT_EQ (tmc_lexicon_add_tsv (lex, "e.tsv", t4, strlen (t4), &e),
                TMC_ERR_ENCODING);
  tmc_lexicon_free (lex);
}

TEST (hunalign_format)
{
  struct tmc_lexicon *lex = tmc_lexicon_new ();
  struct tmc_error e;
  const char *t = "xalça @ carpet\nxalçaçı @ carpet weaver\n";
  CHECK_INT_EQ (tmc_lexicon_add_hunalign (lex, "en-az.dic", t, strlen (t),
                                          "az", "en", &e),
                TMC_OK);
  CHECK_INT_EQ (tmc_lexicon_size (lex), 2);
  uint32_t a, b;
  CHECK_INT_EQ (match (lex, TMC_AL_AZ, "xalçaçılar", 0, &a), 1);
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "carpet weavers", 0, &b), 2);
  CHECK (a == b);
  const char *bad = "no at sign here\n";
  CHECK_INT_EQ (tmc_lexicon_add_hunalign (lex, "x.dic", bad, strlen (bad),
                                          "az", "en", &e),
                TMC_ERR_SYNTAX);
  CHECK_INT_EQ (tmc_lexicon_add_hunalign (lex, "x.dic", t, strlen (t), "az",
                                          "de", &e),
                TMC_ERR_INVALID_ARG);
  tmc_lexicon_free (lex);
}

TEST (builtin_lexicon)
{
  const struct tmc_lexicon *lex = tmc_lexicon_builtin ();
  CHECK (lex != NULL);
  CHECK (tmc_lexicon_size (lex) > 600);
  CHECK (tmc_lexicon_builtin () == lex);
  uint32_t a, b, c;
  /* A month in the three languages; a country from iso-codes.  */
  CHECK_INT_EQ (match (lex, TMC_AL_AZ, "oktyabrda", 0, &a), 1);
  CHECK_INT_EQ (match (lex, TMC_AL_FA, "اکتبر", 0, &b), 1);
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "october", 0, &c), 1);
  CHECK (a == b && b == c);
  CHECK_INT_EQ (match (lex, TMC_AL_AZ, "gürcüstan", 0, &a), 1);
  CHECK_INT_EQ (match (lex, TMC_AL_FA, "گرجستان", 0, &b), 1);
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "georgia", 0, &c), 1);
  CHECK (a == b && b == c);
  /* Persian solar months.  */
  CHECK_INT_EQ (match (lex, TMC_AL_FA, "فروردین", 0, &a), 1);
  CHECK_INT_EQ (match (lex, TMC_AL_EN, "farvardin", 0, &b), 1);
  CHECK (a == b);
  /* "bir" is an article too: not a number.  */
  CHECK_INT_EQ (match (lex, TMC_AL_AZ, "bir", 0, &a), 0);
}

TEST (knows_lang)
{
  CHECK (tmc_lexicon_knows_lang ("az"));
  CHECK (tmc_lexicon_knows_lang ("fa-IR"));
  CHECK (tmc_lexicon_knows_lang ("EN_us"));
  CHECK (!tmc_lexicon_knows_lang ("de"));
  CHECK (!tmc_lexicon_knows_lang (NULL));
}

int
main (void)
{
  RUN (tsv_concepts_and_inflection);
  RUN (tsv_multiword_star_and_numbers);
  RUN (tsv_errors);
  RUN (hunalign_format);
  RUN (builtin_lexicon);
  RUN (knows_lang);
  return TEST_END ();
}
