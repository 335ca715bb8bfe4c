/* tmconv: reading and writing TMX 1.4b translation memories.

   The writer turns a translation memory (tm.h) into TMX that CAT tools
   accept: <tmx version="1.4">, a header with all seven required
   attributes, one <tu> per unit with the source-language <tuv> first, no
   empty <seg>, the text exactly as given (every space and line break
   kept), characters XML 1.0 forbids dropped and counted, the same
   language tag in the header and in every <tuv>.  Output is
   deterministic: the creation date comes from SOURCE_DATE_EPOCH when it
   is set, so the same input gives the same bytes.

   The reader is built on expat and streams: a unit is handed to a
   callback as soon as its </tu> is read, so memory does not grow with the
   size of the file, only with the size of the largest unit.  It reads
   TMX 1.1 to 1.4b in UTF-8, UTF-16 (with a BOM or declared), US-ASCII,
   ISO-8859-1 and the single-byte code pages iconv knows; the deprecated
   'lang' attribute as well as 'xml:lang'; inline elements (bpt, ept, it,
   ph, hi, sub, ut), kept as markup in tmc_tuv.markup and written back as
   they were.  It is lenient with what real tools write (other date
   formats, missing attributes, srclang="*all*", unknown elements) and
   says so with warnings, each kind reported once with its first
   location and a count at the end.  It never loads a DTD or an external
   entity, refuses entity declarations (so entity-expansion bombs never
   expand), keeps expat's own protection against them on, bounds the
   depth of elements and the size of a unit, and reports malformed XML
   as TMC_ERR_SYNTAX with the file, line and column.

   The same reader validates: with a violation handler it reports every
   breach of the TMX 1.4b rules (the DTD's content models and attributes,
   the specification's attribute values, dates, language codes, a source
   variant in every unit, paired bpt/ept), each with its line and column.

   Units that tmconv makes from alignment beads follow one scheme, so that
   every part of the pipeline writes the same thing:

     tuid      DOC ":" BEAD, BEAD the 1-based number of the bead in the
               document, zero-padded to four digits: "rep0042:0007"
               (tmc_tmx_make_tuid);
     x-doc     the document id, DOC ("rep0042");
     x-bead    the bead shape: the number of sentences of each language,
               in the order az, fa, en, joined by '-': "1-2-1" is one
               Azerbaijani, two Persian and one English sentence;
     x-score   the alignment confidence, from 0 to 1, with three decimals
               and a '.' whatever the locale: "0.934"
               (tmc_tmx_format_score).

   The writer recommends these and writes any prop it is given; 'tmconv
   tmx stats' counts x-bead shapes and x-score values, and 'tmconv tmx
   filter --min-score' reads x-score.

   Writing the files of an alignment, as 'tmconv tmx filter --split'
   does:

     struct tmc_tmx_langmap map;
     tmc_tmx_langmap_defaults (&map);          (and --lang-tag on top)
     struct tmc_tmx_write_opts o;
     tmc_tmx_write_opts_init (&o);
     o.langmap = &map;
     o.srclang = "en";
     tmc_tmx_write (tm, "out.tmx", &o, NULL, &err);     the 3-language file
     const char *pair[] = { "en", "az" };
     o.langs = pair;  o.n_langs = 2;  o.min_langs = 2;
     char *path = tmc_tmx_pair_path ("out.tmx", "en", "az");
     tmc_tmx_write (tm, path, &o, NULL, &err);          out.en-az.tmx

   A bead with a sentence in one language only gives a unit with one
   variant: written unless o.min_langs is 2, which CAT tools (that have
   nothing to match it with) do not miss.  */

#ifndef TMCONV_TMX_H
#define TMCONV_TMX_H

#include <stddef.h>
#include <stdio.h>

#include "tmconv/error.h"
#include "tmconv/tm.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The property types of the unit scheme above.  */
#define TMC_TMX_PROP_DOC "x-doc"
#define TMC_TMX_PROP_BEAD "x-bead"
#define TMC_TMX_PROP_SCORE "x-score"

/* Longest language tag the writer and the language map handle, with the
   terminating NUL (RFC 5646 asks for at least 35 characters).  */
#define TMC_TMX_TAG_MAX 64

/* ------------------------------------------------------------------ */
/* Language tags.  */

