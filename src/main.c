/* tmconv: the program.  Sets up the locale and the text domain, parses
   the global options and runs a subcommand from the command table.  */

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tmconv/io.h"

/* The command table, built by the Makefile from the TMC_COMMAND lines of
   src/cmd-*.c.  */
#define TMC_CMD(n) extern const struct tmc_command tmc_command_##n;
#include "commands.h"
#undef TMC_CMD

#define TMC_CMD(n) &tmc_command_##n,
static const struct tmc_command *const commands[] = {
#include "commands.h"
  NULL
};
#undef TMC_CMD

#define N_COMMANDS (sizeof commands / sizeof commands[0] - 1)

static const struct tmc_command *
find_command (const char *name)
{
  for (const struct tmc_command *const *p = commands; *p; p++)
    if (strcmp ((*p)->name, name) == 0)
      return *p;
  return NULL;
}

static int
by_order (const void *a, const void *b)
{
  const struct tmc_command *x = *(const struct tmc_command *const *) a;
  const struct tmc_command *y = *(const struct tmc_command *const *) b;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return strcmp (x->name, y->name);
}

static void
usage (void)
{
  printf (_("Usage: %s [OPTION]... COMMAND [ARG]...\n"), tmc_program_name);
  fputs (_("Align the Azerbaijani, Persian and English versions of the same "
           "reports\n"
           "sentence by sentence, and keep the result as TMX translation "
           "memories and\n"
           "gettext catalogues.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Commands:\n"), stdout);
  const struct tmc_command *sorted[N_COMMANDS + 1];
  memcpy (sorted, commands, sizeof sorted);
  qsort (sorted, N_COMMANDS, sizeof sorted[0], by_order);
  for (const struct tmc_command **p = sorted; *p; p++)
    printf ("  %-10s %s\n", (*p)->name, _((*p)->summary));
  printf ("  %-10s %s\n", "help", _("show the help of a command"));
  fputs ("\n", stdout);
  fputs (_("Options:\n"
           "  -h, --help     display this help and exit\n"
           "  -V, --version  output version information and exit\n"),
         stdout);
  fputs ("\n", stdout);
  printf (_("Run '%s help COMMAND' for the options of a command.\n"),
          tmc_program_name);
  fputs (_("Exit status: 0 success, 1 a check found gaps, 2 an error.\n"),
         stdout);
  tmc_cli_help_footer (stdout);
}

static void
version (void)
{
  printf ("%s (%s) %s\n", tmc_program_name, PACKAGE, VERSION);
  fputs (_("Copyright (C) 2026 the tmconv authors.\n"
           "License GPLv3+: GNU GPL version 3 or later "
           "<https://gnu.org/licenses/gpl.html>.\n"
           "This is free software: you are free to change and redistribute "
           "it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n"),
         stdout);
}

/* Run the command CMD with the single argument --help.  */
static int
command_help (const struct tmc_command *cmd)
{
  char prog[64];
  snprintf (prog, sizeof prog, "%s %s", tmc_program_name, cmd->name);
  char *argv[] = { prog, (char *) "--help", NULL };
  optind = 0;
  return cmd->run (2, argv);
}

static int
help_command (int argc, char **argv)
{
  if (argc < 2)
    {
      usage ();
      return TMC_EXIT_OK;
    }
  if (argc > 2)
    return tmc_cli_usage_error (NULL, _("'help' takes one command name"));
  if (strcmp (argv[1], "help") == 0)
    {
      usage ();
      return TMC_EXIT_OK;
    }
  const struct tmc_command *cmd = find_command (argv[1]);
  if (cmd == NULL)
    return tmc_cli_usage_error (NULL, _("unknown command '%s'"), argv[1]);
  return command_help (cmd);
}

/* Remove half-written output files, then die of the signal as usual.  */
static void
on_fatal_signal (int sig)
{
  tmc_output_cleanup_all ();
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
catch_signals (void)
{
  static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    {
      struct sigaction old;
      if (sigaction (sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      struct sigaction sa;
      memset (&sa, 0, sizeof sa);
      sa.sa_handler = on_fatal_signal;
      sigemptyset (&sa.sa_mask);
      sigaction (sigs[i], &sa, NULL);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  /* TMCONV_LOCALEDIR lets the tests use the catalogues of the build
     tree before they are installed.  */
  const char *localedir = getenv ("TMCONV_LOCALEDIR");
  bindtextdomain (PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);
  catch_signals ();

  /* getopt names the program by argv[0] in its messages.  */
  argv[0] = (char *) tmc_program_name;
  static const struct option opts[] = {
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  int c;
  /* '+': stop at the command name; its options are its own.  */
  while ((c = getopt_long (argc, argv, "+hV", opts, NULL)) != -1)
    switch (c)
      {
      case 'h':
        usage ();
        return tmc_cli_finish (TMC_EXIT_OK);
      case 'V':
        version ();
        return tmc_cli_finish (TMC_EXIT_OK);
      default:
        return tmc_cli_bad_option (NULL);
      }
  if (optind >= argc)
    return tmc_cli_usage_error (NULL, _("no command given"));

  const char *name = argv[optind];
  int sub_argc = argc - optind;
  char **sub_argv = argv + optind;
  /* A command's getopt messages say "tmconv NAME: ...".  */
  char prog[64];
  snprintf (prog, sizeof prog, "%s %s", tmc_program_name, name);
  sub_argv[0] = prog;
  /* Each command parses its options from scratch.  */
  optind = 0;
  if (strcmp (name, "help") == 0)
    return tmc_cli_finish (help_command (sub_argc, sub_argv));
  const struct tmc_command *cmd = find_command (name);
  if (cmd == NULL)
    return tmc_cli_usage_error (NULL, _("unknown command '%s'"), name);
  return tmc_cli_finish (cmd->run (sub_argc, sub_argv));
}
