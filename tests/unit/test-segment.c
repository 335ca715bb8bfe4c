/* Unit tests: segment.c (the segmenter API, paragraphs, offsets, match
   keys) and the match-key fast path of normalize.c.  */

#include "test.h"
#include "../../src/lib/text-internal.h"
#include "tmconv/normalize.h"
#include "tmconv/segment.h"
#include "tmconv/text.h"

static struct tmc_doc *
seg (const char *lang, const char *text)
{
  struct tmc_segmenter *s;
  struct tmc_error e;
  struct tmc_doc *doc = NULL;
  if (tmc_segmenter_new (NULL, lang, &s, &e) != TMC_OK)
    return NULL;
  tmc_segment_text (s, "t", text, strlen (text), &doc, &e);
  tmc_segmenter_free (s);
  return doc;
}

TEST (offsets_paragraphs_and_keys)
{
  struct tmc_doc *d = seg ("az", "BAŞLIQ\n\n  Birinci cümlə.  İkinci cümlə!\n"
                                 "\n\n\nÜçüncü ABŞ-da.\n");
  CHECK (d != NULL);
  if (d == NULL)
    return;
  CHECK_STR_EQ (d->lang, "az");
  CHECK_INT_EQ (d->n_sent, 4);
  CHECK_INT_EQ (d->n_paragraphs, 3);
  CHECK_INT_EQ (d->sent[0].paragraph, 0);
  CHECK_INT_EQ (d->sent[1].paragraph, 1);
  CHECK_INT_EQ (d->sent[2].paragraph, 1);
  CHECK_INT_EQ (d->sent[3].paragraph, 2);
  CHECK_MEM_EQ (tmc_doc_sentence_text (d, 1), d->sent[1].len,
                "Birinci cümlə.", strlen ("Birinci cümlə."));
  CHECK_INT_EQ (d->sent[1].start, strlen ("BAŞLIQ\n\n  "));
  /* Turkic case folding in the key: BAŞLIQ -> başlıq.  */
  CHECK_STR_EQ (d->sent[0].key, "başlıq");
  tmc_doc_free (d);
}

TEST (no_rules_for_unknown_language)
{
  /* "de" has only Default rules in the built-in file.  */
  struct tmc_doc *d = seg ("de", "Eins. Zwei.");
  CHECK (d != NULL);
  if (d)
    {
      CHECK_INT_EQ (d->n_sent, 2);
      CHECK_STR_EQ (d->lang, "de");
      tmc_doc_free (d);
    }
  struct tmc_segmenter *s;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_segmenter_new (NULL, "", &s, &e), TMC_ERR_INVALID_ARG);
}

TEST (empty_and_blank_texts)
{
  struct tmc_doc *d = seg ("en", "");
  CHECK (d != NULL && d->n_sent == 0 && d->n_paragraphs == 0);
  tmc_doc_free (d);
  d = seg ("fa", " \n\t\n\xe2\x80\x8f\n\xc2\xa0");
  CHECK (d != NULL && d->n_sent == 0);
  tmc_doc_free (d);
}

TEST (segment_file_language_from_name)
{
  FILE *f = fopen ("test-segment.fa.txt", "w");
  CHECK (f != NULL);
  if (f == NULL)
    return;
  fputs ("\xef\xbb\xbf\xd8\xa8\xd9\x84\xd9\x87\xd8\x9f \xd9\x86\xd9\x87.\r\n",
         f);
  fclose (f);
  struct tmc_doc *d = NULL;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_segment_file ("test-segment.fa.txt", NULL, &d, &e), TMC_OK);
  if (d)
    {
      CHECK_STR_EQ (d->lang, "fa");
      CHECK_INT_EQ (d->n_sent, 2);
      CHECK_INT_EQ (d->sent[1].start, 9);
      tmc_doc_free (d);
    }
  struct tmc_segment_options o = TMC_SEGMENT_OPTIONS_INIT;
  o.lang = "not a tag";
  CHECK_INT_EQ (tmc_segment_file ("test-segment.fa.txt", &o, &d, &e),
                TMC_ERR_INVALID_ARG);
  CHECK_INT_EQ (tmc_segment_file ("test-segment.txt", NULL, &d, &e),
                TMC_ERR_INVALID_ARG);
  remove ("test-segment.fa.txt");
}

TEST (key_fast_path_agrees)
{
  static const char *const s[] = {
    "BAKI İSTANBUL Əliyev", "Iran IRAN ıi", "ΣΑΣ Straße ﬁ ½ ㎏",
    "كي ۳٫۵ ١٩٩٠ تـــهران", "a\xc2\xa0 b\t\xe2\x80\x8f c", "Бакы Әлијев Ҹ",
    "ظاهراً می‌شود", "e\xcc\x81 I\xcc\x87", "ǅ ǈ ᾼ",
  };
  static const char *const langs[] = { "az", "fa", "en", NULL };
  for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
    for (size_t j = 0; j < 4; j++)
      {
        char *a, *b;
        size_t an, bn;
        CHECK_INT_EQ (tmc_match_key (langs[j], s[i], strlen (s[i]), &a, &an,
                                     NULL), TMC_OK);
        CHECK_INT_EQ (tmc_match_key_slow (langs[j], s[i], strlen (s[i]), &b,
                                          &bn, NULL), TMC_OK);
        CHECK_STR_EQ (a, b);
        free (a);
        free (b);
      }
}

TEST (key_transliterates_azerbaijani_cyrillic)
{
  char *k;
  size_t n;
  const char *cyr = "Бакы Һәјат Ҝәнҹә";
  CHECK_INT_EQ (tmc_match_key ("az", cyr, strlen (cyr), &k, &n, NULL),
                TMC_OK);
  CHECK_STR_EQ (k, "bakı həyat gəncə");
  free (k);
  /* Not for Persian or English.  */
  CHECK_INT_EQ (tmc_match_key ("en", "Бакы", 8, &k, &n, NULL), TMC_OK);
  CHECK_STR_EQ (k, "бакы");
  free (k);
}

int
main (void)
{
  RUN (offsets_paragraphs_and_keys);
  RUN (no_rules_for_unknown_language);
  RUN (empty_and_blank_texts);
  RUN (segment_file_language_from_name);
  RUN (key_fast_path_agrees);
  RUN (key_transliterates_azerbaijani_cyrillic);
  return TEST_END ();
}