/* A map from a primary language subtag ("az") to the full tag the writer
   uses for it ("az-Latn-AZ").  Fixed size; no allocation.  */
#define TMC_TMX_LANGMAP_MAX 32
struct tmc_tmx_langmap {
  size_t n;
  struct {
    char lang[16];               /* primary subtag, lowercase */
    char tag[TMC_TMX_TAG_MAX];   /* canonical tag */
  } v[TMC_TMX_LANGMAP_MAX];
};

/* The documented defaults, which OmegaT and Okapi accept and which are
   the Windows culture names Trados uses.  */
#define TMC_TMX_DEFAULT_TAG_AZ "az-Latn-AZ"
#define TMC_TMX_DEFAULT_TAG_FA "fa-IR"
#define TMC_TMX_DEFAULT_TAG_EN "en-US"

/* Make MAP empty: tags are then only put in canonical form.  */
void tmc_tmx_langmap_init (struct tmc_tmx_langmap *map);

/* Make MAP the defaults: az=az-Latn-AZ, fa=fa-IR, en=en-US.  */
void tmc_tmx_langmap_defaults (struct tmc_tmx_langmap *map);

/* Add to MAP the assignments in SPEC, "LANG=TAG[,LANG=TAG]...", e.g.
   "az=az-AZ,fa=fa": LANG is a primary subtag (2 or 3 letters), TAG a
   well-formed BCP 47 tag, stored in canonical form.  A later assignment
   for the same LANG replaces the earlier one.  Errors:
   TMC_ERR_INVALID_ARG (malformed SPEC, LANG or TAG, or the map is
   full).  */
enum tmc_status tmc_tmx_langmap_set (struct tmc_tmx_langmap *map,
                                     const char *spec,
                                     struct tmc_error *err);

/* The tag MAP gives for the primary subtag of TAG, or NULL.  */
const char *tmc_tmx_langmap_get (const struct tmc_tmx_langmap *map,
                                 const char *tag);

/* 1 when TAG is a well-formed language tag in the sense of RFC 3066 and
   BCP 47 (subtags of 1 to 8 letters or digits separated by '-', the
   first of 1 to 8 letters), else 0.  "*all*" is not a tag.  */
int tmc_tmx_lang_valid (const char *tag);

/* Write TAG in canonical BCP 47 case into BUF of SIZE bytes: '_' becomes
   '-', the language subtag lowercase, a 4-letter script subtag
   titlecase, a 2-letter region uppercase ("AZ-latn-az" -> "az-Latn-AZ",
   "en_us" -> "en-US").  Then, when MAP is not NULL and has an entry for
   the primary subtag, that entry's tag replaces it.  Returns 0, or -1
   when TAG is not well-formed (after '_' -> '-') or does not fit (BUF
   then holds TAG cut to fit).  */
int tmc_tmx_lang_canonical (const char *tag, const struct tmc_tmx_langmap *map,
                            char *buf, size_t size);

/* ------------------------------------------------------------------ */
/* The unit scheme.  */

/* A freshly allocated tuid "DOC:NNNN" for bead INDEX (1-based) of the
   document DOC; white space in DOC becomes '_'.  NULL when out of
   memory.  */
char *tmc_tmx_make_tuid (const char *doc, size_t index);

/* Write SCORE, clamped to [0, 1], with three decimals and a '.' in any
   locale ("0.934") into BUF, which must hold 8 bytes.  Returns BUF.  */
char *tmc_tmx_format_score (double score, char *buf);

/* Parse a decimal number written with a '.' ("0.5", ".75", "1", "1e-2"
   is refused), whatever the locale.  Returns 0 and sets *OUT, or -1.  */
int tmc_tmx_parse_score (const char *s, double *out);

/* The x-score of TU: 1 and *SCORE when TU has a parsable x-score
   property, 0 when it has none, -1 when it has one that is not a
   number.  */
int tmc_tmx_unit_score (const struct tmc_tu *tu, double *score);

/* ------------------------------------------------------------------ */
/* Dates.  */

/* Parse a TMX date: the TMX form YYYYMMDDThhmmssZ, and the forms real
   tools write instead ("2018-06-11 05:09:06 UTC", "2018-06-11T05:09:06Z",
   "2018-06-11T08:39:06+03:30", "20180611T050906" taken as UTC,
   "2018-06-11"), into seconds since the epoch, UTC.  Returns 1 for the
   TMX form, 2 for another form that was understood, 0 when S is not a
   date.  */
