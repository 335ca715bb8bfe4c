/* The aligner's evidence: what each sentence carries that a translation
   keeps (numbers, punctuation, lexicon concepts, names, Latin words),
   reduced to sorted multisets of 32-bit feature ids.  */

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "align-internal.h"
#include "internal.h"

/* The most items of one kind kept for a sentence.  */
#define MAX_SET 255

/* The most items of one kind kept for a unit of a coarse document.  */
#define COARSE_SET 48

/* Punctuation classes, hashed into TMC_SET_PUNCT ids.  The lexicon can
   name them as "punct:X" concepts (e.g. punct:% for faiz, درصد).  */
static uint32_t
punct_id (const char *cls)
{
  return tmc_feat_id (TMC_SET_PUNCT, tmc_fnv (TMC_FNV_INIT, cls,
                                               strlen (cls)));
}

/* Growable array of uint32.  */
struct u32v {
  uint32_t *v;
  size_t n, cap;
};

static int
u32v_push (struct u32v *a, uint32_t x)
{
  if (a->n == a->cap
      && tmc_grow ((void **) &a->v, &a->cap, a->n + 1, sizeof *a->v) != 0)
    return -1;
  a->v[a->n++] = x;
  return 0;
}

/* Sort the N values of V (radix, 8 bits a pass), with SCRATCH.  */
static int
sort_u32 (uint32_t *v, size_t n, struct u32v *scratch)
{
  if (scratch->cap < n
      && tmc_grow ((void **) &scratch->v, &scratch->cap, n,
                   sizeof *scratch->v) != 0)
    return -1;
  uint32_t *a = v, *b = scratch->v;
  for (int sh = 0; sh < 32; sh += 8)
    {
      size_t count[257];
      memset (count, 0, sizeof count);
      for (size_t i = 0; i < n; i++)
        count[((a[i] >> sh) & 0xFF) + 1]++;
      for (int d = 1; d <= 256; d++)
        count[d] += count[d - 1];
      for (size_t i = 0; i < n; i++)
        b[count[(a[i] >> sh) & 0xFF]++] = a[i];
      uint32_t *t = a;
      a = b;
      b = t;
    }
  /* Four passes: the result is back in V.  */
  return 0;
}

/* A small open-addressing set of nonzero 32-bit hashes.  */
struct hset {
  uint32_t *v;
  size_t cap, n;
};

static int
hset_add (struct hset *s, uint32_t h)
{
  if (h == 0)
    h = 1;
  if ((s->n + 1) * 2 > s->cap)
    {
      size_t nc = s->cap ? s->cap * 2 : 1024;
      uint32_t *nv = calloc (nc, sizeof *nv);
      if (nv == NULL)
        return -1;
      for (size_t i = 0; i < s->cap; i++)
        if (s->v[i])
          {
            size_t k = s->v[i] & (nc - 1);
            while (nv[k])
              k = (k + 1) & (nc - 1);
            nv[k] = s->v[i];
          }
      free (s->v);
      s->v = nv;
      s->cap = nc;
    }
  size_t k = h & (s->cap - 1);
  while (s->v[k])
    {
      if (s->v[k] == h)
        return 0;
      k = (k + 1) & (s->cap - 1);
    }
  s->v[k] = h;
  s->n++;
  return 0;
}

static int
hset_has (const struct hset *s, uint32_t h)
{
  if (h == 0)
    h = 1;
  if (s->cap == 0)
    return 0;
  size_t k = h & (s->cap - 1);
  while (s->v[k])
    {
      if (s->v[k] == h)
        return 1;
      k = (k + 1) & (s->cap - 1);
    }
  return 0;
}

/* tmc_al_is_word_char, inline for ASCII.  */
static inline int
word_char (ucs4_t c)
{
  if (c < 0x80)
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return tmc_al_is_word_char (c);
}

static int
is_latin (ucs4_t c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
         || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
         || (c >= 0x1E00 && c <= 0x1EFF);
}

