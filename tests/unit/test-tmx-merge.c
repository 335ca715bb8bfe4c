/* Unit tests of the TMX merger: the spill mode (units in a temporary
   file) against the in-memory merger, on the same inputs.  */

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "test.h"
#include "lib/buf.h"
#include "lib/tmx-internal.h"
#include "tmconv/tmx.h"

/* A unit from SPEC: fields separated by '|': "LANG=TEXT" a variant,
   "LANG~MARKUP" a variant whose <seg> holds MARKUP (its text is MARKUP
   without the tags), "#NOTE" a note, "@TUID" the tuid, "%TYPE=VALUE" a
   prop.  */
static void
mk (struct tmc_tu *tu, const char *spec)
{
  tmc_tu_init (tu);
  char *copy = strdup (spec);
  char *save = NULL;
  for (char *f = strtok_r (copy, "|", &save); f;
       f = strtok_r (NULL, "|", &save))
    {
      if (f[0] == '#')
        tmc_meta_add_note (&tu->meta, f + 1);
      else if (f[0] == '@')
        tu->tuid = strdup (f + 1);
      else if (f[0] == '%')
        {
          char *eq = strchr (f, '=');
          *eq = '\0';
          tmc_meta_add_prop (&tu->meta, f + 1, NULL, eq + 1);
        }
      else
        {
          char *eq = strpbrk (f, "=~");
          int markup = *eq == '~';
          *eq = '\0';
          if (!markup)
            tmc_tu_add_tuv (tu, f, eq + 1, strlen (eq + 1));
          else
            {
              /* The plain text: the markup without its tags.  */
              char text[256];
              size_t n = 0;
              int in_tag = 0;
              for (const char *p = eq + 1; *p && n < sizeof text - 1; p++)
                if (*p == '<')
                  in_tag = 1;
                else if (*p == '>')
                  in_tag = 0;
                else if (!in_tag)
                  text[n++] = *p;
              struct tmc_tuv *v = tmc_tu_add_tuv (tu, f, text, n);
              v->markup = strdup (eq + 1);
            }
        }
    }
  free (copy);
}

/* The warnings a merger gives, one per line.  */
static void
collect (void *data, const struct tmc_error *w)
{
  struct tmc_buf *b = data;
  tmc_buf_printf (b, "%s:%lu:%lu: %s\n", w->file, w->line, w->column,
                  w->message);
}

/* The result of merging the N units of SPECS: the TMX written and the
   warnings and counts, for comparison.  */
struct result {
  char *tmx;
  size_t tmx_len;
  struct tmc_buf warnings;
  struct tmc_tmx_merge_stats stats;
  enum tmc_status st;
};

static void
result_destroy (struct result *r)
{
  free (r->tmx);
  tmc_buf_destroy (&r->warnings);
}

static void
write_opts (struct tmc_tmx_write_opts *o)
{
  tmc_tmx_write_opts_init (o);
  o->date = 0;
}

/* Merge SPECS in memory (SPILL 0) or with a spill file in DIR whose
   hashes keep BITS bits.  HEADER_SRC: the header's srclang (NULL: none,
   so that the writer picks the commonest language).  */
