/* The batch's pipeline: what the engine runs for each report (read,
   segment, align, write TMX) and for the aggregates (merge, bilingual
   files, catalogues, review report).  */

#include <errno.h>
#include <math.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "batch-engine.h"
#include "batch-state.h"
#include "buf.h"
#include "internal.h"
#include "tmconv/align.h"
#include "tmconv/batch.h"
#include "tmconv/hash.h"
#include "tmconv/io.h"
#include "tmconv/lexicon.h"
#include "tmconv/po.h"
#include "tmconv/report.h"
#include "tmconv/segment.h"
#include "tmconv/text.h"
#include "tmconv/tmx.h"

#define DEFAULT_PAIRS "en-az,en-fa,az-fa"
#define MAX_PAIRS 6

void
tmc_batch_options_init (struct tmc_batch_options *o)
{
  memset (o, 0, sizeof *o);
  o->name = "corpus";
  o->low_score = 0.9;
  o->fuzzy_below = -1;
}

struct pipeline {
  const struct tmc_batch_options *opts;
  struct tmc_srx *srx;
  struct tmc_segmenter *seg[TMC_BATCH_NLANG];
  struct tmc_lexicon *lexicon;       /* NULL: the built-in one */
  struct tmc_align_params params;
  struct tmc_tmx_langmap langmap;
  enum tmc_tmx_encoding encoding;
  char pairs[MAX_PAIRS][2][16];
  size_t n_pairs;
  /* "pairs/en-az": where each report's units of a pair go.  */
  char pair_dir[MAX_PAIRS][48];
  const char *pair_dirs[MAX_PAIRS];
  long long date;                    /* TMX creation date */
};

/* Hash the whole file PATH into *H.  */
static enum tmc_status
hash_file (const char *path, uint64_t *h, struct tmc_error *err)
{
  char *data;
  size_t len;
  enum tmc_status st = tmc_read_file (path, 0, &data, &len, err);
  if (st != TMC_OK)
    return st;
  *h = tmc_hash_str (tmc_hash_update (*h, data, len), path);
  free (data);
  return TMC_OK;
}

static enum tmc_status
parse_pairs (struct pipeline *p, const char *spec, struct tmc_error *err)
{
  enum tmc_status st = tmc_lang_pairs_parse (spec, 1, p->pairs, MAX_PAIRS,
                                             &p->n_pairs, err);
  if (st == TMC_OK && p->n_pairs == 0)
    st = tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                        _("no language pair in '%s'"), spec);
  for (size_t k = 0; st == TMC_OK && k < p->n_pairs; k++)
    {
      snprintf (p->pair_dir[k], sizeof p->pair_dir[0], "pairs/%s-%s",
                p->pairs[k][0], p->pairs[k][1]);
      p->pair_dirs[k] = p->pair_dir[k];
    }
  return st;
}

static void
pipeline_destroy (struct pipeline *p)
{
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    tmc_segmenter_free (p->seg[l]);
  tmc_srx_free (p->srx);
  tmc_lexicon_free (p->lexicon);
}

/* Set up P from OPTS and compute the option hashes.  */
static enum tmc_status
pipeline_init (struct pipeline *p, const struct tmc_batch_options *o,
               uint64_t *report_hash, uint64_t *aggregate_hash,
               struct tmc_error *err)
{
  memset (p, 0, sizeof *p);
  p->opts = o;
  uint64_t rh = tmc_hash_str (TMC_HASH_INIT, "tmconv batch report " VERSION);
  uint64_t ah = tmc_hash_str (TMC_HASH_INIT,
                              "tmconv batch aggregate " VERSION);
  enum tmc_status st;

  /* Segmentation.  */
  if (o->srx)
    {
      st = tmc_srx_read (o->srx, &p->srx, err);
      if (st == TMC_OK)
        st = hash_file (o->srx, &rh, err);
    }
  else
    st = tmc_srx_builtin (&p->srx, err);
  for (int l = 0; l < TMC_BATCH_NLANG && st == TMC_OK; l++)
    st = tmc_segmenter_new (p->srx, tmc_batch_lang[l], &p->seg[l], err);
  rh = tmc_hash_str (rh, o->from_code ? o->from_code : "");
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    rh = tmc_hash_str (rh, o->from_code_lang[l] ? o->from_code_lang[l] : "");

