# Plural forms and msgctxt are kept as props, not dropped (as
# translate-toolkit's po2tmx drops them): x-msgid-plural on the source
# variant, x-msgstr-1 and the catalogue's Plural-Forms on the
# translation; flags as x-po-flags; translator comments as a note.
# --include-fuzzy imports fuzzy entries too, marked x-fuzzy.
cp "$SRCDIR/tests/data/po/app.az.po" "$SRCDIR/tests/data/po/app.fa.po" .
tmconv po import --include-fuzzy app.az.po app.fa.po |
  sed 's/creationtoolversion="[^"]*"/creationtoolversion="VERSION"/'
