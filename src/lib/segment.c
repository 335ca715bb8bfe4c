/* The segmenter: paragraphs, deliberate line breaks, and the SRX rule
   engine (see segment.h for what it does).  */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "internal.h"
#include "srx-internal.h"
#include "text-internal.h"
#include "tmconv/segment.h"
#include "tmconv/text.h"

/* Paragraphs whose longest line is shorter than this (in characters)
   are never taken as wrapped: prose is wrapped at 60 to 80 columns
   (e-mail, text editors), and short lines are headlines, datelines and
   list items.  */
#define MIN_WRAP_WIDTH 50

struct seg_rule {
  pcre2_code *code;  /* a JIT-compiled copy */
  int brk;
  const char *langrule;  /* for messages (points into the segmenter) */
  size_t index;
};

struct tmc_segmenter {
  char lang[64];
  char code[16];      /* the doc language */
  struct seg_rule *rules;
  size_t n_rules;
  size_t n_active;    /* rules after the last break rule never decide */
  char **names;       /* language rule names, owned */
  size_t n_names;
  int jit;
};

void
tmc_segmenter_free (struct tmc_segmenter *seg)
{
  if (seg == NULL)
    return;
  for (size_t i = 0; i < seg->n_rules; i++)
    pcre2_code_free (seg->rules[i].code);
  free (seg->rules);
  for (size_t i = 0; i < seg->n_names; i++)
    free (seg->names[i]);
  free (seg->names);
  free (seg);
}

const char *
tmc_segmenter_lang (const struct tmc_segmenter *seg)
{
  return seg->lang;
}

static enum tmc_status
segmenter_build (const struct tmc_srx *srx, const char *lang,
                 struct tmc_segmenter *seg, struct tmc_error *err)
{
  size_t n_lr = tmc_srx_rules_for (srx, lang, NULL, 0);
  const char **names = calloc (n_lr ? n_lr : 1, sizeof *names);
  if (names == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  tmc_srx_rules_for (srx, lang, names, n_lr);
  seg->names = calloc (n_lr ? n_lr : 1, sizeof *seg->names);
  size_t total = 0;
  for (size_t i = 0; i < n_lr; i++)
    for (size_t k = 0; k < srx->n_langrules; k++)
      if (srx->langrules[k].name == names[i])
        total += srx->langrules[k].n_rules;
  seg->rules = calloc (total ? total : 1, sizeof *seg->rules);
  if (seg->names == NULL || seg->rules == NULL)
    {
      free (names);
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
    }
  for (size_t i = 0; i < n_lr; i++)
    {
      seg->names[i] = tmc_strdup (names[i]);
      if (seg->names[i] == NULL)
        {
          free (names);
          return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                _("out of memory"));
        }
      seg->n_names++;
      const struct srx_langrule *lr = NULL;
      for (size_t k = 0; k < srx->n_langrules; k++)
        if (srx->langrules[k].name == names[i])
          lr = &srx->langrules[k];
      for (size_t j = 0; lr && j < lr->n_rules; j++)
        {
          struct seg_rule *sr = &seg->rules[seg->n_rules];
          sr->code = pcre2_code_copy (lr->rules[j].code);
          if (sr->code == NULL)
            {
              free (names);
              return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                                    _("out of memory"));
            }
          /* Without JIT (not built in, or no executable memory) the
             interpreter runs the same patterns.  */
          if (pcre2_jit_compile (sr->code, PCRE2_JIT_COMPLETE) == 0)
            seg->jit = 1;
          sr->brk = lr->rules[j].brk;
          sr->langrule = seg->names[i];
          sr->index = lr->rules[j].index;
          seg->n_rules++;
        }
    }
  free (names);
  seg->n_active = 0;
  for (size_t i = 0; i < seg->n_rules; i++)
    if (seg->rules[i].brk)
      seg->n_active = i + 1;
  return TMC_OK;
}

