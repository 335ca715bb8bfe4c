/* Messages to the user, shared by the subcommands.  */

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *tmc_program_name = "tmconv";
int tmc_cli_quiet;
unsigned long tmc_cli_warnings;

const struct tmc_warn_handler tmc_cli_warn_handler = { tmc_cli_warn, NULL };

/* Print "tmconv: FILE:LINE:COL: " for ERR.  */
static void
print_location (const struct tmc_error *e)
{
  fprintf (stderr, "%s: ", tmc_program_name);
  if (e->file[0] == '\0')
    return;
  if (e->line > 0 && e->column > 0)
    fprintf (stderr, "%s:%lu:%lu: ", e->file, e->line, e->column);
  else if (e->line > 0)
    fprintf (stderr, "%s:%lu: ", e->file, e->line);
  else
    fprintf (stderr, "%s: ", e->file);
}

void
tmc_cli_report (const struct tmc_error *err)
{
  fflush (stdout);
  print_location (err);
  if (err->message[0] != '\0')
    fprintf (stderr, "%s\n", err->message);
  else
    fprintf (stderr, "%s\n", tmc_strerror (err->status));
}

void
tmc_cli_warn (void *data, const struct tmc_error *w)
{
  (void) data;
  tmc_cli_warnings++;
  if (tmc_cli_quiet)
    return;
  fflush (stdout);
  print_location (w);
  /* TRANSLATORS: the prefix of a warning; the message follows.  */
  fprintf (stderr, _("warning: %s\n"), w->message);
}

void
tmc_cli_error (const char *format, ...)
{
  fflush (stdout);
  fprintf (stderr, "%s: ", tmc_program_name);
  va_list ap;
  va_start (ap, format);
  vfprintf (stderr, format, ap);
  va_end (ap);
  fputc ('\n', stderr);
}

static void
try_help (const char *cmd)
{
  if (cmd)
    fprintf (stderr, _("Try '%s %s --help' for more information.\n"),
             tmc_program_name, cmd);
  else
    fprintf (stderr, _("Try '%s --help' for more information.\n"),
             tmc_program_name);
}

int
tmc_cli_usage_error (const char *cmd, const char *format, ...)
{
  fflush (stdout);
  if (format)
    {
      fprintf (stderr, "%s: ", tmc_program_name);
      if (cmd)
        fprintf (stderr, "%s: ", cmd);
      va_list ap;
      va_start (ap, format);
      vfprintf (stderr, format, ap);
      va_end (ap);
      fputc ('\n', stderr);
    }
  try_help (cmd);
  return TMC_EXIT_ERROR;
}

int
tmc_cli_bad_option (const char *cmd)
{
  try_help (cmd);
  return TMC_EXIT_ERROR;
}

void
tmc_cli_help_footer (FILE *fp)
{
  fputc ('\n', fp);
  /* TRANSLATORS: the placeholder is an address for bug reports.  */
  fprintf (fp, _("Report bugs to: %s\n"),
           "https://github.com/tmconv/tmconv/issues");
}

int
tmc_cli_finish (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int e = errno;
      tmc_cli_error (_("write error on standard output: %s"), strerror (e));
      return TMC_EXIT_ERROR;
    }
  return status;
}

int
tmc_cli_parse_double (const char *cmd, const char *opt, const char *arg,
                      double min, double max, double *out)
{
  char *end;
  errno = 0;
  double v = strtod (arg, &end);
  if (errno != 0 || end == arg || *end != '\0' || !isfinite (v) || v < min
      || v > max)
    {
      tmc_cli_usage_error (cmd, _("invalid value '%s' for %s: expected a "
                                  "number from %g to %g"),
                           arg, opt, min, max);
      return -1;
    }
  *out = v;
  return 0;
}

int
tmc_cli_parse_long (const char *cmd, const char *opt, const char *arg,
                    long min, long max, long *out)
{
  char *end;
  errno = 0;
  long v = strtol (arg, &end, 10);
  if (errno != 0 || end == arg || *end != '\0' || v < min || v > max)
    {
      tmc_cli_usage_error (cmd, _("invalid value '%s' for %s: expected an "
                                  "integer from %ld to %ld"),
                           arg, opt, min, max);
      return -1;
    }
  *out = v;
  return 0;
}

int
tmc_cli_dispatch (const char *cmd, const struct tmc_subcommand *subs,
                  size_t n, void (*usage) (void), int argc, char **argv)
{
  if (argc < 2)
    /* TRANSLATORS: the placeholder is a command such as "tmx" or "po".  */
    return tmc_cli_usage_error (cmd, _("no %s command given"), cmd);
  const char *name = argv[1];
  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0
      || strcmp (name, "help") == 0)
    {
      usage ();
      return TMC_EXIT_OK;
    }
  for (size_t i = 0; i < n; i++)
    if (strcmp (name, subs[i].name) == 0)
      {
        /* getopt's messages say "tmconv CMD NAME: ...".  */
        char prog[64];
        snprintf (prog, sizeof prog, "%s %s %s", tmc_program_name, cmd,
                  name);
        argv[1] = prog;
        optind = 0;
        return subs[i].run (argc - 1, argv + 1);
      }
  if (name[0] == '-')
    /* TRANSLATORS: the first placeholder is a command such as "tmx".  */
    return tmc_cli_usage_error (cmd, _("a %s command must come before "
                                       "options: '%s'"), cmd, name);
  /* TRANSLATORS: the first placeholder is a command such as "tmx".  */
  return tmc_cli_usage_error (cmd, _("unknown %s command '%s'"), cmd, name);
}