static void
merge (const char *const *specs, size_t n, int spill, const char *dir,
       unsigned bits, const char *header_src, struct result *r)
{
  memset (r, 0, sizeof *r);
  tmc_buf_init (&r->warnings);
  struct tmc_warn_handler warn = { collect, &r->warnings };
  tmc_tmx_merger *m = NULL;
  struct tmc_error err;
  r->st = spill ? tmc_tmx_merger_new_spill (NULL, dir, &m, &err)
                : tmc_tmx_merger_new (NULL, &m, &err);
  if (r->st != TMC_OK)
    return;
  if (spill)
    tmc_tmx_merger_test_hash_bits (m, bits);
  for (size_t i = 0; i < n && r->st == TMC_OK; i++)
    {
      struct tmc_tu tu;
      mk (&tu, specs[i]);
      r->st = tmc_tmx_merger_add (m, &tu, i % 2 ? "b.tmx" : "a.tmx", i + 1,
                                  3, &warn, &err);
      /* The unit is moved: nothing is left of it.  */
      CHECK (tu.n_tuvs == 0 && tu.tuvs == NULL && tu.meta.n_notes == 0);
      tmc_tu_destroy (&tu);
    }
  struct tmc_tm_header h;
  memset (&h, 0, sizeof h);
  h.srclang = (char *) header_src;
  struct tmc_tmx_write_opts o;
  write_opts (&o);
  FILE *fp = open_memstream (&r->tmx, &r->tmx_len);
  if (r->st == TMC_OK && spill)
    {
      tmc_tmx_merger_stats (m, &r->stats);
      r->st = tmc_tmx_merger_write_stream (m, &h, fp, &o, NULL, &err);
    }
  else if (r->st == TMC_OK)
    {
      struct tmc_tm *tm = tmc_tm_new ();
      r->st = tmc_tmx_merger_finish (m, tm, &r->stats, &err);
      tm->header.srclang = h.srclang;
      if (r->st == TMC_OK)
        r->st = tmc_tmx_write_stream (tm, fp, &o, NULL, &err);
      tm->header.srclang = NULL;
      tmc_tm_free (tm);
    }
  fclose (fp);
  tmc_tmx_merger_free (m);
}

/* Merge SPECS both ways (the spill one with BITS bits of hash) and check
   that the results are the same.  */
static void
same_both_ways (const char *const *specs, size_t n, unsigned bits,
                const char *header_src)
{
  struct result a, b;
  merge (specs, n, 0, NULL, 64, header_src, &a);
  merge (specs, n, 1, NULL, bits, header_src, &b);
  CHECK_INT_EQ (a.st, TMC_OK);
  CHECK_INT_EQ (b.st, TMC_OK);
  CHECK_MEM_EQ (b.tmx, b.tmx_len, a.tmx, a.tmx_len);
  CHECK_MEM_EQ (b.warnings.data ? b.warnings.data : "", b.warnings.len,
                a.warnings.data ? a.warnings.data : "", a.warnings.len);
  CHECK_INT_EQ (b.stats.units_in, a.stats.units_in);
  CHECK_INT_EQ (b.stats.units_out, a.stats.units_out);
  CHECK_INT_EQ (b.stats.duplicates, a.stats.duplicates);
  CHECK_INT_EQ (b.stats.merged, a.stats.merged);
  CHECK_INT_EQ (b.stats.conflicts, a.stats.conflicts);
  result_destroy (&a);
  result_destroy (&b);
}

/* Duplicates, units gaining variants and notes, conflicts, units without
   a source variant, markup.  */
static const char *const mixed[] = {
  "@a:1|en=Hello.|az=Salam.",
  "@a:2|en=Good day.|fa=روز خوش.",
  "@b:1|en=Hello.|az=Salam.",                  /* duplicate */
  "@b:2|en=Hello.|fa=سلام.|#from b",           /* gains fa and a note */
  "@c:1|en=Hello.|az=Salamlar.",               /* conflict in az */
  "@c:2|en=Hello.|az=Salamlar.|fa=درود.",      /* merges into c:1 */
  "@d:1|az=Tək.",                              /* no source variant */
  "@d:2|az=Tək.",                              /* the same: duplicate */
  "@d:3|az=Tək.|fa=تنها.",                     /* not exactly like it */
  "@e:1|en~A <ph x=\"1\"/>b|az=A b",           /* markup */
  "@e:2|en=A b|az=A b",                        /* same text, no markup */
  "@e:3|en~A <ph x=\"1\"/>b|fa=آ ب|#n2",        /* merges into e:1 */
  "@f:1|en=Hello.|az=Salam.|#again",           /* a note for a:1 */
  "@g:1|en=Hello.|fa=سلام!",                   /* conflicts with a:1 */
  "@h:1|fa=x|en=Late source.|%x-doc=h",
  "@h:2|en=Late source.|az=Gec.|%x-doc=h2",    /* gains az; props kept */
};

