/* tmconv tmx convert, filter, merge: the subcommands that write TMX.  */

#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cmd-tmx.h"
#include "tmconv/io.h"
#include "tmconv/text.h"
#include "tmconv/tmx.h"

/* Long options without a short form.  */
enum {
  OPT_ENCODING = 256,
  OPT_LANG_TAG,
  OPT_NO_PROPS,
  OPT_LANGS,
  OPT_SRCLANG,
  OPT_MIN_SCORE,
  OPT_SPLIT,
  OPT_PAIRS
};

#define MAX_LANGS 16
#define MAX_PAIRS 16

/* What the writing subcommands share.  */
struct common {
  const char *cmd;     /* "tmx convert" ... */
  const char *output;  /* NULL until -o */
  struct tmc_tmx_write_opts w;
  struct tmc_tmx_langmap map;
  int verbose;
  /* filter */
  char langs_buf[256];
  const char *langs[MAX_LANGS];
  size_t n_langs;
  const char *srclang;
  int have_min_score;
  double min_score;
  int split;
  char pairs[MAX_PAIRS][2][16];
  size_t n_pairs;
  /* merge */
  const char *tmpdir;  /* --temporary-directory */
  /* The short options getopt takes.  */
  const char *shortopts;
};

static void
common_init (struct common *c, const char *cmd)
{
  memset (c, 0, sizeof *c);
  c->cmd = cmd;
  c->shortopts = "o:qvh";
  tmc_tmx_write_opts_init (&c->w);
  tmc_tmx_langmap_init (&c->map);
  c->w.langmap = &c->map;
  c->w.warn = &tmc_cli_warn_handler;
}

/* Parse LIST, "az,en,fa", into C->langs.  Returns 0, or prints a usage
   error and returns -1.  */
static int
parse_langs (struct common *c, const char *list)
{
  if (strlen (list) >= sizeof c->langs_buf)
    {
      tmc_cli_usage_error (c->cmd, _("the list of languages is too long"));
      return -1;
    }
  strcpy (c->langs_buf, list);
  c->n_langs = 0;
  for (char *p = c->langs_buf; *p;)
    {
      char *comma = strchr (p, ',');
      if (comma)
        *comma = '\0';
      if (!tmc_tmx_lang_valid (p))
        {
          tmc_cli_usage_error (c->cmd, _("'%s' is not a language code "
                                         "(for example az or az-Latn-AZ)"),
                               p);
          return -1;
        }
      if (c->n_langs == MAX_LANGS)
        {
          tmc_cli_usage_error (c->cmd, _("too many languages (at most %d)"),
                               MAX_LANGS);
          return -1;
        }
      c->langs[c->n_langs++] = p;
      if (!comma)
        break;
      p = comma + 1;
    }
  if (c->n_langs == 0)
    {
      tmc_cli_usage_error (c->cmd, _("no language in --langs"));
      return -1;
    }
  return 0;
}

/* Parse LIST, "en-az,en-fa,az-fa", into C->pairs.  */
static int
parse_pairs (struct common *c, const char *list)
{
  struct tmc_error err;
  if (tmc_lang_pairs_parse (list, 0, c->pairs, MAX_PAIRS, &c->n_pairs, &err)
      != TMC_OK)
    {
      tmc_cli_usage_error (c->cmd, "%s", err.message);
      return -1;
    }
  if (c->n_pairs == 0)
    {
      tmc_cli_usage_error (c->cmd, _("no pair in --pairs"));
      return -1;
    }
  return 0;
}

/* Handle an option every writing subcommand has.  Returns 1 when it
   was one, 0 when not, -1 on a usage error (printed).  */