int tmc_tmx_parse_date (const char *s, long long *secs);

/* Write SECS as YYYYMMDDThhmmssZ into BUF (17 bytes).  Returns BUF.  */
char *tmc_tmx_format_date (long long secs, char *buf);

/* The creation date for new files: SOURCE_DATE_EPOCH when set and
   valid, else the current time.  Errors: TMC_ERR_INVALID_ARG when
   SOURCE_DATE_EPOCH is set but is not a non-negative integer.  */
enum tmc_status tmc_tmx_now (long long *secs, struct tmc_error *err);

/* ------------------------------------------------------------------ */
/* Writing.  */

enum tmc_tmx_encoding {
  TMC_TMX_UTF8 = 0,   /* UTF-8, no BOM, encoding="UTF-8" */
  TMC_TMX_UTF16LE,    /* UTF-16 little-endian with a BOM, encoding="UTF-16" */
  TMC_TMX_UTF16BE,    /* UTF-16 big-endian with a BOM, encoding="UTF-16" */
  TMC_TMX_ASCII       /* US-ASCII, other characters as &#x...; */
};

/* Parse an encoding name, case-insensitively: "UTF-8"/"UTF8",
   "UTF-16" (= UTF-16LE, what Windows tools write), "UTF-16LE",
   "UTF-16BE", "US-ASCII"/"ASCII".  Errors: TMC_ERR_INVALID_ARG.  */
enum tmc_status tmc_tmx_encoding_parse (const char *name,
                                        enum tmc_tmx_encoding *enc,
                                        struct tmc_error *err);

/* Flags of tmc_tmx_write_opts.  */
enum {
  /* Write no <prop> and no <note> in units and variants.  Trados turns
     props into fields and may refuse units for them.  */
  TMC_TMX_NO_PROPS = 1 << 0
};

struct tmc_tmx_write_opts {
  enum tmc_tmx_encoding encoding;
  /* Tags for the primary subtags; NULL: tags are only made canonical.  */
  const struct tmc_tmx_langmap *langmap;
  /* The source language of the file; NULL: the header's srclang (when it
     is a language the file keeps), else the first of LANGS, else the
     language of the first variant of the first unit written (the
     in-memory tmc_tmx_write chooses the language most units have).  */
  const char *srclang;
  /* Keep only the variants whose language has the primary subtag of one
     of these N_LANGS tags; NULL: keep every language.  */
  const char *const *langs;
  size_t n_langs;
  /* Write a unit only when it has variants in at least this many
     languages (0 or 1: any unit with a variant).  For a bilingual file,
     2.  */
  size_t min_langs;
  unsigned flags;  /* TMC_TMX_NO_PROPS */
  /* The creation date of the file; < 0: tmc_tmx_now ().  */
  long long date;
  /* Warnings (dropped characters, attributes that TMX does not allow);
     may be NULL.  */
  const struct tmc_warn_handler *warn;
  /* The output's name for messages; may be NULL.  */
  const char *name;
};

/* Fill OPTS with the defaults: UTF-8, no map, all languages, every unit
   with a variant, props, date from tmc_tmx_now.  */
void tmc_tmx_write_opts_init (struct tmc_tmx_write_opts *opts);

/* What a writer did.  */
struct tmc_tmx_write_stats {
  size_t units;           /* units written */
  size_t units_skipped;   /* units with too few languages after filtering */
  size_t tuvs;            /* variants written */
  size_t tuvs_empty;      /* variants left out: empty or only white space */
  size_t tuvs_filtered;   /* variants left out: language not kept */
  size_t chars_dropped;   /* characters XML 1.0 forbids, dropped */
  size_t attrs_dropped;   /* attributes TMX does not allow there, dropped */
};

typedef struct tmc_tmx_writer tmc_tmx_writer;

/* Start writing a TMX document with header HEADER (copied; the writer
   fills in what is missing and always writes creationtool "tmconv") to
   FP, which stays the caller's.  Nothing is written before the first
   unit or tmc_tmx_writer_finish, so that a header without a usable
   srclang can take the first unit's.  OPTS may be NULL (defaults).
   Errors: TMC_ERR_NOMEM, TMC_ERR_INVALID_ARG (OPTS->srclang or a tag of
   OPTS->langs malformed, SOURCE_DATE_EPOCH invalid),
   TMC_ERR_UNSUPPORTED (iconv lacks UTF-16).  */
