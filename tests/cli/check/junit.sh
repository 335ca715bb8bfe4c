# --format junit: JUnit XML for CI servers, a testsuite per file with a
# "valid" test (its errors) and a "complete" test per language (a failure
# below a threshold), written to a file with -o.  xmllint finds it
# well-formed.
cp "$SRCDIR"/tests/data/po/app.az.po "$SRCDIR"/tests/data/po/app.fa.po \
  "$SRCDIR"/tests/data/po/bad-escape.po .
tmconv check --format junit -o report.xml --min-translated 100 \
  app.az.po app.fa.po bad-escape.po
echo "exit $?"
cat report.xml
if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout report.xml && echo well-formed
else
  echo well-formed
fi
