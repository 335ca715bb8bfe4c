/* Reports of 'tmconv check': text, JSON, JUnit XML, GitHub annotations.

   The JSON document (schema 1) is described in the README under
   "Formats"; its keys and codes are stable, its messages are for people
   and follow the locale.  Numbers never go through the locale: the
   percentage is written from hundredths.  */

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tmconv/check.h"

static const char *
result_name (enum tmc_check_result r)
{
  switch (r)
    {
    case TMC_CHECK_PASS:
      return "pass";
    case TMC_CHECK_FAIL:
      return "fail";
    default:
      return "error";
    }
}

static const char *
format_name (enum tmc_check_format f)
{
  switch (f)
    {
    case TMC_CHECK_FORMAT_PO:
      return "po";
    case TMC_CHECK_FORMAT_POT:
      return "pot";
    default:
      return "tmx";
    }
}

static const char *
status_name (enum tmc_check_status s)
{
  switch (s)
    {
    case TMC_CHECK_UNTRANSLATED:
      return "untranslated";
    case TMC_CHECK_FUZZY:
      return "fuzzy";
    case TMC_CHECK_MISSING:
      return "missing";
    case TMC_CHECK_NOT_IN_TEMPLATE:
      return "not-in-template";
    default:
      return "lacks-language";
    }
}

/* ---------------------------------------------------------------- */
/* Text.  */

/* The separator between the counts of a line.  */
static const char *
list_sep (void)
{
  /* TRANSLATORS: the separator between counts, as in "3 translated, 1
     fuzzy, 0 untranslated" (Persian uses its own comma).  */
  return _(", ");
}

/* The percentage for people: rounded down to tenths, so that 99.96% is
   never shown as 100.0%; printed with the locale's decimal point.  */
static double
shown_percent (const struct tmc_check_lang *l)
{
  return floor ((double) tmc_check_percent100 (l) / 10.0) / 10.0;
}

static void
text_lang (FILE *fp, const struct tmc_check_file *f,
           const struct tmc_check_lang *l, const struct tmc_check_options *o)
{
  fputs (f->path, fp);
  if (f->format == TMC_CHECK_FORMAT_POT)
    {
      fputs (": ", fp);
      fprintf (fp, dngettext (PACKAGE, "template, %lu message",
                                 "template, %lu messages", l->total),
               l->total);
      fputc ('\n', fp);
      return;
    }
  if (l->lang[0])
    fprintf (fp, " [%s]", l->lang);
  fputs (": ", fp);
  fprintf (fp, dngettext (PACKAGE, "%lu translated (%.1f%%)",
                             "%lu translated (%.1f%%)", l->translated),
           l->translated, shown_percent (l));
  fputs (list_sep (), fp);
  fprintf (fp, dngettext (PACKAGE, "%lu fuzzy", "%lu fuzzy", l->fuzzy),
           l->fuzzy);
  fputs (list_sep (), fp);
  fprintf (fp, dngettext (PACKAGE, "%lu untranslated", "%lu untranslated",
                             l->untranslated), l->untranslated);
  if (l->missing)
    {
      fputs (" ", fp);
      fprintf (fp, dngettext (PACKAGE, "(%lu missing from the catalogue)",
                                 "(%lu missing from the catalogue)",
                                 l->missing), l->missing);
    }
  if (l->obsolete)
    {
      fputs (list_sep (), fp);
      fprintf (fp, dngettext (PACKAGE, "%lu obsolete", "%lu obsolete",
                              l->obsolete), l->obsolete);
    }
  if (l->not_in_template)
    {
      fputs (list_sep (), fp);
      fprintf (fp, dngettext (PACKAGE, "%lu not in the template",
                                 "%lu not in the template",
                                 l->not_in_template), l->not_in_template);
    }
  if (l->result == TMC_CHECK_FAIL)
    {
      fputs (": ", fp);
      /* TRANSLATORS: the result of a check that found gaps; the reasons
         follow.  */
      fputs (_("FAIL"), fp);
      if (l->fail_min_translated)
        {
          fputs (" (", fp);
          fprintf (fp, _("below %g%% translated"), o->min_translated);
          fputs (")", fp);
        }
      if (l->fail_max_fuzzy)
        {
          fputs (" (", fp);
          fprintf (fp, dngettext (PACKAGE, "more than %ld fuzzy",
                                     "more than %ld fuzzy", o->max_fuzzy),
                   o->max_fuzzy);
          fputs (")", fp);
        }
    }
  fputc ('\n', fp);
}

