/* The review report of a batch: report.json and report.html.  */

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "buf.h"
#include "internal.h"
#include "tmconv/report.h"
#include "tmconv/tmx.h"

/* ---- Figures ------------------------------------------------------ */

void
tmc_report_stats_init (struct tmc_report_stats *s)
{
  memset (s, 0, sizeof *s);
}

void
tmc_report_stats_destroy (struct tmc_report_stats *s)
{
  free (s->shapes);
  memset (s, 0, sizeof *s);
}

/* The x-score of TU: 1 and *SCORE, or 0 when it has none usable.  */
static int
unit_score (const struct tmc_tu *tu, double *score)
{
  return tmc_tmx_unit_score (tu, score) == 1;
}

/* The counts of the x-bead "A-F-E" of TU into N; 0 when it has none
   that parses.  */
static int
unit_shape (const struct tmc_tu *tu, size_t n[TMC_BATCH_NLANG])
{
  const char *v = tmc_meta_prop (&tu->meta, TMC_TMX_PROP_BEAD);
  if (v == NULL)
    return 0;
  const char *p = v;
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    {
      if (*p < '0' || *p > '9')
        return 0;
      size_t x = 0;
      while (*p >= '0' && *p <= '9' && x < 1000000)
        x = x * 10 + (size_t) (*p++ - '0');
      n[l] = x;
      if (l + 1 < TMC_BATCH_NLANG && *p++ != '-')
        return 0;
    }
  return *p == '\0';
}

void
tmc_report_unit_flags (const struct tmc_tu *tu, double low_score, int *low,
                       int *non_one)
{
  double sc;
  *low = unit_score (tu, &sc) && sc < low_score;
  size_t n[TMC_BATCH_NLANG];
  if (unit_shape (tu, n))
    *non_one = !(n[0] == 1 && n[1] == 1 && n[2] == 1);
  else
    *non_one = 0;
}

static int
by_count_then_shape (const void *a, const void *b)
{
  const struct { char shape[32]; size_t count; } *x = a, *y = b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->shape, y->shape);
}

static int
add_shape (struct tmc_report_stats *s, const char *shape, size_t count)
{
  for (size_t i = 0; i < s->n_shapes; i++)
    if (strcmp (s->shapes[i].shape, shape) == 0)
      {
        s->shapes[i].count += count;
        return 0;
      }
  if (tmc_grow ((void **) &s->shapes, &s->shapes_cap, s->n_shapes + 1,
                sizeof *s->shapes) != 0)
    return -1;
  snprintf (s->shapes[s->n_shapes].shape, sizeof s->shapes[0].shape, "%s",
            shape);
  s->shapes[s->n_shapes].count = count;
  s->n_shapes++;
  return 0;
}

static void
sort_shapes (struct tmc_report_stats *s)
{
  if (s->n_shapes > 1)
    qsort (s->shapes, s->n_shapes, sizeof *s->shapes, by_count_then_shape);
}

enum tmc_status
tmc_report_stats_add (struct tmc_report_stats *s, const struct tmc_tm *tm,
                      double low_score, struct tmc_error *err)
{
  for (size_t i = 0; i < tm->n_tus; i++)
    {
      const struct tmc_tu *tu = &tm->tus[i];
      size_t n[TMC_BATCH_NLANG];
      char shape[32];
      if (unit_shape (tu, n))
        snprintf (shape, sizeof shape, "%zu-%zu-%zu", n[0], n[1], n[2]);
      else
        {
          for (int l = 0; l < TMC_BATCH_NLANG; l++)
            n[l] = tmc_tu_find (tu, tmc_batch_lang[l]) != NULL;
          snprintf (shape, sizeof shape, "?");
        }
      for (int l = 0; l < TMC_BATCH_NLANG; l++)
        s->sentences[l] += n[l];
      s->beads++;
      int low, non_one;
      tmc_report_unit_flags (tu, low_score, &low, &non_one);
      s->low += low;
      s->non_one += non_one;
      double sc;
      if (unit_score (tu, &sc))
        {
          s->scored++;
          s->score_sum += sc;
        }
      if (add_shape (s, shape, 1) != 0)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
    }
  sort_shapes (s);
  return TMC_OK;
}

