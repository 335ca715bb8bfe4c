/* The SRX document model shared by srx.c (reader) and segment.c (rule
   engine).  Not installed.  */

#ifndef TMC_SRX_INTERNAL_H
#define TMC_SRX_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

#include "tmconv/error.h"

struct srx_rule {
  int brk;                   /* break="yes" */
  char *before;              /* <beforebreak> as written, or NULL */
  char *after;               /* <afterbreak> as written, or NULL */
  unsigned long line, col;   /* where the <rule> starts */
  size_t index;              /* 1-based, within its language rule */
  pcre2_code *code;          /* (?:BEFORE)(?=AFTER), compiled, no JIT */
};

struct srx_langrule {
  char *name;
  struct srx_rule *rules;
  size_t n_rules, rules_cap;
};

struct srx_map {
  char *pattern;
  size_t langrule;           /* index into langrules */
  pcre2_code *code;          /* ^(?:PATTERN)$ */
};

struct tmc_srx {
  char *name;                /* for messages */
  int version;               /* 1 or 2 */
  int cascade;
  int segmentsubflows;
  struct srx_langrule *langrules;
  size_t n_langrules, langrules_cap;
  struct srx_map *maps;
  size_t n_maps, maps_cap;
};

/* Compile the SRX/Java/ICU regular expression PATTERN for PCRE2: the
   options tmconv uses (UTF, UCP, any newline) after translating Java and
   ICU syntax.  On error, returns NULL with a translated description in
   MSG (of MSG_SIZE bytes).  */
pcre2_code *tmc_srx_compile (const char *pattern, int anchored_whole,
                             char *msg, size_t msg_size);

/* Translate the Java/ICU regular expression SRC into PCRE2 syntax:
   \uhhhh and \Uhhhhhhhh become \x{...}, Java's \p{IsX}, \p{InX} and
   POSIX \p{Alpha}-style names become PCRE2's, and the u, U and d flags
   (Unicode case, Unicode classes, Unix lines: always on here, or
   meaningless) are dropped from inline options.  Returns a freshly
   allocated string, or NULL with a description in MSG for what PCRE2
   cannot do (Java's class intersection &&), or when out of memory
   (MSG empty).  */
char *tmc_srx_translate (const char *src, char *msg, size_t msg_size);

#endif /* TMC_SRX_INTERNAL_H */
