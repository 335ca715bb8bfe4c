/* JSON output shared by the reports (tmconv check --format=json, the
   batch's report.json).  */

#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "internal.h"

void
tmc_json_string (FILE *fp, const char *s)
{
  if (s == NULL)
    {
      fputs ("null", fp);
      return;
    }
  fputc ('"', fp);
  const uint8_t *p = (const uint8_t *) s;
  const uint8_t *end = p + strlen (s);
  while (p < end)
    {
      ucs4_t uc;
      int len = u8_mbtoucr (&uc, p, (size_t) (end - p));
      if (len < 0)
        {
          fputs ("\\ufffd", fp);
          p++;
          continue;
        }
      if (uc == '"')
        fputs ("\\\"", fp);
      else if (uc == '\\')
        fputs ("\\\\", fp);
      else if (uc == '\n')
        fputs ("\\n", fp);
      else if (uc == '\t')
        fputs ("\\t", fp);
      else if (uc == '\r')
        fputs ("\\r", fp);
      else if (uc < 0x20 || uc == 0x7f || uc == 0x2028 || uc == 0x2029)
        fprintf (fp, "\\u%04x", (unsigned) uc);
      else
        fwrite (p, 1, (size_t) len, fp);
      p += len;
    }
  fputc ('"', fp);
}
