/* Printing the library's diagnostics about catalogues and memories.  */

#include <stdio.h>

#include "cli.h"
#include "cmd-diag.h"

void
tmc_cli_diag (void *data, const struct tmc_diag *d)
{
  (void) data;
  struct tmc_error e;
  tmc_error_clear (&e);
  snprintf (e.file, sizeof e.file, "%s", d->file ? d->file : "");
  e.line = d->line;
  e.column = d->column;
  snprintf (e.message, sizeof e.message, "%s", d->message);
  if (d->severity == TMC_DIAG_WARNING)
    tmc_cli_warn (NULL, &e);
  else
    {
      e.status = TMC_ERR_SYNTAX;
      tmc_cli_report (&e);
    }
  if (d->related_line)
    {
      e.line = d->related_line;
      e.column = 0;
      snprintf (e.message, sizeof e.message, "%s", d->related_message);
      tmc_cli_report (&e);
    }
}