static int
common_option (struct common *c, int opt, const char *arg)
{
  struct tmc_error err;
  switch (opt)
    {
    case 'o':
      c->output = arg;
      return 1;
    case OPT_ENCODING:
      if (tmc_tmx_encoding_parse (arg, &c->w.encoding, &err) != TMC_OK)
        {
          tmc_cli_usage_error (c->cmd, "%s", err.message);
          return -1;
        }
      return 1;
    case OPT_LANG_TAG:
      if (tmc_tmx_langmap_set (&c->map, arg, &err) != TMC_OK)
        {
          tmc_cli_usage_error (c->cmd, "%s", err.message);
          return -1;
        }
      return 1;
    case OPT_NO_PROPS:
      c->w.flags |= TMC_TMX_NO_PROPS;
      return 1;
    case 'q':
      tmc_cli_quiet = 1;
      return 1;
    case 'v':
      c->verbose = 1;
      return 1;
    default:
      return 0;
    }
}

/* Parse ARGV with OPTS for C's command: the common options, and the
   command's own through EXTRA (may be NULL), which returns 1 when it took
   OPT, 0 when not, -1 after a usage error.  -h calls USAGE_FN.  At least
   one input file, and with ONE_INPUT exactly one.  Returns -1 to go on
   with the files from optind, else an exit status.  */
static int
parse_args (struct common *c, int argc, char **argv,
            const struct option *opts,
            int (*extra) (struct common *, int, const char *),
            void (*usage_fn) (void), int one_input)
{
  int opt;
  while ((opt = getopt_long (argc, argv, c->shortopts, opts, NULL)) != -1)
    {
      if (opt == 'h')
        {
          usage_fn ();
          return TMC_EXIT_OK;
        }
      int r = extra ? extra (c, opt, optarg) : 0;
      if (r == 0)
        r = common_option (c, opt, optarg);
      if (r < 0)
        return TMC_EXIT_ERROR;
      if (r == 0)
        return tmc_cli_bad_option (c->cmd);
    }
  if (optind >= argc)
    return tmc_cli_usage_error (c->cmd, _("no input file"));
  if (one_input && argc - optind > 1)
    return tmc_cli_usage_error (c->cmd, _("one input file at a time"));
  return -1;
}

#define COMMON_LONG_OPTIONS                                     \
  { "output", required_argument, NULL, 'o' },                   \
  { "encoding", required_argument, NULL, OPT_ENCODING },        \
  { "lang-tag", required_argument, NULL, OPT_LANG_TAG },        \
  { "no-props", no_argument, NULL, OPT_NO_PROPS },              \
  { "quiet", no_argument, NULL, 'q' },                          \
  { "verbose", no_argument, NULL, 'v' },                        \
  { "help", no_argument, NULL, 'h' }

static void
common_help (void)
{
  fputs (_("Output:\n"
           "  -o, --output=FILE      write to FILE (default: standard "
           "output); the file\n"
           "                           appears complete or not at all\n"
           "      --encoding=ENC     UTF-8 (default), UTF-16 (little-endian "
           "with a BOM),\n"
           "                           UTF-16LE, UTF-16BE or US-ASCII\n"
           "      --lang-tag=LANG=TAG  write TAG for every language tag whose "
           "primary\n"
           "                           subtag is LANG, in the header and in "
           "every\n"
           "                           variant (for example az=az-Latn-AZ; "
           "repeatable,\n"
           "                           or comma-separated); other tags are "
           "written in\n"
           "                           canonical case (en_us -> en-US)\n"
           "      --no-props         write no <prop> and <note> in units "
           "(Trados turns\n"
           "                           props into fields)\n"
           "  -q, --quiet            no warnings\n"
           "  -v, --verbose          say what was written\n"
           "  -h, --help             display this help and exit\n"),
         stdout);
}

/* ------------------------------------------------------------------ */
/* Streaming from one input to one or more outputs.  */

struct sink {
  tmc_output *out;
  tmc_tmx_writer *w;
  struct tmc_tmx_write_opts opts;
  char *path;
  const char *langs[2];
  struct tmc_tmx_write_stats stats;
};

/* Units go from the reading thread to a writing thread in batches,
   through a queue of at most QUEUE_LEN of them, so that reading and
   writing overlap and memory stays flat.  */
#define BATCH_UNITS 256
#define QUEUE_LEN 8

struct batch {
  struct tmc_tu *tus;
  size_t n;
};

