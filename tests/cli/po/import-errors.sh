# Bad catalogues: each error with file and line, every file is read so
# that every problem is reported, and nothing is written (the output file
# is not made); a catalogue that does not say its language needs --lang.
for f in bad-unterminated.po bad-duplicate.po bad-charset.po not-a-po.po good.az.po; do
  cp "$SRCDIR/tests/data/po/$f" .
done
tmconv po import -o out.tmx bad-unterminated.po good.az.po bad-duplicate.po \
  bad-charset.po not-a-po.po missing.po
echo "exit $?"
[ -e out.tmx ] && echo "out.tmx was written"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n' >nolang.po
tmconv po import nolang.po >/dev/null
echo "exit $?"
# The tag in the TMX: the usual one for the language (az-Latn-AZ), or the
# one --lang-tag gives.
tmconv po import --lang az_AZ nolang.po | grep -c 'xml:lang="az-Latn-AZ"'
tmconv po import --lang az_AZ --lang-tag az=az-AZ nolang.po |
  grep -c 'xml:lang="az-AZ"'
tmconv po import -o good.az.po good.az.po
echo "exit $?"
tmconv po import --lang english good.az.po
echo "exit $?"
