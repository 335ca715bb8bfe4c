# With --pot, the template's messages are counted: one the catalogue
# lacks (with or without its msgctxt) is untranslated and "missing", and
# each message of the catalogue that the template lacks is reported with
# its line.  Below --min-translated the exit status is 1.
cp "$SRCDIR"/tests/data/po/app.pot "$SRCDIR"/tests/data/po/app.az.po \
  "$SRCDIR"/tests/data/po/app.fa.po .
tmconv check --pot app.pot --min-translated 100 app.az.po app.fa.po
