/* Unit tests: text.c, text-nfc.c, text-lang.c (decoding, NFC quick
   check, language tags).  */

#include <uninorm.h>

#include "test.h"
#include "../../src/lib/text-internal.h"
#include "tmconv/text.h"

static char *
dec (const char *in, size_t n, const char *code, enum tmc_status *st)
{
  static char *last;
  free (last);
  last = NULL;
  size_t len;
  struct tmc_error e;
  *st = tmc_text_decode ("t", in, n, code, NULL, &last, &len, &e);
  if (*st == TMC_OK && strlen (last) != len)
    return NULL;
  return last;
}

TEST (decode_utf8_bom_crlf_nfc)
{
  enum tmc_status st;
  /* BOM dropped; CR LF and CR become LF; e + U+0301 composes.  */
  const char in[] = "\xef\xbb\xbf" "a\r\nb\rce\xcc\x81\n";
  CHECK_STR_EQ (dec (in, sizeof in - 1, NULL, &st), "a\nb\nc\xc3\xa9\n");
  CHECK_INT_EQ (st, TMC_OK);
  /* ZWNJ, Persian digits and guillemets stay.  */
  const char fa[] = "\xd9\x85\xdb\x8c\xe2\x80\x8c \xdb\xb1\xdb\xb2 \xc2\xab\xc2\xbb";
  CHECK_STR_EQ (dec (fa, sizeof fa - 1, "UTF-8", &st), fa);
}

TEST (decode_utf16_and_legacy)
{
  enum tmc_status st;
  CHECK_STR_EQ (dec ("\xff\xfeH\0i\0", 6, NULL, &st), "Hi");
  CHECK_STR_EQ (dec ("\xfe\xff\0H\0i", 6, NULL, &st), "Hi");
  CHECK_STR_EQ (dec ("\xff\xfe\0\0H\0\0\0", 8, NULL, &st), "H");
  /* windows-1256: alef lam; windows-1254: dotless i.  */
  CHECK_STR_EQ (dec ("\xc7\xe1", 2, "windows-1256", &st), "\xd8\xa7\xd9\x84");
  CHECK_STR_EQ (dec ("Bak\xfd", 4, "windows-1254", &st), "Bak\xc4\xb1");
  CHECK_STR_EQ (dec ("", 0, NULL, &st), "");
}

TEST (decode_errors)
{
  enum tmc_status st;
  struct tmc_error e;
  char *out;
  size_t n;
  CHECK (dec ("ab\xff", 3, NULL, &st) == NULL);
  CHECK_INT_EQ (st, TMC_ERR_ENCODING);
  CHECK_INT_EQ (tmc_text_decode ("f", "x\ny\xc3", 4, NULL, NULL, &out, &n,
                                 &e), TMC_ERR_ENCODING);
  CHECK_INT_EQ (e.line, 2);
  CHECK_INT_EQ (e.column, 2);
  CHECK (strstr (e.message, "0xC3") != NULL);
  CHECK_INT_EQ (tmc_text_decode ("f", "a", 1, "NO-SUCH", NULL, &out, &n, &e),
                TMC_ERR_UNSUPPORTED);
  CHECK_INT_EQ (tmc_text_check_encoding ("NO-SUCH", &e), TMC_ERR_UNSUPPORTED);
  CHECK_INT_EQ (tmc_text_check_encoding ("windows-1256", &e), TMC_OK);
  CHECK_INT_EQ (tmc_text_decode ("f", "H\0i\0 \0t\0h\0e\0r\0e\0", 16, NULL,
                                 NULL, &out, &n, &e), TMC_ERR_ENCODING);
  CHECK (strstr (e.message, "--from-code=UTF-16LE") != NULL);
  CHECK_INT_EQ (tmc_text_decode ("f", "a\x01", 2, NULL, NULL, &out, &n, &e),
                TMC_ERR_ENCODING);
  CHECK (strstr (e.message, "U+0001") != NULL);
  /* One NUL in a short UTF-8 text is a NUL where it is, not UTF-16 (the
     NUL is one unit in eight) nor a binary file.  */
  CHECK_INT_EQ (tmc_text_decode ("f", "One.\nTwo\0 three.\n", 17, NULL, NULL,
                                 &out, &n, &e), TMC_ERR_ENCODING);
  CHECK (strstr (e.message, "NUL byte in the text") != NULL);
  CHECK_INT_EQ (e.line, 2);
  CHECK_INT_EQ (e.column, 4);
  /* Persian in UTF-16BE without a byte-order mark: few NULs (the spaces),
     high bytes 0x06.  */
  CHECK_INT_EQ (tmc_text_decode ("f", "\x06\x2f\x06\x31\x00\x20\x06\x27"
                                 "\x06\x44\x06\x45", 12, NULL, NULL, &out,
                                 &n, &e), TMC_ERR_ENCODING);
  CHECK (strstr (e.message, "--from-code=UTF-16BE") != NULL);
}

