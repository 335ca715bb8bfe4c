/* tmconv: the in-memory translation memory.

   A translation memory is a header and a list of translation units; a
   unit holds one variant (tuv) per language.  It is the model that TMX is
   read into and written from (tmx.h), that alignment results become and
   that gettext catalogues are exported from (po.h).  The structures are
   transparent; the memory they point to is owned by the tm (or, before a
   unit is added, by the unit) and freed by tmc_tm_free / tmc_tu_destroy.

   Language tags are kept as written ("az-Latn-AZ", "FA-ir", "en_US").
   tmc_lang_match compares them by their primary language subtag, so
   lookups work whatever the tool that wrote the file chose.  */

#ifndef TMCONV_TM_H
#define TMCONV_TM_H

#include <stddef.h>

#include "tmconv/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An XML attribute kept as read, for attributes the model has no field
   for (creationdate, usagecount, vendor extensions...).  */
struct tmc_attr {
  char *name;
  char *value;
};

/* A <prop type="TYPE" [xml:lang="LANG"]>VALUE</prop>; LANG may be NULL.  */
struct tmc_prop {
  char *type;
  char *lang;
  char *value;
};

/* The parts that header, unit and variant share: extra attributes,
   properties and notes, in document order within each kind.  */
struct tmc_meta {
  struct tmc_attr *attrs;
  size_t n_attrs, attrs_cap;
  struct tmc_prop *props;
  size_t n_props, props_cap;
  char **notes;
  size_t n_notes, notes_cap;
};

/* A translation unit variant: the text of one language.  */
struct tmc_tuv {
  char *lang;    /* language tag as written */
  char *text;    /* plain text of the <seg>: inline codes left out */
  char *markup;  /* the <seg>'s content as XML when it holds inline
                    elements (bpt, ept, ph, it, hi, sub, ut), else NULL */
  struct tmc_meta meta;
};

struct tmc_tu {
  char *tuid;     /* NULL when absent */
  char *srclang;  /* NULL: the header's srclang applies */
  struct tmc_meta meta;
  struct tmc_tuv *tuvs;
  size_t n_tuvs, tuvs_cap;
};

struct tmc_tm_header {
  char *version;  /* the <tmx version>, e.g. "1.4" */
  char *creationtool;
  char *creationtoolversion;
  char *segtype;
  char *o_tmf;
  char *adminlang;
  char *srclang;
  char *datatype;
  char *o_encoding;
  char *creationdate;
  char *creationid;
  char *changedate;
  char *changeid;
  struct tmc_meta meta;  /* other attributes, props and notes */
};

struct tmc_tm {
  struct tmc_tm_header header;
  struct tmc_tu *tus;
  size_t n_tus, tus_cap;
};

/* A new, empty translation memory (all header fields NULL), or NULL when
   out of memory.  */
struct tmc_tm *tmc_tm_new (void);

/* Free TM and everything it owns.  TM may be NULL.  */
void tmc_tm_free (struct tmc_tm *tm);

/* Set header field *FIELD (a pointer into TM->header) to a copy of VALUE
   (NULL clears it).  Errors: TMC_ERR_NOMEM.  */
enum tmc_status tmc_tm_set (char **field, const char *value,
                            struct tmc_error *err);

/* Initialize and destroy a unit in the caller's storage.  */
void tmc_tu_init (struct tmc_tu *tu);
void tmc_tu_destroy (struct tmc_tu *tu);

/* Move TU into TM: TM owns its contents afterwards and *TU is left
   empty (as after tmc_tu_init).  Errors: TMC_ERR_NOMEM (TU is then left
   as it was).  */
enum tmc_status tmc_tm_add_tu_move (struct tmc_tm *tm, struct tmc_tu *tu,
                                    struct tmc_error *err);

/* Append a variant in language LANG with the plain text TEXT (LEN bytes)
   to TU.  Returns the new variant, or NULL when out of memory.  */
struct tmc_tuv *tmc_tu_add_tuv (struct tmc_tu *tu, const char *lang,
                                const char *text, size_t len);

/* Add an attribute, a property or a note to META (copies of the
   strings; LANG may be NULL).  Each returns 0, or -1 when out of
   memory.  */
int tmc_meta_add_attr (struct tmc_meta *meta, const char *name,
                       const char *value);
int tmc_meta_add_prop (struct tmc_meta *meta, const char *type,
                       const char *lang, const char *value);
int tmc_meta_add_note (struct tmc_meta *meta, const char *note);

/* The value of the first property of type TYPE in META, or NULL.  */
const char *tmc_meta_prop (const struct tmc_meta *meta, const char *type);

/* The value of the attribute NAME in META, or NULL.  */
const char *tmc_meta_attr (const struct tmc_meta *meta, const char *name);

/* The first variant of TU whose language matches LANG (tmc_lang_match),
   or NULL.  */
struct tmc_tuv *tmc_tu_find (const struct tmc_tu *tu, const char *lang);

/* 1 when tags A and B have the same primary language subtag, compared
   without regard to case ("az" matches "AZ-latn-az" and "az_AZ"), else
   0.  */
int tmc_lang_match (const char *a, const char *b);

/* Copy the primary language subtag of TAG, lowercased, into BUF of SIZE
   bytes (cut if it does not fit) and return BUF.  */
char *tmc_lang_primary (const char *tag, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_TM_H */