static void
text_messages (FILE *fp, const struct tmc_check_file *f,
               const struct tmc_check_options *o)
{
  const char *tpl = o->template_ ? tmc_check_template_path (o->template_)
                                 : "";
  for (size_t i = 0; i < f->n_messages; i++)
    {
      const struct tmc_check_message *m = &f->messages[i];
      const char *lang = m->lang < f->n_langs ? f->langs[m->lang].lang : "";
      const char *what;
      switch (m->status)
        {
        case TMC_CHECK_UNTRANSLATED:
          what = _("untranslated");
          break;
        case TMC_CHECK_FUZZY:
          what = _("fuzzy");
          break;
        case TMC_CHECK_MISSING:
          what = _("missing from the catalogue");
          break;
        case TMC_CHECK_NOT_IN_TEMPLATE:
          what = _("not in the template");
          break;
        default:
          what = _("lacks the language");
          break;
        }
      const char *file = m->status == TMC_CHECK_MISSING ? tpl : f->path;
      if (m->line)
        fprintf (fp, "%s:%lu: ", file, m->line);
      else
        fprintf (fp, "%s: ", file);
      if (f->format == TMC_CHECK_FORMAT_TMX && lang[0])
        fprintf (fp, "[%s] ", lang);
      fprintf (fp, "%s: \"%s\"", what, m->text);
      if (m->context)
        {
          fputs (" ", fp);
          fprintf (fp, _("(context \"%s\")"), m->context);
        }
      fputc ('\n', fp);
    }
}

static void
write_text (FILE *fp, struct tmc_check_file *const *files, size_t n,
            const struct tmc_check_options *o)
{
  size_t pass = 0, fail = 0, error = 0;
  for (size_t i = 0; i < n; i++)
    {
      const struct tmc_check_file *f = files[i];
      if (f->result == TMC_CHECK_PASS)
        pass++;
      else if (f->result == TMC_CHECK_FAIL)
        fail++;
      else
        error++;
      /* Like msgfmt, no statistics for a file with errors: its counts
         are of what could be read (the JSON report still has them).  */
      if (f->n_langs == 0 || f->n_errors > 0)
        {
          fprintf (fp, "%s: ", f->path);
          fprintf (fp, dngettext (PACKAGE, "%zu error", "%zu errors",
                                  f->n_errors), f->n_errors);
          fputc ('\n', fp);
          continue;
        }
      for (size_t k = 0; k < f->n_langs; k++)
        text_lang (fp, f, &f->langs[k], o);
      text_messages (fp, f, o);
    }
  if (n > 1)
    {
      fprintf (fp, dngettext (PACKAGE, "%zu file checked",
                              "%zu files checked", n), n);
      fputs (": ", fp);
      fprintf (fp, dngettext (PACKAGE, "%zu passed", "%zu passed", pass),
               pass);
      fputs (list_sep (), fp);
      fprintf (fp, dngettext (PACKAGE, "%zu failed", "%zu failed", fail),
               fail);
      fputs (list_sep (), fp);
      fprintf (fp, dngettext (PACKAGE, "%zu with errors", "%zu with errors",
                              error), error);
      fputc ('\n', fp);
    }
}

/* ---------------------------------------------------------------- */
/* JSON.  */

static void
json_line (FILE *fp, unsigned long v)
{
  if (v)
    fprintf (fp, "%lu", v);
  else
    fputs ("null", fp);
}

