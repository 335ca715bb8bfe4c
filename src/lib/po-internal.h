/* What the PO modules of libtmconv share (po-*.c, check*.c): a safe way
   to call libgettextpo.  Not installed.

   libgettextpo reports problems through a po_xerror_handler that gets no
   pointer of the caller's, keeps global state, and requires the handler
   not to return on a fatal error (otherwise it exits the program).  A
   "session" gathers the diagnostics of one libgettextpo call and is the
   place a fatal error longjmps back to:

     struct tmc_po_session s;
     tmc_po_session_begin (&s, path, "syntax");   (takes the lock)
     if (setjmp (s.fatal) == 0)
       f = po_file_read (path, &tmc_po_handler);
     else
       ... s.diags holds the fatal error; anything libgettextpo had
       allocated in that call is lost (it only happens on write errors
       and iconv failures) ...
     tmc_po_session_end (&s);                     (releases the lock)
     ... use s.diags, then tmc_po_diags_destroy (&s.diags) ...  */

#ifndef TMC_PO_INTERNAL_H
#define TMC_PO_INTERNAL_H

#include <gettext-po.h>
#include <iconv.h>
#include <setjmp.h>
#include <stddef.h>

#include "tmconv/error.h"
#include "tmconv/po.h"

/* One diagnostic, owning its strings.  */
struct tmc_po_diag {
  enum tmc_diag_severity severity;
  const char *code;  /* static */
  unsigned long line, column;
  char *message;
  unsigned long related_line;
  char *related_message;
};

struct tmc_po_diags {
  struct tmc_po_diag *v;
  size_t n, cap;
  size_t n_errors;
  int nomem;  /* a diagnostic could not be stored */
};

struct tmc_po_session {
  const char *path;      /* as given to libgettextpo */
  const char *code;      /* code for diagnostics of this call */
  struct tmc_po_diags diags;
  int fatal_seen;
  jmp_buf fatal;
};

/* The handler to pass to libgettextpo inside a session.  */
extern const struct po_xerror_handler tmc_po_handler;

/* Take the libgettextpo lock and make S the current session (its diags
   start empty).  CODE names the kind of problems the call reports
   ("syntax" for reading, "check" for po_file_check_all).  */
void tmc_po_session_begin (struct tmc_po_session *s, const char *path,
                           const char *code);

/* Switch the code of the current session (between calls).  */
void tmc_po_session_code (struct tmc_po_session *s, const char *code);

/* Release the lock.  S->diags stays with the caller.  */
void tmc_po_session_end (struct tmc_po_session *s);

/* Add a diagnostic of our own to DIAGS (MESSAGE is copied).  Returns 0,
   or -1 when out of memory (DIAGS->nomem is then set).  */
int tmc_po_diags_add (struct tmc_po_diags *diags,
                      enum tmc_diag_severity severity, const char *code,
                      unsigned long line, unsigned long column,
                      const char *message);

void tmc_po_diags_destroy (struct tmc_po_diags *diags);

/* Pass every diagnostic of DIAGS about FILE to HANDLER (may be NULL).  */
void tmc_po_diags_emit (const struct tmc_po_diags *diags, const char *file,
                        const struct tmc_diag_handler *handler);

/* The line of the message M read from PATH by po_file_read (the line of
   its msgstr, as msgfmt reports it), or 0 when not known.  libgettextpo
   has no accessor for it; this reads the position that its message
   structure keeps after the msgctxt, msgid, msgid_plural and msgstr
   pointers, and only after checking that those four are where the
   public accessors find them and that the position names PATH.  */
unsigned long tmc_po_message_line (po_message_t m, const char *path);

/* po_file_free, and first the contexts of the messages, which
   libgettextpo's message_free forgets (a leak of every msgctxt).  */
void tmc_po_file_free (po_file_t f);

/* 1 when M is a header entry (no msgctxt, empty msgid).  */
int tmc_po_is_header (po_message_t m);

/* The header msgstr of F (in its storage), or NULL when it has no
   header entry.  Like po_file_domain_header, which in gettext 0.21
   returns a copy that its const type says not to free.  */
const char *tmc_po_file_header (po_file_t f);

/* The value of the field FIELD of HEADER (a header msgstr), without the
   blanks around it, freshly allocated; NULL when there is no such field.
   (po_header_field, trimmed.)  */
char *tmc_po_header_get (const char *header, const char *field);

/* The charset named in the Content-Type field of HEADER (a header
   msgstr), freshly allocated, or NULL when there is none.  */
char *tmc_po_header_charset (const char *header);