TEST (spill_merges_as_in_memory)
{
  same_both_ways (mixed, sizeof mixed / sizeof *mixed, 64, "en");
  /* The counts are those of the cases above.  */
  struct result r;
  merge (mixed, sizeof mixed / sizeof *mixed, 1, NULL, 64, "en", &r);
  CHECK_INT_EQ (r.stats.units_in, 16);
  CHECK_INT_EQ (r.stats.duplicates, 3);
  CHECK_INT_EQ (r.stats.merged, 4);
  CHECK_INT_EQ (r.stats.conflicts, 2);
  CHECK_INT_EQ (r.stats.units_out, 9);
  /* Notes gained by a merge and by a duplicate.  */
  CHECK (strstr (r.tmx, "<note>from b</note>") != NULL);
  CHECK (strstr (r.tmx, "<note>again</note>") != NULL);
  CHECK (strstr (r.tmx, "Gec.") != NULL);
  CHECK (strstr (r.warnings.data, "a.tmx:5:3: conflicting az translation "
                 "of \"Hello.\": kept as a unit of its own (the other is at "
                 "a.tmx:1:3)") != NULL);
  result_destroy (&r);
}

TEST (spill_colliding_hashes_never_merge_different_texts)
{
  /* Every key and every text hashes alike: only the texts tell units
     apart.  */
  same_both_ways (mixed, sizeof mixed / sizeof *mixed, 0, "en");
  same_both_ways (mixed, sizeof mixed / sizeof *mixed, 1, "en");
  static const char *const distinct[] = {
    "en=One.|az=Bir.", "en=Two.|az=İki.", "en=One.|az=Bir!",
    "en=Three.|fa=سه.", "fa=سه.", "az=Bir.",
  };
  struct result r;
  merge (distinct, 6, 1, NULL, 0, "en", &r);
  CHECK_INT_EQ (r.st, TMC_OK);
  CHECK_INT_EQ (r.stats.units_out, 6);
  CHECK_INT_EQ (r.stats.merged + r.stats.duplicates, 0);
  CHECK_INT_EQ (r.stats.conflicts, 1);
  result_destroy (&r);
}

/* A pseudo-random corpus from a few words, so that there are many
   duplicates, merges and conflicts.  */
static char **
random_specs (size_t n, unsigned seed)
{
  static const char *const en[] = { "Yes.", "No.", "Tehran.", "Baku." };
  static const char *const az[] = { "Bəli.", "Xeyr.", "Tehran.", "Bakı." };
  static const char *const fa[] = { "بله.", "نه.", "تهران.", "باکو." };
  char **v = calloc (n, sizeof *v);
  for (size_t i = 0; i < n; i++)
    {
      seed = seed * 1103515245 + 12345;
      unsigned r = seed >> 8;
      struct tmc_buf b = TMC_BUF_INIT;
      tmc_buf_printf (&b, "@u%zu", i);
      if (r % 5)
        tmc_buf_printf (&b, "|en=%s", en[(r >> 3) % 4]);
      if (r % 3)
        tmc_buf_printf (&b, "|az=%s", az[(r >> 6) % 4]);
      if (r % 4)
        tmc_buf_printf (&b, "|fa=%s", fa[(r >> 9) % 3]);
      if (r % 7 == 0)
        tmc_buf_printf (&b, "|#n%u", (r >> 12) % 3);
      v[i] = tmc_buf_steal (&b, NULL);
    }
  return v;
}

TEST (spill_random_corpus_as_in_memory)
{
  for (unsigned seed = 1; seed <= 4; seed++)
    {
      char **v = random_specs (300, seed);
      const char *const *cv = (const char *const *) v;
      same_both_ways (cv, 300, 64, "en");
      same_both_ways (cv, 300, 0, "en");
      same_both_ways (cv, 300, 3, "en");
      /* No srclang in the header: the commonest language, counted in a
         first pass over the units.  */
      same_both_ways (cv, 300, 64, NULL);
      for (size_t i = 0; i < 300; i++)
        free (v[i]);
      free (v);
    }
}

