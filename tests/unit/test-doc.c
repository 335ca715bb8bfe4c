/* Unit tests: doc.c (the segmented document) and tm.c (the in-memory TM).  */

#include "test.h"
#include "tmconv/doc.h"
#include "tmconv/segment.h"
#include "tmconv/tm.h"

static const char *
sentence (const struct tmc_doc *d, size_t i)
{
  static char buf[256];
  snprintf (buf, sizeof buf, "%.*s", (int) d->sent[i].len,
            tmc_doc_sentence_text (d, i));
  return buf;
}

TEST (doc_from_lines_paragraphs)
{
  const char *text = "  Title  \n\nFirst one.\nSecond one.\n\n\n<p>\nThird.\n";
  struct tmc_doc *d;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_doc_from_lines ("en", "x.en", text, strlen (text), &d, &e),
                TMC_OK);
  CHECK_INT_EQ (d->n_sent, 4);
  CHECK_STR_EQ (sentence (d, 0), "Title");
  CHECK_STR_EQ (sentence (d, 3), "Third.");
  CHECK_INT_EQ (d->sent[0].paragraph, 0);
  CHECK_INT_EQ (d->sent[1].paragraph, 1);
  CHECK_INT_EQ (d->sent[2].paragraph, 1);
  CHECK_INT_EQ (d->sent[3].paragraph, 2);
  CHECK_INT_EQ (d->n_paragraphs, 3);
  CHECK_STR_EQ (d->sent[1].key, "first one.");
  CHECK_STR_EQ (d->lang, "en");
  CHECK_STR_EQ (d->name, "x.en");
  tmc_doc_free (d);
}

TEST (doc_from_lines_empty_and_invalid)
{
  struct tmc_doc *d;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_doc_from_lines ("fa", NULL, "", 0, &d, &e), TMC_OK);
  CHECK_INT_EQ (d->n_sent, 0);
  tmc_doc_free (d);
  CHECK_INT_EQ (tmc_doc_from_lines ("fa", "bad.fa", "a\x80\n", 3, &d, &e),
                TMC_ERR_ENCODING);
  CHECK (d == NULL);
  CHECK_STR_EQ (e.file, "bad.fa");
  tmc_doc_free (NULL);
}

TEST (doc_add_sentence_checks_range)
{
  struct tmc_doc *d = tmc_doc_new ("az", NULL, "Salam. Necəsən?", 17);
  struct tmc_error e;
  CHECK_INT_EQ (tmc_doc_add_sentence (d, 0, 6, 0, &e), TMC_OK);
  CHECK_INT_EQ (tmc_doc_add_sentence (d, 7, 11, 0, &e), TMC_ERR_INVALID_ARG);
  CHECK_INT_EQ (tmc_doc_add_sentence (d, 7, 10, 0, &e), TMC_OK);
  CHECK_STR_EQ (d->sent[1].key, "necəsən?");
  tmc_doc_free (d);
}

TEST (lang_match_by_primary_subtag)
{
  CHECK (tmc_lang_match ("az", "az-Latn-AZ"));
  CHECK (tmc_lang_match ("AZ_az", "az"));
  CHECK (tmc_lang_match ("fa-IR", "FA"));
  CHECK (!tmc_lang_match ("fa", "az"));
  CHECK (!tmc_lang_match ("", ""));
  CHECK (!tmc_lang_match ("en", NULL));
  char buf[8];
  CHECK_STR_EQ (tmc_lang_primary ("EN-us", buf, sizeof buf), "en");
}

