/* Unit tests: io.c (reading files, safe output).  */

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "tmconv/io.h"

/* The number of entries in DIR other than . and ..  */
static int
count_entries (void)
{
  DIR *d = opendir (test_dir);
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
  test_write_file ("in.txt", "Bakı\nTehran\n");
  char *data;
  size_t len;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_read_file (test_path ("in.txt"), 0, &data, &len, &e), TMC_OK);
  CHECK_INT_EQ (len, 13);
  CHECK_STR_EQ (data, "Bakı\nTehran\n");
  free (data);
}

TEST (read_file_missing_names_the_file)
{
  char *data;
  size_t len;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_read_file (test_path ("nope.txt"), 0, &data, &len, &e),
                TMC_ERR_IO);
  CHECK (data == NULL);
  CHECK_STR_EQ (e.file, test_path ("nope.txt"));
  CHECK_STR_EQ (e.message, "cannot open file: No such file or directory");
}

TEST (read_file_directory_is_an_error)
{
  char *data;
  size_t len;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_read_file (test_dir, 0, &data, &len, &e), TMC_ERR_IO);
  CHECK_STR_EQ (e.message, "cannot read file: Is a directory");
}

TEST (read_file_limit)
{
  test_write_file ("big.txt", "0123456789");
  char *data;
  size_t len;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_read_file (test_path ("big.txt"), 9, &data, &len, &e),
                TMC_ERR_LIMIT);
  CHECK_INT_EQ (tmc_read_file (test_path ("big.txt"), 10, &data, &len, &e), TMC_OK);
  free (data);
}

TEST (output_commit_renames_into_place)
{
  int before = count_entries ();
  tmc_output *o;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_output_open (test_path ("out.tmx"), &o, &e), TMC_OK);
  fputs ("new", tmc_output_stream (o));
  /* Not there until committed.  */
  CHECK (access (test_path ("out.tmx"), F_OK) != 0);
  CHECK_INT_EQ (count_entries (), before + 1);
  CHECK_INT_EQ (tmc_output_commit (o, &e), TMC_OK);
  CHECK_INT_EQ (count_entries (), before + 1);
  char *data;
  size_t len;
  CHECK_INT_EQ (tmc_read_file (test_path ("out.tmx"), 0, &data, &len, &e), TMC_OK);
  CHECK_STR_EQ (data, "new");
  free (data);
  unlink (test_path ("out.tmx"));
}

TEST (output_abort_leaves_the_old_file)
{
  test_write_file ("keep.txt", "old");
  int before = count_entries ();
  tmc_output *o;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_output_open (test_path ("keep.txt"), &o, &e), TMC_OK);
  fputs ("half-written", tmc_output_stream (o));
  tmc_output_abort (o);
  CHECK_INT_EQ (count_entries (), before);
  char *data;
  size_t len;
  tmc_read_file (test_path ("keep.txt"), 0, &data, &len, &e);
  CHECK_STR_EQ (data, "old");
  free (data);
  tmc_output_abort (NULL);
}

TEST (output_keeps_the_mode_of_the_file_it_replaces)
{
  test_write_file ("mode.txt", "x");
  chmod (test_path ("mode.txt"), 0640);
  tmc_output *o;
  struct tmc_error e;
  tmc_output_open (test_path ("mode.txt"), &o, &e);
  fputs ("y", tmc_output_stream (o));
  CHECK_INT_EQ (tmc_output_commit (o, &e), TMC_OK);
  struct stat st;
  stat (test_path ("mode.txt"), &st);
  CHECK_INT_EQ (st.st_mode & 0777, 0640);
}

TEST (output_replaces_a_symlink_not_its_target)
{
  test_write_file ("target.txt", "precious");
  unlink (test_path ("link.txt"));
  CHECK_INT_EQ (symlink (test_path ("target.txt"), test_path ("link.txt")), 0);
  tmc_output *o;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_output_open (test_path ("link.txt"), &o, &e), TMC_OK);
  fputs ("out", tmc_output_stream (o));
  CHECK_INT_EQ (tmc_output_commit (o, &e), TMC_OK);
  char *data;
  size_t len;
  tmc_read_file (test_path ("target.txt"), 0, &data, &len, &e);
  CHECK_STR_EQ (data, "precious");
  free (data);
  struct stat st;
  CHECK_INT_EQ (lstat (test_path ("link.txt"), &st), 0);
  CHECK (S_ISREG (st.st_mode));
}

TEST (output_to_a_fifo_writes_directly)
{
  CHECK_INT_EQ (mkfifo (test_path ("fifo"), 0600), 0);
  int rd = open (test_path ("fifo"), O_RDONLY | O_NONBLOCK);
  CHECK (rd >= 0);
  tmc_output *o;
  struct tmc_error e;
  CHECK_INT_EQ (tmc_output_open (test_path ("fifo"), &o, &e), TMC_OK);
  fputs ("through", tmc_output_stream (o));
  CHECK_INT_EQ (tmc_output_commit (o, &e), TMC_OK);
  char buf[16] = { 0 };
  CHECK_INT_EQ (read (rd, buf, sizeof buf - 1), 7);
  CHECK_STR_EQ (buf, "through");
  close (rd);
  struct stat st;
  CHECK_INT_EQ (lstat (test_path ("fifo"), &st), 0);
  CHECK (S_ISFIFO (st.st_mode));
  unlink (test_path ("fifo"));
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
  CHECK_INT_EQ (tmc_output_open (test_path ("no/such/dir.tmx"), &o, &e),
                TMC_ERR_IO);
  CHECK (o == NULL);
  CHECK_STR_EQ (e.message, "cannot write file: No such file or directory");
}

TEST (output_cleanup_all_removes_temporaries)
{
  int before = count_entries ();
  tmc_output *a, *b;
  struct tmc_error e;
  tmc_output_open (test_path ("a.out"), &a, &e);
  tmc_output_open (test_path ("b.out"), &b, &e);
  CHECK_INT_EQ (count_entries (), before + 2);
  tmc_output_cleanup_all ();
  CHECK_INT_EQ (count_entries (), before);
  tmc_output_abort (a);
  tmc_output_abort (b);
}

TEST (same_file)
{
  test_write_file ("s1", "x");
  unlink (test_path ("s2"));
  symlink (test_path ("s1"), test_path ("s2"));
  CHECK_INT_EQ (tmc_same_file (test_path ("s1"), test_path ("s2")), 1);
  CHECK_INT_EQ (tmc_same_file (test_path ("s1"), test_path ("keep.txt")), 0);
  CHECK_INT_EQ (tmc_same_file (test_path ("s1"), test_path ("none")), 0);
}

int
main (void)
{
  if (test_scratch ("io") != 0)
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
  test_scratch_remove ();
  return TEST_END ();
}
