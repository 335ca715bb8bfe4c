/* Unit tests: the batch's hash, corpus, ids, shards, state and engine.
   The engine is run with a job of the tests' own (it copies the inputs
   into the output), so that pool, ordering, incremental re-runs and crash
   recovery are tested apart from segmentation and alignment.  */

#include <fcntl.h>
#include <sys/file.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "tmconv/batch.h"
#include "tmconv/hash.h"
#include "tmconv/io.h"
#include "lib/batch-engine.h"
#include "lib/batch-state.h"

static char root[] = "/tmp/tmc-test-batch-XXXXXX";

static const char *
P (const char *fmt, const char *a)
{
  static char buf[4][1024];
  static int k;
  k = (k + 1) % 4;
  char rel[512];
  snprintf (rel, sizeof rel, fmt, a);
  snprintf (buf[k], sizeof buf[k], "%s/%s", root, rel);
  return buf[k];
}

static void
mkdirs (const char *path)
{
  char p[1024];
  snprintf (p, sizeof p, "%s", path);
  for (char *s = p + 1; *s; s++)
    if (*s == '/')
      {
        *s = '\0';
        mkdir (p, 0777);
        *s = '/';
      }
  mkdir (p, 0777);
}

static void
put (const char *path, const char *text)
{
  char dir[1024];
  snprintf (dir, sizeof dir, "%s", path);
  char *slash = strrchr (dir, '/');
  *slash = '\0';
  mkdirs (dir);
  FILE *f = fopen (path, "w");
  fputs (text, f);
  fclose (f);
}

static char *
slurp (const char *path)
{
  char *d;
  size_t n;
  if (tmc_read_file (path, 0, &d, &n, NULL) != TMC_OK)
    return NULL;
  return d;
}

static int
exists (const char *path)
{
  return access (path, F_OK) == 0;
}

static void
rm_rf (const char *path)
{
  char cmd[1200];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", path);
  if (system (cmd) != 0)
    printf ("rm -rf %s failed\n", path);
}

/* ---- hash ---------------------------------------------------------- */

TEST (hash_fnv1a_vectors)
{
  char hex[TMC_HASH_HEX_SIZE];
  /* The published FNV-1a 64 test vectors.  */
  CHECK_STR_EQ (tmc_hash_hex (tmc_hash_update (TMC_HASH_INIT, "", 0), hex),
                "cbf29ce484222325");
  CHECK_STR_EQ (tmc_hash_hex (tmc_hash_update (TMC_HASH_INIT, "a", 1), hex),
                "af63dc4c8601ec8c");
  CHECK_STR_EQ (tmc_hash_hex (tmc_hash_update (TMC_HASH_INIT, "foobar", 6),
                              hex), "85944171f73967e8");
  /* In pieces as in one go.  */
  uint64_t h = tmc_hash_update (TMC_HASH_INIT, "foo", 3);
  h = tmc_hash_update (h, "bar", 3);
  CHECK (h == tmc_hash_update (TMC_HASH_INIT, "foobar", 6));
  /* Strings are delimited.  */
  CHECK (tmc_hash_str (tmc_hash_str (TMC_HASH_INIT, "ab"), "c")
         != tmc_hash_str (tmc_hash_str (TMC_HASH_INIT, "a"), "bc"));
  uint64_t back;
  CHECK_INT_EQ (tmc_hash_parse ("85944171F73967E8", &back), 0);
  CHECK (back == tmc_hash_update (TMC_HASH_INIT, "foobar", 6));
  CHECK_INT_EQ (tmc_hash_parse ("8594417zf73967e8", &back), -1);
}

/* ---- ids ----------------------------------------------------------- */

