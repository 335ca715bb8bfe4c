# --format github: ::error and ::warning workflow commands with file,
# line and column (GitHub Actions shows them on the files), then the
# summary lines; nothing on standard error.
cp "$SRCDIR"/tests/data/po/app.pot "$SRCDIR"/tests/data/po/app.fa.po \
  "$SRCDIR"/tests/data/po/bad-escape.po .
tmconv check --format github --pot app.pot --min-translated 90 \
  app.fa.po bad-escape.po
