/* Fuzz the reading stage: decoding (byte-order marks, iconv, UTF-8
   checks, NUL bytes, controls, line ends, NFC), then segmentation with
   tmconv's own SRX rules, and the one-sentence-per-line reader.

   Input: one selector byte (encoding and language), then the file.
   Properties: decoded text is valid UTF-8 without NUL, CR or other
   controls; sentences lie in the text, in order, do not overlap, are
   trimmed and not empty, have a valid match key and non-decreasing
   paragraph numbers; and nothing but white space (or invisible format
   characters) lies outside them: no text is lost.  */

#include "fuzz.h"
#include "tmconv/doc.h"
#include "tmconv/segment.h"
#include "tmconv/text.h"

static const char *const encodings[8] = {
  NULL, NULL, NULL, "UTF-8", "windows-1256", "UTF-16LE", "windows-1251",
  "UTF-16"
};
static const char *const langs[4] = { "az", "fa", "en", "az" };
static struct tmc_segmenter *segs[4];

/* The length of the character at S (N > 0 bytes of valid UTF-8) when it
   is white space or an invisible format character, else 0.  */
static size_t
blank_at (const unsigned char *s, size_t n)
{
  if (s[0] < 0x80)
    return s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r');
  unsigned c;
  size_t k;
  if (s[0] < 0xE0)
    c = (s[0] & 0x1Fu) << 6 | (s[1] & 0x3Fu), k = 2;
  else if (s[0] < 0xF0)
    c = (s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu), k = 3;
  else
    return 0;
  (void) n;
  switch (c)
    {
    case 0x0085: case 0x00A0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000: case 0x200B: case 0x200E:
    case 0x200F: case 0x061C: case 0xFEFF: case 0x2066: case 0x2067:
    case 0x2068: case 0x2069:
      return k;
    default:
      return c >= 0x2000 && c <= 0x200A ? k : 0;
    }
}

/* Only blanks in [A, B) of TEXT.  */
static int
all_blank (const char *text, size_t a, size_t b)
{
  const unsigned char *t = (const unsigned char *) text;
  while (a < b)
    {
      size_t k = blank_at (t + a, b - a);
      if (k == 0)
        return 0;
      a += k;
    }
  return a == b;
}

static void
check_doc (const struct tmc_doc *doc, int strict_gaps)
{
  FUZZ_ASSERT (doc->text != NULL);
  FUZZ_ASSERT (doc->text[doc->text_len] == '\0');
  size_t prev_end = 0, prev_par = 0;
  for (size_t i = 0; i < doc->n_sent; i++)
    {
      const struct tmc_sentence *s = &doc->sent[i];
      FUZZ_ASSERT (s->len > 0);
      FUZZ_ASSERT (s->start >= prev_end);
      FUZZ_ASSERT (s->start + s->len <= doc->text_len);
      FUZZ_ASSERT (fuzz_utf8_ok (doc->text + s->start, s->len));
      FUZZ_ASSERT (s->paragraph >= prev_par);
      FUZZ_ASSERT (s->paragraph < doc->n_paragraphs);
      FUZZ_ASSERT (s->key != NULL && strlen (s->key) == s->key_len);
      FUZZ_ASSERT (fuzz_utf8_ok (s->key, s->key_len));
      const unsigned char *t = (const unsigned char *) doc->text + s->start;
      FUZZ_ASSERT (t[0] != ' ' && t[0] != '\n' && t[s->len - 1] != ' '
                   && t[s->len - 1] != '\n');
      if (strict_gaps)
        FUZZ_ASSERT (all_blank (doc->text, prev_end, s->start));
      prev_end = s->start + s->len;
      prev_par = s->paragraph;
    }
  if (strict_gaps)
    FUZZ_ASSERT (all_blank (doc->text, prev_end, doc->text_len));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  unsigned sel;
  if (fuzz_selector (&data, &size, &sel) != 0)
    return 0;
  struct tmc_error err;
  if (segs[0] == NULL)
    for (int i = 0; i < 4; i++)
      if (tmc_segmenter_new (NULL, langs[i], &segs[i], &err) != TMC_OK)
        abort ();

  char *text;
  size_t len;
  tmc_error_clear (&err);
  enum tmc_status st = tmc_text_decode ("fuzz", (const char *) data, size,
                                        encodings[sel & 7],
                                        &fuzz_warn_handler, &text, &len,
                                        &err);
  if (st != TMC_OK)
    {
      FUZZ_ASSERT_ERROR (st, err);
      FUZZ_ASSERT (st == TMC_ERR_ENCODING || st == TMC_ERR_UNSUPPORTED);
      FUZZ_ASSERT (text == NULL);
      return 0;
    }
  FUZZ_ASSERT (text != NULL && text[len] == '\0');
  FUZZ_ASSERT (fuzz_utf8_ok (text, len));
  for (size_t i = 0; i < len; i++)
    FUZZ_ASSERT (text[i] == '\t' || text[i] == '\n' || text[i] == '\v'
                 || text[i] == '\f' || (unsigned char) text[i] >= 0x20);

  /* One sentence per line (the --presegmented reader).  */
  struct tmc_doc *doc = NULL;
  tmc_error_clear (&err);
  st = tmc_doc_from_lines (langs[(sel >> 3) & 3], "fuzz", text, len, &doc,
                           &err);
  if (st != TMC_OK)
    FUZZ_ASSERT_ERROR (st, err);
  else
    {
      check_doc (doc, 0);
      tmc_doc_free (doc);
    }

  tmc_error_clear (&err);
  st = tmc_segment_move (segs[(sel >> 3) & 3], "fuzz", text, len, &doc,
                         &err);
  if (st != TMC_OK)
    {
      FUZZ_ASSERT_ERROR (st, err);
      FUZZ_ASSERT (doc == NULL);
      return 0;
    }
  check_doc (doc, 1);
  tmc_doc_free (doc);
  return 0;
}
