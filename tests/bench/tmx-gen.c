/* tmx-gen: write a large synthetic 3-language TMX through the streaming
   writer of libtmconv, for 'make bench'
   (tests/bench/bench-30-tmx.sh).

     tmx-gen BYTES OUT.tmx
     tmx-gen -u UNITS OUT.tmx

   Units of made-up Azerbaijani, Persian and English sentences (a fixed
   seed, so every run writes the same file) with x-doc, x-bead and x-score
   properties, until about BYTES bytes, or UNITS units, are written.
   Prints the number of units and bytes.  The time it takes is the writer's speed: the text is
   made from word lists and costs little.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tmconv/tmx.h"

static const char *const az_words[] = {
  "Bakıda", "konfrans", "keçirilib", "nazirlik", "səfirlik", "mədəniyyət",
  "festival", "ölkələr", "əməkdaşlıq", "tədbir", "iştirakçılar", "şəhər",
  "görüş", "nümayəndə", "çıxış", "xalça", "musiqi", "həftə", "film", "il",
  "noyabr", "Azərbaycan", "İran", "birgə", "təqdim", "edilib", "qonaqlar"
};
static const char *const fa_words[] = {
  "باکو", "کنفرانس", "برگزار", "شد", "وزارت", "سفارت", "فرهنگ", "جشنواره",
  "کشورها", "همکاری", "مراسم", "شرکت‌کنندگان", "شهر", "دیدار", "نماینده",
  "سخنرانی", "فرش", "موسیقی", "هفته", "فیلم", "سال", "آبان", "آذربایجان",
  "ایران", "مشترک", "معرفی", "مهمانان"
};
static const char *const en_words[] = {
  "Baku", "conference", "was", "held", "ministry", "embassy", "culture",
  "festival", "countries", "cooperation", "event", "participants", "city",
  "meeting", "representative", "speech", "carpet", "music", "week", "film",
  "year", "November", "Azerbaijan", "Iran", "joint", "presented", "guests"
};

static unsigned long long rng = 88172645463325252ULL;

static unsigned
next (unsigned n)
{
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned) (rng % n);
}

/* N words of WORDS and END into BUF (large enough: 24 words of at most
   30 bytes).  */
static void
sentence (char *buf, const char *const *words, size_t n_words, unsigned n,
          const char *end)
{
  char *p = buf;
  for (unsigned i = 0; i < n; i++)
    {
      const char *w = words[next ((unsigned) n_words)];
      size_t len = strlen (w);
      if (i)
        *p++ = ' ';
      memcpy (p, w, len);
      p += len;
    }
  strcpy (p, end);
}

int
main (int argc, char **argv)
{
  long long target = 0, max_units = 0;
  if (argc == 4 && strcmp (argv[1], "-u") == 0)
    {
      max_units = atoll (argv[2]);
      target = (long long) 1 << 62;
      argv++;
    }
  else if (argc == 3)
    target = atoll (argv[1]);
  else
    {
      fprintf (stderr, "usage: tmx-gen BYTES OUT.tmx | -u UNITS OUT.tmx\n");
      return 2;
    }
  FILE *fp = fopen (argv[2], "w");
  if (fp == NULL)
    {
      perror (argv[2]);
      return 2;
    }
  struct tmc_tm_header h;
  memset (&h, 0, sizeof h);
  h.srclang = (char *) "en";
  struct tmc_tmx_langmap map;
  tmc_tmx_langmap_defaults (&map);
  struct tmc_tmx_write_opts o;
  tmc_tmx_write_opts_init (&o);
  o.langmap = &map;
  o.date = 1700000000;
  tmc_tmx_writer *w;
  struct tmc_error err;
  if (tmc_tmx_writer_new (fp, &h, &o, &w, &err) != TMC_OK)
    {
      fprintf (stderr, "tmx-gen: %s\n", err.message);
      return 2;
    }
  unsigned long long units = 0;
  long long written = 0;
  char az[1024], fa[1024], en[1024], doc[32], score[8];
  while (written < target
         && (max_units == 0 || (long long) units < max_units))
    {
      struct tmc_tu tu;
      tmc_tu_init (&tu);
      snprintf (doc, sizeof doc, "rep%05llu", units / 40);
      tu.tuid = tmc_tmx_make_tuid (doc, (size_t) (units % 40) + 1);
      unsigned n = 6 + next (18);
      sentence (az, az_words, 27, n, ".");
      sentence (fa, fa_words, 27, n + next (3), ".");
      sentence (en, en_words, 27, n + next (4), ".");
      tmc_meta_add_prop (&tu.meta, TMC_TMX_PROP_DOC, NULL, doc);
      tmc_meta_add_prop (&tu.meta, TMC_TMX_PROP_BEAD, NULL,
                         next (10) ? "1-1-1" : "1-2-1");
      tmc_meta_add_prop (&tu.meta, TMC_TMX_PROP_SCORE, NULL,
                         tmc_tmx_format_score (next (1000) / 1000.0, score));
      tmc_tu_add_tuv (&tu, "en", en, strlen (en));
      tmc_tu_add_tuv (&tu, "az", az, strlen (az));
      tmc_tu_add_tuv (&tu, "fa", fa, strlen (fa));
      if (tmc_tmx_writer_add (w, &tu, &err) != TMC_OK)
        {
          fprintf (stderr, "tmx-gen: %s\n", err.message);
          return 2;
        }
      /* About what the unit takes in the file.  */
      written += (long long) (strlen (az) + strlen (fa) + strlen (en)
                              + 2 * strlen (doc) + 300);
      tmc_tu_destroy (&tu);
      units++;
    }
  if (tmc_tmx_writer_finish (w, NULL, &err) != TMC_OK || fclose (fp) != 0)
    {
      fprintf (stderr, "tmx-gen: cannot write %s\n", argv[2]);
      return 2;
    }
  struct stat st;
  stat (argv[2], &st);
  printf ("%llu %lld\n", units, (long long) st.st_size);
  return 0;
}