/* Word characters below U+0700 (Latin, Greek, Cyrillic, Arabic), from
   libunistring once, as a bitmap.  */
#define WORD_TABLE 0x700
static unsigned char word_table[WORD_TABLE / 8];
static pthread_once_t word_once = PTHREAD_ONCE_INIT;

static void
word_table_init (void)
{
  for (ucs4_t c = 0x80; c < WORD_TABLE; c++)
    if (uc_is_alpha (c) || uc_is_general_category (c, UC_CATEGORY_M))
      word_table[c >> 3] |= (unsigned char) (1u << (c & 7));
}

int
tmc_al_is_word_char (uint32_t c)
{
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < WORD_TABLE)
    {
      pthread_once (&word_once, word_table_init);
      return (word_table[c >> 3] >> (c & 7)) & 1;
    }
  if (c == 0x200C || c == 0x200D)
    return 0;
  return uc_is_alpha (c) || uc_is_general_category (c, UC_CATEGORY_M);
}

/* The consonant key ("skeleton") of names, shared by the Latin and the
   Arabic script, so that Əlizadə, Alizadeh and علیزاده all give "lsd":
   vowels, h, w/v, y and the letters that write them (ا و ی ه ح ع) are
   left out, letters that transliterations confuse are one class (s z
   ث ص ذ ض ظ; k g q ğ ق غ ک گ), digraphs are one letter (sh ş ش = S,
   ch ç چ = C, kh x خ = X, zh ژ and az j = Z, th = t, ph = f), and
   doubled consonants count once.  */

static char
fa_skel (ucs4_t c)
{
  switch (c)
    {
    case 0x0628: return 'b';
    case 0x067E: return 'p';
    case 0x062A: case 0x0637: return 't';
    case 0x062B: case 0x0633: case 0x0635: case 0x0632: case 0x0630:
    case 0x0636: case 0x0638: return 's';
    case 0x062C: return 'j';
    case 0x0686: return 'C';
    case 0x062E: return 'X';
    case 0x062F: return 'd';
    case 0x0631: return 'r';
    case 0x0698: return 'Z';
    case 0x0634: return 'S';
    case 0x063A: case 0x0642: case 0x06A9: case 0x06AF: case 0x0643:
      return 'K';
    case 0x0641: return 'f';
    case 0x0644: return 'l';
    case 0x0645: return 'm';
    case 0x0646: return 'n';
    default: return 0;
    }
}

/* Lowercase a Latin letter for the skeleton (I and İ both give i: vowels
   are left out anyway).  */
static ucs4_t
latin_lower (ucs4_t c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 'a';
  if (c == 0x130 || c == 0x131)
    return 'i';
  if (c < 0x80)
    return c;
  return uc_tolower (c);
}

/* The skeleton of the Latin word of code points W[0..N) in language L
   into OUT (at most MAX chars).  Returns its length.  */