static enum tmc_status
stats_merge (struct tmc_report_stats *to, const struct tmc_report_stats *from,
             struct tmc_error *err)
{
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    to->sentences[l] += from->sentences[l];
  to->beads += from->beads;
  to->low += from->low;
  to->non_one += from->non_one;
  to->scored += from->scored;
  to->score_sum += from->score_sum;
  for (size_t i = 0; i < from->n_shapes; i++)
    if (add_shape (to, from->shapes[i].shape, from->shapes[i].count) != 0)
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
  sort_shapes (to);
  return TMC_OK;
}

/* A score with three decimals and a '.', whatever the locale.  */
static void
put_score (FILE *fp, double v)
{
  if (!(v >= 0))
    v = 0;
  long long k = llround (v * 1000);
  fprintf (fp, "%lld.%03lld", k / 1000, k % 1000);
}

/* ---- Escaping ----------------------------------------------------- */

/* Write S as HTML text (also fit for attribute values in quotes).  */
static void
html_str (FILE *fp, const char *s)
{
  const uint8_t *p = (const uint8_t *) s;
  const uint8_t *end = p + strlen (s);
  while (p < end)
    {
      ucs4_t uc;
      int len = u8_mbtoucr (&uc, p, (size_t) (end - p));
      if (len < 0)
        {
          fputs ("\xEF\xBF\xBD", fp);
          p++;
          continue;
        }
      switch (uc)
        {
        case '&': fputs ("&amp;", fp); break;
        case '<': fputs ("&lt;", fp); break;
        case '>': fputs ("&gt;", fp); break;
        case '"': fputs ("&quot;", fp); break;
        case '\'': fputs ("&#39;", fp); break;
        default:
          if ((uc < 0x20 && uc != '\n' && uc != '\t') || uc == 0x7f)
            fprintf (fp, "&#xFFFD;");
          else
            fwrite (p, 1, (size_t) len, fp);
        }
      p += len;
    }
}

/* Write S percent-encoded for a relative URL path.  */
static void
url_path (FILE *fp, const char *s)
{
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
          || (*p >= '0' && *p <= '9') || strchr ("-._~/", *p))
        fputc (*p, fp);
      else
        fprintf (fp, "%%%02X", *p);
    }
}

/* ---- The writer ---------------------------------------------------- */

struct tmc_report {
  FILE *json, *html;
  FILE *json_body, *html_body;  /* temporary: the per-report parts */
  FILE *html_rows;              /* temporary: summary rows */
  char *name;
  double low_score;
  struct tmc_report_stats total;
  size_t n_reports, n_ok, n_failed;
  struct tmc_error *problems;
  size_t n_problems, problems_cap;
};

void
tmc_report_free (tmc_report *r)
{
  if (r == NULL)
    return;
  if (r->json_body)
    fclose (r->json_body);
  if (r->html_body)
    fclose (r->html_body);
  if (r->html_rows)
    fclose (r->html_rows);
  tmc_report_stats_destroy (&r->total);
  free (r->problems);
  free (r->name);
  free (r);
}

