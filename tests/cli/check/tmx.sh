# TMX files: per language, units with a non-empty variant are translated
# (fuzzy when the variant carries the x-fuzzy prop of 'po import
# --include-fuzzy'), units without one lack the language; -v lists them
# with their line.  A TMX that is not well-formed is an error with line
# and column, and the other files are still checked.
cp "$SRCDIR/tests/data/po/small.tmx" "$SRCDIR/tests/data/po/app.fa.po" .
tmconv po import --include-fuzzy app.fa.po >fuzzy.tmx
printf '<tmx version="1.4"><header srclang="en"/><body><tu>\n' >broken.tmx
tmconv check -v --min-translated 80 small.tmx fuzzy.tmx broken.tmx 2>&1
echo "exit $?"
