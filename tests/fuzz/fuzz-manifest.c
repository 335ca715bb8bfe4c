/* Fuzz the corpus manifest parser of 'tmconv batch' and its rule for
   report ids.

   Input: one selector byte, then a manifest (TSV: id, then a path per
   language, optional encodings; see README "Batch manifest").  The bytes
   go to a file of this process in $TMPDIR (or /tmp), which
   tmc_corpus_read reads as a manifest; the paths in it name files that
   need not exist (the corpus is only read, not run).  With selector bit
   0, each line of the input is also given to tmc_batch_id_problem.

   Properties: a refused manifest has an error with a message; in an
   accepted one every report that has no problem has an id that stays
   inside OUT (relative, no empty, "." or ".." component, no backslash,
   valid UTF-8) and a path for each language, ids are sorted and unique;
   a report with a problem has a message.  An id tmc_batch_id_problem
   accepts is such a path.  */

#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "tmconv/batch.h"

static char path[256];

/* Is ID a relative path that cannot leave the directory it is put in?  */
static int
safe_id (const char *id)
{
  size_t n = strlen (id);
  if (n == 0 || id[0] == '/' || !fuzz_utf8_ok (id, n))
    return 0;
  const char *p = id;
  for (;;)
    {
      const char *slash = strchr (p, '/');
      size_t k = slash ? (size_t) (slash - p) : strlen (p);
      if (k == 0 || (k == 1 && p[0] == '.')
          || (k == 2 && p[0] == '.' && p[1] == '.'))
        return 0;
      for (size_t i = 0; i < k; i++)
        if (p[i] == '\\' || (unsigned char) p[i] < 0x20)
          return 0;
      if (!slash)
        return 1;
      p = slash + 1;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  unsigned sel;
  if (fuzz_selector (&data, &size, &sel) != 0)
    return 0;
  if (path[0] == '\0')
    {
      const char *tmp = getenv ("TMPDIR");
      snprintf (path, sizeof path, "%s/tmconv-fuzz-%ld.tsv",
                tmp && *tmp ? tmp : "/tmp", (long) getpid ());
    }
  if (sel & 1)
    {
      /* Every line as an id.  */
      const char *p = (const char *) data, *end = p + size;
      while (p < end)
        {
          const char *nl = memchr (p, '\n', (size_t) (end - p));
          size_t k = nl ? (size_t) (nl - p) : (size_t) (end - p);
          char *id = malloc (k + 1);
          FUZZ_ASSERT (id != NULL);
          memcpy (id, p, k);
          id[k] = '\0';
          if (tmc_batch_id_problem (id) == NULL && strlen (id) == k)
            FUZZ_ASSERT (safe_id (id));
          free (id);
          p = nl ? nl + 1 : end;
        }
    }
  FILE *fp = fopen (path, "wb");
  FUZZ_ASSERT (fp != NULL);
  FUZZ_ASSERT (fwrite (data, 1, size, fp) == size);
  FUZZ_ASSERT (fclose (fp) == 0);
  struct tmc_corpus *c = NULL;
  struct tmc_error err;
  tmc_error_clear (&err);
  enum tmc_status st = tmc_corpus_read (path, NULL, &fuzz_warn_handler, &c,
                                        &err);
  unlink (path);
  if (st != TMC_OK)
    {
      FUZZ_ASSERT_ERROR (st, err);
      FUZZ_ASSERT (c == NULL);
      return 0;
    }
  FUZZ_ASSERT (c->is_manifest);
  const char *prev = NULL;
  for (size_t i = 0; i < c->n_reports; i++)
    {
      const struct tmc_batch_report *r = &c->reports[i];
      if (r->problem)
        {
          FUZZ_ASSERT (r->problem->message[0] != '\0');
          continue;
        }
      FUZZ_ASSERT (r->id != NULL && safe_id (r->id));
      FUZZ_ASSERT (tmc_batch_id_problem (r->id) == NULL);
      for (int l = 0; l < TMC_BATCH_NLANG; l++)
        FUZZ_ASSERT (r->in[l].path != NULL && r->in[l].path[0] != '\0');
      if (prev)
        FUZZ_ASSERT (strcmp (prev, r->id) < 0);
      prev = r->id;
    }
  tmc_corpus_free (c);
  return 0;
}
