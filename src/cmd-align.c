/* tmconv align: align the sentences of two or three versions of a
   report.  */

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tmconv/align.h"
#include "tmconv/doc.h"
#include "tmconv/io.h"
#include "tmconv/lexicon.h"
#include "tmconv/tm.h"

TMC_COMMAND (align, 20, N_("align the sentences of two or three versions"));

static const char *cmd_name = "align";

static void
usage (void)
{
  printf (_("Usage: %s align [OPTION]... INPUT INPUT [INPUT]\n"),
          tmc_program_name);
  printf (_("  or:  %s align --estimate [OPTION]... GOLD...\n"),
          tmc_program_name);
  fputs (_("Align the sentences of two or three versions of a report (az, "
           "fa, en):\n"
           "two inputs give a pairwise alignment, three a joint 3-way one. "
           "Each INPUT is\n"
           "LANG=FILE or a file named ID.LANG.txt.\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Input:\n"
           "  -p, --presegmented   the inputs hold one sentence per line "
           "(an empty\n"
           "                       line starts a paragraph), as hunalign "
           "takes them\n"), stdout);
  fputs (_("Output (without -o and -b, the beads go to standard "
           "output):\n"
           "  -o, --output=FILE    write the aligned sentences as TMX\n"
           "  -b, --beads=FILE     write the beads, e.g. [0]:[0,1]:[0], with "
           "their\n"
           "                       confidence after a tab\n"), stdout);
  fputs (_("Evidence:\n"
           "  -d, --dict=[SRC-TGT:]FILE  add a dictionary: TSV with a header "
           "naming\n"
           "                       its languages, or hunalign's 'TARGET @ "
           "SOURCE' lines\n"
           "                       (languages from SRC-TGT: or a file name "
           "SRC-TGT.dic)\n"
           "      --no-lexicon     use neither the built-in lexicon nor "
           "dictionaries\n"
           "      --print-lexicon  print the lexicon (built-in and --dict) "
           "as TSV and exit\n"), stdout);
  fputs (_("Model:\n"
           "      --pivot=LANG     three inputs: join two pairwise "
           "alignments on the\n"
           "                       LANG version instead of aligning "
           "jointly\n"
           "      --params=FILE    read model parameters (as --estimate "
           "writes them)\n"
           "      --estimate       estimate the model parameters from gold "
           "alignments\n"
           "                       (ID.gold files beside ID.LANG.sent) and "
           "write them\n"
           "                       to standard output or to -o FILE\n"),
         stdout);
  fputs (_("  -q, --quiet          do not print warnings\n"
           "  -h, --help           display this help and exit\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Every sentence of every version is in exactly one bead, in "
           "order; beads join\n"
           "0, 1 or 2 sentences of each version. The confidence is the "
           "bead's posterior\n"
           "probability.\n"), stdout);
  fputs ("\n", stdout);
  printf (_("Example:\n  %s align -o report.tmx report.az.txt report.fa.txt "
            "report.en.txt\n"),
          tmc_program_name);
  tmc_cli_help_footer (stdout);
}

struct input {
  const char *path;
  char lang[16];
  struct tmc_doc *doc;
};

/* The language of argument ARG (LANG=PATH or ID.LANG.EXT) into IN.  */
static int
parse_input (const char *arg, struct input *in)
{
  const char *eq = strchr (arg, '=');
  const char *slash = strchr (arg, '/');
  if (eq && (slash == NULL || eq < slash) && eq > arg)
    {
      size_t n = (size_t) (eq - arg);
      if (n >= sizeof in->lang)
        n = sizeof in->lang - 1;
      memcpy (in->lang, arg, n);
      in->lang[n] = '\0';
      in->path = eq + 1;
      if (*in->path == '\0')
        {
          tmc_cli_usage_error (cmd_name, _("no file name in '%s'"), arg);
          return -1;
        }
    }
  else
    {
      in->path = arg;
      const char *base = strrchr (arg, '/');
      base = base ? base + 1 : arg;
      const char *last = strrchr (base, '.');
      const char *prev = NULL;
      if (last)
        for (const char *p = last - 1; p >= base; p--)
          if (*p == '.')
            {
              prev = p;
              break;
            }
      if (prev == NULL || last - prev - 1 <= 0
          || (size_t) (last - prev - 1) >= sizeof in->lang)
        {
          tmc_cli_usage_error (cmd_name,
                               _("cannot tell the language of '%s': name "
                                 "it ID.LANG.txt or write LANG=%s"),
                               arg, arg);
          return -1;
        }
      memcpy (in->lang, prev + 1, (size_t) (last - prev - 1));
      in->lang[last - prev - 1] = '\0';
    }
  if (!tmc_lexicon_knows_lang (in->lang))
    {
      tmc_cli_usage_error (cmd_name,
                           _("unknown language code '%s' in '%s' (expected "
                             "az, fa or en)"),
                           in->lang, arg);
      return -1;
    }
  return 0;
}