enum tmc_status
tmc_segmenter_new (const struct tmc_srx *srx, const char *lang,
                   struct tmc_segmenter **segp, struct tmc_error *err)
{
  *segp = NULL;
  if (lang == NULL || *lang == '\0')
    return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                          _("no language given"));
  struct tmc_segmenter *seg = calloc (1, sizeof *seg);
  if (seg == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  snprintf (seg->lang, sizeof seg->lang, "%s", lang);
  /* The document's language: "az", "fa", "en", or the tag itself.  */
  char canon[64];
  const char *code = tmc_lang_code (lang);
  if (code == NULL)
    code = tmc_lang_canonical (lang, canon, sizeof canon) ? canon : lang;
  size_t k = strlen (code);
  if (k >= sizeof seg->code)
    k = sizeof seg->code - 1;
  memcpy (seg->code, code, k);
  seg->code[k] = '\0';
  struct tmc_srx *own = NULL;
  if (srx == NULL)
    {
      enum tmc_status st = tmc_srx_builtin (&own, err);
      if (st != TMC_OK)
        {
          tmc_segmenter_free (seg);
          return st;
        }
      srx = own;
    }
  enum tmc_status st = segmenter_build (srx, lang, seg, err);
  tmc_srx_free (own);
  if (st != TMC_OK)
    {
      tmc_segmenter_free (seg);
      return st;
    }
  *segp = seg;
  return TMC_OK;
}

/* ---- Characters ---- */

/* Is the character at P (of at most N bytes) white space for trimming
   and blank lines?  Returns its length in bytes, or 0.  With INVISIBLE,
   the invisible format characters that make no text on their own (bidi
   marks, zero-width space, BOM) count too.  */
static int
space_at (const char *s, size_t n, int invisible)
{
  const unsigned char *p = (const unsigned char *) s;
  if (n == 0)
    return 0;
  if (p[0] < 0x80)
    return p[0] == ' ' || (p[0] >= '\t' && p[0] <= '\r');
  if (p[0] < 0xC2 || p[0] > 0xE3)
    return 0;
  ucs4_t c;
  int k = u8_mbtouc_unsafe (&c, p, n);
  switch (c)
    {
    case 0x0085: case 0x00A0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
      return k;
    case 0x200B: case 0x200E: case 0x200F: case 0x061C: case 0xFEFF:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
      return invisible ? k : 0;
    default:
      return c >= 0x2000 && c <= 0x200A ? k : 0;
    }
}

/* The number of characters in the N bytes at S.  */
static size_t
n_chars (const char *s, size_t n)
{
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += ((unsigned char) s[i] & 0xC0) != 0x80;
  return k;
}

/* ---- Lines and paragraphs ---- */

enum line_end { END_LINE, END_PARAGRAPH, END_TEXT };

struct line {
  size_t start, end;   /* the content, without the line end */
  size_t next;         /* where the next line starts */
  enum line_end kind;
  int blank;
};

/* The line that starts at POS of TEXT (N bytes).  Lines end at LF, VT,
   NEL (U+0085) and LINE SEPARATOR (U+2028); FF and PARAGRAPH SEPARATOR
   (U+2029) end a paragraph too.  */
static void
next_line (const char *text, size_t n, size_t pos, struct line *l)
{
  l->start = pos;
  l->blank = 1;
  size_t i = pos;
  while (i < n)
    {
      unsigned char c = (unsigned char) text[i];
      if (c == '\n' || c == '\v')
        {
          l->end = i;
          l->next = i + 1;
          l->kind = END_LINE;
          return;
        }
      if (c == '\f')
        {
          l->end = i;
          l->next = i + 1;
          l->kind = END_PARAGRAPH;
          return;
        }
      if (c == 0xC2 && i + 1 < n && (unsigned char) text[i + 1] == 0x85)
        {
          l->end = i;
          l->next = i + 2;
          l->kind = END_LINE;
          return;
        }
      if (c == 0xE2 && i + 2 < n && (unsigned char) text[i + 1] == 0x80
          && ((unsigned char) text[i + 2] == 0xA8
              || (unsigned char) text[i + 2] == 0xA9))
        {
          l->end = i;
          l->next = i + 3;
          l->kind = (unsigned char) text[i + 2] == 0xA9 ? END_PARAGRAPH
                                                         : END_LINE;
          return;
        }
      if (l->blank)
        {
          int k = space_at (text + i, n - i, 1);
          if (k > 0)
            {
              i += (size_t) k;
              continue;
            }
          l->blank = 0;
        }
      i++;
    }
  l->end = n;
  l->next = n;
  l->kind = END_TEXT;
}

