/* A tiny unit-test harness, in the spirit of sds's testhelp.h and expat's
   minicheck.  A test file defines test functions with TEST, checks with
   the CHECK macros, and lists them in main with RUN; TEST_END prints
   "N passed, N failed" (the line tests/run.sh reads) and gives the exit
   status.

     TEST (nfc_composes) { CHECK_STR_EQ (out, "é"); }
     int main (void) { RUN (nfc_composes); return TEST_END (); }

   A test passes when none of its checks failed.  */

#ifndef TMC_TEST_H
#define TMC_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_passed_count;
static int test_failed_count;
static int test_current_failed;
static const char *test_current_name;

#define TEST(name) static void name (void)

#define CHECK(cond)                                                     \
  do                                                                    \
    {                                                                   \
      if (!(cond))                                                      \
        {                                                               \
          printf ("%s:%d: %s: check failed: %s\n", __FILE__, __LINE__,  \
                  test_current_name, #cond);                            \
          test_current_failed = 1;                                      \
        }                                                               \
    }                                                                   \
  while (0)

#define CHECK_INT_EQ(a, b)                                              \
  do                                                                    \
    {                                                                   \
      long long test_a_ = (long long) (a), test_b_ = (long long) (b);   \
      if (test_a_ != test_b_)                                           \
        {                                                               \
          printf ("%s:%d: %s: check failed: %s == %s (%lld != %lld)\n", \
                  __FILE__, __LINE__, test_current_name, #a, #b,        \
                  test_a_, test_b_);                                    \
          test_current_failed = 1;                                      \
        }                                                               \
    }                                                                   \
  while (0)

#define CHECK_STR_EQ(a, b)                                              \
  do                                                                    \
    {                                                                   \
      const char *test_a_ = (a), *test_b_ = (b);                        \
      if (test_a_ == NULL || test_b_ == NULL                            \
          || strcmp (test_a_, test_b_) != 0)                            \
        {                                                               \
          printf ("%s:%d: %s: check failed: %s == %s (\"%s\" != "       \
                  "\"%s\")\n",                                          \
                  __FILE__, __LINE__, test_current_name, #a, #b,        \
                  test_a_ ? test_a_ : "(null)",                         \
                  test_b_ ? test_b_ : "(null)");                        \
          test_current_failed = 1;                                      \
        }                                                               \
    }                                                                   \
  while (0)

#define CHECK_MEM_EQ(a, alen, b, blen)                                  \
  do                                                                    \
    {                                                                   \
      size_t test_al_ = (alen), test_bl_ = (blen);                      \
      if (test_al_ != test_bl_ || memcmp ((a), (b), test_al_) != 0)     \
        {                                                               \
          printf ("%s:%d: %s: check failed: %s == %s (\"%.*s\" != "     \
                  "\"%.*s\")\n",                                        \
                  __FILE__, __LINE__, test_current_name, #a, #b,        \
                  (int) test_al_, (const char *) (a), (int) test_bl_,   \
                  (const char *) (b));                                  \
          test_current_failed = 1;                                      \
        }                                                               \
    }                                                                   \
  while (0)

static void
test_run (const char *name, void (*fn) (void))
{
  test_current_name = name;
  test_current_failed = 0;
  fn ();
  if (test_current_failed)
    {
      test_failed_count++;
      printf ("FAIL: %s\n", name);
    }
  else
    {
      test_passed_count++;
      printf ("PASS: %s\n", name);
    }
  fflush (stdout);
}

#define RUN(name) test_run (#name, name)

static int
test_end (void)
{
  printf ("%d passed, %d failed\n", test_passed_count, test_failed_count);
  return test_failed_count == 0 ? 0 : 1;
}

#define TEST_END() test_end ()

/* A scratch directory for the tests that write files: test_scratch
   ("po") in main makes /tmp/tmc-test-po-XXXXXX as test_dir, test_path
   names a file in it, test_write_file writes one, and
   test_scratch_remove removes the directory and all it holds.  */

static char test_dir[64];

static inline int
test_scratch (const char *name)
{
  snprintf (test_dir, sizeof test_dir, "/tmp/tmc-test-%s-XXXXXX", name);
  return mkdtemp (test_dir) != NULL ? 0 : -1;
}

/* TEST_DIR/NAME, in one of four buffers used in turn.  */
static inline char *
test_path (const char *name)
{
  static char p[4][512];
  static int k;
  k = (k + 1) % 4;
  snprintf (p[k], sizeof p[k], "%s/%s", test_dir, name);
  return p[k];
}

static inline void
test_write_file_len (const char *name, const char *text, size_t len)
{
  FILE *f = fopen (test_path (name), "wb");
  if (f == NULL || fwrite (text, 1, len, f) != len || fclose (f) != 0)
    printf ("cannot write %s\n", test_path (name));
}

static inline void
test_write_file (const char *name, const char *text)
{
  test_write_file_len (name, text, strlen (text));
}

static inline int
test_scratch_remove (void)
{
  char cmd[sizeof test_dir + 16];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", test_dir);
  if (system (cmd) != 0)
    {
      printf ("cannot remove %s\n", test_dir);
      return -1;
    }
  return 0;
}

#endif /* TMC_TEST_H */