static void
json_percent (FILE *fp, const struct tmc_check_lang *l)
{
  unsigned long p = tmc_check_percent100 (l);
  fprintf (fp, "%lu.%02lu", p / 100, p % 100);
}

/* A threshold for the JSON document and the JUnit messages, in the C
   locale whatever the program's: the shortest form that reads back as
   the same double.  */
static void
json_number (FILE *fp, double v)
{
  char buf[64] = "0";
  locale_t c = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  locale_t old = c ? uselocale (c) : (locale_t) 0;
  int done = 0;
  for (int prec = 0; prec <= 6 && !done && fabs (v) < 1e15; prec++)
    {
      snprintf (buf, sizeof buf, "%.*f", prec, v);
      done = strtod (buf, NULL) == v;
    }
  if (!done)
    snprintf (buf, sizeof buf, "%.17g", v);
  if (c)
    {
      uselocale (old);
      freelocale (c);
    }
  fputs (buf, fp);
}

static void
write_json (FILE *fp, struct tmc_check_file *const *files, size_t n,
            const struct tmc_check_options *o)
{
  size_t pass = 0, fail = 0, error = 0;
  fputs ("{\n  \"schema\": 1,\n  \"generator\": ", fp);
  tmc_json_string (fp, "tmconv " VERSION);
  fputs (",\n  \"template\": ", fp);
  tmc_json_string (fp, o->template_ ? tmc_check_template_path (o->template_) : NULL);
  fputs (",\n  \"thresholds\": {\"min_translated\": ", fp);
  if (o->min_translated >= 0)
    json_number (fp, o->min_translated);
  else
    fputs ("null", fp);
  fputs (", \"max_fuzzy\": ", fp);
  if (o->max_fuzzy >= 0)
    fprintf (fp, "%ld", o->max_fuzzy);
  else
    fputs ("null", fp);
  fprintf (fp, "},\n  \"result\": \"%s\",\n  \"files\": [",
           result_name (tmc_check_overall (files, n)));
  for (size_t i = 0; i < n; i++)
    {
      const struct tmc_check_file *f = files[i];
      if (f->result == TMC_CHECK_PASS)
        pass++;
      else if (f->result == TMC_CHECK_FAIL)
        fail++;
      else
        error++;
      fputs (i ? ",\n    {\n" : "\n    {\n", fp);
      fputs ("      \"file\": ", fp);
      tmc_json_string (fp, f->path);
      fprintf (fp, ",\n      \"format\": \"%s\",\n      \"result\": \"%s\",\n",
               format_name (f->format), result_name (f->result));
      fprintf (fp, "      \"errors\": %zu,\n      \"warnings\": %zu,\n",
               f->n_errors, f->n_warnings);
      fputs ("      \"languages\": [", fp);
      for (size_t k = 0; k < f->n_langs; k++)
        {
          const struct tmc_check_lang *l = &f->langs[k];
          fputs (k ? ",\n        {" : "\n        {", fp);
          fputs ("\"language\": ", fp);
          tmc_json_string (fp, l->lang);
          fprintf (fp, ", \"total\": %lu, \"translated\": %lu, "
                       "\"fuzzy\": %lu, \"untranslated\": %lu, "
                       "\"obsolete\": %lu, \"missing\": %lu, "
                       "\"not_in_template\": %lu, \"translated_percent\": ",
                   l->total, l->translated, l->fuzzy, l->untranslated,
                   l->obsolete, l->missing, l->not_in_template);
          json_percent (fp, l);
          fprintf (fp, ", \"result\": \"%s\", \"failures\": [",
                   f->format == TMC_CHECK_FORMAT_POT
                     ? "pass" : result_name (l->result));
          int first = 1;
          if (l->fail_min_translated)
            {
              fputs ("\"min_translated\"", fp);
              first = 0;
            }
          if (l->fail_max_fuzzy)
            fputs (first ? "\"max_fuzzy\"" : ", \"max_fuzzy\"", fp);
          fputs ("]}", fp);
        }
      fputs (f->n_langs ? "\n      ],\n" : "],\n", fp);
      fputs ("      \"problems\": [", fp);
      for (size_t k = 0; k < f->n_problems; k++)
        {
          const struct tmc_diag *d = &f->problems[k];
          fputs (k ? ",\n        {" : "\n        {", fp);
          fprintf (fp, "\"severity\": \"%s\", \"code\": ",
                   d->severity == TMC_DIAG_ERROR ? "error" : "warning");
          tmc_json_string (fp, d->code);
          fputs (", \"line\": ", fp);
          json_line (fp, d->line);
          fputs (", \"column\": ", fp);
          json_line (fp, d->column);
          fputs (", \"message\": ", fp);
          tmc_json_string (fp, d->message);
          fputs (", \"related_line\": ", fp);
          json_line (fp, d->related_line);
          fputs (", \"related_message\": ", fp);
          tmc_json_string (fp, d->related_message);
          fputs ("}", fp);
        }
      fputs (f->n_problems ? "\n      ],\n" : "],\n", fp);
      fputs ("      \"messages\": [", fp);
      for (size_t k = 0; k < f->n_messages; k++)
        {
          const struct tmc_check_message *m = &f->messages[k];
          fputs (k ? ",\n        {" : "\n        {", fp);
          fprintf (fp, "\"status\": \"%s\", \"language\": ",
                   status_name (m->status));
          tmc_json_string (fp, m->lang < f->n_langs ? f->langs[m->lang].lang : "");
          fputs (", \"line\": ", fp);
          json_line (fp, m->line);
          fputs (", \"text\": ", fp);
          tmc_json_string (fp, m->text);
          fputs (", \"context\": ", fp);
          tmc_json_string (fp, m->context);
          fputs ("}", fp);
        }
      fputs (f->n_messages ? "\n      ]\n    }" : "]\n    }", fp);
    }
  fprintf (fp, "%s],\n  \"summary\": {\"files\": %zu, \"passed\": %zu, "
               "\"failed\": %zu, \"errors\": %zu}\n}\n",
           n ? "\n  " : "", n, pass, fail, error);
}

