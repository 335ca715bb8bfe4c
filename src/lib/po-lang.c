/* Languages in gettext catalogues: Plural-Forms, names, and the mapping
   between PO language codes (ll_CC@variant) and BCP 47 tags.  */

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "tmconv/po.h"

/* Plural forms: GNU gettext's plural-table.c and its manual ("Plural
   forms") for the languages listed there; az and fa, which gettext does
   not list, from CLDR's plural rules (az: one = n is 1; fa: one = i is 0
   or n is 1) as translate-toolkit's lang/data.py writes them.  */
static const struct
{
  const char *lang;
  const char *name;
  const char *plural;
} languages[] = {
  { "af", "Afrikaans", "nplurals=2; plural=(n != 1);" },
  { "ar", "Arabic",
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;" },
  { "az", "Azerbaijani", "nplurals=2; plural=(n != 1);" },
  { "be", "Belarusian",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
    "&& (n%100<10 || n%100>=20) ? 1 : 2);" },
  { "bg", "Bulgarian", "nplurals=2; plural=(n != 1);" },
  { "ca", "Catalan", "nplurals=2; plural=(n != 1);" },
  { "cs", "Czech",
    "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;" },
  { "da", "Danish", "nplurals=2; plural=(n != 1);" },
  { "de", "German", "nplurals=2; plural=(n != 1);" },
  { "el", "Greek", "nplurals=2; plural=(n != 1);" },
  { "en", "English", "nplurals=2; plural=(n != 1);" },
  { "eo", "Esperanto", "nplurals=2; plural=(n != 1);" },
  { "es", "Spanish", "nplurals=2; plural=(n != 1);" },
  { "et", "Estonian", "nplurals=2; plural=(n != 1);" },
  { "fa", "Persian", "nplurals=2; plural=(n > 1);" },
  { "fi", "Finnish", "nplurals=2; plural=(n != 1);" },
  { "fr", "French", "nplurals=2; plural=(n > 1);" },
  { "he", "Hebrew", "nplurals=2; plural=(n != 1);" },
  { "hr", "Croatian",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
    "&& (n%100<10 || n%100>=20) ? 1 : 2);" },
  { "hu", "Hungarian", "nplurals=2; plural=(n != 1);" },
  { "id", "Indonesian", "nplurals=1; plural=0;" },
  { "it", "Italian", "nplurals=2; plural=(n != 1);" },
  { "ja", "Japanese", "nplurals=1; plural=0;" },
  { "ka", "Georgian", "nplurals=2; plural=(n != 1);" },
  { "kk", "Kazakh", "nplurals=2; plural=(n != 1);" },
  { "ko", "Korean", "nplurals=1; plural=0;" },
  { "ky", "Kyrgyz", "nplurals=2; plural=(n != 1);" },
  { "lt", "Lithuanian",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);" },
  { "lv", "Latvian",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);" },
  { "nb", "Norwegian Bokmal", "nplurals=2; plural=(n != 1);" },
  { "nl", "Dutch", "nplurals=2; plural=(n != 1);" },
  { "nn", "Norwegian Nynorsk", "nplurals=2; plural=(n != 1);" },
  { "pl", "Polish",
    "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);" },
  { "ps", "Pashto", "nplurals=2; plural=(n != 1);" },
  { "pt", "Portuguese", "nplurals=2; plural=(n != 1);" },
  { "ro", "Romanian",
    "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) "
    "? 1 : 2);" },
  { "ru", "Russian",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
    "&& (n%100<10 || n%100>=20) ? 1 : 2);" },
  { "sk", "Slovak",
    "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;" },
  { "sl", "Slovenian",
    "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || "
    "n%100==4 ? 2 : 3);" },
  { "sr", "Serbian",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
    "&& (n%100<10 || n%100>=20) ? 1 : 2);" },
  { "sv", "Swedish", "nplurals=2; plural=(n != 1);" },
  { "tg", "Tajik", "nplurals=2; plural=(n != 1);" },
  { "th", "Thai", "nplurals=1; plural=0;" },
  { "tk", "Turkmen", "nplurals=2; plural=(n != 1);" },
  { "tr", "Turkish", "nplurals=2; plural=(n != 1);" },
  { "uk", "Ukrainian",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
    "&& (n%100<10 || n%100>=20) ? 1 : 2);" },
  { "ur", "Urdu", "nplurals=2; plural=(n != 1);" },
  { "uz", "Uzbek", "nplurals=2; plural=(n != 1);" },
  { "vi", "Vietnamese", "nplurals=1; plural=0;" },
  { "zh", "Chinese", "nplurals=1; plural=0;" },
};

/* The primary language subtag of TAG (up to '-', '_', '@' or '.'),
   lowercased, in BUF; empty when it is not 2 or 3 letters.  */
static void
primary (const char *tag, char buf[4])
{
  size_t i = 0;
  buf[0] = '\0';
  if (tag == NULL)
    return;
  for (; tag[i] && isalpha ((unsigned char) tag[i]); i++)
    if (i >= 3)
      return;
  if (i < 2 || (tag[i] != '\0' && strchr ("-_@.", tag[i]) == NULL))
    return;
  for (size_t k = 0; k < i; k++)
    buf[k] = (char) tolower ((unsigned char) tag[k]);
  buf[i] = '\0';
}

static int
find_language (const char *tag)
{
  char p[4];
  primary (tag, p);
  if (p[0] == '\0')
    return -1;
  for (size_t i = 0; i < TMC_ARRAY_SIZE (languages); i++)
    if (strcmp (languages[i].lang, p) == 0)
      return (int) i;
  return -1;
}

const char *
tmc_po_plural_forms (const char *tag)
{
  int i = find_language (tag);
  return i < 0 ? NULL : languages[i].plural;
}

const char *
tmc_po_language_name (const char *tag)
{
  int i = find_language (tag);
  return i < 0 ? NULL : languages[i].name;
}

/* gettext's @variants for scripts, and the ISO 15924 codes they stand
   for.  */
static const struct
{
  const char *variant;
  const char *script;
} scripts[] = {
  { "latin", "Latn" },
  { "cyrillic", "Cyrl" },
  { "arabic", "Arab" },
  { "devanagari", "Deva" },
};

/* Languages whose usual script is not Latin: a tag in that script needs
   no @variant, one in Latin script needs @latin.  */
static const struct
{
  const char *lang;
  const char *script;
} default_scripts[] = {
  { "ar", "Arab" }, { "be", "Cyrl" }, { "bg", "Cyrl" }, { "fa", "Arab" },
  { "kk", "Cyrl" }, { "ky", "Cyrl" }, { "mk", "Cyrl" }, { "mn", "Cyrl" },
  { "ps", "Arab" }, { "ru", "Cyrl" }, { "sr", "Cyrl" }, { "tg", "Cyrl" },
  { "uk", "Cyrl" }, { "ur", "Arab" }, { "zh", "Hans" }, { "ja", "Jpan" },
  { "ko", "Kore" }, { "el", "Grek" }, { "he", "Hebr" }, { "ka", "Geor" },
  { "hy", "Armn" }, { "th", "Thai" },
};

static const char *
default_script (const char *lang)
{
  for (size_t i = 0; i < TMC_ARRAY_SIZE (default_scripts); i++)
    if (strcmp (default_scripts[i].lang, lang) == 0)
      return default_scripts[i].script;
  return "Latn";
}

static int
all (const char *s, size_t n, int (*pred) (int))
{
  for (size_t i = 0; i < n; i++)
    if (!pred ((unsigned char) s[i]))
      return 0;
  return 1;
}

char *
tmc_po_lang_to_bcp47 (const char *po_lang, char *buf, size_t size)
{
  if (po_lang == NULL)
    return NULL;
  /* ll[_CC][.codeset][@modifier]  */
  size_t n = strcspn (po_lang, "_.@");
  if (n < 2 || n > 3 || !all (po_lang, n, isalpha))
    return NULL;
  char lang[4];
  for (size_t i = 0; i < n; i++)
    lang[i] = (char) tolower ((unsigned char) po_lang[i]);
  lang[n] = '\0';
  const char *p = po_lang + n;
  char region[4] = "";
  if (*p == '_')
    {
      size_t m = strcspn (p + 1, ".@");
      if (!((m == 2 && all (p + 1, 2, isalpha))
            || (m == 3 && all (p + 1, 3, isdigit))))
        return NULL;
      for (size_t i = 0; i < m; i++)
        region[i] = (char) toupper ((unsigned char) p[1 + i]);
      region[m] = '\0';
      p += 1 + m;
    }
  if (*p == '.')
    p += 1 + strcspn (p + 1, "@");
  const char *script = NULL;
  char variant[9] = "";
  if (*p == '@')
    {
      const char *mod = p + 1;
      for (size_t i = 0; i < TMC_ARRAY_SIZE (scripts); i++)
        if (strcasecmp (mod, scripts[i].variant) == 0)
          script = scripts[i].script;
      size_t m = strlen (mod);
      /* Other modifiers that are BCP 47 variants (5 to 8 letters or
         digits: "valencia") are kept; "euro" and the like are not.  */
      if (script == NULL && m >= 5 && m <= 8 && all (mod, m, isalnum))
        {
          for (size_t i = 0; i < m; i++)
            variant[i] = (char) tolower ((unsigned char) mod[i]);
          variant[m] = '\0';
        }
    }
  else if (*p != '\0')
    return NULL;
  int w = snprintf (buf, size, "%s%s%s%s%s%s%s", lang, script ? "-" : "",
                    script ? script : "", region[0] ? "-" : "", region,
                    variant[0] ? "-" : "", variant);
  if (w < 0 || (size_t) w >= size)
    return NULL;
  return buf;
}

char *
tmc_po_lang_from_bcp47 (const char *tag, char *buf, size_t size)
{
  if (tag == NULL)
    return NULL;
  size_t n = strcspn (tag, "-_");
  if (n < 2 || n > 3 || !all (tag, n, isalpha))
    return NULL;
  char lang[4];
  for (size_t i = 0; i < n; i++)
    lang[i] = (char) tolower ((unsigned char) tag[i]);
  lang[n] = '\0';
  char script[5] = "", region[4] = "";
  const char *p = tag + n;
  while (*p == '-' || *p == '_')
    {
      p++;
      size_t m = strcspn (p, "-_");
      if (m == 1)
        break;  /* an extension or private use: the rest is left out */
      if (m == 4 && all (p, 4, isalpha) && script[0] == '\0'
          && region[0] == '\0')
        {
          script[0] = (char) toupper ((unsigned char) p[0]);
          for (size_t i = 1; i < 4; i++)
            script[i] = (char) tolower ((unsigned char) p[i]);
          script[4] = '\0';
        }
      else if (((m == 2 && all (p, 2, isalpha))
                || (m == 3 && all (p, 3, isdigit)))
               && region[0] == '\0')
        {
          for (size_t i = 0; i < m; i++)
            region[i] = (char) toupper ((unsigned char) p[i]);
          region[m] = '\0';
        }
      p += m;
    }
  const char *variant = NULL;
  if (script[0] != '\0' && strcmp (script, default_script (lang)) != 0)
    for (size_t i = 0; i < TMC_ARRAY_SIZE (scripts); i++)
      if (strcmp (scripts[i].script, script) == 0)
        variant = scripts[i].variant;
  int w = snprintf (buf, size, "%s%s%s%s%s", lang, region[0] ? "_" : "",
                    region, variant ? "@" : "", variant ? variant : "");
  if (w < 0 || (size_t) w >= size)
    return NULL;
  return buf;
}