/* ---- The rule engine ---- */

struct cand {
  size_t pos;
  size_t rule;  /* the first rule in order that matches here */
  int brk;
};

struct engine {
  const struct tmc_segmenter *seg;
  pcre2_match_data *md;
  struct cand *cand;
  size_t n_cand, cand_cap;
  size_t *breaks;
  size_t n_breaks, breaks_cap;
  const char *name;
  struct tmc_error *err;
};

static int
by_pos_rule (const void *a, const void *b)
{
  const struct cand *x = a, *y = b;
  if (x->pos != y->pos)
    return x->pos < y->pos ? -1 : 1;
  return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* Run rule R over SUBJECT (N bytes) from the left, calling back for
   each match end strictly inside the subject, up to LIMIT.  Returns 0,
   or -1 with the error set.  */
static int
run_rule (struct engine *e, size_t r, const char *subject, size_t n,
          size_t limit, int (*found) (struct engine *, size_t, size_t))
{
  const struct seg_rule *rule = &e->seg->rules[r];
  size_t off = 0;
  while (off <= n && off <= limit)
    {
      int rc;
      if (e->seg->jit)
        rc = pcre2_jit_match (rule->code, (PCRE2_SPTR) subject, n, off, 0,
                              e->md, NULL);
      else
        rc = pcre2_match (rule->code, (PCRE2_SPTR) subject, n, off,
                          PCRE2_NO_UTF_CHECK, e->md, NULL);
      if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
      if (rc < 0)
        {
          PCRE2_UCHAR msg[256];
          pcre2_get_error_message (rc, msg, sizeof msg);
          tmc_error_set (e->err, TMC_ERR_LIMIT, e->name, 0, 0,
                         _("rule %zu of language rule '%s' failed: %s"),
                         rule->index, rule->langrule, (char *) msg);
          return -1;
        }
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (e->md);
      size_t s = ov[0], end = ov[1];
      /* \K can put the start after the end.  */
      if (end > 0 && end < n && found (e, end, r) != 0)
        return -1;
      if (end > s)
        off = end;
      else
        {
          /* An empty match: go on one character further, as Java's
             Matcher.find does.  */
          if (end >= n)
            return 0;
          off = end + 1;
          while (off < n && ((unsigned char) subject[off] & 0xC0) == 0x80)
            off++;
        }
    }
  return 0;
}

static int
found_break (struct engine *e, size_t pos, size_t rule)
{
  if (tmc_grow ((void **) &e->cand, &e->cand_cap, e->n_cand + 1,
                sizeof *e->cand) != 0)
    {
      tmc_error_set (e->err, TMC_ERR_NOMEM, e->name, 0, 0,
                     _("out of memory"));
      return -1;
    }
  e->cand[e->n_cand].pos = pos;
  e->cand[e->n_cand].rule = rule;
  e->cand[e->n_cand].brk = 1;
  e->n_cand++;
  return 0;
}

static int
found_nobreak (struct engine *e, size_t pos, size_t rule)
{
  /* Binary search among the candidates (sorted, one per position).  */
  size_t lo = 0, hi = e->n_cand;
  while (lo < hi)
    {
      size_t mid = (lo + hi) / 2;
      if (e->cand[mid].pos < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < e->n_cand && e->cand[lo].pos == pos && e->cand[lo].rule > rule)
    {
      e->cand[lo].rule = rule;
      e->cand[lo].brk = 0;
    }
  return 0;
}

/* The break positions of the SRX rules inside SUBJECT (N bytes) into
   e->breaks (offsets into SUBJECT, ascending).  Break rules are run
   first; a no-break rule is run only when a break found by a later rule
   is still standing, and only as far as the last such break.  */
static int
rule_breaks (struct engine *e, const char *subject, size_t n)
{
  const struct tmc_segmenter *seg = e->seg;
  e->n_cand = 0;
  e->n_breaks = 0;
  for (size_t r = 0; r < seg->n_active; r++)
    if (seg->rules[r].brk
        && run_rule (e, r, subject, n, n, found_break) != 0)
      return -1;
  if (e->n_cand == 0)
    return 0;
  qsort (e->cand, e->n_cand, sizeof *e->cand, by_pos_rule);
  size_t w = 0;
  for (size_t i = 0; i < e->n_cand; i++)
    if (w == 0 || e->cand[w - 1].pos != e->cand[i].pos)
      e->cand[w++] = e->cand[i];
  e->n_cand = w;
  for (size_t r = 0; r < seg->n_active; r++)
    {
      if (seg->rules[r].brk)
        continue;
      /* The last candidate this rule could still overturn.  */
      size_t last = 0;
      int any = 0;
      for (size_t i = 0; i < e->n_cand; i++)
        if (e->cand[i].brk && e->cand[i].rule > r)
          {
            last = e->cand[i].pos;
            any = 1;
          }
      if (!any)
        continue;
      if (run_rule (e, r, subject, n, last, found_nobreak) != 0)
        return -1;
    }
  for (size_t i = 0; i < e->n_cand; i++)
    if (e->cand[i].brk)
      {
        if (tmc_grow ((void **) &e->breaks, &e->breaks_cap, e->n_breaks + 1,
                      sizeof *e->breaks) != 0)
          {
            tmc_error_set (e->err, TMC_ERR_NOMEM, e->name, 0, 0,
                           _("out of memory"));
            return -1;
          }
        e->breaks[e->n_breaks++] = e->cand[i].pos;
      }
  return 0;
}

/* Add the text between A and B, trimmed, as a sentence.  *ADDED is set
   when it was not blank.  */
static enum tmc_status
add_piece (struct tmc_doc *doc, size_t a, size_t b, size_t paragraph,
           int *added, struct tmc_error *err)
{
  const char *t = doc->text;
  int k;
  while (a < b && (k = space_at (t + a, b - a, 0)) > 0)
    a += (size_t) k;
  while (b > a)
    {
      /* Step back one character.  */
      size_t c = b - 1;
      while (c > a && ((unsigned char) t[c] & 0xC0) == 0x80)
        c--;
      if (space_at (t + c, b - c, 0) == 0)
        break;
      b = c;
    }
  if (a == b)
    return TMC_OK;
  *added = 1;
  return tmc_doc_add_sentence (doc, a, b - a, paragraph, err);
}

/* Segment the piece [A, B) of DOC's text (a paragraph, or a part of one
   that deliberate line breaks mark off) with the rules.  */
static enum tmc_status
segment_piece (struct engine *e, struct tmc_doc *doc, size_t a, size_t b,
               size_t paragraph, int *added)
{
  if (e->seg->n_active > 0 && rule_breaks (e, doc->text + a, b - a) != 0)
    return e->err ? e->err->status : TMC_ERR_NOMEM;
  size_t prev = a;
  for (size_t i = 0; i < (e->seg->n_active ? e->n_breaks : 0); i++)
    {
      enum tmc_status st = add_piece (doc, prev, a + e->breaks[i], paragraph,
                                      added, e->err);
      if (st != TMC_OK)
        return st;
      prev = a + e->breaks[i];
    }
  return add_piece (doc, prev, b, paragraph, added, e->err);
}

/* Does line L look like a headline or a dateline before line M: it
   starts with a capital letter or a digit, ends without a stop, comma,
   colon, semicolon or hyphen, and M starts with a capital letter, a
   digit or an opening quote?  */
static int
headline_before (const char *text, const struct line *l, const struct line *m)
{
  size_t a = l->start, b = l->end;
  int k;
  while (a < b && (k = space_at (text + a, b - a, 1)) > 0)
    a += (size_t) k;
  while (b > a)
    {
      size_t c = b - 1;
      while (c > a && ((unsigned char) text[c] & 0xC0) == 0x80)
        c--;
      if (space_at (text + c, b - c, 1) == 0)
        break;
      b = c;
    }
  if (a == b)
    return 0;
  ucs4_t first, last;
  u8_mbtouc (&first, (const uint8_t *) text + a, b - a);
  size_t c = b - 1;
  while (c > a && ((unsigned char) text[c] & 0xC0) == 0x80)
    c--;
  u8_mbtouc (&last, (const uint8_t *) text + c, b - c);
  if (!uc_is_upper (first) && !uc_is_digit (first))
    return 0;
  if (strchr (".,;:-!?", (int) last) != NULL && last < 0x80)
    return 0;
  if (last == 0x2026 || last == 0x061F || last == 0x06D4 || last == 0x060C
      || last == 0x061B || last == 0x2013 || last == 0x2014)
    return 0;
  size_t s = m->start;
  while (s < m->end && (k = space_at (text + s, m->end - s, 1)) > 0)
    s += (size_t) k;
  if (s == m->end)
    return 0;
  ucs4_t next;
  int n = u8_mbtouc (&next, (const uint8_t *) text + s, m->end - s);
  if (next == '"' || next == 0x201C || next == 0x00AB || next == '\''
      || next == 0x2018 || next == '(')
    {
      if ((size_t) n >= m->end - s)
        return 0;
      u8_mbtouc (&next, (const uint8_t *) text + s + n, m->end - s - n);
    }
  return uc_is_upper (next) || uc_is_digit (next);
}

/* Is the line break after line L (followed by line M, in a paragraph
   whose longest line has MAXLEN characters) a wrap, not a break the
   writer meant?  HEAD is set when L is the first line of its paragraph
   or follows a break that was meant.  */
static int
is_wrap (const char *text, const struct line *l, const struct line *m,
         size_t maxlen, int head, size_t n_lines)
{
  if (maxlen < MIN_WRAP_WIDTH)
    return 0;
  /* A headline is shorter than the lines of a wrapped paragraph, whose
     width the longest line gives; with two lines there is no telling.  */
  if (head && headline_before (text, l, m)
      && (n_lines == 2
          || n_chars (text + l->start, l->end - l->start) * 10 < maxlen * 9))
    return 0;
  /* The line without trailing white space.  */
  size_t end = l->end;
  while (end > l->start)
    {
      size_t c = end - 1;
      while (c > l->start && ((unsigned char) text[c] & 0xC0) == 0x80)
        c--;
      if (space_at (text + c, end - c, 1) == 0)
        break;
      end = c;
    }
  /* A word cut with a hyphen: "inter-" / "national".  */
  if (end - l->start >= 2 && text[end - 1] == '-'
      && text[end - 2] != ' ' && text[end - 2] != '-')
    return 1;
  size_t len = n_chars (text + l->start, end - l->start);
  /* The next line's first word.  */
  size_t s = m->start;
  int k;
  while (s < m->end && (k = space_at (text + s, m->end - s, 1)) > 0)
    s += (size_t) k;
  size_t w = s;
  while (w < m->end && space_at (text + w, m->end - w, 0) == 0)
    w++;
  size_t word = n_chars (text + s, w - s);
  return len + 1 + word > maxlen;
}

/* Segment the paragraph made of LINES[0..N) (no blank lines).  */
static enum tmc_status
segment_paragraph (struct engine *e, struct tmc_doc *doc,
                   const struct line *lines, size_t n, size_t paragraph,
                   int *added)
{
  size_t maxlen = 0;
  for (size_t i = 0; i < n && n > 1; i++)
    {
      size_t len = n_chars (doc->text + lines[i].start,
                            lines[i].end - lines[i].start);
      if (len > maxlen)
        maxlen = len;
    }
  size_t first = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (i + 1 < n && is_wrap (doc->text, &lines[i], &lines[i + 1], maxlen,
                                first == i, n))
        continue;
      enum tmc_status st = segment_piece (e, doc, lines[first].start,
                                          lines[i].end, paragraph, added);
      if (st != TMC_OK)
        return st;
      first = i + 1;
    }
  return TMC_OK;
}

enum tmc_status
tmc_segment_move (const struct tmc_segmenter *seg, const char *name,
                  char *text, size_t text_len, struct tmc_doc **docp,
                  struct tmc_error *err)
{
  *docp = NULL;
  struct tmc_doc *doc = tmc_doc_new_move (seg->code, name, text, text_len);
  if (doc == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0, _("out of memory"));
  struct engine e;
  memset (&e, 0, sizeof e);
  e.seg = seg;
  e.name = name;
  e.err = err;
  enum tmc_status st = TMC_OK;
  if (seg->n_active > 0)
    {
      e.md = pcre2_match_data_create (1, NULL);
      if (e.md == NULL)
        {
          tmc_doc_free (doc);
          return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                                _("out of memory"));
        }
    }
  struct line *lines = NULL;
  size_t n_lines = 0, lines_cap = 0;
  size_t paragraph = 0;
  size_t pos = 0;
  while (st == TMC_OK)
    {
      struct line l;
      int at_end = pos >= text_len;
      if (!at_end)
        next_line (doc->text, text_len, pos, &l);
      if (!at_end && !l.blank)
        {
          if (tmc_grow ((void **) &lines, &lines_cap, n_lines + 1,
                        sizeof *lines) != 0)
            {
              st = tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0,
                                  _("out of memory"));
              break;
            }
          lines[n_lines++] = l;
        }
      if (at_end || l.blank || l.kind != END_LINE)
        {
          /* The paragraph ends here.  */
          if (n_lines > 0)
            {
              int added = 0;
              st = segment_paragraph (&e, doc, lines, n_lines, paragraph,
                                      &added);
              if (added)
                paragraph++;
              n_lines = 0;
            }
        }
      if (at_end)
        break;
      pos = l.next;
    }
  free (lines);
  free (e.cand);
  free (e.breaks);
  pcre2_match_data_free (e.md);
  if (st != TMC_OK)
    {
      tmc_doc_free (doc);
      return st;
    }
  *docp = doc;
  return TMC_OK;
}