/* The number of open file descriptors.  */
static int
open_fds (void)
{
  DIR *d = opendir ("/proc/self/fd");
  int n = 0;
  if (d == NULL)
    return -1;
  while (readdir (d))
    n++;
  closedir (d);
  return n;
}

/* The number of entries of DIR besides . and ..  */
static int
dir_entries (const char *dir)
{
  DIR *d = opendir (dir);
  int n = 0;
  if (d == NULL)
    return -1;
  struct dirent *e;
  while ((e = readdir (d)))
    if (strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0)
      n++;
  closedir (d);
  return n;
}

TEST (spill_file_is_never_seen_and_goes_with_the_merger)
{
  int fds = open_fds ();
  tmc_tmx_merger *m;
  struct tmc_error err;
  CHECK_INT_EQ (tmc_tmx_merger_new_spill ("en", test_dir, &m, &err), TMC_OK);
  CHECK_INT_EQ (open_fds (), fds + 1);
  for (int i = 0; i < 2000; i++)
    {
      struct tmc_tu tu;
      char spec[64];
      snprintf (spec, sizeof spec, "en=Sentence %d.|az=Cümlə %d.", i, i);
      mk (&tu, spec);
      CHECK_INT_EQ (tmc_tmx_merger_add (m, &tu, NULL, 0, 0, NULL, &err),
                    TMC_OK);
      tmc_tu_destroy (&tu);
    }
  /* Unlinked from the start.  */
  CHECK_INT_EQ (dir_entries (test_dir), 0);
  /* The units can be read twice, and moved into a memory.  */
  struct tmc_tmx_write_opts o;
  write_opts (&o);
  struct tmc_tm_header h;
  memset (&h, 0, sizeof h);
  char *a = NULL, *b = NULL;
  size_t alen = 0, blen = 0;
  FILE *fa = open_memstream (&a, &alen), *fb = open_memstream (&b, &blen);
  CHECK_INT_EQ (tmc_tmx_merger_write_stream (m, &h, fa, &o, NULL, &err),
                TMC_OK);
  CHECK_INT_EQ (tmc_tmx_merger_write_stream (m, &h, fb, &o, NULL, &err),
                TMC_OK);
  fclose (fa);
  fclose (fb);
  CHECK_MEM_EQ (a, alen, b, blen);
  CHECK (strstr (a, "Cümlə 1999.") != NULL);
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tmx_merge_stats st;
  CHECK_INT_EQ (tmc_tmx_merger_finish (m, tm, &st, &err), TMC_OK);
  CHECK_INT_EQ (tm->n_tus, 2000);
  CHECK_INT_EQ (st.units_out, 2000);
  CHECK_STR_EQ (tm->tus[1999].tuvs[1].text, "Cümlə 1999.");
  tmc_tm_free (tm);
  free (a);
  free (b);
  tmc_tmx_merger_free (m);
  CHECK_INT_EQ (open_fds (), fds);
  CHECK_INT_EQ (dir_entries (test_dir), 0);
}

TEST (spill_no_directory_is_an_error)
{
  tmc_tmx_merger *m = (tmc_tmx_merger *) 1;
  struct tmc_error err;
  CHECK_INT_EQ (tmc_tmx_merger_new_spill (NULL, "/nonexistent/dir", &m,
                                          &err), TMC_ERR_IO);
  CHECK (m == NULL);
  CHECK_INT_EQ (err.sys_errno, ENOENT);
  CHECK (strstr (err.message, "cannot create a temporary file") != NULL);
}

