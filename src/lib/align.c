/* Sentence alignment: the public API (align.h).  */

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align-internal.h"
#include "buf.h"
#include "internal.h"
#include "tmconv/tmx.h"

void
tmc_alignment_free (struct tmc_alignment *a)
{
  if (a == NULL)
    return;
  free (a->beads);
  free (a);
}

static struct tmc_alignment *
alignment_new (size_t n_docs, size_t n_beads)
{
  struct tmc_alignment *a = calloc (1, sizeof *a);
  if (a == NULL)
    return NULL;
  a->n_docs = n_docs;
  a->beads = calloc (n_beads ? n_beads : 1, sizeof *a->beads);
  if (a->beads == NULL)
    {
      free (a);
      return NULL;
    }
  return a;
}

static int
alignment_push (struct tmc_alignment *a, size_t *cap,
                const struct tmc_bead *b)
{
  if (tmc_grow ((void **) &a->beads, cap, a->n_beads + 1, sizeof *a->beads)
      != 0)
    return -1;
  a->beads[a->n_beads++] = *b;
  return 0;
}

/* ---- Parameters ---------------------------------------------------------- */

void
tmc_align_params_init (struct tmc_align_params *p)
{
  memset (p, 0, sizeof *p);
  tmc_align_params_builtin (p);
  p->band = 6;
  p->tube = 2;
  p->full_grid = 250000;
  p->threads = 1;
  p->pivot = 0;
  p->lexicon = NULL;
  p->use_lexicon = 1;
  p->warn = NULL;
}

/* ---- Alignment ---------------------------------------------------------- */

static struct tmc_alignment *
path_to_alignment (const struct tmc_path *path, size_t n_docs)
{
  struct tmc_alignment *a = alignment_new (n_docs, path->n);
  if (a == NULL)
    return NULL;
  for (size_t t = 1; t < path->n; t++)
    {
      struct tmc_bead *b = &a->beads[a->n_beads++];
      for (size_t d = 0; d < n_docs; d++)
        {
          b->start[d] = path->cut[t - 1][d];
          b->len[d] = path->cut[t][d] - path->cut[t - 1][d];
        }
      b->score = path->score[t];
    }
  return a;
}

/* Join the pairwise alignments PX (documents P, X) and PY (P, Y) on the
   sentences of P into a 3-way alignment of documents (0, 1, 2) with P, X,
   Y at positions IP, IX, IY.  */
static struct tmc_alignment *
pivot_join (const struct tmc_alignment *px, const struct tmc_alignment *py,
            int ip, int ix, int iy)
{
  struct tmc_alignment *a = alignment_new (3, px->n_beads + py->n_beads);
  if (a == NULL)
    return NULL;
  size_t cap = px->n_beads + py->n_beads;
  if (cap == 0)
    cap = 1;
  size_t ia = 0, ib = 0;
  size_t xpos = 0, ypos = 0, ppos = 0;
  while (ia < px->n_beads || ib < py->n_beads)
    {
      const struct tmc_bead *ba = ia < px->n_beads ? &px->beads[ia] : NULL;
      const struct tmc_bead *bb = ib < py->n_beads ? &py->beads[ib] : NULL;
      struct tmc_bead out;
      memset (&out, 0, sizeof out);
      out.start[ip] = ppos;
      out.start[ix] = xpos;
      out.start[iy] = ypos;
      out.score = 1;
      if (ba && ba->len[0] == 0)
        {
          out.len[ix] = ba->len[1];
          out.score = ba->score;
          ia++;
          if (bb && bb->len[0] == 0)
            {
              out.len[iy] = bb->len[1];
              if (bb->score < out.score)
                out.score = bb->score;
              ib++;
            }
        }
      else if (bb && bb->len[0] == 0)
        {
          out.len[iy] = bb->len[1];
          out.score = bb->score;
          ib++;
        }
      else if (ba && bb)
        {
          size_t end_a = ba->start[0] + ba->len[0];
          size_t end_b = bb->start[0] + bb->len[0];
          out.len[ix] = ba->len[1];
          out.len[iy] = bb->len[1];
          out.score = ba->score < bb->score ? ba->score : bb->score;
          ia++;
          ib++;
          while (end_a != end_b)
            {
              const struct tmc_bead *n;
              if (end_a < end_b && ia < px->n_beads)
                {
                  n = &px->beads[ia++];
                  end_a = n->start[0] + n->len[0];
                  out.len[ix] += n->len[1];
                }
              else if (end_b < end_a && ib < py->n_beads)
                {
                  n = &py->beads[ib++];
                  end_b = n->start[0] + n->len[0];
                  out.len[iy] += n->len[1];
                }
              else
                break;
              if (n->score < out.score)
                out.score = n->score;
            }
          out.len[ip] = end_a - ppos;
        }
      else
        {
          /* Only one alignment has beads left: they cover no sentence of
             P (both cover all of P).  */
          const struct tmc_bead *r = ba ? ba : bb;
          out.len[ba ? ix : iy] = r->len[1];
          out.score = r->score;
          if (ba)
            ia++;
          else
            ib++;
        }
      ppos += out.len[ip];
      xpos += out.len[ix];
      ypos += out.len[iy];
      if (alignment_push (a, &cap, &out) != 0)
        {
          tmc_alignment_free (a);
          return NULL;
        }
    }
  return a;
}

