/* Calling libgettextpo safely: one lock, a handler that records what
   libgettextpo reports and longjmps out of fatal errors, and a first look
   at a file before libgettextpo reads it.  */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "internal.h"
#include "po-internal.h"
#include "tmconv/io.h"

static pthread_mutex_t po_lock = PTHREAD_MUTEX_INITIALIZER;

/* The session the handler reports to; only touched under PO_LOCK.  */
static struct tmc_po_session *current;

static char *
one_line (const char *text)
{
  /* libgettextpo's multi-line messages end each line with a newline;
     ours are one line.  */
  size_t n = strlen (text);
  while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
    n--;
  char *s = tmc_strndup (text, n);
  if (s == NULL)
    return NULL;
  for (char *p = s; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return s;
}

static int
diags_push (struct tmc_po_diags *d, enum tmc_diag_severity severity,
            const char *code, unsigned long line, unsigned long column,
            const char *message, unsigned long related_line,
            const char *related_message)
{
  if (tmc_grow ((void **) &d->v, &d->cap, d->n + 1, sizeof d->v[0]) != 0)
    {
      d->nomem = 1;
      return -1;
    }
  struct tmc_po_diag *x = &d->v[d->n];
  memset (x, 0, sizeof *x);
  x->severity = severity;
  x->code = code;
  x->line = line;
  x->column = column;
  x->message = one_line (message);
  x->related_line = related_line;
  if (related_message)
    x->related_message = one_line (related_message);
  if (x->message == NULL || (related_message && x->related_message == NULL))
    {
      free (x->message);
      free (x->related_message);
      d->nomem = 1;
      return -1;
    }
  d->n++;
  if (severity == TMC_DIAG_ERROR)
    d->n_errors++;
  return 0;
}

int
tmc_po_diags_add (struct tmc_po_diags *diags, enum tmc_diag_severity severity,
                  const char *code, unsigned long line, unsigned long column,
                  const char *message)
{
  return diags_push (diags, severity, code, line, column, message, 0, NULL);
}

void
tmc_po_diags_destroy (struct tmc_po_diags *diags)
{
  for (size_t i = 0; i < diags->n; i++)
    {
      free (diags->v[i].message);
      free (diags->v[i].related_message);
    }
  free (diags->v);
  memset (diags, 0, sizeof *diags);
}

void
tmc_po_diags_emit (const struct tmc_po_diags *diags, const char *file,
                   const struct tmc_diag_handler *handler)
{
  if (handler == NULL || handler->fn == NULL)
    return;
  for (size_t i = 0; i < diags->n; i++)
    {
      const struct tmc_po_diag *x = &diags->v[i];
      struct tmc_diag d = { x->severity, x->code, file, x->line, x->column,
                            x->message, x->related_line,
                            x->related_message };
      handler->fn (handler->data, &d);
    }
}

/* The head of gettext's struct message_ty (gettext-tools/src/message.h,
   unchanged from 0.10 to 0.25): the fields the accessors of
   gettext-po.h return, then the position of the entry.  */
struct gettext_message_head {
  const char *msgctxt;
  const char *msgid;
  const char *msgid_plural;
  const char *msgstr;
  size_t msgstr_len;
  struct {
    const char *file_name;
    size_t line_number;
  } pos;
};

unsigned long
tmc_po_message_line (po_message_t m, const char *path)
{
  if (m == NULL)
    return 0;
  const struct gettext_message_head *h
    = (const struct gettext_message_head *) (void *) m;
  if (h->msgctxt != po_message_msgctxt (m) || h->msgid != po_message_msgid (m)
      || h->msgid_plural != po_message_msgid_plural (m)
      || h->msgstr != po_message_msgstr (m) || h->msgstr == NULL
      || h->msgstr_len <= strlen (h->msgstr) || h->pos.file_name == NULL)
    return 0;
  if (path != NULL && strcmp (path, "-") != 0
      && strcmp (h->pos.file_name, path) != 0)
    return 0;
  if (h->pos.line_number == (size_t) -1 || h->pos.line_number > (size_t) -2)
    return 0;
  return (unsigned long) h->pos.line_number;
}

void
tmc_po_file_free (po_file_t f)
{
  if (f == NULL)
    return;
  po_message_iterator_t it = po_message_iterator (f, NULL);
  po_message_t m;
  while ((m = po_next_message (it)) != NULL)
    if (po_message_msgctxt (m) != NULL)
      po_message_set_msgctxt (m, NULL);  /* frees it */
  po_message_iterator_free (it);
  po_file_free (f);
}

int
tmc_po_is_header (po_message_t m)
{
  return po_message_msgctxt (m) == NULL && po_message_msgid (m)[0] == '\0';
}

static enum tmc_diag_severity
severity_of (int severity)
{
  return severity == PO_SEVERITY_WARNING ? TMC_DIAG_WARNING : TMC_DIAG_ERROR;
}

static unsigned long
place_line (const char *filename, size_t lineno, po_message_t m,
            const char *path)
{
  if (filename != NULL && lineno != (size_t) -1 && lineno != 0)
    return (unsigned long) lineno;
  return tmc_po_message_line (m, path);
}

/* The session a report of libgettextpo goes to.  Outside a session (a
   bug of ours) a fatal error must still not let libgettextpo go on.  */
static struct tmc_po_session *
session_for (int severity)
{
  if (current == NULL && severity == PO_SEVERITY_FATAL_ERROR)
    abort ();
  return current;
}

static unsigned long
place_column (const char *filename, size_t lineno, size_t column)
{
  if (filename != NULL && lineno != (size_t) -1 && column != (size_t) -1)
    return (unsigned long) column;
  return 0;
}

/* After recording a report: a fatal error never returns to
   libgettextpo.  */
static void
after_report (struct tmc_po_session *s, int severity)
{
  if (severity == PO_SEVERITY_FATAL_ERROR)
    {
      s->fatal_seen = 1;
      longjmp (s->fatal, 1);
    }
}

static void
on_xerror (int severity, po_message_t message, const char *filename,
           size_t lineno, size_t column, int multiline_p,
           const char *message_text)
{
  (void) multiline_p;
  struct tmc_po_session *s = session_for (severity);
  if (s == NULL)
    return;
  unsigned long line = place_line (filename, lineno, message, s->path);
  /* Like msgfmt (error_one_per_line), one error per line: text that is
     not PO gives one per word otherwise.  */
  if (severity == PO_SEVERITY_ERROR && line != 0 && s->diags.n > 0
      && s->diags.v[s->diags.n - 1].severity == TMC_DIAG_ERROR
      && s->diags.v[s->diags.n - 1].line == line)
    return;
  /* po_file_check_all's complaints about the header entry.  */
  const char *code = s->code;
  if (message != NULL && strcmp (code, "check") == 0
      && tmc_po_is_header (message))
    code = "header";
  diags_push (&s->diags, severity_of (severity), code, line,
              place_column (filename, lineno, column),
              message_text ? message_text : "", 0, NULL);
  after_report (s, severity);
}

static void
on_xerror2 (int severity, po_message_t message1, const char *filename1,
            size_t lineno1, size_t column1, int multiline_p1,
            const char *message_text1, po_message_t message2,
            const char *filename2, size_t lineno2, size_t column2,
            int multiline_p2, const char *message_text2)
{
  (void) multiline_p1;
  (void) multiline_p2;
  (void) column2;
  struct tmc_po_session *s = session_for (severity);
  if (s == NULL)
    return;
  unsigned long line = place_line (filename1, lineno1, message1, s->path);
  unsigned long line2 = place_line (filename2, lineno2, message2, s->path);
  /* While reading, the one problem about two messages is a duplicate.  */
  const char *code = strcmp (s->code, "syntax") == 0 ? "duplicate" : s->code;
  diags_push (&s->diags, severity_of (severity), code, line,
              place_column (filename1, lineno1, column1),
              message_text1 ? message_text1 : "", line2,
              line2 ? (message_text2 ? message_text2 : "") : NULL);
  after_report (s, severity);
}

const struct po_xerror_handler tmc_po_handler = { on_xerror, on_xerror2 };

void
tmc_po_session_begin (struct tmc_po_session *s, const char *path,
                      const char *code)
{
  memset (s, 0, sizeof *s);
  s->path = path;
  s->code = code;
  pthread_mutex_lock (&po_lock);
  current = s;
}

void
tmc_po_session_code (struct tmc_po_session *s, const char *code)
{
  s->code = code;
}

void
tmc_po_session_end (struct tmc_po_session *s)
{
  (void) s;
  current = NULL;
  pthread_mutex_unlock (&po_lock);
}

const char *
tmc_po_file_header (po_file_t f)
{
  po_message_iterator_t it = po_message_iterator (f, NULL);
  po_message_t m;
  const char *header = NULL;
  while ((m = po_next_message (it)) != NULL)
    if (tmc_po_is_header (m) && !po_message_is_obsolete (m))
      {
        header = po_message_msgstr (m);
        break;
      }
  po_message_iterator_free (it);
  return header;
}

char *
tmc_po_header_get (const char *header, const char *field)
{
  if (header == NULL)
    return NULL;
  char *v = po_header_field (header, field);
  if (v == NULL)
    return NULL;
  /* Without the blanks around the value ("Language: az \n").  */
  size_t a = strspn (v, " \t"), n = strlen (v);
  while (n > a && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r'))
    n--;
  memmove (v, v + a, n - a);
  v[n - a] = '\0';
  return v;
}

char *
tmc_po_header_charset (const char *header)
{
  if (header == NULL)
    return NULL;
  char *ct = tmc_po_header_get (header, "Content-Type");
  if (ct == NULL)
    return NULL;
  char *cs = NULL;
  for (char *p = ct; *p; p++)
    if (strncasecmp (p, "charset=", 8) == 0)
      {
        p += 8;
        size_t n = strcspn (p, " \t;\n");
        if (n > 0)
          cs = tmc_strndup (p, n);
        break;
      }
  free (ct);
  return cs;
}

/* The 1-based line of byte offset OFF in S.  */
static unsigned long
line_of (const char *s, size_t off)
{
  unsigned long line = 1;
  for (size_t i = 0; i < off; i++)
    if (s[i] == '\n')
      line++;
  return line;
}

int
tmc_po_sniff (const char *path, struct tmc_po_diags *diags, char **head,
              size_t *head_len, int *spooled)
{
  *head = NULL;
  *head_len = 0;
  *spooled = 0;
  struct tmc_error e;
  /* Standard input, a pipe or a device can be read only once.  */
  int spool = strcmp (path, "-") == 0;
  struct stat st;
  if (!spool && stat (path, &st) == 0 && !S_ISREG (st.st_mode)
      && !S_ISDIR (st.st_mode))
    spool = 1;
  *spooled = spool;
  char *buf;
  size_t n;
  tmc_error_clear (&e);
  if (tmc_read_file (path, TMC_PO_MAX_BYTES, &buf, &n, &e) != TMC_OK)
    {
      if (e.status == TMC_ERR_NOMEM)
        {
          diags->nomem = 1;
          return -2;
        }
      return tmc_po_diags_add (diags, TMC_DIAG_ERROR,
                               e.status == TMC_ERR_LIMIT ? "limit" : "io",
                               0, 0, e.message) == 0 ? -1 : -2;
    }
  const char *why = NULL;
  unsigned long line = 0;
  const unsigned char *u = (const unsigned char *) buf;
  if (n >= 4
      && ((u[0] == 0xde && u[1] == 0x12 && u[2] == 0x04 && u[3] == 0x95)
          || (u[0] == 0x95 && u[1] == 0x04 && u[2] == 0x12 && u[3] == 0xde)))
    why = _("not a PO file: this is a compiled catalogue (.mo); "
            "msgunfmt turns it back into PO");
  else if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
    {
      /* msgfmt says "syntax error" at 1:2 about it.  */
      why = _("the file starts with a UTF-8 byte order mark, which GNU "
              "gettext does not accept: remove it");
      line = 1;
    }
  else if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe)
                      || (u[0] == 0xfe && u[1] == 0xff)))
    {
      why = _("not a PO file: UTF-16 text; PO files use an "
              "ASCII-compatible charset such as UTF-8");
      line = 1;
    }
  else
    {
      const char *nul = memchr (buf, '\0', n);
      if (nul != NULL)
        {
          why = _("not a PO file: binary data (a NUL byte)");
          line = line_of (buf, (size_t) (nul - buf));
        }
    }
  if (why != NULL)
    {
      free (buf);
      return tmc_po_diags_add (diags, TMC_DIAG_ERROR, "not-po", line, 0, why)
                 == 0 ? -1 : -2;
    }
  *head = buf;
  *head_len = n;
  return 0;
}

