/* Units kept on disk: a temporary file of serialized translation units,
   for the merger's spill mode (tmx.h, tmc_tmx_merger_new_spill), or of
   other records (the texts of the catalogue exporter, po.h).  Internal to
   libtmconv.

   The file is created unlinked (O_TMPFILE, else mkstemp and unlink at
   once), so that it disappears when its descriptor is closed, whatever
   happens to the process.  Records are appended through a buffer and read
   back by offset with pread; a record still in the buffer is read from
   there.  A record is a unit and the place it was read from:

     varint FILE  varint LINE  varint COLUMN
     str TUID  str SRCLANG  meta  varint N  N times: str LANG  str TEXT
                                                     str MARKUP  meta
     meta = varint N (str NAME str VALUE)*  varint N (str TYPE str LANG
            str VALUE)*  varint N (str NOTE)*
     str  = varint 0 for NULL, else varint LEN+1 and LEN bytes

   varints are little-endian base 128 (7 bits a byte, the high bit set on
   all bytes but the last).  */

#ifndef TMC_TMX_SPILL_H
#define TMC_TMX_SPILL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "tmconv/error.h"
#include "tmconv/tm.h"

struct tmc_spill {
  int fd;
  uint64_t size;       /* bytes appended: the offset of the next record */
  uint64_t flushed;    /* bytes in the file; the rest is in WBUF */
  struct tmc_buf wbuf;
  struct tmc_buf rbuf; /* the record read last */
  /* A window of the file for reading records in order (tmc_spill_read
     with SEQUENTIAL set).  */
  char *win;
  uint64_t win_off;
  size_t win_len;
  int failed;          /* a write failed: the file is unusable */
  size_t buffer_size;  /* of WBUF and WIN: tmc_spill_buffer_size at open */
};

/* The size of the write buffer and of the read-ahead window of the files
   opened from now on: 256 KiB.  Tests and the fuzzer make it small, so
   that records go to the file and are read back from it, as they are in a
   large merge; nothing else changes it.  */
extern size_t tmc_spill_buffer_size;

/* Create the temporary file in the directory DIR (NULL: $TMPDIR when it
   is set, else /tmp).  Errors: TMC_ERR_IO.  */
enum tmc_status tmc_spill_open (struct tmc_spill *s, const char *dir,
                                struct tmc_error *err);

/* Close the file (which removes it) and free the buffers.  S may be
   zeroed or already closed.  */
void tmc_spill_close (struct tmc_spill *s);

/* Throw away every record: the file is emptied.  Errors: TMC_ERR_IO.  */
enum tmc_status tmc_spill_reset (struct tmc_spill *s, struct tmc_error *err);

/* Append the record of TU, read from the file number FILE at LINE:COLUMN,
   and store its offset and length.  Errors: TMC_ERR_NOMEM, TMC_ERR_IO
   (write error; the file is then unusable), TMC_ERR_LIMIT (a record of
   4 GiB or more).  */
enum tmc_status tmc_spill_put (struct tmc_spill *s, const struct tmc_tu *tu,
                               size_t file, unsigned long line,
                               unsigned long column, uint64_t *off,
                               uint32_t *len, struct tmc_error *err);

/* Append the LEN bytes at DATA as a record (of any content) and store
   its offset.  Errors as tmc_spill_put.  */
enum tmc_status tmc_spill_put_raw (struct tmc_spill *s, const void *data,
                                   size_t len, uint64_t *off,
                                   struct tmc_error *err);

/* The LEN bytes of the record at OFF, valid until the next call on S, or
   NULL with *ST and ERR set (TMC_ERR_IO, TMC_ERR_NOMEM).  SEQUENTIAL as
   for tmc_spill_get.  */
const char *tmc_spill_get_raw (struct tmc_spill *s, uint64_t off,
                               uint32_t len, int sequential,
                               struct tmc_error *err, enum tmc_status *st);

/* Read the record at OFF of LEN bytes into *TU (initialized here; the
   caller destroys it) and its place into *FILE, *LINE, *COLUMN (each may
   be NULL).  SEQUENTIAL: records are read in about the order of the file,
   so read ahead.  Errors: TMC_ERR_IO (read error, a record that does not
   decode), TMC_ERR_NOMEM.  */
enum tmc_status tmc_spill_get (struct tmc_spill *s, uint64_t off,
                               uint32_t len, int sequential,
                               struct tmc_tu *tu, size_t *file,
                               unsigned long *line, unsigned long *column,
                               struct tmc_error *err);

#endif /* TMC_TMX_SPILL_H */
