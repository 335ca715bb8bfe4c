/* tmconv: gettext catalogues (PO) from and to translation memories.

   Export: the units of one or more translation memories become a
   template (NAME.pot) and one catalogue per target language (LANG.po),
   written through GNU libgettextpo.  The source sentence is the msgid,
   its translation the msgstr (empty when the unit has none); a `#.'
   comment gives the document id, bead shape and score of each place the
   pair comes from and a `#:' reference names it (doc:sentence).
   Identical pairs are merged into one entry; when one source sentence
   has different translations, each variant gets its own entry with a
   msgctxt naming its first place.  An entry is fuzzy unless at least one
   of its places is a 1-1 bead (between the source and that language)
   whose score is not below the threshold.

   Import: PO catalogues become units of a translation memory: msgid in
   the source language, msgstr in the catalogue's language (from the
   header's Language field or given), with msgctxt, plural forms, flags
   and comments kept as props and notes.  Catalogues in other charsets
   than UTF-8 are converted with iconv.

   Every call that touches libgettextpo holds one lock (libgettextpo keeps
   global state), so the functions may be called from several threads;
   they do not run in parallel.  libgettextpo's fatal errors never end the
   program: they become errors returned to the caller.  (libgettextpo
   still exits when it runs out of memory, since it allocates with
   xmalloc, and when a read fails half-way through a file, which its
   lexer reports with error () rather than to the handler.)  */

#ifndef TMCONV_PO_H
#define TMCONV_PO_H

#include <stddef.h>

#include "tmconv/error.h"
#include "tmconv/tm.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A diagnostic about a catalogue or a translation memory: an error or
   a warning at a place in a file, possibly with a related place (the
   first definition of a duplicate message).  The strings belong to
   whoever passes the diagnostic and live as long as the call it is
   passed to, or as the result that holds it.  */
enum tmc_diag_severity {
  TMC_DIAG_WARNING = 0,
  TMC_DIAG_ERROR = 1
};

struct tmc_diag {
  enum tmc_diag_severity severity;
  /* What kind of problem, a stable name for programs (see the README's
     description of 'tmconv check --format json'): "io", "not-po",
     "syntax", "duplicate", "charset", "header", "format", "check",
     "plural", "not-in-template", "missing-language", "tmx", "limit".  */
  const char *code;
  const char *file;
  unsigned long line;          /* 1-based; 0 = unknown */
  unsigned long column;        /* 1-based; 0 = unknown */
  const char *message;         /* translated, one line */
  unsigned long related_line;  /* 0 = none */
  const char *related_message; /* NULL when related_line is 0 */
};

/* A receiver of diagnostics.  DATA is the receiver's own pointer.  */
typedef void tmc_diag_fn (void *data, const struct tmc_diag *diag);

struct tmc_diag_handler {
  tmc_diag_fn *fn;
  void *data;
};

/* For programs built with LeakSanitizer (-fsanitize=address): what
   libgettextpo 0.21 allocates and never frees, as suppressions to return
   from __lsan_default_suppressions.  The message it passes to a fatal
   error handler (its own handler exits), the copy of the file name its
   reader keeps for message positions (and the contexts it reads, which
   message_free forgets; libtmconv frees those it makes), and the parsed
   Plural-Forms of a check.  */
#define TMC_PO_LSAN_SUPPRESSIONS                                        \
  "leak:po_file_write_v2\n"                                             \
  "leak:libgettextpo_catalog_reader_parse\n"                            \
  "leak:libgettextpo_check_message_list\n"

/* Define the hooks that give a program built with AddressSanitizer the
   suppressions above, without their list at exit (which would change
   what the program prints), and the slow unwinder, which alone sees
   through libgettextpo (built without frame pointers) to the functions
   the suppressions name.  Put TMC_PO_SANITIZER_HOOKS once in a program
   that uses the PO functions.  */
#define TMC_PO_SANITIZER_HOOKS                                          \
  const char *__lsan_default_suppressions (void);                       \
  const char *__lsan_default_suppressions (void)                        \
  {                                                                     \
    return TMC_PO_LSAN_SUPPRESSIONS;                                    \
  }                                                                     \
  const char *__lsan_default_options (void);                            \
  const char *__lsan_default_options (void)                             \
  {                                                                     \
    return "print_suppressions=0";                                      \
  }                                                                     \
  const char *__asan_default_options (void);                            \
  const char *__asan_default_options (void)                             \
  {                                                                     \
    return "fast_unwind_on_malloc=0";                                   \
  }

