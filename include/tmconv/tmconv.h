/* tmconv: align Azerbaijani, Persian and English reports into translation
   memories and gettext catalogues.  This header includes every public
   header of libtmconv.  */

#ifndef TMCONV_TMCONV_H
#define TMCONV_TMCONV_H

#include "tmconv/error.h"
#include "tmconv/io.h"
#include "tmconv/normalize.h"
#include "tmconv/text.h"
#include "tmconv/doc.h"
#include "tmconv/segment.h"
#include "tmconv/tm.h"
#include "tmconv/lexicon.h"
#include "tmconv/align.h"
#include "tmconv/tmx.h"
#include "tmconv/po.h"
#include "tmconv/check.h"
#include "tmconv/hash.h"
#include "tmconv/batch.h"
#include "tmconv/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of the library, e.g. "0.1.0".  */
const char *tmc_version (void);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_TMCONV_H */
