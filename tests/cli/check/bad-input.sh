# Every kind of bad input is an error with file and line (an unterminated
# string, a bad escape, a missing msgstr, a duplicate msgid with the
# place of its first definition, an unknown charset, a file that is not
# PO, a missing file), the other files are still checked, and the exit
# status is 2.
cp "$SRCDIR"/tests/data/po/bad-*.po "$SRCDIR"/tests/data/po/not-a-po.po \
  "$SRCDIR"/tests/data/po/good.az.po .
tmconv check bad-unterminated.po bad-escape.po good.az.po \
  bad-missing-msgstr.po bad-duplicate.po bad-charset.po not-a-po.po missing.po