enum tmc_status
tmc_report_new (FILE *json, FILE *html, const struct tmc_report_opts *opts,
                tmc_report **out, struct tmc_error *err)
{
  *out = NULL;
  tmc_report *r = calloc (1, sizeof *r);
  if (r == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  r->json = json;
  r->html = html;
  r->low_score = opts->low_score;
  r->name = tmc_strdup (opts->name ? opts->name : "");
  if (r->name == NULL)
    {
      tmc_report_free (r);
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  if ((json && (r->json_body = tmpfile ()) == NULL)
      || (html && ((r->html_body = tmpfile ()) == NULL
                   || (r->html_rows = tmpfile ()) == NULL)))
    {
      int e = errno;
      tmc_report_free (r);
      return tmc_error_set_errno (err, e, NULL,
                                  _("cannot create a temporary file"));
    }
  *out = r;
  return TMC_OK;
}

static void
json_error (FILE *fp, const struct tmc_error *e)
{
  fputs ("{\"file\": ", fp);
  tmc_json_string (fp, e->file);
  fprintf (fp, ", \"line\": %lu, \"column\": %lu, \"message\": ", e->line,
           e->column);
  tmc_json_string (fp, e->message);
  fputc ('}', fp);
}

static void
json_stats (FILE *fp, const struct tmc_report_stats *s, const char *indent)
{
  fprintf (fp, "%s\"sentences\": {", indent);
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    fprintf (fp, "%s\"%s\": %zu", l ? ", " : "", tmc_batch_lang[l],
             s->sentences[l]);
  fprintf (fp, "},\n%s\"beads\": %zu,\n%s\"shapes\": {", indent, s->beads,
           indent);
  for (size_t i = 0; i < s->n_shapes; i++)
    {
      if (i)
        fputs (", ", fp);
      tmc_json_string (fp, s->shapes[i].shape);
      fprintf (fp, ": %zu", s->shapes[i].count);
    }
  fprintf (fp, "},\n%s\"mean_score\": ", indent);
  if (s->scored)
    put_score (fp, s->score_sum / (double) s->scored);
  else
    fputs ("null", fp);
  fprintf (fp, ",\n%s\"low_confidence\": %zu,\n%s\"not_1_1_1\": %zu", indent,
           s->low, indent, s->non_one);
}

static void
html_shapes (FILE *fp, const struct tmc_report_stats *s)
{
  int first = 1;
  for (size_t i = 0; i < s->n_shapes; i++)
    {
      if (!first)
        fputs (", ", fp);
      first = 0;
      int plain = strcmp (s->shapes[i].shape, "1-1-1") == 0;
      fprintf (fp, "<span class=\"%s\">", plain ? "s111" : "sx");
      html_str (fp, s->shapes[i].shape);
      fprintf (fp, "&nbsp;&times;&nbsp;%zu</span>", s->shapes[i].count);
    }
}

static void
html_mean (FILE *fp, const struct tmc_report_stats *s)
{
  if (s->scored)
    put_score (fp, s->score_sum / (double) s->scored);
  else
    fputs ("&ndash;", fp);
}

static void
html_warnings (FILE *fp, const struct tmc_error *w, size_t n)
{
  if (n == 0)
    return;
  fputs ("<ul class=\"warnings\">\n", fp);
  for (size_t i = 0; i < n; i++)
    {
      fputs ("<li>", fp);
      if (w[i].file[0])
        {
          html_str (fp, w[i].file);
          if (w[i].line)
            fprintf (fp, ":%lu", w[i].line);
          if (w[i].column)
            fprintf (fp, ":%lu", w[i].column);
          fputs (": ", fp);
        }
      html_str (fp, w[i].message);
      fputs ("</li>\n", fp);
    }
  fputs ("</ul>\n", fp);
}

/* The text of the variant of TU in language L, or NULL.  */
static const char *
unit_text (const struct tmc_tu *tu, int l)
{
  const struct tmc_tuv *v = tmc_tu_find (tu, tmc_batch_lang[l]);
  return v ? v->text : NULL;
}

static void
html_report (tmc_report *r, const struct tmc_report_item *it,
             const struct tmc_report_stats *s, size_t number)
{
  FILE *fp = r->html_body;
  int flagged = it->tm == NULL || s->low > 0 || s->non_one > 0;
  fprintf (fp, "<section class=\"report%s\" id=\"r%zu\">\n<details%s>\n"
           "<summary><h2>", it->tm ? "" : " failed", number,
           flagged ? " open" : "");
  html_str (fp, it->id);
  fputs ("</h2>", fp);
  if (it->tm == NULL)
    fprintf (fp, " <span class=\"badge fail\">%s</span>", _("failed"));
  else
    {
      if (s->low)
        {
          fprintf (fp, " <span class=\"badge low\">");
          fprintf (fp, dngettext (PACKAGE, "%zu low-confidence bead",
                                  "%zu low-confidence beads", s->low),
                   s->low);
          fputs ("</span>", fp);
        }
      if (s->non_one)
        {
          fprintf (fp, " <span class=\"badge shape\">");
          fprintf (fp, dngettext (PACKAGE, "%zu bead not 1-1-1",
                                  "%zu beads not 1-1-1", s->non_one),
                   s->non_one);
          fputs ("</span>", fp);
        }
    }
  fputs ("</summary>\n<p class=\"files\">", fp);
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    {
      fprintf (fp, "%s<b>%s</b> ", l ? " &middot; " : "", tmc_batch_lang[l]);
      if (it->inputs[l])
        {
          fputs ("<code>", fp);
          html_str (fp, it->inputs[l]);
          fputs ("</code>", fp);
        }
      else
        fputs ("&ndash;", fp);
    }
  if (it->tmx)
    {
      fputs (" &middot; <b>TMX</b> <a href=\"", fp);
      url_path (fp, it->tmx);
      fputs ("\"><code>", fp);
      html_str (fp, it->tmx);
      fputs ("</code></a>", fp);
    }
  fputs ("</p>\n", fp);
  if (it->error)
    {
      fputs ("<p class=\"error\">", fp);
      if (it->error->file[0])
        {
          html_str (fp, it->error->file);
          if (it->error->line)
            fprintf (fp, ":%lu", it->error->line);
          if (it->error->column)
            fprintf (fp, ":%lu", it->error->column);
          fputs (": ", fp);
        }
      html_str (fp, it->error->message);
      fputs ("</p>\n", fp);
    }
  html_warnings (fp, it->warnings, it->n_warnings);
  if (it->tm)
    {
      fprintf (fp, "<table class=\"beads\">\n<thead><tr><th>#</th>"
               "<th>%s</th><th>%s</th><th lang=\"az\">az</th>"
               "<th lang=\"fa\">fa</th><th lang=\"en\">en</th></tr>"
               "</thead>\n<tbody>\n", _("shape"), _("score"));
      for (size_t i = 0; i < it->tm->n_tus; i++)
        {
          const struct tmc_tu *tu = &it->tm->tus[i];
          int low, non_one;
          tmc_report_unit_flags (tu, r->low_score, &low, &non_one);
          fprintf (fp, "<tr class=\"%s%s%s\" id=\"r%zu-%zu\"><td>%zu</td>",
                   low || non_one ? "flag" : "ok", low ? " low" : "",
                   non_one ? " shape" : "", number, i + 1, i + 1);
          const char *shape = tmc_meta_prop (&tu->meta, TMC_TMX_PROP_BEAD);
          fputs ("<td class=\"sh\">", fp);
          html_str (fp, shape ? shape : "?");
          fputs ("</td><td class=\"sc\">", fp);
          double sc;
          if (unit_score (tu, &sc))
            put_score (fp, sc);
          else
            fputs ("&ndash;", fp);
          fputs ("</td>", fp);
          for (int l = 0; l < TMC_BATCH_NLANG; l++)
            {
              const char *t = unit_text (tu, l);
              fprintf (fp, "<td lang=\"%s\"%s%s>", tmc_batch_lang[l],
                       l == 1 ? " dir=\"rtl\"" : "",
                       t ? "" : " class=\"none\"");
              if (t)
                html_str (fp, t);
              fputs ("</td>", fp);
            }
          fputs ("</tr>\n", fp);
        }
      fputs ("</tbody>\n</table>\n", fp);
    }
  fputs ("</details>\n</section>\n", fp);

  /* Its row in the summary.  */
  FILE *rows = r->html_rows;
  fprintf (rows, "<tr class=\"%s\"><td class=\"id\"><a href=\"#r%zu\">",
           it->tm == NULL ? "failed" : flagged ? "flag" : "ok", number);
  html_str (rows, it->id);
  fputs ("</a></td>", rows);
  if (it->tm == NULL)
    {
      fprintf (rows, "<td colspan=\"8\" class=\"error\">");
      html_str (rows, it->error ? it->error->message : "");
      fprintf (rows, "</td><td>%s</td></tr>\n", _("failed"));
      return;
    }
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    fprintf (rows, "<td class=\"n\">%zu</td>", s->sentences[l]);
  fprintf (rows, "<td class=\"n\">%zu</td><td>", s->beads);
  html_shapes (rows, s);
  fputs ("</td><td class=\"n\">", rows);
  html_mean (rows, s);
  fprintf (rows, "</td><td class=\"n%s\">%zu</td><td class=\"n%s\">%zu</td>"
           "<td>%s</td></tr>\n", s->low ? " low" : "", s->low,
           s->non_one ? " shape" : "", s->non_one,
           it->n_warnings ? _("ok, with warnings") : _("ok"));
}

static void
json_report (tmc_report *r, const struct tmc_report_item *it,
             const struct tmc_report_stats *s)
{
  FILE *fp = r->json_body;
  fprintf (fp, "%s    {\n      \"id\": ", r->n_reports > 1 ? ",\n" : "");
  tmc_json_string (fp, it->id);
  fprintf (fp, ",\n      \"status\": \"%s\",\n      \"inputs\": {",
           it->tm ? "ok" : "failed");
  for (int l = 0; l < TMC_BATCH_NLANG; l++)
    {
      fprintf (fp, "%s\"%s\": ", l ? ", " : "", tmc_batch_lang[l]);
      if (it->inputs[l])
        tmc_json_string (fp, it->inputs[l]);
      else
        fputs ("null", fp);
    }
  fputs ("},\n", fp);
  if (it->tm)
    {
      fputs ("      \"tmx\": ", fp);
      if (it->tmx)
        tmc_json_string (fp, it->tmx);
      else
        fputs ("null", fp);
      fputs (",\n", fp);
      json_stats (fp, s, "      ");
      fputs (",\n", fp);
    }
  else
    {
      fputs ("      \"error\": ", fp);
      if (it->error)
        json_error (fp, it->error);
      else
        fputs ("null", fp);
      fputs (",\n", fp);
    }
  fputs ("      \"warnings\": [", fp);
  for (size_t i = 0; i < it->n_warnings; i++)
    {
      fputs (i ? ",\n        " : "\n        ", fp);
      json_error (fp, &it->warnings[i]);
    }
  fputs (it->n_warnings ? "\n      ]\n    }" : "]\n    }", fp);
}

enum tmc_status
tmc_report_add (tmc_report *r, const struct tmc_report_item *it,
                struct tmc_error *err)
{
  struct tmc_report_stats s;
  tmc_report_stats_init (&s);
  enum tmc_status st = TMC_OK;
  if (it->tm)
    st = tmc_report_stats_add (&s, it->tm, r->low_score, err);
  if (st == TMC_OK && it->tm)
    st = stats_merge (&r->total, &s, err);
  if (st == TMC_OK)
    {
      r->n_reports++;
      if (it->tm)
        r->n_ok++;
      else
        r->n_failed++;
      if (r->json_body)
        json_report (r, it, &s);
      if (r->html_body)
        html_report (r, it, &s, r->n_reports);
    }
  tmc_report_stats_destroy (&s);
  if (st == TMC_OK
      && ((r->json_body && ferror (r->json_body))
          || (r->html_body && (ferror (r->html_body)
                               || ferror (r->html_rows)))))
    st = tmc_error_set_errno (err, errno ? errno : EIO, NULL,
                              _("cannot write a temporary file"));
  return st;
}

enum tmc_status
tmc_report_add_problem (tmc_report *r, const struct tmc_error *problem,
                        struct tmc_error *err)
{
  if (tmc_grow ((void **) &r->problems, &r->problems_cap, r->n_problems + 1,
                sizeof *r->problems) != 0)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  r->problems[r->n_problems++] = *problem;
  return TMC_OK;
}

/* Copy the temporary file TMP to FP.  */
static int
copy_tmp (FILE *tmp, FILE *fp)
{
  if (fflush (tmp) != 0 || fseek (tmp, 0, SEEK_SET) != 0)
    return -1;
  char buf[65536];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, tmp)) > 0)
    if (fwrite (buf, 1, n, fp) != n)
      return -1;
  return ferror (tmp) ? -1 : 0;
}

