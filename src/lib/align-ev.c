/* The evidence of every bead in a band, fast.

   For each kind of evidence the target sets of each document are turned
   into postings (feature id -> the units that have it).  Then, one unit of
   A at a time, a 64-bit mask per unit b of B near it says which of the
   unit's items are in b (and another which items of b are in the unit),
   so that the evidence of a bead of one or two units on each side is a
   few ORs and popcounts.  Every (unit, unit) pair near the band is looked
   at once, whatever the bead types.  */

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "align-internal.h"
#include "internal.h"

/* The sorted (id, unit) pairs of one target set of a document, and a
   hash index from an id to the start of its run.  */
struct postings {
  uint32_t *id;
  uint32_t *unit;
  size_t n;
  uint32_t *hash;  /* run start + 1, 0 = empty; HMASK + 1 slots */
  uint32_t *hlen;  /* the length of that run */
  size_t hmask;
};

static void
postings_destroy (struct postings *p)
{
  free (p->id);
  free (p->unit);
  free (p->hash);
  free (p->hlen);
  memset (p, 0, sizeof *p);
}

/* Sort the N keys of A (with scratch B of the same size) by their upper
   32 bits, keeping the order of equal ones: three passes of 11 bits.  */
static void
radix_sort (uint64_t *a, uint64_t *b, size_t n)
{
  for (int pass = 0; pass < 3; pass++)
    {
      size_t count[2049];
      memset (count, 0, sizeof count);
      int sh = 32 + 11 * pass;
      for (size_t i = 0; i < n; i++)
        count[((a[i] >> sh) & 0x7FF) + 1]++;
      for (size_t d = 1; d <= 2048; d++)
        count[d] += count[d - 1];
      for (size_t i = 0; i < n; i++)
        b[count[(a[i] >> sh) & 0x7FF]++] = a[i];
      uint64_t *t = a;
      a = b;
      b = t;
    }
  /* After an odd number of passes the result is in the scratch.  */
  memcpy (b, a, n * sizeof *a);
}

static inline size_t
hash_slot (uint32_t id)
{
  return (size_t) (id * 2654435761u);
}

/* Index the runs of equal ids of the sorted ID[0..N): HASH[slot] is a
   run's start + 1 (0: empty), HLEN[slot] its length.  */
static int
index_build (const uint32_t *id, size_t n, uint32_t **hash, uint32_t **hlen,
             size_t *hmask)
{
  size_t distinct = 0;
  for (size_t i = 0; i < n; i++)
    distinct += i == 0 || id[i] != id[i - 1];
  size_t hcap = 16;
  while (hcap < 2 * distinct)
    hcap *= 2;
  *hash = calloc (hcap, sizeof **hash);
  *hlen = calloc (hcap, sizeof **hlen);
  if (*hash == NULL || *hlen == NULL)
    return -1;
  *hmask = hcap - 1;
  size_t h = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (i == 0 || id[i] != id[i - 1])
        {
          h = hash_slot (id[i]) & *hmask;
          while ((*hash)[h])
            h = (h + 1) & *hmask;
          (*hash)[h] = (uint32_t) i + 1;
        }
      (*hlen)[h]++;
    }
  return 0;
}

