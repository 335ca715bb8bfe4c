/* Fuzz the aligner on two or three small documents, and the readers of
   what it is given besides: a user dictionary (TSV or hunalign's
   format) and a bead file.

   Input: one selector byte, then up to four parts separated by NUL
   bytes (no text holds a NUL): a dictionary (when selected), then the
   Azerbaijani, Persian and English documents (English left out for a
   pairwise alignment).  Each document is decoded and read one sentence
   per line or segmented with tmconv's rules; the alignment is checked,
   the pairwise alignments of a 3-way one projected, the beads written,
   read back and turned into translation units.

   Properties: every sentence of every document is in exactly one bead,
   in order, no bead is empty or holds more than two sentences of a
   document, every score is in [0, 1]; the same for each projection; the
   bead file reads back to the same beads; and a refused dictionary or
   alignment has an error with a message.  */

#include <stdio.h>

#include "fuzz.h"
#include "tmconv/align.h"
#include "tmconv/doc.h"
#include "tmconv/lexicon.h"
#include "tmconv/segment.h"
#include "tmconv/text.h"
#include "tmconv/tm.h"

static const char *const langs[3] = { "az", "fa", "en" };
static struct tmc_segmenter *segs[3];

/* SPAN: the most sentences of a document in a bead: TMC_ALIGN_MAX_SPAN,
   or any number for a join on a pivot (the union of the beads of two
   pairwise alignments that share a sentence of the pivot).  */
static void
check_alignment (const struct tmc_alignment *a, const struct tmc_doc *const *d,
                 size_t n, size_t span)
{
  FUZZ_ASSERT (a->n_docs == n);
  size_t next[TMC_ALIGN_MAX_DOCS] = { 0, 0, 0 };
  for (size_t b = 0; b < a->n_beads; b++)
    {
      const struct tmc_bead *bd = &a->beads[b];
      size_t total = 0;
      for (size_t k = 0; k < n; k++)
        {
          FUZZ_ASSERT (bd->start[k] == next[k]);
          FUZZ_ASSERT (bd->len[k] <= span);
          next[k] += bd->len[k];
          total += bd->len[k];
        }
      FUZZ_ASSERT (total > 0);
      FUZZ_ASSERT (bd->score >= 0 && bd->score <= 1);
    }
  for (size_t k = 0; k < n; k++)
    FUZZ_ASSERT (next[k] == d[k]->n_sent);
}

