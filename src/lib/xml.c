/* The entity policy of tmconv's XML readers: see xml.h.  */

#include <stdio.h>

#include "internal.h"
#include "xml.h"

static void XMLCALL
on_entity_decl (void *data, const XML_Char *name, int is_param,
                const XML_Char *value, int value_length, const XML_Char *base,
                const XML_Char *system_id, const XML_Char *public_id,
                const XML_Char *notation)
{
  struct tmc_xml_guard *g = data;
  (void) is_param, (void) value, (void) value_length, (void) base;
  (void) public_id, (void) notation;
  char msg[TMC_ERROR_MESSAGE_MAX];
  if (system_id)
    snprintf (msg, sizeof msg,
              _("the document declares the external entity '%s': external "
                "entities are never loaded"), name);
  else
    snprintf (msg, sizeof msg, g->entity_message, name);
  g->fail (g, TMC_ERR_FORMAT, msg);
}

static void XMLCALL
on_skipped_entity (void *data, const XML_Char *name, int is_param)
{
  struct tmc_xml_guard *g = data;
  (void) is_param;
  char msg[TMC_ERROR_MESSAGE_MAX];
  snprintf (msg, sizeof msg, _("reference to the undefined entity '&%s;'"),
            name);
  g->fail (g, TMC_ERR_SYNTAX, msg);
}

void
tmc_xml_guard_install (XML_Parser p)
{
  XML_SetEntityDeclHandler (p, on_entity_decl);
  XML_SetSkippedEntityHandler (p, on_skipped_entity);
  XML_SetParamEntityParsing (p, XML_PARAM_ENTITY_PARSING_NEVER);
  XML_UseForeignDTD (p, XML_FALSE);
  /* expat's defaults, made explicit.  */
  XML_SetBillionLaughsAttackProtectionMaximumAmplification (p, 100.0f);
  XML_SetBillionLaughsAttackProtectionActivationThreshold (p,
                                                           8u * 1024 * 1024);
}