enum tmc_status tmc_tmx_writer_new (FILE *fp,
                                    const struct tmc_tm_header *header,
                                    const struct tmc_tmx_write_opts *opts,
                                    tmc_tmx_writer **writer,
                                    struct tmc_error *err);

/* Write TU (which stays the caller's): its variants with text, the one
   in the file's source language first, the others in their order; a
   <tu srclang> when that language is missing or is not the file's.
   Errors: TMC_ERR_ENCODING (a string is not valid UTF-8),
   TMC_ERR_INVALID_ARG (a variant's markup is not well-formed TMX
   inline content), TMC_ERR_IO (write error), TMC_ERR_NOMEM.  After an
   error the writer can only be freed.  */
enum tmc_status tmc_tmx_writer_add (tmc_tmx_writer *writer,
                                    const struct tmc_tu *tu,
                                    struct tmc_error *err);

/* Write the end of the document, flush FP, store what was done in
   *STATS (may be NULL), warn about dropped characters and attributes,
   and free WRITER.  Errors: TMC_ERR_IO, TMC_ERR_NOMEM; WRITER is freed
   in every case.  */
enum tmc_status tmc_tmx_writer_finish (tmc_tmx_writer *writer,
                                       struct tmc_tmx_write_stats *stats,
                                       struct tmc_error *err);

/* Free WRITER without finishing the document.  WRITER may be NULL.  */
void tmc_tmx_writer_free (tmc_tmx_writer *writer);

/* Write TM as TMX to FP.  With no srclang in OPTS and none usable in the
   header, the source is the language most units have.  Errors as
   above.  */
enum tmc_status tmc_tmx_write_stream (const struct tmc_tm *tm, FILE *fp,
                                      const struct tmc_tmx_write_opts *opts,
                                      struct tmc_tmx_write_stats *stats,
                                      struct tmc_error *err);

/* Write TM as TMX to the file PATH ("-" = standard output) through
   tmc_output_open: the file appears complete or not at all.  */
enum tmc_status tmc_tmx_write (const struct tmc_tm *tm, const char *path,
                               const struct tmc_tmx_write_opts *opts,
                               struct tmc_tmx_write_stats *stats,
                               struct tmc_error *err);

/* The name of the bilingual file for the pair SRC-TGT next to PATH: the
   primary subtags inserted before the extension, "out.tmx" ->
   "out.en-az.tmx", "out" -> "out.en-az.tmx".  Freshly allocated; NULL
   when out of memory.  */
char *tmc_tmx_pair_path (const char *path, const char *src, const char *tgt);

/* ------------------------------------------------------------------ */
/* Reading.  */

/* Called once, before the first unit, with the header as read (fields
   NULL when absent).  HEADER stays the reader's; the callback may take
   strings out of it (setting the field to NULL).  Return TMC_OK to go
   on; anything else stops reading with that status (and ERR).  */
typedef enum tmc_status tmc_tmx_header_fn (void *data,
                                           struct tmc_tm_header *header,
                                           struct tmc_error *err);

/* Called for each unit when its </tu> has been read; LINE and COLUMN are
   where its <tu> starts.  TU stays the reader's: the callback may move
   it (tmc_tm_add_tu_move) or use it and leave it; the reader destroys
   what is left.  Variants whose <seg> is empty are passed as they are
   (text ""); variants without a language are left out (with a warning).
   Return as for tmc_tmx_header_fn.  */
typedef enum tmc_status tmc_tmx_unit_fn (void *data, struct tmc_tu *tu,
                                         unsigned long line,
                                         unsigned long column,
                                         struct tmc_error *err);

/* Lighter callbacks for large files (statistics, indexing), called as
   the reader goes with strings that stay the reader's and are valid
   during the call only: each variant's language and plain text (LEN
   bytes, NUL-terminated, inline codes left out), each <prop> of a unit
   (not those of the header or of variants), and the end of each unit.
   When the unit callback is NULL and one of these is set, the reader
   builds no units at all, which saves most of its work beyond expat's.
   Return as for tmc_tmx_header_fn.  */
typedef enum tmc_status tmc_tmx_variant_fn (void *data, const char *lang,
                                            const char *text, size_t len,
                                            struct tmc_error *err);
