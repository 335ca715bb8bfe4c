/* The aligner's model parameters: the built-in estimates, and the
   "name value" text format they are written and read in.  */

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align-internal.h"
#include "internal.h"

/* The built-in model: the output of 'tmconv align --estimate' on the
   development data (README, "Model parameters").  */
static const char builtin_params[] =
#include "align-params.def"
  ;

static const char *const ev_names[TMC_EV_COUNT] = {
  "number", "punct", "lexicon", "name", "latin", "cognate"
};
static const char *const pair_names[TMC_PAIR_COUNT] = {
  "az-fa", "az-en", "fa-en"
};
static const int pair_langs[TMC_PAIR_COUNT][2] = {
  { TMC_AL_AZ, TMC_AL_FA }, { TMC_AL_AZ, TMC_AL_EN }, { TMC_AL_FA, TMC_AL_EN }
};

/* One parameter: its name, where it is, its range.  */
struct pdesc {
  char name[48];
  double *v;
  double min, max;
};

/* Enumerate the parameters of P into D (at least 128 entries).  */
static size_t
describe (struct tmc_align_params *p, struct pdesc *d)
{
  size_t n = 0;
  for (int a = 0; a <= 2; a++)
    for (int b = 0; b <= 2; b++)
      for (int c = 0; c <= 2; c++)
        if (a + b + c > 0)
          {
            snprintf (d[n].name, sizeof d[n].name, "prior3.%d.%d.%d", a, b,
                      c);
            d[n].v = &p->prior3[a][b][c];
            d[n].min = 0;
            d[n].max = 1e9;
            n++;
          }
  for (int a = 0; a <= 2; a++)
    for (int b = 0; b <= 2; b++)
      if (a + b > 0)
        {
          snprintf (d[n].name, sizeof d[n].name, "prior2.%d.%d", a, b);
          d[n].v = &p->prior2[a][b];
          d[n].min = 0;
          d[n].max = 1e9;
          n++;
        }
  for (int l = 0; l < TMC_AL_NLANG; l++)
    {
      snprintf (d[n].name, sizeof d[n].name, "lang.%s.len_mean",
                tmc_al_lang_code (l));
      d[n].v = &p->lang[l].len_mean;
      d[n].min = 0;
      d[n].max = 20;
      n++;
      snprintf (d[n].name, sizeof d[n].name, "lang.%s.len_sd",
                tmc_al_lang_code (l));
      d[n].v = &p->lang[l].len_sd;
      d[n].min = 0.01;
      d[n].max = 10;
      n++;
    }
  for (int q = 0; q < TMC_PAIR_COUNT; q++)
    {
      struct tmc_align_pair_model *m = &p->pair[q];
      snprintf (d[n].name, sizeof d[n].name, "pair.%s.len_mu", pair_names[q]);
      d[n].v = &m->len_mu;
      d[n].min = -5;
      d[n].max = 5;
      n++;
      snprintf (d[n].name, sizeof d[n].name, "pair.%s.len_var",
                pair_names[q]);
      d[n].v = &m->len_var;
      d[n].min = 1e-6;
      d[n].max = 10;
      n++;
      snprintf (d[n].name, sizeof d[n].name, "pair.%s.len_var_len",
                pair_names[q]);
      d[n].v = &m->len_var_len;
      d[n].min = 0;
      d[n].max = 1000;
      n++;
      snprintf (d[n].name, sizeof d[n].name, "pair.%s.loose",
                pair_names[q]);
      d[n].v = &m->p_loose;
      d[n].min = 0;
      d[n].max = 0.5;
      n++;
      for (int dir = 0; dir < 2; dir++)
        for (int e = 0; e < TMC_EV_COUNT; e++)
          {
            const char *from = tmc_al_lang_code (pair_langs[q][dir]);
            snprintf (d[n].name, sizeof d[n].name, "pair.%s.%s.%s.trans",
                      pair_names[q], from, ev_names[e]);
            d[n].v = &m->p_trans[dir][e];
            d[n].min = 0;
            d[n].max = 1;
            n++;
            snprintf (d[n].name, sizeof d[n].name, "pair.%s.%s.%s.other",
                      pair_names[q], from, ev_names[e]);
            d[n].v = &m->p_other[dir][e];
            d[n].min = 0;
            d[n].max = 1;
            n++;
          }
    }
  snprintf (d[n].name, sizeof d[n].name, "para_penalty");
  d[n].v = &p->para_penalty;
  d[n].min = 0;
  d[n].max = 100;
  n++;
  snprintf (d[n].name, sizeof d[n].name, "temperature");
  d[n].v = &p->temperature;
  d[n].min = 0.01;
  d[n].max = 100;
  n++;
  return n;
}

#define MAX_PARAMS 160

enum tmc_status
tmc_align_params_write (const struct tmc_align_params *p, FILE *fp,
                        struct tmc_error *err)
{
  struct pdesc d[MAX_PARAMS];
  size_t n = describe ((struct tmc_align_params *) p, d);
  for (size_t i = 0; i < n; i++)
    fprintf (fp, "%s %.6g\n", d[i].name, *d[i].v);
  if (ferror (fp))
    return tmc_error_set_errno (err, errno, NULL, _("write error"));
  return TMC_OK;
}

enum tmc_status
tmc_align_params_read (struct tmc_align_params *p, const char *name,
                       const char *text, size_t text_len,
                       struct tmc_error *err)
{
  struct pdesc d[MAX_PARAMS];
  size_t n = describe (p, d);
  unsigned long line = 0;
  size_t pos = 0;
  while (pos < text_len)
    {
      const char *nl = memchr (text + pos, '\n', text_len - pos);
      size_t end = nl ? (size_t) (nl - text) : text_len;
      char buf[256];
      size_t len = end - pos;
      line++;
      if (len >= sizeof buf)
        return tmc_error_set (err, TMC_ERR_SYNTAX, name, line, 0,
                              _("line too long"));
      memcpy (buf, text + pos, len);
      buf[len] = '\0';
      pos = end + 1;
      char *s = buf;
      while (*s == ' ' || *s == '\t')
        s++;
      if (*s == '\0' || *s == '#' || *s == '\r')
        continue;
      char *key = s;
      while (*s && *s != ' ' && *s != '\t')
        s++;
      if (*s == '\0')
        return tmc_error_set (err, TMC_ERR_SYNTAX, name, line, 0,
                              _("expected 'NAME VALUE'"));
      *s++ = '\0';
      char *q;
      errno = 0;
      double v = strtod (s, &q);
      while (*q == ' ' || *q == '\t' || *q == '\r')
        q++;
      if (q == s || *q != '\0' || errno != 0)
        return tmc_error_set (err, TMC_ERR_SYNTAX, name, line, 0,
                              _("expected a number after '%s'"), key);
      size_t i;
      for (i = 0; i < n; i++)
        if (strcmp (d[i].name, key) == 0)
          break;
      if (i == n)
        return tmc_error_set (err, TMC_ERR_FORMAT, name, line, 0,
                              _("unknown parameter '%s'"), key);
      if (!(v >= d[i].min && v <= d[i].max))
        return tmc_error_set (err, TMC_ERR_FORMAT, name, line, 0,
                              _("value %g of '%s' is out of range (%g to "
                                "%g)"),
                              v, key, d[i].min, d[i].max);
      *d[i].v = v;
    }
  return TMC_OK;
}

void
tmc_align_params_builtin (struct tmc_align_params *p)
{
  /* The built-in text is known to be valid (a unit test reads it).  */
  tmc_align_params_read (p, "<built-in parameters>", builtin_params,
                         strlen (builtin_params), NULL);
}