/* Append the cut C to PATH (with score 1).  Returns 0, or -1 when out
   of memory.  */
static int
path_push_cut (struct tmc_path *path, const size_t *c)
{
  if (path->n == path->cap)
    {
      size_t cap = path->cap, cap2 = path->cap;
      if (tmc_grow ((void **) &path->cut, &cap, path->n + 1,
                    sizeof *path->cut) != 0
          || tmc_grow ((void **) &path->score, &cap2, cap,
                       sizeof *path->score) != 0)
        return -1;
      path->cap = cap;
    }
  memcpy (path->cut[path->n], c, sizeof path->cut[path->n]);
  path->score[path->n] = 1;
  path->n++;
  return 0;
}

static size_t
doc_chars (const struct tmc_feat_doc *fd)
{
  size_t c = 0;
  for (size_t i = 0; i < fd->n; i++)
    c += fd->s[i].len;
  return c;
}

/* Building the evidence of one document, as a task.  */
struct build_task {
  const struct tmc_doc *doc;
  int lang;
  const struct tmc_lexicon *lex;
  struct tmc_feat_doc *fd;
  enum tmc_status st;
  struct tmc_error err;
};

static void
build_task_run (void *arg)
{
  struct build_task *t = arg;
  t->st = tmc_feat_doc_build (t->doc, t->lang, t->lex, t->fd, &t->err);
}