TEST (id_safety)
{
  CHECK (tmc_batch_id_problem ("report") == NULL);
  CHECK (tmc_batch_id_problem ("2023/09/ardabil carpet") == NULL);
  CHECK (tmc_batch_id_problem ("گزارش/۱۴۰۲") == NULL);
  CHECK (tmc_batch_id_problem ("a..b") == NULL);
  CHECK (tmc_batch_id_problem ("") != NULL);
  CHECK (tmc_batch_id_problem ("/etc/passwd") != NULL);
  CHECK (tmc_batch_id_problem ("..") != NULL);
  CHECK (tmc_batch_id_problem ("../x") != NULL);
  CHECK (tmc_batch_id_problem ("a/../../x") != NULL);
  CHECK (tmc_batch_id_problem ("a/./x") != NULL);
  CHECK (tmc_batch_id_problem ("a//x") != NULL);
  CHECK (tmc_batch_id_problem ("a/") != NULL);
  CHECK (tmc_batch_id_problem (".hidden") != NULL);
  CHECK (tmc_batch_id_problem ("a\\..\\x") != NULL);
  CHECK (tmc_batch_id_problem ("a\tb") != NULL);
  CHECK (tmc_batch_id_problem ("a\nb") != NULL);
  CHECK (tmc_batch_id_problem ("\xff") != NULL);
  char longc[300];
  memset (longc, 'x', 250);
  longc[250] = '\0';
  CHECK (tmc_batch_id_problem (longc) != NULL);
}

/* ---- corpus -------------------------------------------------------- */

static int warnings_seen;
static char last_warning[2048];

static void
count_warning (void *data, const struct tmc_error *w)
{
  (void) data;
  warnings_seen++;
  snprintf (last_warning, sizeof last_warning, "%s: %s", w->file, w->message);
}

TEST (corpus_directory)
{
  rm_rf (P ("dir", NULL));
  put (P ("dir/b.az.txt", NULL), "x\n");
  put (P ("dir/b.fa.txt", NULL), "x\n");
  put (P ("dir/b.en.txt", NULL), "x\n");
  put (P ("dir/2023/09/a.az.txt", NULL), "x\n");
  put (P ("dir/2023/09/a.fa-IR.txt", NULL), "x\n");
  put (P ("dir/2023/09/a.en.txt", NULL), "x\n");
  put (P ("dir/only.az.txt", NULL), "x\n");       /* lacks fa, en */
  put (P ("dir/c.de.txt", NULL), "x\n");          /* other language */
  put (P ("dir/README.txt", NULL), "x\n");        /* no language */
  put (P ("dir/notes.v2.txt", NULL), "x\n");      /* no language */
  put (P ("dir/b.az.sent", NULL), "x\n");         /* not .txt */
  put (P ("dir/.hidden/h.az.txt", NULL), "x\n");  /* hidden */
  put (P ("dir/out/tmx/z.az.txt", NULL), "x\n");  /* the output dir */
  put (P ("dir/dup.fa.txt", NULL), "x\n");
  put (P ("dir/dup.fa-IR.txt", NULL), "x\n");
  symlink ("b.en.txt", P ("dir/l.en.txt", NULL));

  struct tmc_corpus *c;
  struct tmc_error e;
  struct tmc_warn_handler wh = { count_warning, NULL };
  warnings_seen = 0;
  CHECK_INT_EQ (tmc_corpus_read (P ("dir", NULL), P ("dir/out", NULL), &wh,
                                 &c, &e), TMC_OK);
  CHECK_INT_EQ (c->is_manifest, 0);
  CHECK_INT_EQ (c->n_reports, 5);
  CHECK_INT_EQ (warnings_seen, 1);
  CHECK (strstr (last_warning, "c.de.txt") != NULL);
  CHECK_STR_EQ (c->reports[0].id, "2023/09/a");
  CHECK_STR_EQ (c->reports[0].in[1].path, P ("dir/2023/09/a.fa-IR.txt", NULL));
  CHECK (c->reports[0].problem == NULL);
  CHECK_STR_EQ (c->reports[1].id, "b");
  CHECK_STR_EQ (c->reports[2].id, "dup");
  CHECK (c->reports[2].problem != NULL);
  CHECK_STR_EQ (c->reports[3].id, "l");
  CHECK (c->reports[3].in[2].path != NULL);
  CHECK_STR_EQ (c->reports[4].id, "only");
  CHECK (c->reports[4].in[0].path != NULL);
  /* The missing file gets the name it should have.  */
  CHECK_STR_EQ (c->reports[4].in[1].path, P ("dir/only.fa.txt", NULL));
  CHECK (c->reports[4].problem == NULL);
  tmc_corpus_free (c);

  CHECK_INT_EQ (tmc_corpus_read (P ("nonexistent", NULL), NULL, NULL, &c, &e),
                TMC_ERR_IO);
  CHECK (c == NULL);
}

