/* tmconv batch: align a whole corpus of reports, incrementally, in
   parallel, with a review report.  */

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tmconv/batch.h"

TMC_COMMAND (batch, 60, N_("align a whole corpus of reports into TMX, PO "
                           "and a review report"));

static void
usage (void)
{
  printf (_("Usage: %s batch [OPTION]... CORPUS\n"), tmc_program_name);
  fputs (_("Align every report of CORPUS and write the translation memories, "
           "the gettext\n"
           "catalogues and a review report to the output directory.  CORPUS "
           "is a\n"
           "directory of ID.LANG.txt files (LANG az, fa or en; at any depth: "
           "the\n"
           "subfolders are part of the ID), or a manifest: a TSV file with an "
           "id and a\n"
           "path per language on each line (see 'Batch manifest' in the "
           "README).\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("For each report, OUT/tmx/ID.tmx and, per language pair, "
           "OUT/pairs/PAIR/ID.tmx;\n"
           "then OUT/NAME.tmx (all reports), the bilingual "
           "OUT/NAME.en-az.tmx,\n"
           "OUT/NAME.en-fa.tmx and OUT/NAME.az-fa.tmx, OUT/po/NAME.pot, "
           "az.po and fa.po,\n"
           "OUT/report.json and OUT/report.html.  A re-run redoes only the "
           "reports\n"
           "whose inputs or options changed.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Batch:\n"
           "  -o, --output=OUT       the output directory (default: out)\n"
           "      --name=NAME        the name of the merged files (default: "
           "the name of\n"
           "                         CORPUS)\n"
           "  -j, --jobs=N           N worker threads (default: one per "
           "CPU)\n"
           "      --shard=K/N        only the K-th of N equal parts of the "
           "reports\n"
           "      --force            redo every report, even those up to "
           "date\n"
           "  -q, --quiet            no progress line and no summary\n"
           "  -v, --verbose          also say how long the reports and the "
           "merged files took\n"
           "      --low-score=X      beads scored below X are low-confidence "
           "in the\n"
           "                         review report (default: 0.9)\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Reading, segmenting, aligning (as in segment and align):\n"
           "      --from-code=[LANG=]ENC  the encoding of the inputs (of "
           "language LANG)\n"
           "                         that the manifest gives none for "
           "(repeatable)\n"
           "      --srx=FILE         segmentation rules (SRX 2.0) instead "
           "of the built-in\n"
           "      --dict=FILE        add a dictionary to the lexicon "
           "(repeatable)\n"
           "      --pivot=LANG       join two pairwise alignments on LANG "
           "instead of\n"
           "                         aligning all three jointly\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("TMX and PO (as in tmx and po export):\n"
           "      --lang-tag=L=TAG   the tag for language L (default: "
           "az=az-Latn-AZ,\n"
           "                         fa=fa-IR, en=en-US; repeatable)\n"
           "      --encoding=ENC     UTF-8 (default) or UTF-16\n"
           "      --no-props         write no <prop> elements (for Trados)\n"
           "      --pairs=LIST       the bilingual files (default: "
           "en-az,en-fa,az-fa)\n"
           "      --no-po            write no catalogues\n"
           "      --po-source=LANG   the language of the msgids (default: "
           "en)\n"
           "      --po-langs=LIST    the catalogues' languages (default: "
           "az,fa)\n"
           "      --domain=NAME      the template's name (default: NAME)\n"
           "      --fuzzy-below=X    entries scored below X are fuzzy "
           "(default: 0.9)\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -h, --help             display this help and exit\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 all reports done, 1 some failed (listed in the "
           "report and\n"
           "on standard error; the others are done), 2 an error stopped the "
           "run.\n"),
         stdout);
  fputs ("\n", stdout);
  printf (_("Example: %s batch -o out -j 4 reports/\n"), tmc_program_name);
  tmc_cli_help_footer (stdout);
}

/* ---- Progress line and messages -------------------------------------- */

struct ui {
  int progress;      /* draw the progress line */
  int line_shown;    /* it is on the screen now */
  int quiet;
};

static void
clear_line (struct ui *ui)
{
  if (ui->line_shown)
    {
      fputs ("\r\033[K", stderr);
      ui->line_shown = 0;
    }
}

