/* tmconv po: gettext catalogues from translation memories (export) and
   back (import).  */

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "cmd-diag.h"
#include "tmconv/io.h"
#include "tmconv/po.h"
#include "tmconv/tmx.h"

TMC_COMMAND (po, 40, N_("export gettext catalogues from TMX, import them "
                        "back"));

static void
usage (void)
{
  printf (_("Usage: %s po COMMAND [OPTION]... FILE...\n"), tmc_program_name);
  fputs (_("Turn translation memories into gettext catalogues that "
           "translators and\n"
           "software reuse, and catalogues back into translation "
           "memories.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Commands:\n"
           "  export IN.tmx...    write NAME.pot and one LANG.po per target "
           "language\n"
           "  import FILE.po...   write the catalogues' translations as "
           "TMX\n"),
         stdout);
  fputs ("\n", stdout);
  printf (_("Run '%s po COMMAND --help' for the options of a command.\n"),
          tmc_program_name);
  tmc_cli_help_footer (stdout);
}

/* Split the comma-separated LIST into a NULL-terminated array of its
   (non-empty) items, pointing into LIST, which is modified.  */
static const char **
split_list (char *list)
{
  size_t n = 1;
  for (const char *p = list; *p; p++)
    n += *p == ',';
  const char **v = calloc (n + 1, sizeof *v);
  if (v == NULL)
    return NULL;
  size_t k = 0;
  for (char *tok = strtok (list, ","); tok; tok = strtok (NULL, ","))
    v[k++] = tok;
  return v;
}

/* ------------------------------------------------------------------ */
/* export */

static void
export_usage (void)
{
  printf (_("Usage: %s po export [OPTION]... IN.tmx...\n"), tmc_program_name);
  fputs (_("Write the units of the translation memories IN.tmx as a gettext "
           "template\n"
           "DIR/NAME.pot and one catalogue DIR/LANG.po per target language, "
           "through\n"
           "libgettextpo.  The source sentence is the msgid, its translation "
           "the msgstr\n"
           "(empty where the unit has none).  Identical pairs become one "
           "entry with a\n"
           "reference for each place; a source sentence with different "
           "translations\n"
           "gets one entry per translation, told apart by a msgctxt that "
           "names its first\n"
           "place.  An entry is fuzzy unless one of its places is a 1-1 bead "
           "scored at\n"
           "least the threshold.  Every file passes 'msgfmt --check'.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Options:\n"
           "  -o, --output-dir=DIR   write the files into DIR (made if "
           "missing;\n"
           "                           default: the current directory)\n"
           "  -s, --source=LANG      the language of the msgids (default: "
           "en)\n"
           "  -l, --langs=LIST       the target languages, comma-separated, "
           "as they\n"
           "                           name the files (default: every "
           "language of the\n"
           "                           memories)\n"
           "  -d, --domain=NAME      the template's name (default: the "
           "first input's\n"
           "                           name without .tmx)\n"
           "      --fuzzy-below=X    fuzzy when every place scores below X "
           "(0 to 1;\n"
           "                           default: 0.9)\n"
           "      --project=NAME     the Project-Id-Version field (default: "
           "the domain)\n"
           "      --bugs-address=ADDR  the Report-Msgid-Bugs-To field\n"
           "  -q, --quiet            no warnings\n"
           "  -v, --verbose          say what was written\n"
           "  -h, --help             display this help and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Example:\n"
           "  tmconv po export -o po --langs az,fa reports.tmx\n"),
         stdout);
  tmc_cli_help_footer (stdout);
}

struct export_state {
  tmc_po_export *ex;
  const char *name;
  size_t index;
};

static enum tmc_status
export_unit (void *data, struct tmc_tu *tu, unsigned long line,
             unsigned long column, struct tmc_error *err)
{
  (void) line;
  (void) column;
  struct export_state *s = data;
  return tmc_po_export_add_tu (s->ex, tu, s->name, s->index++, err);
}

/* The default domain: the name of PATH without its directory and its
   .tmx extension.  */
static char *
domain_of (const char *path)
{
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen (base);
  if (n > 4 && strcasecmp (base + n - 4, ".tmx") == 0)
    n -= 4;
  if (n == 0 || strcmp (base, "-") == 0)
    return strdup ("messages");
  char *d = malloc (n + 1);
  if (d)
    {
      memcpy (d, base, n);
      d[n] = '\0';
    }
  return d;
}