TEST (corpus_manifest)
{
  rm_rf (P ("man", NULL));
  put (P ("man/list.tsv", NULL),
       "# reports of 2023\n"
       "id\ten\taz\tfa\tfa.encoding\n"
       "\n"
       "r2\ttexts/r2.en\ttexts/r2.az\t/abs/r2.fa\twindows-1256\n"
       "r1\ttexts/r1.en\ttexts/r1.az\ttexts/r1.fa\t\n"
       "../up\ta\tb\tc\t\n"
       "r3\ta\tb\n"
       "r1\tx\ty\tz\t\n"
       "r4\ta\tb\tc\tNO-SUCH-ENCODING\n"
       "r5\ta\t\tc\t\r\n");
  struct tmc_corpus *c;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_corpus_read (P ("man/list.tsv", NULL), NULL, NULL, &c, &e),
                TMC_OK);
  CHECK_INT_EQ (c->is_manifest, 1);
  CHECK_INT_EQ (c->n_reports, 7);
  /* Sorted by id: ../up, r1 (line 5), r1 (line 8), r2, r3, r4, r5.  */
  CHECK_STR_EQ (c->reports[0].id, "../up");
  CHECK (c->reports[0].problem != NULL);
  CHECK_INT_EQ (c->reports[0].problem->line, 6);
  CHECK_STR_EQ (c->reports[1].id, "r1");
  CHECK_INT_EQ (c->reports[1].line, 5);
  CHECK (c->reports[1].problem == NULL);
  CHECK_STR_EQ (c->reports[1].in[0].path, P ("man/texts/r1.az", NULL));
  CHECK_STR_EQ (c->reports[1].in[2].path, P ("man/texts/r1.en", NULL));
  CHECK (c->reports[2].problem != NULL);
  CHECK (strstr (c->reports[2].problem->message, "line 5") != NULL);
  CHECK_STR_EQ (c->reports[3].in[1].path, "/abs/r2.fa");
  CHECK_STR_EQ (c->reports[3].in[1].encoding, "windows-1256");
  CHECK (c->reports[3].in[0].encoding == NULL);
  CHECK (c->reports[4].problem != NULL);           /* r3: too few fields */
  CHECK_INT_EQ (c->reports[4].problem->line, 7);
  CHECK (c->reports[5].problem != NULL);           /* r4: encoding */
  CHECK_INT_EQ (c->reports[5].problem->column, 10);
  CHECK (c->reports[6].problem != NULL);           /* r5: no az file */
  CHECK (c->reports[6].in[0].path == NULL);        /* en, az, fa order */
  CHECK_INT_EQ (c->reports[6].problem->column, 6);
  tmc_corpus_free (c);

  /* Without a header: id az fa en.  */
  put (P ("man/plain.tsv", NULL), "x\tA\tF\tE\n");
  CHECK_INT_EQ (tmc_corpus_read (P ("man/plain.tsv", NULL), NULL, NULL, &c,
                                 &e), TMC_OK);
  CHECK_STR_EQ (c->reports[0].in[0].path, P ("man/A", NULL));
  CHECK_STR_EQ (c->reports[0].in[2].path, P ("man/E", NULL));
  tmc_corpus_free (c);

  /* A header that cannot be used is an error with its place.  */
  put (P ("man/bad.tsv", NULL), "# x\nid\taz\tfa\tde\n");
  CHECK_INT_EQ (tmc_corpus_read (P ("man/bad.tsv", NULL), NULL, NULL, &c, &e),
                TMC_ERR_SYNTAX);
  CHECK_INT_EQ (e.line, 2);
  CHECK_INT_EQ (e.column, 10);
  put (P ("man/bad2.tsv", NULL), "id\taz\tfa\n");
  CHECK_INT_EQ (tmc_corpus_read (P ("man/bad2.tsv", NULL), NULL, NULL, &c,
                                 &e), TMC_ERR_SYNTAX);
  CHECK (strstr (e.message, "'en'") != NULL);
}

