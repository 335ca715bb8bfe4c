/* Estimating the aligner's model parameters from gold alignments.

   Everything is counted, nothing is searched for:
   - the length of the sentences of each language: mean and standard
     deviation of ln(length);
   - for each pair, over the 1-1 beads: the mean of ln(len_B / len_A),
     and the variance as a + b / L (L the mean length of the two
     sentences), fitted by least squares on the squared deviations;
   - for each pair, direction and kind of evidence: the share of the items
     of a sentence that find their counterpart in its translation
     (p_trans), and in the sentences up to 3 places before and after the
     translation that are not aligned with it (p_other), each with half a
     count added on both sides;
   - the bead priors: the number of beads of each type, pooled over the
     types that are the same up to the order of the languages (1-1-0,
     1-0-1 and 0-1-1 are one class) and shared equally among them, with
     one bead added to every class.  */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align-internal.h"
#include "internal.h"

struct pair_acc {
  double n, sum_r, sum_r2;
  /* For the variance fit: the (r, 1/L) of every 1-1 bead.  */
  double *r, *x;
  size_t n_obs, cap;
  double items[2][2][TMC_EV_COUNT];  /* [trans/other][dir][kind] */
  double found[2][2][TMC_EV_COUNT];
};

static void
add_counts (struct pair_acc *acc, int which, const struct tmc_scorer *sc,
            size_t i, size_t j)
{
  unsigned items[2][TMC_EV_COUNT], found[2][TMC_EV_COUNT];
  tmc_scorer_counts (sc, i, 1, j, 1, items, found);
  for (int d = 0; d < 2; d++)
    for (int e = 0; e < TMC_EV_COUNT; e++)
      {
        acc->items[which][d][e] += items[d][e];
        acc->found[which][d][e] += found[d][e];
      }
}

/* The class of a bead type: its spans sorted.  */
static int
class_of (const int *d, int n)
{
  int s[3] = { 0, 0, 0 };
  for (int i = 0; i < n; i++)
    s[i] = d[i];
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (s[j] < s[i])
        {
          int t = s[i];
          s[i] = s[j];
          s[j] = t;
        }
  return s[0] * 9 + s[1] * 3 + s[2];
}

/* The share of loose translations of each pair, by EM over the raw
   evidence of the gold 1-1 beads under the parameters just estimated:
   each bead is loose with probability r = p / ((1 - p) e^LLR + p), and p
   is the mean of r.  */
static enum tmc_status
estimate_loose (const struct tmc_doc *const *docs,
                const struct tmc_alignment *const *gold, size_t n_sets,
                const struct tmc_lexicon *lex, struct tmc_align_params *p,
                struct tmc_error *err)
{
  static const int pl[3][2] = { { 0, 1 }, { 0, 2 }, { 1, 2 } };
  double *llr[TMC_PAIR_COUNT] = { NULL, NULL, NULL };
  size_t n[TMC_PAIR_COUNT] = { 0, 0, 0 }, cap[TMC_PAIR_COUNT] = { 0, 0, 0 };
  enum tmc_status st = TMC_OK;
  for (size_t s = 0; s < n_sets && st == TMC_OK; s++)
    {
      struct tmc_feat_doc fd[3];
      memset (fd, 0, sizeof fd);
      for (int d = 0; d < 3 && st == TMC_OK; d++)
        if (docs[s * 3 + d])
          st = tmc_feat_doc_build (docs[s * 3 + d], d, lex, &fd[d], err);
      for (int q = 0; q < TMC_PAIR_COUNT && st == TMC_OK; q++)
        {
          int a = pl[q][0], b = pl[q][1];
          if (!docs[s * 3 + a] || !docs[s * 3 + b])
            continue;
          struct tmc_scorer sc;
          tmc_scorer_init (&sc, &fd[a], &fd[b], p, 0);
          const struct tmc_alignment *g = gold[s];
          for (size_t k = 0; k < g->n_beads; k++)
            {
              const struct tmc_bead *bd = &g->beads[k];
              if (bd->len[a] != 1 || bd->len[b] != 1)
                continue;
              if (tmc_grow ((void **) &llr[q], &cap[q], n[q] + 1,
                            sizeof *llr[q]) != 0)
                {
                  st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                      _("out of memory"));
                  break;
                }
              llr[q][n[q]++] = tmc_scorer_llr_raw (&sc, bd->start[a], 1,
                                                   bd->start[b], 1);
            }
        }
      for (int d = 0; d < 3; d++)
        tmc_feat_doc_destroy (&fd[d]);
    }
  for (int q = 0; q < TMC_PAIR_COUNT && st == TMC_OK; q++)
    {
      if (n[q] < 10)
        continue;
      double eps = 0.01;
      for (int it = 0; it < 200; it++)
        {
          double sum = 0;
          for (size_t k = 0; k < n[q]; k++)
            {
              double l = llr[q][k] > 50 ? 50 : llr[q][k];
              sum += eps / ((1 - eps) * exp (l) + eps);
            }
          double e2 = sum / (double) n[q];
          if (e2 < 1e-6)
            e2 = 1e-6;
          if (fabs (e2 - eps) < 1e-9)
            break;
          eps = e2;
        }
      p->pair[q].p_loose = eps;
    }
  for (int q = 0; q < TMC_PAIR_COUNT; q++)
    free (llr[q]);
  return st;
}

