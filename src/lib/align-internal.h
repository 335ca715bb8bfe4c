/* What the aligner's modules share (align.c, align-feat.c, align-dp.c,
   lexicon.c).  Internal to libtmconv.  */

#ifndef TMC_ALIGN_INTERNAL_H
#define TMC_ALIGN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "tmconv/align.h"
#include "tmconv/doc.h"
#include "tmconv/lexicon.h"

/* The languages the aligner knows, as indices.  */
enum { TMC_AL_AZ, TMC_AL_FA, TMC_AL_EN, TMC_AL_NLANG };

/* The index of the language of tag TAG (by its primary subtag), or -1.  */
int tmc_al_lang_index (const char *tag);

/* The code of language index L ("az", "fa", "en").  */
const char *tmc_al_lang_code (int l);

/* FNV-1a, 32 bits, continuing from H (start with TMC_FNV_INIT).  */
#define TMC_FNV_INIT 2166136261u
static inline uint32_t
tmc_fnv (uint32_t h, const void *p, size_t n)
{
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++)
    {
      h ^= s[i];
      h *= 16777619u;
    }
  return h;
}

/* Feature ids: the kind in the top 3 bits, a hash below.  */
#define TMC_FEAT_SHIFT 29
#define TMC_FEAT_MASK ((1u << TMC_FEAT_SHIFT) - 1)
static inline uint32_t
tmc_feat_id (unsigned kind, uint32_t hash)
{
  return ((uint32_t) kind << TMC_FEAT_SHIFT) | (hash & TMC_FEAT_MASK);
}

/* Is C part of a word (a letter or a mark; not ZWNJ, not a digit)?  The
   sentences and the lexicon forms are cut into words by this.  */
int tmc_al_is_word_char (uint32_t c);

/* The feature id of the number whose decimal digits (no leading zeros)
   are the N bytes at S.  */
uint32_t tmc_feat_number (const char *s, size_t n);

/* A word of a sentence, as the lexicon sees it: its match key.  */
struct tmc_lex_word {
  const char *s;
  uint32_t len;     /* bytes */
};

/* Match the lexicon LEX at WORDS[POS] in language L (TMC_AL_*).  Returns
   the number of words the longest matching form covers (0 when none
   matches) and stores the feature ids of its concepts in OUT (at most
   MAX_OUT; *N_OUT gets how many).  */
size_t tmc_lexicon_match (const struct tmc_lexicon *lex, int l,
                          const struct tmc_lex_word *words, size_t n_words,
                          size_t pos, uint32_t *out, size_t max_out,
                          size_t *n_out);

/* Per-sentence evidence, in sorted multisets of feature ids.  */
enum {
  TMC_SET_NUM,    /* numbers (digits and number words) */
  TMC_SET_PUNCT,  /* punctuation classes: ? ! quotes brackets : */
  TMC_SET_LEX,    /* lexicon concepts */
  TMC_SET_NAME,   /* name keys of capitalized Latin-script words */
  TMC_SET_SKEL,   /* name keys (2 and 3 letters) of every word */
  TMC_SET_LAT,    /* Latin-script words in a Persian sentence */
  TMC_SET_TOK,    /* every Latin-script word of an az/en sentence */
  TMC_SET_COG,    /* name keys of the other long words of az/en text */
  TMC_SET_COUNT
};

struct tmc_feat_sent {
  uint32_t len;            /* length in characters, blanks left out */
  uint32_t para_start;     /* 1 when it starts a paragraph (not the first) */
  uint32_t off[TMC_SET_COUNT + 1];  /* sets in the document's pool */
};

struct tmc_feat_doc {
  int lang;                 /* TMC_AL_* */
  size_t n;                 /* sentences */
  struct tmc_feat_sent *s;  /* n entries */
  uint32_t *pool;
  size_t n_paragraphs;      /* paragraphs with at least one sentence */
  /* ln of the sentence lengths (of the sentences, at every level): sum
     and sum of squares, over N_LEN sentences.  */
  double len_sum, len_sum2;
  size_t n_len;
};

/* Build the evidence of DOC (language index L) into FD, with LEX (may be
   NULL).  Errors: TMC_ERR_NOMEM.  */
enum tmc_status tmc_feat_doc_build (const struct tmc_doc *doc, int l,
                                    const struct tmc_lexicon *lex,
                                    struct tmc_feat_doc *fd,
                                    struct tmc_error *err);
void tmc_feat_doc_destroy (struct tmc_feat_doc *fd);

/* The set S of sentence I of FD.  */
static inline const uint32_t *
tmc_feat_set (const struct tmc_feat_doc *fd, size_t i, int s, size_t *n)
{
  *n = fd->s[i].off[s + 1] - fd->s[i].off[s];
  return fd->pool + fd->s[i].off[s];
}

/* Merge pairs of consecutive units of FD into the units of COARSE (a
   document half as long, for the coarse-to-fine search).  Errors:
   TMC_ERR_NOMEM.  */
enum tmc_status tmc_feat_doc_coarsen (const struct tmc_feat_doc *fd,
                                      struct tmc_feat_doc *coarse,
                                      struct tmc_error *err);

/* The scorer of a pair of documents: the log-likelihood ratio that spans
   of A and B translate each other, from the pair's model.  A is the
   document whose language comes first in the order az, fa, en.  */