/* Could the header of the catalogue P (N bytes) name the charset CP1255?
   libgettextpo 0.21 cannot read CP1255 with its iconv lexer: glibc's
   converter holds every Hebrew letter back (it may take a point) and
   gettext's lexer, which expects one character out of each call, calls
   abort () (msgfmt dies the same way on any CP1255 catalogue with a
   Hebrew letter in a string; found by tests/fuzz/fuzz-po).  Byte by
   byte, which is right for a single-byte charset, it reads them.  The
   charset gettext sees is the header's msgstr after its strings are
   joined and its escapes resolved, so this looks for "1255" in any case
   with string joins ('"' white space '"') taken out, and takes any
   octal or hexadecimal escape as a maybe.  Other files, the most, keep
   the iconv lexer (and its checks of multibyte sequences).  */
static int
maybe_cp1255 (const char *p, size_t n)
{
  char last[4] = { 0, 0, 0, 0 };
  for (size_t i = 0; i < n; i++)
    {
      char c = p[i];
      if (c == '\\' && i + 1 < n
          && ((p[i + 1] >= '0' && p[i + 1] <= '7') || p[i + 1] == 'x'
              || p[i + 1] == 'X'))
        return 1;
      if (c == '"')
        {
          size_t j = i + 1;
          while (j < n && (p[j] == ' ' || p[j] == '\t' || p[j] == '\n'
                           || p[j] == '\r'))
            j++;
          if (j < n && p[j] == '"')
            {
              i = j;  /* a join: nothing comes between */
              continue;
            }
        }
      last[0] = last[1];
      last[1] = last[2];
      last[2] = last[3];
      last[3] = c;
      if (memcmp (last, "1255", 4) == 0)
        return 1;
    }
  return 0;
}

