/* Run a fuzz harness without libFuzzer: every input in its seed corpus
   (tests/fuzz/seeds/NAME) and its regression inputs (tests/fuzz/regress/
   NAME: the inputs that once broke something), or in the files and
   directories given.  'make check' builds one replay program per harness
   with the project's compiler and runs it from the top of the tree, so
   the properties each harness checks are tested on every input we keep
   without clang; 'make check-asan' does so under the sanitizers.

   A broken property aborts (see fuzz.h); otherwise the last line is
   "N passed, 0 failed", as tests/run.sh expects.  */

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef FUZZ_NAME
# error "FUZZ_NAME must name the harness"
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int passed;

static int
by_name (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static int
run_file (const char *path)
{
  FILE *fp = fopen (path, "rb");
  if (fp == NULL)
    {
      printf ("FAIL: %s: %s\n", path, strerror (errno));
      return -1;
    }
  size_t cap = 4096, n = 0;
  uint8_t *buf = malloc (cap);
  size_t r;
  while (buf && (r = fread (buf + n, 1, cap - n, fp)) > 0)
    {
      n += r;
      if (n == cap)
        {
          uint8_t *b = realloc (buf, cap *= 2);
          if (b == NULL)
            free (buf);
          buf = b;
        }
    }
  fclose (fp);
  if (buf == NULL)
    {
      printf ("FAIL: %s: out of memory\n", path);
      return -1;
    }
  /* A copy of exactly N bytes, so that ASan sees reads past the end.  */
  uint8_t *exact = malloc (n ? n : 1);
  if (exact == NULL)
    {
      free (buf);
      return -1;
    }
  memcpy (exact, buf, n);
  free (buf);
  printf ("%s\n", path);
  fflush (stdout);
  LLVMFuzzerTestOneInput (exact, n);
  free (exact);
  printf ("PASS: %s\n", path);
  passed++;
  return 0;
}

static int
run_path (const char *path, int optional)
{
  struct stat st;
  if (stat (path, &st) != 0)
    {
      if (optional)
        return 0;
      printf ("FAIL: %s: %s\n", path, strerror (errno));
      return -1;
    }
  if (!S_ISDIR (st.st_mode))
    return run_file (path);
  DIR *d = opendir (path);
  if (d == NULL)
    return -1;
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir (d)) != NULL)
    {
      if (e->d_name[0] == '.')
        continue;
      if (n == cap)
        {
          cap = cap ? cap * 2 : 64;
          char **v = realloc (names, cap * sizeof *names);
          if (v == NULL)
            break;
          names = v;
        }
      size_t len = strlen (path) + strlen (e->d_name) + 2;
      names[n] = malloc (len);
      if (names[n] == NULL)
        break;
      snprintf (names[n], len, "%s/%s", path, e->d_name);
      n++;
    }
  closedir (d);
  qsort (names, n, sizeof *names, by_name);
  int bad = 0;
  for (size_t i = 0; i < n; i++)
    {
      bad |= run_file (names[i]) != 0;
      free (names[i]);
    }
  free (names);
  return bad ? -1 : 0;
}

int
main (int argc, char **argv)
{
  int bad = 0;
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      bad |= run_path (argv[i], 0) != 0;
  else
    {
      bad |= run_path ("tests/fuzz/seeds/" FUZZ_NAME, 0) != 0;
      bad |= run_path ("tests/fuzz/regress/" FUZZ_NAME, 1) != 0;
    }
  printf ("%d passed, %d failed\n", passed, bad);
  return bad;
}