enum tmc_status
tmc_segment_text (const struct tmc_segmenter *seg, const char *name,
                  const char *text, size_t text_len, struct tmc_doc **doc,
                  struct tmc_error *err)
{
  *doc = NULL;
  char *copy = tmc_strndup (text ? text : "", text ? text_len : 0);
  if (copy == NULL)
    return tmc_error_set (err, TMC_ERR_NOMEM, name, 0, 0, _("out of memory"));
  return tmc_segment_move (seg, name, copy, text ? text_len : 0, doc, err);
}

enum tmc_status
tmc_segment_file (const char *path, const struct tmc_segment_options *opts,
                  struct tmc_doc **doc, struct tmc_error *err)
{
  *doc = NULL;
  static const struct tmc_segment_options none = TMC_SEGMENT_OPTIONS_INIT;
  if (opts == NULL)
    opts = &none;
  char tag[64];
  const char *lang = NULL;
  if (opts->segmenter != NULL)
    lang = opts->segmenter->lang;
  else if (opts->lang != NULL)
    {
      lang = tmc_lang_canonical (opts->lang, tag, sizeof tag);
      if (lang == NULL)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, NULL, 0, 0,
                              _("'%s' is not a language tag"), opts->lang);
    }
  else
    {
      lang = tmc_lang_from_filename (path, tag, sizeof tag);
      if (lang == NULL)
        return tmc_error_set (err, TMC_ERR_INVALID_ARG, path, 0, 0,
                              _("cannot tell the language of the file: "
                                "name it NAME.LANG.txt (LANG az, fa or en) "
                                "or give the language (--lang)"));
    }
  char *text;
  size_t len;
  enum tmc_status st = tmc_text_read (path, opts->from_code, opts->warn,
                                      &text, &len, err);
  if (st != TMC_OK)
    return st;
  struct tmc_segmenter *own = NULL;
  const struct tmc_segmenter *seg = opts->segmenter;
  if (seg == NULL)
    {
      st = tmc_segmenter_new (opts->srx, lang, &own, err);
      if (st != TMC_OK)
        {
          free (text);
          return st;
        }
      seg = own;
    }
  st = tmc_segment_move (seg, path, text, len, doc, err);
  tmc_segmenter_free (own);
  return st;
}
