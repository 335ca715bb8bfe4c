/* The program's printer of library diagnostics (po.h's struct tmc_diag),
   shared by the po and check commands.  */

#ifndef TMC_CMD_DIAG_H
#define TMC_CMD_DIAG_H

#include "tmconv/po.h"

/* Print D as the program prints errors and warnings ("tmconv:
   FILE:LINE:COL: message", "... warning: message"), and its related
   place on a line of its own.  DATA is unused.  A tmc_diag_fn.  */
void tmc_cli_diag (void *data, const struct tmc_diag *d);

#endif /* TMC_CMD_DIAG_H */
