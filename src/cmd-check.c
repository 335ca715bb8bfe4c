/* tmconv check: completeness of catalogues and translation memories, for
   CI.  */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd-diag.h"
#include "tmconv/check.h"
#include "tmconv/io.h"
#include "tmconv/po.h"

TMC_COMMAND (check, 50, N_("check catalogues and memories for completeness"));

/* What libgettextpo itself never frees, for the check-asan build.  */
TMC_PO_SANITIZER_HOOKS

static void
usage (const char *prog)
{
  printf (_("Usage: %s [OPTION]... FILE...\n"), prog);
  fputs (_("Check gettext catalogues (PO, POT) and translation memories (TMX) "
           "for\n"
           "completeness: count translated, fuzzy, untranslated and obsolete "
           "messages per\n"
           "file and language, as 'msgfmt --statistics' counts them, and "
           "report the errors\n"
           "'msgfmt --check' finds, with file and line.  One bad file does "
           "not stop the\n"
           "others.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Options:\n"
           "      --pot=TEMPLATE        count the messages of TEMPLATE: one "
           "a catalogue\n"
           "                            lacks is untranslated; report the "
           "catalogue's\n"
           "                            messages the template lacks\n"
           "      --min-translated=PCT  fail a language with less than PCT "
           "percent\n"
           "                            translated (0 to 100)\n"
           "      --max-fuzzy=N         fail a language with more than N "
           "fuzzy messages\n"
           "      --format=FORMAT       text (the default), json, junit or "
           "github\n"
           "  -o, --output=FILE         write the report to FILE\n"
           "  -v, --verbose             list every message that is not "
           "translated\n"
           "  -h, --help                display this help and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("With --format=json, junit or github the report holds the errors "
           "and warnings\n"
           "too; errors are also printed to standard error, except with "
           "github, whose\n"
           "::error commands are the messages.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 when every file passes, 1 when a file is below a "
           "threshold,\n"
           "2 when a file cannot be read or has errors, or on bad usage.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Example:\n"
           "  tmconv check --pot po/tmconv.pot --min-translated 100 po/az.po "
           "po/fa.po\n"),
         stdout);
  tmc_cli_help_footer (stdout);
}

