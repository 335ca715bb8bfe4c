/* tmconv: error and warning reporting.

   Every fallible libtmconv call returns an enum tmc_status and takes a
   'struct tmc_error *ERR' as its last argument (NULL allowed).  On failure
   the library fills *ERR with the status, a translated message (lowercase,
   no final period, what went wrong first) and, where it is known, the file,
   line and column the error is about.  The library never prints and never
   exits: the program decides how to show the error.

   Warnings (a conversion that lost nothing but deserves attention, lenient
   reading of a non-conforming file) go to a caller-supplied handler; with
   no handler they are dropped.  */

#ifndef TMCONV_ERROR_H
#define TMCONV_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum tmc_status {
  TMC_OK = 0,
  TMC_ERR_NOMEM,        /* out of memory */
  TMC_ERR_IO,           /* a system call failed; see sys_errno */
  TMC_ERR_ENCODING,     /* input bytes are not valid in their encoding */
  TMC_ERR_SYNTAX,       /* a file is not well-formed (XML, SRX, PO, TSV) */
  TMC_ERR_FORMAT,       /* well-formed, but breaks the rules of its format */
  TMC_ERR_LIMIT,        /* a documented size limit was exceeded */
  TMC_ERR_INVALID_ARG,  /* the caller passed something unusable */
  TMC_ERR_UNSUPPORTED   /* a valid request this build cannot carry out */
};

/* Longest message text, including the terminating NUL.  */
#define TMC_ERROR_MESSAGE_MAX 512
/* Longest file name kept in an error, including the terminating NUL;
   longer names are cut (with "..." in front).  */
#define TMC_ERROR_FILE_MAX 1024

struct tmc_error {
  enum tmc_status status;
  int sys_errno;                  /* errno for TMC_ERR_IO, else 0 */
  char file[TMC_ERROR_FILE_MAX];  /* "" when not about a file */
  unsigned long line;             /* 1-based; 0 = unknown */
  unsigned long column;           /* 1-based, in characters; 0 = unknown */
  char message[TMC_ERROR_MESSAGE_MAX];
};

/* A warning handler: called with a filled 'struct tmc_error' whose status
   is TMC_OK.  DATA is the handler's own pointer.  */
typedef void tmc_warn_fn (void *data, const struct tmc_error *warning);

struct tmc_warn_handler {
  tmc_warn_fn *fn;
  void *data;
};

/* Reset ERR to "no error".  ERR may be NULL.  */
void tmc_error_clear (struct tmc_error *err);

/* A static, translated, lowercase description of STATUS.  */
const char *tmc_strerror (enum tmc_status status);

/* Fill ERR (if not NULL) and return STATUS.  FILE may be NULL; LINE and
   COLUMN may be 0.  FORMAT is a printf format, already translated.  */
enum tmc_status tmc_error_set (struct tmc_error *err, enum tmc_status status,
                               const char *file, unsigned long line,
                               unsigned long column, const char *format, ...)
  __attribute__ ((format (printf, 6, 7)));

/* Like tmc_error_set with TMC_ERR_IO, recording ERRNUM and appending
   ": " and strerror (ERRNUM) to the message.  */
enum tmc_status tmc_error_set_errno (struct tmc_error *err, int errnum,
                                     const char *file, const char *format,
                                     ...)
  __attribute__ ((format (printf, 4, 5)));

/* Send a warning to HANDLER (which may be NULL, or have a NULL fn).  */
void tmc_warn (const struct tmc_warn_handler *handler, const char *file,
               unsigned long line, unsigned long column, const char *format,
               ...)
  __attribute__ ((format (printf, 5, 6)));

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_ERROR_H */