static size_t
latin_skel (const ucs4_t *w, size_t n, int l, char *out, size_t max)
{
  size_t k = 0;
  for (size_t i = 0; i < n && k < max; i++)
    {
      ucs4_t c = latin_lower (w[i]);
      ucs4_t d = i + 1 < n ? latin_lower (w[i + 1]) : 0;
      char s = 0;
      if (d == 'h' && (c == 's' || c == 'c' || c == 'k' || c == 'g'
                       || c == 'z' || c == 't' || c == 'p' || c == 'd'))
        {
          static const char from[] = "sckgztpd", to[] = "SCXKZtfd";
          s = to[strchr (from, (int) c) - from];
          i++;
        }
      else
        switch (c)
          {
          case 'b': case 'd': case 'f': case 'l': case 'm': case 'n':
          case 'p': case 'r': case 't':
            s = (char) c;
            break;
          case 's': case 'z': case 0xDF: case 0x15B:
            s = 's';
            break;
          case 'k': case 'g': case 'q': case 0x11F:
            s = 'K';
            break;
          case 'c':
            if (l == TMC_AL_AZ)
              s = 'j';
            else if (d == 'k')
              {
                s = 'K';
                i++;
              }
            else
              s = (d == 'e' || d == 'i' || d == 'y') ? 's' : 'K';
            break;
          case 'j':
            s = l == TMC_AL_AZ ? 'Z' : 'j';
            break;
          case 'x':
            if (l == TMC_AL_AZ)
              s = 'X';
            else if (k < max)
              {
                out[k++] = 'K';
                s = 's';
              }
            break;
          case 0x15F: case 0x219: case 0x161:
            s = 'S';
            break;
          case 0xE7: case 0x10D: case 0x107:
            s = 'C';
            break;
          case 0x17E:
            s = 'Z';
            break;
          case 0xF1: case 0x144:
            s = 'n';
            break;
          default:
            break;
          }
      if (s && k < max && (k == 0 || out[k - 1] != s))
        out[k++] = s;
    }
  return k;
}

static size_t
fa_skel_word (const char *s, size_t n, char *out, size_t max)
{
  size_t k = 0;
  const uint8_t *p = (const uint8_t *) s, *end = p + n;
  while (p < end && k < max)
    {
      ucs4_t c;
      p += u8_mbtouc_unsafe (&c, p, (size_t) (end - p));
      char sk = fa_skel (c);
      if (sk && (k == 0 || out[k - 1] != sk))
        out[k++] = sk;
    }
  return k;
}

static uint32_t
skel_id (const char *sk, size_t n)
{
  return tmc_feat_id (TMC_SET_SKEL, tmc_fnv (TMC_FNV_INIT, sk, n));
}

/* Azerbaijani case and plural endings, stripped from a name before its
   skeleton is taken (Bakıda -> Bakı, Trampın -> Tramp), longest first.  */
#define SCHWA 0x259
#define DOTLESS_I 0x131
#define U_UML 0xFC
static const ucs4_t az_endings[][6] = {
  { 'l', 'a', 'r', DOTLESS_I, 'n', 0 }, { 'l', SCHWA, 'r', 'i', 'n', 0 },
  { 'd', 'a', 'k', DOTLESS_I, 0 }, { 'd', SCHWA, 'k', 'i', 0 },
  { 'n', 'd', 'a', 'n', 0 }, { 'n', 'd', SCHWA, 'n', 0 },
  { 'n', DOTLESS_I, 'n', 0 }, { 'n', 'i', 'n', 0 }, { 'n', 'u', 'n', 0 },
  { 'n', U_UML, 'n', 0 }, { 'd', 'a', 'n', 0 }, { 'd', SCHWA, 'n', 0 },
  { 't', 'a', 'n', 0 }, { 't', SCHWA, 'n', 0 }, { 'l', 'a', 'r', 0 },
  { 'l', SCHWA, 'r', 0 }, { 'd', 'a', 0 }, { 'd', SCHWA, 0 }, { 't', 'a', 0 },
  { 't', SCHWA, 0 }, { DOTLESS_I, 'n', 0 }, { 'i', 'n', 0 }, { 'u', 'n', 0 },
  { U_UML, 'n', 0 }, { 'y', 'a', 0 }, { 'y', SCHWA, 0 }, { 'n', 'a', 0 },
  { 'n', SCHWA, 0 }, { 'n', DOTLESS_I, 0 }, { 'n', 'i', 0 }, { 'n', 'u', 0 },
  { 'n', U_UML, 0 }
};

/* The lengths of the endings.  */
static const unsigned char az_ending_len[] = {
  5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2
};

/* Strip an Azerbaijani ending from the word W[0..*N) (code points),
   keeping at least 3 letters.  */