/* The largest catalogue read, in bytes (256 MiB; the largest real ones
   are some tens of MB): a larger one is an error ("limit").
   libgettextpo keeps a whole catalogue in memory, at several times its
   size.  */
#define TMC_PO_MAX_BYTES ((size_t) 256 << 20)

/* ---------------------------------------------------------------- */
/* Languages.  */

/* The Plural-Forms header value for the language TAG (a PO "ll_CC" or
   a BCP 47 "ll-Ssss-CC" tag; the primary subtag decides), e.g.
   "nplurals=2; plural=(n > 1);" for "fa", or NULL when tmconv does not
   know the language.  Static storage.  */
const char *tmc_po_plural_forms (const char *tag);

/* The English name of the language TAG ("Azerbaijani"), for the
   Language-Team field, or NULL when unknown.  Static storage.  */
const char *tmc_po_language_name (const char *tag);

/* Convert the PO language code PO_LANG ("az", "az_AZ", "sr@latin",
   "uz_UZ@cyrillic") into a BCP 47 tag ("az", "az-AZ", "sr-Latn",
   "uz-Cyrl-UZ") in BUF of SIZE bytes.  Returns BUF, or NULL when the code
   is not of that shape or does not fit.  */
char *tmc_po_lang_to_bcp47 (const char *po_lang, char *buf, size_t size);

/* Convert the BCP 47 tag TAG ("az-Latn-AZ", "fa-IR") into the PO code
   gettext uses for the Language field and file name ("az_AZ", "fa_IR";
   a script becomes an @variant where gettext has one: "sr-Latn" ->
   "sr@latin"; Latin script for az, fa's Arabic script and other default
   scripts are left out).  Returns BUF, or NULL when TAG is not a
   language tag or the result does not fit.  */
char *tmc_po_lang_from_bcp47 (const char *tag, char *buf, size_t size);

/* ---------------------------------------------------------------- */
/* Export.  */

/* The exporter reads the unit scheme of tmx.h on each unit (tuid
   "DOC:NNNN", the bead number; TMC_TMX_PROP_DOC, x-doc;
   TMC_TMX_PROP_BEAD, x-bead, the sentences of az, fa and en, "1-2-1";
   TMC_TMX_PROP_SCORE, x-score).  From them: the `#:' reference is
   DOC:N, N the number of the source sentence in its document (one
   reference per sentence of a 2-1 bead) while the document's beads come
   complete and in order, else the bead number; the `#.' comment reads
   "DOC bead N: shape 1-2-1 (az-fa-en), score 0.934".  A unit without
   them is exported all the same, referenced as FILE:N (the unit's number
   in its file), and is not fuzzy for its shape.  */
/* The default of tmc_po_export_options.fuzzy_below: the aligner's scores
   are calibrated so that beads scored >= 0.9 are right 99 times in 100
   on the development set.  */
#define TMC_PO_FUZZY_BELOW_DEFAULT 0.9

struct tmc_po_export_options {
  /* The source language: its text becomes the msgid.  Default "en".  */
  const char *source_lang;
  /* The target languages, as they will be named in the file names and
     the Language field ("az", "fa", "az_AZ"), NULL-terminated; NULL:
     every language the memories hold besides the source, by primary
     subtag, in the order first seen.  */
  const char *const *langs;
  /* The text domain: the template is DOMAIN.pot.  Required.  */
  const char *domain;
  /* Project-Id-Version; NULL: the domain.  */
  const char *project;
  /* Report-Msgid-Bugs-To; NULL: empty.  */
  const char *bugs_address;
  /* Entries whose every place scores below this are fuzzy.  */
  double fuzzy_below;
  /* The time for POT-Creation-Date and PO-Revision-Date, in seconds
     since the epoch; -1: SOURCE_DATE_EPOCH when set, else now.  */
  long long date;
  /* Do not set libgettextpo's OLD_PO_FILE_OUTPUT in the environment while
     it writes.  By default it is set for the time of each write (and
     then put back), which halves the time libgettextpo takes on UTF-8
     and gives the same bytes; a program whose other threads read the
     environment at the same time sets this.  */
  int no_env;
  /* Keep the texts of the entries (msgids, translations, comments) in a
     temporary file in this directory ("": $TMPDIR when it is set, else
     /tmp) rather than in memory, which then holds some 230 bytes an
     entry (its places and the links between the translations of a
     msgid), not the texts too.  The file is unlinked as soon as it is
     made.  NULL (the default): in memory.  */
  const char *tmpdir;
};

