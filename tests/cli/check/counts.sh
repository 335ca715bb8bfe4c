# Per file and language: translated, fuzzy, untranslated and obsolete
# counts with the percentage translated; a template is a template.  With
# no threshold every readable file passes.
cp "$SRCDIR"/tests/data/po/app.pot "$SRCDIR"/tests/data/po/app.az.po \
  "$SRCDIR"/tests/data/po/app.fa.po .
tmconv check app.pot app.az.po app.fa.po