TEST (shards_partition_the_corpus)
{
  rm_rf (P ("sh", NULL));
  char line[64];
  char text[4096] = "";
  for (int i = 0; i < 23; i++)
    {
      snprintf (line, sizeof line, "r%02d\ta\tb\tc\n", i);
      strcat (text, line);
    }
  put (P ("sh/m.tsv", NULL), text);
  for (unsigned long n = 1; n <= 30; n += 4)
    {
      int seen[23] = { 0 };
      size_t last_end = 0;
      for (unsigned long k = 1; k <= n; k++)
        {
          struct tmc_corpus *c;
          CHECK_INT_EQ (tmc_corpus_read (P ("sh/m.tsv", NULL), NULL, NULL, &c,
                                         NULL), TMC_OK);
          CHECK_INT_EQ (tmc_corpus_shard (c, k, n, NULL), TMC_OK);
          for (size_t i = 0; i < c->n_reports; i++)
            {
              int idx = atoi (c->reports[i].id + 1);
              seen[idx]++;
              /* Contiguous and in order across shards.  */
              CHECK_INT_EQ ((size_t) idx, last_end);
              last_end++;
            }
          CHECK (c->n_reports <= (23 + n - 1) / n);
          tmc_corpus_free (c);
        }
      for (int i = 0; i < 23; i++)
        CHECK_INT_EQ (seen[i], 1);
    }
  struct tmc_corpus *c;
  CHECK_INT_EQ (tmc_corpus_read (P ("sh/m.tsv", NULL), NULL, NULL, &c, NULL),
                TMC_OK);
  CHECK_INT_EQ (tmc_corpus_shard (c, 0, 4, NULL), TMC_ERR_INVALID_ARG);
  CHECK_INT_EQ (tmc_corpus_shard (c, 5, 4, NULL), TMC_ERR_INVALID_ARG);
  tmc_corpus_free (c);
}

/* ---- state --------------------------------------------------------- */

TEST (state_lines_round_trip_and_torn_lines_are_skipped)
{
  struct tmc_bstate_report r;
  memset (&r, 0, sizeof r);
  r.id = (char *) "a/b c";
  r.key = 0x0123456789abcdefULL;
  r.out_hash = 42;
  r.out_size = 1000;
  r.out_mtime = 1700000000123456789LL;
  r.sentences[0] = 3;
  r.sentences[1] = 4;
  r.sentences[2] = 5;
  struct tmc_error w[2];
  memset (w, 0, sizeof w);
  snprintf (w[0].file, sizeof w[0].file, "x\ty.fa.txt");
  w[0].line = 7;
  w[0].column = 2;
  snprintf (w[0].message, sizeof w[0].message, "two\nlines \\ and tab\t");
  snprintf (w[1].message, sizeof w[1].message, "plain");
  r.warnings = w;
  r.n_warnings = 2;
  struct tmc_bstate_input in = { (char *) "/p/x.az.txt", 10, 20, 30, 40, 50,
                                 60 };
  char *line;
  size_t len;
  CHECK_INT_EQ (tmc_bstate_format_report (&r, &in, 1, &line, &len), 0);
  CHECK_INT_EQ (strlen (line), len);
  CHECK (line[len - 1] == '\n');

  struct tmc_bstate s;
  tmc_bstate_init (&s);
  char *copy = strdup (line);
  char *second = strchr (copy, '\n') + 1;
  second[-1] = '\0';
  copy[strlen (copy)] = '\0';
  second[strlen (second) - 1] = '\0';
  CHECK_INT_EQ (tmc_bstate_parse_line (&s, copy), 1);
  char *torn = strdup (second);
  CHECK_INT_EQ (tmc_bstate_parse_line (&s, second), 1);
  CHECK_INT_EQ (s.n_inputs, 1);
  CHECK_STR_EQ (s.inputs[0].path, "/p/x.az.txt");
  CHECK (s.inputs[0].hash == 60);
  CHECK_INT_EQ (s.n_reports, 1);
  CHECK_STR_EQ (s.reports[0].id, "a/b c");
  CHECK (s.reports[0].key == r.key);
  CHECK (s.reports[0].out_mtime == r.out_mtime);
  CHECK_INT_EQ (s.reports[0].sentences[2], 5);
  CHECK_INT_EQ (s.reports[0].n_warnings, 2);
  CHECK_STR_EQ (s.reports[0].warnings[0].file, "x\ty.fa.txt");
  CHECK_STR_EQ (s.reports[0].warnings[0].message, "two\nlines \\ and tab\t");
  CHECK_INT_EQ (s.reports[0].warnings[0].line, 7);

  /* A line cut short, or changed, fails its checksum.  */
  char *cut = strdup (torn);
  cut[strlen (cut) - 3] = '\0';
  CHECK_INT_EQ (tmc_bstate_parse_line (&s, cut), 0);
  char *changed = strdup (torn);
  changed[3] = changed[3] == 'x' ? 'y' : 'x';
  CHECK_INT_EQ (tmc_bstate_parse_line (&s, changed), 0);
  CHECK_INT_EQ (s.n_reports, 1);
  free (cut);
  free (changed);
  free (torn);
  free (copy);
  free (line);
  tmc_bstate_destroy (&s);
}

