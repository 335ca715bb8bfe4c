/* tmconv segment: decode report files and split them into sentences.  */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tmconv/io.h"
#include "tmconv/segment.h"
#include "tmconv/text.h"

TMC_COMMAND (segment, 10, N_("split reports into sentences"));

#define CMD "segment"

enum { OPT_SRX = 256, OPT_FORMAT, OPT_NO_FILENAME, OPT_PRINT_SRX };

static void
usage (void)
{
  printf (_("Usage: %s [OPTION]... [FILE]...\n"), "tmconv segment");
  fputs (_("Decode report files and split them into sentences, one per "
           "line.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -l, --lang=LANG        the language of the files: az, fa or "
           "en (a tag such\n"
           "                         as az-Cyrl or fa-IR will do); default: "
           "from each\n"
           "                         file name, NAME.LANG.txt\n"
           "  -f, --from-code=ENC    the encoding of the files, any name "
           "iconv knows\n"
           "                         (windows-1256, windows-1254, "
           "ISO-8859-9,\n"
           "                         windows-1251...); default: UTF-8, or "
           "what a\n"
           "                         byte-order mark says\n"
           "      --srx=FILE         use the rules of the SRX file FILE "
           "instead of\n"
           "                         tmconv's own\n"
           "      --format=FORMAT    text: one sentence per line (the "
           "default);\n"
           "                         tsv: "
           "paragraph<TAB>start<TAB>length<TAB>sentence\n"
           "  -p, --paragraphs       in text output, an empty line between "
           "paragraphs\n"
           "  -H, --with-filename    start each line with the file name and "
           "a tab\n"
           "                         (the default with more than one FILE)\n"
           "      --no-filename      never start lines with the file name\n"
           "  -o, --output=FILE      write to FILE instead of standard "
           "output\n"
           "      --print-srx        print tmconv's own SRX rules and exit\n"
           "  -h, --help             display this help and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("With no FILE, or when FILE is -, read standard input (and give "
           "--lang).\n"
           "In tsv output, paragraphs count from 1 and start and length "
           "are byte\n"
           "offsets into the decoded text (UTF-8, NFC, LF line ends); a "
           "tab, line\n"
           "break or backslash inside a sentence is written \\t, \\n or "
           "\\\\.  In text\n"
           "output a line break inside a sentence is written as a space.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Examples:\n"
           "  tmconv segment report.az.txt report.fa.txt\n"
           "  tmconv segment --from-code=windows-1256 --format=tsv old.fa.txt\n"
           "  tmconv segment --lang=en --srx=okapi.srx < notes.txt\n"),
         stdout);
  tmc_cli_help_footer (stdout);
}

/* Segmenters made so far, one per language tag.  */
struct cache {
  struct tmc_segmenter **seg;
  size_t n;
};

static const struct tmc_segmenter *
cached (struct cache *c, const struct tmc_srx *srx, const char *lang,
        struct tmc_error *err)
{
  for (size_t i = 0; i < c->n; i++)
    if (strcmp (tmc_segmenter_lang (c->seg[i]), lang) == 0)
      return c->seg[i];
  struct tmc_segmenter *s;
  if (tmc_segmenter_new (srx, lang, &s, err) != TMC_OK)
    return NULL;
  struct tmc_segmenter **t = realloc (c->seg, (c->n + 1) * sizeof *t);
  if (t == NULL)
    {
      tmc_segmenter_free (s);
      tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, "%s",
                     _("out of memory"));
      return NULL;
    }
  c->seg = t;
  c->seg[c->n++] = s;
  return s;
}

/* Write the N bytes of S for the output format.  */
static void
put_text (FILE *fp, const char *s, size_t n, int tsv)
{
  size_t from = 0;
  for (size_t i = 0; i < n; i++)
    {
      char c = s[i];
      const char *rep = NULL;
      if (c == '\n')
        rep = tsv ? "\\n" : " ";
      else if (tsv && c == '\t')
        rep = "\\t";
      else if (tsv && c == '\\')
        rep = "\\\\";
      if (rep == NULL)
        continue;
      fwrite (s + from, 1, i - from, fp);
      fputs (rep, fp);
      from = i + 1;
    }
  fwrite (s + from, 1, n - from, fp);
}

