. "$SRCDIR/tests/cli/tmx/helpers.inc"
# Malformed input is an error with file:line:col and status 2: mismatched
# tags, invalid UTF-8, a control character, an undefined entity (&nbsp;,
# also when the document names an external DTD, which is never loaded),
# an encoding that cannot be read, not TMX at all, text after the end.
h='<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>'
printf '%s\n<tu><tuv xml:lang="en"><seg>a</tuv></tu></body></tmx>\n' "$h" > mismatch.tmx
printf '%s\n<tu><tuv xml:lang="en"><seg>Bak\375</seg></tuv></tu></body></tmx>\n' "$h" > latin1.tmx
printf '%s\n<tu><tuv xml:lang="en"><seg>a\001b</seg></tuv></tu></body></tmx>\n' "$h" > control.tmx
printf '%s\n<tu><tuv xml:lang="en"><seg>a&#1;b</seg></tuv></tu></body></tmx>\n' "$h" > charref.tmx
printf '%s\n<tu><tuv xml:lang="en"><seg>a&nbsp;b</seg></tuv></tu></body></tmx>\n' "$h" > nbsp.tmx
printf '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n%s\n<tu><tuv xml:lang="en"><seg>a&nbsp;b</seg></tuv></tu></body></tmx>\n' "$h" > nbsp-dtd.tmx
printf '<?xml version="1.0" encoding="EBCDIC-US"?>\n<tmx/>\n' > ebcdic.tmx
printf '<html><body/></html>\n' > page.tmx
printf '%s</body></tmx>\n<tmx/>\n' "$h" > junk.tmx
: > empty.tmx
for f in mismatch latin1 control charref nbsp nbsp-dtd ebcdic page junk empty; do
  tmconv tmx convert -q -o out.tmx $f.tmx
  echo "$f: exit $?"
done
test -e out.tmx || echo "no output written"