struct pipe_state {
  struct common *c;
  struct sink *sinks;
  size_t n_sinks;
  size_t units_read, below_score;
  /* The writing thread.  */
  int threaded;
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t changed;
  struct batch queue[QUEUE_LEN];
  size_t head, count;
  int done;
  enum tmc_status wstatus;  /* the first error in writing */
  struct tmc_error werr;
  struct batch cur;         /* being filled by the reader */
};

/* Warnings come from both threads: one at a time.  */
static pthread_mutex_t warn_lock = PTHREAD_MUTEX_INITIALIZER;

static void
locked_warn (void *data, const struct tmc_error *w)
{
  (void) data;
  pthread_mutex_lock (&warn_lock);
  tmc_cli_warn (NULL, w);
  pthread_mutex_unlock (&warn_lock);
}

static const struct tmc_warn_handler locked_warn_handler = { locked_warn,
                                                             NULL };

/* Write the units of B to every sink and free them; the first error is
   kept in P->wstatus (written to under the lock).  */
static void
write_batch (struct pipe_state *p, struct batch *b)
{
  for (size_t u = 0; u < b->n; u++)
    {
      for (size_t i = 0; i < p->n_sinks && p->wstatus == TMC_OK; i++)
        {
          struct tmc_error e;
          enum tmc_status st = tmc_tmx_writer_add (p->sinks[i].w, &b->tus[u],
                                                   &e);
          if (st != TMC_OK)
            {
              pthread_mutex_lock (&p->lock);
              p->werr = e;
              p->wstatus = st;
              pthread_mutex_unlock (&p->lock);
            }
        }
      tmc_tu_destroy (&b->tus[u]);
    }
  free (b->tus);
  b->tus = NULL;
  b->n = 0;
}

static void *
writer_main (void *data)
{
  struct pipe_state *p = data;
  for (;;)
    {
      pthread_mutex_lock (&p->lock);
      while (p->count == 0 && !p->done)
        pthread_cond_wait (&p->changed, &p->lock);
      if (p->count == 0)
        {
          pthread_mutex_unlock (&p->lock);
          return NULL;
        }
      struct batch b = p->queue[p->head];
      p->head = (p->head + 1) % QUEUE_LEN;
      p->count--;
      pthread_cond_broadcast (&p->changed);
      pthread_mutex_unlock (&p->lock);
      write_batch (p, &b);
    }
}

/* Hand the current batch to the writing thread (or write it, without
   one).  Returns the first error of writing, or TMC_OK.  */
static enum tmc_status
push_batch (struct pipe_state *p, struct tmc_error *err)
{
  enum tmc_status st;
  if (!p->threaded)
    {
      write_batch (p, &p->cur);
      st = p->wstatus;
    }
  else
    {
      pthread_mutex_lock (&p->lock);
      while (p->count == QUEUE_LEN)
        pthread_cond_wait (&p->changed, &p->lock);
      p->queue[(p->head + p->count) % QUEUE_LEN] = p->cur;
      p->count++;
      pthread_cond_broadcast (&p->changed);
      st = p->wstatus;
      pthread_mutex_unlock (&p->lock);
      p->cur.tus = NULL;
      p->cur.n = 0;
    }
  if (st != TMC_OK && err)
    *err = p->werr;
  return st;
}

/* Let the writing thread finish what is queued, and join it.  */
static void
stop_writer (struct pipe_state *p)
{
  if (p->cur.n > 0)
    push_batch (p, NULL);
  free (p->cur.tus);
  p->cur.tus = NULL;
  if (p->threaded)
    {
      pthread_mutex_lock (&p->lock);
      p->done = 1;
      pthread_cond_broadcast (&p->changed);
      pthread_mutex_unlock (&p->lock);
      pthread_join (p->thread, NULL);
      p->threaded = 0;
    }
}

