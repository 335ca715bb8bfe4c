/* The aligner's search: bead scores, the pairwise dynamic programming in
   a band found coarse to fine, the joint 3-way dynamic programming in a
   tube around the pairwise alignments, and the forward-backward passes
   that give each bead its posterior probability.  */

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align-internal.h"
#include "internal.h"

#define LOG_2PI 1.8378770664093453

const int tmc_probe_set[TMC_EV_COUNT] = {
  TMC_SET_NUM, TMC_SET_PUNCT, TMC_SET_LEX, TMC_SET_NAME, TMC_SET_LAT,
  TMC_SET_COG
};
const int tmc_target_set[TMC_EV_COUNT] = {
  TMC_SET_NUM, TMC_SET_PUNCT, TMC_SET_LEX, TMC_SET_SKEL, TMC_SET_TOK,
  TMC_SET_SKEL
};

int
tmc_pair_index (int la, int lb, int *swap)
{
  *swap = la > lb;
  int x = la < lb ? la : lb, y = la < lb ? lb : la;
  if (x == TMC_AL_AZ && y == TMC_AL_FA)
    return TMC_PAIR_AZ_FA;
  if (x == TMC_AL_AZ && y == TMC_AL_EN)
    return TMC_PAIR_AZ_EN;
  return TMC_PAIR_FA_EN;
}

/* The ln-normal that fits the sum of N independent ln-normal(M, S)
   lengths (moments matched).  */
static void
sum_lognormal (double m, double s, double n, double *mn, double *sn)
{
  double s2 = log1p (expm1 (s * s) / n);
  *sn = sqrt (s2);
  *mn = log (n) + m + s * s / 2 - s2 / 2;
}

/* The length distribution of the sentences of FD (ln-normal: *M, *S):
   the document's own, drawn toward the language model LM as if LM were
   TMC_LEN_PRIOR sentences more (the conjugate prior of the normal).  The
   lengths of unrelated sentences are those of the document's other
   sentences, which depend on the kind of text: headlines and bulletins
   are short, encyclopedic text is long.  */
#define TMC_LEN_PRIOR 10.0
static void
doc_lengths (const struct tmc_feat_doc *fd,
             const struct tmc_align_lang_model *lm, double *m, double *s)
{
  double n = (double) fd->n_len, k = TMC_LEN_PRIOR;
  double s0 = lm->len_sd, m0 = lm->len_mean;
  double mean = (fd->len_sum + k * m0) / (n + k);
  double ss = fd->len_sum2 + k * (s0 * s0 + m0 * m0);
  double var = ss / (n + k) - mean * mean;
  *m = mean;
  *s = var > 1e-4 ? sqrt (var) : 0.01;
}

static double
clamp_p (double p)
{
  return p < 1e-4 ? 1e-4 : p > 1 - 1e-4 ? 1 - 1e-4 : p;
}

static double
log_add (double a, double b)
{
  if (a == -INFINITY)
    return b;
  if (b == -INFINITY)
    return a;
  return a > b ? a + log1p (exp (b - a)) : b + log1p (exp (a - b));
}

/* ln of the sum of the exponentials of the N values of X (-inf when N
   is 0).  */
static double
log_sum (const double *x, int n)
{
  if (n == 0)
    return -INFINITY;
  double m = x[0];
  for (int k = 1; k < n; k++)
    if (x[k] > m)
      m = x[k];
  if (m == -INFINITY)
    return m;
  double s = 0;
  for (int k = 0; k < n; k++)
    s += exp (x[k] - m);
  return m + log (s);
}

void
tmc_scorer_init (struct tmc_scorer *sc, const struct tmc_feat_doc *A,
                 const struct tmc_feat_doc *B,
                 const struct tmc_align_params *p, unsigned level)
{
  int swap;
  int pi = tmc_pair_index (A->lang, B->lang, &swap);
  const struct tmc_align_pair_model *m = &p->pair[pi];
  memset (sc, 0, sizeof *sc);
  sc->A = A;
  sc->B = B;
  sc->mu = m->len_mu;
  sc->var0 = m->len_var;
  sc->var1 = m->len_var_len;
  double unit = ldexp (1.0, (int) level);
  double ma, sa, mb, sb;
  doc_lengths (A, &p->lang[A->lang], &ma, &sa);
  doc_lengths (B, &p->lang[B->lang], &mb, &sb);
  for (int k = 1; k <= 2; k++)
    {
      sum_lognormal (ma, sa, unit * k, &sc->bgA_m[k], &sc->bgA_s[k]);
      sum_lognormal (mb, sb, unit * k, &sc->bgB_m[k], &sc->bgB_s[k]);
    }
  /* An item looked for in K sentences finds a counterpart by chance in
     any of them: P(other) = 1 - (1 - p_other)^K, and P(trans) = 1 - (1 -
     p_trans) (1 - p_other)^(K - 1).  */
  for (int d = 0; d < 2; d++)
    for (int e = 0; e < TMC_EV_COUNT; e++)
      for (int k = 1; k <= 2; k++)
        {
          double pt1 = clamp_p (m->p_trans[d][e]);
          double po1 = clamp_p (m->p_other[d][e]);
          double kk = unit * k;
          double po = clamp_p (1 - pow (1 - po1, kk));
          double pt = clamp_p (1 - (1 - pt1) * pow (1 - po1, kk - 1));
          if (pt < po)
            pt = po;
          sc->w_hit[d][e][k] = log (pt / po);
          sc->w_miss[d][e][k] = log ((1 - pt) / (1 - po));
        }
  /* Paragraphs count only when both documents have some.  */
  sc->para_pen = A->n_paragraphs >= 2 && B->n_paragraphs >= 2
                   ? p->para_penalty : 0;
  sc->log_loose = m->p_loose > 0 ? log (m->p_loose) : -INFINITY;
  sc->log_tight = m->p_loose > 0 ? log1p (-m->p_loose) : 0;
}