static void
az_strip (const ucs4_t *w, size_t *n)
{
  if (*n < 4)
    return;
  /* Every ending ends in one of these letters.  */
  ucs4_t last = w[*n - 1];
  last = last == 'I' || last == DOTLESS_I ? DOTLESS_I : latin_lower (last);
  if (last != 'n' && last != 'a' && last != SCHWA && last != DOTLESS_I
      && last != 'i' && last != 'u' && last != U_UML && last != 'r')
    return;
  /* The word lowercase (I -> ı: endings are Turkic), last letters.  */
  ucs4_t low[6];
  size_t k = *n < 6 ? *n : 6;
  for (size_t i = 0; i < k; i++)
    {
      ucs4_t c = w[*n - k + i];
      low[i] = c == 'I' || c == DOTLESS_I ? DOTLESS_I : latin_lower (c);
    }
  for (size_t e = 0; e < TMC_ARRAY_SIZE (az_endings); e++)
    {
      const ucs4_t *end = az_endings[e];
      size_t el = az_ending_len[e];
      if (*n < el + 3 || end[el - 1] != last)
        continue;
      size_t i;
      for (i = 0; i < el; i++)
        if (low[k - el + i] != end[i])
          break;
      if (i == el)
        {
          *n -= el;
          return;
        }
    }
}

/* A word of the original text: code points, whether it starts with a
   capital letter, a hash of its lowercase form.  */
#define MAX_WORD 64

struct oword {
  ucs4_t c[MAX_WORD];
  size_t n;
  int cap;
  uint32_t lower_hash;
};

/* Read the next Latin-script word of the original text from *P (up to
   END).  Returns 0 at the end.  */
static inline int
decode (const uint8_t *p, const uint8_t *end, ucs4_t *c)
{
  if (*p < 0x80)
    {
      *c = *p;
      return 1;
    }
  return u8_mbtouc_unsafe (c, p, (size_t) (end - p));
}

static int
next_oword (const uint8_t **pp, const uint8_t *end, struct oword *w)
{
  const uint8_t *p = *pp;
  for (;;)
    {
      ucs4_t c = 0;
      while (p < end)
        {
          int k = decode (p, end, &c);
          if (word_char (c))
            break;
          p += k;
        }
      if (p >= end)
        {
          *pp = p;
          return 0;
        }
      if (!is_latin (c))
        {
          /* A word in another script: skip it.  */
          while (p < end)
            {
              int k = decode (p, end, &c);
              if (!word_char (c))
                break;
              p += k;
            }
          continue;
        }
      w->n = 0;
      uint32_t h = TMC_FNV_INIT;
      while (p < end)
        {
          int k = decode (p, end, &c);
          if (!word_char (c))
            break;
          if (w->n < MAX_WORD)
            w->c[w->n++] = c;
          h = (h ^ latin_lower (c)) * 16777619u;
          p += k;
        }
      w->cap = uc_is_upper (w->c[0]) || w->c[0] == 0x130;
      w->lower_hash = h;
      *pp = p;
      return 1;
    }
}

/* Add the 2- and 3-letter prefixes of skeleton SK (N) to SET.  */
static int
push_skel_targets (struct u32v *set, const char *sk, size_t n)
{
  if (n >= 2 && u32v_push (set, skel_id (sk, 2)) != 0)
    return -1;
  if (n >= 3 && u32v_push (set, skel_id (sk, 3)) != 0)
    return -1;
  return 0;
}

/* Hash of a Latin word of a match key, with ı folded to i (so an acronym
   lowercased the Turkic way matches).  */
static uint32_t
latin_key_hash (const char *s, size_t n)
{
  uint32_t h = TMC_FNV_INIT;
  for (size_t i = 0; i < n; i++)
    {
      if ((unsigned char) s[i] == 0xC4 && i + 1 < n
          && (unsigned char) s[i + 1] == 0xB1)
        {
          h = tmc_fnv (h, "i", 1);
          i++;
          continue;
        }
      h = tmc_fnv (h, s + i, 1);
    }
  return tmc_feat_id (TMC_SET_TOK, h);
}

