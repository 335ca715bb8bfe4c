# A catalogue in another charset than UTF-8 is converted with iconv: a
# Persian one in windows-1256 (which writes yeh as U+064A) and an
# Azerbaijani one in ISO-8859-9 (no schwa there: an old transliteration
# with "ä") give UTF-8 text in the TMX.
need_cmd iconv
iconv -f UTF-8 -t CP1256 >fa.po <<'PO'
msgid ""
msgstr ""
"Language: fa\n"
"Content-Type: text/plain; charset=CP1256\n"

msgid "Open report"
msgstr "باز کردن گزارش"

msgid "Persian text"
msgstr "متن فارسي"
PO
iconv -f UTF-8 -t ISO-8859-9 >az.po <<'PO'
msgid ""
msgstr ""
"Language: az\n"
"Content-Type: text/plain; charset=ISO-8859-9\n"

msgid "Open report"
msgstr "Hesabatı aç"
PO
tmconv po import fa.po az.po | grep '<seg>'
