/* tmconv tmx: validate, inspect, merge, filter and convert TMX files.
   This file dispatches and holds the subcommands that only read
   (validate, stats); cmd-tmx-write.c holds those that write.  */

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd-tmx.h"
#include "tmconv/tmx.h"

TMC_COMMAND (tmx, 30, N_("validate, inspect, merge, filter and convert "
                         "TMX files"));

static void
usage (void)
{
  printf (_("Usage: %s tmx COMMAND [OPTION]... FILE...\n"),
          tmc_program_name);
  fputs (_("Validate, inspect, merge, filter and convert TMX translation "
           "memories.\n"
           "Reads TMX 1.1 to 1.4b in UTF-8 or UTF-16; writes TMX 1.4b that "
           "CAT tools\n"
           "accept.  A FILE of '-' is standard input.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Commands:\n"
           "  validate FILE...     report every violation of the TMX 1.4b "
           "rules\n"
           "  stats FILE...        units, languages, words, characters, "
           "bead shapes,\n"
           "                         score histogram\n"
           "  merge -o OUT IN...   merge files: identical units once, "
           "conflicting\n"
           "                         translations kept and reported\n"
           "  filter -o OUT IN     keep some languages or units; split into "
           "bilingual\n"
           "                         files\n"
           "  convert -o OUT IN    rewrite as clean TMX 1.4b, in another "
           "encoding\n"),
         stdout);
  fputs ("\n", stdout);
  printf (_("Run '%s tmx COMMAND --help' for the options of a command.\n"),
          tmc_program_name);
  tmc_cli_help_footer (stdout);
}

/* ------------------------------------------------------------------ */
/* Options.  */

/* Parse the options of validate and stats, -q and -h, for CMD ("tmx
   validate").  Returns -1 to go on with the files from optind, else an
   exit status.  */