/* Is X in the sorted array A of N entries?  */
static int
in_sorted (const uint32_t *a, size_t n, uint32_t x)
{
  size_t lo = 0, hi = n;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (a[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < n && a[lo] == x;
}

/* Count the items of kind E of units P0 .. P0+DP-1 of P, and how many are
   in the target set of some unit T0 .. T0+DT-1 of T.  */
static void
count_dir (const struct tmc_feat_doc *p, size_t p0, unsigned dp,
           const struct tmc_feat_doc *t, size_t t0, unsigned dt, int e,
           unsigned *items, unsigned *found)
{
  *items = 0;
  *found = 0;
  for (unsigned a = 0; a < dp; a++)
    {
      size_t np;
      const uint32_t *pr = tmc_feat_set (p, p0 + a, tmc_probe_set[e], &np);
      *items += (unsigned) np;
      for (size_t x = 0; x < np; x++)
        for (unsigned b = 0; b < dt; b++)
          {
            size_t nt;
            const uint32_t *tg = tmc_feat_set (t, t0 + b, tmc_target_set[e],
                                               &nt);
            if (in_sorted (tg, nt, pr[x]))
              {
                (*found)++;
                break;
              }
          }
    }
}

void
tmc_scorer_counts (const struct tmc_scorer *sc, size_t i0, unsigned di,
                   size_t j0, unsigned dj, unsigned items[2][TMC_EV_COUNT],
                   unsigned found[2][TMC_EV_COUNT])
{
  for (int e = 0; e < TMC_EV_COUNT; e++)
    {
      count_dir (sc->A, i0, di, sc->B, j0, dj, e, &items[0][e],
                 &found[0][e]);
      count_dir (sc->B, j0, dj, sc->A, i0, di, e, &items[1][e],
                 &found[1][e]);
    }
}

double
tmc_scorer_llr (const struct tmc_scorer *sc, size_t i0, unsigned di,
                size_t j0, unsigned dj)
{
  return tmc_scorer_floor (sc, tmc_scorer_llr_raw (sc, i0, di, j0, dj));
}

double
tmc_scorer_floor (const struct tmc_scorer *sc, double llr)
{
  if (sc->log_loose == -INFINITY)
    return llr;
  double x = sc->log_tight + llr, y = sc->log_loose;
  /* Beyond 36 nats the smaller term changes nothing a double keeps.  */
  if (x - y > 36)
    return x;
  if (y - x > 36)
    return y;
  /* ln(e^x + e^y) = x + ln(1 + e^(y-x)); past 8 nats, ln(1 + u) = u
     within 2e-8.  */
  if (x - y > 8)
    return x + exp (y - x);
  if (y - x > 8)
    return y + exp (x - y);
  return log_add (x, y);
}

double
tmc_scorer_length (const struct tmc_scorer *sc, double lx, double ly,
                   unsigned di, unsigned dj)
{
  if (lx < 1)
    lx = 1;
  if (ly < 1)
    ly = 1;
  double la = log (lx), lb = log (ly);
  double var = sc->var0 + sc->var1 / (0.5 * (lx + ly));
  double z = lb - la - sc->mu;
  double s = -0.5 * z * z / var - 0.5 * (LOG_2PI + log (var));
  /* Minus the mean of the two background log-densities.  */
  double za = (la - sc->bgA_m[di]) / sc->bgA_s[di];
  double zb = (lb - sc->bgB_m[dj]) / sc->bgB_s[dj];
  s += 0.25 * (za * za + zb * zb)
       + 0.5 * (log (sc->bgA_s[di]) + log (sc->bgB_s[dj])) + 0.5 * LOG_2PI;
  return s;
}

double
tmc_scorer_llr_raw (const struct tmc_scorer *sc, size_t i0, unsigned di,
                    size_t j0, unsigned dj)
{
  double lx = 0, ly = 0;
  for (unsigned k = 0; k < di; k++)
    lx += sc->A->s[i0 + k].len;
  for (unsigned k = 0; k < dj; k++)
    ly += sc->B->s[j0 + k].len;
  double s = tmc_scorer_length (sc, lx, ly, di, dj);
  unsigned items[2][TMC_EV_COUNT], found[2][TMC_EV_COUNT];
  tmc_scorer_counts (sc, i0, di, j0, dj, items, found);
  for (int e = 0; e < TMC_EV_COUNT; e++)
    {
      s += found[0][e] * sc->w_hit[0][e][dj]
           + (items[0][e] - found[0][e]) * sc->w_miss[0][e][dj];
      s += found[1][e] * sc->w_hit[1][e][di]
           + (items[1][e] - found[1][e]) * sc->w_miss[1][e][di];
    }
  return s;
}

unsigned
tmc_para_breaks (const struct tmc_feat_doc *const *fd, size_t n,
                 const size_t *s, const size_t *d)
{
  unsigned inside = 0, at = 0, not_at = 0, docs = 0;
  for (size_t k = 0; k < n; k++)
    {
      if (fd[k]->n_paragraphs < 2)
        continue;
      docs++;
      for (size_t i = 1; i < d[k]; i++)
        inside += fd[k]->s[s[k] + i].para_start;
      if (d[k] == 0)
        continue;
      size_t e = s[k] + d[k];
      if (e >= fd[k]->n || fd[k]->s[e].para_start)
        at++;
      else
        not_at++;
    }
  if (docs < 2)
    return 0;
  return inside + (at < not_at ? at : not_at);
}

void
tmc_path_destroy (struct tmc_path *p)
{
  free (p->cut);
  free (p->score);
  memset (p, 0, sizeof *p);
}

static int
path_push (struct tmc_path *p, const size_t *cut)
{
  if (p->n == p->cap)
    {
      size_t cap = p->cap;
      if (tmc_grow ((void **) &p->cut, &cap, p->n + 1, sizeof *p->cut) != 0)
        return -1;
      size_t cap2 = p->cap;
      if (tmc_grow ((void **) &p->score, &cap2, cap, sizeof *p->score) != 0)
        return -1;
      p->cap = cap;
    }
  for (size_t d = 0; d < 3; d++)
    p->cut[p->n][d] = d < p->n_docs ? cut[d] : 0;
  p->score[p->n] = 1;
  p->n++;
  return 0;
}

/* Reverse the cuts of P (backtracking gives them last first).  */
static void
path_reverse (struct tmc_path *p)
{
  for (size_t a = 0, b = p->n ? p->n - 1 : 0; a < b; a++, b--)
    {
      size_t t[3];
      memcpy (t, p->cut[a], sizeof t);
      memcpy (p->cut[a], p->cut[b], sizeof t);
      memcpy (p->cut[b], t, sizeof t);
      double x = p->score[a];
      p->score[a] = p->score[b];
      p->score[b] = x;
    }
}


/* ---- Pairwise ---------------------------------------------------------- */

static void
band_destroy (struct tmc_band *b)
{
  free (b->lo);
  free (b->hi);
  free (b->base);
  memset (b, 0, sizeof *b);
}

static int
band_alloc (struct tmc_band *b, size_t n, size_t m)
{
  memset (b, 0, sizeof *b);
  b->n = n;
  b->m = m;
  b->lo = malloc ((n + 1) * sizeof *b->lo);
  b->hi = malloc ((n + 1) * sizeof *b->hi);
  b->base = malloc ((n + 2) * sizeof *b->base);
  if (!b->lo || !b->hi || !b->base)
    {
      band_destroy (b);
      return -1;
    }
  return 0;
}

static void
band_finish (struct tmc_band *b)
{
  size_t c = 0;
  for (size_t i = 0; i <= b->n; i++)
    {
      b->base[i] = c;
      c += b->hi[i] - b->lo[i] + 1;
    }
  b->base[b->n + 1] = c;
  b->cells = c;
}

/* Pairwise bead types: (di, dj).  */
static const unsigned char ptype[][2] = {
  { 1, 1 }, { 1, 0 }, { 0, 1 }, { 2, 1 }, { 1, 2 }, { 2, 2 }
};
#define N_PTYPES 6

/* The score of the pairwise bead ending at (I, J) of type T: prior,
   evidence (EV, the band's evidence of the cell), paragraphs.  */
static double
pair_bead_score (const struct tmc_scorer *sc, const float *ev,
                 const double *lp, size_t i, size_t j, int t)
{
  unsigned di = ptype[t][0], dj = ptype[t][1];
  double s = lp[t];
  if (di && dj)
    s += ev[(di - 1) + 2 * (dj - 1)];
  if (sc->para_pen > 0)
    {
      const struct tmc_feat_doc *fd[2] = { sc->A, sc->B };
      size_t st[2] = { i - di, j - dj }, d[2] = { di, dj };
      s -= sc->para_pen * tmc_para_breaks (fd, 2, st, d);
    }
  return s;
}

/* The log priors of the pairwise types.  */
static void
pair_log_priors (const struct tmc_align_params *p, double *lp)
{
  double sum = 0;
  for (int t = 0; t < N_PTYPES; t++)
    sum += p->prior2[ptype[t][0]][ptype[t][1]];
  for (int t = 0; t < N_PTYPES; t++)
    {
      double v = p->prior2[ptype[t][0]][ptype[t][1]];
      lp[t] = v > 0 && sum > 0 ? log (v / sum) : -INFINITY;
    }
}

/* Dynamic programming over band BAND of the documents of SC.  Viterbi
   path into PATH; with POSTERIOR, the forward-backward posterior of each
   of its beads.  */
static enum tmc_status
band_dp (const struct tmc_scorer *sc, const double *lp, double inv_t,
         const struct tmc_band *band, int posterior, unsigned level,
         unsigned threads, struct tmc_path *path, struct tmc_error *err)
{
  size_t nc = band->cells;
  double *vit = malloc (nc * sizeof *vit);
  unsigned char *bp = malloc (nc);
  float *ev = malloc (nc * 4 * sizeof *ev);
  double *fwd = posterior ? malloc (nc * sizeof *fwd) : NULL;
  double *bwd = posterior ? malloc (nc * sizeof *bwd) : NULL;
  enum tmc_status st = TMC_OK;
  if (!vit || !bp || !ev || (posterior && (!fwd || !bwd)))
    {
      st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
      goto done;
    }
  st = tmc_band_evidence (sc, band, ev, threads, level > 0, err);
  if (st != TMC_OK)
    goto done;
  for (size_t i = 0; i <= band->n; i++)
    for (size_t j = band->lo[i]; j <= band->hi[i]; j++)
      {
        size_t c = (size_t) tmc_band_cell (band, i, j);
        if (i == 0 && j == 0)
          {
            vit[c] = 0;
            bp[c] = 255;
            if (posterior)
              fwd[c] = 0;
            continue;
          }
        double best = -INFINITY;
        double terms[N_PTYPES];
        int nt = 0;
        int bt = 255;
        for (int t = 0; t < N_PTYPES; t++)
          {
            unsigned di = ptype[t][0], dj = ptype[t][1];
            if (lp[t] == -INFINITY || i < di || j < dj)
              continue;
            long pc = tmc_band_cell (band, i - di, j - dj);
            if (pc < 0 || vit[pc] == -INFINITY)
              continue;
            double s = pair_bead_score (sc, ev + 4 * c, lp, i, j, t);
            double v = vit[pc] + s;
            if (v > best)
              {
                best = v;
                bt = t;
              }
            if (posterior)
              terms[nt++] = fwd[pc] + s * inv_t;
          }
        vit[c] = best;
        bp[c] = (unsigned char) bt;
        if (posterior)
          fwd[c] = log_sum (terms, nt);
      }
  long end = tmc_band_cell (band, band->n, band->m);
  if (end < 0 || vit[end] == -INFINITY)
    {
      st = tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("no alignment found in the search band"));
      goto done;
    }
  if (posterior)
    for (size_t ii = band->n + 1; ii-- > 0;)
      for (size_t j = band->hi[ii] + 1; j-- > band->lo[ii];)
        {
          size_t c = (size_t) tmc_band_cell (band, ii, j);
          if ((long) c == end)
            {
              bwd[c] = 0;
              continue;
            }
          double terms[N_PTYPES];
          int nt = 0;
          for (int t = 0; t < N_PTYPES; t++)
            {
              size_t i2 = ii + ptype[t][0], j2 = j + ptype[t][1];
              if (lp[t] == -INFINITY || i2 > band->n || j2 > band->m)
                continue;
              long c2 = tmc_band_cell (band, i2, j2);
              if (c2 < 0 || vit[c2] == -INFINITY || vit[c] == -INFINITY)
                continue;
              double s = pair_bead_score (sc, ev + 4 * (size_t) c2, lp, i2,
                                          j2, t);
              terms[nt++] = bwd[c2] + s * inv_t;
            }
          bwd[c] = log_sum (terms, nt);
        }
  /* Backtrack.  */
  path->n_docs = 2;
  path->n = 0;
  size_t i = band->n, j = band->m;
  double z = posterior ? fwd[end] : 0;
  for (;;)
    {
      size_t cut[3] = { i, j, 0 };
      if (path_push (path, cut) != 0)
        {
          st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
          goto done;
        }
      if (i == 0 && j == 0)
        break;
      size_t c = (size_t) tmc_band_cell (band, i, j);
      int t = bp[c];
      size_t i0 = i - ptype[t][0], j0 = j - ptype[t][1];
      if (posterior)
        {
          size_t pc = (size_t) tmc_band_cell (band, i0, j0);
          double s = pair_bead_score (sc, ev + 4 * c, lp, i, j, t);
          double post = exp (fwd[pc] + s * inv_t + bwd[c] - z);
          path->score[path->n - 1] = post > 1 ? 1 : post;
        }
      i = i0;
      j = j0;
    }
  path_reverse (path);
done:
  free (vit);
  free (bp);
  free (ev);
  free (fwd);
  free (bwd);
  return st;
}

/* The band around PATH (cuts at the coarse level, scaled by 2) for the
   fine documents of N and M units, widened by R.  */
static int
band_from_coarse (const struct tmc_path *coarse, size_t n, size_t m,
                  size_t r, struct tmc_band *band)
{
  if (band_alloc (band, n, m) != 0)
    return -1;
  size_t *rlo = malloc ((n + 1) * sizeof *rlo);
  size_t *rhi = malloc ((n + 1) * sizeof *rhi);
  if (!rlo || !rhi)
    {
      free (rlo);
      free (rhi);
      band_destroy (band);
      return -1;
    }
  for (size_t i = 0; i <= n; i++)
    {
      rlo[i] = SIZE_MAX;
      rhi[i] = 0;
    }
  for (size_t t = 0; t + 1 < coarse->n; t++)
    {
      size_t i0 = 2 * coarse->cut[t][0], j0 = 2 * coarse->cut[t][1];
      size_t i1 = 2 * coarse->cut[t + 1][0], j1 = 2 * coarse->cut[t + 1][1];
      if (i1 > n)
        i1 = n;
      if (j1 > m)
        j1 = m;
      if (i0 > n)
        i0 = n;
      if (j0 > m)
        j0 = m;
      for (size_t i = i0; i <= i1; i++)
        {
          if (j0 < rlo[i])
            rlo[i] = j0;
          if (j1 > rhi[i])
            rhi[i] = j1;
        }
    }
  /* Widen by R sentences on either side of the path.  */
  for (size_t i = 0; i <= n; i++)
    {
      size_t lo = rlo[i], hi = rhi[i];
      if (lo == SIZE_MAX)
        {
          lo = 0;
          hi = m;
        }
      band->lo[i] = lo >= r ? lo - r : 0;
      band->hi[i] = hi + r <= m ? hi + r : m;
    }
  band->lo[0] = 0;
  band->hi[n] = m;
  free (rlo);
  free (rhi);
  band_finish (band);
  return 0;
}

static int
band_full (size_t n, size_t m, struct tmc_band *band)
{
  if (band_alloc (band, n, m) != 0)
    return -1;
  for (size_t i = 0; i <= n; i++)
    {
      band->lo[i] = 0;
      band->hi[i] = m;
    }
  band_finish (band);
  return 0;
}

/* Align A and B (units at LEVEL; A's language before B's in the order
   az, fa, en), recursing on coarser documents when the grid is too
   large.  */
static enum tmc_status
pair_search (const struct tmc_feat_doc *a, const struct tmc_feat_doc *b,
             const struct tmc_align_params *p, unsigned level, int posterior,
             struct tmc_path *path, struct tmc_error *err)
{
  struct tmc_scorer sc;
  tmc_scorer_init (&sc, a, b, p, level);
  double lp[N_PTYPES];
  pair_log_priors (p, lp);
  double inv_t = 1.0 / (p->temperature > 0 ? p->temperature : 1.0);

  struct tmc_band band;
  enum tmc_status st;
  if ((double) (a->n + 1) * (double) (b->n + 1) <= (double) p->full_grid
      || a->n < 4 || b->n < 4)
    {
      if (band_full (a->n, b->n, &band) != 0)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
    }
  else
    {
      struct tmc_feat_doc ca, cb;
      st = tmc_feat_doc_coarsen (a, &ca, err);
      if (st != TMC_OK)
        return st;
      st = tmc_feat_doc_coarsen (b, &cb, err);
      if (st != TMC_OK)
        {
          tmc_feat_doc_destroy (&ca);
          return st;
        }
      struct tmc_path coarse;
      memset (&coarse, 0, sizeof coarse);
      st = pair_search (&ca, &cb, p, level + 1, 0, &coarse, err);
      tmc_feat_doc_destroy (&ca);
      tmc_feat_doc_destroy (&cb);
      if (st != TMC_OK)
        {
          tmc_path_destroy (&coarse);
          return st;
        }
      int r = band_from_coarse (&coarse, a->n, b->n, p->band ? p->band : 1,
                                &band);
      tmc_path_destroy (&coarse);
      if (r != 0)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
    }
  if (level > 0)
    lp[5] = -INFINITY;  /* no 2-2 beads at the coarse levels */
  st = band_dp (&sc, lp, inv_t, &band, posterior, level, p->threads, path,
                err);
  band_destroy (&band);
  return st;
}

enum tmc_status
tmc_dp_pair (const struct tmc_feat_doc *a, const struct tmc_feat_doc *b,
             const struct tmc_align_params *p, int posterior,
             struct tmc_path *path, struct tmc_error *err)
{
  int swap;
  tmc_pair_index (a->lang, b->lang, &swap);
  if (!swap)
    return pair_search (a, b, p, 0, posterior, path, err);
  enum tmc_status st = pair_search (b, a, p, 0, posterior, path, err);
  for (size_t t = 0; st == TMC_OK && t < path->n; t++)
    {
      size_t x = path->cut[t][0];
      path->cut[t][0] = path->cut[t][1];
      path->cut[t][1] = x;
    }
  return st;
}

/* ---- Three documents ---------------------------------------------------- */

/* The tube: for each i (document 0), j (document 1) in [jlo[i], jhi[i]];
   for each such (i, j) (index ij = row[i] + j - jlo[i]), k (document 2)
   in [klo[ij], khi[ij]], cell base[ij] + k - klo[ij].  */
struct tube {
  size_t n[3];
  size_t *jlo, *jhi, *row;
  size_t *klo, *khi, *base;
  size_t n_ij, cells;
};

static void
tube_destroy (struct tube *t)
{
  free (t->jlo);
  free (t->jhi);
  free (t->row);
  free (t->klo);
  free (t->khi);
  free (t->base);
  memset (t, 0, sizeof *t);
}

static inline long
tube_ij (const struct tube *t, size_t i, size_t j)
{
  if (j < t->jlo[i] || j > t->jhi[i])
    return -1;
  return (long) (t->row[i] + j - t->jlo[i]);
}

static inline long
tube_cell (const struct tube *t, size_t i, size_t j, size_t k)
{
  long ij = tube_ij (t, i, j);
  if (ij < 0 || k < t->klo[ij] || k > t->khi[ij])
    return -1;
  return (long) (t->base[ij] + k - t->klo[ij]);
}

/* Join the pairwise paths A (documents D and X, in its columns AD and
   AX) and B (D and Y, in BD and BY) on document D, of ND sentences, into
   the 3-way cuts of GUIDE (columns D, X, Y): wherever both have a cut at
   the same sentence of D.  */
static int
join_paths (const struct tmc_path *a, int ad, int ax,
            const struct tmc_path *b, int bd, int by, size_t nd, int d,
            int x, int y, struct tmc_path *guide)
{
  size_t *alo = malloc ((nd + 1) * sizeof *alo);
  size_t *ahi = malloc ((nd + 1) * sizeof *ahi);
  size_t *blo = malloc ((nd + 1) * sizeof *blo);
  size_t *bhi = malloc ((nd + 1) * sizeof *bhi);
  int ok = alo && ahi && blo && bhi;
  if (ok)
    {
      for (size_t q = 0; q <= nd; q++)
        alo[q] = blo[q] = SIZE_MAX;
      for (size_t t = 0; t < a->n; t++)
        {
          size_t q = a->cut[t][ad], v = a->cut[t][ax];
          if (alo[q] == SIZE_MAX)
            alo[q] = v;
          ahi[q] = v;
        }
      for (size_t t = 0; t < b->n; t++)
        {
          size_t q = b->cut[t][bd], v = b->cut[t][by];
          if (blo[q] == SIZE_MAX)
            blo[q] = v;
          bhi[q] = v;
        }
      guide->n_docs = 3;
      guide->n = 0;
      for (size_t q = 0; q <= nd && ok; q++)
        {
          if (alo[q] == SIZE_MAX || blo[q] == SIZE_MAX)
            continue;
          size_t c[3];
          c[d] = q;
          c[x] = alo[q];
          c[y] = blo[q];
          ok = path_push (guide, c) == 0;
          if (ok && (ahi[q] != alo[q] || bhi[q] != blo[q]))
            {
              c[x] = ahi[q];
              c[y] = bhi[q];
              ok = path_push (guide, c) == 0;
            }
        }
    }
  free (alo);
  free (ahi);
  free (blo);
  free (bhi);
  return ok ? 0 : -1;
}

/* Build the tube TB for documents of N sentences: the boxes between the
   consecutive cuts of the guide paths G[0..NG), widened by R.  */
static int
tube_build (struct tube *tb, const size_t *n, const struct tmc_path *g,
            int ng, size_t r)
{
  memset (tb, 0, sizeof *tb);
  memcpy (tb->n, n, sizeof tb->n);
  size_t n0 = n[0];
  tb->jlo = malloc ((n0 + 1) * sizeof (size_t));
  tb->jhi = malloc ((n0 + 1) * sizeof (size_t));
  tb->row = malloc ((n0 + 2) * sizeof (size_t));
  if (!tb->jlo || !tb->jhi || !tb->row)
    goto fail;
  for (size_t i = 0; i <= n0; i++)
    {
      tb->jlo[i] = SIZE_MAX;
      tb->jhi[i] = 0;
    }
  /* Pass 1: the j range of each i.  Pass 2: the k range of each (i, j).  */
  for (int pass = 1; pass <= 2; pass++)
    {
      for (int q = 0; q < ng; q++)
        for (size_t t = 0; t + 1 < g[q].n; t++)
          {
            const size_t *c0 = g[q].cut[t], *c1 = g[q].cut[t + 1];
            size_t lo[3], hi[3];
            for (int d = 0; d < 3; d++)
              {
                lo[d] = c0[d] >= r ? c0[d] - r : 0;
                hi[d] = c1[d] + r <= n[d] ? c1[d] + r : n[d];
              }
            for (size_t i = lo[0]; i <= hi[0]; i++)
              if (pass == 1)
                {
                  if (lo[1] < tb->jlo[i])
                    tb->jlo[i] = lo[1];
                  if (hi[1] > tb->jhi[i])
                    tb->jhi[i] = hi[1];
                }
              else
                for (size_t j = lo[1]; j <= hi[1]; j++)
                  {
                    size_t ij = tb->row[i] + j - tb->jlo[i];
                    if (lo[2] < tb->klo[ij])
                      tb->klo[ij] = lo[2];
                    if (hi[2] > tb->khi[ij])
                      tb->khi[ij] = hi[2];
                  }
          }
      if (pass == 1)
        {
          size_t nij = 0;
          for (size_t i = 0; i <= n0; i++)
            {
              if (tb->jlo[i] == SIZE_MAX)
                tb->jlo[i] = tb->jhi[i] = 0;
              tb->row[i] = nij;
              nij += tb->jhi[i] - tb->jlo[i] + 1;
            }
          tb->row[n0 + 1] = nij;
          tb->n_ij = nij;
          tb->klo = malloc (nij * sizeof (size_t));
          tb->khi = malloc (nij * sizeof (size_t));
          tb->base = malloc ((nij + 1) * sizeof (size_t));
          if (!tb->klo || !tb->khi || !tb->base)
            goto fail;
          for (size_t ij = 0; ij < nij; ij++)
            {
              tb->klo[ij] = SIZE_MAX;
              tb->khi[ij] = 0;
            }
        }
    }
  /* An (i, j) that no box covers has no cells: k from 1 to 0.  */
  size_t c = 0;
  for (size_t ij = 0; ij < tb->n_ij; ij++)
    {
      if (tb->klo[ij] == SIZE_MAX)
        {
          tb->klo[ij] = 1;
          tb->khi[ij] = 0;
        }
      tb->base[ij] = c;
      c += tb->khi[ij] + 1 - tb->klo[ij];
    }
  tb->base[tb->n_ij] = c;
  tb->cells = c;
  return 0;

fail:
  tube_destroy (tb);
  return -1;
}

/* The pairwise evidence of the tube's projection on a pair of documents
   (x, y): for each cut (x, y) the evidence of the beads (1,1) (2,1)
   (1,2) (2,2) that end there, in the band BAND of the scorer's
   orientation (rows: the scorer's A; SWAP when that is y).  */
struct pcache {
  struct tmc_band band;
  float *v;
  struct tmc_scorer sc;
  int swap;
};

static inline double
pcache_get (const struct pcache *pc, size_t x, size_t y, unsigned dx,
            unsigned dy)
{
  if (pc->swap)
    {
      size_t t = x;
      x = y;
      y = t;
      unsigned u = dx;
      dx = dy;
      dy = u;
    }
  size_t c = (size_t) tmc_band_cell (&pc->band, x, y);
  return pc->v[c * 4 + (dx - 1) + 2 * (dy - 1)];
}

/* Fill PC's evidence.  Where a bead of three documents holds two
   sentences of each of these two, they may still translate each other
   one to one (the third document joined them): the (2,2) evidence is the
   better of the two readings.  */
static enum tmc_status
pcache_fill (struct pcache *pc, unsigned threads, struct tmc_error *err)
{
  band_finish (&pc->band);
  pc->v = malloc ((pc->band.cells + 1) * 4 * sizeof *pc->v);
  if (pc->v == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  enum tmc_status st = tmc_band_evidence (&pc->sc, &pc->band, pc->v,
                                          threads, 0, err);
  if (st != TMC_OK)
    return st;
  for (size_t i = 2; i <= pc->band.n; i++)
    for (size_t j = pc->band.lo[i] > 2 ? pc->band.lo[i] : 2;
         j <= pc->band.hi[i]; j++)
      {
        size_t c = (size_t) tmc_band_cell (&pc->band, i, j);
        long c0 = tmc_band_cell (&pc->band, i - 1, j - 1);
        double first = c0 >= 0 ? pc->v[4 * (size_t) c0]
                               : tmc_scorer_llr (&pc->sc, i - 2, 1, j - 2, 1);
        double split = first + pc->v[4 * c];
        if (split > pc->v[4 * c + 3])
          pc->v[4 * c + 3] = (float) split;
      }
  return TMC_OK;
}

/* Make T the transpose of band B (a hull: row y of T spans every x whose
   row of B holds y).  */
static int
band_transpose (const struct tmc_band *b, struct tmc_band *t)
{
  if (band_alloc (t, b->m, b->n) != 0)
    return -1;
  for (size_t y = 0; y <= b->m; y++)
    {
      t->lo[y] = SIZE_MAX;
      t->hi[y] = 0;
    }
  for (size_t x = 0; x <= b->n; x++)
    for (size_t y = b->lo[x]; y <= b->hi[x]; y++)
      {
        if (x < t->lo[y])
          t->lo[y] = x;
        if (x > t->hi[y])
          t->hi[y] = x;
      }
  for (size_t y = 0; y <= b->m; y++)
    if (t->lo[y] == SIZE_MAX)
      t->lo[y] = t->hi[y] = 0;
  band_finish (t);
  return 0;
}

/* 3-way bead types (a, b, c), none all zero.  */
struct ttype {
  unsigned char d[3];
  double lp;
};

struct three {
  const struct tmc_feat_doc *const *fd;
  struct tube tb;
  struct pcache pc[3];  /* 0-1, 0-2, 1-2, in the scorers' orientation */
  /* The same evidence in the tube's orientation: band PROJ[q] over the
     documents of pair q, 4 values a cell, (dx - 1) + 2 (dy - 1).  */
  struct tmc_band proj[3];
  float *ev[3];
  struct ttype types[26];
  int n_types;
  int para;  /* at least two documents have paragraphs */
  double para_pen;
};

/* The score of the bead of type TY ending at (I, J, K); E01, E02, E12
   point to the evidence of the cells (i, j), (i, k), (j, k) of the
   pairs.  */
static inline double
three_score (const struct three *th, size_t i, size_t j, size_t k,
             const struct ttype *ty, const float *e01, const float *e02,
             const float *e12)
{
  unsigned a = ty->d[0], b = ty->d[1], c = ty->d[2];
  double s = ty->lp;
  if (a && b)
    s += e01[(a - 1) + 2 * (b - 1)];
  if (a && c)
    s += e02[(a - 1) + 2 * (c - 1)];
  if (b && c)
    s += e12[(b - 1) + 2 * (c - 1)];
  if (th->para)
    {
      size_t st[3] = { i - a, j - b, k - c }, d[3] = { a, b, c };
      s -= th->para_pen * tmc_para_breaks (th->fd, 3, st, d);
    }
  return s;
}

/* The evidence of pair Q at cut (X, Y) in the tube's orientation.  */
static inline const float *
three_ev (const struct three *th, int q, size_t x, size_t y)
{
  const struct tmc_band *b = &th->proj[q];
  return th->ev[q] + 4 * (b->base[x] + y - b->lo[x]);
}

/* A pairwise alignment, as a task.  */
struct pair_task {
  const struct tmc_feat_doc *a, *b;
  const struct tmc_align_params *p;
  struct tmc_path *path;
  enum tmc_status st;
  struct tmc_error err;
};

static void
pair_task_run (void *arg)
{
  struct pair_task *t = arg;
  t->st = tmc_dp_pair (t->a, t->b, t->p, 0, t->path, &t->err);
}

/* Documents of more sentences than this have their three pairwise
   searches one after the other (each with all the threads), so that
   only one search's memory is in use at a time.  */
#define PARALLEL_PAIRS_MAX 20000

enum tmc_status
tmc_dp_three (const struct tmc_feat_doc *const *fd,
              const struct tmc_align_params *p, struct tmc_path *path,
              struct tmc_error *err)
{
  enum tmc_status st;
  struct tmc_path pp[3];
  memset (pp, 0, sizeof pp);
  static const int pairs[3][2] = { { 0, 1 }, { 0, 2 }, { 1, 2 } };
  {
    struct pair_task pt[3];
    void *args[3];
    int parallel = fd[0]->n <= PARALLEL_PAIRS_MAX
                   && fd[1]->n <= PARALLEL_PAIRS_MAX
                   && fd[2]->n <= PARALLEL_PAIRS_MAX;
    /* In parallel, each of the searches gets one thread.  */
    struct tmc_align_params p1 = *p;
    if (parallel)
      p1.threads = 1;
    for (int q = 0; q < 3; q++)
      {
        pt[q].a = fd[pairs[q][0]];
        pt[q].b = fd[pairs[q][1]];
        pt[q].p = &p1;
        pt[q].path = &pp[q];
        args[q] = &pt[q];
      }
    tmc_run_tasks (pair_task_run, args, 3, parallel ? p->threads : 1);
    for (int q = 0; q < 3; q++)
      if (pt[q].st != TMC_OK)
        {
          st = pt[q].st;
          if (err)
            *err = pt[q].err;
          goto fail_paths;
        }
  }
  /* The guides: the three pivot joins of the pairwise paths (the paths
     of (0,2) and (1,2) have their documents in columns 0 and 1).  */
  struct three th;
  memset (&th, 0, sizeof th);
  th.fd = fd;
  th.para_pen = p->para_penalty;
  th.para = th.para_pen > 0
            && (fd[0]->n_paragraphs >= 2) + (fd[1]->n_paragraphs >= 2)
                 + (fd[2]->n_paragraphs >= 2) >= 2;
  size_t n[3] = { fd[0]->n, fd[1]->n, fd[2]->n };
  struct tmc_path guide[3];
  memset (guide, 0, sizeof guide);
  int gok = join_paths (&pp[0], 0, 1, &pp[1], 0, 1, n[0], 0, 1, 2,
                        &guide[0]) == 0
            && join_paths (&pp[0], 1, 0, &pp[2], 0, 1, n[1], 1, 0, 2,
                           &guide[1]) == 0
            && join_paths (&pp[1], 1, 0, &pp[2], 1, 0, n[2], 2, 0, 1,
                           &guide[2]) == 0
            && tube_build (&th.tb, n, guide, 3, p->tube ? p->tube : 1) == 0;
  for (int q = 0; q < 3; q++)
    {
      tmc_path_destroy (&guide[q]);
      tmc_path_destroy (&pp[q]);
    }
  if (!gok)
    {
      st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
      goto fail_three;
    }
  /* The pairwise evidence covers the projections of the tube.  */
  struct tmc_band proj[3];
  memset (proj, 0, sizeof proj);
  for (int q = 0; q < 3; q++)
    {
      size_t nx = n[pairs[q][0]], ny = n[pairs[q][1]];
      if (band_alloc (&proj[q], nx, ny) != 0)
        goto nomem_proj;
      for (size_t x0 = 0; x0 <= nx; x0++)
        {
          proj[q].lo[x0] = SIZE_MAX;
          proj[q].hi[x0] = 0;
        }
    }
  for (size_t i = 0; i <= n[0]; i++)
    {
      proj[0].lo[i] = th.tb.jlo[i];
      proj[0].hi[i] = th.tb.jhi[i];
      for (size_t j = th.tb.jlo[i]; j <= th.tb.jhi[i]; j++)
        {
          size_t ij = (size_t) tube_ij (&th.tb, i, j);
          size_t klo = th.tb.klo[ij], khi = th.tb.khi[ij];
          if (klo > khi)
            continue;
          if (klo < proj[1].lo[i])
            proj[1].lo[i] = klo;
          if (khi > proj[1].hi[i])
            proj[1].hi[i] = khi;
          if (klo < proj[2].lo[j])
            proj[2].lo[j] = klo;
          if (khi > proj[2].hi[j])
            proj[2].hi[j] = khi;
        }
    }
  for (int q = 1; q < 3; q++)
    for (size_t x0 = 0; x0 <= proj[q].n; x0++)
      if (proj[q].lo[x0] == SIZE_MAX)
        proj[q].lo[x0] = proj[q].hi[x0] = 0;
  for (int q = 0; q < 3; q++)
    {
      band_finish (&proj[q]);
      const struct tmc_feat_doc *x = fd[pairs[q][0]], *y = fd[pairs[q][1]];
      int swap;
      tmc_pair_index (x->lang, y->lang, &swap);
      th.pc[q].swap = swap;
      if (swap)
        tmc_scorer_init (&th.pc[q].sc, y, x, p, 0);
      else
        tmc_scorer_init (&th.pc[q].sc, x, y, p, 0);
      if (band_transpose (&proj[q], &th.pc[q].band) != 0)
        goto nomem_proj;
      if (!swap)
        {
          /* The scorer's orientation is the tube's.  */
          band_destroy (&th.pc[q].band);
          if (band_alloc (&th.pc[q].band, proj[q].n, proj[q].m) != 0)
            goto nomem_proj;
          memcpy (th.pc[q].band.lo, proj[q].lo,
                  (proj[q].n + 1) * sizeof *proj[q].lo);
          memcpy (th.pc[q].band.hi, proj[q].hi,
                  (proj[q].n + 1) * sizeof *proj[q].hi);
        }
      st = pcache_fill (&th.pc[q], p->threads, err);
      if (st != TMC_OK)
        goto fail_three;
      /* The evidence in the tube's orientation.  */
      if (!swap)
        {
          th.ev[q] = th.pc[q].v;
          th.pc[q].v = NULL;
        }
      else
        {
          th.ev[q] = malloc ((proj[q].cells + 1) * 4 * sizeof *th.ev[q]);
          if (th.ev[q] == NULL)
            goto nomem_proj;
          for (size_t x0 = 0; x0 <= proj[q].n; x0++)
            for (size_t y0 = proj[q].lo[x0]; y0 <= proj[q].hi[x0]; y0++)
              {
                float *v = th.ev[q] + 4 * (size_t) tmc_band_cell (&proj[q], x0,
                                                                  y0);
                for (unsigned dx = 1; dx <= 2; dx++)
                  for (unsigned dy = 1; dy <= 2; dy++)
                    v[(dx - 1) + 2 * (dy - 1)]
                      = x0 >= dx && y0 >= dy
                          ? (float) pcache_get (&th.pc[q], x0, y0, dx, dy)
                          : NAN;
              }
          free (th.pc[q].v);
          th.pc[q].v = NULL;
        }
      band_destroy (&th.pc[q].band);
      th.proj[q] = proj[q];
      memset (&proj[q], 0, sizeof proj[q]);
    }

  /* Bead types and their log priors.  */
  {
    double sum = 0;
    for (int a = 0; a <= 2; a++)
      for (int b = 0; b <= 2; b++)
        for (int c = 0; c <= 2; c++)
          if (a + b + c > 0)
            sum += p->prior3[a][b][c];
    /* The priors are in the order az, fa, en; the documents in any.  */
    for (int a = 0; a <= 2; a++)
      for (int b = 0; b <= 2; b++)
        for (int c = 0; c <= 2; c++)
          {
            /* Two sentences of one version alone are two beads.  */
            if (a + b + c == 0 || (a + b + c == 2 && (a == 2 || b == 2
                                                        || c == 2)))
              continue;
            int d[3] = { a, b, c };
            int by_lang[3];
            for (int q = 0; q < 3; q++)
              by_lang[fd[q]->lang] = d[q];
            double v = p->prior3[by_lang[0]][by_lang[1]][by_lang[2]];
            if (!(v > 0) || !(sum > 0))
              continue;
            struct ttype *ty = &th.types[th.n_types++];
            ty->d[0] = (unsigned char) a;
            ty->d[1] = (unsigned char) b;
            ty->d[2] = (unsigned char) c;
            ty->lp = log (v / sum);
          }
  }

  {
    double inv_t = 1.0 / (p->temperature > 0 ? p->temperature : 1.0);
    size_t cells = th.tb.cells;
    /* Forward values are kept as floats relative to a per-row
       reference (the largest forward value of the row before): the
       values that matter, near the best path, stay within a few hundred
       of it.  */
    float *fwdf = malloc (cells * sizeof *fwdf);
    double *ref = malloc ((n[0] + 2) * sizeof *ref);
    unsigned char *bp = malloc (cells);
    /* Viterbi scores and backward values are kept for three rows of i
       (beads span at most 2).  */
    size_t maxrow = 0;
    for (size_t i = 0; i <= n[0]; i++)
      {
        size_t rc = th.tb.base[th.tb.row[i + 1]] - th.tb.base[th.tb.row[i]];
        if (rc > maxrow)
          maxrow = rc;
      }
    double *vrow = malloc (3 * maxrow * sizeof *vrow);
    double *brow = malloc (3 * maxrow * sizeof *brow);
    if (!fwdf || !ref || !bp || !vrow || !brow)
      {
        free (fwdf);
        free (ref);
        free (bp);
        free (vrow);
        free (brow);
        goto nomem;
      }
#define ROWBASE(i) (th.tb.base[th.tb.row[i]])
#define VIT(i, c) vrow[((i) % 3) * maxrow + ((size_t) (c) - ROWBASE (i))]
#define BWD(i, c) brow[((i) % 3) * maxrow + ((size_t) (c) - ROWBASE (i))]
#define FWD(i, c) (ref[i] + (double) fwdf[c])
    ref[0] = 0;
    double row_max = -INFINITY;
    for (size_t i = 0; i <= n[0]; i++)
      {
      if (i > 0)
        {
          ref[i] = row_max > -INFINITY ? row_max : ref[i - 1];
          row_max = -INFINITY;
        }
      for (size_t j = th.tb.jlo[i]; j <= th.tb.jhi[i]; j++)
        {
          size_t ij = (size_t) tube_ij (&th.tb, i, j);
          /* The (i - a, j - b) entries of the tube, -1 when absent.  */
          long pij[3][3];
          for (unsigned a = 0; a <= 2; a++)
            for (unsigned b = 0; b <= 2; b++)
              pij[a][b] = i >= a && j >= b ? tube_ij (&th.tb, i - a, j - b)
                                           : -1;
          const float *e01 = three_ev (&th, 0, i, j);
          for (size_t k = th.tb.klo[ij]; k <= th.tb.khi[ij]; k++)
            {
              size_t c = th.tb.base[ij] + k - th.tb.klo[ij];
              if (i == 0 && j == 0 && k == 0)
                {
                  VIT (i, c) = 0;
                  fwdf[c] = 0;
                  row_max = 0;
                  bp[c] = 255;
                  continue;
                }
              const float *e02 = three_ev (&th, 1, i, k);
              const float *e12 = three_ev (&th, 2, j, k);
              double best = -INFINITY;
              double terms[26];
              int nt = 0;
              int bt = 255;
              for (int t = 0; t < th.n_types; t++)
                {
                  const struct ttype *ty = &th.types[t];
                  long q = pij[ty->d[0]][ty->d[1]];
                  if (q < 0 || k < ty->d[2])
                    continue;
                  size_t k0 = k - ty->d[2];
                  if (k0 < th.tb.klo[q] || k0 > th.tb.khi[q])
                    continue;
                  size_t pc = th.tb.base[q] + k0 - th.tb.klo[q];
                  size_t i0 = i - ty->d[0];
                  double pv = VIT (i0, pc);
                  if (pv == -INFINITY)
                    continue;
                  double s = three_score (&th, i, j, k, ty, e01, e02, e12);
                  if (pv + s > best)
                    {
                      best = pv + s;
                      bt = t;
                    }
                  terms[nt++] = FWD (i0, pc) + s * inv_t;
                }
              VIT (i, c) = best;
              double f = log_sum (terms, nt);
              fwdf[c] = (float) (f - ref[i]);
              if (f > row_max)
                row_max = f;
              bp[c] = (unsigned char) bt;
            }
        }
      }
    long end = tube_cell (&th.tb, n[0], n[1], n[2]);
    /* The Viterbi path.  */
    path->n_docs = 3;
    path->n = 0;
    int fail = 0;
    if (end < 0 || fwdf[end] == -INFINITY)
      fail = 1;
    else
      {
        size_t i = n[0], j = n[1], k = n[2];
        for (;;)
          {
            size_t cut[3] = { i, j, k };
            if (path_push (path, cut) != 0)
              {
                fail = 2;
                break;
              }
            if (i == 0 && j == 0 && k == 0)
              break;
            long c = tube_cell (&th.tb, i, j, k);
            const struct ttype *ty = &th.types[bp[c]];
            i -= ty->d[0];
            j -= ty->d[1];
            k -= ty->d[2];
          }
        path_reverse (path);
      }
    if (!fail)
      {
        /* Backward, recording the posterior of the path's beads.  */
        double z = FWD (n[0], end);
        size_t t_next = path->n - 1;  /* the path cut we look for next */
        for (size_t ii = n[0] + 1; ii-- > 0;)
          for (size_t j = th.tb.jhi[ii] + 1; j-- > th.tb.jlo[ii];)
            {
              size_t ij = (size_t) tube_ij (&th.tb, ii, j);
              /* The (ii + a, j + b) entries, and their pair evidence.  */
              long sij[3][3];
              const float *s01[3][3];
              for (unsigned a = 0; a <= 2; a++)
                for (unsigned b = 0; b <= 2; b++)
                  {
                    sij[a][b] = ii + a <= n[0] && j + b <= n[1]
                                  ? tube_ij (&th.tb, ii + a, j + b) : -1;
                    s01[a][b] = sij[a][b] >= 0
                                  ? three_ev (&th, 0, ii + a, j + b) : NULL;
                  }
              for (size_t k = th.tb.khi[ij] + 1; k-- > th.tb.klo[ij];)
                {
                  size_t c = th.tb.base[ij] + k - th.tb.klo[ij];
                  double g;
                  if ((long) c == end)
                    g = 0;
                  else
                    {
                      double terms[26];
                      int nt = 0;
                      for (int t = 0; t < th.n_types; t++)
                        {
                          const struct ttype *ty = &th.types[t];
                          long q = sij[ty->d[0]][ty->d[1]];
                          size_t k2 = k + ty->d[2];
                          if (q < 0 || k2 < th.tb.klo[q] || k2 > th.tb.khi[q])
                            continue;
                          size_t c2 = th.tb.base[q] + k2 - th.tb.klo[q];
                          if (fwdf[c2] == -INFINITY)
                            continue;
                          size_t i2 = ii + ty->d[0], j2 = j + ty->d[1];
                          double s = three_score (&th, i2, j2, k2, ty,
                                                  s01[ty->d[0]][ty->d[1]],
                                                  three_ev (&th, 1, i2, k2),
                                                  three_ev (&th, 2, j2, k2));
                          terms[nt++] = BWD (i2, c2) + s * inv_t;
                        }
                      g = log_sum (terms, nt);
                    }
                  BWD (ii, c) = g;
                  /* A cut of the path: the bead that ends here.  */
                  while (t_next > 0 && path->cut[t_next][0] == ii
                         && path->cut[t_next][1] == j
                         && path->cut[t_next][2] == k)
                    {
                      size_t *pc = path->cut[t_next - 1];
                      struct ttype ty;
                      for (int q = 0; q < 3; q++)
                        ty.d[q] = (unsigned char) (path->cut[t_next][q]
                                                   - pc[q]);
                      ty.lp = 0;
                      for (int t = 0; t < th.n_types; t++)
                        if (memcmp (th.types[t].d, ty.d, 3) == 0)
                          ty.lp = th.types[t].lp;
                      double s = three_score (&th, ii, j, k, &ty,
                                              three_ev (&th, 0, ii, j),
                                              three_ev (&th, 1, ii, k),
                                              three_ev (&th, 2, j, k));
                      long c0 = tube_cell (&th.tb, pc[0], pc[1], pc[2]);
                      double post = exp (FWD (pc[0], c0) + s * inv_t + g
                                         - z);
                      path->score[t_next] = post > 1 ? 1 : post;
                      t_next--;
                    }
                }
            }
      }
#undef VIT
#undef BWD
#undef FWD
#undef ROWBASE
    free (fwdf);
    free (ref);
    free (bp);
    free (vrow);
    free (brow);
    if (fail == 2)
      goto nomem;
    if (fail)
      {
        st = tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                            _("no alignment found in the search band"));
        goto fail_three;
      }
  }
  st = TMC_OK;
  goto fail_three;

nomem_proj:
  for (int q = 0; q < 3; q++)
    band_destroy (&proj[q]);
nomem:
  st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
fail_three:
  tube_destroy (&th.tb);
  for (int q = 0; q < 3; q++)
    {
      band_destroy (&th.pc[q].band);
      free (th.pc[q].v);
      band_destroy (&th.proj[q]);
      free (th.ev[q]);
    }
  return st;

fail_paths:
  for (int q = 0; q < 3; q++)
    tmc_path_destroy (&pp[q]);
  return st;
}