static enum tmc_status
pipe_header (void *data, struct tmc_tm_header *h, struct tmc_error *err)
{
  struct pipe_state *p = data;
  for (size_t i = 0; i < p->n_sinks; i++)
    {
      struct sink *s = &p->sinks[i];
      enum tmc_status st = tmc_tmx_writer_new (tmc_output_stream (s->out), h,
                                               &s->opts, &s->w, err);
      if (st != TMC_OK)
        return st;
    }
  /* Without a thread, the reader writes the batches itself.  */
  p->threaded = pthread_create (&p->thread, NULL, writer_main, p) == 0;
  return TMC_OK;
}

static enum tmc_status
pipe_unit (void *data, struct tmc_tu *tu, unsigned long line,
           unsigned long column, struct tmc_error *err)
{
  struct pipe_state *p = data;
  (void) line, (void) column;
  p->units_read++;
  if (p->c->have_min_score)
    {
      double score;
      if (tmc_tmx_unit_score (tu, &score) == 1 && score < p->c->min_score)
        {
          p->below_score++;
          return TMC_OK;
        }
    }
  if (p->cur.tus == NULL)
    {
      p->cur.tus = malloc (BATCH_UNITS * sizeof *p->cur.tus);
      if (p->cur.tus == NULL)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, "%s",
                              _("out of memory"));
    }
  p->cur.tus[p->cur.n++] = *tu;
  tmc_tu_init (tu);
  if (p->cur.n == BATCH_UNITS)
    return push_batch (p, err);
  return TMC_OK;
}

static void
pipe_init (struct pipe_state *p, struct common *c)
{
  memset (p, 0, sizeof *p);
  p->c = c;
  pthread_mutex_init (&p->lock, NULL);
  pthread_cond_init (&p->changed, NULL);
}

static void
sinks_free (struct pipe_state *p, int abort)
{
  stop_writer (p);
  for (size_t i = 0; i < p->n_sinks; i++)
    {
      tmc_tmx_writer_free (p->sinks[i].w);
      if (abort)
        tmc_output_abort (p->sinks[i].out);
      free (p->sinks[i].path);
    }
  free (p->sinks);
  pthread_mutex_destroy (&p->lock);
  pthread_cond_destroy (&p->changed);
}