struct builder {
  struct u32v set[TMC_SET_COUNT];
  struct tmc_lex_word *words;
  size_t n_words, words_cap;
  unsigned char *word_latin;
  size_t word_latin_cap;
  const unsigned char *title;  /* per sentence: in title case */
  struct u32v scratch;
};

/* Collect the evidence of one sentence into B's sets.  */
static int
sentence_features (struct builder *b, const struct tmc_doc *doc, size_t si,
                   int l, const struct tmc_lexicon *lex,
                   const struct hset *lower_words,
                   const struct hset *known_names, uint32_t *len_out)
{
  const struct tmc_sentence *s = &doc->sent[si];
  const char *key = s->key;
  size_t key_len = s->key_len;
  for (int k = 0; k < TMC_SET_COUNT; k++)
    b->set[k].n = 0;
  b->n_words = 0;

  /* Walk the match key: length, words, numbers, punctuation.  */
  uint32_t len = 0;
  int quote = 0, colon = 0;
  const uint8_t *p = (const uint8_t *) key, *end = p + key_len;
  ucs4_t prev = 0;
  while (p < end)
    {
      ucs4_t c;
      const uint8_t *start = p;
      p += u8_mbtouc_unsafe (&c, p, (size_t) (end - p));
      if (c != ' ' && c != 0x200C)
        len++;
      if (c >= '0' && c <= '9')
        {
          const uint8_t *q = p;
          while (q < end && *q >= '0' && *q <= '9')
            q++;
          len += (uint32_t) (q - p);
          if (u32v_push (&b->set[TMC_SET_NUM],
                         tmc_feat_number ((const char *) start,
                                          (size_t) (q - start))) != 0)
            return -1;
          p = q;
          prev = '0';
          continue;
        }
      if (word_char (c))
        {
          const uint8_t *q = p;
          int latin = is_latin (c);
          while (q < end)
            {
              ucs4_t d;
              int k = u8_mbtouc_unsafe (&d, q, (size_t) (end - q));
              if (!word_char (d))
                break;
              q += k;
              len++;
            }
          if (tmc_grow ((void **) &b->words, &b->words_cap, b->n_words + 1,
                        sizeof *b->words) != 0
              || tmc_grow ((void **) &b->word_latin, &b->word_latin_cap,
                           b->n_words + 1, 1) != 0)
            return -1;
          b->words[b->n_words].s = (const char *) start;
          b->words[b->n_words].len = (uint32_t) (q - start);
          b->word_latin[b->n_words] = (unsigned char) latin;
          b->n_words++;
          p = q;
          prev = 'a';
          continue;
        }
      const char *cls = NULL;
      switch (c)
        {
        case '?': case 0x061F:
          cls = "?";
          break;
        case '!':
          cls = "!";
          break;
        case '(': case '[':
          cls = "(";
          break;
        case '%': case 0x066A:
          cls = "%";
          break;
        case '"': case 0x201C: case 0x201D: case 0x201E: case 0xAB:
        case 0xBB:
          quote = 1;
          break;
        case ':':
          /* Not in a time (10:30).  */
          if (!(prev == '0' && p < end && *p >= '0' && *p <= '9'))
            colon = 1;
          break;
        default:
          break;
        }
      if (cls && u32v_push (&b->set[TMC_SET_PUNCT], punct_id (cls)) != 0)
        return -1;
      if (c != ' ')
        prev = c;
    }
  if (quote && u32v_push (&b->set[TMC_SET_PUNCT], punct_id ("\"")) != 0)
    return -1;
  if (colon && u32v_push (&b->set[TMC_SET_PUNCT], punct_id (":")) != 0)
    return -1;
  *len_out = len;

  /* Lexicon concepts; Latin words of Persian text; Persian skeletons.  */
  for (size_t w = 0; w < b->n_words;)
    {
      uint32_t feats[16];
      size_t nf = 0;
      size_t m = lex ? tmc_lexicon_match (lex, l, b->words, b->n_words, w,
                                          feats, 16, &nf)
                     : 0;
      for (size_t i = 0; i < nf; i++)
        {
          unsigned kind = feats[i] >> TMC_FEAT_SHIFT;
          if (u32v_push (&b->set[kind], feats[i]) != 0)
            return -1;
        }
      size_t stop = m ? w + m : w + 1;
      for (; w < stop; w++)
        {
          const struct tmc_lex_word *x = &b->words[w];
          if (l == TMC_AL_FA)
            {
              if (b->word_latin[w])
                {
                  if (x->len >= 2
                      && u32v_push (&b->set[TMC_SET_LAT],
                                    latin_key_hash (x->s, x->len)) != 0)
                    return -1;
                }
              else
                {
                  char sk[8];
                  size_t n = fa_skel_word (x->s, x->len, sk, 3);
                  if (push_skel_targets (&b->set[TMC_SET_SKEL], sk, n) != 0)
                    return -1;
                }
            }
        }
    }

  /* Names: capitalized Latin words of the original text.  */
  if (l != TMC_AL_FA)
    {
      const uint8_t *q = (const uint8_t *) doc->text + s->start;
      const uint8_t *qend = q + s->len;
      int title = b->title[si];
      struct oword ow;
      for (size_t pos = 0; next_oword (&q, qend, &ow); pos++)
        {
          /* Every word is a target for the names and cognates of the
             other side (but short lowercase words are not names).  */
          if (!ow.cap && ow.n <= 2)
            continue;
          char sk[8];
          size_t n = latin_skel (ow.c, ow.n, l, sk, 3);
          if (push_skel_targets (&b->set[TMC_SET_SKEL], sk, n) != 0)
            return -1;
          if (!ow.cap)
            {
              /* A long word is a cognate probe: international words keep
                 their consonants (ambulans, ambulance, آمبولانس).  */
              size_t wn = ow.n;
              if (l == TMC_AL_AZ)
                az_strip (ow.c, &wn);
              if (wn >= 5)
                {
                  if (wn != ow.n)
                    n = latin_skel (ow.c, wn, l, sk, 3);
                  if (n >= 3
                      && u32v_push (&b->set[TMC_SET_COG], skel_id (sk, 3))
                         != 0)
                    return -1;
                }
              continue;
            }
          /* A capitalized word is a target for the Latin words of Persian
             text...  */
          uint32_t h = TMC_FNV_INIT;
          for (size_t i = 0; i < ow.n; i++)
            {
              ucs4_t lc = latin_lower (ow.c[i]);
              uint8_t u[6];
              int k = u8_uctomb (u, lc, 6);
              if (k > 0)
                h = tmc_fnv (h, u, (size_t) k);
            }
          if (ow.n >= 2
              && u32v_push (&b->set[TMC_SET_TOK],
                            tmc_feat_id (TMC_SET_TOK, h)) != 0)
            return -1;
          /* ... and a name when it never occurs in lowercase in the
             document, and is not capitalized only because it starts a
             sentence or is in a headline ("Today", "Bu", "Fall Silent"),
             unless it is capitalized inside an ordinary sentence
             elsewhere.  */
          if (hset_has (lower_words, ow.lower_hash)
              || ((pos == 0 || title)
                  && !hset_has (known_names, ow.lower_hash)))
            continue;
          size_t wn = ow.n;
          if (l == TMC_AL_AZ)
            az_strip (ow.c, &wn);
          n = latin_skel (ow.c, wn, l, sk, 3);
          if (n >= 2
              && u32v_push (&b->set[TMC_SET_NAME], skel_id (sk, n)) != 0)
            return -1;
        }
    }
  return 0;
}

