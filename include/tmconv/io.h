/* tmconv: reading whole files, and writing output files safely.

   An output file is written to a temporary file in the same directory and
   renamed over the destination on commit, so a reader never sees a
   half-written file and an interrupted run leaves the old file (or none).
   A destination that exists and is not a regular file (a FIFO, a terminal,
   /dev/null, /dev/full) is written directly and never renamed over.  A
   symbolic link as the destination is replaced by the new file; the file
   it pointed to is not touched.  "-" means standard output.  */

#ifndef TMCONV_IO_H
#define TMCONV_IO_H

#include <stdio.h>

#include "tmconv/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tmc_output tmc_output;

/* Read the whole file PATH ("-" = standard input) into a freshly allocated
   buffer *DATA of *LEN bytes, followed by a NUL that *LEN does not count.
   Errors: TMC_ERR_IO (with the name), TMC_ERR_NOMEM, TMC_ERR_LIMIT when the
   file is larger than MAX_BYTES (0 = no limit).  */
enum tmc_status tmc_read_file (const char *path, size_t max_bytes,
                               char **data, size_t *len,
                               struct tmc_error *err);

/* Start writing PATH.  On success *OUT is a new handle; write through
   tmc_output_stream (*OUT) and end with tmc_output_commit or
   tmc_output_abort, which free it.  */
enum tmc_status tmc_output_open (const char *path, tmc_output **out,
                                 struct tmc_error *err);

/* The stdio stream to write to.  */
FILE *tmc_output_stream (tmc_output *out);

/* The destination name given to tmc_output_open.  */
const char *tmc_output_path (const tmc_output *out);

/* Flush, check for write errors, close and put the file in place.  Frees
   OUT in every case; on error the temporary file is removed and the
   destination is left as it was.  */
enum tmc_status tmc_output_commit (tmc_output *out, struct tmc_error *err);

/* Give up: remove the temporary file and free OUT.  OUT may be NULL.  */
void tmc_output_abort (tmc_output *out);

/* Remove the temporary files of every output still open.  Only calls
   async-signal-safe functions, so a program may call it from a handler
   for SIGINT or SIGTERM before it re-raises the signal.  */
void tmc_output_cleanup_all (void);

/* 1 when A and B name the same existing file (same device and inode),
   0 otherwise.  */
int tmc_same_file (const char *a, const char *b);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_IO_H */