/* Read INPUT once and write it to every sink of P.  */
static int
run_pipe (struct pipe_state *p, const char *input)
{
  struct tmc_error err;
  /* Open every output first, so that a bad name fails before the
     work.  */
  for (size_t i = 0; i < p->n_sinks; i++)
    {
      struct sink *s = &p->sinks[i];
      s->opts.name = strcmp (s->path, "-") == 0 ? _("standard output")
                                                : s->path;
      s->opts.warn = &locked_warn_handler;
      if (tmc_output_open (s->path, &s->out, &err) != TMC_OK)
        {
          tmc_cli_report (&err);
          sinks_free (p, 1);
          return TMC_EXIT_ERROR;
        }
    }
  struct tmc_tmx_read_opts o;
  tmc_tmx_read_opts_init (&o);
  o.warn = &locked_warn_handler;
  o.header = pipe_header;
  o.unit = pipe_unit;
  o.data = p;
  o.flags = TMC_TMX_READ_NO_POSITIONS;
  enum tmc_status st = tmc_tmx_read_stream (input, &o, NULL, &err);
  /* What is queued is written; a writing error comes first.  */
  stop_writer (p);
  if (st == TMC_OK && p->wstatus != TMC_OK)
    {
      st = p->wstatus;
      err = p->werr;
    }
  for (size_t i = 0; st == TMC_OK && i < p->n_sinks; i++)
    {
      struct sink *s = &p->sinks[i];
      st = tmc_tmx_writer_finish (s->w, &s->stats, &err);
      s->w = NULL;
    }
  for (size_t i = 0; st == TMC_OK && i < p->n_sinks; i++)
    {
      struct sink *s = &p->sinks[i];
      st = tmc_output_commit (s->out, &err);
      s->out = NULL;
    }
  if (st != TMC_OK)
    {
      tmc_cli_report (&err);
      sinks_free (p, 1);
      return TMC_EXIT_ERROR;
    }
  if (p->c->verbose)
    for (size_t i = 0; i < p->n_sinks; i++)
      {
        const struct sink *s = &p->sinks[i];
        const char *name = strcmp (s->path, "-") == 0 ? _("standard output")
                                                      : s->path;
        if (p->c->have_min_score)
          tmc_cli_error (ngettext ("%s: %zu unit written, %zu left out "
                                   "(%zu below the minimum score)",
                                   "%s: %zu units written, %zu left out "
                                   "(%zu below the minimum score)",
                                   s->stats.units),
                         name, s->stats.units,
                         s->stats.units_skipped + p->below_score,
                         p->below_score);
        else
          tmc_cli_error (ngettext ("%s: %zu unit written, %zu left out",
                                   "%s: %zu units written, %zu left out",
                                   s->stats.units),
                         name, s->stats.units, s->stats.units_skipped);
      }
  sinks_free (p, 0);
  return TMC_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* convert */

static void
convert_usage (void)
{
  printf (_("Usage: %s tmx convert [OPTION]... FILE\n"), tmc_program_name);
  fputs (_("Rewrite FILE as TMX 1.4b that CAT tools accept: any TMX from "
           "1.1 to 1.4b,\n"
           "in UTF-8 or UTF-16, becomes <tmx version=\"1.4\"> with the seven "
           "required\n"
           "header attributes, xml:lang instead of lang, dates as "
           "YYYYMMDDThhmmssZ,\n"
           "one language tag per language, the source variant first in "
           "every unit,\n"
           "no empty segment, inline codes kept; attributes TMX does not "
           "define are\n"
           "left out with a warning.  The file is read and written as a "
           "stream.\n"),
         stdout);
  fputs ("\n", stdout);
  common_help ();
  fputs ("\n", stdout);
  printf (_("Example: %s tmx convert --encoding=UTF-16 -o memoq.tmx "
            "reports.tmx\n"), tmc_program_name);
  tmc_cli_help_footer (stdout);
}

int
tmc_tmx_cmd_convert (int argc, char **argv)
{
  static const struct option opts[] = { COMMON_LONG_OPTIONS,
                                        { NULL, 0, NULL, 0 } };
  struct common c;
  common_init (&c, "tmx convert");
  int r = parse_args (&c, argc, argv, opts, NULL, convert_usage, 1);
  if (r >= 0)
    return r;
  struct pipe_state p;
  pipe_init (&p, &c);
  p.sinks = calloc (1, sizeof *p.sinks);
  if (p.sinks == NULL)
    {
      tmc_cli_error ("%s", _("out of memory"));
      return TMC_EXIT_ERROR;
    }
  p.n_sinks = 1;
  p.sinks[0].opts = c.w;
  p.sinks[0].path = strdup (c.output ? c.output : "-");
  return run_pipe (&p, argv[optind]);
}

/* ------------------------------------------------------------------ */
/* filter */

static void
filter_usage (void)
{
  printf (_("Usage: %s tmx filter [OPTION]... FILE\n"), tmc_program_name);
  fputs (_("Write the units of FILE that pass the filters, as convert "
           "writes them.\n"
           "With --split, write one bilingual TMX per language pair "
           "instead, for the\n"
           "tools that reject units in more than two languages (Trados, "
           "memoQ,\n"
           "MateCat).  FILE is read once, as a stream.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Filters:\n"
           "      --langs=L,L...     keep only the variants in these "
           "languages (primary\n"
           "                           subtags match: az matches az-Latn-AZ) "
           "and only\n"
           "                           the units with variants in at least "
           "two of them\n"
           "                           (with one language: in that one)\n"
           "      --srclang=L        the source language of the output "
           "(default: the\n"
           "                           input's when it is kept, else the "
           "first of\n"
           "                           --langs); its variant comes first in "
           "every unit\n"
           "      --min-score=X      leave out the units whose x-score is "
           "below X (a\n"
           "                           number from 0 to 1, written with a "
           "'.'); units\n"
           "                           without a score are kept\n"
           "      --split            write OUT.SRC-TGT.tmx for each pair, "
           "with SRC the\n"
           "                           source and only the units that have "
           "both\n"
           "      --pairs=P,P...     the pairs for --split (default "
           "en-az,en-fa,az-fa);\n"
           "                           implies --split\n"),
         stdout);
  fputs ("\n", stdout);
  common_help ();
  fputs ("\n", stdout);
  printf (_("Examples:\n"
            "  %s tmx filter --langs=en,az --min-score=0.5 -o en-az.tmx "
            "reports.tmx\n"
            "  %s tmx filter --split -o out/reports.tmx reports.tmx\n"
            "      writes out/reports.en-az.tmx, out/reports.en-fa.tmx and "
            "out/reports.az-fa.tmx\n"),
          tmc_program_name, tmc_program_name);
  tmc_cli_help_footer (stdout);
}

/* --srclang=ARG: 1, or -1 after a usage error.  */
static int
set_srclang (struct common *c, const char *arg)
{
  if (!tmc_tmx_lang_valid (arg))
    {
      tmc_cli_usage_error (c->cmd, _("'%s' is not a language code (for "
                                     "example az or az-Latn-AZ)"), arg);
      return -1;
    }
  c->srclang = arg;
  return 1;
}

/* The options of filter alone; see parse_args.  */
static int
filter_option (struct common *c, int opt, const char *arg)
{
  switch (opt)
    {
    case OPT_LANGS:
      return parse_langs (c, arg) == 0 ? 1 : -1;
    case OPT_SRCLANG:
      return set_srclang (c, arg);
    case OPT_MIN_SCORE:
      if (tmc_tmx_parse_score (arg, &c->min_score) != 0 || c->min_score > 1)
        {
          tmc_cli_usage_error (c->cmd, _("invalid value '%s' for "
                                         "--min-score: expected a number "
                                         "from 0 to 1, such as 0.5"), arg);
          return -1;
        }
      c->have_min_score = 1;
      return 1;
    case OPT_SPLIT:
      c->split = 1;
      return 1;
    case OPT_PAIRS:
      if (parse_pairs (c, arg) != 0)
        return -1;
      c->split = 1;
      return 1;
    default:
      return 0;
    }
}

int
tmc_tmx_cmd_filter (int argc, char **argv)
{
  static const struct option opts[] = {
    COMMON_LONG_OPTIONS,
    { "langs", required_argument, NULL, OPT_LANGS },
    { "srclang", required_argument, NULL, OPT_SRCLANG },
    { "min-score", required_argument, NULL, OPT_MIN_SCORE },
    { "split", no_argument, NULL, OPT_SPLIT },
    { "pairs", required_argument, NULL, OPT_PAIRS },
    { NULL, 0, NULL, 0 }
  };
  struct common c;
  common_init (&c, "tmx filter");
  int r = parse_args (&c, argc, argv, opts, filter_option, filter_usage, 1);
  if (r >= 0)
    return r;
  if (c.split && c.n_langs > 0)
    return tmc_cli_usage_error (c.cmd, _("--split and --langs cannot be "
                                         "used together"));
  if (c.split && c.srclang)
    return tmc_cli_usage_error (c.cmd, _("--split and --srclang cannot be "
                                         "used together: each pair names "
                                         "its source"));
  if (c.split && (c.output == NULL || strcmp (c.output, "-") == 0))
    return tmc_cli_usage_error (c.cmd, _("--split needs -o FILE to name "
                                         "the bilingual files"));
  if (c.split && c.n_pairs == 0)
    parse_pairs (&c, "en-az,en-fa,az-fa");

  struct pipe_state p;
  pipe_init (&p, &c);
  size_t n = c.split ? c.n_pairs : 1;
  p.sinks = calloc (n, sizeof *p.sinks);
  if (p.sinks == NULL)
    {
      tmc_cli_error ("%s", _("out of memory"));
      return TMC_EXIT_ERROR;
    }
  p.n_sinks = n;
  for (size_t i = 0; i < n; i++)
    {
      struct sink *s = &p.sinks[i];
      s->opts = c.w;
      if (c.split)
        {
          s->langs[0] = c.pairs[i][0];
          s->langs[1] = c.pairs[i][1];
          s->opts.langs = s->langs;
          s->opts.n_langs = 2;
          s->opts.srclang = c.pairs[i][0];
          s->opts.min_langs = 2;
          s->path = tmc_tmx_pair_path (c.output, c.pairs[i][0],
                                       c.pairs[i][1]);
        }
      else
        {
          if (c.n_langs > 0)
            {
              s->opts.langs = c.langs;
              s->opts.n_langs = c.n_langs;
              s->opts.min_langs = c.n_langs >= 2 ? 2 : 1;
            }
          s->opts.srclang = c.srclang;
          s->path = strdup (c.output ? c.output : "-");
        }
      if (s->path == NULL)
        {
          tmc_cli_error ("%s", _("out of memory"));
          sinks_free (&p, 0);
          return TMC_EXIT_ERROR;
        }
    }
  /* Two pairs with the same file name would overwrite each other.  */
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      if (strcmp (p.sinks[i].path, p.sinks[j].path) == 0)
        {
          r = tmc_cli_usage_error (c.cmd, _("the pair %s-%s is given twice"),
                                   c.pairs[i][0], c.pairs[i][1]);
          sinks_free (&p, 0);
          return r;
        }
  return run_pipe (&p, argv[optind]);
}

/* ------------------------------------------------------------------ */
/* merge */

/* Inputs larger than this in all are merged with the units in a
   temporary file rather than in memory.  */
#define MERGE_SPILL_BYTES ((long long) 64 << 20)

struct merge_state {
  struct tmc_tm *tm;    /* the header */
  tmc_tmx_merger *m;
  int spill;            /* units in a temporary file in TMPDIR */
  const char *tmpdir;
  const char *srclang;  /* --srclang */
  const char *file;     /* the file being read */
  int first;
};

static enum tmc_status
merge_header (void *data, struct tmc_tm_header *h, struct tmc_error *err)
{
  struct merge_state *s = data;
  if (!s->first)
    return TMC_OK;
  s->first = 0;
  s->tm->header = *h;
  memset (h, 0, sizeof *h);
  const char *src = s->srclang;
  if (src == NULL && s->tm->header.srclang
      && tmc_tmx_lang_valid (s->tm->header.srclang))
    src = s->tm->header.srclang;
  if (s->spill)
    return tmc_tmx_merger_new_spill (src, s->tmpdir, &s->m, err);
  return tmc_tmx_merger_new (src, &s->m, err);
}

static enum tmc_status
merge_unit (void *data, struct tmc_tu *tu, unsigned long line,
            unsigned long column, struct tmc_error *err)
{
  struct merge_state *s = data;
  return tmc_tmx_merger_add (s->m, tu, s->file, line, column,
                             &tmc_cli_warn_handler, err);
}

static void
merge_usage (void)
{
  printf (_("Usage: %s tmx merge [OPTION]... FILE...\n"), tmc_program_name);
  fputs (_("Merge the units of the FILEs into one TMX.  Units are matched "
           "by the text\n"
           "of their source-language variant: a unit that agrees with an "
           "earlier one\n"
           "in every language both have is merged into it (the earlier "
           "unit keeps\n"
           "its tuid and properties and gains the variants it lacked); a "
           "unit that\n"
           "disagrees is kept as a unit of its own and reported as a "
           "conflict, with\n"
           "the places of both.  The header is the first file's.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Merging:\n"
           "      --srclang=L        the source language (default: the "
           "first file's)\n"
           "  -T, --temporary-directory=DIR  keep the units in a temporary "
           "file in DIR\n"
           "                           rather than in memory (done in "
           "$TMPDIR, else /tmp,\n"
           "                           when the inputs add up to more than "
           "64 MiB)\n"),
         stdout);
  fputs ("\n", stdout);
  common_help ();
  fputs ("\n", stdout);
  printf (_("Example: %s tmx merge -o all.tmx 2025/*.tmx 2026/*.tmx\n"),
          tmc_program_name);
  tmc_cli_help_footer (stdout);
}

/* The options of merge alone; see parse_args.  */
static int
merge_option (struct common *c, int opt, const char *arg)
{
  if (opt == 'T')
    {
      c->tmpdir = arg;
      return 1;
    }
  return opt == OPT_SRCLANG ? set_srclang (c, arg) : 0;
}

/* 1 when the files ARGV[0] to ARGV[N - 1] add up to more than
   MERGE_SPILL_BYTES (standard input and what is not a regular file
   count nothing).  */
static int
large_inputs (char **argv, int n)
{
  long long total = 0;
  for (int i = 0; i < n; i++)
    {
      struct stat st;
      if (strcmp (argv[i], "-") != 0 && stat (argv[i], &st) == 0
          && S_ISREG (st.st_mode))
        total += (long long) st.st_size;
    }
  return total > MERGE_SPILL_BYTES;
}

int
tmc_tmx_cmd_merge (int argc, char **argv)
{
  static const struct option opts[] = {
    COMMON_LONG_OPTIONS,
    { "srclang", required_argument, NULL, OPT_SRCLANG },
    { "temporary-directory", required_argument, NULL, 'T' },
    { NULL, 0, NULL, 0 }
  };
  struct common c;
  common_init (&c, "tmx merge");
  c.shortopts = "o:qvhT:";
  int r = parse_args (&c, argc, argv, opts, merge_option, merge_usage, 0);
  if (r >= 0)
    return r;
  struct merge_state s;
  memset (&s, 0, sizeof s);
  s.tm = tmc_tm_new ();
  s.tmpdir = c.tmpdir;
  s.spill = c.tmpdir != NULL || large_inputs (argv + optind, argc - optind);
  s.srclang = c.srclang;
  s.first = 1;
  struct tmc_error err;
  enum tmc_status st = s.tm ? TMC_OK
                            : tmc_error_set (&err, TMC_ERR_NOMEM, NULL, 0, 0,
                                             "%s", _("out of memory"));
  for (int i = optind; st == TMC_OK && i < argc; i++)
    {
      struct tmc_tmx_read_opts o;
      tmc_tmx_read_opts_init (&o);
      o.warn = &tmc_cli_warn_handler;
      o.header = merge_header;
      o.unit = merge_unit;
      o.data = &s;
      s.file = strcmp (argv[i], "-") == 0 ? _("standard input") : argv[i];
      st = tmc_tmx_read_stream (argv[i], &o, NULL, &err);
    }
  struct tmc_tmx_merge_stats ms;
  memset (&ms, 0, sizeof ms);
  struct tmc_tmx_write_stats ws;
  memset (&ws, 0, sizeof ws);
  /* The merged units go to the writer one at a time, from memory or from
     the temporary file.  */
  if (st == TMC_OK)
    {
      c.w.srclang = c.srclang;
      if (s.m)
        {
          tmc_tmx_merger_stats (s.m, &ms);
          st = tmc_tmx_merger_write (s.m, &s.tm->header,
                                     c.output ? c.output : "-", &c.w, &ws,
                                     &err);
        }
      else
        st = tmc_tmx_write (s.tm, c.output ? c.output : "-", &c.w, &ws,
                            &err);
    }
  tmc_tmx_merger_free (s.m);
  tmc_tm_free (s.tm);
  if (st != TMC_OK)
    {
      tmc_cli_report (&err);
      return TMC_EXIT_ERROR;
    }
  if (c.verbose)
    tmc_cli_error (ngettext ("%zu unit read, %zu written: %zu duplicates, "
                             "%zu merged, %zu conflicts",
                             "%zu units read, %zu written: %zu duplicates, "
                             "%zu merged, %zu conflicts", ms.units_in),
                   ms.units_in, ws.units, ms.duplicates, ms.merged,
                   ms.conflicts);
  return TMC_EXIT_OK;
}