static int
cmd_export (int argc, char **argv)
{
  const char *cmd = "po export";
  enum
  {
    OPT_FUZZY_BELOW = 256,
    OPT_PROJECT,
    OPT_BUGS
  };
  static const struct option opts[] = {
    { "output-dir", required_argument, NULL, 'o' },
    { "source", required_argument, NULL, 's' },
    { "langs", required_argument, NULL, 'l' },
    { "domain", required_argument, NULL, 'd' },
    { "fuzzy-below", required_argument, NULL, OPT_FUZZY_BELOW },
    { "project", required_argument, NULL, OPT_PROJECT },
    { "bugs-address", required_argument, NULL, OPT_BUGS },
    { "quiet", no_argument, NULL, 'q' },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  struct tmc_po_export_options o;
  tmc_po_export_options_init (&o);
  o.domain = NULL;
  const char *dir = ".";
  char *langs_arg = NULL;
  int verbose = 0;
  int c;
  while ((c = getopt_long (argc, argv, "o:s:l:d:qvh", opts, NULL)) != -1)
    switch (c)
      {
      case 'o':
        dir = optarg;
        break;
      case 's':
        o.source_lang = optarg;
        break;
      case 'l':
        langs_arg = optarg;
        break;
      case 'd':
        o.domain = optarg;
        break;
      case OPT_FUZZY_BELOW:
        if (tmc_cli_parse_double (cmd, "--fuzzy-below", optarg, 0, 1,
                                  &o.fuzzy_below) != 0)
          return TMC_EXIT_ERROR;
        break;
      case OPT_PROJECT:
        o.project = optarg;
        break;
      case OPT_BUGS:
        o.bugs_address = optarg;
        break;
      case 'q':
        tmc_cli_quiet = 1;
        break;
      case 'v':
        verbose = 1;
        break;
      case 'h':
        export_usage ();
        return TMC_EXIT_OK;
      default:
        return tmc_cli_bad_option (cmd);
      }
  if (optind >= argc)
    return tmc_cli_usage_error (cmd, _("no translation memory given"));

  const char **langs = NULL;
  if (langs_arg)
    {
      langs = split_list (langs_arg);
      if (langs == NULL)
        {
          tmc_cli_error ("%s", tmc_strerror (TMC_ERR_NOMEM));
          return TMC_EXIT_ERROR;
        }
      if (langs[0] == NULL)
        {
          free (langs);
          return tmc_cli_usage_error (cmd, _("--langs needs at least one "
                                             "language"));
        }
      o.langs = langs;
    }
  char *domain = NULL;
  if (o.domain == NULL)
    {
      domain = domain_of (argv[optind]);
      if (domain == NULL)
        {
          free (langs);
          tmc_cli_error ("%s", tmc_strerror (TMC_ERR_NOMEM));
          return TMC_EXIT_ERROR;
        }
      o.domain = domain;
    }

  struct tmc_error err;
  tmc_po_export *ex = NULL;
  int status = TMC_EXIT_OK;
  if (tmc_po_export_new (&o, &ex, &err) != TMC_OK)
    {
      status = err.status == TMC_ERR_INVALID_ARG
                 ? tmc_cli_usage_error (cmd, "%s", err.message)
                 : (tmc_cli_report (&err), TMC_EXIT_ERROR);
      goto done;
    }
  for (int i = optind; i < argc && status == TMC_EXIT_OK; i++)
    {
      struct export_state s = { ex, argv[i], 0 };
      struct tmc_tmx_read_opts ro;
      tmc_tmx_read_opts_init (&ro);
      ro.unit = export_unit;
      ro.data = &s;
      ro.warn = &tmc_cli_warn_handler;
      if (tmc_tmx_read_stream (argv[i], &ro, NULL, &err) != TMC_OK)
        {
          tmc_cli_report (&err);
          status = TMC_EXIT_ERROR;
        }
    }
  if (status != TMC_EXIT_OK)
    goto done;
  if (mkdir (dir, 0777) != 0 && errno != EEXIST)
    {
      tmc_cli_error (_("cannot make the directory '%s': %s"), dir,
                     strerror (errno));
      status = TMC_EXIT_ERROR;
      goto done;
    }
  struct tmc_po_export_stats st;
  if (tmc_po_export_prepare (ex, &st, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      status = TMC_EXIT_ERROR;
      goto done;
    }
  /* No file written may be one of the inputs.  */
  for (size_t l = 0; l <= st.n_langs && l <= 32 && status == TMC_EXIT_OK;
       l++)
    {
      const char *name = l == 0 ? o.domain : st.lang[l - 1].lang;
      const char *ext = l == 0 ? ".pot" : ".po";
      size_t n = strlen (dir) + strlen (name) + 6;
      char *path = malloc (n);
      if (path == NULL)
        {
          tmc_cli_error ("%s", tmc_strerror (TMC_ERR_NOMEM));
          status = TMC_EXIT_ERROR;
          break;
        }
      snprintf (path, n, "%s/%s%s", dir, name, ext);
      for (int i = optind; i < argc && status == TMC_EXIT_OK; i++)
        if (tmc_same_file (path, argv[i]))
          {
            tmc_cli_error (_("the output '%s' would overwrite an input "
                             "file"), path);
            status = TMC_EXIT_ERROR;
          }
      free (path);
    }
  if (status != TMC_EXIT_OK)
    goto done;
  /* Most of an export is libgettextpo writing, which is not thread-safe:
     a second process writes the template while this one writes the
     catalogues.  Each file still appears whole or not at all.  The
     child says nothing: when it fails, the template is written again
     here, after the catalogues, to report why, so that the messages
     come in one order and never interleave.  */
  pid_t child = -1;
  if (st.n_langs > 0)
    {
      fflush (stdout);
      fflush (stderr);
      child = fork ();
      if (child == 0)
        _exit (tmc_po_export_write_file (ex, dir, -1, NULL, NULL) == TMC_OK
                 ? TMC_EXIT_OK : TMC_EXIT_ERROR);
    }
  if (child < 0 && tmc_po_export_write_file (ex, dir, -1, &st, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      status = TMC_EXIT_ERROR;
    }
  for (size_t l = 0; l < st.n_langs && l < 32 && status == TMC_EXIT_OK; l++)
    if (tmc_po_export_write_file (ex, dir, (int) l, &st, &err) != TMC_OK)
      {
        tmc_cli_report (&err);
        status = TMC_EXIT_ERROR;
      }
  if (child > 0)
    {
      int ws;
      while (waitpid (child, &ws, 0) < 0 && errno == EINTR)
        ;
      if ((!WIFEXITED (ws) || WEXITSTATUS (ws) != 0)
          && tmc_po_export_write_file (ex, dir, -1, NULL, &err) != TMC_OK)
        {
          tmc_cli_report (&err);
          status = TMC_EXIT_ERROR;
        }
    }
  if (status != TMC_EXIT_OK)
    goto done;
  if (verbose)
    {
      const char *sep = strcmp (dir, "/") == 0 ? "" : "/";
      /* TRANSLATORS: counts as "label number", so that no plural form is
         needed.  */
      printf (_("%s%s%s.pot: entries %zu; units read %zu, merged into an "
                "entry %zu, without source text %zu; entries with a context "
                "%zu\n"),
              dir, sep, o.domain, st.entries, st.units, st.merged,
              st.no_source, st.with_context);
      for (size_t l = 0; l < st.n_langs && l < 32; l++)
        printf (_("%s%s%s.po: translated %zu, fuzzy %zu, untranslated %zu\n"),
                dir, sep, st.lang[l].lang, st.lang[l].translated,
                st.lang[l].fuzzy, st.lang[l].untranslated);
    }
done:
  tmc_po_export_free (ex);
  free (langs);
  free (domain);
  return status;
}

/* ------------------------------------------------------------------ */
/* import */

static void
import_usage (void)
{
  printf (_("Usage: %s po import [OPTION]... FILE.po...\n"),
          tmc_program_name);
  fputs (_("Write the translations of the gettext catalogues FILE.po as one "
           "TMX\n"
           "translation memory: a unit per message (msgctxt and msgid), "
           "with the msgid in\n"
           "the source language and a variant per catalogue language.  The "
           "language of a\n"
           "catalogue is its header's Language field, or --lang.  Fuzzy "
           "and untranslated\n"
           "entries are left out unless --include-fuzzy; msgctxt, plural "
           "forms, flags,\n"
           "references and comments are kept as props and notes.  "
           "Catalogues in other\n"
           "charsets than UTF-8 are converted with iconv.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Options:\n"
           "  -o, --output=FILE      write the TMX to FILE (default: "
           "standard output)\n"
           "  -l, --lang=LANG        the language of the translations in "
           "every FILE\n"
           "  -s, --source=LANG      the language of the msgids (default: "
           "en)\n"
           "      --include-fuzzy    import fuzzy translations too, marked "
           "x-fuzzy\n"
           "      --lang-tag=LANG=TAG  write TAG for the language LANG "
           "(default:\n"
           "                           az=az-Latn-AZ, fa=fa-IR, en=en-US)\n"
           "  -q, --quiet            no warnings\n"
           "  -v, --verbose          say what was imported\n"
           "  -h, --help             display this help and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Example:\n"
           "  tmconv po import -o reports.tmx po/az.po po/fa.po\n"),
         stdout);
  tmc_cli_help_footer (stdout);
}

static int
cmd_import (int argc, char **argv)
{
  const char *cmd = "po import";
  enum
  {
    OPT_INCLUDE_FUZZY = 256,
    OPT_LANG_TAG
  };
  static const struct option opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "lang", required_argument, NULL, 'l' },
    { "source", required_argument, NULL, 's' },
    { "include-fuzzy", no_argument, NULL, OPT_INCLUDE_FUZZY },
    { "lang-tag", required_argument, NULL, OPT_LANG_TAG },
    { "quiet", no_argument, NULL, 'q' },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  struct tmc_diag_handler diag = { tmc_cli_diag, NULL };
  struct tmc_po_import_options o;
  tmc_po_import_options_init (&o);
  o.diag = &diag;
  struct tmc_tmx_langmap map;
  tmc_tmx_langmap_defaults (&map);
  const char *output = "-";
  int verbose = 0;
  struct tmc_error err;
  int c;
  while ((c = getopt_long (argc, argv, "o:l:s:qvh", opts, NULL)) != -1)
    switch (c)
      {
      case 'o':
        output = optarg;
        break;
      case 'l':
        o.lang = optarg;
        break;
      case 's':
        o.source_lang = optarg;
        break;
      case OPT_INCLUDE_FUZZY:
        o.include_fuzzy = 1;
        break;
      case OPT_LANG_TAG:
        if (tmc_tmx_langmap_set (&map, optarg, &err) != TMC_OK)
          return tmc_cli_usage_error (cmd, "%s", err.message);
        break;
      case 'q':
        tmc_cli_quiet = 1;
        break;
      case 'v':
        verbose = 1;
        break;
      case 'h':
        import_usage ();
        return TMC_EXIT_OK;
      default:
        return tmc_cli_bad_option (cmd);
      }
  if (optind >= argc)
    return tmc_cli_usage_error (cmd, _("no catalogue given"));
  for (int i = optind; i < argc; i++)
    if (strcmp (output, "-") != 0
        && (strcmp (output, argv[i]) == 0 || tmc_same_file (output, argv[i])))
      return tmc_cli_usage_error (cmd, _("the output '%s' would overwrite "
                                         "an input file"), output);

  struct tmc_tm *tm = tmc_tm_new ();
  tmc_po_import *im = NULL;
  if (tm == NULL)
    {
      tmc_cli_error ("%s", tmc_strerror (TMC_ERR_NOMEM));
      return TMC_EXIT_ERROR;
    }
  int status = TMC_EXIT_OK;
  if (tmc_po_import_new (tm, &o, &im, &err) != TMC_OK)
    {
      status = err.status == TMC_ERR_INVALID_ARG
                 ? tmc_cli_usage_error (cmd, "%s", err.message)
                 : (tmc_cli_report (&err), TMC_EXIT_ERROR);
      goto done;
    }
  /* Every file is read, so that every problem is reported; nothing is
     written when one of them fails.  */
  for (int i = optind; i < argc; i++)
    if (tmc_po_import_file (im, argv[i], &err) != TMC_OK)
      {
        tmc_cli_report (&err);
        if (err.status == TMC_ERR_FORMAT && o.lang == NULL)
          fprintf (stderr, _("%s: give the language with --lang\n"),
                   tmc_program_name);
        status = TMC_EXIT_ERROR;
      }
  if (status != TMC_EXIT_OK)
    goto done;
  struct tmc_tmx_write_opts wo;
  tmc_tmx_write_opts_init (&wo);
  wo.langmap = &map;
  wo.srclang = tm->header.srclang;
  wo.warn = &tmc_cli_warn_handler;
  wo.name = output;
  struct tmc_tmx_write_stats ws;
  if (tmc_tmx_write (tm, output, &wo, &ws, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      status = TMC_EXIT_ERROR;
      goto done;
    }
  if (verbose)
    {
      struct tmc_po_import_stats st;
      tmc_po_import_stats (im, &st);
      /* TRANSLATORS: counts as "label number", so that no plural form is
         needed.  */
      fprintf (stderr,
               _("%s: catalogues %zu, translations imported %zu, units "
                 "written %zu; left out: untranslated %zu, fuzzy %zu, "
                 "obsolete %zu; conflicts %zu\n"),
               tmc_program_name, st.files, st.imported, ws.units,
               st.untranslated, st.fuzzy_skipped, st.obsolete, st.conflicts);
    }
done:
  tmc_po_import_free (im);
  tmc_tm_free (tm);
  return status;
}

/* ------------------------------------------------------------------ */

int
cmd_po (int argc, char **argv)
{
  static const struct tmc_subcommand subs[] = {
    { "export", cmd_export },
    { "import", cmd_import },
  };
  return tmc_cli_dispatch ("po", subs, sizeof subs / sizeof subs[0], usage,
                           argc, argv);
}