  /* Alignment.  */
  tmc_align_params_init (&p->params);
  if (st == TMC_OK && o->n_dicts > 0)
    {
      p->lexicon = tmc_lexicon_new ();
      if (p->lexicon == NULL)
        st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
      if (st == TMC_OK)
        st = tmc_lexicon_add_builtin (p->lexicon, err);
      for (size_t i = 0; i < o->n_dicts && st == TMC_OK; i++)
        {
          st = tmc_lexicon_load (p->lexicon, o->dicts[i], NULL, NULL, err);
          if (st == TMC_OK)
            st = hash_file (o->dicts[i], &rh, err);
        }
      p->params.lexicon = p->lexicon;
    }
  if (st == TMC_OK && o->pivot)
    {
      int d = tmc_batch_lang_index (o->pivot);
      if (d < 0)
        st = tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                            _("unknown pivot language '%s': expected az, "
                              "fa or en"), o->pivot);
      else
        p->params.pivot = 1 + d;
    }
  rh = tmc_hash_u64 (rh, (uint64_t) p->params.pivot);

  /* TMX.  */
  tmc_tmx_langmap_defaults (&p->langmap);
  for (size_t i = 0; i < o->n_lang_tags && st == TMC_OK; i++)
    {
      st = tmc_tmx_langmap_set (&p->langmap, o->lang_tags[i], err);
      rh = tmc_hash_str (rh, o->lang_tags[i]);
    }
  p->encoding = TMC_TMX_UTF8;
  if (st == TMC_OK && o->encoding)
    st = tmc_tmx_encoding_parse (o->encoding, &p->encoding, err);
  rh = tmc_hash_u64 (rh, (uint64_t) p->encoding);
  ah = tmc_hash_u64 (ah, (uint64_t) p->encoding);
  rh = tmc_hash_u64 (rh, (uint64_t) o->no_props);
  ah = tmc_hash_u64 (ah, (uint64_t) o->no_props);
  if (st == TMC_OK)
    st = tmc_tmx_now (&p->date, err);
  /* The date goes into every file; without SOURCE_DATE_EPOCH it is the
     time of the run, which is no reason to redo a report.  */
  const char *sde = getenv ("SOURCE_DATE_EPOCH");
  rh = tmc_hash_str (rh, sde ? sde : "");
  ah = tmc_hash_str (ah, sde ? sde : "");
  if (st == TMC_OK)
    st = parse_pairs (p, o->pairs ? o->pairs : DEFAULT_PAIRS, err);
  for (size_t i = 0; i < p->n_pairs; i++)
    {
      rh = tmc_hash_str (rh, p->pair_dir[i]);
      ah = tmc_hash_str (ah, p->pair_dir[i]);
    }

  /* The aggregates and the report.  */
  ah = tmc_hash_str (ah, o->name);
  ah = tmc_hash_u64 (ah, (uint64_t) llround (o->low_score * 1e6));
  ah = tmc_hash_u64 (ah, (uint64_t) o->no_po);
  ah = tmc_hash_str (ah, o->po_source ? o->po_source : "");
  ah = tmc_hash_str (ah, o->po_langs ? o->po_langs : "");
  ah = tmc_hash_str (ah, o->po_domain ? o->po_domain : "");
  ah = tmc_hash_u64 (ah, (uint64_t) llround (o->fuzzy_below * 1e6));
  /* report.html speaks the language of the messages.  */
  ah = tmc_hash_str (ah, _("Summary"));

  if (st != TMC_OK)
    pipeline_destroy (p);
  *report_hash = rh;
  *aggregate_hash = ah;
  return st;
}

/* ---- One report ------------------------------------------------------ */

static enum tmc_status
report_job (void *ctx, void *tctx, struct tmc_batch_job *job,
            struct tmc_error *err)
{
  (void) tctx;
  struct pipeline *p = ctx;
  const struct tmc_batch_report *r = job->report;
  struct tmc_doc *docs[TMC_BATCH_NLANG] = { NULL, NULL, NULL };
  struct tmc_alignment *al = NULL;
  struct tmc_tm *tm = NULL;
  enum tmc_status st = TMC_OK;

