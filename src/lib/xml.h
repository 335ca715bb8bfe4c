/* What tmconv's two XML readers (TMX, tmx-read.c; SRX, srx.c) share: the
   entity policy.  Internal to libtmconv.

   No DTD, external entity or parameter entity is ever read, so nothing
   is fetched and no file is opened behind the user's back (XXE); an
   entity declaration is an error (a TMX or SRX file needs none, and an
   entity the reader did not expand would silently take text out); a
   reference to an undeclared entity is an error.  expat's protection
   against entity expansion stays on as a second line.  */

#ifndef TMC_XML_H
#define TMC_XML_H

#ifndef XML_DTD
/* Debian's libexpat is built with DTD support; the declarations of the
   entity-expansion protection depend on this.  */
# define XML_DTD 1
#endif
#include <expat.h>

#include "tmconv/error.h"

/* The first member of a reader's state, which is the parser's user
   data: how the shared handlers stop the reader.  */
struct tmc_xml_guard {
  /* Stop the reader (whose state starts with this guard) with STATUS and
     MESSAGE at the parser's current place.  */
  void (*fail) (struct tmc_xml_guard *guard, enum tmc_status status,
                const char *message);
  /* The message for an internal entity declaration, one %s: its name.  */
  const char *entity_message;
};

/* Install the entity policy on P, whose user data starts with a
   struct tmc_xml_guard.  */
void tmc_xml_guard_install (XML_Parser p);

#endif /* TMC_XML_H */