typedef enum tmc_status tmc_tmx_prop_fn (void *data, const char *type,
                                         const char *value,
                                         struct tmc_error *err);
typedef enum tmc_status tmc_tmx_unit_end_fn (void *data,
                                             struct tmc_error *err);

struct tmc_tmx_read_opts {
  tmc_tmx_header_fn *header;  /* may be NULL */
  tmc_tmx_unit_fn *unit;      /* may be NULL */
  tmc_tmx_variant_fn *variant;     /* may be NULL; see above */
  tmc_tmx_prop_fn *unit_prop;      /* may be NULL */
  tmc_tmx_unit_end_fn *unit_end;   /* may be NULL */
  void *data;                 /* passed to all of them */
  /* Warnings about lenient reading; may be NULL.  */
  const struct tmc_warn_handler *warn;
  /* When not NULL, validate: every violation of TMX 1.4b goes here (with
     its line and column) instead of to WARN, each occurrence; malformed
     XML is reported here too, and the read then fails.  */
  const struct tmc_warn_handler *violation;
  /* Deepest nesting of elements allowed; 0: 64.  */
  unsigned max_depth;
  /* Largest unit (the bytes of its text, markup, props and notes)
     allowed, and largest XML token; 0: 256 MiB.  */
  size_t max_unit_bytes;
  /* Bytes handed to expat at a time by tmc_tmx_read_buffer; 0: 256 KiB.
     The tests use small sizes to cut the input everywhere.  */
  size_t chunk_size;
  unsigned flags;  /* TMC_TMX_READ_NO_POSITIONS */
};

/* Flags of tmc_tmx_read_opts.  */
enum {
  /* The unit callback gets line and column 0, and warnings about a unit
     or a segment point at its end rather than its start: expat then
     need not count lines at every unit, which makes reading about 15%
     faster.  */
  TMC_TMX_READ_NO_POSITIONS = 1 << 0
};

/* Fill OPTS with the defaults (no callbacks, no warnings).  */
void tmc_tmx_read_opts_init (struct tmc_tmx_read_opts *opts);

/* What a read found.  */
struct tmc_tmx_read_stats {
  size_t units;
  size_t tuvs;
  size_t violations;  /* when validating */
  size_t warnings;
};

/* Read the TMX file PATH ("-" = standard input) as a stream, calling
   OPTS's callbacks.  STATS may be NULL.  Errors: TMC_ERR_IO,
   TMC_ERR_SYNTAX (malformed XML, with line and column),
   TMC_ERR_ENCODING (an encoding expat and iconv cannot read),
   TMC_ERR_FORMAT (not TMX: the root is not <tmx>; an entity
   declaration), TMC_ERR_LIMIT (nesting or unit size), TMC_ERR_NOMEM,
   or what a callback returned.  */
enum tmc_status tmc_tmx_read_stream (const char *path,
                                     const struct tmc_tmx_read_opts *opts,
                                     struct tmc_tmx_read_stats *stats,
                                     struct tmc_error *err);

/* Like tmc_tmx_read_stream on the LEN bytes at DATA; NAME is the name
   for messages (may be NULL).  */
enum tmc_status tmc_tmx_read_buffer (const char *data, size_t len,
                                     const char *name,
                                     const struct tmc_tmx_read_opts *opts,
                                     struct tmc_tmx_read_stats *stats,
                                     struct tmc_error *err);

/* Set the header and unit callbacks of OPTS, and its data, so that the
   reader fills TM as tmc_tmx_read does: the header (replacing TM's) and
   the units, appended to TM's.  For reading a buffer, or in pieces, into
   memory.  */
void tmc_tmx_read_opts_into (struct tmc_tmx_read_opts *opts,
                             struct tmc_tm *tm);

/* Read the TMX file PATH ("-" = standard input) into a new translation
   memory *TM (freed with tmc_tm_free; NULL on error).  WARN may be NULL.
   Errors as tmc_tmx_read_stream.  */
enum tmc_status tmc_tmx_read (const char *path, struct tmc_tm **tm,
                              const struct tmc_warn_handler *warn,
                              struct tmc_error *err);

