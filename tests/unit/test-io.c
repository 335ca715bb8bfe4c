/* Unit tests: io.c (reading files, safe output).  */

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "tmconv/io.h"

static char dir[] = "/tmp/tmc-test-io-XXXXXX";

static char *
path (const char *name)
{
  static char p[2][256];
  static int k;
  k = !k;
  snprintf (p[k], sizeof p[k], "%s/%s", dir, name);
  return p[k];
}

static void
write_file (const char *name, const char *text)
{
  FILE *f = fopen (path (name), "w");
  fputs (text, f);
  fclose (f);
}

/* The number of entries in DIR other than . and ..  */
static int
count_entries (void)
{
  DIR *d = opendir (dir);
  int n = 0;
  struct dirent *e;
  while ((e = readdir (d)) != NULL)
    if (strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0)
      n++;
  closedir (d);
  return n;
}

TEST (read_file_whole)
{
  write_file ("in.txt", "Bakı\nTehran\n");
  char *data;
  size_t len;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_read_file (path ("in.txt"), 0, &data, &len, &e), TMC_OK);
  CHECK_INT_EQ (len, 13);
  CHECK_STR_EQ (data, "Bakı\nTehran\n");
  free (data);
}

TEST (read_file_missing_names_the_file)
{
  char *data;
  size_t len;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_read_file (path ("nope.txt"), 0, &data, &len, &e),
                TMC_ERR_IO);
  CHECK (data == NULL);
  CHECK_STR_EQ (e.file, path ("nope.txt"));
  CHECK_STR_EQ (e.message, "cannot open file: No such file or directory");
}

TEST (read_file_directory_is_an_error)
{
  char *data;
  size_t len;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_read_file (dir, 0, &data, &len, &e), TMC_ERR_IO);
  CHECK_STR_EQ (e.message, "cannot read file: Is a directory");
}

TEST (read_file_limit)
{
  write_file ("big.txt", "0123456789");
  char *data;
  size_t len;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_read_file (path ("big.txt"), 9, &data, &len, &e),
                TMC_ERR_LIMIT);
  CHECK_INT_EQ (tmc_read_file (path ("big.txt"), 10, &data, &len, &e), TMC_OK);
  free (data);
}

TEST (output_commit_renames_into_place)
{
  int before = count_entries ();
  tmc_output *o;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_output_open (path ("out.tmx"), &o, &e), TMC_OK);
  fputs ("new", tmc_output_stream (o));
  /* Not there until committed.  */
  CHECK (access (path ("out.tmx"), F_OK) != 0);
  CHECK_INT_EQ (count_entries (), before + 1);
  CHECK_INT_EQ (tmc_output_commit (o, &e), TMC_OK);
  CHECK_INT_EQ (count_entries (), before + 1);
  char *data;
  size_t len;
  CHECK_INT_EQ (tmc_read_file (path ("out.tmx"), 0, &data, &len, &e), TMC_OK);
  CHECK_STR_EQ (data, "new");
  free (data);
  unlink (path ("out.tmx"));
}

TEST (output_abort_leaves_the_old_file)
{
  write_file ("keep.txt", "old");
  int before = count_entries ();
  tmc_output *o;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_output_open (path ("keep.txt"), &o, &e), TMC_OK);
  fputs ("half-written", tmc_output_stream (o));
  tmc_output_abort (o);
  CHECK_INT_EQ (count_entries (), before);
  char *data;
  size_t len;
  tmc_read_file (path ("keep.txt"), 0, &data, &len, &e);
  CHECK_STR_EQ (data, "old");
  free (data);
  tmc_output_abort (NULL);
}

TEST (output_keeps_the_mode_of_the_file_it_replaces)
{
  write_file ("mode.txt", "x");
  chmod (path ("mode.txt"), 0640);
  tmc_output *o;
  struct tmc_error e;
  tmc_output_open (path ("mode.txt"), &o, &e);
  fputs ("y", tmc_output_stream (o));
  CHECK_INT_EQ (tmc_output_commit (o, &e), TMC_OK);
  struct stat st;
  stat (path ("mode.txt"), &st);
  CHECK_INT_EQ (st.st_mode & 0777, 0640);
}