/* A first look at a file before libgettextpo reads it: PATH must be a
   readable file (or "-"), not a compiled .mo catalogue, not UTF-16,
   without a byte order mark and without NUL bytes, and at most
   TMC_PO_MAX_BYTES long.  *HEAD receives the whole of it (freshly
   allocated, NUL-terminated; *HEAD_LEN bytes), so the caller can find
   the line of a header field.  *SPOOLED is set when PATH is standard
   input ("-"), a pipe or a device, which can be read only once: the
   caller then gives libgettextpo *HEAD.  On failure adds a diagnostic
   ("io", "limit" or "not-po") to DIAGS and returns -1; returns -2 when
   out of memory.  */
int tmc_po_sniff (const char *path, struct tmc_po_diags *diags, char **head,
                  size_t *head_len, int *spooled);

/* The 1-based line of the first line of HEAD (HEAD_LEN bytes) that holds
   the header field FIELD in a string ("Content-Type:"), or 0.  */
unsigned long tmc_po_field_line (const char *head, size_t head_len,
                                 const char *field);

/* libgettextpo (0.21 to 0.25) finds the characters of a catalogue in
   its charset by calling iconv on each one, when reading (po-lex.c) and
   when writing (write-po.c), which is half of its time on a UTF-8 file.
   Its variables OLD_PO_FILE_INPUT and OLD_PO_FILE_OUTPUT (meant for old
   files with extra backslashes after some CJK characters) make it go
   byte by byte instead, which for valid UTF-8 gives the same strings and
   the same output: no UTF-8 byte of a multibyte character is ASCII, and
   line breaking is computed apart, with libunistring.  Only columns in
   error messages then count bytes, and libgettextpo no longer reports
   invalid UTF-8 (the caller must check it).  tmc_po_env_begin sets the
   variable NAME for one libgettextpo call; tmc_po_env_end puts back what
   was there.  The environment is the process's: other threads must not
   read it meanwhile.  */
struct tmc_po_env {
  const char *name;
  int set;     /* we set it */
  char *old;   /* its value before, or NULL when it had none */
};

void tmc_po_env_begin (struct tmc_po_env *e, const char *name);
void tmc_po_env_end (struct tmc_po_env *e);

/* 1 when the header in HEAD (the first bytes of a catalogue) declares
   charset=UTF-8, before the first entry that is not the header.  */
int tmc_po_head_is_utf8 (const char *head, size_t len);

/* Read PATH with libgettextpo inside a session: sniff it, read it, check
   its charset (an unknown one is an error "charset").  Returns the file
   or NULL (when it could not be opened or is not a PO file at all); the
   diagnostics are in S->diags either way.  The caller has called
   tmc_po_session_begin and calls tmc_po_session_end.  *CHARSET receives
   the declared charset (freshly allocated) or NULL; *CONV, when CONV is
   not NULL, a conversion to UTF-8 when that charset is not UTF-8 (else
   (iconv_t) -1).  With FAST, a file whose header says UTF-8 is read
   byte by byte (see tmc_po_env_begin): the caller then checks that its
   strings are valid UTF-8.  Returns NULL with S->diags.nomem set when out
   of memory.  */
po_file_t tmc_po_read (struct tmc_po_session *s, const char *path,
                       char **charset, iconv_t *conv, int fast);

/* A map from strings to sizes (open addressing, FNV-1a), for message
   keys ("msgctxt\4msgid" as in .mo files, or the msgid alone).  With
   OWNS the map copies and frees its keys; else it borrows them.  */
struct tmc_po_map {
  char **keys;
  size_t *vals;
  size_t cap, n;
  int owns;
};

int tmc_po_map_init (struct tmc_po_map *m, int owns);
void tmc_po_map_destroy (struct tmc_po_map *m);

/* A pointer to the value of KEY, or NULL.  */
size_t *tmc_po_map_get (const struct tmc_po_map *m, const char *key);

/* Add KEY with VAL unless it is there; returns a pointer to its value
   (*ADDED says whether it is new), or NULL when out of memory.  */
size_t *tmc_po_map_put (struct tmc_po_map *m, const char *key, size_t val,
                        int *added);

/* The key of message M ("msgctxt\4msgid" or the msgid) in B.  Returns
   B->data, or NULL when out of memory.  */
struct tmc_buf;
const char *tmc_po_message_key (po_message_t m, struct tmc_buf *b);

/* Test hook: write catalogues in pieces of N entries (0: the default,
   2048), so that the tests can show that the pieces join into the same
   bytes as one piece.  */
void tmc_po_export_test_piece (size_t n);

/* Test hook: keep only the low BITS bits of the hashes of the texts of
   the exporters made afterwards (0: every text hashes alike), so that the
   tests can show that texts are told apart by their bytes.  */
void tmc_po_export_test_hash_bits (unsigned bits);

#endif /* TMC_PO_INTERNAL_H */