enum tmc_status
tmc_feat_doc_build (const struct tmc_doc *doc, int l,
                    const struct tmc_lexicon *lex, struct tmc_feat_doc *fd,
                    struct tmc_error *err)
{
  memset (fd, 0, sizeof *fd);
  fd->lang = l;
  fd->n = doc->n_sent;
  fd->s = calloc (doc->n_sent + 1, sizeof *fd->s);
  if (fd->s == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, doc->name, 0, 0,
                          _("out of memory"));

  /* The words that occur in lowercase somewhere in the document (a
     capitalized word that is one of them is not taken for a name), and
     those capitalized inside an ordinary sentence (names, even where
     they start a sentence).  */
  struct hset lower = { NULL, 0, 0 }, known = { NULL, 0, 0 };
  unsigned char *titles = calloc (doc->n_sent + 1, 1);
  if (titles == NULL)
    goto nomem;
  /* The capitalized words of a sentence, until it is known whether the
     sentence is in title case.  */
  struct u32v caps = { NULL, 0, 0 };
  if (l != TMC_AL_FA)
    for (size_t i = 0; i < doc->n_sent; i++)
      {
        const uint8_t *q = (const uint8_t *) doc->text + doc->sent[i].start;
        const uint8_t *qend = q + doc->sent[i].len;
        struct oword ow;
        unsigned long_words = 0, long_caps = 0;
        caps.n = 0;
        for (size_t pos = 0; next_oword (&q, qend, &ow); pos++)
          {
            if (ow.n >= 4)
              {
                long_words++;
                long_caps += (unsigned) ow.cap;
              }
            if (!ow.cap && uc_is_lower (ow.c[0])
                && hset_add (&lower, ow.lower_hash) != 0)
              goto nomem_caps;
            if (ow.cap && pos > 0 && u32v_push (&caps, ow.lower_hash) != 0)
              goto nomem_caps;
          }
        /* A sentence of four long words (of four letters) or more, four
           in five of them capitalized, is in title case (a headline):
           its capitals do not make names.  */
        titles[i] = long_words >= 4 && long_caps * 5 >= long_words * 4;
        for (size_t k = 0; !titles[i] && k < caps.n; k++)
          if (hset_add (&known, caps.v[k]) != 0)
            goto nomem_caps;
      }
  free (caps.v);