/* ------------------------------------------------------------------ */
/* Merging.

   Units are keyed by the text of their variant in the source language
   (markup included, compared byte for byte).  A unit whose every shared
   language has the same text as an earlier unit with the same key is
   merged into it: the earlier unit keeps its tuid, attributes and
   properties and gains the variants and notes it lacked.  A unit that
   disagrees with every earlier unit of its key in some language is a
   conflict: it is kept as a unit of its own and reported.  Units
   without a variant in the source language are merged only with units
   exactly like them.  The result keeps the order of first appearance.

   A merger keeps its units in memory, or, made with
   tmc_tmx_merger_new_spill, in a temporary file: then memory holds an
   index entry of some 30 bytes a unit (the hash of its key, where its
   record is) and the hashes of its texts once another unit has the same
   key hash.  Hashes only find candidates: a unit is merged into another
   when their texts, read back from the file, are the same byte for byte,
   so two texts whose hashes collide are never taken for one.  The
   results are the same in both modes; the merged units are then written
   one at a time (tmc_tmx_merger_each, tmc_tmx_merger_write) rather than
   put in a tmc_tm.  The file is unlinked as soon as it is made, so it
   goes when the merger is freed or the process ends, whatever the
   reason.  */

typedef struct tmc_tmx_merger tmc_tmx_merger;

struct tmc_tmx_merge_stats {
  size_t units_in;     /* units added */
  size_t units_out;    /* units in the result */
  size_t duplicates;   /* units identical to an earlier one */
  size_t merged;       /* units that added variants to an earlier one */
  size_t conflicts;    /* units kept because they disagree */
};

/* A new merger with source language SRCLANG (a tag; its primary subtag
   is what counts), or NULL: the language of the first variant of the
   first unit.  Errors: TMC_ERR_NOMEM, TMC_ERR_INVALID_ARG (SRCLANG
   malformed).  */
enum tmc_status tmc_tmx_merger_new (const char *srclang,
                                    tmc_tmx_merger **merger,
                                    struct tmc_error *err);

/* A new merger like tmc_tmx_merger_new's that keeps the units it is
   given in a temporary file in the directory DIR (NULL: $TMPDIR when it
   is set, else /tmp).  A file system with room for the merged TMX has
   room for it: its records are about the size of the units' text, plus a
   new record each time a unit gains variants or notes.  Errors as
   tmc_tmx_merger_new, and TMC_ERR_IO (no temporary file in DIR).  */
enum tmc_status tmc_tmx_merger_new_spill (const char *srclang,
                                          const char *dir,
                                          tmc_tmx_merger **merger,
                                          struct tmc_error *err);

/* Add TU, read at FILE:LINE:COLUMN (FILE is copied; LINE 0 if unknown),
   moving it into the merger (*TU is left empty).  A conflict goes to
   WARN (may be NULL) as a warning at that place, naming the language
   and the place of the unit it disagrees with.  Errors:
   TMC_ERR_NOMEM; in spill mode also TMC_ERR_IO (the temporary file
   cannot be written, e.g. the disk is full, or read back) and
   TMC_ERR_LIMIT (a unit of 4 GiB, more than 4 billion units), after
   which the merger can only be freed.  */
enum tmc_status tmc_tmx_merger_add (tmc_tmx_merger *merger,
                                    struct tmc_tu *tu, const char *file,
                                    unsigned long line, unsigned long column,
                                    const struct tmc_warn_handler *warn,
                                    struct tmc_error *err);

/* Move the merged units into TM (appended after its units) and store
   the counts in *STATS (may be NULL).  The merger is empty afterwards.
   Errors: TMC_ERR_NOMEM, TMC_ERR_IO (spill mode: a record cannot be
   read back).  */
enum tmc_status tmc_tmx_merger_finish (tmc_tmx_merger *merger,
                                       struct tmc_tm *tm,
                                       struct tmc_tmx_merge_stats *stats,
                                       struct tmc_error *err);

/* Called with each merged unit, which stays the merger's (in spill
   mode, a copy read back for the call: the function may take strings
   out of it).  Return TMC_OK to go on; anything else stops with that
   status (and ERR).  */
typedef enum tmc_status tmc_tmx_merged_fn (void *data,
                                           const struct tmc_tu *tu,
                                           struct tmc_error *err);

/* Call FN with each merged unit in the order of first appearance: the
   units tmc_tmx_merger_finish would give, without holding them all in
   memory.  The merger is left as it was, so this may be done several
   times (and in processes forked after the last unit was added, at the
   same time).  Errors: TMC_ERR_IO (a record cannot be read back),
   TMC_ERR_NOMEM, or what FN returned.  */
