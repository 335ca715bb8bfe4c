/* The tmconv program: what main.c and the src/cmd-*.c files share.
   Only the program talks to the user; the library never prints.  */

#ifndef TMC_CLI_H
#define TMC_CLI_H

#include <libintl.h>
#include <stdio.h>

#include "tmconv/error.h"

#define _(msgid) gettext (msgid)
#define N_(msgid) msgid

/* Exit statuses, everywhere: the diff/cmp convention.  */
enum {
  TMC_EXIT_OK = 0,    /* success */
  TMC_EXIT_GAPS = 1,  /* a check found gaps, or some items of a batch failed */
  TMC_EXIT_ERROR = 2  /* an error: bad usage, unreadable or invalid input */
};

/* A subcommand: 'tmconv NAME ARGS...' calls RUN with ARGV[0] = NAME.
   ORDER sorts the commands in the help (pipeline order).  */
struct tmc_command {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;  /* N_() */
  int order;
};

/* Define the command NAME, run by cmd_NAME.  Put it at the start of a
   line: the Makefile builds the command table from these lines.  */
#define TMC_COMMAND(name, order, summary)                          \
  int cmd_##name (int argc, char **argv);                          \
  const struct tmc_command tmc_command_##name                      \
    = { #name, cmd_##name, summary, order }

/* The program name for messages: "tmconv".  */
extern const char *tmc_program_name;

/* Print "tmconv: FILE:LINE:COL: MESSAGE" (the parts that are known) for
   ERR to standard error.  */
void tmc_cli_report (const struct tmc_error *err);

/* A warning handler for the library that prints
   "tmconv: FILE:LINE:COL: warning: MESSAGE".  DATA is unused.  With
   tmc_cli_quiet set, warnings are counted but not printed.  */
void tmc_cli_warn (void *data, const struct tmc_error *warning);
extern const struct tmc_warn_handler tmc_cli_warn_handler;
extern int tmc_cli_quiet;
extern unsigned long tmc_cli_warnings;

/* Print "tmconv: MESSAGE" to standard error.  */
void tmc_cli_error (const char *format, ...)
  __attribute__ ((format (printf, 1, 2)));

/* Print "tmconv: [CMD: ]MESSAGE" and "Try 'tmconv [CMD ]--help' for more
   information." to standard error and return TMC_EXIT_ERROR.  CMD may be
   NULL; FORMAT may be NULL for no message.  */
int tmc_cli_usage_error (const char *cmd, const char *format, ...)
  __attribute__ ((format (printf, 2, 3)));

/* Handle getopt_long's '?' and ':' returns for command CMD: the message
   was printed by getopt; add the "Try" line.  Returns TMC_EXIT_ERROR.  */
int tmc_cli_bad_option (const char *cmd);

/* Print the "Report bugs" and home page lines that end every --help.  */
void tmc_cli_help_footer (FILE *fp);

/* Flush standard output and report a write error on it.  Returns
   STATUS, or TMC_EXIT_ERROR when stdout could not be written.  */
int tmc_cli_finish (int status);

/* Parse a number in [MIN, MAX] for option OPT of command CMD.  On error
   prints a usage error and returns -1, else stores it in *OUT and
   returns 0.  */
int tmc_cli_parse_double (const char *cmd, const char *opt, const char *arg,
                          double min, double max, double *out);
int tmc_cli_parse_long (const char *cmd, const char *opt, const char *arg,
                        long min, long max, long *out);

/* A subcommand of a command that has them ('tmconv tmx validate').  */
struct tmc_subcommand {
  const char *name;
  int (*run) (int argc, char **argv);
};

/* Run the subcommand of command CMD ("tmx") that ARGV[1] names, among
   the N of SUBS, with argv[0] "tmconv CMD NAME" so that getopt's
   messages name it; "--help", "-h" and "help" call USAGE instead.  No
   subcommand, an unknown one or an option before it is a usage error
   (TMC_EXIT_ERROR).  Returns what the subcommand returned.  */
int tmc_cli_dispatch (const char *cmd, const struct tmc_subcommand *subs,
                      size_t n, void (*usage) (void), int argc, char **argv);

#endif /* TMC_CLI_H */