static int
postings_build (const struct tmc_feat_doc *fd, int set, struct postings *p)
{
  memset (p, 0, sizeof *p);
  size_t total = 0;
  for (size_t u = 0; u < fd->n; u++)
    total += fd->s[u].off[set + 1] - fd->s[u].off[set];
  uint64_t *keys = malloc ((total + 1) * sizeof *keys);
  uint64_t *tmp = malloc ((total + 1) * sizeof *tmp);
  if (keys == NULL || tmp == NULL)
    {
      free (keys);
      free (tmp);
      return -1;
    }
  size_t k = 0;
  for (size_t u = 0; u < fd->n; u++)
    {
      size_t n;
      const uint32_t *s = tmc_feat_set (fd, u, set, &n);
      for (size_t x = 0; x < n; x++)
        if (x == 0 || s[x] != s[x - 1])
          keys[k++] = ((uint64_t) s[x] << 32) | u;
    }
  radix_sort (keys, tmp, k);
  free (tmp);
  p->id = malloc ((k + 1) * sizeof *p->id);
  p->unit = malloc ((k + 1) * sizeof *p->unit);
  if (p->id == NULL || p->unit == NULL)
    {
      free (keys);
      postings_destroy (p);
      return -1;
    }
  for (size_t i = 0; i < k; i++)
    {
      p->id[i] = (uint32_t) (keys[i] >> 32);
      p->unit[i] = (uint32_t) keys[i];
    }
  p->n = k;
  free (keys);
  if (index_build (p->id, k, &p->hash, &p->hlen, &p->hmask) != 0)
    {
      postings_destroy (p);
      return -1;
    }
  return 0;
}

/* The range [*START, *START + *LEN) of the postings of ID.  */
static void
postings_find (const struct postings *p, uint32_t id, uint32_t *start,
               uint32_t *len)
{
  *start = 0;
  *len = 0;
  if (p->n == 0)
    return;
  size_t h = hash_slot (id) & p->hmask;
  while (p->hash[h])
    {
      uint32_t st = p->hash[h] - 1;
      if (p->id[st] == id)
        {
          *start = st;
          *len = p->hlen[h];
          return;
        }
      h = (h + 1) & p->hmask;
    }
}

/* For every item (probe) of document P, where its id is in the postings
   of the target sets of document T: RANGE[2 * pool position].  */
static uint32_t *
resolve (const struct tmc_feat_doc *p, const struct postings *tpost)
{
  size_t pool = p->n ? p->s[p->n - 1].off[TMC_SET_COUNT] : 0;
  uint32_t *r = calloc (2 * pool + 2, sizeof *r);
  if (r == NULL)
    return NULL;
  for (size_t u = 0; u < p->n; u++)
    for (int e = 0; e < TMC_EV_COUNT; e++)
      {
        int set = tmc_probe_set[e];
        for (uint32_t x = p->s[u].off[set]; x < p->s[u].off[set + 1]; x++)
          postings_find (&tpost[e], p->pool[x], &r[2 * x], &r[2 * x + 1]);
      }
  return r;
}