unsigned long
tmc_po_field_line (const char *head, size_t head_len, const char *field)
{
  if (head == NULL)
    return 0;
  size_t flen = strlen (field);
  unsigned long line = 1;
  const char *p = head, *end = head + head_len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      const char *le = nl ? nl : end;
      /* A header line is  "Field: value\n"  possibly after msgstr.  */
      const char *q = memchr (p, '"', (size_t) (le - p));
      if (q != NULL && (size_t) (le - q - 1) >= flen
          && strncasecmp (q + 1, field, flen) == 0)
        return line;
      if (nl == NULL)
        break;
      p = nl + 1;
      line++;
    }
  return 0;
}

static int
is_utf8_name (const char *cs)
{
  return strcasecmp (cs, "UTF-8") == 0 || strcasecmp (cs, "UTF8") == 0;
}

void
tmc_po_env_begin (struct tmc_po_env *e, const char *name)
{
  e->name = name;
  e->set = 0;
  e->old = NULL;
  const char *v = getenv (name);
  if (v != NULL && *v != '\0')
    return;  /* already on */
  if (v != NULL && (e->old = tmc_strdup (v)) == NULL)
    return;
  e->set = setenv (name, "1", 1) == 0;
}

void
tmc_po_env_end (struct tmc_po_env *e)
{
  if (e->set)
    {
      if (e->old)
        setenv (e->name, e->old, 1);
      else
        unsetenv (e->name);
    }
  free (e->old);
  e->old = NULL;
  e->set = 0;
}