  struct builder b;
  memset (&b, 0, sizeof b);
  b.title = titles;
  struct u32v pool = { NULL, 0, 0 };
  size_t last_para = 0;
  for (size_t i = 0; i < doc->n_sent; i++)
    {
      uint32_t len = 0;
      if (sentence_features (&b, doc, i, l, lex, &lower, &known, &len) != 0)
        goto nomem_b;
      struct tmc_feat_sent *fs = &fd->s[i];
      fs->len = len;
      {
        double ll = log (len < 1 ? 1.0 : (double) len);
        fd->len_sum += ll;
        fd->len_sum2 += ll * ll;
        fd->n_len++;
      }
      fs->para_start = i > 0 && doc->sent[i].paragraph != last_para;
      if (i == 0 || fs->para_start)
        fd->n_paragraphs++;
      last_para = doc->sent[i].paragraph;
      for (int k = 0; k < TMC_SET_COUNT; k++)
        {
          struct u32v *set = &b.set[k];
          if (set->n > 24)
            {
              if (sort_u32 (set->v, set->n, &b.scratch) != 0)
                goto nomem_b;
            }
          else
            for (size_t x = 1; x < set->n; x++)
              {
                uint32_t v = set->v[x];
                size_t y = x;
                for (; y > 0 && set->v[y - 1] > v; y--)
                  set->v[y] = set->v[y - 1];
                set->v[y] = v;
              }
          /* Items that are looked for are bits of a mask: keep the
             TMC_PROBE_MAX smallest ids (the same sample on both sides).  */
          size_t cap = MAX_SET;
          for (int e = 0; e < TMC_EV_COUNT; e++)
            if (tmc_probe_set[e] == k)
              cap = TMC_PROBE_MAX;
          size_t n = set->n < cap ? set->n : cap;
          fs->off[k] = (uint32_t) pool.n;
          for (size_t j = 0; j < n; j++)
            if (u32v_push (&pool, set->v[j]) != 0)
              goto nomem_b;
        }
      fs->off[TMC_SET_COUNT] = (uint32_t) pool.n;
    }
  for (int k = 0; k < TMC_SET_COUNT; k++)
    free (b.set[k].v);
  free (b.scratch.v);
  free (b.words);
  free (b.word_latin);
  free (lower.v);
  free (known.v);
  free (titles);
  /* A document without a single item still gets a pool, so that
     "pool + offset" is never arithmetic on NULL (undefined in C).  */
  if (pool.v == NULL && (pool.v = calloc (1, sizeof *pool.v)) == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                          _("out of memory"));
  fd->pool = pool.v;
  return TMC_OK;

nomem_b:
  for (int k = 0; k < TMC_SET_COUNT; k++)
    free (b.set[k].v);
  free (b.scratch.v);
  free (b.words);
  free (b.word_latin);
  free (pool.v);
nomem_caps:
  free (caps.v);
nomem:
  free (lower.v);
  free (known.v);
  free (titles);
  free (fd->s);
  fd->s = NULL;
  return tmc_error_set (err, TMC_ERR_NOMEM, doc->name, 0, 0,
                        _("out of memory"));
}

