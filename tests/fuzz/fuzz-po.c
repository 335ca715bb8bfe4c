/* Fuzz the PO reading path: 'tmconv po import' (libgettextpo's reader
   behind tmconv's sniffing, charset conversion and fatal-error
   handling) and 'tmconv check' of the same bytes as a catalogue or a
   template; then, on what was imported, 'po export' and a second import
   of what it wrote.

   Input: one selector byte (language given or from the header, fuzzy
   entries in or out, checked as .po or .pot, export or not), then the
   catalogue.  libgettextpo reads files, so the bytes go to a file of
   this process in $TMPDIR (or /tmp).

   Properties: a refused catalogue has an error with a message; a check
   always gives a result (problems, not failure) whose problems have
   messages; what 'po export' writes, 'po import' reads back without
   error.  */

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "tmconv/check.h"
#include "tmconv/po.h"
#include "tmconv/tm.h"

/* libgettextpo's own leaks, for LeakSanitizer (see po.h).  */
TMC_PO_SANITIZER_HOOKS

static char path_po[256], path_pot[256], dir[256];

static void
setup (void)
{
  const char *tmp = getenv ("TMPDIR");
  if (tmp == NULL || *tmp == '\0')
    tmp = "/tmp";
  snprintf (path_po, sizeof path_po, "%s/tmconv-fuzz-%ld.po", tmp,
            (long) getpid ());
  snprintf (path_pot, sizeof path_pot, "%s/tmconv-fuzz-%ld.pot", tmp,
            (long) getpid ());
  snprintf (dir, sizeof dir, "%s/tmconv-fuzz-%ld.d", tmp, (long) getpid ());
  mkdir (dir, 0700);
}

static void
write_file (const char *path, const uint8_t *data, size_t size)
{
  FILE *fp = fopen (path, "wb");
  FUZZ_ASSERT (fp != NULL);
  FUZZ_ASSERT (fwrite (data, 1, size, fp) == size);
  FUZZ_ASSERT (fclose (fp) == 0);
}

static void
on_diag (void *data, const struct tmc_diag *d)
{
  (void) data;
  FUZZ_ASSERT (d->message != NULL && d->code != NULL);
}

static const struct tmc_diag_handler diag_handler = { on_diag, NULL };

/* Import PATH into a new memory; *TM is NULL when it was refused.  */
static enum tmc_status
import (const char *path, const char *lang, int fuzzy, struct tmc_tm **tm)
{
  struct tmc_error err;
  tmc_error_clear (&err);
  *tm = tmc_tm_new ();
  FUZZ_ASSERT (*tm != NULL);
  struct tmc_po_import_options o;
  tmc_po_import_options_init (&o);
  o.lang = lang;
  o.include_fuzzy = fuzzy;
  o.diag = &diag_handler;
  tmc_po_import *im = NULL;
  enum tmc_status st = tmc_po_import_new (*tm, &o, &im, &err);
  FUZZ_ASSERT (st == TMC_OK);
  st = tmc_po_import_file (im, path, &err);
  if (st != TMC_OK)
    {
      FUZZ_ASSERT_ERROR (st, err);
      tmc_tm_free (*tm);
      *tm = NULL;
    }
  tmc_po_import_free (im);
  return st;
}

static void
check (const char *path)
{
  struct tmc_check_options co;
  tmc_check_options_init (&co);
  co.min_translated = 50;
  co.list = 1;
  struct tmc_check_file *cf = NULL;
  struct tmc_error err;
  tmc_error_clear (&err);
  FUZZ_ASSERT (tmc_check_file (path, &co, &cf, &err) == TMC_OK);
  FUZZ_ASSERT (cf != NULL);
  for (size_t i = 0; i < cf->n_problems; i++)
    FUZZ_ASSERT (cf->problems[i].message != NULL);
  FUZZ_ASSERT (cf->n_errors == 0 || cf->result == TMC_CHECK_ERROR);
  for (size_t i = 0; i < cf->n_langs; i++)
    {
      const struct tmc_check_lang *l = &cf->langs[i];
      FUZZ_ASSERT (l->total == l->translated + l->fuzzy + l->untranslated);
      FUZZ_ASSERT (tmc_check_percent100 (l) <= 10000);
    }
  FILE *null = fopen ("/dev/null", "w");
  FUZZ_ASSERT (null != NULL);
  struct tmc_check_file *files[1] = { cf };
  for (int o = TMC_CHECK_TEXT; o <= TMC_CHECK_GITHUB; o++)
    FUZZ_ASSERT (tmc_check_write (null, (enum tmc_check_output) o, files, 1,
                                  &co) == 0);
  fclose (null);
  tmc_check_file_free (cf);
}

/* Export TM into DIR, then import every catalogue written.  */
static void
export_and_back (const struct tmc_tm *tm)
{
  struct tmc_error err;
  tmc_error_clear (&err);
  struct tmc_po_export_options eo;
  tmc_po_export_options_init (&eo);
  eo.date = 1700000000;
  eo.source_lang = tm->header.srclang ? tm->header.srclang : "en";
  tmc_po_export *ex = NULL;
  enum tmc_status st = tmc_po_export_new (&eo, &ex, &err);
  if (st != TMC_OK)
    {
      FUZZ_ASSERT_ERROR (st, err);
      return;
    }
  st = tmc_po_export_add_tm (ex, tm, "fuzz.tmx", &err);
  if (st == TMC_OK)
    st = tmc_po_export_write (ex, dir, NULL, &err);
  if (st != TMC_OK)
    FUZZ_ASSERT_ERROR (st, err);
  tmc_po_export_free (ex);
  DIR *d = opendir (dir);
  FUZZ_ASSERT (d != NULL);
  struct dirent *e;
  while ((e = readdir (d)) != NULL)
    {
      if (e->d_name[0] == '.')
        continue;
      char p[600];
      snprintf (p, sizeof p, "%s/%s", dir, e->d_name);
      size_t n = strlen (e->d_name);
      if (st == TMC_OK && n > 3 && strcmp (e->d_name + n - 3, ".po") == 0)
        {
          struct tmc_tm *back;
          if (import (p, NULL, 1, &back) != TMC_OK)
            {
              fprintf (stderr, "cannot import what export wrote: %s\n", p);
              FUZZ_ASSERT (0);
            }
          tmc_tm_free (back);
        }
      unlink (p);
    }
  closedir (d);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  unsigned sel;
  if (fuzz_selector (&data, &size, &sel) != 0)
    return 0;
  if (dir[0] == '\0')
    setup ();
  const char *path = (sel & 4) ? path_pot : path_po;
  write_file (path, data, size);
  struct tmc_tm *tm;
  import (path, (sel & 1) ? "az" : NULL, (sel & 2) != 0, &tm);
  check (path);
  if (tm != NULL && (sel & 8))
    export_and_back (tm);
  tmc_tm_free (tm);
  unlink (path);
  return 0;
}
