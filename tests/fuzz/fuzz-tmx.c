/* Fuzz the TMX reader (and, on what it accepts, the writer).

   Input: one selector byte (how the input is cut into pieces for expat,
   validation on or off, read from memory or as a file by the streaming
   reader), then the file.  The file is read as a stream
   into a translation memory; the statistics of 'tmx stats' are taken of
   every unit.  What was read is written as TMX, read again and written
   again.

   Properties: a refused file has an error with a message; what tmconv
   writes it can read back, with as many units and variants as it wrote;
   and writing what it read back gives the same bytes (read and write
   lose and change nothing of what they keep).  */

#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"
#include "tmconv/tm.h"
#include "tmconv/tmx.h"

struct sink {
  struct tmc_tm *tm;
  struct tmc_tmx_stats stats;
};

static enum tmc_status
on_header (void *data, struct tmc_tm_header *h, struct tmc_error *err)
{
  struct sink *s = data;
  (void) err;
  s->tm->header = *h;
  memset (h, 0, sizeof *h);
  return TMC_OK;
}

static enum tmc_status
on_unit (void *data, struct tmc_tu *tu, unsigned long line,
         unsigned long column, struct tmc_error *err)
{
  struct sink *s = data;
  FUZZ_ASSERT (line > 0 && column > 0);
  for (size_t i = 0; i < tu->n_tuvs; i++)
    {
      FUZZ_ASSERT (tu->tuvs[i].lang != NULL && tu->tuvs[i].text != NULL);
      FUZZ_ASSERT (fuzz_utf8_ok (tu->tuvs[i].text,
                                 strlen (tu->tuvs[i].text)));
    }
  double score;
  int has = tmc_tmx_unit_score (tu, &score);
  FUZZ_ASSERT (has != 1 || score == score);  /* never NaN */
  if (tmc_tmx_stats_add (&s->stats, tu, err) != TMC_OK)
    return err->status;
  return tmc_tm_add_tu_move (s->tm, tu, err);
}

static void
violation (void *data, const struct tmc_error *w)
{
  (void) data;
  FUZZ_ASSERT (w->message[0] != '\0');
}

static const struct tmc_warn_handler violation_handler = { violation, NULL };

/* A file of this process for the streaming reader.  */
static char stream_path[256];

/* Read LEN bytes at DATA into a new memory *TM: from memory in pieces of
   CHUNK bytes, or with STREAM through a file, as tmc_tmx_read_stream
   reads any file.  */
static enum tmc_status
read_tm (const char *data, size_t len, size_t chunk, int validate,
         int stream, struct tmc_tm **tm, struct tmc_tmx_read_stats *rs,
         struct tmc_error *err)
{
  struct sink s;
  s.tm = tmc_tm_new ();
  FUZZ_ASSERT (s.tm != NULL);
  tmc_tmx_stats_init (&s.stats);
  struct tmc_tmx_read_opts o;
  tmc_tmx_read_opts_init (&o);
  o.header = on_header;
  o.unit = on_unit;
  o.data = &s;
  o.warn = &fuzz_warn_handler;
  o.violation = validate ? &violation_handler : NULL;
  o.chunk_size = chunk;
  tmc_error_clear (err);
  enum tmc_status st;
  if (stream)
    {
      if (stream_path[0] == '\0')
        {
          const char *tmp = getenv ("TMPDIR");
          snprintf (stream_path, sizeof stream_path, "%s/tmconv-fuzz-%ld.tmx",
                    tmp && *tmp ? tmp : "/tmp", (long) getpid ());
        }
      FILE *fp = fopen (stream_path, "wb");
      FUZZ_ASSERT (fp != NULL);
      FUZZ_ASSERT (fwrite (data, 1, len, fp) == len);
      FUZZ_ASSERT (fclose (fp) == 0);
      st = tmc_tmx_read_stream (stream_path, &o, rs, err);
      unlink (stream_path);
    }
  else
    st = tmc_tmx_read_buffer (data, len, "fuzz.tmx", &o, rs, err);
  tmc_tmx_stats_destroy (&s.stats);
  if (st != TMC_OK)
    {
      FUZZ_ASSERT_ERROR (st, *err);
      tmc_tm_free (s.tm);
      *tm = NULL;
      return st;
    }
  FUZZ_ASSERT (rs->units == s.tm->n_tus);
  *tm = s.tm;
  return TMC_OK;
}

/* Write TM as TMX into a new buffer *OUT of *OUT_LEN bytes.  Returns 0,
   or -1 when the writer refused at a documented limit (a language tag
   longer than TMC_TMX_TAG_MAX - 1 bytes): any other failure is a bug.  */
static int
write_tm (const struct tmc_tm *tm, char **out, size_t *out_len,
          struct tmc_tmx_write_stats *ws)
{
  FILE *fp = open_memstream (out, out_len);
  FUZZ_ASSERT (fp != NULL);
  struct tmc_tmx_write_opts wo;
  tmc_tmx_write_opts_init (&wo);
  wo.date = 1700000000;
  wo.warn = &fuzz_warn_handler;
  struct tmc_error err;
  tmc_error_clear (&err);
  enum tmc_status st = tmc_tmx_write_stream (tm, fp, &wo, ws, &err);
  FUZZ_ASSERT (fclose (fp) == 0);
  if (st == TMC_ERR_LIMIT)
    {
      FUZZ_ASSERT_ERROR (st, err);
      free (*out);
      *out = NULL;
      return -1;
    }
  if (st != TMC_OK)
    fprintf (stderr, "write failed: %s\n", err.message);
  FUZZ_ASSERT (st == TMC_OK);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  unsigned sel;
  if (fuzz_selector (&data, &size, &sel) != 0)
    return 0;
  size_t chunk = (sel & 0x3F) ? (sel & 0x3F) : 0;
  int validate = (sel & 0x40) != 0;
  int stream = (sel & 0x80) != 0;

  struct tmc_error err;
  struct tmc_tmx_read_stats rs;
  struct tmc_tm *tm;
  if (read_tm ((const char *) data, size, chunk, validate, stream, &tm, &rs,
               &err) != TMC_OK)
    return 0;

  char *w1 = NULL, *w2 = NULL;
  size_t n1 = 0, n2 = 0;
  struct tmc_tmx_write_stats ws1, ws2;
  int ok = write_tm (tm, &w1, &n1, &ws1) == 0;
  tmc_tm_free (tm);
  if (!ok)
    return 0;

  struct tmc_tm *tm2;
  if (read_tm (w1, n1, 0, 1, 0, &tm2, &rs, &err) != TMC_OK)
    {
      fprintf (stderr, "cannot read back what was written: %lu:%lu: %s\n",
               err.line, err.column, err.message);
      fwrite (w1, 1, n1, stderr);
      FUZZ_ASSERT (0);
    }
  FUZZ_ASSERT (rs.units == ws1.units);
  FUZZ_ASSERT (rs.tuvs == ws1.tuvs);
  FUZZ_ASSERT (write_tm (tm2, &w2, &n2, &ws2) == 0);
  tmc_tm_free (tm2);
  if (n1 != n2 || memcmp (w1, w2, n1) != 0)
    {
      fprintf (stderr, "--- first write\n%.*s\n--- second write\n%.*s\n",
               (int) n1, w1, (int) n2, w2);
      FUZZ_ASSERT (0);
    }
  free (w1);
  free (w2);
  return 0;
}
