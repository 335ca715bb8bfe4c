/* The state of a batch output directory: what an earlier run made, so
   that a re-run redoes only what changed.  Internal to libtmconv.

   The state lives in OUT/.tmconv-batch/: "state", a snapshot written to
   a temporary file and renamed, and "journal", to which each finished
   report appends one line while the run goes on.  Loading reads the
   snapshot, then the journal (a later record of an id or path replaces an
   earlier one).  Each line ends with a checksum of itself, so a line cut
   short by a kill is recognized and ignored: the report it was about is
   simply redone.

   Lines (fields separated by tabs, '\\', tab, CR and LF escaped as \\\\,
   \\t, \\r, \\n; the last field the line's checksum, 16 hex digits):
     tmconv-batch-state  VERSION                 first line of "state"
     R  ID KEY OUT-HASH OUT-SIZE OUT-MTIME S-AZ S-FA S-EN X
        then X times: SIZE MTIME                 its other outputs
        then N, then N times: FILE LINE COLUMN MESSAGE   its warnings
     I  PATH SIZE MTIME CTIME INODE HASHED-AT HASH   an input's hash
     A  KEY                                     the aggregates' key
     F  PATH SIZE MTIME                         an aggregate file
   Times are nanoseconds since the epoch.  */

#ifndef TMC_BATCH_STATE_H
#define TMC_BATCH_STATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tmconv/batch.h"
#include "tmconv/error.h"

#define TMC_BSTATE_DIR ".tmconv-batch"
#define TMC_BSTATE_VERSION "1"

/* The most outputs of a report besides OUT/tmx/<id>.tmx.  */
#define TMC_BSTATE_MAX_EXTRA 8

struct tmc_bstate_report {
  char *id;
  uint64_t key;        /* hash of the inputs and the options */
  uint64_t out_hash;   /* hash of the content of its outputs */
  int64_t out_size;    /* of OUT/tmx/<id>.tmx */
  int64_t out_mtime;
  size_t n_extra;      /* its other outputs, in the order of the ops */
  int64_t extra_size[TMC_BSTATE_MAX_EXTRA];
  int64_t extra_mtime[TMC_BSTATE_MAX_EXTRA];
  size_t sentences[TMC_BATCH_NLANG];
  struct tmc_error *warnings;
  size_t n_warnings;
};

struct tmc_bstate_input {
  char *path;
  int64_t size, mtime, ctime;
  uint64_t ino;
  int64_t hashed_at;
  uint64_t hash;
};

struct tmc_bstate_file {
  char *path;   /* relative to OUT */
  int64_t size, mtime;
};

struct tmc_bstate {
  struct tmc_bstate_report *reports;  /* sorted by id after load */
  size_t n_reports, reports_cap;
  struct tmc_bstate_input *inputs;    /* sorted by path after load */
  size_t n_inputs, inputs_cap;
  struct tmc_bstate_file *files;
  size_t n_files, files_cap;
  int have_aggregate;
  uint64_t aggregate_key;
};

/* Load the state of OUT into *STATE (empty when there is none).  Lines
   that do not parse or fail their checksum are skipped.  A state of
   another version is ignored (and everything is redone).  Errors:
   TMC_ERR_IO (unreadable), TMC_ERR_NOMEM.  */
enum tmc_status tmc_bstate_load (const char *out, struct tmc_bstate *state,
                                 struct tmc_error *err);

void tmc_bstate_init (struct tmc_bstate *state);
void tmc_bstate_destroy (struct tmc_bstate *state);
void tmc_bstate_report_destroy (struct tmc_bstate_report *r);

/* The record of ID or PATH in a loaded STATE, or NULL.  */
struct tmc_bstate_report *tmc_bstate_find_report (const struct tmc_bstate *s,
                                                  const char *id);
struct tmc_bstate_input *tmc_bstate_find_input (const struct tmc_bstate *s,
                                                const char *path);

/* Write STATE as the snapshot OUT/.tmconv-batch/state (temporary file and
   rename), then remove the journal.  */
enum tmc_status tmc_bstate_save (const char *out,
                                 const struct tmc_bstate *state,
                                 struct tmc_error *err);

/* Format the journal line of report R (with its input records IN[0..N))
   into a freshly allocated string *LINE of *LEN bytes.  Returns 0, or -1
   when out of memory.  */
int tmc_bstate_format_report (const struct tmc_bstate_report *r,
                              const struct tmc_bstate_input *in, size_t n,
                              char **line, size_t *len);

/* Parse one LINE (without its newline) into STATE.  Returns 1 when it was
   a valid record, 0 when it was skipped, -1 when out of memory.  Exposed
   for the tests.  */
int tmc_bstate_parse_line (struct tmc_bstate *state, char *line);

#endif /* TMC_BATCH_STATE_H */
