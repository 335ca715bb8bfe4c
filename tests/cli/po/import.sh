# po import: the catalogues back into one TMX, a unit per message with
# the msgid in English and a variant per catalogue; the language comes
# from each header (fa_IR becomes fa-IR); fuzzy and untranslated entries
# are left out; msgctxt is kept as the x-context prop, references and
# extracted comments as a prop and a note.  The round trip of the
# confirmed pairs of an export gives them back.
tmconv po export -q -o po "$SRCDIR/tests/data/po/small.tmx"
tmconv po import -v -o back.tmx po/az.po po/fa.po
sed 's/creationtoolversion="[^"]*"/creationtoolversion="VERSION"/' back.tmx
