/* The batch engine: the worker pool, deterministic ordering, incremental
   state and crash consistency.  */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "batch-engine.h"
#include "batch-state.h"
#include "buf.h"
#include "internal.h"
#include "tmconv/hash.h"
#include "tmconv/io.h"

unsigned long
tmc_batch_cpus (void)
{
  cpu_set_t set;
  if (sched_getaffinity (0, sizeof set, &set) == 0)
    {
      int n = CPU_COUNT (&set);
      if (n > 0)
        return (unsigned long) n;
    }
  long n = sysconf (_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned long) n : 1;
}

static double
now_mono (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static int64_t
now_real_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_REALTIME, &ts);
  return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t
mtime_ns (const struct stat *st)
{
  return (int64_t) st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

static int64_t
ctime_ns (const struct stat *st)
{
  return (int64_t) st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec;
}

static char *
path_join (const char *a, const char *b)
{
  struct tmc_buf buf = TMC_BUF_INIT;
  if (tmc_buf_printf (&buf, "%s/%s", a, b) != 0)
    return NULL;
  return tmc_buf_steal (&buf, NULL);
}

enum tmc_status
tmc_batch_no_link (const char *path, size_t top, struct tmc_error *err)
{
  char *p = tmc_strdup (path);
  if (p == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  size_t len = strlen (p);
  for (size_t i = top + 1; i <= len; i++)
    if (p[i] == '/' || p[i] == '\0')
      {
        char c = p[i];
        p[i] = '\0';
        struct stat st;
        if (lstat (p, &st) == 0 && S_ISLNK (st.st_mode))
          {
            enum tmc_status s
              = tmc_error_set (err, TMC_ERR_IO, p, 0, 0,
                               _("a symbolic link inside the output "
                                 "directory: the batch writes nothing "
                                 "through it"));
            free (p);
            return s;
          }
        p[i] = c;
      }
  free (p);
  return TMC_OK;
}

/* mkdir -p the directory PATH, whose components after its first TOP
   bytes (inside OUT) must be directories, not symbolic links.  */
static enum tmc_status
make_dirs (const char *path, size_t top, struct tmc_error *err)
{
  char *p = tmc_strdup (path);
  if (p == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  size_t len = strlen (p);
  for (size_t i = 1; i <= len; i++)
    if (p[i] == '/' || p[i] == '\0')
      {
        char c = p[i];
        p[i] = '\0';
        if (mkdir (p, 0777) != 0 && errno != EEXIST)
          {
            int e = errno;
            enum tmc_status st = tmc_error_set_errno (err, e, p,
                                                      _("cannot create "
                                                        "directory"));
            free (p);
            return st;
          }
        p[i] = c;
      }
  struct stat st;
  if (stat (path, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      free (p);
      return tmc_error_set_errno (err, ENOTDIR, path,
                                  _("cannot create directory"));
    }
  free (p);
  return tmc_batch_no_link (path, top, err);
}

/* The directory part of PATH, freshly allocated.  */
static char *
dir_of (const char *path)
{
  const char *slash = strrchr (path, '/');
  return slash ? tmc_strndup (path, (size_t) (slash - path))
               : tmc_strdup (".");
}

/* Is NAME a temporary file of tmc_output: ".NAME.tmp-XXXXXX"?  */
static int
is_temp_name (const char *name)
{
  size_t n = strlen (name);
  return name[0] == '.' && n > 12 && memcmp (name + n - 11, ".tmp-", 5) == 0;
}

/* Remove the temporary files a killed run left in DIR and below.  */
static void
sweep_temps (const char *dir, int depth)
{
  if (depth > 64)
    return;
  DIR *d = opendir (dir);
  if (d == NULL)
    return;
  struct dirent *e;
  while ((e = readdir (d)) != NULL)
    {
      if (strcmp (e->d_name, ".") == 0 || strcmp (e->d_name, "..") == 0)
        continue;
      char *p = path_join (dir, e->d_name);
      if (p == NULL)
        break;
      struct stat st;
      if (lstat (p, &st) == 0)
        {
          if (S_ISDIR (st.st_mode))
            sweep_temps (p, depth + 1);
          else if (S_ISREG (st.st_mode) && is_temp_name (e->d_name))
            unlink (p);
        }
      free (p);
    }
  closedir (d);
}

/* Remove OUT/tmx/REL.tmx and the directories above it that this leaves
   empty, up to OUT/tmx (OUT_LEN: the length of OUT).  Nothing is removed
   through a symbolic link inside OUT.  Returns 1 when a file was
   removed.  */
static int
remove_output (const char *tmx_dir, const char *id, size_t out_len)
{
  struct tmc_buf b = TMC_BUF_INIT;
  if (tmc_buf_printf (&b, "%s/%s.tmx", tmx_dir, id) != 0)
    return 0;
  char *dir = dir_of (b.data);
  if (dir == NULL || tmc_batch_no_link (dir, out_len, NULL) != TMC_OK)
    {
      free (dir);
      tmc_buf_destroy (&b);
      return 0;
    }
  free (dir);
  int removed = unlink (b.data) == 0;
  size_t top = strlen (tmx_dir);
  for (;;)
    {
      char *slash = strrchr (b.data, '/');
      if (slash == NULL || (size_t) (slash - b.data) <= top)
        break;
      *slash = '\0';
      if (rmdir (b.data) != 0)
        break;
    }
  tmc_buf_destroy (&b);
  return removed;
}

/* OUT/DIR/ID.tmx, freshly allocated, or NULL.  */
static char *
extra_path (const char *out, const char *dir, const char *id)
{
  struct tmc_buf b = TMC_BUF_INIT;
  if (tmc_buf_printf (&b, "%s/%s/%s.tmx", out, dir, id) != 0)
    return NULL;
  return tmc_buf_steal (&b, NULL);
}

/* Are OUT/DIR[k]/ID.tmx there with the sizes and times of R?  */
static int
extras_intact (const char *out, const struct tmc_batch_ops *ops,
               const struct tmc_bstate_report *r)
{
  if (r->n_extra != ops->n_extra)
    return 0;
  for (size_t k = 0; k < ops->n_extra; k++)
    {
      char *p = extra_path (out, ops->extra_dirs[k], r->id);
      struct stat sb;
      int ok = p && stat (p, &sb) == 0 && S_ISREG (sb.st_mode)
               && (int64_t) sb.st_size == r->extra_size[k]
               && mtime_ns (&sb) == r->extra_mtime[k];
      free (p);
      if (!ok)
        return 0;
    }
  return 1;
}

/* ---- Per-report slots ------------------------------------------------ */

enum { SLOT_SKIP, SLOT_QUEUED, SLOT_FINISHED };

struct slot {
  int state;
  enum tmc_batch_outcome outcome;
  uint64_t key;
  int key_ok;                 /* every input could be hashed */
  struct tmc_error *error;    /* failed */
  struct tmc_error *warnings;
  size_t n_warnings, warnings_cap;
  size_t sentences[TMC_BATCH_NLANG];
  uint64_t out_hash;
  int64_t out_size, out_mtime;
  int64_t extra_size[TMC_BSTATE_MAX_EXTRA];
  int64_t extra_mtime[TMC_BSTATE_MAX_EXTRA];
  struct tmc_bstate_input inputs[TMC_BATCH_NLANG];  /* fresh hashes */
  size_t n_inputs;
  int oom;                    /* a warning could not be kept */
};

static void
slot_destroy (struct slot *s)
{
  free (s->error);
  free (s->warnings);
  for (size_t i = 0; i < s->n_inputs; i++)
    free (s->inputs[i].path);
}

static void
collect_warning (void *data, const struct tmc_error *w)
{
  struct slot *s = data;
  if (tmc_grow ((void **) &s->warnings, &s->warnings_cap, s->n_warnings + 1,
                sizeof *s->warnings) != 0)
    {
      s->oom = 1;
      return;
    }
  s->warnings[s->n_warnings++] = *w;
}

static int
slot_fail (struct slot *s, const struct tmc_error *e)
{
  s->outcome = TMC_BATCH_FAILED;
  if (s->error == NULL)
    s->error = malloc (sizeof *s->error);
  if (s->error == NULL)
    return -1;
  *s->error = *e;
  return 0;
}

/* The state record of the report done in slot S, without its id and
   warnings, in *REC.  */
static void
slot_record (const struct slot *s, const struct tmc_batch_ops *ops,
             struct tmc_bstate_report *rec)
{
  memset (rec, 0, sizeof *rec);
  rec->key = s->key;
  rec->out_hash = s->out_hash;
  rec->out_size = s->out_size;
  rec->out_mtime = s->out_mtime;
  rec->n_extra = ops->n_extra;
  memcpy (rec->extra_size, s->extra_size, sizeof rec->extra_size);
  memcpy (rec->extra_mtime, s->extra_mtime, sizeof rec->extra_mtime);
  memcpy (rec->sentences, s->sentences, sizeof rec->sentences);
}

/* ---- Input hashes ----------------------------------------------------- */

/* The hash of a whole file, or -1.  */
static int
file_hash (const char *path, uint64_t *hash, int64_t *size, int64_t *mtime)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  struct stat st;
  if (fstat (fd, &st) != 0)
    {
      close (fd);
      return -1;
    }
  uint64_t h = TMC_HASH_INIT;
  char buf[65536];
  for (;;)
    {
      ssize_t r = read (fd, buf, sizeof buf);
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          close (fd);
          return -1;
        }
      if (r == 0)
        break;
      h = tmc_hash_update (h, buf, (size_t) r);
    }
  close (fd);
  *hash = h;
  *size = (int64_t) st.st_size;
  *mtime = mtime_ns (&st);
  return 0;
}


/* The content hash of the input PATH: from STATE when its size, times and
   inode are those recorded and it had not changed in the second before it
   was hashed (a file changed within the timestamp granularity of the
   hash could look the same later: git's "racy clean" case), else read.
   A fresh hash is added to S->inputs.  Returns 0, or -1 when the file
   cannot be read (the job will report it).  */
static int
input_hash (const struct tmc_bstate *state, struct slot *s, const char *path,
            int64_t run_start, uint64_t *hash)
{
  struct stat st;
  if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return -1;
  const struct tmc_bstate_input *old = tmc_bstate_find_input (state, path);
  if (old && old->size == (int64_t) st.st_size && old->mtime == mtime_ns (&st)
      && old->ctime == ctime_ns (&st) && old->ino == (uint64_t) st.st_ino
      && old->mtime < old->hashed_at - 1000000000
      && old->ctime < old->hashed_at - 1000000000)
    {
      *hash = old->hash;
      struct tmc_bstate_input *in = &s->inputs[s->n_inputs];
      *in = *old;
      in->path = tmc_strdup (path);
      if (in->path != NULL)
        s->n_inputs++;
      return 0;
    }
  uint64_t h;
  int64_t size, mtime;
  if (file_hash (path, &h, &size, &mtime) != 0)
    return -1;
  *hash = h;
  struct tmc_bstate_input *in = &s->inputs[s->n_inputs];
  in->path = tmc_strdup (path);
  in->size = (int64_t) st.st_size;
  in->mtime = mtime_ns (&st);
  in->ctime = ctime_ns (&st);
  in->ino = (uint64_t) st.st_ino;
  in->hashed_at = run_start;
  in->hash = h;
  if (in->path != NULL)
    s->n_inputs++;
  return 0;
}


/* ---- The run ------------------------------------------------------------ */

struct run {
  const char *out;
  const struct tmc_corpus *corpus;
  const struct tmc_batch_engine_options *opts;
  const struct tmc_batch_ops *ops;
  char *tmx_dir;
  struct slot *slots;
  size_t *queue;        /* indices of the reports to process, in order */
  size_t n_queue;
  size_t next;          /* next queue entry to hand out */
  size_t finished_jobs;
  size_t sentences;
  int journal_fd;
  int journal_failed;
  struct tmc_error journal_err;
  pthread_mutex_t lock;
  pthread_cond_t done;
};

/* Process the report of index IDX: run the job, keep the result in its
   slot, journal it, and tell the thread waiting for results.  */
static void
process_one (struct run *run, size_t idx, void *tctx)
{
  const struct tmc_batch_ops *ops = run->ops;
  const struct tmc_batch_report *r = &run->corpus->reports[idx];
  struct slot *s = &run->slots[idx];
  struct tmc_error e;
  tmc_error_clear (&e);
  char *out = NULL;
  struct tmc_buf b = TMC_BUF_INIT;
  if (tmc_buf_printf (&b, "%s/%s.tmx", run->tmx_dir, r->id) == 0)
    out = tmc_buf_steal (&b, NULL);
  enum tmc_status st = TMC_OK;
  if (out == NULL)
    st = tmc_error_set (&e, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  if (st == TMC_OK)
    {
      char *dir = dir_of (out);
      st = dir ? make_dirs (dir, strlen (run->out), &e)
               : tmc_error_set (&e, TMC_ERR_NOMEM, NULL, 0, 0,
                                _("out of memory"));
      free (dir);
    }
  char *extra[TMC_BSTATE_MAX_EXTRA] = { NULL };
  for (size_t k = 0; k < ops->n_extra && st == TMC_OK; k++)
    {
      extra[k] = extra_path (run->out, ops->extra_dirs[k], r->id);
      char *dir = extra[k] ? dir_of (extra[k]) : NULL;
      st = dir ? make_dirs (dir, strlen (run->out), &e)
               : tmc_error_set (&e, TMC_ERR_NOMEM, NULL, 0, 0,
                                _("out of memory"));
      free (dir);
    }
  struct tmc_batch_job job;
  memset (&job, 0, sizeof job);
  job.report = r;
  job.out_path = out;
  job.extra_paths = (const char *const *) extra;
  job.n_extra = ops->n_extra;
  job.warn.fn = collect_warning;
  job.warn.data = s;
  if (st == TMC_OK)
    st = ops->job (ops->ctx, tctx, &job, &e);
  if (st == TMC_OK
      && file_hash (out, &s->out_hash, &s->out_size, &s->out_mtime) != 0)
    st = tmc_error_set_errno (&e, errno, out, _("cannot read file"));
  for (size_t k = 0; k < ops->n_extra && st == TMC_OK; k++)
    {
      uint64_t h = 0;
      if (file_hash (extra[k], &h, &s->extra_size[k], &s->extra_mtime[k])
          != 0)
        st = tmc_error_set_errno (&e, errno, extra[k],
                                  _("cannot read file"));
      s->out_hash = tmc_hash_u64 (s->out_hash, h);
    }
  for (size_t k = 0; k < ops->n_extra; k++)
    free (extra[k]);
  if (st != TMC_OK)
    {
      if (e.status == TMC_OK)
        tmc_error_set (&e, st, NULL, 0, 0, "%s", tmc_strerror (st));
      slot_fail (s, &e);
    }
  else
    {
      s->outcome = TMC_BATCH_DONE;
      memcpy (s->sentences, job.sentences, sizeof s->sentences);
    }

  /* The journal: one line per finished report, written whole.  */
  char *line = NULL;
  size_t len = 0;
  if (st == TMC_OK && s->key_ok && run->journal_fd >= 0)
    {
      struct tmc_bstate_report rec;
      slot_record (s, ops, &rec);
      rec.id = r->id;
      rec.warnings = s->warnings;
      rec.n_warnings = s->n_warnings;
      if (tmc_bstate_format_report (&rec, s->inputs, s->n_inputs, &line,
                                    &len) != 0)
        line = NULL;
    }
  free (out);

  pthread_mutex_lock (&run->lock);
  if (line)
    {
      size_t off = 0;
      while (off < len && !run->journal_failed)
        {
          ssize_t w = write (run->journal_fd, line + off, len - off);
          if (w < 0 && errno == EINTR)
            continue;
          if (w <= 0)
            {
              run->journal_failed = 1;
              tmc_error_set_errno (&run->journal_err, errno ? errno : EIO,
                                   NULL, _("cannot write the batch "
                                           "journal"));
              break;
            }
          off += (size_t) w;
        }
    }
  s->state = SLOT_FINISHED;
  run->finished_jobs++;
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    run->sentences += s->sentences[l];
  pthread_cond_broadcast (&run->done);
  pthread_mutex_unlock (&run->lock);
  free (line);
}

static void *
worker (void *arg)
{
  struct run *run = arg;
  const struct tmc_batch_ops *ops = run->ops;
  void *tctx = ops->thread_start ? ops->thread_start (ops->ctx) : NULL;
  for (;;)
    {
      pthread_mutex_lock (&run->lock);
      if (run->next >= run->n_queue)
        {
          pthread_mutex_unlock (&run->lock);
          break;
        }
      size_t idx = run->queue[run->next++];
      pthread_mutex_unlock (&run->lock);
      process_one (run, idx, tctx);
    }
  if (ops->thread_end)
    ops->thread_end (ops->ctx, tctx);
  return NULL;
}

struct tmc_batch_agg_files {
  char **paths;
  size_t n, cap;
};

int
tmc_batch_agg_add_file (struct tmc_batch_agg *agg, const char *rel)
{
  struct tmc_batch_agg_files *f = agg->files;
  char *p = tmc_strdup (rel);
  if (p == NULL
      || tmc_grow ((void **) &f->paths, &f->cap, f->n + 1, sizeof *f->paths)
           != 0)
    {
      free (p);
      return -1;
    }
  f->paths[f->n++] = p;
  return 0;
}

static void
emit_progress (const struct tmc_batch_hooks *hooks, size_t total,
               size_t finished, size_t to_do, size_t processed,
               size_t sentences, double start, double jobs_start, int stage)
{
  if (hooks == NULL || hooks->progress == NULL)
    return;
  struct tmc_batch_progress p;
  p.total = total;
  p.finished = finished;
  p.to_do = to_do;
  p.processed = processed;
  p.sentences = sentences;
  double t = now_mono ();
  p.elapsed = t - start;
  p.eta = -1;
  if (stage == 0 && processed > 0 && processed < to_do)
    p.eta = (t - jobs_start) / (double) processed
            * (double) (to_do - processed);
  else if (stage != 0 || processed == to_do)
    p.eta = 0;
  p.stage = stage;
  hooks->progress (hooks->data, &p);
}

/* The key of the aggregates: their options and, in order, what every
   report contributes.  */
static uint64_t
aggregate_key (const struct run *run, const struct tmc_bstate *state)
{
  uint64_t h = tmc_hash_u64 (TMC_HASH_INIT, run->ops->aggregate_options);
  const struct tmc_corpus *c = run->corpus;
  for (size_t i = 0; i < c->n_reports; i++)
    {
      const struct slot *s = &run->slots[i];
      h = tmc_hash_str (h, c->reports[i].id);
      for (int l = 0; l < TMC_BATCH_NLANG; l++)
        h = tmc_hash_str (h, c->reports[i].in[l].path
                             ? c->reports[i].in[l].path : "");
      if (s->outcome == TMC_BATCH_FAILED)
        {
          h = tmc_hash_str (h, "failed");
          h = tmc_hash_str (h, s->error->file);
          h = tmc_hash_u64 (h, s->error->line);
          h = tmc_hash_u64 (h, s->error->column);
          h = tmc_hash_str (h, s->error->message);
          continue;
        }
      uint64_t out = s->out_hash;
      const struct tmc_error *w = s->warnings;
      size_t nw = s->n_warnings;
      if (s->outcome == TMC_BATCH_UP_TO_DATE)
        {
          const struct tmc_bstate_report *r
            = tmc_bstate_find_report (state, c->reports[i].id);
          out = r->out_hash;
          w = r->warnings;
          nw = r->n_warnings;
        }
      h = tmc_hash_u64 (h, out);
      for (size_t k = 0; k < nw; k++)
        {
          h = tmc_hash_str (h, w[k].file);
          h = tmc_hash_u64 (h, w[k].line);
          h = tmc_hash_u64 (h, w[k].column);
          h = tmc_hash_str (h, w[k].message);
        }
    }
  for (size_t i = 0; i < c->n_problems; i++)
    {
      h = tmc_hash_str (h, c->problems[i].file);
      h = tmc_hash_str (h, c->problems[i].message);
    }
  return h;
}

static int
aggregate_files_intact (const char *out, const struct tmc_bstate *state)
{
  for (size_t i = 0; i < state->n_files; i++)
    {
      char *p = path_join (out, state->files[i].path);
      struct stat st;
      int ok = p && stat (p, &st) == 0 && S_ISREG (st.st_mode)
               && (int64_t) st.st_size == state->files[i].size
               && mtime_ns (&st) == state->files[i].mtime;
      free (p);
      if (!ok)
        return 0;
    }
  return 1;
}

/* Open and lock OUT/.tmconv-batch/lock.  Returns the descriptor or -1.  */
static int
lock_out (const char *out, struct tmc_error *err)
{
  char *dir = path_join (out, TMC_BSTATE_DIR);
  char *lp = dir ? path_join (dir, "lock") : NULL;
  int fd = -1;
  if (lp == NULL)
    tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  else if (make_dirs (dir, strlen (out), err) == TMC_OK)
    {
      fd = open (lp, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
      if (fd < 0)
        tmc_error_set_errno (err, errno, lp, _("cannot create file"));
      else if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          if (errno == EWOULDBLOCK)
            tmc_error_set (err, TMC_ERR_IO, out, 0, 0,
                           _("another tmconv batch is writing to this "
                             "output directory"));
          else
            tmc_error_set_errno (err, errno, lp, _("cannot lock file"));
          close (fd);
          fd = -1;
        }
    }
  free (dir);
  free (lp);
  return fd;
}

/* Fill A with what the aggregate step needs of report I; PATH receives
   its TMX's name (freshly allocated; freed by the caller).  Returns 0, or
   -1 when out of memory.  */
static int
agg_report (const struct run *run, const struct tmc_bstate *state, size_t i,
            struct tmc_batch_agg_report *a, char **path,
            char *extra[TMC_BSTATE_MAX_EXTRA])
{
  const struct slot *s = &run->slots[i];
  memset (a, 0, sizeof *a);
  *path = NULL;
  a->report = &run->corpus->reports[i];
  a->ok = s->outcome != TMC_BATCH_FAILED;
  a->error = s->error;
  a->warnings = s->warnings;
  a->n_warnings = s->n_warnings;
  if (s->outcome == TMC_BATCH_UP_TO_DATE)
    {
      const struct tmc_bstate_report *rec
        = tmc_bstate_find_report (state, a->report->id);
      a->warnings = rec->warnings;
      a->n_warnings = rec->n_warnings;
    }
  memcpy (a->sentences, s->sentences, sizeof a->sentences);
  if (a->ok)
    {
      struct tmc_buf b = TMC_BUF_INIT;
      if (tmc_buf_printf (&b, "%s/%s.tmx", run->tmx_dir, a->report->id) != 0)
        return -1;
      *path = tmc_buf_steal (&b, NULL);
      a->tmx_path = *path;
      for (size_t k = 0; k < run->ops->n_extra; k++)
        if ((extra[k] = extra_path (run->out, run->ops->extra_dirs[k],
                                    a->report->id)) == NULL)
          return -1;
      a->extra_paths = (const char *const *) extra;
      a->n_extra = run->ops->n_extra;
    }
  return 0;
}

/* Hand report I to the aggregate step.  */
static enum tmc_status
feed_aggregate (const struct run *run, const struct tmc_bstate *state,
                struct tmc_batch_agg *agg, size_t i, struct tmc_error *err)
{
  struct tmc_batch_agg_report a;
  char *path;
  char *extra[TMC_BSTATE_MAX_EXTRA] = { NULL };
  enum tmc_status st;
  if (agg_report (run, state, i, &a, &path, extra) != 0)
    st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  else
    st = run->ops->agg_add (run->ops->ctx, agg, &a, err);
  free (path);
  for (size_t k = 0; k < TMC_BSTATE_MAX_EXTRA; k++)
    free (extra[k]);
  return st;
}

enum tmc_status
tmc_batch_engine_run (const struct tmc_corpus *corpus,
                      const struct tmc_batch_engine_options *opts,
                      const struct tmc_batch_ops *ops,
                      const struct tmc_batch_hooks *hooks,
                      struct tmc_batch_summary *summary,
                      struct tmc_error *err)
{
  memset (summary, 0, sizeof *summary);
  double start = now_mono ();
  int64_t run_start = now_real_ns ();
  const char *out = opts->out_dir;
  size_t n = corpus->n_reports;
  summary->reports = n;
  summary->problems = corpus->n_problems;

  enum tmc_status st = make_dirs (out, strlen (out), err);
  if (st != TMC_OK)
    return st;
  int lock_fd = lock_out (out, err);
  if (lock_fd < 0)
    return err ? err->status : TMC_ERR_IO;

  struct run run;
  memset (&run, 0, sizeof run);
  run.out = out;
  run.corpus = corpus;
  run.opts = opts;
  run.ops = ops;
  run.journal_fd = -1;
  pthread_mutex_init (&run.lock, NULL);
  pthread_cond_init (&run.done, NULL);
  struct tmc_bstate state;
  tmc_bstate_init (&state);
  struct tmc_bstate next;
  tmc_bstate_init (&next);
  struct tmc_batch_agg_files files = { NULL, 0, 0 };
  struct tmc_batch_agg agg = { out, &files, NULL };
  int agg_open = 0;      /* agg_begin done, not finished or aborted */
  int agg_failed = 0;    /* an agg_add failed: AGG_ERR says why */
  struct tmc_error agg_err;
  tmc_error_clear (&agg_err);
  char *journal = NULL;
  pthread_t *threads = NULL;
  unsigned long started = 0;
  size_t emitted = 0;

  run.tmx_dir = path_join (out, "tmx");
  run.slots = calloc (n ? n : 1, sizeof *run.slots);
  run.queue = calloc (n ? n : 1, sizeof *run.queue);
  if (run.tmx_dir == NULL || run.slots == NULL || run.queue == NULL)
    {
      st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
      goto done;
    }
  st = make_dirs (run.tmx_dir, strlen (out), err);
  if (st != TMC_OK)
    goto done;

  /* What a killed run left: its temporary files.  The lock says no other
     run is writing here.  */
  sweep_temps (out, 0);

  st = tmc_bstate_load (out, &state, err);
  if (st != TMC_OK)
    goto done;

  for (size_t i = 0; i < corpus->n_problems; i++)
    if (hooks && hooks->problem)
      hooks->problem (hooks->data, &corpus->problems[i]);

  /* Which reports need processing.  */
  for (size_t i = 0; i < n; i++)
    {
      const struct tmc_batch_report *r = &corpus->reports[i];
      struct slot *s = &run.slots[i];
      if (r->problem)
        {
          if (slot_fail (s, r->problem) != 0)
            {
              st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                  _("out of memory"));
              goto done;
            }
          s->state = SLOT_FINISHED;
          continue;
        }
      uint64_t key = tmc_hash_u64 (TMC_HASH_INIT, ops->report_options);
      key = tmc_hash_str (key, r->id);
      s->key_ok = 1;
      for (int l = 0; l < TMC_BATCH_NLANG; l++)
        {
          const struct tmc_batch_input *in = &r->in[l];
          /* Not the path: the same corpus reached by another path (a
             relative one, a moved folder) gives the same output.  */
          key = tmc_hash_str (key, in->encoding ? in->encoding : "");
          uint64_t h;
          if (in->path == NULL || input_hash (&state, s, in->path, run_start,
                                              &h) != 0)
            s->key_ok = 0;
          else
            key = tmc_hash_u64 (key, h);
        }
      s->key = key;
      const struct tmc_bstate_report *old = tmc_bstate_find_report (&state,
                                                                    r->id);
      int fresh = 0;
      if (!opts->force && s->key_ok && old && old->key == key)
        {
          struct tmc_buf b = TMC_BUF_INIT;
          struct stat sb;
          if (tmc_buf_printf (&b, "%s/%s.tmx", run.tmx_dir, r->id) == 0
              && stat (b.data, &sb) == 0 && S_ISREG (sb.st_mode)
              && (int64_t) sb.st_size == old->out_size
              && mtime_ns (&sb) == old->out_mtime
              && extras_intact (out, ops, old))
            fresh = 1;
          tmc_buf_destroy (&b);
        }
      if (fresh)
        {
          s->outcome = TMC_BATCH_UP_TO_DATE;
          s->state = SLOT_FINISHED;
          s->out_hash = old->out_hash;
          s->out_size = old->out_size;
          s->out_mtime = old->out_mtime;
          memcpy (s->extra_size, old->extra_size, sizeof s->extra_size);
          memcpy (s->extra_mtime, old->extra_mtime, sizeof s->extra_mtime);
          memcpy (s->sentences, old->sentences, sizeof s->sentences);
        }
      else
        {
          s->state = SLOT_QUEUED;
          run.queue[run.n_queue++] = i;
        }
    }

  /* The journal.  */
  {
    char *dir = path_join (out, TMC_BSTATE_DIR);
    journal = dir ? path_join (dir, "journal") : NULL;
    free (dir);
    if (journal == NULL)
      {
        st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
        goto done;
      }
    if (run.n_queue > 0)
      {
        run.journal_fd = open (journal, O_WRONLY | O_CREAT | O_APPEND
                                          | O_CLOEXEC, 0666);
        if (run.journal_fd < 0)
          {
            st = tmc_error_set_errno (err, errno, journal,
                                      _("cannot write file"));
            goto done;
          }
      }
  }

  /* When reports are to be done, the aggregates will change: build them
     while the reports are done, each as soon as it and those before it
     are finished.  Otherwise they are rebuilt below only if needed.  */
  if (run.n_queue > 0 || opts->force)
    {
      st = ops->agg_begin (ops->ctx, &agg, err);
      if (st != TMC_OK)
        goto done;
      agg_open = 1;
    }

  /* The pool.  With one job, no thread: the jobs run here, in order.  */
  unsigned long n_threads = opts->jobs ? opts->jobs : tmc_batch_cpus ();
  if (n_threads > run.n_queue)
    n_threads = run.n_queue;
  void *main_tctx = NULL;
  int main_works = n_threads <= 1;
  if (!main_works)
    {
      threads = calloc (n_threads, sizeof *threads);
      if (threads == NULL)
        {
          st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
          goto done;
        }
      for (; started < n_threads; started++)
        if (pthread_create (&threads[started], NULL, worker, &run) != 0)
          break;
      if (started == 0)
        main_works = 1;  /* no thread at all: do the work here */
    }
  if (main_works && run.n_queue > 0 && ops->thread_start)
    main_tctx = ops->thread_start (ops->ctx);
  double jobs_start = now_mono ();

  /* Hand out the results in corpus order, as they become ready.  */
  double last_progress = 0;
  pthread_mutex_lock (&run.lock);
  for (;;)
    {
      while (emitted < n && run.slots[emitted].state == SLOT_FINISHED)
        {
          struct slot *s = &run.slots[emitted];
          pthread_mutex_unlock (&run.lock);
          struct tmc_batch_result res;
          res.index = emitted;
          res.report = &corpus->reports[emitted];
          res.outcome = s->outcome;
          res.error = s->error;
          res.warnings = s->warnings;
          res.n_warnings = s->n_warnings;
          if (s->outcome == TMC_BATCH_UP_TO_DATE)
            {
              const struct tmc_bstate_report *old
                = tmc_bstate_find_report (&state, res.report->id);
              res.warnings = old->warnings;
              res.n_warnings = old->n_warnings;
            }
          memcpy (res.sentences, s->sentences, sizeof res.sentences);
          if (hooks && hooks->report)
            hooks->report (hooks->data, &res);
          switch (s->outcome)
            {
            case TMC_BATCH_DONE: summary->done++; break;
            case TMC_BATCH_UP_TO_DATE: summary->up_to_date++; break;
            case TMC_BATCH_FAILED: summary->failed++; break;
            }
          if (agg_open && !agg_failed
              && feed_aggregate (&run, &state, &agg, emitted, &agg_err)
                   != TMC_OK)
            agg_failed = 1;
          emitted++;
          pthread_mutex_lock (&run.lock);
        }
      size_t fin = run.finished_jobs, sent = run.sentences;
      if (emitted >= n)
        break;
      double t = now_mono ();
      if (t - last_progress >= 0.25)
        {
          pthread_mutex_unlock (&run.lock);
          emit_progress (hooks, n, emitted, run.n_queue, fin, sent, start,
                         jobs_start, 0);
          last_progress = t;
          pthread_mutex_lock (&run.lock);
          continue;
        }
      if (main_works && run.next < run.n_queue)
        {
          /* The next job, here.  */
          size_t idx = run.queue[run.next++];
          pthread_mutex_unlock (&run.lock);
          process_one (&run, idx, main_tctx);
          pthread_mutex_lock (&run.lock);
          continue;
        }
      struct timespec until;
      clock_gettime (CLOCK_REALTIME, &until);
      until.tv_nsec += 250000000;
      if (until.tv_nsec >= 1000000000)
        {
          until.tv_sec++;
          until.tv_nsec -= 1000000000;
        }
      pthread_cond_timedwait (&run.done, &run.lock, &until);
    }
  summary->sentences = run.sentences;
  pthread_mutex_unlock (&run.lock);
  summary->report_seconds = now_mono () - start;
  for (unsigned long t = 0; t < started; t++)
    pthread_join (threads[t], NULL);
  started = 0;
  if (main_works && run.n_queue > 0 && ops->thread_end)
    ops->thread_end (ops->ctx, main_tctx);
  emit_progress (hooks, n, n, run.n_queue, run.n_queue, run.sentences, start,
                 jobs_start, 0);
  if (run.journal_fd >= 0)
    {
      close (run.journal_fd);
      run.journal_fd = -1;
    }
  if (run.journal_failed)
    {
      if (err)
        *err = run.journal_err;
      st = run.journal_err.status;
      goto done;
    }

  /* The new state: the reports that are good now, and the inputs hashed.  */
  for (size_t i = 0; i < n; i++)
    {
      struct slot *s = &run.slots[i];
      const struct tmc_batch_report *r = &corpus->reports[i];
      if (s->outcome == TMC_BATCH_FAILED)
        continue;
      struct tmc_bstate_report rec;
      memset (&rec, 0, sizeof rec);
      const struct tmc_error *w = NULL;
      size_t nw = 0;
      if (s->outcome == TMC_BATCH_UP_TO_DATE)
        {
          struct tmc_bstate_report *old = tmc_bstate_find_report (&state,
                                                                  r->id);
          rec = *old;
          w = old->warnings;
          nw = old->n_warnings;
        }
      else if (s->key_ok)
        {
          slot_record (s, ops, &rec);
          w = s->warnings;
          nw = s->n_warnings;
        }
      else
        continue;
      rec.id = tmc_strdup (r->id);
      rec.warnings = nw ? malloc (nw * sizeof *rec.warnings) : NULL;
      rec.n_warnings = nw;
      if (rec.id == NULL || (nw && rec.warnings == NULL)
          || tmc_grow ((void **) &next.reports, &next.reports_cap,
                       next.n_reports + 1, sizeof *next.reports) != 0)
        {
          tmc_bstate_report_destroy (&rec);
          st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
          goto done;
        }
      if (nw)
        memcpy (rec.warnings, w, nw * sizeof *rec.warnings);
      next.reports[next.n_reports++] = rec;
      for (size_t k = 0; k < s->n_inputs; k++)
        {
          if (tmc_grow ((void **) &next.inputs, &next.inputs_cap,
                        next.n_inputs + 1, sizeof *next.inputs) != 0)
            {
              st = tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                  _("out of memory"));
              goto done;
            }
          next.inputs[next.n_inputs++] = s->inputs[k];
          s->inputs[k].path = NULL;
        }
    }

  /* Outputs of reports that are gone from the corpus, or failed now.  */
  for (size_t i = 0; i < state.n_reports; i++)
    {
      const char *id = state.reports[i].id;
      if (tmc_bstate_find_report (&next, id) != NULL)
        continue;
      if (tmc_batch_id_problem (id) != NULL)
        continue;  /* never a path outside OUT, whatever the state says */
      int in_corpus = 0;
      size_t lo = 0, hi = n;
      while (lo < hi)
        {
          size_t mid = lo + (hi - lo) / 2;
          int d = strcmp (corpus->reports[mid].id, id);
          if (d == 0)
            {
              in_corpus = 1;
              break;
            }
          if (d < 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (remove_output (run.tmx_dir, id, strlen (out)) && !in_corpus)
        summary->removed++;
      for (size_t k = 0; k < ops->n_extra; k++)
        {
          char *dir = path_join (out, ops->extra_dirs[k]);
          if (dir)
            remove_output (dir, id, strlen (out));
          free (dir);
        }
    }

  /* The aggregates: rebuilt when what goes into them changed.  */
  uint64_t akey = aggregate_key (&run, &state);
  int rebuild = agg_open || !state.have_aggregate
                || state.aggregate_key != akey
                || !aggregate_files_intact (out, &state);
  if (!rebuild)
    {
      next.have_aggregate = 1;
      next.aggregate_key = akey;
      next.files = state.files;
      next.n_files = state.n_files;
      next.files_cap = state.files_cap;
      state.files = NULL;
      state.n_files = state.files_cap = 0;
    }
  st = tmc_bstate_save (out, &next, err);
  if (st != TMC_OK || !rebuild)
    goto done;

  emit_progress (hooks, n, n, run.n_queue, run.n_queue, run.sentences, start,
                 jobs_start, 1);
  if (!agg_open)
    {
      /* Nothing was done, but the aggregates are missing, changed by
         hand, or of other options: build them from the reports' TMX.  */
      st = ops->agg_begin (ops->ctx, &agg, err);
      if (st != TMC_OK)
        goto done;
      agg_open = 1;
      for (size_t i = 0; i < n && !agg_failed; i++)
        if (feed_aggregate (&run, &state, &agg, i, &agg_err) != TMC_OK)
          agg_failed = 1;
    }
  if (agg_failed)
    {
      if (err)
        *err = agg_err;
      st = agg_err.status;
      goto done;
    }
  agg_open = 0;
  double agg_start = now_mono ();
  st = ops->agg_finish (ops->ctx, &agg, corpus->problems, corpus->n_problems,
                        err);
  summary->aggregate_seconds = now_mono () - agg_start;
  if (st != TMC_OK)
    goto done;
  summary->aggregates = 1;

  /* Record the aggregate files; remove those an earlier run made that
     this one did not (a changed --name).  */
  for (size_t i = 0; i < files.n; i++)
    {
      char *p = path_join (out, files.paths[i]);
      struct stat sb;
      if (p == NULL || stat (p, &sb) != 0
          || tmc_grow ((void **) &next.files, &next.files_cap,
                       next.n_files + 1, sizeof *next.files) != 0)
        {
          free (p);
          st = tmc_error_set_errno (err, errno ? errno : ENOMEM,
                                    files.paths[i], _("cannot read file"));
          goto done;
        }
      free (p);
      next.files[next.n_files].path = files.paths[i];
      next.files[next.n_files].size = (int64_t) sb.st_size;
      next.files[next.n_files].mtime = mtime_ns (&sb);
      next.n_files++;
      files.paths[i] = NULL;
    }
  for (size_t i = 0; i < state.n_files; i++)
    {
      int kept = 0;
      for (size_t k = 0; k < next.n_files && !kept; k++)
        kept = strcmp (next.files[k].path, state.files[i].path) == 0;
      const char *rel = state.files[i].path;
      if (!kept && rel[0] != '/' && strstr (rel, "..") == NULL)
        {
          char *p = path_join (out, rel);
          if (p)
            unlink (p);
          free (p);
        }
    }
  next.have_aggregate = 1;
  next.aggregate_key = akey;
  st = tmc_bstate_save (out, &next, err);

done:
  if (started > 0)
    {
      /* Stopped early: let the workers run dry.  */
      pthread_mutex_lock (&run.lock);
      run.next = run.n_queue;
      pthread_mutex_unlock (&run.lock);
      for (unsigned long t = 0; t < started; t++)
        pthread_join (threads[t], NULL);
    }
  free (threads);
  if (agg_open)
    ops->agg_abort (ops->ctx, &agg);
  if (st == TMC_OK)
    emit_progress (hooks, n, n, run.n_queue, run.n_queue, run.sentences,
                   start, start, 2);
  summary->seconds = now_mono () - start;
  if (run.journal_fd >= 0)
    close (run.journal_fd);
  for (size_t i = 0; i < files.n; i++)
    free (files.paths[i]);
  free (files.paths);
  if (run.slots)
    for (size_t i = 0; i < n; i++)
      slot_destroy (&run.slots[i]);
  free (run.slots);
  free (run.queue);
  free (run.tmx_dir);
  free (journal);
  tmc_bstate_destroy (&state);
  tmc_bstate_destroy (&next);
  pthread_mutex_destroy (&run.lock);
  pthread_cond_destroy (&run.done);
  close (lock_fd);
  return st;
}