static void
put_duration (char *buf, size_t size, double secs)
{
  long s = (long) (secs + 0.5);
  if (s >= 3600)
    snprintf (buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    snprintf (buf, size, "%ld:%02ld", s / 60, s % 60);
}

static void
on_progress (void *data, const struct tmc_batch_progress *p)
{
  struct ui *ui = data;
  if (!ui->progress)
    return;
  char el[32], eta[32];
  put_duration (el, sizeof el, p->elapsed);
  double rate = p->elapsed > 0 ? (double) p->sentences / p->elapsed : 0;
  fputs ("\r\033[K", stderr);
  if (p->stage == 0)
    {
      if (p->eta >= 0)
        put_duration (eta, sizeof eta, p->eta);
      else
        snprintf (eta, sizeof eta, "?");
      /* TRANSLATORS: the progress line of tmconv batch: reports
         finished/total, sentences per second, elapsed time, estimated
         time left.  */
      fprintf (stderr, _("batch: %zu/%zu reports, %.0f sentences/s, %s "
                         "elapsed, ETA %s"), p->finished, p->total, rate, el,
               eta);
    }
  else if (p->stage == 1)
    fprintf (stderr, _("batch: %zu/%zu reports, %s elapsed, writing the "
                       "merged files and the report"), p->finished, p->total,
             el);
  else
    {
      ui->line_shown = 0;
      fputs ("\r\033[K", stderr);
      fflush (stderr);
      return;
    }
  ui->line_shown = 1;
  fflush (stderr);
}

static void
on_report (void *data, const struct tmc_batch_result *r)
{
  struct ui *ui = data;
  if (r->outcome == TMC_BATCH_UP_TO_DATE)
    return;
  if (r->n_warnings > 0 && !ui->quiet)
    {
      clear_line (ui);
      for (size_t i = 0; i < r->n_warnings; i++)
        tmc_cli_warn (NULL, &r->warnings[i]);
    }
  if (r->outcome == TMC_BATCH_FAILED)
    {
      clear_line (ui);
      tmc_cli_report (r->error);
    }
}

static void
on_problem (void *data, const struct tmc_error *e)
{
  clear_line (data);
  tmc_cli_report (e);
}

static void
on_warning (void *data, const struct tmc_error *w)
{
  struct ui *ui = data;
  clear_line (ui);
  tmc_cli_warn (NULL, w);
}

/* The default --name: the last component of CORPUS without .tsv or
   .txt; "corpus" when that is empty or ".".  */
static char *
default_name (const char *corpus)
{
  size_t n = strlen (corpus);
  while (n > 1 && corpus[n - 1] == '/')
    n--;
  size_t start = n;
  while (start > 0 && corpus[start - 1] != '/')
    start--;
  char *name = malloc (n - start + 1);
  if (name == NULL)
    return NULL;
  memcpy (name, corpus + start, n - start);
  name[n - start] = '\0';
  size_t len = strlen (name);
  for (const char *const *ext = (const char *const[]) { ".tsv", ".txt",
                                                        NULL };
       *ext; ext++)
    {
      size_t el = strlen (*ext);
      if (len > el && strcmp (name + len - el, *ext) == 0)
        name[len - el] = '\0';
    }
  if (name[0] == '\0' || strcmp (name, ".") == 0 || strcmp (name, "..") == 0
      || strcmp (name, "-") == 0 || tmc_batch_id_problem (name) != NULL)
    {
      free (name);
      return strdup ("corpus");
    }
  return name;
}

enum {
  OPT_SHARD = 256,
  OPT_FORCE,
  OPT_NAME,
  OPT_LOW_SCORE,
  OPT_FROM_CODE,
  OPT_SRX,
  OPT_DICT,
  OPT_PIVOT,
  OPT_LANG_TAG,
  OPT_ENCODING,
  OPT_NO_PROPS,
  OPT_PAIRS,
  OPT_NO_PO,
  OPT_PO_SOURCE,
  OPT_PO_LANGS,
  OPT_DOMAIN,
  OPT_FUZZY_BELOW,
  OPT_VERBOSE
};

int
cmd_batch (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "output", required_argument, NULL, 'o' },
    { "jobs", required_argument, NULL, 'j' },
    { "shard", required_argument, NULL, OPT_SHARD },
    { "force", no_argument, NULL, OPT_FORCE },
    { "quiet", no_argument, NULL, 'q' },
    { "name", required_argument, NULL, OPT_NAME },
    { "low-score", required_argument, NULL, OPT_LOW_SCORE },
    { "from-code", required_argument, NULL, OPT_FROM_CODE },
    { "srx", required_argument, NULL, OPT_SRX },
    { "dict", required_argument, NULL, OPT_DICT },
    { "pivot", required_argument, NULL, OPT_PIVOT },
    { "lang-tag", required_argument, NULL, OPT_LANG_TAG },
    { "encoding", required_argument, NULL, OPT_ENCODING },
    { "no-props", no_argument, NULL, OPT_NO_PROPS },
    { "pairs", required_argument, NULL, OPT_PAIRS },
    { "no-po", no_argument, NULL, OPT_NO_PO },
    { "po-source", required_argument, NULL, OPT_PO_SOURCE },
    { "po-langs", required_argument, NULL, OPT_PO_LANGS },
    { "domain", required_argument, NULL, OPT_DOMAIN },
    { "fuzzy-below", required_argument, NULL, OPT_FUZZY_BELOW },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const char *cmd = "batch";
  struct tmc_batch_options o;
  tmc_batch_options_init (&o);
  o.out_dir = "out";
  o.name = NULL;
  unsigned long shard_k = 0, shard_n = 0;
  const char **dicts = calloc ((size_t) argc + 1, sizeof *dicts);
  const char **tags = calloc ((size_t) argc + 1, sizeof *tags);
  int status = TMC_EXIT_OK;
  struct ui ui = { 0, 0, 0 };
  struct tmc_corpus *corpus = NULL;
  char *name = NULL;
  if (dicts == NULL || tags == NULL)
    {
      tmc_cli_error ("%s", _("out of memory"));
      status = TMC_EXIT_ERROR;
      goto out;
    }
  o.dicts = dicts;
  o.lang_tags = tags;

  int c;
  int verbose = 0;
  while ((c = getopt_long (argc, argv, "o:j:qvh", longopts, NULL)) != -1)
    {
      long v;
      double d;
      switch (c)
        {
        case 'o':
          o.out_dir = optarg;
          break;
        case 'j':
          if (tmc_cli_parse_long (cmd, "--jobs", optarg, 1, 1024, &v) != 0)
            {
              status = TMC_EXIT_ERROR;
              goto out;
            }
          o.jobs = (unsigned long) v;
          break;
        case OPT_SHARD:
          {
            char *slash = strchr (optarg, '/');
            char *end;
            unsigned long k = strtoul (optarg, &end, 10);
            unsigned long n = slash ? strtoul (slash + 1, &end, 10) : 0;
            if (slash == NULL || end == slash + 1 || *end != '\0'
                || optarg[0] < '0' || optarg[0] > '9' || slash[1] < '0'
                || slash[1] > '9' || k < 1 || n < 1 || k > n
                || n > 1000000)
              {
                status = tmc_cli_usage_error (cmd, _("invalid shard '%s': "
                                                     "expected K/N with "
                                                     "1 <= K <= N"), optarg);
                goto out;
              }
            shard_k = k;
            shard_n = n;
          }
          break;
        case OPT_FORCE:
          o.force = 1;
          break;
        case 'q':
          ui.quiet = 1;
          break;
        case 'v':
          verbose = 1;
          break;
        case OPT_NAME:
          o.name = optarg;
          break;
        case OPT_LOW_SCORE:
          if (tmc_cli_parse_double (cmd, "--low-score", optarg, 0, 1, &d)
              != 0)
            {
              status = TMC_EXIT_ERROR;
              goto out;
            }
          o.low_score = d;
          break;
        case OPT_FROM_CODE:
          {
            /* ENC, or LANG=ENC for the files of one language.  */
            const char *eq = strchr (optarg, '=');
            if (eq == NULL)
              o.from_code = optarg;
            else
              {
                char lang[16];
                size_t n = (size_t) (eq - optarg);
                int l = -1;
                if (n < sizeof lang)
                  {
                    memcpy (lang, optarg, n);
                    lang[n] = '\0';
                    l = tmc_batch_lang_index (lang);
                  }
                if (l < 0 || eq[1] == '\0')
                  {
                    status = tmc_cli_usage_error (cmd, _("invalid value "
                                                         "'%s' for "
                                                         "--from-code: "
                                                         "expected ENC or "
                                                         "LANG=ENC, LANG "
                                                         "one of az, fa, "
                                                         "en"), optarg);
                    goto out;
                  }
                o.from_code_lang[l] = eq + 1;
              }
          }
          break;
        case OPT_SRX:
          o.srx = optarg;
          break;
        case OPT_DICT:
          dicts[o.n_dicts++] = optarg;
          break;
        case OPT_PIVOT:
          o.pivot = optarg;
          break;
        case OPT_LANG_TAG:
          tags[o.n_lang_tags++] = optarg;
          break;
        case OPT_ENCODING:
          o.encoding = optarg;
          break;
        case OPT_NO_PROPS:
          o.no_props = 1;
          break;
        case OPT_PAIRS:
          o.pairs = optarg;
          break;
        case OPT_NO_PO:
          o.no_po = 1;
          break;
        case OPT_PO_SOURCE:
          o.po_source = optarg;
          break;
        case OPT_PO_LANGS:
          o.po_langs = optarg;
          break;
        case OPT_DOMAIN:
          o.po_domain = optarg;
          break;
        case OPT_FUZZY_BELOW:
          if (tmc_cli_parse_double (cmd, "--fuzzy-below", optarg, 0, 1, &d)
              != 0)
            {
              status = TMC_EXIT_ERROR;
              goto out;
            }
          o.fuzzy_below = d;
          break;
        case 'h':
          usage ();
          goto out;
        default:
          status = tmc_cli_bad_option (cmd);
          goto out;
        }
    }
  if (optind >= argc)
    {
      status = tmc_cli_usage_error (cmd, _("no corpus given"));
      goto out;
    }
  if (argc - optind > 1)
    {
      status = tmc_cli_usage_error (cmd, _("one corpus at a time; to "
                                           "combine several, write a "
                                           "manifest"));
      goto out;
    }
  const char *path = argv[optind];
  if (o.name == NULL)
    {
      name = default_name (path);
      if (name == NULL)
        {
          tmc_cli_error ("%s", _("out of memory"));
          status = TMC_EXIT_ERROR;
          goto out;
        }
      o.name = name;
    }
  else if (tmc_batch_id_problem (o.name) != NULL || strchr (o.name, '/'))
    {
      status = tmc_cli_usage_error (cmd, _("invalid name '%s': it names "
                                           "files in the output directory, "
                                           "so it must be a plain file name"),
                                    o.name);
      goto out;
    }
  tmc_cli_quiet = ui.quiet;
  ui.progress = !ui.quiet && isatty (STDERR_FILENO);

  struct tmc_error err;
  struct tmc_warn_handler warn = { on_warning, &ui };
  if (tmc_corpus_read (path, o.out_dir, &warn, &corpus, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      status = TMC_EXIT_ERROR;
      goto out;
    }
  if (shard_n && tmc_corpus_shard (corpus, shard_k, shard_n, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      status = TMC_EXIT_ERROR;
      goto out;
    }

  struct tmc_batch_hooks hooks;
  memset (&hooks, 0, sizeof hooks);
  hooks.data = &ui;
  hooks.report = on_report;
  hooks.problem = on_problem;
  hooks.progress = on_progress;
  hooks.warn = warn;
  struct tmc_batch_summary sum;
  enum tmc_status st = tmc_batch_run (corpus, &o, &hooks, &sum, &err);
  clear_line (&ui);
  if (st != TMC_OK)
    {
      tmc_cli_report (&err);
      status = TMC_EXIT_ERROR;
      goto out;
    }
  if (sum.failed > 0 || sum.problems > 0)
    status = TMC_EXIT_GAPS;
  if (!ui.quiet)
    {
      /* TRANSLATORS: the summary of tmconv batch, on standard error.  */
      fprintf (stderr, ngettext ("%s: %zu report: %zu done, %zu up to date, "
                                 "%zu failed",
                                 "%s: %zu reports: %zu done, %zu up to date, "
                                 "%zu failed", sum.reports),
               tmc_program_name, sum.reports, sum.done, sum.up_to_date,
               sum.failed);
      if (sum.removed)
        fprintf (stderr, ngettext ("; %zu output removed (report gone)",
                                   "; %zu outputs removed (reports gone)",
                                   sum.removed), sum.removed);
      fputc ('\n', stderr);
      fprintf (stderr, _("%s: results in %s/: %s.tmx, report.html\n"),
               tmc_program_name, o.out_dir, o.name);
    }
  if (verbose)
    /* TRANSLATORS: the times of tmconv batch --verbose: the reports (with
       the sentences per second), then what is written after them.  */
    fprintf (stderr, _("%s: %.2f s for the reports (%.0f sentences/s), "
                       "%.2f s for the merged files, catalogues and report "
                       "after them, %.2f s in all\n"),
             tmc_program_name, sum.report_seconds,
             sum.report_seconds > 0
               ? (double) sum.sentences / sum.report_seconds : 0.0,
             sum.aggregate_seconds, sum.seconds);

out:
  tmc_corpus_free (corpus);
  free (name);
  free (dicts);
  free (tags);
  return status;
}
