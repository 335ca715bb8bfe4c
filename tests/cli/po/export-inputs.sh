# Several memories are one export: the pair both reports share is one
# entry with both places, and the template is named after the first
# input.  A memory with no target language gives the template alone.
small=$SRCDIR/tests/data/po/small.tmx
# Split small.tmx into its two reports.
split() {  # split R: small.tmx without the units of report R
  awk -v r="$1" 'index($0, "<tu tuid=\"" r ":") { skip = 1 }
                 !skip { print }
                 /<\/tu>/ { skip = 0 }' "$small"
}
split r2 >first.tmx
split r1 >second.tmx
tmconv po export -q -v -o out first.tmx second.tmx
grep -B2 -A2 '^#: r1:1' out/az.po
printf '<?xml version="1.0"?>\n<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>Only English.</seg></tuv></tu></body></tmx>\n' >en.tmx
tmconv po export -q -o only en.tmx
ls only