enum tmc_status tmc_tmx_merger_each (tmc_tmx_merger *merger,
                                     tmc_tmx_merged_fn *fn, void *data,
                                     struct tmc_error *err);

/* The counts so far, units_out the number of units the merger holds.  */
void tmc_tmx_merger_stats (const tmc_tmx_merger *merger,
                           struct tmc_tmx_merge_stats *stats);

/* Write the merged units as a TMX document with header HEADER to FP,
   or to the file PATH ("-" = standard output) through tmc_output_open:
   the same bytes as tmc_tmx_write_stream and tmc_tmx_write give for the
   memory that tmc_tmx_merger_finish makes with that header (with no
   usable srclang, the language most units have takes a first pass over
   the units).  The merger is left as it was.  Errors as
   tmc_tmx_write_stream and tmc_tmx_merger_each.  */
enum tmc_status tmc_tmx_merger_write_stream (tmc_tmx_merger *merger,
                                             const struct tmc_tm_header *header,
                                             FILE *fp,
                                             const struct tmc_tmx_write_opts *opts,
                                             struct tmc_tmx_write_stats *stats,
                                             struct tmc_error *err);
enum tmc_status tmc_tmx_merger_write (tmc_tmx_merger *merger,
                                      const struct tmc_tm_header *header,
                                      const char *path,
                                      const struct tmc_tmx_write_opts *opts,
                                      struct tmc_tmx_write_stats *stats,
                                      struct tmc_error *err);

/* Free MERGER and the units it still holds (in spill mode, closing and
   so removing its temporary file).  MERGER may be NULL.  */
void tmc_tmx_merger_free (tmc_tmx_merger *merger);

/* ------------------------------------------------------------------ */
/* Statistics.  */

/* Per-language figures of tmc_tmx_stats.  */
struct tmc_tmx_lang_stats {
  char tag[TMC_TMX_TAG_MAX];  /* canonical tag */
  size_t tuvs;
  size_t words;       /* white-space separated tokens with a letter or digit */
  size_t chars;       /* characters of the plain text, inline codes left
                         out */
};

#define TMC_TMX_SCORE_BINS 10

struct tmc_tmx_stats {
  size_t units;
  size_t tuvs;
  struct tmc_tmx_lang_stats *langs;  /* in order of first appearance */
  size_t n_langs, langs_cap;
  struct {
    char *shape;  /* x-bead value; NULL for units without one */
    size_t units;
  } *shapes;      /* in order of first appearance */
  size_t n_shapes, shapes_cap;
  size_t scored;                        /* units with a valid x-score */
  size_t score_bins[TMC_TMX_SCORE_BINS]; /* [0, .1), ..., [.9, 1] */
  size_t bad_scores;                    /* x-score not a number in [0, 1] */
};

/* Initialize and destroy STATS in the caller's storage.  */
void tmc_tmx_stats_init (struct tmc_tmx_stats *stats);
void tmc_tmx_stats_destroy (struct tmc_tmx_stats *stats);

/* Count TU into STATS.  Errors: TMC_ERR_NOMEM.  */
enum tmc_status tmc_tmx_stats_add (struct tmc_tmx_stats *stats,
                                   const struct tmc_tu *tu,
                                   struct tmc_error *err);

/* Add the counts of FROM into TO (for a total over files).  Errors:
   TMC_ERR_NOMEM.  */
enum tmc_status tmc_tmx_stats_merge (struct tmc_tmx_stats *to,
                                     const struct tmc_tmx_stats *from,
                                     struct tmc_error *err);

/* Count the units of the TMX file PATH ("-" = standard input) into
   STATS, as a stream with the light callbacks: memory stays flat
   whatever the size of the file.  Reading warnings go to WARN (may be
   NULL).  Errors as tmc_tmx_read_stream.  */
enum tmc_status tmc_tmx_stats_file (const char *path,
                                    struct tmc_tmx_stats *stats,
                                    const struct tmc_warn_handler *warn,
                                    struct tmc_error *err);

/* The number of words and characters of the LEN bytes of UTF-8 at S, as
   tmc_tmx_stats counts them.  */
void tmc_tmx_count_text (const char *s, size_t len, size_t *words,
                         size_t *chars);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_TMX_H */
