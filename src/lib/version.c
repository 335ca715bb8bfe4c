/* The library's version.  */

#include "tmconv/tmconv.h"

const char *
tmc_version (void)
{
  return VERSION;
}