TEST (tm_units_variants_and_props)
{
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_error e;
  CHECK_INT_EQ (tmc_tm_set (&tm->header.srclang, "en", &e), TMC_OK);
  struct tmc_tu tu;
  tmc_tu_init (&tu);
  CHECK (tmc_tu_add_tuv (&tu, "en-US", "Hello.", 6) != NULL);
  CHECK (tmc_tu_add_tuv (&tu, "az-Latn-AZ", "Salam.", 7) != NULL);
  CHECK_INT_EQ (tmc_meta_add_prop (&tu.meta, "x-score", NULL, "0.93"), 0);
  CHECK_INT_EQ (tmc_meta_add_attr (&tu.meta, "creationdate",
                                   "20231114T221320Z"), 0);
  CHECK_INT_EQ (tmc_meta_add_note (&tu.meta, "checked"), 0);
  CHECK_INT_EQ (tmc_tm_add_tu_move (tm, &tu, &e), TMC_OK);
  CHECK_INT_EQ (tu.n_tuvs, 0);
  CHECK_INT_EQ (tm->n_tus, 1);
  struct tmc_tu *t = &tm->tus[0];
  CHECK_STR_EQ (tmc_tu_find (t, "az")->text, "Salam.");
  CHECK (tmc_tu_find (t, "fa") == NULL);
  CHECK_STR_EQ (tmc_meta_prop (&t->meta, "x-score"), "0.93");
  CHECK (tmc_meta_prop (&t->meta, "x-doc") == NULL);
  CHECK_STR_EQ (tmc_meta_attr (&t->meta, "creationdate"), "20231114T221320Z");
  CHECK_STR_EQ (t->meta.notes[0], "checked");
  CHECK_INT_EQ (tmc_tm_set (&tm->header.srclang, NULL, &e), TMC_OK);
  CHECK (tm->header.srclang == NULL);
  tmc_tm_free (tm);
  tmc_tm_free (NULL);
}

TEST (doc_limits)
{
  /* A sentence of TMC_DOC_MAX_SENTENCE_BYTES is kept; one byte more is an
     error that says where the sentence starts, whatever made it: one
     sentence a line, or the segmenter on a text without a stop.  */
  size_t n = TMC_DOC_MAX_SENTENCE_BYTES + 1;
  char *text = malloc (n + 8);
  memcpy (text, "Hi.\n\n", 5);
  memset (text + 5, 'a', n);
  text[5 + n] = '\n';
  struct tmc_doc *d = NULL;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_doc_from_lines ("en", "x", text, 5 + n + 1, &d, &e),
                TMC_ERR_LIMIT);
  CHECK (d == NULL);
  CHECK_INT_EQ (e.line, 3);
  CHECK_INT_EQ (e.column, 1);
  CHECK (strstr (e.message, "1048576") != NULL);
  CHECK_INT_EQ (tmc_doc_from_lines ("en", "x", text, 5 + n - 1, &d, &e),
                TMC_OK);
  CHECK_INT_EQ (d->n_sent, 2);
  tmc_doc_free (d);
  struct tmc_segmenter *seg;
  CHECK_INT_EQ (tmc_segmenter_new (NULL, "en", &seg, &e), TMC_OK);
  CHECK_INT_EQ (tmc_segment_text (seg, "x", text, 5 + n + 1, &d, &e),
                TMC_ERR_LIMIT);
  CHECK_INT_EQ (e.line, 3);
  tmc_segmenter_free (seg);
  free (text);
  /* Sentences per document: the next past TMC_DOC_MAX_SENTENCES is an
     error (the count set by hand: four million sentences would make the
     test slow).  */
  d = tmc_doc_new ("en", "x", "One. Two.", 9);
  CHECK_INT_EQ (tmc_doc_add_sentence (d, 0, 4, 0, &e), TMC_OK);
  size_t real = d->n_sent;
  d->n_sent = TMC_DOC_MAX_SENTENCES;
  CHECK_INT_EQ (tmc_doc_add_sentence (d, 5, 4, 0, &e), TMC_ERR_LIMIT);
  CHECK (strstr (e.message, "4194304") != NULL);
  d->n_sent = real;
  tmc_doc_free (d);
}

int
main (void)
{
  RUN (doc_from_lines_paragraphs);
  RUN (doc_from_lines_empty_and_invalid);
  RUN (doc_add_sentence_checks_range);
  RUN (doc_limits);
  RUN (lang_match_by_primary_subtag);
  RUN (tm_units_variants_and_props);
  return TEST_END ();
}
