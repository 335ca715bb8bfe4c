/* tmconv: sentence alignment of two or three versions of a document.

   Given the segmented Azerbaijani, Persian and English versions of a
   report (struct tmc_doc, see doc.h), find which sentences translate
   which: a sequence of *beads*, each a run of 0, 1 or 2 consecutive
   sentences of every version (not of one version only), that covers
   every sentence of every version exactly once, in order.  Three documents are aligned jointly (one 3-way
   alignment that uses the az-fa evidence as well as az-en and fa-en), or,
   on request, as two pairwise alignments joined on a pivot language.

   The model (README "How tmconv aligns" has the details): the score of a
   bead is the log-probability of its type (1-1, 2-1, 1-0 ...) plus, for
   each pair of languages it joins, the log-likelihood ratio of the
   evidence that the sentences translate each other rather than being
   unrelated:
   - their lengths (characters of the match keys): ln(len_B / len_A) is
     normal around a per-pair mean, with a variance that shrinks with the
     length, against the length distribution of unrelated sentences;
   - words and signs that carry over without a parallel corpus: numbers
     after digit folding (1990 = ۱۹۹۰), Latin-script words and acronyms in
     Persian text, punctuation (? ؟, quotes, brackets), names compared on
     a transliteration-tolerant consonant key (Əlizadə = Alizadeh =
     علیزاده), and the concepts of a trilingual lexicon (lexicon.h) and
     of user dictionaries.  Each kind of evidence has, per pair and
     direction, the probability that an item finds its counterpart in a
     translation and in an unrelated sentence; a found item adds
     ln(p_trans / p_other), a missing one ln((1-p_trans) / (1-p_other)).
   Paragraph breaks are soft anchors: a bead boundary at a break in one
   version but not in the other costs a penalty.  The best alignment is
   found by dynamic programming in a band around the diagonal that is
   found coarse to fine, so time and memory grow linearly with the length
   of the documents; a forward-backward pass over the same band gives each
   bead its posterior probability, the confidence score.

   The model parameters were estimated on aligned data (README, "Model
   parameters"); tmc_align_estimate re-estimates them from your own.  */

#ifndef TMCONV_ALIGN_H
#define TMCONV_ALIGN_H

#include <stddef.h>
#include <stdio.h>

#include "tmconv/doc.h"
#include "tmconv/error.h"
#include "tmconv/lexicon.h"
#include "tmconv/tm.h"