  for (int l = 0; l < TMC_BATCH_NLANG && st == TMC_OK; l++)
    {
      if (r->in[l].path == NULL)
        {
          st = tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("report '%s' has no %s file"), r->id,
                              tmc_batch_lang[l]);
          break;
        }
      /* A device or a FIFO (/dev/zero named in a manifest) could be read
         for ever: only regular files are reports.  */
      struct stat sb;
      if (stat (r->in[l].path, &sb) == 0 && !S_ISREG (sb.st_mode))
        {
          st = tmc_error_set (err, TMC_ERR_IO, r->in[l].path, 0, 0,
                              _("not a regular file"));
          break;
        }
      struct tmc_segment_options so = TMC_SEGMENT_OPTIONS_INIT;
      so.lang = tmc_batch_lang[l];
      so.from_code = r->in[l].encoding ? r->in[l].encoding
                     : p->opts->from_code_lang[l] ? p->opts->from_code_lang[l]
                     : p->opts->from_code;
      so.segmenter = p->seg[l];
      so.warn = &job->warn;
      st = tmc_segment_file (r->in[l].path, &so, &docs[l], err);
      if (st == TMC_OK)
        job->sentences[l] = docs[l]->n_sent;
    }
  const struct tmc_doc *const cdocs[3] = { docs[0], docs[1], docs[2] };
  if (st == TMC_OK)
    {
      struct tmc_align_params params = p->params;
      params.warn = &job->warn;
      st = tmc_align (cdocs, TMC_BATCH_NLANG, &params, &al, err);
    }
  if (st == TMC_OK)
    {
      tm = tmc_tm_new ();
      if (tm == NULL)
        st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  if (st == TMC_OK)
    st = tmc_alignment_to_tm (cdocs, al, r->id, 0, tm, err);
  if (st == TMC_OK)
    {
      struct tmc_tmx_write_opts wo;
      tmc_tmx_write_opts_init (&wo);
      wo.encoding = p->encoding;
      wo.langmap = &p->langmap;
      wo.srclang = "en";
      wo.date = p->date;
      wo.flags = p->opts->no_props ? TMC_TMX_NO_PROPS : 0;
      wo.warn = &job->warn;
      wo.name = job->out_path;
      st = tmc_tmx_write (tm, job->out_path, &wo, NULL, err);
    }

  /* Each pair: the 3-way alignment refined for the pair (where only the
     third language joined two sentences, the pair keeps them apart),
     the beads that have both languages.  */
  for (size_t k = 0; k < p->n_pairs && k < job->n_extra && st == TMC_OK; k++)
    {
      int pl[2] = { tmc_batch_lang_index (p->pairs[k][0]),
                    tmc_batch_lang_index (p->pairs[k][1]) };
      struct tmc_align_params params = p->params;
      params.warn = &job->warn;
      struct tmc_alignment *pa = NULL;
      struct tmc_tm *ptm = tmc_tm_new ();
      if (ptm == NULL)
        st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
      if (st == TMC_OK)
        st = tmc_align_project (cdocs, al, (size_t) pl[0], (size_t) pl[1],
                                &params, &pa, err);
      const struct tmc_doc *const pdocs[2] = { docs[pl[0]], docs[pl[1]] };
      if (st == TMC_OK)
        st = tmc_alignment_to_tm (pdocs, pa, r->id, 2, ptm, err);
      if (st == TMC_OK)
        {
          const char *langs[2] = { p->pairs[k][0], p->pairs[k][1] };
          struct tmc_tmx_write_opts wo;
          tmc_tmx_write_opts_init (&wo);
          wo.encoding = p->encoding;
          wo.langmap = &p->langmap;
          wo.srclang = langs[0];
          wo.langs = langs;
          wo.n_langs = 2;
          wo.min_langs = 2;
          wo.date = p->date;
          wo.flags = p->opts->no_props ? TMC_TMX_NO_PROPS : 0;
          wo.warn = &job->warn;
          wo.name = job->extra_paths[k];
          st = tmc_tmx_write (ptm, job->extra_paths[k], &wo, NULL, err);
        }
      tmc_alignment_free (pa);
      tmc_tm_free (ptm);
    }
  tmc_tm_free (tm);
  tmc_alignment_free (al);
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    tmc_doc_free (docs[l]);
  return st;
}