enum tmc_status
tmc_align (const struct tmc_doc *const *docs, size_t n_docs,
           const struct tmc_align_params *params, struct tmc_alignment **out,
           struct tmc_error *err)
{
  *out = NULL;
  struct tmc_align_params defaults;
  if (params == NULL)
    {
      tmc_align_params_init (&defaults);
      params = &defaults;
    }
  if (n_docs < 2 || n_docs > 3)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("alignment needs 2 or 3 documents, not %zu"),
                          n_docs);
  int lang[3];
  for (size_t d = 0; d < n_docs; d++)
    {
      lang[d] = tmc_al_lang_index (docs[d]->lang);
      if (lang[d] < 0)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, docs[d]->name, 0, 0,
                              _("unknown language '%s': the aligner knows "
                                "az, fa and en"),
                              docs[d]->lang);
      for (size_t e = 0; e < d; e++)
        if (lang[e] == lang[d])
          return tmc_error_set (err, TMC_ERR_INVALID_ARG, docs[d]->name, 0,
                                0, _("two documents in the same language "
                                     "'%s'"),
                                tmc_al_lang_code (lang[d]));
    }
  const struct tmc_lexicon *lex = NULL;
  if (params->use_lexicon)
    {
      lex = params->lexicon ? params->lexicon : tmc_lexicon_builtin ();
      if (lex == NULL)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
    }
  struct tmc_feat_doc fd[3];
  memset (fd, 0, sizeof fd);
  enum tmc_status st = TMC_OK;
  {
    struct build_task bt[3];
    void *args[3];
    for (size_t d = 0; d < n_docs; d++)
      {
        bt[d].doc = docs[d];
        bt[d].lang = lang[d];
        bt[d].lex = lex;
        bt[d].fd = &fd[d];
        args[d] = &bt[d];
      }
    tmc_run_tasks (build_task_run, args, n_docs, params->threads);
    for (size_t d = 0; d < n_docs && st == TMC_OK; d++)
      if (bt[d].st != TMC_OK)
        {
          st = bt[d].st;
          if (err)
            *err = bt[d].err;
        }
  }
  if (st != TMC_OK)
    goto done;

  /* Warnings: an empty document; very different lengths.  */
  {
    size_t chars[3], max_d = 0, min_d = 0;
    for (size_t d = 0; d < n_docs; d++)
      {
        chars[d] = doc_chars (&fd[d]);
        if (docs[d]->n_sent == 0)
          tmc_warn (params->warn, docs[d]->name, 0, 0,
                    _("document has no sentences: every sentence of the "
                      "other versions is left unaligned"));
        if (chars[d] > chars[max_d])
          max_d = d;
        if (chars[d] < chars[min_d])
          min_d = d;
      }
    if (chars[min_d] > 0 && (double) chars[max_d] > 3.0 * chars[min_d])
      tmc_warn (params->warn, docs[max_d]->name, 0, 0,
                _("versions differ much in length (%zu characters here, "
                  "%zu in %s): they may not be translations of each "
                  "other; expect low scores"),
                chars[max_d], chars[min_d],
                docs[min_d]->name ? docs[min_d]->name : docs[min_d]->lang);
  }

  struct tmc_path path;
  memset (&path, 0, sizeof path);
  size_t n_empty = 0, nonempty[3];
  for (size_t d = 0; d < n_docs; d++)
    if (docs[d]->n_sent == 0)
      n_empty++;
    else
      nonempty[d - n_empty] = d;
  if (n_docs == 3 && n_empty > 0)
    {
      /* An empty version carries no evidence: align the others (or
         list the sentences of the one left) and give the empty one no
         sentence in any bead.  */
      if (n_empty == 1)
        st = tmc_dp_pair (&fd[nonempty[0]], &fd[nonempty[1]], params, 1,
                          &path, err);
      else
        {
          path.n_docs = 2;
          size_t zero[3] = { 0, 0, 0 };
          int bad = path_push_cut (&path, zero);
          for (size_t i = 1; n_empty == 2 && i <= docs[nonempty[0]]->n_sent
                             && !bad; i++)
            {
              size_t c[3] = { i, 0, 0 };
              bad = path_push_cut (&path, c);
            }
          if (bad)
            st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                _("out of memory"));
        }
      if (st == TMC_OK)
        {
          /* Lift the path to the three documents.  */
          struct tmc_alignment *a2 = path_to_alignment (&path, 2);
          *out = a2 ? alignment_new (3, a2->n_beads) : NULL;
          if (*out == NULL)
            st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                _("out of memory"));
          for (size_t k = 0; st == TMC_OK && k < a2->n_beads; k++)
            {
              struct tmc_bead *b = &(*out)->beads[k];
              memset (b, 0, sizeof *b);
              for (size_t q = 0; q < 3 - n_empty; q++)
                {
                  b->start[nonempty[q]] = a2->beads[k].start[q];
                  b->len[nonempty[q]] = a2->beads[k].len[q];
                }
              b->score = a2->beads[k].score;
              (*out)->n_beads++;
            }
          tmc_alignment_free (a2);
        }
    }
  else if (n_docs == 2)
    {
      st = tmc_dp_pair (&fd[0], &fd[1], params, 1, &path, err);
      if (st == TMC_OK && (*out = path_to_alignment (&path, 2)) == NULL)
        st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  else if (docs[0]->n_sent + docs[1]->n_sent + docs[2]->n_sent == 0)
    {
      /* Three empty documents: no bead (the search finds no path).  */
      if ((*out = path_to_alignment (&path, 3)) == NULL)
        st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  else if (params->pivot >= 1 && params->pivot <= 3)
    {
      int ip = params->pivot - 1;
      int ix = ip == 0 ? 1 : 0;
      int iy = ip == 2 ? 1 : 2;
      struct tmc_path p1, p2;
      memset (&p1, 0, sizeof p1);
      memset (&p2, 0, sizeof p2);
      st = tmc_dp_pair (&fd[ip], &fd[ix], params, 1, &p1, err);
      if (st == TMC_OK)
        st = tmc_dp_pair (&fd[ip], &fd[iy], params, 1, &p2, err);
      struct tmc_alignment *a1 = NULL, *a2 = NULL;
      if (st == TMC_OK)
        {
          a1 = path_to_alignment (&p1, 2);
          a2 = path_to_alignment (&p2, 2);
          if (a1 && a2)
            *out = pivot_join (a1, a2, ip, ix, iy);
          if (*out == NULL)
            st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                _("out of memory"));
        }
      tmc_alignment_free (a1);
      tmc_alignment_free (a2);
      tmc_path_destroy (&p1);
      tmc_path_destroy (&p2);
    }
  else
    {
      const struct tmc_feat_doc *fp[3] = { &fd[0], &fd[1], &fd[2] };
      st = tmc_dp_three (fp, params, &path, err);
      if (st == TMC_OK && (*out = path_to_alignment (&path, 3)) == NULL)
        st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  tmc_path_destroy (&path);
done:
  for (size_t d = 0; d < 3; d++)
    tmc_feat_doc_destroy (&fd[d]);
  return st;
}

/* ---- Projection onto a pair ---------------------------------------------- */

enum tmc_status
tmc_align_project (const struct tmc_doc *const *docs,
                   const struct tmc_alignment *align, size_t a, size_t b,
                   const struct tmc_align_params *params,
                   struct tmc_alignment **out, struct tmc_error *err)
{
  *out = NULL;
  if (a >= align->n_docs || b >= align->n_docs || a == b)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("no such pair of documents"));
  struct tmc_align_params defaults;
  if (params == NULL)
    {
      tmc_align_params_init (&defaults);
      params = &defaults;
    }
  int la = tmc_al_lang_index (docs[a]->lang);
  int lb = tmc_al_lang_index (docs[b]->lang);
  if (la < 0 || lb < 0 || la == lb)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("no such pair of documents"));
  const struct tmc_lexicon *lex = NULL;
  if (params->use_lexicon)
    lex = params->lexicon ? params->lexicon : tmc_lexicon_builtin ();
  struct tmc_feat_doc fa, fb;
  enum tmc_status st = tmc_feat_doc_build (docs[a], la, lex, &fa, err);
  if (st != TMC_OK)
    return st;
  st = tmc_feat_doc_build (docs[b], lb, lex, &fb, err);
  if (st != TMC_OK)
    {
      tmc_feat_doc_destroy (&fa);
      return st;
    }
  struct tmc_alignment *r = alignment_new (2, align->n_beads);
  size_t cap = align->n_beads ? align->n_beads : 1;
  if (r == NULL)
    goto nomem;
  for (size_t k = 0; k < align->n_beads; k++)
    {
      const struct tmc_bead *bd = &align->beads[k];
      size_t na = bd->len[a], nb = bd->len[b];
      if (na == 0 && nb == 0)
        continue;
      struct tmc_bead pb;
      memset (&pb, 0, sizeof pb);
      pb.start[0] = bd->start[a];
      pb.start[1] = bd->start[b];
      pb.score = bd->score;
      if (na < 2 || nb < 2 || docs[a]->n_sent == 0)
        {
          pb.len[0] = na;
          pb.len[1] = nb;
          if (alignment_push (r, &cap, &pb) != 0)
            goto nomem;
          continue;
        }
      /* Both sides have several sentences: align them inside the bead,
         and keep that when the pair has them in order one to one.  */
      struct tmc_feat_doc sa = fa, sb = fb;
      sa.s = fa.s + bd->start[a];
      sa.n = na;
      sb.s = fb.s + bd->start[b];
      sb.n = nb;
      struct tmc_path sub;
      memset (&sub, 0, sizeof sub);
      struct tmc_align_params p2 = *params;
      p2.para_penalty = 0;
      st = tmc_dp_pair (&sa, &sb, &p2, 1, &sub, err);
      if (st != TMC_OK)
        {
          tmc_path_destroy (&sub);
          goto fail;
        }
      int split_ok = 1;
      for (size_t t = 1; t < sub.n; t++)
        if (sub.cut[t][0] == sub.cut[t - 1][0]
            || sub.cut[t][1] == sub.cut[t - 1][1])
          split_ok = 0;
      if (!split_ok || sub.n <= 2)
        {
          pb.len[0] = na;
          pb.len[1] = nb;
          if (alignment_push (r, &cap, &pb) != 0)
            {
              tmc_path_destroy (&sub);
              goto nomem;
            }
        }
      else
        for (size_t t = 1; t < sub.n; t++)
          {
            pb.start[0] = bd->start[a] + sub.cut[t - 1][0];
            pb.start[1] = bd->start[b] + sub.cut[t - 1][1];
            pb.len[0] = sub.cut[t][0] - sub.cut[t - 1][0];
            pb.len[1] = sub.cut[t][1] - sub.cut[t - 1][1];
            pb.score = bd->score * sub.score[t];
            if (alignment_push (r, &cap, &pb) != 0)
              {
                tmc_path_destroy (&sub);
                goto nomem;
              }
          }
      tmc_path_destroy (&sub);
    }
  tmc_feat_doc_destroy (&fa);
  tmc_feat_doc_destroy (&fb);
  *out = r;
  return TMC_OK;