TEST (nfc_quick_check_agrees_with_u8_normalize)
{
  /* Strings in and out of NFC: the quick check may say "no" for a text
     in NFC, never "yes" for one that is not.  */
  static const char *const s[] = {
    "abc", "\xc3\xa9", "e\xcc\x81", "\xd8\xa7\xd9\x94", "\xdb\x80",
    "\xd9\x87\xd9\x94", "\xd8\xb8\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa7\xd9\x8b",
    "a\xcc\xa3\xcc\x81", "a\xcc\x81\xcc\xa3", "\xe1\x84\x80\xe1\x85\xa1",
    "\xea\xb0\x80", "\xe2\x84\xa6", "\xc9\x99\xc5\x9f\xc4\xb1", "\xd3\x99",
  };
  for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
    {
      size_t n = strlen (s[i]), rn;
      uint8_t *r = u8_normalize (UNINORM_NFC, (const uint8_t *) s[i], n,
                                 NULL, &rn);
      int is = rn == n && memcmp (r, s[i], n) == 0;
      if (tmc_text_is_nfc (s[i], n))
        CHECK (is);
      free (r);
    }
  /* The common letters pass: Azerbaijani, Persian with tanwin.  */
  CHECK (tmc_text_is_nfc ("\xc9\x99\xc5\x9f\xc4\xb1\xc3\xb6", 8));
  CHECK (tmc_text_is_nfc ("\xd8\xb8\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa7\xd9\x8b",
                          12));
  CHECK (!tmc_text_is_nfc ("e\xcc\x81", 3));
}

TEST (language_tags)
{
  char b[32];
  CHECK_STR_EQ (tmc_lang_code ("az"), "az");
  CHECK_STR_EQ (tmc_lang_code ("az-Cyrl"), "az");
  CHECK_STR_EQ (tmc_lang_code ("AZE_latn"), "az");
  CHECK_STR_EQ (tmc_lang_code ("fa-IR"), "fa");
  CHECK_STR_EQ (tmc_lang_code ("pes"), "fa");
  CHECK_STR_EQ (tmc_lang_code ("eng"), "en");
  CHECK (tmc_lang_code ("de") == NULL);
  CHECK (tmc_lang_code ("a") == NULL);
  CHECK (tmc_lang_code ("az--x") == NULL);
  CHECK_STR_EQ (tmc_lang_canonical ("aze_cyrl", b, sizeof b), "az-Cyrl");
  CHECK_STR_EQ (tmc_lang_canonical ("fa_ir", b, sizeof b), "fa-IR");
  CHECK_STR_EQ (tmc_lang_canonical ("es-419", b, sizeof b), "es-419");
  CHECK (tmc_lang_canonical ("x y", b, sizeof b) == NULL);
  CHECK_STR_EQ (tmc_lang_from_filename ("dir/report.az.txt", b, sizeof b),
                "az");
  CHECK_STR_EQ (tmc_lang_from_filename ("bbc.381790.fa_IR.txt", b, sizeof b),
                "fa-IR");
  CHECK_STR_EQ (tmc_lang_from_filename ("notes.az-Cyrl.txt", b, sizeof b),
                "az-Cyrl");
  CHECK_STR_EQ (tmc_lang_from_filename ("en.txt", b, sizeof b), "en");
  CHECK (tmc_lang_from_filename ("notes.txt", b, sizeof b) == NULL);
  CHECK (tmc_lang_from_filename ("az.dir/notes.txt", b, sizeof b) == NULL);
}

TEST (language_pairs)
{
  char pairs[4][2][16];
  size_t n = 99;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_lang_pairs_parse ("en-az,aze:per,FA-en", 1, pairs, 4, &n,
                                      &e), TMC_OK);
  CHECK_INT_EQ (n, 3);
  CHECK_STR_EQ (pairs[0][0], "en");
  CHECK_STR_EQ (pairs[0][1], "az");
  CHECK_STR_EQ (pairs[1][0], "az");
  CHECK_STR_EQ (pairs[1][1], "fa");
  CHECK_STR_EQ (pairs[2][0], "fa");
  CHECK_STR_EQ (pairs[2][1], "en");
  CHECK_INT_EQ (tmc_lang_pairs_parse ("", 1, pairs, 4, &n, &e), TMC_OK);
  CHECK_INT_EQ (n, 0);
  /* Any language only when asked; subtags never.  */
  CHECK_INT_EQ (tmc_lang_pairs_parse ("en-de", 1, pairs, 4, &n, &e),
                TMC_ERR_INVALID_ARG);
  CHECK_STR_EQ (e.message,
                "'en-de' is not a language pair SRC-TGT (for example en-az)");
  CHECK_INT_EQ (tmc_lang_pairs_parse ("EN-De", 0, pairs, 4, &n, &e), TMC_OK);
  CHECK_STR_EQ (pairs[0][1], "de");
  const char *bad[] = { "en", "en-", "-az", "en-en", "en-az-Latn", "e-az",
                        "en-az,,en-fa", "en-az,", "ən-az", "en1-az" };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    {
      int st = tmc_lang_pairs_parse (bad[i], 0, pairs, 4, &n, &e);
      if (strcmp (bad[i], "en-az,") == 0)
        CHECK_INT_EQ (st, TMC_OK);   /* a trailing comma ends the list */
      else
        CHECK_INT_EQ (st, TMC_ERR_INVALID_ARG);
    }
  CHECK_INT_EQ (tmc_lang_pairs_parse ("en-az,az-en,en:az", 1, pairs, 4, &n,
                                      &e), TMC_ERR_INVALID_ARG);
  CHECK_STR_EQ (e.message, "the language pair 'en:az' is given twice");
  CHECK_INT_EQ (tmc_lang_pairs_parse ("en-az,en-fa,az-fa", 1, pairs, 2, &n,
                                      &e), TMC_ERR_INVALID_ARG);
  CHECK_STR_EQ (e.message, "too many language pairs (at most 2)");
}

int
main (void)
{
  RUN (decode_utf8_bom_crlf_nfc);
  RUN (decode_utf16_and_legacy);
  RUN (decode_errors);
  RUN (nfc_quick_check_agrees_with_u8_normalize);
  RUN (language_tags);
  RUN (language_pairs);
  enum tmc_status st;
  free (dec ("", 0, NULL, &st));
  return TEST_END ();
}
