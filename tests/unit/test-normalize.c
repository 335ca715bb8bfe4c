/* Unit tests: normalize.c (NFC and match keys).  */

#include "test.h"
#include "tmconv/normalize.h"

static char *
key (const char *lang, const char *s)
{
  static char *last;
  free (last);
  size_t n;
  struct tmc_error e;
  if (tmc_match_key (lang, s, strlen (s), &last, &n, &e) != TMC_OK)
    last = NULL;
  else if (strlen (last) != n)
    last = NULL;
  return last;
}

TEST (nfc_composes_and_keeps_the_rest)
{
  /* e + COMBINING ACUTE -> é; alef + madda above -> U+0622; ZWNJ, Persian
     digits and guillemets stay.  */
  const char *in = "e\xcc\x81 \xd8\xa7\xd9\x93 \xd9\x85\xdb\x8c\xe2\x80\x8c"
                   "\xd8\xb4\xd9\x88\xd8\xaf \xdb\xb1\xdb\xb9\xdb\xb9\xdb\xb0 "
                   "\xc2\xab\xc2\xbb";
  char *out;
  size_t n;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_nfc (in, strlen (in), &out, &n, &e), TMC_OK);
  CHECK_STR_EQ (out, "\xc3\xa9 \xd8\xa2 \xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4"
                     "\xd9\x88\xd8\xaf \xdb\xb1\xdb\xb9\xdb\xb9\xdb\xb0 "
                     "\xc2\xab\xc2\xbb");
  CHECK_INT_EQ (n, strlen (out));
  free (out);
}

TEST (nfc_rejects_invalid_utf8)
{
  char *out;
  size_t n;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_nfc ("a\xff", 2, &out, &n, &e), TMC_ERR_ENCODING);
  CHECK (out == NULL);
  CHECK_INT_EQ (tmc_match_key ("fa", "\xc3", 1, &out, &n, &e),
                TMC_ERR_ENCODING);
}

TEST (key_folds_persian_and_arabic_digits)
{
  /* ۱۹۹۰ and ١٩٩٠ are 1990; ۳٫۵ is 3.5; ۱٬۰۰۰ is 1,000.  */
  CHECK_STR_EQ (key ("fa", "\xdb\xb1\xdb\xb9\xdb\xb9\xdb\xb0"), "1990");
  CHECK_STR_EQ (key ("fa", "\xd9\xa1\xd9\xa9\xd9\xa9\xd9\xa0"), "1990");
  CHECK_STR_EQ (key ("fa", "\xdb\xb3\xd9\xab\xdb\xb5"), "3.5");
  CHECK_STR_EQ (key ("fa", "\xdb\xb1\xd9\xac\xdb\xb0\xdb\xb0\xdb\xb0"),
                "1,000");
}

TEST (key_folds_arabic_yeh_and_kaf)
{
  /* كي (Arabic kaf, Arabic yeh) -> کی (keheh, Farsi yeh).  */
  CHECK_STR_EQ (key ("fa", "\xd9\x83\xd9\x8a"), "\xda\xa9\xdb\x8c");
  /* Alef maksura too.  */
  CHECK_STR_EQ (key ("fa", "\xd9\x89"), "\xdb\x8c");
}

TEST (key_drops_tatweel_harakat_and_bidi_controls)
{
  /* ب + tatweel + fatha + RLM + LRE + FSI + BOM + ZWNJ + ی: ZWNJ stays.  */
  CHECK_STR_EQ (key ("fa", "\xd8\xa8\xd9\x80\xd9\x8e\xe2\x80\x8f\xe2\x80\xaa"
                           "\xe2\x81\xa8\xef\xbb\xbf\xe2\x80\x8c\xdb\x8c"),
                "\xd8\xa8\xe2\x80\x8c\xdb\x8c");
}

TEST (key_turkic_case_for_azerbaijani)
{
  /* BAKI -> bakı, İSTANBUL -> istanbul, Əlizadə -> əlizadə.  */
  CHECK_STR_EQ (key ("az", "BAKI"), "bak\xc4\xb1");
  CHECK_STR_EQ (key ("az", "\xc4\xb0STANBUL"), "istanbul");
  CHECK_STR_EQ (key ("az", "\xc6\x8flizad\xc9\x99"), "\xc9\x99lizad\xc9\x99");
  /* English keeps the default rules: I -> i.  */
  CHECK_STR_EQ (key ("en", "BAKI"), "baki");
  CHECK_STR_EQ (key (NULL, "Iran"), "iran");
}

TEST (key_collapses_white_space)
{
  CHECK_STR_EQ (key ("en", "  a \t b\xc2\xa0\xc2\xa0 c \n"), "a b c");
  CHECK_STR_EQ (key ("en", ""), "");
  CHECK_STR_EQ (key ("en", " \t "), "");
}

TEST (key_maps_presentation_forms)
{
  /* U+FEF3 ARABIC LETTER YEH INITIAL FORM -> Farsi yeh after NFKC.  */
  CHECK_STR_EQ (key ("fa", "\xef\xbb\xb3"), "\xdb\x8c");
}

int
main (void)
{
  RUN (nfc_composes_and_keeps_the_rest);
  RUN (nfc_rejects_invalid_utf8);
  RUN (key_folds_persian_and_arabic_digits);
  RUN (key_folds_arabic_yeh_and_kaf);
  RUN (key_drops_tatweel_harakat_and_bidi_controls);
  RUN (key_turkic_case_for_azerbaijani);
  RUN (key_collapses_white_space);
  RUN (key_maps_presentation_forms);
  key (NULL, "");
  return TEST_END ();
}
