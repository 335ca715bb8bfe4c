/* What the TMX reader and writer share.  Internal to libtmconv.  */

#ifndef TMC_TMX_INTERNAL_H
#define TMC_TMX_INTERNAL_H

#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "tmconv/tmx.h"

/* Append the N bytes at S to B: tmc_buf_append with the common case
   (room enough) inline, for the loops that append a piece at a time.
   Returns 0, or -1 when out of memory.  */
static inline int
tmc_tmx_buf_add (struct tmc_buf *b, const char *s, size_t n)
{
  if (b->data != NULL && n < b->cap - b->len)
    {
      memcpy (b->data + b->len, s, n);
      b->len += n;
      b->data[b->len] = '\0';
      return 0;
    }
  return tmc_buf_append (b, s, n);
}

/* The inline elements of a <seg>.  */
enum tmc_tmx_inline {
  TMC_INL_NONE = 0,
  TMC_INL_BPT,
  TMC_INL_EPT,
  TMC_INL_IT,
  TMC_INL_PH,
  TMC_INL_HI,
  TMC_INL_SUB,
  TMC_INL_UT
};

/* The inline element named NAME, or TMC_INL_NONE.  */
enum tmc_tmx_inline tmc_tmx_inline_kind (const char *name);

/* 1 when the inline element KIND may have the attribute NAME (the 1.4
   DTD), else 0.  */
int tmc_tmx_inline_attr_ok (enum tmc_tmx_inline kind, const char *name);

/* 1 when the inline element CHILD may appear directly in PARENT, where
   PARENT is an inline element or TMC_INL_NONE for <seg>.  */
int tmc_tmx_inline_child_ok (enum tmc_tmx_inline parent,
                             enum tmc_tmx_inline child);

/* 1 for the elements whose content is native code, not text: bpt, ept,
   it, ph, ut.  */
int tmc_tmx_inline_is_code (enum tmc_tmx_inline kind);

/* Append the N bytes of UTF-8 at S to B, escaped for XML text (ATTR 0)
   or for a double-quoted attribute value (ATTR 1): & < > always, " in
   attributes, CR as &#xD; (and TAB and LF as references in attributes),
   so that a parser gives back exactly S.  Characters XML 1.0 forbids
   (C0 controls other than TAB, LF, CR; U+FFFE, U+FFFF) are left out and
   counted in *DROPPED.  Returns 0, -1 when S is not valid UTF-8 (B then
   holds a partial copy), -2 when out of memory.  */
int tmc_tmx_escape (struct tmc_buf *b, const char *s, size_t n, int attr,
                    size_t *dropped);

/* 1 when the N bytes at S hold nothing but white space (XML white space
   and the Unicode space separators; not ZWNJ), else 0.  S is valid
   UTF-8.  */
int tmc_tmx_all_space (const char *s, size_t n);

/* 1 when the code point C is white space for tmc_tmx_all_space.  */
int tmc_tmx_is_space (unsigned int c);

/* Decode one UTF-8 character at S (N > 0 bytes); store it in *C and
   return its length, or return 0 when S does not start with a valid
   UTF-8 sequence.  */
size_t tmc_tmx_utf8_next (const unsigned char *s, size_t n, unsigned int *c);

/* 1 when NAME is a date attribute (creationdate, changedate,
   lastusagedate).  */
int tmc_tmx_is_date_attr (const char *name);

/* 1 when V is one of block, paragraph, sentence, phrase.  */
int tmc_tmx_segtype_ok (const char *v);

/* 1 when V is a non-empty string of ASCII digits.  */
int tmc_tmx_is_number (const char *v);

/* Case-insensitive comparison of ASCII strings: 1 when equal.  */
int tmc_tmx_streq_ci (const char *a, const char *b);

/* The attributes the 1.4 DTD allows on <tu> and <tuv> besides tuid,
   srclang and xml:lang: 1 when NAME is one of them for a unit (TUV 0)
   or a variant (TUV 1).  */
int tmc_tmx_unit_attr_ok (const char *name, int tuv);

/* Free what META owns and leave it empty.  */
void tmc_tmx_meta_free (struct tmc_meta *meta);

/* Free what HEADER owns and leave it empty.  */
void tmc_tmx_header_destroy (struct tmc_tm_header *header);

/* Test hook: keep only the low BITS bits of the hashes of MERGER (in
   spill mode; 0: every key and text hashes alike), so that the tests can
   show that units whose hashes collide are told apart by their texts.  */
void tmc_tmx_merger_test_hash_bits (tmc_tmx_merger *merger, unsigned bits);

#endif /* TMC_TMX_INTERNAL_H */