TEST (output_replaces_a_symlink_not_its_target)
{
  write_file ("target.txt", "precious");
  unlink (path ("link.txt"));
  CHECK_INT_EQ (symlink (path ("target.txt"), path ("link.txt")), 0);
  tmc_output *o;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_output_open (path ("link.txt"), &o, &e), TMC_OK);
  fputs ("out", tmc_output_stream (o));
  CHECK_INT_EQ (tmc_output_commit (o, &e), TMC_OK);
  char *data;
  size_t len;
  tmc_read_file (path ("target.txt"), 0, &data, &len, &e);
  CHECK_STR_EQ (data, "precious");
  free (data);
  struct stat st;
  CHECK_INT_EQ (lstat (path ("link.txt"), &st), 0);
  CHECK (S_ISREG (st.st_mode));
}

TEST (output_to_a_fifo_writes_directly)
{
  CHECK_INT_EQ (mkfifo (path ("fifo"), 0600), 0);
  int rd = open (path ("fifo"), O_RDONLY | O_NONBLOCK);
  CHECK (rd >= 0);
  tmc_output *o;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_output_open (path ("fifo"), &o, &e), TMC_OK);
  fputs ("through", tmc_output_stream (o));
  CHECK_INT_EQ (tmc_output_commit (o, &e), TMC_OK);
  char buf[16] = { 0 };
  CHECK_INT_EQ (read (rd, buf, sizeof buf - 1), 7);
  CHECK_STR_EQ (buf, "through");
  close (rd);
  struct stat st;
  CHECK_INT_EQ (lstat (path ("fifo"), &st), 0);
  CHECK (S_ISFIFO (st.st_mode));
  unlink (path ("fifo"));
}

TEST (output_to_dev_full_fails_on_commit)
{
  if (access ("/dev/full", W_OK) != 0)
    return;
  tmc_output *o;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_output_open ("/dev/full", &o, &e), TMC_OK);
  fputs ("data", tmc_output_stream (o));
  CHECK_INT_EQ (tmc_output_commit (o, &e), TMC_ERR_IO);
  CHECK_STR_EQ (e.message, "cannot write file: No space left on device");
}

TEST (output_into_a_missing_directory_fails_at_open)
{
  tmc_output *o;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_output_open (path ("no/such/dir.tmx"), &o, &e),
                TMC_ERR_IO);
  CHECK (o == NULL);
  CHECK_STR_EQ (e.message, "cannot write file: No such file or directory");
}

TEST (output_cleanup_all_removes_temporaries)
{
  int before = count_entries ();
  tmc_output *a, *b;
  struct tmc_error e;
  tmc_output_open (path ("a.out"), &a, &e);
  tmc_output_open (path ("b.out"), &b, &e);
  CHECK_INT_EQ (count_entries (), before + 2);
  tmc_output_cleanup_all ();
  CHECK_INT_EQ (count_entries (), before);
  tmc_output_abort (a);
  tmc_output_abort (b);
}

TEST (same_file)
{
  write_file ("s1", "x");
  unlink (path ("s2"));
  symlink (path ("s1"), path ("s2"));
  CHECK_INT_EQ (tmc_same_file (path ("s1"), path ("s2")), 1);
  CHECK_INT_EQ (tmc_same_file (path ("s1"), path ("keep.txt")), 0);
  CHECK_INT_EQ (tmc_same_file (path ("s1"), path ("none")), 0);
}

int
main (void)
{
  if (mkdtemp (dir) == NULL)
    return 1;
  RUN (read_file_whole);
  RUN (read_file_missing_names_the_file);
  RUN (read_file_directory_is_an_error);
  RUN (read_file_limit);
  RUN (output_commit_renames_into_place);
  RUN (output_abort_leaves_the_old_file);
  RUN (output_keeps_the_mode_of_the_file_it_replaces);
  RUN (output_replaces_a_symlink_not_its_target);
  RUN (output_to_a_fifo_writes_directly);
  RUN (output_to_dev_full_fails_on_commit);
  RUN (output_into_a_missing_directory_fails_at_open);
  RUN (output_cleanup_all_removes_temporaries);
  RUN (same_file);
  char cmd[300];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system (cmd) != 0)
    return 1;
  return TEST_END ();
}