#ifdef __cplusplus
extern "C" {
#endif

/* At most this many documents are aligned together.  */
#define TMC_ALIGN_MAX_DOCS 3

/* The most sentences a bead holds on one side.  (A join on a pivot,
   tmc_align_params.pivot, joins the beads of two pairwise alignments
   that share a sentence of the pivot, and may hold more.)  */
#define TMC_ALIGN_MAX_SPAN 2

/* Kinds of lexical evidence.  */
enum tmc_align_evidence {
  TMC_EV_NUMBER,   /* numbers, years, dates; number words */
  TMC_EV_PUNCT,    /* ? ! quotes brackets colon */
  TMC_EV_LEXICON,  /* concepts of the lexicon and user dictionaries */
  TMC_EV_NAME,     /* capitalized Latin-script words found as names */
  TMC_EV_LATIN,    /* Latin-script words of Persian text found */
  TMC_EV_COGNATE,  /* other long Latin-script words found by their
                      consonant key (ambulans = ambulance = آمبولانس) */
  TMC_EV_COUNT
};

/* A bead: sentences START[d] .. START[d] + LEN[d] - 1 of document d.  When
   LEN[d] is 0, START[d] is where the bead sits in document d (the index
   of the next sentence).  */
struct tmc_bead {
  size_t start[TMC_ALIGN_MAX_DOCS];
  size_t len[TMC_ALIGN_MAX_DOCS];
  double score;  /* confidence in [0, 1]: the posterior probability */
};

struct tmc_alignment {
  size_t n_docs;
  struct tmc_bead *beads;
  size_t n_beads;
};

/* Free A.  A may be NULL.  */
void tmc_alignment_free (struct tmc_alignment *a);

/* The length model of a language: ln of the length of a sentence is
   normal with this mean and standard deviation.  */
struct tmc_align_lang_model {
  double len_mean;
  double len_sd;
};

/* The model of a language pair (A, B), A before B in the order az, fa,
   en.  Direction 0 looks for A's items in B, direction 1 for B's in A.  */
struct tmc_align_pair_model {
  double len_mu;       /* mean of ln(len_B / len_A) in translations */
  double len_var;      /* its variance is len_var + len_var_len / L, */
  double len_var_len;  /* L the mean length of the two sides */
  double p_trans[2][TMC_EV_COUNT];  /* P(item found | translation) */
  double p_other[2][TMC_EV_COUNT];  /* P(item found | unrelated) */
  /* The share of translations so free that their evidence looks like
     that of unrelated sentences: the evidence of a bead is
     ln((1 - p_loose) e^LLR + p_loose), never below ln p_loose.  */
  double p_loose;
};

/* Pairs, in this order.  */
enum { TMC_PAIR_AZ_FA, TMC_PAIR_AZ_EN, TMC_PAIR_FA_EN, TMC_PAIR_COUNT };

/* The model parameters (priors, lang, pair, para_penalty, temperature)
   default to the built-in estimates (src/lib/align-params.def, the
   output of tmc_align_estimate on ../shared/data/align-dev; README,
   "Model parameters"); the search parameters to the values given
   below.  */
struct tmc_align_params {
  /* Bead type priors for three documents: prior3[a][f][e] is the
     probability of a bead with a, f, e sentences (az, fa, en); [0][0][0]
     is unused, and so are the shapes with sentences of one document only
     but two (they are two beads).  Pairwise priors: prior2[a][b] (2-0
     and 0-2 unused).  They need not sum to 1: tmc_align normalizes
     them.  */
  double prior3[TMC_ALIGN_MAX_SPAN + 1][TMC_ALIGN_MAX_SPAN + 1]
               [TMC_ALIGN_MAX_SPAN + 1];
  double prior2[TMC_ALIGN_MAX_SPAN + 1][TMC_ALIGN_MAX_SPAN + 1];
  struct tmc_align_lang_model lang[3];  /* az, fa, en */
  struct tmc_align_pair_model pair[TMC_PAIR_COUNT];
  /* Natural-log cost of a paragraph break that the other version does
     not have at the same place (0 = ignore paragraphs).  Default 3.0: a
     translator keeps a paragraph break about 19 times in 20.  */
  double para_penalty;
  /* The scores are divided by this before the posterior probabilities
     are computed (> 1 flattens them).  Default 1: the posteriors are
     calibrated as they are (of the development beads scored 0.9 or more,
     99.9% are right; make bench).  */
  double temperature;
  /* Radius of the search band in sentences, at each level of the
     coarse-to-fine search (default 6), and of the 3-way search tube
     around the pivot joins of the pairwise alignments (default 2).  */
  unsigned band;
  unsigned tube;
  /* Documents with at most this many sentences (the product of the
     counts, for two documents) are aligned on the full grid, with no
     band (default 250000).  */
  size_t full_grid;
  /* Threads the search may use (0 or 1: none besides the caller's;
     default 1).  */
  unsigned threads;
  /* Three documents: 0 aligns them jointly (the default); 1 + d joins
     the pairwise alignments of the others with document d (its beads
     may then hold more than 2 sentences of a document: as many as the
     two alignments need to agree).  */
  int pivot;
  /* The lexicon; NULL means the built-in one (tmc_lexicon_builtin).  */
  const struct tmc_lexicon *lexicon;
  /* 0 to use no lexicon at all.  */
  int use_lexicon;
  /* Warnings (very different lengths, an empty document) go here; NULL
     drops them.  */
  const struct tmc_warn_handler *warn;
};

/* Set *P to the defaults.  */
void tmc_align_params_init (struct tmc_align_params *p);

/* Align the N_DOCS (2 or 3) documents DOCS, whose languages must be
   distinct and among az, fa, en.  *OUT is a new alignment (free it with
   tmc_alignment_free); its beads list the documents in the order given.
   An empty document gives beads 1-0 / 0-1 (and a warning); documents
   whose lengths differ more than threefold are aligned, with a warning.
   Errors: TMC_ERR_INVALID_ARG (count, languages), TMC_ERR_NOMEM.  */
enum tmc_status tmc_align (const struct tmc_doc *const *docs, size_t n_docs,
                           const struct tmc_align_params *params,
                           struct tmc_alignment **out,
                           struct tmc_error *err);

/* The alignment of documents A and B (indices into DOCS) that the 3-way
   alignment ALIGN implies, refined inside each 3-way bead: where only the
   third document joined two sentences, the pair keeps them apart.  Beads
   with no sentence on either side are left out.  *OUT is new.  Errors:
   TMC_ERR_INVALID_ARG, TMC_ERR_NOMEM.  */
enum tmc_status tmc_align_project (const struct tmc_doc *const *docs,
                                   const struct tmc_alignment *align,
                                   size_t a, size_t b,
                                   const struct tmc_align_params *params,
                                   struct tmc_alignment **out,
                                   struct tmc_error *err);

/* Write ALIGN to FP in the bead format of the development data, one bead
   a line: "[i,j]:[k]:[]" (sentence indices per document, in the order of
   the alignment), then a tab and the score with three decimals.  Errors:
   TMC_ERR_IO.  */
enum tmc_status tmc_alignment_write_beads (const struct tmc_alignment *align,
                                           FILE *fp, struct tmc_error *err);

/* Read beads in that format (the score column is optional) for N_DOCS
   documents with N_SENT[d] sentences from the TEXT_LEN bytes of TEXT
   (NAME for messages), checking that they cover every sentence once and
   in order.  Errors: TMC_ERR_SYNTAX, TMC_ERR_FORMAT, TMC_ERR_NOMEM.  */
enum tmc_status tmc_alignment_read_beads (const char *name, const char *text,
                                          size_t text_len, size_t n_docs,
                                          const size_t *n_sent,
                                          struct tmc_alignment **out,
                                          struct tmc_error *err);

/* Append to TM one translation unit for each bead of ALIGN (of the
   documents DOCS, in the order of the alignment) that has sentences in
   at least MIN_LANGS languages (beads with fewer are left out; 0 or 1:
   keep every bead).  A variant's text is its sentences joined by one
   space; each unit follows the scheme of tmx.h: tuid "DOC_ID:NNNN"
   (NNNN the 1-based number of the bead in ALIGN, so that a unit keeps
   its tuid in every file made from the same alignment), props x-doc
   (DOC_ID), x-bead (the sentence counts in the order az, fa, en, e.g.
   "1-2-1") and x-score (the bead's confidence, "0.934").  DOC_ID may be
   NULL ("doc").  Errors: TMC_ERR_NOMEM.  */
enum tmc_status tmc_alignment_to_tm (const struct tmc_doc *const *docs,
                                     const struct tmc_alignment *align,
                                     const char *doc_id, size_t min_langs,
                                     struct tmc_tm *tm,
                                     struct tmc_error *err);

/* Re-estimate the length and evidence parameters in *P (the bead priors
   when ALL three documents are given: also those) from N_SETS aligned
   document sets: DOCS[s * 3 + d] is document d (az, fa, en; NULL when
   absent) of set s and GOLD[s] its alignment in the order az, fa, en.
   Errors: TMC_ERR_INVALID_ARG, TMC_ERR_NOMEM.  */
enum tmc_status tmc_align_estimate (const struct tmc_doc *const *docs,
                                    const struct tmc_alignment *const *gold,
                                    size_t n_sets,
                                    struct tmc_align_params *p,
                                    struct tmc_error *err);

/* Write the model parameters of P to FP as "name value" lines, a format
   tmc_align_params_read reads back.  Errors: TMC_ERR_IO.  */
enum tmc_status tmc_align_params_write (const struct tmc_align_params *p,
                                        FILE *fp, struct tmc_error *err);

/* Read model parameters written by tmc_align_params_write from the
   TEXT_LEN bytes of TEXT into *P (names not in the text keep their
   values).  Errors: TMC_ERR_SYNTAX (with the line), TMC_ERR_FORMAT (an
   unknown name or a value out of range).  */
enum tmc_status tmc_align_params_read (struct tmc_align_params *p,
                                       const char *name, const char *text,
                                       size_t text_len,
                                       struct tmc_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_ALIGN_H */