/* The style sheet of report.html.  Low confidence: red; not 1-1-1:
   amber; both: red with an amber edge.  Marks (the ▲ and ● before the
   shape and score) keep the difference visible without colour.  */
static const char css[] =
  ":root{--low:#ffd9d6;--low-edge:#c62828;--shape:#fff1c2;"
  "--shape-edge:#b07d00;--line:#d6d6d6;--muted:#666}\n"
  "body{font:15px/1.45 system-ui,\"Noto Sans\",\"DejaVu Sans\",sans-serif;"
  "margin:0 auto;max-width:1400px;padding:0 1.2em 3em;color:#1a1a1a}\n"
  "h1{font-size:1.5em;margin:.8em 0 .2em}"
  "h2{font-size:1.1em;display:inline;margin:0}\n"
  "table{border-collapse:collapse;width:100%}"
  "th,td{border:1px solid var(--line);padding:.3em .5em;vertical-align:top;"
  "text-align:start}\n"
  "th{background:#f2f2f2;position:sticky;top:0}"
  "td.n{text-align:end;font-variant-numeric:tabular-nums}\n"
  "tfoot td{font-weight:bold;background:#f7f7f7}\n"
  ".legend span,.badge{display:inline-block;padding:0 .45em;border-radius:3px;"
  "margin-inline-end:.5em}\n"
  ".low,.badge.low{background:var(--low)}"
  ".shape,.badge.shape{background:var(--shape)}"
  ".badge.fail,tr.failed td{background:#eee;color:#8b0000}\n"
  "tr.low td{background:var(--low)}tr.shape td{background:var(--shape)}\n"
  "tr.low.shape td{background:var(--low)}"
  "tr.low.shape td:first-child{box-shadow:inset 6px 0 var(--shape-edge)}\n"
  "tr.low td.sc::before{content:\"\\25CF \";color:var(--low-edge)}"
  "tr.shape td.sh::before{content:\"\\25B2 \";color:var(--shape-edge)}\n"
  "table.beads td:nth-child(-n+3){white-space:nowrap;color:var(--muted);"
  "font-variant-numeric:tabular-nums}\n"
  "table.beads td[lang]{width:31%}"
  "td[dir=rtl]{text-align:right;font-size:1.06em}"
  "td.none{background:repeating-linear-gradient(45deg,transparent 0 6px,"
  "#0000000d 6px 12px)}\n"
  "section.report{margin:1.2em 0;border-top:2px solid #444;padding-top:.4em}"
  "summary{cursor:pointer}\n"
  ".files{color:var(--muted);font-size:.9em}"
  ".error{color:#8b0000}.warnings{color:#7a4d00;font-size:.9em}\n"
  ".s111{color:var(--muted)}\n"
  "#only-flagged:checked~main tr.ok{display:none}\n"
  "#only-flagged:checked~main section.report:not(:has(tr.flag))"
  ":not(.failed){display:none}\n"
  "@media print{th{position:static}details{display:block}}\n";