int
cmd_check (int argc, char **argv)
{
  const char *cmd = "check";
  enum
  {
    OPT_POT = 256,
    OPT_MIN,
    OPT_MAX_FUZZY,
    OPT_FORMAT
  };
  static const struct option opts[] = {
    { "pot", required_argument, NULL, OPT_POT },
    { "min-translated", required_argument, NULL, OPT_MIN },
    { "max-fuzzy", required_argument, NULL, OPT_MAX_FUZZY },
    { "format", required_argument, NULL, OPT_FORMAT },
    { "output", required_argument, NULL, 'o' },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  struct tmc_check_options copts;
  tmc_check_options_init (&copts);
  const char *pot = NULL, *output = NULL;
  enum tmc_check_output format = TMC_CHECK_TEXT;
  int c;
  while ((c = getopt_long (argc, argv, "o:vh", opts, NULL)) != -1)
    switch (c)
      {
      case OPT_POT:
        pot = optarg;
        break;
      case OPT_MIN:
        if (tmc_cli_parse_double (cmd, "--min-translated", optarg, 0, 100,
                                  &copts.min_translated) != 0)
          return TMC_EXIT_ERROR;
        break;
      case OPT_MAX_FUZZY:
        {
          long v;
          if (tmc_cli_parse_long (cmd, "--max-fuzzy", optarg, 0, 1000000000L,
                                  &v) != 0)
            return TMC_EXIT_ERROR;
          copts.max_fuzzy = v;
        }
        break;
      case OPT_FORMAT:
        if (strcmp (optarg, "text") == 0)
          format = TMC_CHECK_TEXT;
        else if (strcmp (optarg, "json") == 0)
          format = TMC_CHECK_JSON;
        else if (strcmp (optarg, "junit") == 0)
          format = TMC_CHECK_JUNIT;
        else if (strcmp (optarg, "github") == 0)
          format = TMC_CHECK_GITHUB;
        else
          return tmc_cli_usage_error (cmd, _("invalid format '%s': expected "
                                             "text, json, junit or github"),
                                      optarg);
        break;
      case 'o':
        output = optarg;
        break;
      case 'v':
        copts.list = 1;
        break;
      case 'h':
        usage (argv[0]);
        return TMC_EXIT_OK;
      default:
        return tmc_cli_bad_option (cmd);
      }
  if (optind >= argc)
    return tmc_cli_usage_error (cmd, _("no file to check"));
  if (output)
    for (int i = optind; i < argc; i++)
      if (strcmp (output, argv[i]) == 0 || tmc_same_file (output, argv[i]))
        return tmc_cli_usage_error (cmd, _("the report '%s' would overwrite "
                                           "an input file"), output);

  struct tmc_error err;
  tmc_check_template *tpl = NULL;
  if (pot)
    {
      struct tmc_diag_handler h = { tmc_cli_diag, NULL };
      if (tmc_check_template_load (pot, &h, &tpl, &err) != TMC_OK)
        {
          tmc_cli_report (&err);
          return TMC_EXIT_ERROR;
        }
      copts.template_ = tpl;
    }

  size_t n = (size_t) (argc - optind);
  struct tmc_check_file **files = calloc (n, sizeof *files);
  if (files == NULL)
    {
      tmc_check_template_free (tpl);
      tmc_cli_error ("%s", tmc_strerror (TMC_ERR_NOMEM));
      return TMC_EXIT_ERROR;
    }
  int status = TMC_EXIT_OK;
  size_t done = 0;
  for (size_t i = 0; i < n; i++, done++)
    {
      if (tmc_check_file (argv[optind + (int) i], &copts, &files[i], &err)
          != TMC_OK)
        {
          tmc_cli_report (&err);
          status = TMC_EXIT_ERROR;
          break;
        }
      /* Problems on standard error as they are found, so that the
         messages of a long run come in order.  */
      const struct tmc_check_file *f = files[i];
      for (size_t k = 0; k < f->n_problems; k++)
        if (format == TMC_CHECK_TEXT
            || (format != TMC_CHECK_GITHUB
                && f->problems[k].severity == TMC_DIAG_ERROR))
          tmc_cli_diag (NULL, &f->problems[k]);
    }

  if (status == TMC_EXIT_OK)
    {
      tmc_output *out = NULL;
      FILE *fp = stdout;
      if (output && tmc_output_open (output, &out, &err) != TMC_OK)
        {
          tmc_cli_report (&err);
          status = TMC_EXIT_ERROR;
        }
      else
        {
          if (out)
            fp = tmc_output_stream (out);
          fflush (stderr);
          if (tmc_check_write (fp, format, files, done, &copts) != 0)
            {
              if (out)
                tmc_output_abort (out);
              out = NULL;
              status = TMC_EXIT_ERROR;
              tmc_cli_error (_("cannot write the report: %s"),
                             strerror (errno));
            }
          else if (out && tmc_output_commit (out, &err) != TMC_OK)
            {
              tmc_cli_report (&err);
              status = TMC_EXIT_ERROR;
            }
        }
      if (status == TMC_EXIT_OK)
        switch (tmc_check_overall (files, done))
          {
          case TMC_CHECK_PASS:
            status = TMC_EXIT_OK;
            break;
          case TMC_CHECK_FAIL:
            status = TMC_EXIT_GAPS;
            break;
          default:
            status = TMC_EXIT_ERROR;
            break;
          }
    }
  for (size_t i = 0; i < n; i++)
    tmc_check_file_free (files[i]);
  free (files);
  tmc_check_template_free (tpl);
  return status;
}
