/* Fuzz the TMX merger ('tmconv tmx merge', the merged files of 'tmconv
   batch') in its two modes: units in memory, and units in a temporary
   file with hashes in memory (tmc_tmx_merger_new_spill).

   Input: one selector byte, then a TMX file, read leniently.  Both
   mergers are given the same units, in this order: with selector bit 0,
   each unit without its last variant (so that the whole unit, later,
   adds it: a record rewritten in the file); the units as read; with bit
   1, each unit with the text of its last variant changed (a conflict);
   with bit 2, the units again (duplicates).  With bit 3 the mergers take
   the header's srclang as their source language, else the language of
   the first unit.  Bits 4 and 5 choose the size of the temporary file's
   write buffer and read-ahead window: 256 KiB (as in use: small inputs
   stay in the buffer), 1 byte, 64 or 512 bytes (records go to the file
   and are read back from it, in and out of the window).

   Properties: both modes count the same (units in, out, duplicates,
   merged, conflicts), tmc_tmx_merger_each gives as many units as they
   count out, and the merged memory written as TMX is the same bytes in
   both modes (the writer's refusal of an over-long language tag, a
   documented limit, the same in both).  */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lib/tmx-spill.h"
#include "tmconv/tm.h"
#include "tmconv/tmx.h"

/* The file read into a new memory, or NULL when the reader refuses it.  */
static struct tmc_tm *
read_tm (const char *data, size_t len)
{
  struct tmc_tm *tm = tmc_tm_new ();
  FUZZ_ASSERT (tm != NULL);
  struct tmc_tmx_read_opts o;
  tmc_tmx_read_opts_init (&o);
  tmc_tmx_read_opts_into (&o, tm);
  o.warn = &fuzz_warn_handler;
  struct tmc_error err;
  tmc_error_clear (&err);
  enum tmc_status st = tmc_tmx_read_buffer (data, len, "fuzz.tmx", &o, NULL,
                                            &err);
  if (st != TMC_OK)
    {
      FUZZ_ASSERT_ERROR (st, err);
      tmc_tm_free (tm);
      return NULL;
    }
  return tm;
}

enum pass { WHOLE, HELD_BACK, CHANGED };

/* Change unit TU as PASS says.  */
static void
prepare (struct tmc_tu *tu, enum pass pass)
{
  if (tu->n_tuvs == 0 || pass == WHOLE)
    return;
  struct tmc_tuv *last = &tu->tuvs[tu->n_tuvs - 1];
  if (pass == HELD_BACK)
    {
      /* Take the last variant out into a unit of its own to free it.  */
      struct tmc_tu spare;
      tmc_tu_init (&spare);
      spare.tuvs = malloc (sizeof *spare.tuvs);
      FUZZ_ASSERT (spare.tuvs != NULL);
      spare.tuvs[0] = *last;
      spare.n_tuvs = spare.tuvs_cap = 1;
      tu->n_tuvs--;
      tmc_tu_destroy (&spare);
      return;
    }
  size_t n = strlen (last->text);
  char *t = realloc (last->text, n + 2);
  FUZZ_ASSERT (t != NULL);
  memcpy (t + n, "x", 2);
  last->text = t;
}

/* Give both mergers the units of a fresh reading of the file.  */
static void
add_pass (const char *data, size_t len, enum pass pass,
          tmc_tmx_merger *mem, tmc_tmx_merger *spill, size_t *added)
{
  for (int k = 0; k < 2; k++)
    {
      struct tmc_tm *tm = read_tm (data, len);
      FUZZ_ASSERT (tm != NULL);  /* it was read once already */
      tmc_tmx_merger *m = k == 0 ? mem : spill;
      for (size_t i = 0; i < tm->n_tus; i++)
        {
          prepare (&tm->tus[i], pass);
          struct tmc_error err;
          tmc_error_clear (&err);
          enum tmc_status st = tmc_tmx_merger_add (m, &tm->tus[i], "f.tmx",
                                                   i + 1, 1,
                                                   &fuzz_warn_handler, &err);
          if (st != TMC_OK)
            fprintf (stderr, "merger_add (%s): %s\n", k ? "spill" : "memory",
                     err.message);
          FUZZ_ASSERT (st == TMC_OK);
        }
      if (k == 0)
        *added += tm->n_tus;
      tmc_tm_free (tm);
    }
}