/* Fill OPTS with the defaults (domain "messages").  */
void tmc_po_export_options_init (struct tmc_po_export_options *opts);

/* What an export did.  */
struct tmc_po_export_stats {
  size_t units;          /* units read */
  size_t no_source;      /* units without source text: no entry */
  size_t entries;        /* entries in the template */
  size_t merged;         /* units merged into an entry made before */
  size_t with_context;   /* entries that needed a msgctxt */
  size_t n_langs;        /* number of target languages */
  /* Per target language, in the order of LANGS (at most 32 kept).  */
  struct {
    char lang[32];
    size_t translated;   /* entries with a translation, not fuzzy */
    size_t fuzzy;        /* entries with a translation, fuzzy */
    size_t untranslated; /* entries without a translation */
  } lang[32];
};

typedef struct tmc_po_export tmc_po_export;

/* Start an export with OPTS (copied).  Errors: TMC_ERR_NOMEM,
   TMC_ERR_INVALID_ARG (no domain, a domain or language that cannot be
   a file name, more than 32 languages), TMC_ERR_IO (no temporary file in
   OPTS->tmpdir).  */
enum tmc_status tmc_po_export_new (const struct tmc_po_export_options *opts,
                                   tmc_po_export **out,
                                   struct tmc_error *err);

/* Add the units of TM, read from the file NAME (used in references
   when a unit has no document id).  Units are merged with those of
   earlier calls; with no languages given, every language met becomes a
   target language.  Errors: TMC_ERR_NOMEM, TMC_ERR_ENCODING (a text that
   is not valid UTF-8); with a tmpdir, TMC_ERR_IO (the temporary file
   cannot be written or read back).  */
enum tmc_status tmc_po_export_add_tm (tmc_po_export *ex,
                                      const struct tmc_tm *tm,
                                      const char *name,
                                      struct tmc_error *err);

/* Add the unit TU, number INDEX (0-based) of the memory read from the
   file NAME: the same as tmc_po_export_add_tm one unit at a time, for a
   memory read as a stream (tmx.h).  Units of one document must come in
   their order.  Errors as tmc_po_export_add_tm.  */
enum tmc_status tmc_po_export_add_tu (tmc_po_export *ex,
                                      const struct tmc_tu *tu,
                                      const char *name, size_t index,
                                      struct tmc_error *err);

/* Write DIR/DOMAIN.pot and DIR/LANG.po for each target language
   (through tmc_output: each file appears whole or not at all), and fill
   STATS when it is not NULL.  DIR must exist.  With no target language
   given and none in the memories, only the template is written.
   Errors: TMC_ERR_IO, TMC_ERR_NOMEM, TMC_ERR_FORMAT (libgettextpo
   refused to write).  */
enum tmc_status tmc_po_export_write (tmc_po_export *ex, const char *dir,
                                     struct tmc_po_export_stats *stats,
                                     struct tmc_error *err);

/* The same in steps, so that a program can write the files in parallel
   (each file's libgettextpo work in its own process; libgettextpo is not
   thread-safe).  tmc_po_export_prepare gives the entries their contexts
   (no unit may be added afterwards) and fills STATS but the per-language
   counts; tmc_po_export_write_file writes one file: WHICH -1 is the
   template, 0 to STATS->n_langs - 1 a target language, whose counts it
   fills in STATS.  Errors as tmc_po_export_write, and
   TMC_ERR_INVALID_ARG for a WHICH out of range.  */
enum tmc_status tmc_po_export_prepare (tmc_po_export *ex,
                                       struct tmc_po_export_stats *stats,
                                       struct tmc_error *err);