static int
parse_read_options (int argc, char **argv, const char *cmd,
                    void (*usage_fn) (void))
{
  static const struct option opts[] = {
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  int c;
  while ((c = getopt_long (argc, argv, "qh", opts, NULL)) != -1)
    switch (c)
      {
      case 'q':
        tmc_cli_quiet = 1;
        break;
      case 'h':
        usage_fn ();
        return TMC_EXIT_OK;
      default:
        return tmc_cli_bad_option (cmd);
      }
  if (optind >= argc)
    return tmc_cli_usage_error (cmd, _("no input file"));
  return -1;
}

/* ------------------------------------------------------------------ */
/* validate */

struct validate_state {
  const char *file;
  size_t violations;
};

/* A violation: "FILE:LINE:COL: message" on standard output.  */
static void
print_violation (void *data, const struct tmc_error *v)
{
  struct validate_state *s = data;
  s->violations++;
  if (v->line > 0)
    printf ("%s:%lu:%lu: %s\n", v->file[0] ? v->file : s->file, v->line,
            v->column, v->message);
  else
    printf ("%s: %s\n", v->file[0] ? v->file : s->file, v->message);
}

static void
validate_usage (void)
{
  printf (_("Usage: %s tmx validate [OPTION]... FILE...\n"),
          tmc_program_name);
  fputs (_("Check each FILE against the rules of TMX 1.4b: the content "
           "models and\n"
           "attributes of the DTD, the values the specification gives "
           "(segtype, dates\n"
           "as YYYYMMDDThhmmssZ, language codes, integers), a variant in "
           "the source\n"
           "language in every unit, paired <bpt>/<ept>.  Every violation "
           "is printed to\n"
           "standard output as FILE:LINE:COLUMN: message, then one summary "
           "line per\n"
           "file.  Matters that are valid but trouble CAT tools (empty "
           "segments, units\n"
           "with one variant, srclang=\"*all*\") are warnings on standard "
           "error.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Options:\n"
           "  -q, --quiet   no warnings, only violations and summaries\n"
           "  -h, --help    display this help and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 every file is valid, 1 a file has violations "
           "(or is not\n"
           "well-formed XML), 2 a file cannot be read.\n"),
         stdout);
  tmc_cli_help_footer (stdout);
}

static int
cmd_validate (int argc, char **argv)
{
  int r = parse_read_options (argc, argv, "tmx validate", validate_usage);
  if (r >= 0)
    return r;
  int status = TMC_EXIT_OK;
  for (int i = optind; i < argc; i++)
    {
      struct validate_state s = { argv[i], 0 };
      struct tmc_warn_handler vh = { print_violation, &s };
      struct tmc_tmx_read_opts o;
      tmc_tmx_read_opts_init (&o);
      o.warn = &tmc_cli_warn_handler;
      o.violation = &vh;
      struct tmc_tmx_read_stats stats;
      memset (&stats, 0, sizeof stats);
      struct tmc_error err;
      tmc_error_clear (&err);
      enum tmc_status st = tmc_tmx_read_stream (argv[i], &o, &stats, &err);
      const char *name = strcmp (argv[i], "-") == 0 ? _("standard input")
                                                    : argv[i];
      if (st == TMC_ERR_IO || st == TMC_ERR_NOMEM)
        {
          tmc_cli_report (&err);
          status = TMC_EXIT_ERROR;
          continue;
        }
      if (st != TMC_OK)
        {
          /* Not well-formed, or not TMX at all: a violation that ends
             the check of this file.  */
          print_violation (&s, &err);
          printf (_("%s: not valid TMX 1.4b: reading stopped at the first "
                    "error\n"), name);
        }
      else if (s.violations > 0)
        printf (ngettext ("%s: %zu violation of TMX 1.4b\n",
                          "%s: %zu violations of TMX 1.4b\n", s.violations),
                name, s.violations);
      else
        printf (ngettext ("%s: valid TMX 1.4b, %zu unit\n",
                          "%s: valid TMX 1.4b, %zu units\n", stats.units),
                name, stats.units);
      if ((st != TMC_OK || s.violations > 0) && status == TMC_EXIT_OK)
        status = TMC_EXIT_GAPS;
    }
  return status;
}

/* ------------------------------------------------------------------ */
/* stats */

static void
print_stats (const char *title, const struct tmc_tmx_stats *st)
{
  printf ("%s\n", title);
  printf ("  %-22s %12zu\n", _("units"), st->units);
  printf ("  %-22s %12zu\n", _("variants"), st->tuvs);
  printf ("  %-22s %12zu\n", _("languages"), st->n_langs);
  if (st->n_langs > 0)
    {
      printf ("  %-22s %12s %12s %12s\n", _("language"), _("variants"),
              _("words"), _("characters"));
      for (size_t i = 0; i < st->n_langs; i++)
        printf ("  %-22s %12zu %12zu %12zu\n",
                st->langs[i].tag[0] ? st->langs[i].tag : "?",
                st->langs[i].tuvs, st->langs[i].words, st->langs[i].chars);
    }
  /* Bead shapes: only when some unit has one.  */
  int any_shape = 0;
  for (size_t i = 0; i < st->n_shapes; i++)
    any_shape |= st->shapes[i].shape != NULL;
  if (any_shape)
    {
      printf ("  %s\n", _("bead shapes (x-bead, az-fa-en):"));
      for (size_t i = 0; i < st->n_shapes; i++)
        printf ("    %-20s %12zu\n",
                st->shapes[i].shape ? st->shapes[i].shape : _("(none)"),
                st->shapes[i].units);
    }
  if (st->scored + st->bad_scores > 0)
    {
      printf ("  %s\n", _("scores (x-score):"));
      for (int b = 0; b < TMC_TMX_SCORE_BINS; b++)
        {
          char range[32];
          snprintf (range, sizeof range, "[%d.%d, %d.%d%c", b / 10, b % 10,
                    (b + 1) / 10, (b + 1) % 10,
                    b == TMC_TMX_SCORE_BINS - 1 ? ']' : ')');
          printf ("    %-20s %12zu\n", range, st->score_bins[b]);
        }
      printf ("    %-20s %12zu\n", _("no score"),
              st->units - st->scored - st->bad_scores);
      if (st->bad_scores)
        printf ("    %-20s %12zu\n", _("not a score"), st->bad_scores);
    }
}

static void
stats_usage (void)
{
  printf (_("Usage: %s tmx stats [OPTION]... FILE...\n"), tmc_program_name);
  fputs (_("Count what each FILE holds: units, variants, languages; "
           "variants, words\n"
           "and characters per language (a word is a run of non-space "
           "characters\n"
           "with a letter or digit; inline codes do not count); the bead "
           "shapes\n"
           "(x-bead) and a histogram of the alignment scores (x-score) "
           "tmconv\n"
           "writes.  With several files, a total follows.  Files are read "
           "as a\n"
           "stream: memory does not grow with their size.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Options:\n"
           "  -q, --quiet   no warnings about the input\n"
           "  -h, --help    display this help and exit\n"),
         stdout);
  tmc_cli_help_footer (stdout);
}

static int
cmd_stats (int argc, char **argv)
{
  int r = parse_read_options (argc, argv, "tmx stats", stats_usage);
  if (r >= 0)
    return r;
  int status = TMC_EXIT_OK;
  struct tmc_tmx_stats total;
  tmc_tmx_stats_init (&total);
  int n_ok = 0;
  for (int i = optind; i < argc; i++)
    {
      struct tmc_tmx_stats st;
      tmc_tmx_stats_init (&st);
      struct tmc_error err;
      enum tmc_status s = tmc_tmx_stats_file (argv[i], &st,
                                              &tmc_cli_warn_handler, &err);
      if (s == TMC_OK)
        s = tmc_tmx_stats_merge (&total, &st, &err);
      if (s != TMC_OK)
        {
          tmc_cli_report (&err);
          status = TMC_EXIT_ERROR;
        }
      else
        {
          if (n_ok++ > 0)
            fputs ("\n", stdout);
          print_stats (strcmp (argv[i], "-") == 0 ? _("standard input")
                                                  : argv[i], &st);
        }
      tmc_tmx_stats_destroy (&st);
    }
  if (n_ok > 1)
    {
      fputs ("\n", stdout);
      print_stats (_("total"), &total);
    }
  tmc_tmx_stats_destroy (&total);
  return status;
}

/* ------------------------------------------------------------------ */
/* Dispatch.  */

int
cmd_tmx (int argc, char **argv)
{
  static const struct tmc_subcommand subs[] = {
    { "validate", cmd_validate },
    { "stats", cmd_stats },
    { "merge", tmc_tmx_cmd_merge },
    { "filter", tmc_tmx_cmd_filter },
    { "convert", tmc_tmx_cmd_convert },
  };
  return tmc_cli_dispatch ("tmx", subs, sizeof subs / sizeof subs[0], usage,
                           argc, argv);
}