/* ---- engine -------------------------------------------------------- */

static atomic_int jobs_run;
static atomic_int kill_after;   /* SIGKILL the process after this many */
static int aggregates_run;
static int kill_in_aggregate;  /* SIGKILL while writing the aggregate */

/* The job: OUT = "<id>:" + the three inputs; fails on an input "FAIL".  */
static enum tmc_status
copy_job (void *ctx, void *tctx, struct tmc_batch_job *job,
          struct tmc_error *err)
{
  (void) ctx;
  (void) tctx;
  int done = atomic_fetch_add (&jobs_run, 1) + 1;
  tmc_output *o;
  enum tmc_status st = tmc_output_open (job->out_path, &o, err);
  if (st != TMC_OK)
    return st;
  fprintf (tmc_output_stream (o), "%s:", job->report->id);
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    {
      char *d = job->report->in[l].path ? slurp (job->report->in[l].path)
                                        : NULL;
      if (d == NULL || strcmp (d, "FAIL") == 0)
        {
          free (d);
          tmc_output_abort (o);
          return tmc_error_set (err, TMC_ERR_FORMAT,
                                job->report->in[l].path, 1, 1,
                                "cannot use this");
        }
      fputs (d, tmc_output_stream (o));
      job->sentences[l] = strlen (d);
      if (strcmp (d, "WARN") == 0)
        tmc_warn (&job->warn, job->report->in[l].path, 2, 3, "odd text");
      free (d);
    }
  if (kill_after > 0 && done >= kill_after)
    raise (SIGKILL);  /* before the commit: a half-done report */
  /* The second output: "side:<id>".  */
  for (size_t k = 0; k < job->n_extra; k++)
    {
      tmc_output *x;
      enum tmc_status xs = tmc_output_open (job->extra_paths[k], &x, err);
      if (xs != TMC_OK)
        {
          tmc_output_abort (o);
          return xs;
        }
      fprintf (tmc_output_stream (x), "side:%s", job->report->id);
      xs = tmc_output_commit (x, err);
      if (xs != TMC_OK)
        {
          tmc_output_abort (o);
          return xs;
        }
    }
  return tmc_output_commit (o, err);
}

/* The aggregate: "all.txt", the outputs of the reports in order, each
   in brackets with its number of warnings, or the error of a failed one.  */
struct cat_state {
  tmc_output *o;
  size_t added;
};

static enum tmc_status
cat_begin (void *ctx, struct tmc_batch_agg *agg, struct tmc_error *err)
{
  (void) ctx;
  aggregates_run++;
  char path[1024];
  snprintf (path, sizeof path, "%s/all.txt", agg->out_dir);
  struct cat_state *c = calloc (1, sizeof *c);
  agg->data = c;
  return tmc_output_open (path, &c->o, err);
}

static enum tmc_status
cat_add (void *ctx, struct tmc_batch_agg *agg,
         const struct tmc_batch_agg_report *r, struct tmc_error *err)
{
  (void) ctx;
  (void) err;
  struct cat_state *c = agg->data;
  FILE *fp = tmc_output_stream (c->o);
  if (!r->ok)
    fprintf (fp, "[failed %s: %s]", r->report->id, r->error->message);
  else
    {
      char *d = slurp (r->tmx_path);
      char *x = r->n_extra ? slurp (r->extra_paths[0]) : NULL;
      fprintf (fp, "[%s w%zu%s%s]", d ? d : "?", r->n_warnings, x ? " " : "",
               x ? x : "");
      free (d);
      free (x);
    }
  c->added++;
  return TMC_OK;
}

static void
cat_abort (void *ctx, struct tmc_batch_agg *agg)
{
  (void) ctx;
  struct cat_state *c = agg->data;
  if (c)
    tmc_output_abort (c->o);
  free (c);
  agg->data = NULL;
}