/* ---------------------------------------------------------------- */
/* JUnit XML.  */

static void
xml_str (FILE *fp, const char *s)
{
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    switch (*p)
      {
      case '&':
        fputs ("&amp;", fp);
        break;
      case '<':
        fputs ("&lt;", fp);
        break;
      case '>':
        fputs ("&gt;", fp);
        break;
      case '"':
        fputs ("&quot;", fp);
        break;
      case '\n':
        fputs ("&#10;", fp);
        break;
      case '\t':
        fputs ("&#9;", fp);
        break;
      default:
        /* XML 1.0 has no other control characters.  */
        putc (*p < 0x20 ? '?' : *p, fp);
      }
}

static void
xml_place (FILE *fp, const char *file, unsigned long line)
{
  xml_str (fp, file);
  if (line)
    fprintf (fp, ":%lu", line);
}

static void
write_junit (FILE *fp, struct tmc_check_file *const *files, size_t n,
             const struct tmc_check_options *o)
{
  size_t tests = 0, failures = 0, errors = 0;
  for (size_t i = 0; i < n; i++)
    {
      tests += 1 + (files[i]->n_errors > 0 ? 0 : files[i]->n_langs);
      errors += files[i]->n_errors > 0;
      for (size_t k = 0; k < files[i]->n_langs; k++)
        failures += files[i]->format != TMC_CHECK_FORMAT_POT
                    && files[i]->langs[k].result == TMC_CHECK_FAIL;
    }
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
  fprintf (fp, "<testsuites name=\"tmconv check\" tests=\"%zu\" "
               "failures=\"%zu\" errors=\"%zu\">\n", tests, failures, errors);
  for (size_t i = 0; i < n; i++)
    {
      const struct tmc_check_file *f = files[i];
      size_t ffail = 0;
      for (size_t k = 0; k < f->n_langs; k++)
        ffail += f->format != TMC_CHECK_FORMAT_POT
                 && f->langs[k].result == TMC_CHECK_FAIL;
      fputs ("  <testsuite name=\"", fp);
      xml_str (fp, f->path);
      size_t ntests = 1 + (f->n_errors > 0 ? 0 : f->n_langs);
      fprintf (fp, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%d\">\n",
               ntests, ffail, f->n_errors > 0);
      /* The file itself: read and msgfmt --check.  */
      fputs ("    <testcase classname=\"tmconv.check\" name=\"", fp);
      xml_str (fp, f->path);
      fputs (": valid\" file=\"", fp);
      xml_str (fp, f->path);
      fputs ("\"", fp);
      if (f->n_problems == 0)
        fputs ("/>\n", fp);
      else
        {
          fputs (">\n", fp);
          const struct tmc_diag *first = NULL;
          for (size_t k = 0; k < f->n_problems && !first; k++)
            if (f->problems[k].severity == TMC_DIAG_ERROR)
              first = &f->problems[k];
          if (first)
            {
              fputs ("      <error type=\"", fp);
              xml_str (fp, first->code);
              fputs ("\" message=\"", fp);
              xml_place (fp, f->path, first->line);
              fputs (": ", fp);
              xml_str (fp, first->message);
              fputs ("\">", fp);
              for (size_t k = 0; k < f->n_problems; k++)
                if (f->problems[k].severity == TMC_DIAG_ERROR)
                  {
                    xml_place (fp, f->path, f->problems[k].line);
                    fputs (": ", fp);
                    xml_str (fp, f->problems[k].message);
                    fputs ("&#10;", fp);
                  }
              fputs ("</error>\n", fp);
            }
          if (f->n_warnings)
            {
              fputs ("      <system-out>", fp);
              for (size_t k = 0; k < f->n_problems; k++)
                if (f->problems[k].severity == TMC_DIAG_WARNING)
                  {
                    xml_place (fp, f->path, f->problems[k].line);
                    fputs (": warning: ", fp);
                    xml_str (fp, f->problems[k].message);
                    fputs ("&#10;", fp);
                  }
              fputs ("</system-out>\n", fp);
            }
          fputs ("    </testcase>\n", fp);
        }
      /* A file with errors has no completeness tests: its counts are of
         what could be read.  */
      for (size_t k = 0; k < f->n_langs && f->n_errors == 0; k++)
        {
          const struct tmc_check_lang *l = &f->langs[k];
          unsigned long p = tmc_check_percent100 (l);
          fputs ("    <testcase classname=\"tmconv.check\" name=\"", fp);
          xml_str (fp, f->path);
          fputs (": ", fp);
          xml_str (fp, l->lang[0] ? l->lang : "messages");
          fputs (" complete\" file=\"", fp);
          xml_str (fp, f->path);
          fputs ("\">\n", fp);
          if (f->format != TMC_CHECK_FORMAT_POT
              && l->result == TMC_CHECK_FAIL)
            {
              fprintf (fp, "      <failure type=\"%s\" message=\"",
                       l->fail_min_translated ? "min_translated"
                                              : "max_fuzzy");
              fprintf (fp, "%lu.%02lu%% translated (%lu of %lu), %lu fuzzy",
                       p / 100, p % 100, l->translated, l->total, l->fuzzy);
              if (l->fail_min_translated)
                {
                  fputs (", below the minimum of ", fp);
                  json_number (fp, o->min_translated);
                  fputs ("%", fp);
                }
              if (l->fail_max_fuzzy)
                fprintf (fp, ", more than the maximum of %ld fuzzy",
                         o->max_fuzzy);
              fputs ("\"/>\n", fp);
            }
          fprintf (fp, "      <system-out>translated=%lu fuzzy=%lu "
                       "untranslated=%lu obsolete=%lu missing=%lu "
                       "not_in_template=%lu percent=%lu.%02lu",
                   l->translated, l->fuzzy, l->untranslated, l->obsolete,
                   l->missing, l->not_in_template, p / 100, p % 100);
          fputs ("</system-out>\n    </testcase>\n", fp);
        }
      fputs ("  </testsuite>\n", fp);
    }
  fputs ("</testsuites>\n", fp);
}