nomem:
  st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
fail:
  tmc_alignment_free (r);
  tmc_feat_doc_destroy (&fa);
  tmc_feat_doc_destroy (&fb);
  return st;
}

/* ---- Beads files ---------------------------------------------------------- */

enum tmc_status
tmc_alignment_write_beads (const struct tmc_alignment *align, FILE *fp,
                           struct tmc_error *err)
{
  for (size_t k = 0; k < align->n_beads; k++)
    {
      const struct tmc_bead *b = &align->beads[k];
      for (size_t d = 0; d < align->n_docs; d++)
        {
          if (d > 0)
            fputc (':', fp);
          fputc ('[', fp);
          for (size_t i = 0; i < b->len[d]; i++)
            fprintf (fp, i ? ",%zu" : "%zu", b->start[d] + i);
          fputc (']', fp);
        }
      fprintf (fp, "\t%.3f\n", b->score);
    }
  if (ferror (fp))
    return tmc_error_set_errno (err, errno, NULL, _("write error"));
  return TMC_OK;
}

enum tmc_status
tmc_alignment_read_beads (const char *name, const char *text,
                          size_t text_len, size_t n_docs,
                          const size_t *n_sent, struct tmc_alignment **out,
                          struct tmc_error *err)
{
  *out = NULL;
  if (n_docs < 2 || n_docs > TMC_ALIGN_MAX_DOCS)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, name, 0, 0,
                          _("alignment needs 2 or 3 documents, not %zu"),
                          n_docs);
  struct tmc_alignment *a = alignment_new (n_docs, 16);
  if (a == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0, _("out of memory"));
  size_t cap = 16;
  size_t next[TMC_ALIGN_MAX_DOCS] = { 0, 0, 0 };
  unsigned long line = 0;
  size_t pos = 0;
  while (pos < text_len)
    {
      const char *nl = memchr (text + pos, '\n', text_len - pos);
      size_t end = nl ? (size_t) (nl - text) : text_len;
      const char *s = text + pos, *e = text + end;
      pos = end + 1;
      line++;
      while (s < e && (*s == ' ' || *s == '\r'))
        s++;
      while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
        e--;
      if (s == e)
        continue;
      struct tmc_bead b;
      memset (&b, 0, sizeof b);
      b.score = 1;
      const char *p = s;
      for (size_t d = 0; d < n_docs; d++)
        {
          if (d > 0)
            {
              if (p >= e || *p != ':')
                goto syntax;
              p++;
            }
          if (p >= e || *p != '[')
            goto syntax;
          p++;
          b.start[d] = next[d];
          while (p < e && *p == ' ')
            p++;
          while (p < e && *p != ']')
            {
              char *q;
              errno = 0;
              unsigned long long v = strtoull (p, &q, 10);
              if (q == p || errno != 0 || q > e)
                goto syntax;
              if (v != next[d] || v >= n_sent[d])
                {
                  tmc_error_set (err, TMC_ERR_FORMAT, name, line,
                                 (unsigned long) (p - s) + 1,
                                 _("sentence %llu of document %zu is out "
                                   "of order or out of range (expected "
                                   "%zu of %zu)"),
                                 v, d + 1, next[d], n_sent[d]);
                  tmc_alignment_free (a);
                  return TMC_ERR_FORMAT;
                }
              next[d]++;
              b.len[d]++;
              p = q;
              while (p < e && *p == ' ')
                p++;
              if (p < e && *p == ',')
                p++;
              while (p < e && *p == ' ')
                p++;
            }
          if (p >= e)
            goto syntax;
          p++;
        }
      if (p < e)
        {
          if (*p != '\t' && *p != ' ')
            goto syntax;
          char *q;
          double v = strtod (p, &q);
          while (q < e && (*q == ' ' || *q == '\t'))
            q++;
          if (q != e || !(v >= 0 && v <= 1))
            goto syntax;
          b.score = v;
        }
      if (alignment_push (a, &cap, &b) != 0)
        {
          tmc_alignment_free (a);
          return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                                _("out of memory"));
        }
      continue;
    syntax:
      tmc_alignment_free (a);
      return tmc_error_set (err, TMC_ERR_SYNTAX, name, line,
                            (unsigned long) (p - s) + 1,
                            _("malformed bead: expected %zu lists like "
                              "[0,1] separated by ':'"),
                            n_docs);
    }
  for (size_t d = 0; d < n_docs; d++)
    if (next[d] != n_sent[d])
      {
        tmc_alignment_free (a);
        return tmc_error_set (err, TMC_ERR_FORMAT, name, 0, 0,
                              _("the beads cover %zu sentences of document "
                                "%zu, which has %zu"),
                              next[d], d + 1, n_sent[d]);
      }
  *out = a;
  return TMC_OK;
}