/* The beads as a file, read back: the same beads.  */
static void
beads_round_trip (const struct tmc_alignment *a,
                  const struct tmc_doc *const *d, size_t n)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&buf, &len);
  FUZZ_ASSERT (fp != NULL);
  struct tmc_error err;
  FUZZ_ASSERT (tmc_alignment_write_beads (a, fp, &err) == TMC_OK);
  FUZZ_ASSERT (fclose (fp) == 0);
  size_t n_sent[TMC_ALIGN_MAX_DOCS];
  for (size_t k = 0; k < n; k++)
    n_sent[k] = d[k]->n_sent;
  struct tmc_alignment *back = NULL;
  enum tmc_status st = tmc_alignment_read_beads ("beads", buf, len, n,
                                                 n_sent, &back, &err);
  if (st != TMC_OK)
    fprintf (stderr, "%s\n%s\n", err.message, buf);
  FUZZ_ASSERT (st == TMC_OK);
  FUZZ_ASSERT (back->n_beads == a->n_beads);
  for (size_t b = 0; b < a->n_beads; b++)
    for (size_t k = 0; k < n; k++)
      FUZZ_ASSERT (back->beads[b].start[k] == a->beads[b].start[k]
                   && back->beads[b].len[k] == a->beads[b].len[k]);
  tmc_alignment_free (back);
  free (buf);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  unsigned sel;
  if (fuzz_selector (&data, &size, &sel) != 0)
    return 0;
  const char *p = (const char *) data, *end = (const char *) data + size;
  struct tmc_error err;
  if (segs[0] == NULL)
    for (int i = 0; i < 3; i++)
      if (tmc_segmenter_new (NULL, langs[i], &segs[i], &err) != TMC_OK)
        abort ();
  int three = (sel & 1) != 0;
  int presegmented = (sel & 2) != 0;
  int dict = (sel & 4) != 0;
  size_t n_docs = three ? 3 : 2;
  /* The parts.  */
  const char *part[4];
  size_t part_len[4];
  size_t n_parts = (dict ? 1 : 0) + n_docs;
  for (size_t i = 0; i < n_parts; i++)
    {
      const char *z = memchr (p, '\0', (size_t) (end - p));
      const char *e = z ? z : end;
      part[i] = p;
      part_len[i] = (size_t) (e - p);
      p = z ? z + 1 : end;
    }

  struct tmc_lexicon *lex = NULL;
  if (dict)
    {
      lex = tmc_lexicon_new ();
      FUZZ_ASSERT (lex != NULL);
      tmc_error_clear (&err);
      enum tmc_status st
        = (sel & 8) ? tmc_lexicon_add_hunalign (lex, "dict", part[0],
                                                part_len[0], "az", "en", &err)
                    : tmc_lexicon_add_tsv (lex, "dict", part[0], part_len[0],
                                           &err);
      if (st != TMC_OK)
        {
          FUZZ_ASSERT_ERROR (st, err);
          tmc_lexicon_free (lex);
          return 0;
        }
    }

  struct tmc_doc *docs[3] = { NULL, NULL, NULL };
  int ok = 1;
  for (size_t k = 0; k < n_docs && ok; k++)
    {
      /* Pairwise: az-en or fa-en.  */
      size_t l = three ? k : (k == 0 ? ((sel & 16) ? 1 : 0) : 2);
      const char *t = part[(dict ? 1 : 0) + k];
      size_t tl = part_len[(dict ? 1 : 0) + k];
      char *text;
      size_t len;
      if (tmc_text_decode (langs[l], t, tl, NULL, NULL, &text, &len, &err)
          != TMC_OK)
        {
          ok = 0;
          break;
        }
      enum tmc_status st;
      if (presegmented)
        {
          st = tmc_doc_from_lines (langs[l], langs[l], text, len, &docs[k],
                                   &err);
          free (text);
        }
      else
        st = tmc_segment_move (segs[l], langs[l], text, len, &docs[k], &err);
      if (st != TMC_OK)
        ok = 0;
    }
  if (ok)
    {
      struct tmc_align_params params;
      tmc_align_params_init (&params);
      params.lexicon = lex;
      params.use_lexicon = (sel & 32) == 0;
      params.pivot = three && (sel & 64) ? 3 : 0;
      params.warn = &fuzz_warn_handler;
      const struct tmc_doc *const *d = (const struct tmc_doc *const *) docs;
      struct tmc_alignment *a = NULL;
      tmc_error_clear (&err);
      enum tmc_status st = tmc_align (d, n_docs, &params, &a, &err);
      if (st != TMC_OK)
        fprintf (stderr, "tmc_align: %s\n", err.message);
      FUZZ_ASSERT (st == TMC_OK);
      size_t span = params.pivot ? (size_t) -1 : TMC_ALIGN_MAX_SPAN;
      check_alignment (a, d, n_docs, span);
      beads_round_trip (a, d, n_docs);
      if (three)
        for (size_t x = 0; x < 3; x++)
          for (size_t y = x + 1; y < 3; y++)
            {
              struct tmc_alignment *pr = NULL;
              FUZZ_ASSERT (tmc_align_project (d, a, x, y, &params, &pr, &err)
                           == TMC_OK);
              const struct tmc_doc *pd[2] = { d[x], d[y] };
              FUZZ_ASSERT (pr->n_docs == 2);
              /* A projection leaves out beads empty on both sides but
                 still covers every sentence of the pair.  */
              check_alignment (pr, pd, 2, span);
              tmc_alignment_free (pr);
            }
      struct tmc_tm *tm = tmc_tm_new ();
      FUZZ_ASSERT (tm != NULL);
      FUZZ_ASSERT (tmc_alignment_to_tm (d, a, "fuzz", 2, tm, &err) == TMC_OK);
      tmc_tm_free (tm);
      tmc_alignment_free (a);
    }
  for (size_t k = 0; k < 3; k++)
    tmc_doc_free (docs[k]);
  tmc_lexicon_free (lex);
  return 0;
}