/* The first index in the sorted UNIT[0..N) with a value >= X.  */
static size_t
lower_bound (const uint32_t *unit, size_t n, uint32_t x)
{
  size_t lo = 0, hi = n;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (unit[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static inline unsigned
popcount64 (uint64_t m)
{
  if (m == 0)
    return 0;
  m = m - ((m >> 1) & 0x5555555555555555ull);
  m = (m & 0x3333333333333333ull) + ((m >> 2) & 0x3333333333333333ull);
  m = (m + (m >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return (unsigned) ((m * 0x0101010101010101ull) >> 56);
}

/* The masks of one unit a of A against the units b in [lo, hi] of B.  */
struct row {
  long a;         /* the unit, or -1 */
  size_t lo, hi;  /* window; empty when lo > hi */
  uint64_t (*m0)[TMC_EV_COUNT];  /* items of a found in b */
  uint64_t (*m1)[TMC_EV_COUNT];  /* items of b found in a */
  unsigned char *any;  /* bit e: some bit of kind e set in m0 or m1 of b */
};

/* The items (probes) of every unit of B by id: for each id, the units
   that have it, with the kind and bit of the item, in unit order.  */
struct probes {
  uint32_t *id;
  uint32_t *unit;
  uint16_t *kb;  /* kind << 6 | bit */
  size_t n;
  uint32_t *hash;     /* run start + 1, 0 = empty */
  uint32_t *hlen;
  size_t hmask;
};

struct engine {
  const struct tmc_scorer *sc;
  struct postings pb[TMC_EV_COUNT];
  uint32_t *ra;  /* A's items in B's postings */
  double bg_const[3][3];
  struct probes pr;  /* B's items by id */
  struct row rows[3];
  size_t row_cap;
  /* Per unit: ln of its length and of its length with the next unit's;
     the evidence of its items if none is found, when looked for in 1 or
     2 units (MISSA for A's items in B, MISSB for B's in A).  */
  double *la1, *la2, *lb1, *lb2;
  double *missa[3], *missb[3];
  /* w_hit - w_miss, by direction, kind and span.  */
  double gain[2][TMC_EV_COUNT][3];
  /* ln of the length variance by the sum of the two lengths.  */
  double *logvar;
  size_t n_logvar;
};

/* Number of items of kind E of unit U of FD (at most TMC_PROBE_MAX).  */
static inline unsigned
n_items (const struct tmc_feat_doc *fd, size_t u, int e)
{
  int set = tmc_probe_set[e];
  unsigned n = fd->s[u].off[set + 1] - fd->s[u].off[set];
  return n < TMC_PROBE_MAX ? n : TMC_PROBE_MAX;
}

static void
probes_destroy (struct probes *p)
{
  free (p->id);
  free (p->unit);
  free (p->kb);
  free (p->hash);
  free (p->hlen);
  memset (p, 0, sizeof *p);
}

static int
probes_build (const struct tmc_feat_doc *fd, struct probes *p)
{
  memset (p, 0, sizeof *p);
  size_t total = 0;
  for (size_t u = 0; u < fd->n; u++)
    for (int e = 0; e < TMC_EV_COUNT; e++)
      total += n_items (fd, u, e);
  uint64_t *keys = malloc ((total + 1) * sizeof *keys);
  uint64_t *tmp = malloc ((total + 1) * sizeof *tmp);
  uint32_t *unit = malloc ((total + 1) * sizeof *unit);
  uint16_t *kb = malloc ((total + 1) * sizeof *kb);
  p->id = malloc ((total + 1) * sizeof *p->id);
  p->unit = malloc ((total + 1) * sizeof *p->unit);
  p->kb = malloc ((total + 1) * sizeof *p->kb);
  if (!keys || !tmp || !unit || !kb || !p->id || !p->unit || !p->kb)
    {
      free (keys);
      free (tmp);
      free (unit);
      free (kb);
      probes_destroy (p);
      return -1;
    }
  size_t k = 0;
  for (size_t u = 0; u < fd->n; u++)
    for (int e = 0; e < TMC_EV_COUNT; e++)
      {
        const uint32_t *v = fd->pool + fd->s[u].off[tmc_probe_set[e]];
        unsigned ni = n_items (fd, u, e);
        for (unsigned b = 0; b < ni; b++)
          {
            keys[k] = ((uint64_t) v[b] << 32) | k;
            unit[k] = (uint32_t) u;
            kb[k] = (uint16_t) (e << 6 | b);
            k++;
          }
      }
  radix_sort (keys, tmp, k);
  free (tmp);
  for (size_t i = 0; i < k; i++)
    {
      uint32_t src = (uint32_t) keys[i];
      p->id[i] = (uint32_t) (keys[i] >> 32);
      p->unit[i] = unit[src];
      p->kb[i] = kb[src];
    }
  p->n = k;
  free (keys);
  free (unit);
  free (kb);
  if (index_build (p->id, k, &p->hash, &p->hlen, &p->hmask) != 0)
    {
      probes_destroy (p);
      return -1;
    }
  return 0;
}

static void
fill_row (struct engine *en, struct row *r, size_t a, size_t lo, size_t hi)
{
  const struct tmc_feat_doc *A = en->sc->A;
  r->a = (long) a;
  r->lo = lo;
  r->hi = hi;
  if (lo > hi)
    return;
  size_t w = hi - lo + 1;
  memset (r->m0, 0, w * sizeof *r->m0);
  memset (r->m1, 0, w * sizeof *r->m1);
  memset (r->any, 0, w);
  for (int e = 0; e < TMC_EV_COUNT; e++)
    {
      /* Items of a: walk their postings in B inside the window.  */
      int set = tmc_probe_set[e];
      uint32_t x0 = A->s[a].off[set];
      unsigned np = n_items (A, a, e);
      const struct postings *pb = &en->pb[e];
      for (unsigned p = 0; p < np; p++)
        {
          uint32_t st = en->ra[2 * (x0 + p)], ln = en->ra[2 * (x0 + p) + 1];
          if (ln == 0)
            continue;
          const uint32_t *units = pb->unit + st;
          size_t k = ln > 8 ? lower_bound (units, ln, (uint32_t) lo) : 0;
          for (; k < ln && units[k] <= hi; k++)
            if (units[k] >= lo)
              {
                r->m0[units[k] - lo][e] |= (uint64_t) 1 << p;
                r->any[units[k] - lo] |= (unsigned char) (1u << e);
              }
        }
    }
  /* Items of the b: look each target id of a up among them.  */
  static const int tsets[] = {
    TMC_SET_NUM, TMC_SET_PUNCT, TMC_SET_LEX, TMC_SET_SKEL, TMC_SET_TOK
  };
  const struct probes *pr = &en->pr;
  for (size_t k = 0; k < TMC_ARRAY_SIZE (tsets); k++)
    {
      size_t nt;
      const uint32_t *t = tmc_feat_set (A, a, tsets[k], &nt);
      for (size_t x = 0; x < nt; x++)
        {
          if (x > 0 && t[x] == t[x - 1])
            continue;
          size_t h = hash_slot (t[x]) & pr->hmask;
          while (pr->hash[h] && pr->id[pr->hash[h] - 1] != t[x])
            h = (h + 1) & pr->hmask;
          if (!pr->hash[h])
            continue;
          uint32_t st = pr->hash[h] - 1, ln = pr->hlen[h];
          const uint32_t *units = pr->unit + st;
          size_t q = ln > 8 ? lower_bound (units, ln, (uint32_t) lo) : 0;
          for (; q < ln && units[q] <= hi; q++)
            if (units[q] >= lo)
              {
                unsigned kb = pr->kb[st + q];
                r->m1[units[q] - lo][kb >> 6] |= (uint64_t) 1 << (kb & 63);
                r->any[units[q] - lo] |= (unsigned char) (1u << (kb >> 6));
              }
        }
    }
}

static const struct row *
get_row (struct engine *en, size_t a)
{
  return &en->rows[a % 3];
}

/* The mask entry of units (a, b), which must be in a's window.  */
static inline const uint64_t *
m0_of (const struct row *r, size_t b)
{
  return r->m0[b - r->lo];
}

static inline const uint64_t *
m1_of (const struct row *r, size_t b)
{
  return r->m1[b - r->lo];
}

static double
bead_evidence (const struct engine *en, size_t i, size_t j, unsigned di,
               unsigned dj)
{
  const struct tmc_scorer *sc = en->sc;
  const struct tmc_feat_doc *A = sc->A, *B = sc->B;
  /* Lengths (tmc_scorer_length with the logarithms looked up).  */
  size_t ia = i - di, jb = j - dj;
  double lx = A->s[ia].len + (di == 2 ? A->s[ia + 1].len : 0);
  double ly = B->s[jb].len + (dj == 2 ? B->s[jb + 1].len : 0);
  double la = di == 2 ? en->la2[ia] : en->la1[ia];
  double lb = dj == 2 ? en->lb2[jb] : en->lb1[jb];
  if (lx < 1)
    lx = 1;
  if (ly < 1)
    ly = 1;
  size_t sum = (size_t) (lx + ly);
  double var = sc->var0 + sc->var1 / (0.5 * (lx + ly));
  double lvar = sum < en->n_logvar ? en->logvar[sum] : log (var);
  double z = lb - la - sc->mu;
  double za = (la - sc->bgA_m[di]) / sc->bgA_s[di];
  double zb = (lb - sc->bgB_m[dj]) / sc->bgB_s[dj];
  double s = -0.5 * z * z / var - 0.5 * lvar
             + 0.25 * (za * za + zb * zb) + en->bg_const[di][dj];
  /* Items: all missing, then the found ones.  */
  s += en->missa[dj][ia] + (di == 2 ? en->missa[dj][ia + 1] : 0);
  s += en->missb[di][jb] + (dj == 2 ? en->missb[di][jb + 1] : 0);
  const struct row *r1 = get_row ((struct engine *) en, i - 1);
  const struct row *r2 = di == 2 ? get_row ((struct engine *) en, i - 2)
                                 : NULL;
  /* The kinds with something found in some pair of units (none: all
     items are missing).  */
  unsigned kinds = r1->any[j - 1 - r1->lo];
  if (dj == 2)
    kinds |= r1->any[j - 2 - r1->lo];
  if (r2)
    {
      kinds |= r2->any[j - 1 - r2->lo];
      if (dj == 2)
        kinds |= r2->any[j - 2 - r2->lo];
    }
  if (kinds == 0)
    return tmc_scorer_floor (sc, s);
  const uint64_t *a1b1 = m0_of (r1, j - 1), *a1b2 = NULL;
  const uint64_t *c1b1 = m1_of (r1, j - 1), *c1b2 = NULL;
  if (dj == 2)
    {
      a1b2 = m0_of (r1, j - 2);
      c1b2 = m1_of (r1, j - 2);
    }
  const uint64_t *a2b1 = NULL, *a2b2 = NULL, *c2b1 = NULL, *c2b2 = NULL;
  if (r2)
    {
      a2b1 = m0_of (r2, j - 1);
      c2b1 = m1_of (r2, j - 1);
      if (dj == 2)
        {
          a2b2 = m0_of (r2, j - 2);
          c2b2 = m1_of (r2, j - 2);
        }
    }
  for (int e = 0; e < TMC_EV_COUNT; e++)
    {
      if (!(kinds & (1u << e)))
        continue;
      /* Direction 0: items of the A units, looked for in the B units.  */
      uint64_t m = a1b1[e] | (a1b2 ? a1b2[e] : 0);
      unsigned found = popcount64 (m);
      if (r2)
        found += popcount64 (a2b1[e] | (a2b2 ? a2b2[e] : 0));
      /* Direction 1: items of the B units, looked for in the A units.  */
      unsigned found1 = popcount64 (c1b1[e] | (c2b1 ? c2b1[e] : 0));
      if (dj == 2)
        found1 += popcount64 (c1b2[e] | (c2b2 ? c2b2[e] : 0));
      s += found * en->gain[0][e][dj] + found1 * en->gain[1][e][di];
    }
  return tmc_scorer_floor (sc, s);
}

/* Per-unit tables of EN for documents A and B.  */
static int
engine_tables (struct engine *en)
{
  const struct tmc_scorer *sc = en->sc;
  const struct tmc_feat_doc *A = sc->A, *B = sc->B;
  size_t na = A->n + 1, nb = B->n + 1;
  en->la1 = malloc (na * sizeof (double));
  en->la2 = malloc (na * sizeof (double));
  en->lb1 = malloc (nb * sizeof (double));
  en->lb2 = malloc (nb * sizeof (double));
  for (int k = 1; k <= 2; k++)
    {
      en->missa[k] = malloc (na * sizeof (double));
      en->missb[k] = malloc (nb * sizeof (double));
      if (!en->missa[k] || !en->missb[k])
        return -1;
    }
  en->n_logvar = 8192;
  en->logvar = malloc (en->n_logvar * sizeof (double));
  if (!en->la1 || !en->la2 || !en->lb1 || !en->lb2 || !en->logvar)
    return -1;
  for (size_t x = 0; x < en->n_logvar; x++)
    {
      double sum = x < 2 ? 2 : (double) x;
      en->logvar[x] = log (sc->var0 + sc->var1 / (0.5 * sum));
    }
  for (int d = 0; d < 2; d++)
    for (int e = 0; e < TMC_EV_COUNT; e++)
      for (int k = 1; k <= 2; k++)
        en->gain[d][e][k] = sc->w_hit[d][e][k] - sc->w_miss[d][e][k];
  for (unsigned di = 1; di <= 2; di++)
    for (unsigned dj = 1; dj <= 2; dj++)
      en->bg_const[di][dj] = 0.5 * (log (sc->bgA_s[di])
                                    + log (sc->bgB_s[dj]));
  for (int side = 0; side < 2; side++)
    {
      const struct tmc_feat_doc *fd = side ? B : A;
      double *l1 = side ? en->lb1 : en->la1, *l2 = side ? en->lb2 : en->la2;
      for (size_t u = 0; u < fd->n; u++)
        {
          double a = fd->s[u].len < 1 ? 1 : fd->s[u].len;
          double b = u + 1 < fd->n ? a + fd->s[u + 1].len : a;
          l1[u] = log (a);
          l2[u] = log (b);
          for (int k = 1; k <= 2; k++)
            {
              double m = 0;
              for (int e = 0; e < TMC_EV_COUNT; e++)
                m += n_items (fd, u, e) * sc->w_miss[side][e][k];
              (side ? en->missb : en->missa)[k][u] = m;
            }
        }
    }
  return 0;
}

/* The window of units b that the beads ending at cut rows a + 1 and
   a + 2 use with unit a.  */
static void
window (const struct tmc_band *band, size_t a, size_t *lo, size_t *hi)
{
  size_t l = SIZE_MAX, h = 0;
  for (size_t i = a + 1; i <= a + 2 && i <= band->n; i++)
    {
      if (band->hi[i] < 1 || band->lo[i] > band->hi[i])
        continue;
      size_t x = band->lo[i] >= 2 ? band->lo[i] - 2 : 0;
      size_t y = band->hi[i] - 1;
      if (x < l)
        l = x;
      if (y > h)
        h = y;
    }
  if (band->m == 0 || l == SIZE_MAX)
    {
      *lo = 1;
      *hi = 0;
      return;
    }
  if (h >= band->m)
    h = band->m - 1;
  *lo = l;
  *hi = h;
}

/* A share of the rows of a band, for one thread.  */
struct job {
  struct engine en;       /* a copy: its own rows and id set */
  const struct tmc_band *band;
  float *out;
  size_t i0, i1;          /* cut rows [i0, i1) */
  int skip22;
  int ok;
};

static void *
run_rows (void *arg)
{
  struct job *jb = arg;
  struct engine *en = &jb->en;
  const struct tmc_band *band = jb->band;
  /* Unit i0 - 2 was filled by the rows before this share.  */
  if (jb->i0 >= 2)
    {
      size_t lo, hi;
      window (band, jb->i0 - 2, &lo, &hi);
      fill_row (en, &en->rows[(jb->i0 - 2) % 3], jb->i0 - 2, lo, hi);
    }
  for (size_t i = jb->i0; i < jb->i1; i++)
    {
      size_t lo, hi;
      window (band, i - 1, &lo, &hi);
      fill_row (en, &en->rows[(i - 1) % 3], i - 1, lo, hi);
      for (size_t j = band->lo[i]; j <= band->hi[i]; j++)
        {
          if (j == 0)
            continue;
          size_t c = (size_t) tmc_band_cell (band, i, j);
          for (unsigned di = 1; di <= 2 && di <= i; di++)
            for (unsigned dj = 1; dj <= 2 && dj <= j; dj++)
              if (!(jb->skip22 && di == 2 && dj == 2))
                jb->out[4 * c + (di - 1) + 2 * (dj - 1)]
                  = (float) bead_evidence (en, i, j, di, dj);
        }
    }
  return NULL;
}

/* Rows of the band for one thread at least (fewer are not worth one).  */
#define ROWS_PER_THREAD 1500
#define MAX_THREADS 8

enum tmc_status
tmc_band_evidence (const struct tmc_scorer *sc, const struct tmc_band *band,
                   float *out, unsigned threads, int skip22,
                   struct tmc_error *err)
{
  /* The engine holds an id set of a few pages: not on the stack.  */
  struct engine *en = calloc (1, sizeof *en);
  struct job *jobs = NULL;
  if (en == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  en->sc = sc;
  int ok = 1;
  for (int e = 0; e < TMC_EV_COUNT && ok; e++)
    ok = postings_build (sc->B, tmc_target_set[e], &en->pb[e]) == 0;
  ok = ok && probes_build (sc->B, &en->pr) == 0;
  if (ok)
    {
      en->ra = resolve (sc->A, en->pb);
      ok = en->ra != NULL && engine_tables (en) == 0;
    }
  /* Room for the widest window.  */
  size_t wmax = 1;
  for (size_t a = 0; a < band->n; a++)
    {
      size_t lo, hi;
      window (band, a, &lo, &hi);
      if (lo <= hi && hi - lo + 1 > wmax)
        wmax = hi - lo + 1;
    }
  size_t nt = threads > 1 ? threads : 1;
  if (nt > MAX_THREADS)
    nt = MAX_THREADS;
  if (nt > band->n / ROWS_PER_THREAD)
    nt = band->n / ROWS_PER_THREAD > 1 ? band->n / ROWS_PER_THREAD : 1;
  if (ok)
    {
      jobs = calloc (nt, sizeof *jobs);
      ok = jobs != NULL;
    }
  for (size_t t = 0; ok && t < nt; t++)
    {
      jobs[t].en = *en;
      jobs[t].band = band;
      jobs[t].out = out;
      jobs[t].skip22 = skip22;
      jobs[t].i0 = 1 + band->n * t / nt;
      jobs[t].i1 = 1 + band->n * (t + 1) / nt;
      for (int r = 0; r < 3 && ok; r++)
        {
          struct row *rw = &jobs[t].en.rows[r];
          rw->a = -1;
          rw->m0 = malloc (wmax * sizeof *rw->m0);
          rw->m1 = malloc (wmax * sizeof *rw->m1);
          rw->any = malloc (wmax);
          ok = rw->m0 && rw->m1 && rw->any;
        }
    }
  if (ok)
    {
      for (size_t c = 0; c < band->cells * 4; c++)
        out[c] = NAN;
      pthread_t tid[MAX_THREADS];
      int started[MAX_THREADS] = { 0 };
      for (size_t t = 1; t < nt; t++)
        started[t] = pthread_create (&tid[t], NULL, run_rows, &jobs[t]) == 0;
      run_rows (&jobs[0]);
      for (size_t t = 1; t < nt; t++)
        if (started[t])
          pthread_join (tid[t], NULL);
        else
          run_rows (&jobs[t]);
    }
  for (int e = 0; e < TMC_EV_COUNT; e++)
    postings_destroy (&en->pb[e]);
  probes_destroy (&en->pr);
  free (en->ra);
  free (en->la1);
  free (en->la2);
  free (en->lb1);
  free (en->lb2);
  free (en->logvar);
  for (int k = 1; k <= 2; k++)
    {
      free (en->missa[k]);
      free (en->missb[k]);
    }
  for (size_t t = 0; jobs && t < nt; t++)
    for (int r = 0; r < 3; r++)
      {
        free (jobs[t].en.rows[r].m0);
        free (jobs[t].en.rows[r].m1);
        free (jobs[t].en.rows[r].any);
      }
  free (jobs);
  free (en);
  if (!ok)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  return TMC_OK;
}