TEST (spill_write_error_is_reported_and_file_removed)
{
  /* A file size limit makes the writes of the temporary file fail as a
     full disk does (EFBIG rather than ENOSPC), without a full disk.  */
  struct rlimit old, lim;
  getrlimit (RLIMIT_FSIZE, &old);
  lim = old;
  lim.rlim_cur = 64 * 1024;
  void (*oldsig) (int) = signal (SIGXFSZ, SIG_IGN);
  int fds = open_fds ();
  tmc_tmx_merger *m;
  struct tmc_error err;
  CHECK_INT_EQ (tmc_tmx_merger_new_spill ("en", test_dir, &m, &err), TMC_OK);
  CHECK_INT_EQ (setrlimit (RLIMIT_FSIZE, &lim), 0);
  enum tmc_status st = TMC_OK;
  int i;
  char text[1024];
  memset (text, 'x', sizeof text - 1);
  text[sizeof text - 1] = '\0';
  for (i = 0; i < 10000 && st == TMC_OK; i++)
    {
      struct tmc_tu tu;
      tmc_tu_init (&tu);
      char en[32];
      snprintf (en, sizeof en, "Sentence %d.", i);
      tmc_tu_add_tuv (&tu, "en", en, strlen (en));
      tmc_tu_add_tuv (&tu, "az", text, strlen (text));
      st = tmc_tmx_merger_add (m, &tu, NULL, 0, 0, NULL, &err);
      tmc_tu_destroy (&tu);
    }
  setrlimit (RLIMIT_FSIZE, &old);
  signal (SIGXFSZ, oldsig);
  CHECK_INT_EQ (st, TMC_ERR_IO);
  CHECK_INT_EQ (err.sys_errno, EFBIG);
  CHECK (strstr (err.message, "cannot write a temporary file") != NULL);
  /* Failed before 10000 units of 1 KB: at 64 KB and a buffer.  */
  CHECK (i < 1000);
  /* Once failed, it stays failed.  */
  struct tmc_tu tu;
  mk (&tu, "en=More.");
  CHECK_INT_EQ (tmc_tmx_merger_add (m, &tu, NULL, 0, 0, NULL, &err),
                TMC_ERR_IO);
  tmc_tu_destroy (&tu);
  tmc_tmx_merger_free (m);
  CHECK_INT_EQ (open_fds (), fds);
  CHECK_INT_EQ (dir_entries (test_dir), 0);
}

TEST (spill_large_units)
{
  /* Units larger than the write buffer go straight to the file.  */
  size_t big = 600 * 1024;
  char *text = malloc (big + 1);
  memset (text, 'y', big);
  text[big] = '\0';
  tmc_tmx_merger *m;
  struct tmc_error err;
  CHECK_INT_EQ (tmc_tmx_merger_new_spill ("en", test_dir, &m, &err), TMC_OK);
  for (int i = 0; i < 3; i++)
    {
      struct tmc_tu tu;
      tmc_tu_init (&tu);
      char en[32];
      snprintf (en, sizeof en, "Big %d.", i % 2);
      tmc_tu_add_tuv (&tu, "en", en, strlen (en));
      text[0] = (char) ('a' + i);
      tmc_tu_add_tuv (&tu, i == 2 ? "fa" : "az", text, big);
      CHECK_INT_EQ (tmc_tmx_merger_add (m, &tu, NULL, 0, 0, NULL, &err),
                    TMC_OK);
      tmc_tu_destroy (&tu);
    }
  struct tmc_tm *tm = tmc_tm_new ();
  struct tmc_tmx_merge_stats st;
  CHECK_INT_EQ (tmc_tmx_merger_finish (m, tm, &st, &err), TMC_OK);
  CHECK_INT_EQ (tm->n_tus, 2);
  CHECK_INT_EQ (st.merged, 1);
  CHECK_INT_EQ (tm->tus[0].n_tuvs, 3);
  CHECK (tm->tus[0].n_tuvs == 3 && tm->tus[0].tuvs[2].text[0] == 'c'
         && strlen (tm->tus[0].tuvs[2].text) == big);
  tmc_tm_free (tm);
  tmc_tmx_merger_free (m);
  free (text);
}

int
main (void)
{
  if (test_scratch ("merge") != 0)
    return 1;
  RUN (spill_merges_as_in_memory);
  RUN (spill_colliding_hashes_never_merge_different_texts);
  RUN (spill_random_corpus_as_in_memory);
  RUN (spill_file_is_never_seen_and_goes_with_the_merger);
  RUN (spill_no_directory_is_an_error);
  RUN (spill_write_error_is_reported_and_file_removed);
  RUN (spill_large_units);
  test_scratch_remove ();
  return TEST_END ();
}
