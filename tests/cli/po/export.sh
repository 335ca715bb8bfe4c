# po export writes NAME.pot and LANG.po through libgettextpo: a full
# header (Language, Plural-Forms right for az and fa, X-Generator), the
# source sentence as msgid and its translation as msgstr (empty where the
# unit has none), a `#.' comment with document, bead shape and score and
# a `#:' reference DOC:SENTENCE per place; the pair the two reports share
# is one entry with both places; "Thank you." translated two ways is two
# entries told apart by msgctxt; the 2-1-1 bead and the low score are
# fuzzy; the unit without English has no entry.
tmconv po export -v -o out "$SRCDIR/tests/data/po/small.tmx" 2>/dev/null
for f in out/small.pot out/az.po out/fa.po; do
  echo "== $f"
  sed 's/^"X-Generator: tmconv .*\\n"$/"X-Generator: tmconv VERSION\\n"/' $f
done