static enum tmc_status
cat_finish (void *ctx, struct tmc_batch_agg *agg,
            const struct tmc_error *problems, size_t n_problems,
            struct tmc_error *err)
{
  (void) problems;
  (void) n_problems;
  struct cat_state *c = agg->data;
  if (kill_in_aggregate)
    {
      fflush (tmc_output_stream (c->o));
      raise (SIGKILL);  /* written, not yet renamed into place */
    }
  enum tmc_status st = tmc_output_commit (c->o, err);
  c->o = NULL;
  cat_abort (ctx, agg);
  if (st == TMC_OK)
    tmc_batch_agg_add_file (agg, "all.txt");
  return st;
}

static char order_log[4096];

static void
log_report (void *data, const struct tmc_batch_result *r)
{
  (void) data;
  char item[128];
  snprintf (item, sizeof item, "%s=%c ", r->report->id,
            "DUF"[r->outcome]);
  strcat (order_log, item);
}

static struct tmc_batch_summary
run_engine (const char *corpus_dir, const char *out, unsigned long jobs,
            int force)
{
  struct tmc_corpus *c;
  struct tmc_batch_summary sum;
  memset (&sum, 0, sizeof sum);
  if (tmc_corpus_read (corpus_dir, NULL, NULL, &c, NULL) != TMC_OK)
    {
      printf ("corpus unreadable\n");
      return sum;
    }
  struct tmc_batch_engine_options o = { out, jobs, force };
  struct tmc_batch_ops ops;
  memset (&ops, 0, sizeof ops);
  ops.report_options = 1;
  ops.aggregate_options = 2;
  static const char *const extra_dirs[] = { "side/x" };
  ops.extra_dirs = extra_dirs;
  ops.n_extra = 1;
  ops.job = copy_job;
  ops.agg_begin = cat_begin;
  ops.agg_add = cat_add;
  ops.agg_finish = cat_finish;
  ops.agg_abort = cat_abort;
  struct tmc_batch_hooks hooks;
  memset (&hooks, 0, sizeof hooks);
  hooks.report = log_report;
  order_log[0] = '\0';
  jobs_run = 0;
  aggregates_run = 0;
  struct tmc_error e;
  enum tmc_status st = tmc_batch_engine_run (c, &o, &ops, &hooks, &sum, &e);
  if (st != TMC_OK)
    printf ("engine: %s: %s\n", e.file, e.message);
  tmc_corpus_free (c);
  return sum;
}

static void
make_corpus (int n)
{
  rm_rf (P ("eng", NULL));
  for (int i = 0; i < n; i++)
    for (int l = 0; l < 3; l++)
      {
        char name[128], text[32];
        snprintf (name, sizeof name, "eng/c/g%d/r%02d.%s.txt", i % 3, i,
                  tmc_batch_lang[l]);
        snprintf (text, sizeof text, "%s%d", tmc_batch_lang[l], i);
        put (P ("%s", name), text);
      }
}

TEST (engine_same_output_whatever_the_jobs_and_in_order)
{
  make_corpus (30);
  put (P ("eng/c/g1/r10.fa.txt", NULL), "FAIL");
  put (P ("eng/c/g2/r11.en.txt", NULL), "WARN");
  struct tmc_batch_summary s1 = run_engine (P ("eng/c", NULL),
                                            P ("eng/o1", NULL), 1, 0);
  char log1[4096];
  snprintf (log1, sizeof log1, "%s", order_log);
  struct tmc_batch_summary s4 = run_engine (P ("eng/c", NULL),
                                            P ("eng/o4", NULL), 4, 0);
  CHECK_STR_EQ (order_log, log1);
  CHECK_INT_EQ (s1.reports, 30);
  CHECK_INT_EQ (s1.done, 29);
  CHECK_INT_EQ (s1.failed, 1);
  CHECK_INT_EQ (s4.done, 29);
  CHECK_INT_EQ (s4.failed, 1);
  CHECK_INT_EQ (s1.aggregates, 1);
  char *a1 = slurp (P ("eng/o1/all.txt", NULL));
  char *a4 = slurp (P ("eng/o4/all.txt", NULL));
  CHECK (a1 != NULL && a4 != NULL);
  CHECK_STR_EQ (a1, a4);
  CHECK (strstr (a1, "[g0/r00:az0fa0en0 w0 side:g0/r00][g0/r03:") == a1);
  CHECK (strstr (a1, "[failed g1/r10: cannot use this]") != NULL);
  CHECK (strstr (a1, "[g2/r11:az11fa11WARN w1 side:g2/r11]") != NULL);
  CHECK (exists (P ("eng/o1/side/x/g2/r11.tmx", NULL)));
  CHECK (!exists (P ("eng/o1/tmx/g1/r10.tmx", NULL)));
  CHECK (exists (P ("eng/o1/tmx/g2/r11.tmx", NULL)));
  free (a1);
  free (a4);
}