static void
print_doc (FILE *fp, const struct tmc_doc *doc, const char *name, int tsv,
           int paragraphs, int *first_out)
{
  for (size_t i = 0; i < doc->n_sent; i++)
    {
      const struct tmc_sentence *s = &doc->sent[i];
      if (!tsv && paragraphs && !*first_out
          && (i == 0 || s->paragraph != doc->sent[i - 1].paragraph))
        fputc ('\n', fp);
      *first_out = 0;
      if (name != NULL)
        {
          put_text (fp, name, strlen (name), 1);
          fputc ('\t', fp);
        }
      if (tsv)
        fprintf (fp, "%zu\t%zu\t%zu\t", s->paragraph + 1, s->start, s->len);
      put_text (fp, doc->text + s->start, s->len, tsv);
      fputc ('\n', fp);
    }
}

int
cmd_segment (int argc, char **argv)
{
  static const struct option opts[] = {
    { "lang", required_argument, NULL, 'l' },
    { "from-code", required_argument, NULL, 'f' },
    { "srx", required_argument, NULL, OPT_SRX },
    { "format", required_argument, NULL, OPT_FORMAT },
    { "paragraphs", no_argument, NULL, 'p' },
    { "with-filename", no_argument, NULL, 'H' },
    { "no-filename", no_argument, NULL, OPT_NO_FILENAME },
    { "output", required_argument, NULL, 'o' },
    { "print-srx", no_argument, NULL, OPT_PRINT_SRX },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const char *lang = NULL, *from_code = NULL, *srx_path = NULL;
  const char *output = "-";
  int tsv = 0, paragraphs = 0, with_name = -1, print_srx = 0;
  int c;
  while ((c = getopt_long (argc, argv, "l:f:pHo:h", opts, NULL)) != -1)
    switch (c)
      {
      case 'l':
        lang = optarg;
        break;
      case 'f':
        from_code = optarg;
        break;
      case OPT_SRX:
        srx_path = optarg;
        break;
      case OPT_FORMAT:
        if (strcmp (optarg, "text") == 0)
          tsv = 0;
        else if (strcmp (optarg, "tsv") == 0)
          tsv = 1;
        else
          return tmc_cli_usage_error (CMD, _("invalid value '%s' for %s: "
                                             "expected 'text' or 'tsv'"),
                                      optarg, "--format");
        break;
      case 'p':
        paragraphs = 1;
        break;
      case 'H':
        with_name = 1;
        break;
      case OPT_NO_FILENAME:
        with_name = 0;
        break;
      case 'o':
        output = optarg;
        break;
      case OPT_PRINT_SRX:
        print_srx = 1;
        break;
      case 'h':
        usage ();
        return TMC_EXIT_OK;
      default:
        return tmc_cli_bad_option (CMD);
      }

  struct tmc_error err;
  tmc_error_clear (&err);
  char tag[64];
  if (lang != NULL)
    {
      if (tmc_lang_canonical (lang, tag, sizeof tag) == NULL)
        return tmc_cli_usage_error (CMD, _("'%s' is not a language tag"),
                                    lang);
      if (tmc_lang_code (tag) == NULL && srx_path == NULL)
        return tmc_cli_usage_error (CMD, _("tmconv's own rules know az, fa "
                                           "and en, not '%s' (give rules "
                                           "for it with --srx)"),
                                    lang);
      lang = tag;
    }
  if (tmc_text_check_encoding (from_code, &err) != TMC_OK)
    return tmc_cli_usage_error (CMD, "%s", err.message);
  /* The output replaces its file when it is complete: were it an input,
     the report would be lost.  */
  for (int i = optind; i < argc && strcmp (output, "-") != 0; i++)
    if (strcmp (output, argv[i]) == 0 || tmc_same_file (output, argv[i]))
      return tmc_cli_usage_error (CMD, _("the output '%s' would overwrite "
                                         "an input file"), output);

  tmc_output *out;
  if (print_srx)
    {
      if (optind < argc)
        return tmc_cli_usage_error (CMD, _("--print-srx takes no FILE"));
      if (tmc_output_open (output, &out, &err) != TMC_OK)
        {
          tmc_cli_report (&err);
          return TMC_EXIT_ERROR;
        }
      size_t n;
      const char *text = tmc_srx_builtin_text (&n);
      fwrite (text, 1, n, tmc_output_stream (out));
      if (tmc_output_commit (out, &err) != TMC_OK)
        {
          tmc_cli_report (&err);
          return TMC_EXIT_ERROR;
        }
      return TMC_EXIT_OK;
    }

  struct tmc_srx *srx = NULL;
  if (srx_path != NULL)
    {
      if (tmc_srx_read (srx_path, &srx, &err) != TMC_OK)
        {
          tmc_cli_report (&err);
          return TMC_EXIT_ERROR;
        }
    }
  else if (tmc_srx_builtin (&srx, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      return TMC_EXIT_ERROR;
    }

  static char *const stdin_only[] = { (char *) "-", NULL };
  char *const *files = optind < argc ? argv + optind : stdin_only;
  size_t n_files = optind < argc ? (size_t) (argc - optind) : 1;
  if (with_name < 0)
    with_name = n_files > 1;

  if (tmc_output_open (output, &out, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      tmc_srx_free (srx);
      return TMC_EXIT_ERROR;
    }
  FILE *fp = tmc_output_stream (out);
  struct cache cache = { NULL, 0 };
  int status = TMC_EXIT_OK;
  int first_out = 1;
  for (size_t i = 0; i < n_files; i++)
    {
      const char *path = files[i];
      const char *flang = lang;
      char ftag[64];
      if (flang == NULL)
        {
          flang = tmc_lang_from_filename (path, ftag, sizeof ftag);
          if (flang == NULL)
            {
              if (strcmp (path, "-") == 0)
                tmc_cli_error (_("cannot tell the language of standard "
                                 "input: give it with --lang"));
              else
                tmc_cli_error (_("%s: cannot tell the language of the "
                                 "file: name it NAME.LANG.txt (LANG az, fa "
                                 "or en) or give it with --lang"),
                               path);
              status = TMC_EXIT_ERROR;
              continue;
            }
        }
      tmc_error_clear (&err);
      const struct tmc_segmenter *seg = cached (&cache, srx, flang, &err);
      struct tmc_doc *doc = NULL;
      if (seg != NULL)
        {
          struct tmc_segment_options so = TMC_SEGMENT_OPTIONS_INIT;
          so.from_code = from_code;
          so.segmenter = seg;
          so.warn = &tmc_cli_warn_handler;
          tmc_segment_file (path, &so, &doc, &err);
        }
      if (doc == NULL)
        {
          tmc_cli_report (&err);
          status = TMC_EXIT_ERROR;
          continue;
        }
      print_doc (fp, doc, with_name ? path : NULL, tsv, paragraphs,
                 &first_out);
      tmc_doc_free (doc);
    }
  for (size_t i = 0; i < cache.n; i++)
    tmc_segmenter_free (cache.seg[i]);
  free (cache.seg);
  tmc_srx_free (srx);
  /* A file is written whole or not at all: after an error, it is not
     (an older one stays as it was).  Standard output has had what it
     got.  */
  if (status != TMC_EXIT_OK && strcmp (output, "-") != 0)
    {
      tmc_output_abort (out);
      return status;
    }
  if (tmc_output_commit (out, &err) != TMC_OK)
    {
      tmc_cli_report (&err);
      return TMC_EXIT_ERROR;
    }
  return status;
}