static enum tmc_status
count_unit (void *data, const struct tmc_tu *tu, struct tmc_error *err)
{
  (void) tu, (void) err;
  ++*(size_t *) data;
  return TMC_OK;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  unsigned sel;
  if (fuzz_selector (&data, &size, &sel) != 0)
    return 0;
  const char *text = (const char *) data;
  struct tmc_tm *first = read_tm (text, size);
  if (first == NULL)
    return 0;
  const char *src = first->header.srclang;
  if ((sel & 8) == 0 || src == NULL || !tmc_tmx_lang_valid (src))
    src = NULL;

  static const size_t buffer_sizes[4] = { (size_t) 256 << 10, 1, 64, 512 };
  tmc_spill_buffer_size = buffer_sizes[(sel >> 4) & 3];

  tmc_tmx_merger *mem, *spill;
  struct tmc_error err;
  FUZZ_ASSERT (tmc_tmx_merger_new (src, &mem, &err) == TMC_OK);
  FUZZ_ASSERT (tmc_tmx_merger_new_spill (src, NULL, &spill, &err) == TMC_OK);
  size_t added = 0;
  if (sel & 1)
    add_pass (text, size, HELD_BACK, mem, spill, &added);
  add_pass (text, size, WHOLE, mem, spill, &added);
  if (sel & 2)
    add_pass (text, size, CHANGED, mem, spill, &added);
  if (sel & 4)
    add_pass (text, size, WHOLE, mem, spill, &added);

  struct tmc_tmx_merge_stats ms, ss;
  tmc_tmx_merger_stats (spill, &ss);
  size_t each = 0;
  FUZZ_ASSERT (tmc_tmx_merger_each (spill, count_unit, &each, &err)
               == TMC_OK);
  FUZZ_ASSERT (each == ss.units_out);
  FUZZ_ASSERT (ss.units_in == added);

  /* In memory: the merged units in a memory with the file's header.  */
  struct tmc_tm *merged = tmc_tm_new ();
  FUZZ_ASSERT (merged != NULL);
  merged->header = first->header;
  memset (&first->header, 0, sizeof first->header);
  FUZZ_ASSERT (tmc_tmx_merger_finish (mem, merged, &ms, &err) == TMC_OK);
  FUZZ_ASSERT (memcmp (&ms, &ss, sizeof ms) == 0);
  FUZZ_ASSERT (merged->n_tus == ms.units_out);

  struct tmc_tmx_write_opts wo;
  tmc_tmx_write_opts_init (&wo);
  wo.date = 1700000000;
  wo.warn = &fuzz_warn_handler;
  char *w1 = NULL, *w2 = NULL;
  size_t n1 = 0, n2 = 0;
  FILE *fp = open_memstream (&w1, &n1);
  FUZZ_ASSERT (fp != NULL);
  struct tmc_error e1, e2;
  tmc_error_clear (&e1);
  tmc_error_clear (&e2);
  enum tmc_status s1 = tmc_tmx_write_stream (merged, fp, &wo, NULL, &e1);
  FUZZ_ASSERT (fclose (fp) == 0);
  fp = open_memstream (&w2, &n2);
  FUZZ_ASSERT (fp != NULL);
  enum tmc_status s2 = tmc_tmx_merger_write_stream (spill, &merged->header,
                                                    fp, &wo, NULL, &e2);
  FUZZ_ASSERT (fclose (fp) == 0);
  if (s1 != s2)
    fprintf (stderr, "memory: %s\nspill: %s\n", e1.message, e2.message);
  FUZZ_ASSERT (s1 == s2);
  FUZZ_ASSERT (s1 == TMC_OK || s1 == TMC_ERR_LIMIT);
  if (s1 == TMC_OK && (n1 != n2 || memcmp (w1, w2, n1) != 0))
    {
      fprintf (stderr, "--- in memory\n%.*s\n--- spilled\n%.*s\n", (int) n1,
               w1, (int) n2, w2);
      FUZZ_ASSERT (0);
    }
  free (w1);
  free (w2);
  tmc_tm_free (merged);
  tmc_tm_free (first);
  tmc_tmx_merger_free (mem);
  tmc_tmx_merger_free (spill);
  return 0;
}