TEST (engine_reruns_only_what_changed)
{
  make_corpus (12);
  char c[1024], o[1024];
  snprintf (c, sizeof c, "%s", P ("eng/c", NULL));
  snprintf (o, sizeof o, "%s", P ("eng/o", NULL));
  struct tmc_batch_summary s = run_engine (c, o, 2, 0);
  CHECK_INT_EQ (s.done, 12);
  CHECK_INT_EQ (jobs_run, 12);

  /* Nothing changed: nothing done, not even the aggregates.  */
  s = run_engine (c, o, 2, 0);
  CHECK_INT_EQ (s.up_to_date, 12);
  CHECK_INT_EQ (jobs_run, 0);
  CHECK_INT_EQ (aggregates_run, 0);
  CHECK_INT_EQ (s.aggregates, 0);

  /* One input changed (same size: the content hash tells).  */
  put (P ("eng/c/g1/r04.fa.txt", NULL), "FA4");
  s = run_engine (c, o, 2, 0);
  CHECK_INT_EQ (s.done, 1);
  CHECK_INT_EQ (s.up_to_date, 11);
  CHECK_INT_EQ (aggregates_run, 1);
  char *all = slurp (P ("eng/o/all.txt", NULL));
  CHECK (strstr (all, "az4FA4en4") != NULL);
  free (all);

  /* An output removed or changed by hand is redone.  */
  unlink (P ("eng/o/tmx/g0/r00.tmx", NULL));
  put (P ("eng/o/tmx/g0/r03.tmx", NULL), "edited by hand, longer");
  s = run_engine (c, o, 2, 0);
  CHECK_INT_EQ (s.done, 2);
  char *r3 = slurp (P ("eng/o/tmx/g0/r03.tmx", NULL));
  CHECK_STR_EQ (r3, "g0/r03:az3fa3en3");
  free (r3);

  /* A second output removed: its report is redone.  */
  unlink (P ("eng/o/side/x/g1/r07.tmx", NULL));
  s = run_engine (c, o, 2, 0);
  CHECK_INT_EQ (s.done, 1);
  CHECK (exists (P ("eng/o/side/x/g1/r07.tmx", NULL)));

  /* An aggregate removed: rebuilt, reports kept.  */
  unlink (P ("eng/o/all.txt", NULL));
  s = run_engine (c, o, 2, 0);
  CHECK_INT_EQ (s.done, 0);
  CHECK_INT_EQ (aggregates_run, 1);
  CHECK (exists (P ("eng/o/all.txt", NULL)));

  /* A report removed from the corpus: its output goes.  */
  for (int l = 0; l < 3; l++)
    {
      char name[64];
      snprintf (name, sizeof name, "eng/c/g2/r05.%s.txt", tmc_batch_lang[l]);
      unlink (P ("%s", name));
    }
  s = run_engine (c, o, 2, 0);
  CHECK_INT_EQ (s.reports, 11);
  CHECK_INT_EQ (s.removed, 1);
  CHECK (!exists (P ("eng/o/tmx/g2/r05.tmx", NULL)));
  CHECK (!exists (P ("eng/o/side/x/g2/r05.tmx", NULL)));
  CHECK_INT_EQ (aggregates_run, 1);

  /* --force redoes all.  */
  s = run_engine (c, o, 2, 1);
  CHECK_INT_EQ (s.done, 11);
  CHECK_INT_EQ (aggregates_run, 1);
}