/* ---- The aggregates ------------------------------------------------- */

static char *
out_file (const char *out, const char *name, const char *ext)
{
  struct tmc_buf b = TMC_BUF_INIT;
  if (tmc_buf_printf (&b, "%s/%s%s", out, name, ext) != 0)
    return NULL;
  return tmc_buf_steal (&b, NULL);
}

/* The part of PATH after OUT/, for the record of aggregate files.  */
static const char *
rel_to (const char *out, const char *path)
{
  size_t n = strlen (out);
  return strncmp (path, out, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

/* The aggregates being built.  The mergers keep their units in a
   temporary file in OUT's state directory (tmc_tmx_merger_new_spill), so
   that memory does not grow with the corpus; ALL and PAIR hold the
   headers only.  */
struct agg_state {
  char *spill_dir;
  struct tmc_tm *all;
  tmc_tmx_merger *merger;
  /* The same, per pair.  */
  struct tmc_tm *pair[MAX_PAIRS];
  tmc_tmx_merger *pair_merger[MAX_PAIRS];
  tmc_output *json, *html;
  tmc_report *rep;
};

static void
agg_abort (void *ctx, struct tmc_batch_agg *agg)
{
  (void) ctx;
  struct agg_state *a = agg->data;
  if (a == NULL)
    return;
  tmc_report_free (a->rep);
  tmc_output_abort (a->json);
  tmc_output_abort (a->html);
  tmc_tmx_merger_free (a->merger);
  tmc_tm_free (a->all);
  for (size_t k = 0; k < MAX_PAIRS; k++)
    {
      tmc_tmx_merger_free (a->pair_merger[k]);
      tmc_tm_free (a->pair[k]);
    }
  free (a->spill_dir);
  free (a);
  agg->data = NULL;
}

static enum tmc_status
agg_begin (void *ctx, struct tmc_batch_agg *agg, struct tmc_error *err)
{
  struct pipeline *p = ctx;
  struct agg_state *a = calloc (1, sizeof *a);
  agg->data = a;
  char *json_path = out_file (agg->out_dir, "report", ".json");
  char *html_path = out_file (agg->out_dir, "report", ".html");
  enum tmc_status st = TMC_OK;
  if (a == NULL || json_path == NULL || html_path == NULL
      || (a->all = tmc_tm_new ()) == NULL
      || (a->spill_dir = out_file (agg->out_dir, TMC_BSTATE_DIR, "")) == NULL)
    st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  for (size_t k = 0; k < p->n_pairs && st == TMC_OK; k++)
    if ((a->pair[k] = tmc_tm_new ()) == NULL)
      st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  if (st == TMC_OK)
    st = tmc_output_open (json_path, &a->json, err);
  if (st == TMC_OK)
    st = tmc_output_open (html_path, &a->html, err);
  if (st == TMC_OK)
    {
      struct tmc_report_opts ro;
      ro.name = p->opts->name;
      ro.low_score = p->opts->low_score;
      st = tmc_report_new (tmc_output_stream (a->json),
                           tmc_output_stream (a->html), &ro, &a->rep, err);
    }
  free (json_path);
  free (html_path);
  if (st != TMC_OK)
    agg_abort (ctx, agg);
  return st;
}

/* Add the units of TM, read from FILE, to MERGER, as 'tmconv tmx merge'
   does: the header, kept in ALL, is the first file's.  TM's units are
   moved.  The merger spills its units to a file in SPILL_DIR.  */
static enum tmc_status
merge_into (struct tmc_tm *all, tmc_tmx_merger **merger, struct tmc_tm *tm,
            const char *file, const char *spill_dir, struct tmc_error *err)
{
  enum tmc_status st = TMC_OK;
  if (*merger == NULL)
    {
      all->header = tm->header;
      memset (&tm->header, 0, sizeof tm->header);
      const char *src = all->header.srclang
                        && tmc_tmx_lang_valid (all->header.srclang)
                          ? all->header.srclang : NULL;
      st = tmc_tmx_merger_new_spill (src, spill_dir, merger, err);
    }
  /* No file name: the merger names files only in its warnings about
     conflicts, which are not shown here (the same sentence translated
     differently in two reports is no news), and looking up a new name
     among thousands costs more than the merging.  */
  (void) file;
  for (size_t k = 0; k < tm->n_tus && st == TMC_OK; k++)
    st = tmc_tmx_merger_add (*merger, &tm->tus[k], NULL, 0, 0, NULL, err);
  return st;
}

static enum tmc_status
agg_add (void *ctx, struct tmc_batch_agg *agg,
         const struct tmc_batch_agg_report *r, struct tmc_error *err)
{
  struct pipeline *p = ctx;
  struct agg_state *a = agg->data;
  struct tmc_report_item it;
  memset (&it, 0, sizeof it);
  it.id = r->report->id;
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    it.inputs[l] = r->report->in[l].path;
  it.warnings = r->warnings;
  it.n_warnings = r->n_warnings;
  struct tmc_tm *tm = NULL;
  enum tmc_status st = TMC_OK;
  if (r->ok)
    {
      st = tmc_tmx_read (r->tmx_path, &tm, NULL, err);
      if (st != TMC_OK)
        return st;
      it.tm = tm;
      it.tmx = rel_to (agg->out_dir, r->tmx_path);
    }
  else
    it.error = r->error;
  st = tmc_report_add (a->rep, &it, err);
  if (st == TMC_OK && tm)
    st = merge_into (a->all, &a->merger, tm, r->tmx_path, a->spill_dir,
                     err);
  tmc_tm_free (tm);
  for (size_t k = 0; k < p->n_pairs && k < r->n_extra && r->ok
                     && st == TMC_OK; k++)
    {
      struct tmc_tm *ptm = NULL;
      st = tmc_tmx_read (r->extra_paths[k], &ptm, NULL, err);
      if (st == TMC_OK)
        st = merge_into (a->pair[k], &a->pair_merger[k], ptm,
                         r->extra_paths[k], a->spill_dir, err);
      tmc_tm_free (ptm);
    }
  return st;
}

/* What agg_finish writes, each one file: the merged memory, a pair's
   merged memory, a catalogue (INDEX -1: the template).  */
enum { TASK_TMX, TASK_PAIR, TASK_PO };

struct task {
  int kind;
  int index;
  double weight;  /* a guess of its time, to share the tasks out */
};

struct finish {
  struct pipeline *p;
  struct agg_state *a;
  const char *tmx_path;
  char *pair_path[MAX_PAIRS];
  char *po_dir;
  tmc_po_export *ex;
  struct tmc_tmx_langmap plain;
};

/* Write the units of MERGER with the header of TM (which has no units)
   to PATH; no merger (no report): TM alone.  */
static enum tmc_status
write_merged (tmc_tmx_merger *merger, const struct tmc_tm *tm,
              const char *path, const struct tmc_tmx_write_opts *wo,
              struct tmc_error *err)
{
  if (merger == NULL)
    return tmc_tmx_write (tm, path, wo, NULL, err);
  return tmc_tmx_merger_write (merger, &tm->header, path, wo, NULL, err);
}

/* The number of units MERGER holds.  */
static size_t
merged_units (const tmc_tmx_merger *merger)
{
  struct tmc_tmx_merge_stats ms;
  if (merger == NULL)
    return 0;
  tmc_tmx_merger_stats (merger, &ms);
  return ms.units_out;
}

static enum tmc_status
run_task (struct finish *f, const struct task *t, struct tmc_error *err)
{
  struct pipeline *p = f->p;
  struct tmc_tmx_write_opts wo;
  tmc_tmx_write_opts_init (&wo);
  wo.encoding = p->encoding;
  wo.langmap = &f->plain;
  wo.flags = p->opts->no_props ? TMC_TMX_NO_PROPS : 0;
  wo.date = p->date;
  switch (t->kind)
    {
    case TASK_TMX:
      /* As 'tmconv tmx merge' writes the merge of the reports' files.  */
      return write_merged (f->a->merger, f->a->all, f->tmx_path, &wo, err);
    case TASK_PAIR:
      /* Likewise.  A run with no report has no header to take: then it
         is the one the writer makes, with the pair's source language.  */
      wo.srclang = f->a->pair[t->index]->header.srclang
                     ? NULL : p->pairs[t->index][0];
      return write_merged (f->a->pair_merger[t->index], f->a->pair[t->index],
                           f->pair_path[t->index], &wo, err);
    default:
      return tmc_po_export_write_file (f->ex, f->po_dir, t->index, NULL, err);
    }
}

static int
by_weight (const void *a, const void *b)
{
  const struct task *x = a, *y = b;
  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return 0;
}

/* Run the N tasks T.  libgettextpo is not thread-safe and writing the
   catalogues is most of the work, so, as 'po export' does, the files are
   written by several processes at once (the workers are done by now): at
   most as many as --jobs, each given the tasks that keep their loads
   even (longest first, to the least loaded); with one job all here, one
   after the other.  */
static enum tmc_status
run_tasks (struct finish *f, struct task *t, size_t n, struct tmc_error *err)
{
  unsigned long jobs = f->p->opts->jobs ? f->p->opts->jobs
                                        : tmc_batch_cpus ();
  size_t workers = jobs < n ? (size_t) jobs : n;
  if (workers <= 1)
    {
      enum tmc_status st = TMC_OK;
      for (size_t i = 0; i < n && st == TMC_OK; i++)
        st = run_task (f, &t[i], err);
      return st;
    }
  qsort (t, n, sizeof *t, by_weight);
  size_t *bin = malloc (n * sizeof *bin);
  double *load = calloc (workers, sizeof *load);
  pid_t *pid = calloc (workers, sizeof *pid);
  if (bin == NULL || load == NULL || pid == NULL)
    {
      free (bin);
      free (load);
      free (pid);
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  for (size_t i = 0; i < n; i++)
    {
      size_t best = 0;
      for (size_t w = 1; w < workers; w++)
        if (load[w] < load[best])
          best = w;
      bin[i] = best;
      load[best] += t[i].weight;
    }
  fflush (NULL);
  for (size_t w = 1; w < workers; w++)
    {
      pid[w] = fork ();
      if (pid[w] == 0)
        {
          int rc = 0;
          for (size_t i = 0; i < n && rc == 0; i++)
            if (bin[i] == w && run_task (f, &t[i], NULL) != TMC_OK)
              rc = 1;
          /* Freed, though the process ends, so that a leak checker
             (valgrind follows the fork) finds nothing lost.  */
          free (bin);
          free (load);
          free (pid);
          _exit (rc);
        }
    }
  enum tmc_status st = TMC_OK;
  for (size_t i = 0; i < n && st == TMC_OK; i++)
    if (bin[i] == 0 || pid[bin[i]] < 0)
      st = run_task (f, &t[i], err);
  for (size_t w = 1; w < workers; w++)
    {
      if (pid[w] <= 0)
        continue;
      int ws = 0;
      while (waitpid (pid[w], &ws, 0) < 0 && errno == EINTR)
        ;
      /* A process that failed: its tasks again, here, to say why.  */
      if (!WIFEXITED (ws) || WEXITSTATUS (ws) != 0)
        for (size_t i = 0; i < n && st == TMC_OK; i++)
          if (bin[i] == w)
            st = run_task (f, &t[i], err);
    }
  free (bin);
  free (load);
  free (pid);
  return st;
}

/* Feeding the exporter the merged units: what tmc_po_export_add_tm does
   with a memory of them.  */
struct po_feed {
  tmc_po_export *ex;
  const char *name;
  size_t index;
};

static enum tmc_status
po_feed_unit (void *data, const struct tmc_tu *tu, struct tmc_error *err)
{
  struct po_feed *pf = data;
  return tmc_po_export_add_tu (pf->ex, tu, pf->name, pf->index++, err);
}

/* The catalogue exporter of the merged memory (the units of MERGER, or
   none), as 'tmconv po export' makes it from OUT/<name>.tmx, prepared,
   with its figures in STATS; its texts in a temporary file in
   TMPDIR.  */
static enum tmc_status
po_exporter (struct pipeline *p, tmc_tmx_merger *merger, const char *tmpdir,
             tmc_po_export **out, struct tmc_po_export_stats *stats,
             struct tmc_error *err)
{
  const struct tmc_batch_options *o = p->opts;
  char *name = out_file ("", o->name, ".tmx");
  /* The target languages: a copy of the list, cut at the commas.  */
  char *langs_copy = o->po_langs ? tmc_strdup (o->po_langs) : NULL;
  const char *langs[33];
  size_t n_langs = 0;
  enum tmc_status st = TMC_OK;
  *out = NULL;
  if (name == NULL || (o->po_langs && langs_copy == NULL))
    st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  for (char *t = langs_copy; st == TMC_OK && t && *t;)
    {
      char *comma = strchr (t, ',');
      if (comma)
        *comma = '\0';
      if (*t && n_langs < 32)
        langs[n_langs++] = t;
      t = comma ? comma + 1 : t + strlen (t);
    }
  langs[n_langs] = NULL;
  struct tmc_po_export_options eo;
  tmc_po_export_options_init (&eo);
  eo.source_lang = o->po_source ? o->po_source : "en";
  eo.langs = o->po_langs ? langs : NULL;
  eo.domain = o->po_domain ? o->po_domain : o->name;
  eo.fuzzy_below = o->fuzzy_below >= 0 ? o->fuzzy_below
                                        : TMC_PO_FUZZY_BELOW_DEFAULT;
  eo.date = p->date;
  /* The texts of the entries go to a temporary file beside the mergers'
     (the catalogues' entries are the rest of what grows with the
     corpus).  */
  eo.tmpdir = tmpdir;
  if (st == TMC_OK)
    st = tmc_po_export_new (&eo, out, err);
  if (st == TMC_OK && merger)
    {
      struct po_feed pf = { *out, name + 1, 0 };
      st = tmc_tmx_merger_each (merger, po_feed_unit, &pf, err);
    }
  if (st == TMC_OK)
    st = tmc_po_export_prepare (*out, stats, err);
  free (langs_copy);
  free (name);
  return st;
}

static enum tmc_status
agg_finish (void *ctx, struct tmc_batch_agg *agg,
            const struct tmc_error *problems, size_t n_problems,
            struct tmc_error *err)
{
  struct pipeline *p = ctx;
  const struct tmc_batch_options *o = p->opts;
  struct agg_state *a = agg->data;
  enum tmc_status st = TMC_OK;
  struct finish f;
  memset (&f, 0, sizeof f);
  f.p = p;
  f.a = a;
  tmc_tmx_langmap_init (&f.plain);
  char *tmx_path = out_file (agg->out_dir, o->name, ".tmx");
  f.tmx_path = tmx_path;
  f.po_dir = o->no_po ? NULL : out_file (agg->out_dir, "po", "");
  if (tmx_path == NULL || (!o->no_po && f.po_dir == NULL))
    st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  for (size_t i = 0; i < n_problems && st == TMC_OK; i++)
    st = tmc_report_add_problem (a->rep, &problems[i], err);

  /* The merged memories are written from the mergers.  */
  for (size_t i = 0; i < p->n_pairs && st == TMC_OK; i++)
    {
      f.pair_path[i] = tmc_tmx_pair_path (tmx_path, p->pairs[i][0],
                                          p->pairs[i][1]);
      if (st == TMC_OK && f.pair_path[i] == NULL)
        st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  struct tmc_po_export_stats stats;
  memset (&stats, 0, sizeof stats);
  if (st == TMC_OK && !o->no_po)
    {
      if (mkdir (f.po_dir, 0777) != 0 && errno != EEXIST)
        st = tmc_error_set_errno (err, errno, f.po_dir,
                                  _("cannot create directory"));
      else
        st = tmc_batch_no_link (f.po_dir, strlen (agg->out_dir), err);
      if (st == TMC_OK)
        st = po_exporter (p, a->merger, a->spill_dir, &f.ex, &stats, err);
    }

  /* The files: the merged TMX, one per pair, the catalogues.  */
  struct task tasks[1 + MAX_PAIRS + 33];
  size_t n_tasks = 0;
  if (st == TMC_OK)
    {
      tasks[n_tasks++] = (struct task) { TASK_TMX, 0,
                                         (double) merged_units (a->merger) };
      for (size_t i = 0; i < p->n_pairs; i++)
        tasks[n_tasks++] = (struct task) {
          TASK_PAIR, (int) i, (double) merged_units (a->pair_merger[i]) };
      /* Writing a catalogue takes libgettextpo about ten times as long
         an entry as writing TMX a unit.  */
      for (size_t l = 0; f.ex && l <= stats.n_langs && l <= 32; l++)
        tasks[n_tasks++] = (struct task) { TASK_PO, (int) l - 1,
                                           10.0 * (double) stats.entries };
      st = run_tasks (&f, tasks, n_tasks, err);
    }
  if (st == TMC_OK
      && tmc_batch_agg_add_file (agg, rel_to (agg->out_dir, tmx_path)))
    st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  for (size_t i = 0; i < p->n_pairs && st == TMC_OK; i++)
    if (tmc_batch_agg_add_file (agg, rel_to (agg->out_dir, f.pair_path[i])))
      st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  if (st == TMC_OK && f.ex)
    {
      struct tmc_buf b = TMC_BUF_INIT;
      if (tmc_buf_printf (&b, "po/%s.pot",
                          o->po_domain ? o->po_domain : o->name) != 0
          || tmc_batch_agg_add_file (agg, b.data) != 0)
        st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
      for (size_t l = 0; l < stats.n_langs && l < 32 && st == TMC_OK; l++)
        {
          tmc_buf_reset (&b);
          if (tmc_buf_printf (&b, "po/%s.po", stats.lang[l].lang) != 0
              || tmc_batch_agg_add_file (agg, b.data) != 0)
            st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                _("out of memory"));
        }
      tmc_buf_destroy (&b);
    }
  tmc_po_export_free (f.ex);
  for (size_t i = 0; i < p->n_pairs; i++)
    free (f.pair_path[i]);
  free (f.po_dir);

  if (st == TMC_OK)
    {
      st = tmc_report_finish (a->rep, err);
      a->rep = NULL;
    }
  if (st == TMC_OK)
    {
      st = tmc_output_commit (a->json, err);
      a->json = NULL;
    }
  if (st == TMC_OK)
    {
      st = tmc_output_commit (a->html, err);
      a->html = NULL;
    }
  if (st == TMC_OK
      && (tmc_batch_agg_add_file (agg, "report.json")
          || tmc_batch_agg_add_file (agg, "report.html")))
    st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  free (tmx_path);
  agg_abort (ctx, agg);
  return st;
}

enum tmc_status
tmc_batch_run (const struct tmc_corpus *corpus,
               const struct tmc_batch_options *opts,
               const struct tmc_batch_hooks *hooks,
               struct tmc_batch_summary *summary, struct tmc_error *err)
{
  memset (summary, 0, sizeof *summary);
  if (opts->out_dir == NULL || opts->name == NULL
      || tmc_batch_id_problem (opts->name) != NULL
      || strchr (opts->name, '/') != NULL)
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("invalid name '%s': it names files in the "
                            "output directory, so it must be a plain file "
                            "name"), opts->name ? opts->name : "");
  struct pipeline p;
  struct tmc_batch_ops ops;
  memset (&ops, 0, sizeof ops);
  enum tmc_status st = pipeline_init (&p, opts, &ops.report_options,
                                      &ops.aggregate_options, err);
  if (st != TMC_OK)
    return st;
  ops.ctx = &p;
  ops.extra_dirs = p.pair_dirs;
  ops.n_extra = p.n_pairs;
  ops.job = report_job;
  ops.agg_begin = agg_begin;
  ops.agg_add = agg_add;
  ops.agg_finish = agg_finish;
  ops.agg_abort = agg_abort;
  struct tmc_batch_engine_options eo;
  eo.out_dir = opts->out_dir;
  eo.jobs = opts->jobs;
  eo.force = opts->force;
  st = tmc_batch_engine_run (corpus, &eo, &ops, hooks, summary, err);
  pipeline_destroy (&p);
  return st;
}