/* Read the document of IN.  */
static int
read_input (struct input *in, int presegmented)
{
  char *data;
  size_t len;
  struct tmc_error err;
  if (tmc_read_file (in->path, 0, &data, &len, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      return -1;
    }
  enum tmc_status st;
  if (presegmented)
    st = tmc_doc_from_lines (in->lang, in->path, data, len, &in->doc, &err);
  else
    st = tmc_error_set (&err, TMC_ERR_UNSUPPORTED, in->path, 0, 0,
                        _("raw text needs the segmenter; use "
                          "--presegmented"));
  free (data);
  if (st != TMC_OK)
    {
      tmc_cli_report (&err);
      return -1;
    }
  return 0;
}

/* Add the dictionary of option argument ARG ([SRC-TGT:]FILE) to LEX.  */
static int
load_dict (struct tmc_lexicon *lex, const char *arg)
{
  char src[8] = "", tgt[8] = "";
  const char *path = arg;
  const char *colon = strchr (arg, ':');
  if (colon && colon - arg <= 7)
    {
      const char *dash = memchr (arg, '-', (size_t) (colon - arg));
      if (dash && dash > arg && colon - dash > 1)
        {
          memcpy (src, arg, (size_t) (dash - arg));
          src[dash - arg] = '\0';
          memcpy (tgt, dash + 1, (size_t) (colon - dash - 1));
          tgt[colon - dash - 1] = '\0';
          if (tmc_lexicon_knows_lang (src) && tmc_lexicon_knows_lang (tgt))
            path = colon + 1;
          else
            src[0] = tgt[0] = '\0';
        }
    }
  struct tmc_error err;
  if (tmc_lexicon_load (lex, path, src[0] ? src : NULL, tgt[0] ? tgt : NULL,
                        &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      return -1;
    }
  return 0;
}

/* Open OUT_PATH ("-" for stdout) and write with FN.  */
static int
write_output (const char *path, const struct tmc_alignment *a)
{
  struct tmc_error err;
  tmc_output *out;
  if (tmc_output_open (path, &out, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      return -1;
    }
  if (tmc_alignment_write_beads (a, tmc_output_stream (out), &err) != TMC_OK)
    {
      tmc_output_abort (out);
      tmc_cli_report (&err);
      return -1;
    }
  if (tmc_output_commit (out, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      return -1;
    }
  return 0;
}

/* Read a file into a string, reporting errors.  */
static char *
slurp (const char *path, size_t *len)
{
  char *data;
  struct tmc_error err;
  if (tmc_read_file (path, 0, &data, len, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      return NULL;
    }
  return data;
}

/* --estimate: read each GOLD file and the .sent files beside it.  */
static int
estimate (int n_gold, char **gold, struct tmc_align_params *params,
          const char *out_path)
{
  static const char *const langs[3] = { "az", "fa", "en" };
  int status = TMC_EXIT_ERROR;
  size_t n = (size_t) n_gold;
  const struct tmc_doc **docs = calloc (n * 3 + 1, sizeof *docs);
  const struct tmc_alignment **al = calloc (n + 1, sizeof *al);
  if (docs == NULL || al == NULL)
    {
      tmc_cli_error (_("out of memory"));
      goto done;
    }
  for (size_t s = 0; s < n; s++)
    {
      const char *g = gold[s];
      size_t gl = strlen (g);
      if (gl < 5 || strcmp (g + gl - 5, ".gold") != 0)
        {
          tmc_cli_usage_error (cmd_name, _("'%s' is not a .gold file"), g);
          goto done;
        }
      size_t sent[3];
      for (int d = 0; d < 3; d++)
        {
          char *path = malloc (gl + 8);
          if (path == NULL)
            {
              tmc_cli_error (_("out of memory"));
              goto done;
            }
          sprintf (path, "%.*s.%s.sent", (int) (gl - 5), g, langs[d]);
          struct input in = { path, "", NULL };
          strcpy (in.lang, langs[d]);
          int r = read_input (&in, 1);
          free (path);
          if (r != 0)
            goto done;
          docs[s * 3 + d] = in.doc;
          sent[d] = in.doc->n_sent;
        }
      size_t len;
      char *text = slurp (g, &len);
      if (text == NULL)
        goto done;
      struct tmc_error err;
      struct tmc_alignment *a;
      enum tmc_status st = tmc_alignment_read_beads (g, text, len, 3, sent,
                                                     &a, &err);
      free (text);
      if (st != TMC_OK)
        {
          tmc_cli_report (&err);
          goto done;
        }
      al[s] = a;
    }
  struct tmc_error err;
  if (tmc_align_estimate (docs, al, n, params, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      goto done;
    }
  tmc_output *out;
  if (tmc_output_open (out_path ? out_path : "-", &out, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      goto done;
    }
  FILE *fp = tmc_output_stream (out);
  fprintf (fp, "# tmconv align model parameters, estimated from %zu "
               "aligned documents\n", n);
  if (tmc_align_params_write (params, fp, &err) != TMC_OK)
    {
      tmc_output_abort (out);
      tmc_cli_report (&err);
      goto done;
    }
  if (tmc_output_commit (out, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      goto done;
    }
  status = TMC_EXIT_OK;
done:
  if (docs)
    for (size_t i = 0; i < n * 3; i++)
      tmc_doc_free ((struct tmc_doc *) docs[i]);
  if (al)
    for (size_t i = 0; i < n; i++)
      tmc_alignment_free ((struct tmc_alignment *) al[i]);
  free (docs);
  free (al);
  return status;
}

enum {
  OPT_NO_LEXICON = 256,
  OPT_PRINT_LEXICON,
  OPT_PIVOT,
  OPT_PARAMS,
  OPT_ESTIMATE
};

int
cmd_align (int argc, char **argv)
{
  static const struct option opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "beads", required_argument, NULL, 'b' },
    { "presegmented", no_argument, NULL, 'p' },
    { "dict", required_argument, NULL, 'd' },
    { "no-lexicon", no_argument, NULL, OPT_NO_LEXICON },
    { "print-lexicon", no_argument, NULL, OPT_PRINT_LEXICON },
    { "pivot", required_argument, NULL, OPT_PIVOT },
    { "params", required_argument, NULL, OPT_PARAMS },
    { "estimate", no_argument, NULL, OPT_ESTIMATE },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const char *out_path = NULL, *beads_path = NULL, *pivot = NULL;
  const char *params_path = NULL;
  int presegmented = 0, no_lexicon = 0, print_lexicon = 0, do_estimate = 0;
  const char **dicts = calloc ((size_t) argc + 1, sizeof *dicts);
  size_t n_dicts = 0;
  if (dicts == NULL)
    {
      tmc_cli_error (_("out of memory"));
      return TMC_EXIT_ERROR;
    }
  int c;
  while ((c = getopt_long (argc, argv, "o:b:pd:qh", opts, NULL)) != -1)
    switch (c)
      {
      case 'o':
        out_path = optarg;
        break;
      case 'b':
        beads_path = optarg;
        break;
      case 'p':
        presegmented = 1;
        break;
      case 'd':
        dicts[n_dicts++] = optarg;
        break;
      case OPT_NO_LEXICON:
        no_lexicon = 1;
        break;
      case OPT_PRINT_LEXICON:
        print_lexicon = 1;
        break;
      case OPT_PIVOT:
        pivot = optarg;
        break;
      case OPT_PARAMS:
        params_path = optarg;
        break;
      case OPT_ESTIMATE:
        do_estimate = 1;
        break;
      case 'q':
        tmc_cli_quiet = 1;
        break;
      case 'h':
        free (dicts);
        usage ();
        return TMC_EXIT_OK;
      default:
        free (dicts);
        return tmc_cli_bad_option (cmd_name);
      }

  int status = TMC_EXIT_ERROR;
  struct input in[3];
  memset (in, 0, sizeof in);
  size_t n_in = 0;
  struct tmc_lexicon *lex = NULL;
  struct tmc_alignment *align = NULL;
  struct tmc_align_params params;
  tmc_align_params_init (&params);
  params.warn = &tmc_cli_warn_handler;

  if (no_lexicon && n_dicts > 0)
    {
      status = tmc_cli_usage_error (cmd_name, _("--no-lexicon and --dict "
                                                "are mutually exclusive"));
      goto done;
    }
  if (!no_lexicon)
    {
      lex = tmc_lexicon_new ();
      struct tmc_error err;
      if (lex == NULL || tmc_lexicon_add_builtin (lex, &err) != TMC_OK)
        {
          tmc_cli_error (_("out of memory"));
          goto done;
        }
      for (size_t i = 0; i < n_dicts; i++)
        if (load_dict (lex, dicts[i]) != 0)
          goto done;
      params.lexicon = lex;
    }
  else
    params.use_lexicon = 0;
  if (print_lexicon)
    {
      if (lex == NULL)
        {
          status = tmc_cli_usage_error (cmd_name, _("--no-lexicon and "
                                                    "--print-lexicon are "
                                                    "mutually exclusive"));
          goto done;
        }
      struct tmc_error err;
      if (tmc_lexicon_write_tsv (lex, stdout, &err) != TMC_OK)
        {
          tmc_cli_report (&err);
          goto done;
        }
      status = TMC_EXIT_OK;
      goto done;
    }
  if (params_path)
    {
      size_t len;
      char *text = slurp (params_path, &len);
      if (text == NULL)
        goto done;
      struct tmc_error err;
      enum tmc_status st = tmc_align_params_read (&params, params_path, text,
                                                  len, &err);
      free (text);
      if (st != TMC_OK)
        {
          tmc_cli_report (&err);
          goto done;
        }
    }
  if (do_estimate)
    {
      if (optind >= argc)
        {
          status = tmc_cli_usage_error (cmd_name, _("--estimate needs at "
                                                    "least one .gold file"));
          goto done;
        }
      status = estimate (argc - optind, argv + optind, &params, out_path);
      goto done;
    }

  if (argc - optind < 2)
    {
      status = tmc_cli_usage_error (cmd_name, _("two or three inputs are "
                                                "needed"));
      goto done;
    }
  if (argc - optind > 3)
    {
      status = tmc_cli_usage_error (cmd_name, _("at most three inputs "
                                                "(az, fa, en)"));
      goto done;
    }
  for (int i = optind; i < argc; i++)
    {
      if (parse_input (argv[i], &in[n_in]) != 0)
        goto done;
      for (size_t k = 0; k < n_in; k++)
        if (tmc_lang_match (in[k].lang, in[n_in].lang))
          {
            status = tmc_cli_usage_error (cmd_name,
                                          _("'%s' and '%s' are both in "
                                            "language '%s'"),
                                          in[k].path, in[n_in].path,
                                          in[n_in].lang);
            goto done;
          }
      n_in++;
    }
  if (pivot)
    {
      if (n_in != 3)
        {
          status = tmc_cli_usage_error (cmd_name, _("--pivot needs three "
                                                    "inputs"));
          goto done;
        }
      for (size_t k = 0; k < n_in; k++)
        if (tmc_lang_match (in[k].lang, pivot))
          params.pivot = (int) k + 1;
      if (params.pivot == 0)
        {
          status = tmc_cli_usage_error (cmd_name,
                                        _("--pivot=%s: no input is in that "
                                          "language"),
                                        pivot);
          goto done;
        }
    }
  for (size_t k = 0; k < n_in; k++)
    if (read_input (&in[k], presegmented) != 0)
      goto done;

  {
    const struct tmc_doc *docs[3] = { in[0].doc, in[1].doc, in[2].doc };
    struct tmc_error err;
    if (tmc_align (docs, n_in, &params, &align, &err) != TMC_OK)
      {
        tmc_cli_report (&err);
        goto done;
      }
  }
  if (beads_path && write_output (beads_path, align) != 0)
    goto done;
  if (out_path)
    {
      status = tmc_cli_usage_error (cmd_name, _("TMX output is not "
                                                "available yet"));
      goto done;
    }
  if (!out_path && !beads_path && write_output ("-", align) != 0)
    goto done;
  status = TMC_EXIT_OK;

done:
  for (size_t k = 0; k < 3; k++)
    tmc_doc_free (in[k].doc);
  tmc_alignment_free (align);
  tmc_lexicon_free (lex);
  free (dicts);
  return status;
}