/* 1 when the charset name at P (up to END) is UTF-8 or UTF8, followed
   by the end of the value.  */
static int
names_utf8 (const char *p, const char *end)
{
  static const char *const names[] = { "UTF-8", "UTF8" };
  for (size_t i = 0; i < TMC_ARRAY_SIZE (names); i++)
    {
      size_t n = strlen (names[i]);
      if ((size_t) (end - p) >= n && strncasecmp (p, names[i], n) == 0
          && (p + n == end || strchr ("\\\" ;", p[n]) != NULL))
        return 1;
    }
  return 0;
}

int
tmc_po_head_is_utf8 (const char *head, size_t len)
{
  if (head == NULL)
    return 0;
  /* The header is the first entry: stop at the second msgid.  */
  int msgids = 0;
  const char *p = head, *end = head + len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      const char *le = nl ? nl : end;
      const char *q = p;
      while (q < le && (*q == ' ' || *q == '\t'))
        q++;
      if ((size_t) (le - q) >= 6 && memcmp (q, "msgid ", 6) == 0
          && ++msgids > 1)
        return 0;
      if (*q == '"'
          || ((size_t) (le - q) >= 7 && memcmp (q, "msgstr ", 7) == 0))
        for (const char *c = q; c + 8 <= le; c++)
          if (strncasecmp (c, "charset=", 8) == 0)
            return names_utf8 (c + 8, le);
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return 0;
}