struct tmc_scorer {
  const struct tmc_feat_doc *A, *B;
  double mu, var0, var1;
  /* ln-normal background of the length of a span of 1 and 2 units (a
     unit is one sentence, or 2^level at a coarse level).  */
  double bgA_m[3], bgA_s[3], bgB_m[3], bgB_s[3];
  /* Weights of a found and a missing item, by direction, kind and the
     number of units (1 or 2) of the span it is looked for in.  */
  double w_hit[2][TMC_EV_COUNT][3], w_miss[2][TMC_EV_COUNT][3];
  double para_pen;  /* 0 when paragraphs are not used */
  double log_loose, log_tight;  /* ln p_loose, ln (1 - p_loose) */
};

/* Set up SC for documents A and B (canonical order) with model P at
   coarse level LEVEL (0 = sentences).  */
void tmc_scorer_init (struct tmc_scorer *sc, const struct tmc_feat_doc *A,
                      const struct tmc_feat_doc *B,
                      const struct tmc_align_params *p, unsigned level);

/* The log-likelihood ratio of the bead A[I0, I0+DI) B[J0, J0+DJ), DI and
   DJ at least 1.  */
double tmc_scorer_llr (const struct tmc_scorer *sc, size_t i0, unsigned di,
                       size_t j0, unsigned dj);

/* The evidence of the lengths LX and LY (characters) of spans of DI and
   DJ units.  */
double tmc_scorer_length (const struct tmc_scorer *sc, double lx, double ly,
                          unsigned di, unsigned dj);

/* LLR with the loose-translation floor: ln((1-p) e^LLR + p).  */
double tmc_scorer_floor (const struct tmc_scorer *sc, double llr);

/* Which set of a unit holds the items of each kind of evidence (probes)
   and where they are looked for in the other side (targets).  */
extern const int tmc_probe_set[TMC_EV_COUNT];
extern const int tmc_target_set[TMC_EV_COUNT];

/* The most items of one kind a unit looks for (they are bits of a
   64-bit mask).  */
#define TMC_PROBE_MAX 64

/* A band of cuts: row i (0..n) holds the cuts (i, j) for lo[i] <= j <=
   hi[i], cell base[i] + j - lo[i].  */
struct tmc_band {
  size_t n, m;
  size_t *lo, *hi, *base;
  size_t cells;
};

static inline long
tmc_band_cell (const struct tmc_band *b, size_t i, size_t j)
{
  if (j < b->lo[i] || j > b->hi[i])
    return -1;
  return (long) (b->base[i] + j - b->lo[i]);
}

/* The evidence (with the loose floor) of the beads (1,1), (2,1), (1,2),
   (2,2) of SC's documents that end at every cut of BAND (rows: SC->A):
   OUT[4 * cell + (di - 1) + 2 * (dj - 1)], NAN where the bead does not
   fit (and for (2,2) with SKIP22).  THREADS threads share the rows when
   the band is long.  Errors: TMC_ERR_NOMEM.  */
enum tmc_status tmc_band_evidence (const struct tmc_scorer *sc,
                                   const struct tmc_band *band, float *out,
                                   unsigned threads, int skip22,
                                   struct tmc_error *err);

/* The same without the loose-translation floor (p_loose).  */
double tmc_scorer_llr_raw (const struct tmc_scorer *sc, size_t i0,
                           unsigned di, size_t j0, unsigned dj);

/* The evidence counts of that bead, for estimation: for each direction
   and kind, the items and how many found their counterpart.  */
void tmc_scorer_counts (const struct tmc_scorer *sc, size_t i0, unsigned di,
                        size_t j0, unsigned dj,
                        unsigned items[2][TMC_EV_COUNT],
                        unsigned found[2][TMC_EV_COUNT]);

/* The paragraph cost of a bead of D[k] sentences starting at S[k] in each
   of the N documents FD[k], given as a count of unmatched breaks.  */
unsigned tmc_para_breaks (const struct tmc_feat_doc *const *fd, size_t n,
                          const size_t *s, const size_t *d);

/* An alignment path: the cut points after each bead.  */
struct tmc_path {
  size_t n_docs;
  size_t (*cut)[3];   /* cut[t][d]: sentences of document d before cut t */
  double *score;      /* posterior of the bead ending at cut t (t >= 1) */
  size_t n, cap;
};

void tmc_path_destroy (struct tmc_path *p);

/* Align two documents (FD[0], FD[1], any order; SWAP set when FD[0]'s
   language comes after FD[1]'s) with model P.  With POSTERIOR, fill the
   path's scores.  */
enum tmc_status tmc_dp_pair (const struct tmc_feat_doc *a,
                             const struct tmc_feat_doc *b,
                             const struct tmc_align_params *p,
                             int posterior, struct tmc_path *path,
                             struct tmc_error *err);

/* Align three documents jointly.  */
enum tmc_status tmc_dp_three (const struct tmc_feat_doc *const *fd,
                              const struct tmc_align_params *p,
                              struct tmc_path *path, struct tmc_error *err);

/* The index of the model of the languages LA, LB (TMC_AL_*), and
   whether they are in the other order.  */
int tmc_pair_index (int la, int lb, int *swap);

/* Set the model parameters of *P (priors, length and evidence models,
   paragraph penalty, temperature) to the built-in estimates.  */
void tmc_align_params_builtin (struct tmc_align_params *p);

/* Run FN (ARG[k]) for k < N, on up to THREADS threads (the caller's
   one of them); return when all are done.  */
void tmc_run_tasks (void (*fn) (void *), void *const *arg, size_t n,
                    unsigned threads);

#endif /* TMC_ALIGN_INTERNAL_H */