enum tmc_status
tmc_align_estimate (const struct tmc_doc *const *docs,
                    const struct tmc_alignment *const *gold, size_t n_sets,
                    struct tmc_align_params *p, struct tmc_error *err)
{
  const struct tmc_lexicon *lex = NULL;
  if (p->use_lexicon)
    {
      lex = p->lexicon ? p->lexicon : tmc_lexicon_builtin ();
      if (lex == NULL)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
    }
  struct pair_acc acc[TMC_PAIR_COUNT];
  memset (acc, 0, sizeof acc);
  double lsum[3] = { 0, 0, 0 }, lsum2[3] = { 0, 0, 0 }, ln[3] = { 0, 0, 0 };
  double cls3[27], cls2[27];
  memset (cls3, 0, sizeof cls3);
  memset (cls2, 0, sizeof cls2);
  int have3 = 0;
  enum tmc_status st = TMC_OK;

  for (size_t s = 0; s < n_sets && st == TMC_OK; s++)
    {
      const struct tmc_alignment *g = gold[s];
      if (g->n_docs != 3)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("gold alignments must list az, fa and en"));
      struct tmc_feat_doc fd[3];
      memset (fd, 0, sizeof fd);
      int present[3];
      for (int d = 0; d < 3 && st == TMC_OK; d++)
        {
          const struct tmc_doc *doc = docs[s * 3 + d];
          present[d] = doc != NULL;
          if (!doc)
            continue;
          if (tmc_al_lang_index (doc->lang) != d)
            {
              st = tmc_error_set (err, TMC_ERR_INVALID_ARG, doc->name, 0, 0,
                                  _("expected a document in '%s'"),
                                  tmc_al_lang_code (d));
              break;
            }
          st = tmc_feat_doc_build (doc, d, lex, &fd[d], err);
          for (size_t i = 0; st == TMC_OK && i < fd[d].n; i++)
            if (fd[d].s[i].len > 0)
              {
                double l = log (fd[d].s[i].len);
                lsum[d] += l;
                lsum2[d] += l * l;
                ln[d]++;
              }
        }
      if (st == TMC_OK && present[0] && present[1] && present[2])
        {
          have3 = 1;
          for (size_t k = 0; k < g->n_beads; k++)
            {
              int d[3];
              int ok = 1;
              for (int q = 0; q < 3; q++)
                {
                  d[q] = (int) g->beads[k].len[q];
                  ok &= d[q] <= 2;
                }
              if (ok)
                cls3[class_of (d, 3)]++;
            }
        }
      for (int q = 0; q < TMC_PAIR_COUNT && st == TMC_OK; q++)
        {
          static const int pl[3][2] = { { 0, 1 }, { 0, 2 }, { 1, 2 } };
          int a = pl[q][0], b = pl[q][1];
          if (!present[a] || !present[b])
            continue;
          struct tmc_scorer sc;
          tmc_scorer_init (&sc, &fd[a], &fd[b], p, 0);
          for (size_t k = 0; k < g->n_beads; k++)
            {
              const struct tmc_bead *bd = &g->beads[k];
              size_t la = bd->len[a], lb = bd->len[b];
              if (la + lb == 0)
                continue;
              if (la <= 2 && lb <= 2)
                {
                  int d[2] = { (int) la, (int) lb };
                  cls2[class_of (d, 2)]++;
                }
              if (la != 1 || lb != 1)
                continue;
              size_t i = bd->start[a], j = bd->start[b];
              double lx = fd[a].s[i].len, ly = fd[b].s[j].len;
              if (lx > 0 && ly > 0)
                {
                  double r = log (ly / lx);
                  struct pair_acc *ac = &acc[q];
                  ac->n++;
                  ac->sum_r += r;
                  ac->sum_r2 += r * r;
                  if (ac->n_obs == ac->cap)
                    {
                      size_t cap = ac->cap;
                      if (tmc_grow ((void **) &ac->r, &cap, ac->n_obs + 1,
                                    sizeof *ac->r) != 0
                          || tmc_grow ((void **) &ac->x, &ac->cap,
                                       ac->n_obs + 1, sizeof *ac->x) != 0)
                        {
                          st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                              _("out of memory"));
                          break;
                        }
                    }
                  ac->r[ac->n_obs] = r;
                  ac->x[ac->n_obs] = 2.0 / (lx + ly);
                  ac->n_obs++;
                }
              add_counts (&acc[q], 0, &sc, i, j);
              /* Unrelated sentences near the translation.  */
              for (int o = -3; o <= 3; o++)
                {
                  if (o == 0 || (o < 0 && (size_t) -o > j)
                      || j + (size_t) (o > 0 ? o : 0) >= fd[b].n)
                    continue;
                  size_t j2 = (size_t) ((long) j + o);
                  add_counts (&acc[q], 1, &sc, i, j2);
                }
            }
        }
      for (int d = 0; d < 3; d++)
        tmc_feat_doc_destroy (&fd[d]);
    }

  if (st == TMC_OK)
    {
      for (int d = 0; d < 3; d++)
        if (ln[d] > 1)
          {
            double m = lsum[d] / ln[d];
            p->lang[d].len_mean = m;
            p->lang[d].len_sd = sqrt (lsum2[d] / ln[d] - m * m);
          }
      for (int q = 0; q < TMC_PAIR_COUNT; q++)
        {
          struct pair_acc *ac = &acc[q];
          struct tmc_align_pair_model *m = &p->pair[q];
          if (ac->n >= 10)
            {
              double mu = ac->sum_r / ac->n;
              m->len_mu = mu;
              /* Least squares: (r - mu)^2 = a + b x.  */
              double sx = 0, sy = 0, sxx = 0, sxy = 0;
              for (size_t k = 0; k < ac->n_obs; k++)
                {
                  double y = (ac->r[k] - mu) * (ac->r[k] - mu);
                  double x = ac->x[k];
                  sx += x;
                  sy += y;
                  sxx += x * x;
                  sxy += x * y;
                }
              double nn = (double) ac->n_obs;
              double den = nn * sxx - sx * sx;
              double b = den > 0 ? (nn * sxy - sx * sy) / den : 0;
              if (b < 0)
                b = 0;
              double a = (sy - b * sx) / nn;
              if (a < 1e-3)
                a = 1e-3;
              m->len_var = a;
              m->len_var_len = b;
            }
          for (int d = 0; d < 2; d++)
            for (int e = 0; e < TMC_EV_COUNT; e++)
              {
                if (ac->items[0][d][e] > 0)
                  m->p_trans[d][e] = (ac->found[0][d][e] + 0.5)
                                     / (ac->items[0][d][e] + 1);
                if (ac->items[1][d][e] > 0)
                  m->p_other[d][e] = (ac->found[1][d][e] + 0.5)
                                     / (ac->items[1][d][e] + 1);
              }
          free (ac->r);
          free (ac->x);
        }
      if (have3)
        {
          int members[27];
          memset (members, 0, sizeof members);
          for (int a = 0; a <= 2; a++)
            for (int b = 0; b <= 2; b++)
              for (int c = 0; c <= 2; c++)
                if (a + b + c > 0)
                  {
                    int d[3] = { a, b, c };
                    members[class_of (d, 3)]++;
                  }
          double total = 0;
          for (int k = 0; k < 27; k++)
            if (members[k])
              total += cls3[k] + 1;
          for (int a = 0; a <= 2; a++)
            for (int b = 0; b <= 2; b++)
              for (int c = 0; c <= 2; c++)
                if (a + b + c > 0)
                  {
                    int d[3] = { a, b, c };
                    int k = class_of (d, 3);
                    p->prior3[a][b][c] = (cls3[k] + 1) / members[k] / total;
                  }
        }
      double total2 = 0;
      int members2[27];
      memset (members2, 0, sizeof members2);
      for (int a = 0; a <= 2; a++)
        for (int b = 0; b <= 2; b++)
          if (a + b > 0)
            {
              int d[2] = { a, b };
              members2[class_of (d, 2)]++;
            }
      for (int k = 0; k < 27; k++)
        if (members2[k])
          total2 += cls2[k] + 1;
      for (int a = 0; a <= 2; a++)
        for (int b = 0; b <= 2; b++)
          if (a + b > 0)
            {
              int d[2] = { a, b };
              int k = class_of (d, 2);
              p->prior2[a][b] = (cls2[k] + 1) / members2[k] / total2;
            }
    }
  else
    for (int q = 0; q < TMC_PAIR_COUNT; q++)
      {
        free (acc[q].r);
        free (acc[q].x);
      }
  if (st == TMC_OK)
    st = estimate_loose (docs, gold, n_sets, lex, p, err);
  return st;
}
