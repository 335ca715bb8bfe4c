/* Fuzz the SRX reader and the rule engine: parse the input as an SRX
   file; when it is accepted, build the segmenters it gives for a few
   languages and cut a short text with each.

   Properties: a refused file has an error with a message and a line
   (XML and SRX errors are always at a place); an accepted one gives
   segmenters, and segmenting either works or fails with a message;
   sentences lie in the text, in order.  */

#include "fuzz.h"
#include "tmconv/doc.h"
#include "tmconv/segment.h"

static const char *const langs[] = { "en", "az", "fa-IR", "de", "az-Cyrl" };

/* A text with the things rules look at: stops, abbreviations, numbers,
   quotes, Persian and Azerbaijani punctuation, several paragraphs.  */
static const char sample[] =
  "Mr. Smith met Dr. J. R. Brown on Jan. 5. He said: \"It works!\" "
  "Really? Yes... 3.5 km, i.e. far.\n\n"
  "Bak\xc4\xb1 \xc5\x9f\xc9\x99h\xc9\x99ri, 2024-c\xc3\xbc il. "
  "Prof. \xc6\x8fliyev v\xc9\x99 s. g\xc9\x99ldi.\n"
  "\xd8\xa2\xdb\x8c\xd8\xa7 \xd8\xaa\xd9\x87\xd8\xb1\xd8\xa7\xd9\x86 "
  "\xd8\xa7\xd8\xb3\xd8\xaa\xd8\x9f \xd8\xa8\xd9\x84\xd9\x87\xdb\x94 "
  "\xdb\xb3\xd9\xab\xdb\xb5 \xc2\xab\xd8\xae\xd8\xa8\xd8\xb1\xc2\xbb.\n"
  "HEADLINE WITHOUT STOP\nThe end (see p. 4).";

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct tmc_error err;
  tmc_error_clear (&err);
  struct tmc_srx *srx = NULL;
  enum tmc_status st = tmc_srx_parse ("fuzz.srx", (const char *) data, size,
                                      &srx, &err);
  if (st != TMC_OK)
    {
      FUZZ_ASSERT_ERROR (st, err);
      FUZZ_ASSERT (srx == NULL);
      FUZZ_ASSERT (st == TMC_ERR_SYNTAX || st == TMC_ERR_FORMAT);
      FUZZ_ASSERT (err.line > 0);
      return 0;
    }
  for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++)
    {
      const char *names[8];
      size_t n = tmc_srx_rules_for (srx, langs[l], names, 8);
      for (size_t i = 0; i < n && i < 8; i++)
        FUZZ_ASSERT (names[i] != NULL);
      struct tmc_segmenter *seg = NULL;
      tmc_error_clear (&err);
      st = tmc_segmenter_new (srx, langs[l], &seg, &err);
      if (st != TMC_OK)
        {
          FUZZ_ASSERT_ERROR (st, err);
          continue;
        }
      struct tmc_doc *doc = NULL;
      tmc_error_clear (&err);
      st = tmc_segment_text (seg, "sample", sample, sizeof sample - 1, &doc,
                             &err);
      if (st != TMC_OK)
        FUZZ_ASSERT_ERROR (st, err);
      else
        {
          size_t end = 0;
          for (size_t i = 0; i < doc->n_sent; i++)
            {
              FUZZ_ASSERT (doc->sent[i].len > 0);
              FUZZ_ASSERT (doc->sent[i].start >= end);
              end = doc->sent[i].start + doc->sent[i].len;
              FUZZ_ASSERT (end <= doc->text_len);
            }
          FUZZ_ASSERT (doc->n_sent > 0);
          tmc_doc_free (doc);
        }
      tmc_segmenter_free (seg);
    }
  tmc_srx_free (srx);
  return 0;
}