void
tmc_feat_doc_destroy (struct tmc_feat_doc *fd)
{
  free (fd->s);
  free (fd->pool);
  memset (fd, 0, sizeof *fd);
}

enum tmc_status
tmc_feat_doc_coarsen (const struct tmc_feat_doc *fd,
                      struct tmc_feat_doc *coarse, struct tmc_error *err)
{
  memset (coarse, 0, sizeof *coarse);
  coarse->lang = fd->lang;
  coarse->n = (fd->n + 1) / 2;
  coarse->n_paragraphs = fd->n_paragraphs;
  coarse->len_sum = fd->len_sum;
  coarse->len_sum2 = fd->len_sum2;
  coarse->n_len = fd->n_len;
  coarse->s = calloc (coarse->n + 1, sizeof *coarse->s);
  size_t total = fd->n ? fd->s[fd->n - 1].off[TMC_SET_COUNT] : 0;
  coarse->pool = malloc ((total + 1) * sizeof *coarse->pool);
  if (coarse->s == NULL || coarse->pool == NULL)
    {
      tmc_feat_doc_destroy (coarse);
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  size_t o = 0;
  for (size_t u = 0; u < coarse->n; u++)
    {
      const struct tmc_feat_sent *a = &fd->s[2 * u];
      const struct tmc_feat_sent *b = 2 * u + 1 < fd->n ? a + 1 : NULL;
      struct tmc_feat_sent *c = &coarse->s[u];
      c->len = a->len + (b ? b->len : 0);
      c->para_start = a->para_start || (b && b->para_start);
      for (int k = 0; k < TMC_SET_COUNT; k++)
        {
          c->off[k] = (uint32_t) o;
          size_t na = a->off[k + 1] - a->off[k];
          size_t nb = b ? b->off[k + 1] - b->off[k] : 0;
          const uint32_t *x = fd->pool + a->off[k];
          const uint32_t *y = b ? fd->pool + b->off[k] : NULL;
          size_t i = 0, j = 0, kept = 0;
          /* Merge, keeping the COARSE_SET smallest ids: a bottom-k sample of
             the ids, the same on both sides of a pair.  */
          while ((i < na || j < nb) && kept < COARSE_SET)
            {
              if (j >= nb || (i < na && x[i] <= y[j]))
                coarse->pool[o++] = x[i++];
              else
                coarse->pool[o++] = y[j++];
              kept++;
            }
        }
      c->off[TMC_SET_COUNT] = (uint32_t) o;
    }
  return TMC_OK;
}