/* Is the string S valid in the charset of CD (a conversion to UTF-8,
   or (iconv_t) -1 for UTF-8 itself)?  */
static int
valid_in (iconv_t cd, const char *s)
{
  if (s == NULL)
    return 1;
  size_t n = strlen (s);
  if (cd == (iconv_t) -1)
    return u8_check ((const uint8_t *) s, n) == NULL;
  iconv (cd, NULL, NULL, NULL, NULL);
  char *in = (char *) s;
  size_t in_left = n;
  char out[256];
  for (;;)
    {
      char *o = out;
      size_t o_left = sizeof out;
      size_t r = iconv (cd, in_left ? &in : NULL, in_left ? &in_left : NULL,
                        &o, &o_left);
      if (r != (size_t) -1)
        {
          if (in_left == 0)
            return 1;
          continue;
        }
      if (errno != E2BIG)
        return 0;
    }
}

/* After a byte-by-byte read that no caller checks (maybe_cp1255): what
   the iconv lexer would have reported, one error per message whose
   strings are not valid in CHARSET (NULL or "CHARSET": not known, not
   checked).  */
static void
check_bytes (struct tmc_po_session *s, po_file_t f, const char *charset,
             const char *path)
{
  if (charset == NULL || strcmp (charset, "CHARSET") == 0)
    return;
  iconv_t cd = (iconv_t) -1;
  if (!is_utf8_name (charset)
      && (cd = iconv_open ("UTF-8", charset)) == (iconv_t) -1)
    return;  /* reported as an unknown charset */
  po_message_iterator_t it = po_message_iterator (f, NULL);
  po_message_t m;
  while ((m = po_next_message (it)) != NULL)
    {
      int ok = valid_in (cd, po_message_msgctxt (m))
               && valid_in (cd, po_message_msgid (m))
               && valid_in (cd, po_message_msgid_plural (m));
      if (po_message_msgid_plural (m) == NULL)
        ok = ok && valid_in (cd, po_message_msgstr (m));
      else
        for (int i = 0; ok && po_message_msgstr_plural (m, i) != NULL; i++)
          ok = valid_in (cd, po_message_msgstr_plural (m, i));
      if (!ok)
        {
          char msg[TMC_ERROR_MESSAGE_MAX];
          snprintf (msg, sizeof msg,
                    _("bytes that are not valid in the charset %s"),
                    charset);
          tmc_po_diags_add (&s->diags, TMC_DIAG_ERROR, "charset",
                            tmc_po_message_line (m, path), 0, msg);
        }
    }
  po_message_iterator_free (it);
  if (cd != (iconv_t) -1)
    iconv_close (cd);
}