/* ---------------------------------------------------------------- */
/* GitHub workflow commands.  */

static void
gh_escape (FILE *fp, const char *s, int property)
{
  for (; *s; s++)
    switch (*s)
      {
      case '%':
        fputs ("%25", fp);
        break;
      case '\r':
        fputs ("%0D", fp);
        break;
      case '\n':
        fputs ("%0A", fp);
        break;
      case ':':
        fputs (property ? "%3A" : ":", fp);
        break;
      case ',':
        fputs (property ? "%2C" : ",", fp);
        break;
      default:
        putc (*s, fp);
      }
}

static void
gh_command (FILE *fp, const char *kind, const char *file, unsigned long line,
            unsigned long col, const char *message)
{
  fprintf (fp, "::%s file=", kind);
  gh_escape (fp, file, 1);
  if (line)
    fprintf (fp, ",line=%lu", line);
  if (line && col)
    fprintf (fp, ",col=%lu", col);
  fputs (",title=tmconv check::", fp);
  gh_escape (fp, message, 0);
  fputc ('\n', fp);
}

static void
write_github (FILE *fp, struct tmc_check_file *const *files, size_t n,
              const struct tmc_check_options *o)
{
  for (size_t i = 0; i < n; i++)
    {
      const struct tmc_check_file *f = files[i];
      for (size_t k = 0; k < f->n_problems; k++)
        {
          const struct tmc_diag *d = &f->problems[k];
          gh_command (fp, d->severity == TMC_DIAG_ERROR ? "error" : "warning",
                      f->path, d->line, d->column, d->message);
          if (d->related_line)
            gh_command (fp, "notice", f->path, d->related_line, 0,
                        d->related_message);
        }
      for (size_t k = 0; k < f->n_langs; k++)
        {
          const struct tmc_check_lang *l = &f->langs[k];
          if (f->format == TMC_CHECK_FORMAT_POT
              || l->result != TMC_CHECK_FAIL)
            continue;
          char msg[512];
          int w = snprintf (msg, sizeof msg, "%s%s", l->lang,
                            l->lang[0] ? ": " : "");
          w += snprintf (msg + w, sizeof msg - (size_t) w,
                         dngettext (PACKAGE, "%lu of %lu message translated "
                                       "(%.1f%%), %lu fuzzy",
                                       "%lu of %lu messages translated "
                                       "(%.1f%%), %lu fuzzy", l->total),
                         l->translated, l->total, shown_percent (l),
                         l->fuzzy);
          if (l->fail_min_translated && (size_t) w < sizeof msg)
            w += snprintf (msg + w, sizeof msg - (size_t) w, "; %s",
                           _("below the minimum"));
          if (l->fail_max_fuzzy && (size_t) w < sizeof msg)
            snprintf (msg + w, sizeof msg - (size_t) w, "; %s",
                      _("too many fuzzy messages"));
          gh_command (fp, "error", f->path, 0, 0, msg);
        }
    }
  write_text (fp, files, n, o);
}

int
tmc_check_write (FILE *fp, enum tmc_check_output output,
                 struct tmc_check_file *const *files, size_t n,
                 const struct tmc_check_options *opts)
{
  struct tmc_check_options def;
  if (opts == NULL)
    {
      tmc_check_options_init (&def);
      opts = &def;
    }
  switch (output)
    {
    case TMC_CHECK_TEXT:
      write_text (fp, files, n, opts);
      break;
    case TMC_CHECK_JSON:
      write_json (fp, files, n, opts);
      break;
    case TMC_CHECK_JUNIT:
      write_junit (fp, files, n, opts);
      break;
    case TMC_CHECK_GITHUB:
      write_github (fp, files, n, opts);
      break;
    }
  if (ferror (fp))
    {
      if (errno == 0)
        errno = EIO;
      return -1;
    }
  return 0;
}