TEST (engine_killed_at_any_moment_the_next_run_completes)
{
  make_corpus (20);
  char c[1024], o[1024];
  snprintf (c, sizeof c, "%s", P ("eng/c", NULL));
  snprintf (o, sizeof o, "%s", P ("eng/o", NULL));
  struct tmc_batch_summary ref = run_engine (c, P ("eng/ref", NULL), 1, 0);
  CHECK_INT_EQ (ref.done, 20);
  char *want = slurp (P ("eng/ref/all.txt", NULL));
  /* Kill during the 1st, 4th, 6th and 3rd job of four runs in a row,
     each in a fresh child: 0 + 3 + 5 + 2 reports are committed.  */
  int kills[] = { 1, 4, 6, 3, 0 };
  for (size_t k = 0; k < sizeof kills / sizeof kills[0]; k++)
    {
      pid_t pid = fork ();
      if (pid == 0)
        {
          kill_after = kills[k];
          /* The last one finishes the reports and dies writing the
             aggregates.  */
          kill_in_aggregate = kills[k] == 0;
          run_engine (c, o, 1, 0);
          _exit (0);
        }
      int status;
      waitpid (pid, &status, 0);
      CHECK (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      /* Every file in OUT is whole: each report's output is complete.  */
      for (int i = 0; i < 20; i++)
        {
          char rel[64], want_text[64];
          snprintf (rel, sizeof rel, "eng/o/tmx/g%d/r%02d.tmx", i % 3, i);
          snprintf (want_text, sizeof want_text, "g%d/r%02d:az%dfa%den%d",
                    i % 3, i, i, i, i);
          char *t = slurp (P ("%s", rel));
          if (t)
            CHECK_STR_EQ (t, want_text);
          free (t);
        }
    }
  CHECK (!exists (P ("eng/o/all.txt", NULL)));
  /* The next run finishes the work without redoing what was done.  */
  kill_after = 0;
  kill_in_aggregate = 0;
  struct tmc_batch_summary s = run_engine (c, o, 1, 0);
  CHECK_INT_EQ (s.failed, 0);
  CHECK_INT_EQ (s.done, 0);
  CHECK_INT_EQ (s.up_to_date, 20);
  CHECK_INT_EQ (s.aggregates, 1);
  char *got = slurp (P ("eng/o/all.txt", NULL));
  CHECK (got != NULL && want != NULL);
  CHECK_STR_EQ (got, want);
  /* No temporary file is left (in this test's directory: another run
     of the tests may be writing its own at the same time).  */
  char find[128];
  snprintf (find, sizeof find,
            "test -z \"$(find '%s' -name '.*.tmp-*')\"", root);
  CHECK_INT_EQ (system (find), 0);
  free (got);
  free (want);
}

TEST (engine_refuses_a_second_run_on_the_same_out)
{
  make_corpus (2);
  const char *o = P ("eng/lock", NULL);
  mkdirs (P ("eng/lock/.tmconv-batch", NULL));
  int fd = open (P ("eng/lock/.tmconv-batch/lock", NULL), O_RDWR | O_CREAT,
                 0666);
  pid_t pid = fork ();
  if (pid == 0)
    {
      /* Hold the lock in another process, as a concurrent run would.  */
      int f2 = open (P ("eng/lock/.tmconv-batch/lock", NULL), O_RDWR);
      if (flock (f2, LOCK_EX) != 0)
        _exit (1);
      sleep (2);
      _exit (0);
    }
  usleep (300000);
  struct tmc_corpus *c;
  CHECK_INT_EQ (tmc_corpus_read (P ("eng/c", NULL), NULL, NULL, &c, NULL),
                TMC_OK);
  struct tmc_batch_engine_options opt = { o, 1, 0 };
  struct tmc_batch_ops ops;
  memset (&ops, 0, sizeof ops);
  ops.job = copy_job;
  ops.agg_begin = cat_begin;
  ops.agg_add = cat_add;
  ops.agg_finish = cat_finish;
  ops.agg_abort = cat_abort;
  struct tmc_batch_summary sum;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_batch_engine_run (c, &opt, &ops, NULL, &sum, &e),
                TMC_ERR_IO);
  CHECK (strstr (e.message, "another") != NULL);
  tmc_corpus_free (c);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  close (fd);
}

int
main (void)
{
  if (mkdtemp (root) == NULL)
    return 1;
  RUN (hash_fnv1a_vectors);
  RUN (id_safety);
  RUN (corpus_directory);
  RUN (corpus_manifest);
  RUN (shards_partition_the_corpus);
  RUN (state_lines_round_trip_and_torn_lines_are_skipped);
  RUN (engine_same_output_whatever_the_jobs_and_in_order);
  RUN (engine_reruns_only_what_changed);
  RUN (engine_killed_at_any_moment_the_next_run_completes);
  RUN (engine_refuses_a_second_run_on_the_same_out);
  if (!getenv ("TMC_KEEP"))
    rm_rf (root);
  return TEST_END ();
}