po_file_t
tmc_po_read (struct tmc_po_session *s, const char *path, char **charset,
             iconv_t *conv, int fast)
{
  *charset = NULL;
  if (conv)
    *conv = (iconv_t) -1;
  char *head;
  size_t head_len;
  int spooled;
  if (tmc_po_sniff (path, &s->diags, &head, &head_len, &spooled) != 0)
    return NULL;
  po_file_t volatile f = NULL;
  struct tmc_po_env env = { NULL, 0, NULL };
  int bytewise = fast && tmc_po_head_is_utf8 (head, head_len);
  /* Byte by byte where the iconv lexer could abort; the strings are then
     checked here, unless the caller (FAST) checks them.  */
  int unchecked = !bytewise && !fast && maybe_cp1255 (head, head_len);
  if (bytewise || maybe_cp1255 (head, head_len))
    tmc_po_env_begin (&env, "OLD_PO_FILE_INPUT");
  /* Standard input, a pipe or a device was read whole by the sniff:
     libgettextpo reads that copy, as its standard input.  */
  FILE *volatile mem = NULL;
  FILE *volatile saved_stdin = stdin;
  if (spooled)
    {
      mem = head_len > 0 ? fmemopen (head, head_len, "r")
                         : fopen ("/dev/null", "r");
      if (mem == NULL)
        {
          struct tmc_error e;
          tmc_error_set_errno (&e, errno, NULL, _("cannot read file"));
          tmc_po_diags_add (&s->diags, TMC_DIAG_ERROR, "io", 0, 0, e.message);
          tmc_po_env_end (&env);
          free (head);
          return NULL;
        }
      stdin = mem;
    }
  if (setjmp (s->fatal) == 0)
    {
      errno = 0;
      f = po_file_read (spooled ? "-" : path, &tmc_po_handler);
      if (f == NULL)
        {
          struct tmc_error e;
          tmc_error_set_errno (&e, errno ? errno : EIO, NULL,
                               _("cannot open file"));
          tmc_po_diags_add (&s->diags, TMC_DIAG_ERROR, "io", 0, 0, e.message);
        }
    }
  else
    f = NULL;
  if (mem != NULL)
    {
      stdin = saved_stdin;
      fclose (mem);
    }
  tmc_po_env_end (&env);
  if (f == NULL)
    {
      free (head);
      return NULL;
    }
  const char *header = tmc_po_file_header (f);
  char *cs = tmc_po_header_charset (header);
  if (cs != NULL && strcmp (cs, "CHARSET") != 0 && !is_utf8_name (cs))
    {
      iconv_t cd = iconv_open ("UTF-8", cs);
      if (cd == (iconv_t) -1)
        {
          char msg[TMC_ERROR_MESSAGE_MAX];
          snprintf (msg, sizeof msg,
                    _("unknown charset '%s' in the header: iconv cannot "
                      "convert it"), cs);
          unsigned long line = tmc_po_field_line (head, head_len,
                                                  "Content-Type:");
          tmc_po_diags_add (&s->diags, TMC_DIAG_ERROR, "charset", line, 0,
                            msg);
        }
      else if (conv)
        *conv = cd;
      else
        iconv_close (cd);
    }
  if (unchecked)
    check_bytes (s, f, cs, path);
  free (head);
  *charset = cs;
  return f;
}