enum tmc_status tmc_po_export_write_file (tmc_po_export *ex, const char *dir,
                                          int which,
                                          struct tmc_po_export_stats *stats,
                                          struct tmc_error *err);

/* Free EX (NULL allowed).  */
void tmc_po_export_free (tmc_po_export *ex);

/* ---------------------------------------------------------------- */
/* Import.  */

/* The props and notes an import writes (and an export of the result
   reads back where it can):
     tu  prop x-context            the msgctxt
     tu  prop x-po-reference       each `#:' reference, "file:line"
     tu  note                      the extracted comments (`#.')
     tuv prop x-msgid-plural       (source) the msgid_plural
     tuv prop x-msgstr-N           (target) msgstr[N] for N >= 1
     tuv prop x-plural-forms       (target) the catalogue's Plural-Forms
     tuv prop x-po-flags           (target) the `#,' flags but fuzzy
     tuv prop x-fuzzy              (target) "yes" on an imported fuzzy
     tuv note                      (target) the translator comments  */
#define TMC_PO_PROP_CONTEXT "x-context"
#define TMC_PO_PROP_REFERENCE "x-po-reference"
#define TMC_PO_PROP_MSGID_PLURAL "x-msgid-plural"
#define TMC_PO_PROP_MSGSTR_PREFIX "x-msgstr-"
#define TMC_PO_PROP_PLURAL_FORMS "x-plural-forms"
#define TMC_PO_PROP_FLAGS "x-po-flags"
#define TMC_PO_PROP_FUZZY "x-fuzzy"

struct tmc_po_import_options {
  /* The language of the translations (a PO code or a BCP 47 tag);
     NULL: the Language field of each catalogue's header.  */
  const char *lang;
  /* The language of the msgids.  Default "en".  */
  const char *source_lang;
  /* Import fuzzy entries too (marked with the x-fuzzy prop).  */
  int include_fuzzy;
  /* Where errors and warnings go, each with its file and line (NULL:
     nowhere; the returned error still says how many there were).  */
  const struct tmc_diag_handler *diag;
  /* Do not set libgettextpo's OLD_PO_FILE_INPUT in the environment while
     it reads a UTF-8 catalogue (see tmc_po_export_options.no_env).  */
  int no_env;
};

void tmc_po_import_options_init (struct tmc_po_import_options *opts);

/* What an import did, summed over the files.  */
struct tmc_po_import_stats {
  size_t files;
  size_t messages;      /* messages read, header and obsolete left out */
  size_t imported;      /* translations added to a unit */
  size_t fuzzy_skipped;
  size_t untranslated;  /* messages without a translation */
  size_t obsolete;      /* obsolete entries: never imported */
  size_t conflicts;     /* a second, different translation in the same
                           language for the same message: the first kept */
  size_t units;         /* units in the memory */
};

typedef struct tmc_po_import tmc_po_import;

/* Start importing into TM (which the caller keeps owning; it must stay
   alive until tmc_po_import_free).  Units for messages that are already
   in TM are not looked up: each import adds its own units.  Sets the
   header's srclang when it is not set.  Errors: TMC_ERR_NOMEM.  */
enum tmc_status tmc_po_import_new (struct tmc_tm *tm,
                                   const struct tmc_po_import_options *opts,
                                   tmc_po_import **out,
                                   struct tmc_error *err);

/* Read the catalogue PATH ("-": standard input) and add its
   translations: a message already seen in an earlier file (same msgctxt
   and msgid) gets the new language in the same unit.  Every problem is
   passed to the diag handler; on error nothing of the file is added.
   Errors: TMC_ERR_IO (cannot read), TMC_ERR_SYNTAX (not a PO file, or
   errors in it: the message says how many), TMC_ERR_ENCODING (unknown
   charset, or bytes invalid in it), TMC_ERR_FORMAT (no language),
   TMC_ERR_NOMEM.  */
enum tmc_status tmc_po_import_file (tmc_po_import *im, const char *path,
                                    struct tmc_error *err);

/* The statistics so far.  */
void tmc_po_import_stats (const tmc_po_import *im,
                          struct tmc_po_import_stats *stats);

/* Free IM (NULL allowed); the memory stays with its owner.  */
void tmc_po_import_free (tmc_po_import *im);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_PO_H */