/* ---- Translation units ------------------------------------------------- */

enum tmc_status
tmc_alignment_to_tm (const struct tmc_doc *const *docs,
                     const struct tmc_alignment *align, const char *doc_id,
                     size_t min_langs, struct tmc_tm *tm,
                     struct tmc_error *err)
{
  if (doc_id == NULL)
    doc_id = "doc";
  struct tmc_buf text = TMC_BUF_INIT;
  struct tmc_tu tu;
  tmc_tu_init (&tu);
  for (size_t k = 0; k < align->n_beads; k++)
    {
      const struct tmc_bead *b = &align->beads[k];
      size_t langs = 0;
      size_t count[3] = { 0, 0, 0 };  /* az, fa, en */
      for (size_t d = 0; d < align->n_docs; d++)
        if (b->len[d] > 0)
          {
            langs++;
            int l = tmc_al_lang_index (docs[d]->lang);
            if (l >= 0)
              count[l] = b->len[d];
          }
      if (langs == 0 || langs < min_langs)
        continue;
      tmc_tu_init (&tu);
      tu.tuid = tmc_tmx_make_tuid (doc_id, k + 1);
      if (tu.tuid == NULL)
        goto nomem;
      char shape[64], score[8];
      snprintf (shape, sizeof shape, "%zu-%zu-%zu", count[0], count[1],
                count[2]);
      tmc_tmx_format_score (b->score, score);
      if (tmc_meta_add_prop (&tu.meta, TMC_TMX_PROP_DOC, NULL, doc_id) != 0
          || tmc_meta_add_prop (&tu.meta, TMC_TMX_PROP_BEAD, NULL, shape)
               != 0
          || tmc_meta_add_prop (&tu.meta, TMC_TMX_PROP_SCORE, NULL, score)
               != 0)
        goto nomem;
      for (size_t d = 0; d < align->n_docs; d++)
        {
          if (b->len[d] == 0)
            continue;
          tmc_buf_reset (&text);
          for (size_t i = b->start[d]; i < b->start[d] + b->len[d]; i++)
            {
              if (i > b->start[d] && tmc_buf_putc (&text, ' ') != 0)
                goto nomem;
              if (tmc_buf_append (&text, tmc_doc_sentence_text (docs[d], i),
                                  docs[d]->sent[i].len) != 0)
                goto nomem;
            }
          if (tmc_tu_add_tuv (&tu, docs[d]->lang, text.data ? text.data : "",
                              text.len) == NULL)
            goto nomem;
        }
      if (tmc_tm_add_tu_move (tm, &tu, err) != TMC_OK)
        {
          tmc_tu_destroy (&tu);
          tmc_buf_destroy (&text);
          return TMC_ERR_NOMEM;
        }
    }
  tmc_buf_destroy (&text);
  return TMC_OK;

nomem:
  tmc_tu_destroy (&tu);
  tmc_buf_destroy (&text);
  return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
}
