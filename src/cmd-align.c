/* tmconv align: align the sentences of two or three versions of a
   report.  */

#include <getopt.h>
#include <pthread.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tmconv/align.h"
#include "tmconv/doc.h"
#include "tmconv/io.h"
#include "tmconv/lexicon.h"
#include "tmconv/segment.h"
#include "tmconv/text.h"
#include "tmconv/tm.h"
#include "tmconv/tmx.h"

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
           "      --presegmented   the inputs hold one sentence per line "
           "(an empty\n"
           "                       line starts a paragraph), as hunalign "
           "takes them\n"
           "  -f, --from-code=[LANG=]ENC  the encoding of the inputs, or of "
           "the one in\n"
           "                       LANG (default: UTF-8, or what a "
           "byte-order mark says)\n"
           "      --srx=FILE       segment with the rules of this SRX file\n"),
         stdout);
  fputs (_("Output (without -o and -b, the beads go to standard "
           "output):\n"
           "  -o, --output=FILE    write the aligned sentences as TMX; with "
           "three inputs\n"
           "                       also one bilingual file per pair, "
           "FILE.en-az.tmx...\n"
           "      --pairs=P,P...   those pairs (default en-az,en-fa,az-fa), "
           "or none\n"
           "      --lang-tag=LANG=TAG  the tag written for a language "
           "(defaults\n"
           "                       az=az-Latn-AZ, fa=fa-IR, en=en-US)\n"
           "      --doc-id=ID      the document id in tuids and x-doc "
           "(default: the\n"
           "                       file name without language and "
           "extension)\n"
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
  fputs (_("  -j, --jobs=N         use N threads (default: the number of "
           "processors)\n"
           "  -q, --quiet          do not print warnings\n"
           "  -h, --help           display this help and exit\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Every sentence of every version is in exactly one bead, in "
           "order; beads join\n"
           "0, 1 or 2 sentences of each version. The confidence is the "
           "bead's posterior\n"
           "probability. TMX units need sentences in two languages at "
           "least.\n"), stdout);
  fputs ("\n", stdout);
  printf (_("Examples:\n"
            "  %s align -o report.tmx report.az.txt report.fa.txt "
            "report.en.txt\n"
            "  %s align --presegmented -b out.beads az=a.txt en=b.txt\n"),
          tmc_program_name, tmc_program_name);
  tmc_cli_help_footer (stdout);
}

struct input {
  const char *path;
  char lang[16];
  struct tmc_doc *doc;
  enum tmc_status st;
  struct tmc_error err;
};

/* The language of argument ARG (LANG=PATH or a file name that names
   its language, ID.LANG.EXT) into IN.  */
static int
parse_input (const char *arg, struct input *in)
{
  const char *eq = strchr (arg, '=');
  const char *slash = strchr (arg, '/');
  if (eq && (slash == NULL || eq < slash) && eq > arg)
    {
      char tag[64];
      size_t n = (size_t) (eq - arg);
      if (n >= sizeof tag)
        n = sizeof tag - 1;
      memcpy (tag, arg, n);
      tag[n] = '\0';
      in->path = eq + 1;
      if (*in->path == '\0')
        {
          tmc_cli_usage_error (cmd_name, _("no file name in '%s'"), arg);
          return -1;
        }
      const char *code = tmc_lang_code (tag);
      if (code == NULL)
        {
          tmc_cli_usage_error (cmd_name,
                               _("unknown language code '%s' in '%s' "
                                 "(expected az, fa or en)"),
                               tag, arg);
          return -1;
        }
      snprintf (in->lang, sizeof in->lang, "%s", code);
      return 0;
    }
  in->path = arg;
  char tag[64];
  if (tmc_lang_from_filename (arg, tag, sizeof tag) == NULL)
    {
      tmc_cli_usage_error (cmd_name,
                           _("cannot tell the language of '%s': name it "
                             "ID.LANG.txt (LANG az, fa or en) or write "
                             "LANG=%s"),
                           arg, arg);
      return -1;
    }
  snprintf (in->lang, sizeof in->lang, "%s", tmc_lang_code (tag));
  return 0;
}

/* Read and segment the document of IN; on failure the error is in
   IN->err and the status in IN->st.  */
static void
read_input_quiet (struct input *in, int presegmented, const char *from_code,
                  const struct tmc_srx *srx)
{
  struct tmc_error err;
  enum tmc_status st;
  if (presegmented)
    {
      char *text;
      size_t len;
      st = tmc_text_read (in->path, from_code, &tmc_cli_warn_handler, &text,
                          &len, &err);
      if (st == TMC_OK)
        {
          st = tmc_doc_from_lines (in->lang, in->path, text, len, &in->doc,
                                   &err);
          free (text);
        }
    }
  else
    {
      struct tmc_segment_options opts = TMC_SEGMENT_OPTIONS_INIT;
      opts.lang = in->lang;
      opts.from_code = from_code;
      opts.srx = srx;
      opts.warn = &tmc_cli_warn_handler;
      st = tmc_segment_file (in->path, &opts, &in->doc, &err);
    }
  in->st = st;
  if (st != TMC_OK)
    in->err = err;
}

/* Read IN, reporting an error.  */
static int
read_input (struct input *in, int presegmented, const char *from_code,
            const struct tmc_srx *srx)
{
  read_input_quiet (in, presegmented, from_code, srx);
  if (in->st != TMC_OK)
    {
      tmc_cli_report (&in->err);
      return -1;
    }
  return 0;
}

/* What a reading thread needs.  */
struct reader {
  struct input *in;
  int presegmented;
  const char *from_code;
  const struct tmc_srx *srx;
};

static void *
reader_run (void *arg)
{
  struct reader *r = arg;
  read_input_quiet (r->in, r->presegmented, r->from_code, r->srx);
  return NULL;
}

/* The document id from the file name PATH: its base name without the
   part that names the language and what follows ("dir/rep.az.txt" ->
   "rep"), or without its extension.  Into BUF of SIZE bytes.  */
static void
doc_id_from_path (const char *path, char *buf, size_t size)
{
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen (base);
  /* Cut at the first dot-separated part that is a language.  */
  const char *p = base;
  while ((p = strchr (p, '.')) != NULL)
    {
      const char *q = strchr (p + 1, '.');
      size_t k = q ? (size_t) (q - p - 1) : strlen (p + 1);
      char part[64];
      if (k > 0 && k < sizeof part)
        {
          memcpy (part, p + 1, k);
          part[k] = '\0';
          if (tmc_lang_code (part) != NULL)
            {
              n = (size_t) (p - base);
              break;
            }
        }
      p++;
    }
  if (p == NULL)
    {
      const char *dot = strrchr (base, '.');
      if (dot && dot > base)
        n = (size_t) (dot - base);
    }
  if (n == 0)
    {
      n = strlen (base);
      if (n == 0)
        base = "doc", n = 3;
    }
  snprintf (buf, size, "%.*s", (int) n, base);
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

/* Write the beads of A to PATH ("-" for standard output).  */
static int
write_beads (const char *path, const struct tmc_alignment *a)
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
          struct input in;
          memset (&in, 0, sizeof in);
          in.path = path;
          strcpy (in.lang, langs[d]);
          int r = read_input (&in, 1, NULL, NULL);
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

#define MAX_PAIRS 6

/* What the TMX output needs.  */
struct tmx_out {
  const char *path;
  struct tmc_tmx_langmap map;
  char pairs[MAX_PAIRS][2][16];
  size_t n_pairs;
  int pairs_given;
  const char *doc_id;
};

/* Parse --pairs=P,P... ("none" for no pair) into T.  */
static int
parse_pairs (struct tmx_out *t, const char *arg)
{
  struct tmc_error err;
  t->pairs_given = 1;
  t->n_pairs = 0;
  if (strcmp (arg, "none") == 0)
    return 0;
  if (tmc_lang_pairs_parse (arg, 1, t->pairs, MAX_PAIRS, &t->n_pairs, &err)
      != TMC_OK)
    {
      tmc_cli_usage_error (cmd_name, "%s", err.message);
      return -1;
    }
  return 0;
}

/* Write the units of ALIGN (of DOCS) with at least MIN_LANGS languages
   as TMX to PATH, source language SRCLANG.  */
static int
write_tmx (const struct tmx_out *t, const char *path,
           const struct tmc_doc *const *docs,
           const struct tmc_alignment *align, const char *srclang)
{
  struct tmc_error err;
  struct tmc_tm *tm = tmc_tm_new ();
  if (tm == NULL)
    {
      tmc_cli_error (_("out of memory"));
      return -1;
    }
  int r = -1;
  if (tmc_tm_set (&tm->header.srclang, srclang, &err) != TMC_OK
      || tmc_tm_set (&tm->header.segtype, "sentence", &err) != TMC_OK
      || tmc_tm_set (&tm->header.datatype, "plaintext", &err) != TMC_OK
      || tmc_alignment_to_tm (docs, align, t->doc_id, 2, tm, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      goto done;
    }
  struct tmc_tmx_write_opts opts;
  tmc_tmx_write_opts_init (&opts);
  opts.langmap = &t->map;
  opts.srclang = srclang;
  opts.min_langs = 2;
  opts.warn = &tmc_cli_warn_handler;
  opts.name = path;
  if (tmc_tmx_write (tm, path, &opts, NULL, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      goto done;
    }
  r = 0;
done:
  tmc_tm_free (tm);
  return r;
}

/* The -o output: the TMX of ALIGN and, for three documents, one
   bilingual file per pair.  */
static int
write_outputs (const struct tmx_out *t, const struct tmc_doc *const *docs,
               size_t n_docs, const struct tmc_alignment *align,
               const struct tmc_align_params *params)
{
  /* The source language: English when it is there, else the first.  */
  const char *src = docs[0]->lang;
  for (size_t d = 0; d < n_docs; d++)
    if (strcmp (docs[d]->lang, "en") == 0)
      src = "en";
  if (write_tmx (t, t->path, docs, align, src) != 0)
    return -1;
  if (n_docs < 3)
    return 0;
  for (size_t k = 0; k < t->n_pairs; k++)
    {
      long a = -1, b = -1;
      for (size_t d = 0; d < n_docs; d++)
        {
          if (strcmp (docs[d]->lang, t->pairs[k][0]) == 0)
            a = (long) d;
          if (strcmp (docs[d]->lang, t->pairs[k][1]) == 0)
            b = (long) d;
        }
      if (a < 0 || b < 0)
        continue;
      struct tmc_error err;
      struct tmc_alignment *pa;
      if (tmc_align_project (docs, align, (size_t) a, (size_t) b, params, &pa,
                             &err) != TMC_OK)
        {
          tmc_cli_report (&err);
          return -1;
        }
      char *path = tmc_tmx_pair_path (t->path, t->pairs[k][0],
                                      t->pairs[k][1]);
      const struct tmc_doc *pd[2] = { docs[a], docs[b] };
      int r = path ? write_tmx (t, path, pd, pa, t->pairs[k][0]) : -1;
      if (path == NULL)
        tmc_cli_error (_("out of memory"));
      free (path);
      tmc_alignment_free (pa);
      if (r != 0)
        return -1;
    }
  return 0;
}

enum {
  OPT_NO_LEXICON = 256,
  OPT_PRINT_LEXICON,
  OPT_PIVOT,
  OPT_PARAMS,
  OPT_ESTIMATE,
  OPT_PRESEGMENTED,
  OPT_SRX,
  OPT_PAIRS,
  OPT_LANG_TAG,
  OPT_DOC_ID
};

int
cmd_align (int argc, char **argv)
{
  static const struct option opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "beads", required_argument, NULL, 'b' },
    { "presegmented", no_argument, NULL, OPT_PRESEGMENTED },
    { "from-code", required_argument, NULL, 'f' },
    { "srx", required_argument, NULL, OPT_SRX },
    { "pairs", required_argument, NULL, OPT_PAIRS },
    { "lang-tag", required_argument, NULL, OPT_LANG_TAG },
    { "doc-id", required_argument, NULL, OPT_DOC_ID },
    { "dict", required_argument, NULL, 'd' },
    { "no-lexicon", no_argument, NULL, OPT_NO_LEXICON },
    { "print-lexicon", no_argument, NULL, OPT_PRINT_LEXICON },
    { "pivot", required_argument, NULL, OPT_PIVOT },
    { "params", required_argument, NULL, OPT_PARAMS },
    { "estimate", no_argument, NULL, OPT_ESTIMATE },
    { "jobs", required_argument, NULL, 'j' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  long jobs = sysconf (_SC_NPROCESSORS_ONLN);
  if (jobs < 1)
    jobs = 1;
  if (jobs > 8)
    jobs = 8;
  const char *beads_path = NULL, *pivot = NULL, *params_path = NULL;
  const char *from_code = NULL, *srx_path = NULL;
  /* -f LANG=ENC: the encoding of the input in LANG (az, fa, en).  */
  const char *lang_code[3] = { NULL, NULL, NULL };
  int presegmented = 0, no_lexicon = 0, print_lexicon = 0, do_estimate = 0;
  struct tmx_out tmx;
  memset (&tmx, 0, sizeof tmx);
  tmc_tmx_langmap_defaults (&tmx.map);
  parse_pairs (&tmx, "en-az,en-fa,az-fa");
  tmx.pairs_given = 0;
  const char **dicts = calloc ((size_t) argc + 1, sizeof *dicts);
  size_t n_dicts = 0;
  if (dicts == NULL)
    {
      tmc_cli_error (_("out of memory"));
      return TMC_EXIT_ERROR;
    }
  int c;
  struct tmc_error err;
  while ((c = getopt_long (argc, argv, "o:b:f:d:j:qh", opts, NULL)) != -1)
    switch (c)
      {
      case 'j':
        if (tmc_cli_parse_long (cmd_name, "--jobs", optarg, 1, 64, &jobs)
            != 0)
          {
            free (dicts);
            return TMC_EXIT_ERROR;
          }
        break;
      case 'o':
        tmx.path = optarg;
        break;
      case 'b':
        beads_path = optarg;
        break;
      case 'f':
        {
          const char *eq = strchr (optarg, '=');
          char tag[16];
          const char *l = NULL;
          if (eq && (size_t) (eq - optarg) < sizeof tag)
            {
              snprintf (tag, sizeof tag, "%.*s", (int) (eq - optarg), optarg);
              l = tmc_lang_code (tag);
            }
          if (l != NULL)
            lang_code[strcmp (l, "az") == 0 ? 0 : strcmp (l, "fa") == 0 ? 1
                                                                         : 2]
              = eq + 1;
          else
            from_code = optarg;
        }
        break;
      case OPT_PRESEGMENTED:
        presegmented = 1;
        break;
      case OPT_SRX:
        srx_path = optarg;
        break;
      case OPT_PAIRS:
        if (parse_pairs (&tmx, optarg) != 0)
          {
            free (dicts);
            return TMC_EXIT_ERROR;
          }
        break;
      case OPT_LANG_TAG:
        if (tmc_tmx_langmap_set (&tmx.map, optarg, &err) != TMC_OK)
          {
            free (dicts);
            return tmc_cli_usage_error (cmd_name, "%s", err.message);
          }
        break;
      case OPT_DOC_ID:
        tmx.doc_id = optarg;
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
  struct tmc_srx *srx = NULL;
  char doc_id[256];
  struct tmc_align_params params;
  tmc_align_params_init (&params);
  params.warn = &tmc_cli_warn_handler;
  params.threads = (unsigned) jobs;

  if (no_lexicon && n_dicts > 0)
    {
      status = tmc_cli_usage_error (cmd_name, _("--no-lexicon and --dict "
                                                "are mutually exclusive"));
      goto done;
    }
  for (int k = 0; k < 4; k++)
    {
      const char *code = k < 3 ? lang_code[k] : from_code;
      if (code && tmc_text_check_encoding (code, &err) != TMC_OK)
        {
          status = tmc_cli_usage_error (cmd_name, "%s", err.message);
          goto done;
        }
    }
  if (!no_lexicon)
    {
      lex = tmc_lexicon_new ();
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
      status = estimate (argc - optind, argv + optind, &params, tmx.path);
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
        if (strcmp (in[k].lang, in[n_in].lang) == 0)
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
  /* An output replaces its file when it is complete: were it an input,
     the report would be lost.  */
  for (size_t k = 0; k < n_in; k++)
    {
      const char *outs[2] = { tmx.path, beads_path };
      for (int o = 0; o < 2; o++)
        if (outs[o] && strcmp (outs[o], "-") != 0
            && (strcmp (outs[o], in[k].path) == 0
                || tmc_same_file (outs[o], in[k].path)))
          {
            status = tmc_cli_usage_error (cmd_name,
                                          _("the output '%s' would "
                                            "overwrite an input file"),
                                          outs[o]);
            goto done;
          }
    }
  if (pivot)
    {
      const char *code = tmc_lang_code (pivot);
      if (n_in != 3)
        {
          status = tmc_cli_usage_error (cmd_name, _("--pivot needs three "
                                                    "inputs"));
          goto done;
        }
      for (size_t k = 0; code && k < n_in; k++)
        if (strcmp (in[k].lang, code) == 0)
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
  if (tmx.pairs_given && (tmx.path == NULL || n_in != 3))
    {
      status = tmc_cli_usage_error (cmd_name, _("--pairs needs -o and three "
                                                "inputs"));
      goto done;
    }
  if (srx_path && presegmented)
    {
      status = tmc_cli_usage_error (cmd_name, _("--srx and --presegmented "
                                                "are mutually exclusive"));
      goto done;
    }
  if (srx_path && tmc_srx_read (srx_path, &srx, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      goto done;
    }
  {
    /* The inputs are read at the same time, each by a thread of its own
       (with -j 1, one after the other); errors are reported in order.  */
    struct reader rd[3];
    pthread_t tid[3];
    int started[3] = { 0, 0, 0 };
    for (size_t k = 0; k < n_in; k++)
      {
        const char *l = in[k].lang;
        const char *code = lang_code[strcmp (l, "az") == 0   ? 0
                                     : strcmp (l, "fa") == 0 ? 1
                                                             : 2];
        rd[k].in = &in[k];
        rd[k].presegmented = presegmented;
        rd[k].from_code = code ? code : from_code;
        rd[k].srx = srx;
        if (k > 0 && jobs > 1)
          started[k] = pthread_create (&tid[k], NULL, reader_run, &rd[k]) == 0;
      }
    for (size_t k = 0; k < n_in; k++)
      if (!started[k])
        reader_run (&rd[k]);
    for (size_t k = 0; k < n_in; k++)
      if (started[k])
        pthread_join (tid[k], NULL);
    for (size_t k = 0; k < n_in; k++)
      if (in[k].st != TMC_OK)
        {
          tmc_cli_report (&in[k].err);
          goto done;
        }
  }
  if (tmx.doc_id == NULL)
    {
      doc_id_from_path (in[0].path, doc_id, sizeof doc_id);
      tmx.doc_id = doc_id;
    }

  {
    const struct tmc_doc *docs[3] = { in[0].doc, in[1].doc, in[2].doc };
    if (tmc_align (docs, n_in, &params, &align, &err) != TMC_OK)
      {
        tmc_cli_report (&err);
        goto done;
      }
    if (beads_path && write_beads (beads_path, align) != 0)
      goto done;
    if (tmx.path && write_outputs (&tmx, docs, n_in, align, &params) != 0)
      goto done;
    if (!tmx.path && !beads_path && write_beads ("-", align) != 0)
      goto done;
  }
  status = TMC_EXIT_OK;

done:
  for (size_t k = 0; k < 3; k++)
    tmc_doc_free (in[k].doc);
  tmc_alignment_free (align);
  tmc_lexicon_free (lex);
  tmc_srx_free (srx);
  free (dicts);
  return status;
}