enum tmc_status
tmc_report_finish (tmc_report *r, struct tmc_error *err)
{
  enum tmc_status st = TMC_OK;
  if (r->json)
    {
      FILE *fp = r->json;
      fputs ("{\n  \"format\": \"tmconv-batch-report\",\n  \"version\": 1,\n"
             "  \"name\": ", fp);
      tmc_json_string (fp, r->name);
      fputs (",\n  \"languages\": [\"az\", \"fa\", \"en\"],\n"
             "  \"low_score\": ", fp);
      put_score (fp, r->low_score);
      fputs (",\n  \"reports\": [\n", fp);
      if (copy_tmp (r->json_body, fp) != 0)
        st = tmc_error_set_errno (err, errno ? errno : EIO, NULL,
                                  _("cannot read a temporary file"));
      fputs (r->n_reports ? "\n  ],\n  \"problems\": [" : "  ],\n"
             "  \"problems\": [", fp);
      for (size_t i = 0; i < r->n_problems; i++)
        {
          fputs (i ? ",\n    " : "\n    ", fp);
          json_error (fp, &r->problems[i]);
        }
      fputs (r->n_problems ? "\n  ],\n" : "],\n", fp);
      fprintf (fp, "  \"summary\": {\n    \"reports\": %zu,\n    \"ok\": %zu,"
               "\n    \"failed\": %zu,\n", r->n_reports, r->n_ok,
               r->n_failed);
      json_stats (fp, &r->total, "    ");
      fputs ("\n  }\n}\n", fp);
    }
  if (r->html && st == TMC_OK)
    {
      FILE *fp = r->html;
      /* TRANSLATORS: the language code of this translation (az, fa), put
         in the lang attribute of report.html.  */
      const char *ui_lang = _("en");
      /* TRANSLATORS: the writing direction of this language in
         report.html: "ltr", or "rtl" for Persian.  */
      const char *ui_dir = _("ltr");
      fprintf (fp, "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n<head>\n"
               "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
               "content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"generator\" content=\"tmconv\">\n<title>",
               strcmp (ui_lang, "az") == 0 || strcmp (ui_lang, "fa") == 0
                 ? ui_lang : "en",
               strcmp (ui_dir, "rtl") == 0 ? "rtl" : "ltr");
      char *name = NULL;
      size_t name_len = 0;
      FILE *ms = open_memstream (&name, &name_len);
      if (ms == NULL)
        {
          tmc_report_free (r);
          return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                _("out of memory"));
        }
      html_str (ms, r->name);
      fclose (ms);
      fprintf (fp, _("Alignment review: %s"), name);
      fprintf (fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
               css);
      fprintf (fp, _("Alignment review: %s"), name);
      free (name);
      fputs ("</h1>\n<p class=\"legend\">", fp);
      fprintf (fp, "<span class=\"low\">&#x25CF; %s</span>",
               _("low confidence"));
      fprintf (fp, "<span class=\"shape\">&#x25B2; %s</span>",
               _("not 1-1-1 (a sentence split, merged, added or left out)"));
      fprintf (fp, "%s ", _("low confidence: score below"));
      put_score (fp, r->low_score);
      fputs ("</p>\n<input type=\"checkbox\" id=\"only-flagged\"> "
             "<label for=\"only-flagged\">", fp);
      fputs (_("show only the beads to review"), fp);
      fputs ("</label>\n<main>\n<section id=\"summary\">\n<h2>", fp);
      fputs (_("Summary"), fp);
      fprintf (fp, "</h2>\n<table class=\"summary\">\n<thead><tr><th>%s</th>"
               "<th lang=\"az\">az</th><th lang=\"fa\">fa</th>"
               "<th lang=\"en\">en</th><th>%s</th><th>%s</th><th>%s</th>"
               "<th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
               _("report"), _("beads"), _("bead shapes"), _("mean score"),
               _("low confidence"), _("not 1-1-1"), _("status"));
      if (copy_tmp (r->html_rows, fp) != 0)
        st = tmc_error_set_errno (err, errno ? errno : EIO, NULL,
                                  _("cannot read a temporary file"));
      fputs ("</tbody>\n<tfoot><tr><td>", fp);
      fprintf (fp, dngettext (PACKAGE, "%zu report", "%zu reports",
                              r->n_reports), r->n_reports);
      if (r->n_failed)
        {
          fputs (", ", fp);
          fprintf (fp, dngettext (PACKAGE, "%zu failed", "%zu failed",
                                  r->n_failed), r->n_failed);
        }
      fputs ("</td>", fp);
      for (int l = 0; l < TMC_BATCH_NLANG; l++)
        fprintf (fp, "<td class=\"n\">%zu</td>", r->total.sentences[l]);
      fprintf (fp, "<td class=\"n\">%zu</td><td>", r->total.beads);
      html_shapes (fp, &r->total);
      fputs ("</td><td class=\"n\">", fp);
      html_mean (fp, &r->total);
      fprintf (fp, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
               "<td></td></tr></tfoot>\n</table>\n", r->total.low,
               r->total.non_one);
      if (r->n_problems)
        {
          fprintf (fp, "<p class=\"error\">%s</p>\n",
                   _("Problems with the corpus:"));
          html_warnings (fp, r->problems, r->n_problems);
        }
      fputs ("</section>\n", fp);
      if (st == TMC_OK && copy_tmp (r->html_body, fp) != 0)
        st = tmc_error_set_errno (err, errno ? errno : EIO, NULL,
                                  _("cannot read a temporary file"));
      fputs ("</main>\n</body>\n</html>\n", fp);
    }
  tmc_report_free (r);
  return st;
}
