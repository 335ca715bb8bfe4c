# 10,000 elements nested in a TMX file, at the top, in a unit and inside
# a segment (inline elements), and in an SRX file (its own elements and
# foreign ones, which it skips): the TMX reader stops at its documented
# depth of 64 with the line and column, the SRX reader at the first
# element out of place; neither recurses, so the stack never overflows.
open=$(printf '<hi>%.0s' $(seq 10000))
close=$(printf '</hi>%.0s' $(seq 10000))
hdr='<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>'
printf '%s<tu><tuv xml:lang="en"><seg>%sx%s</seg></tuv></tu></body></tmx>\n' "$hdr" "$open" "$close" > seg.tmx
printf '%s<tu>%s%s</tu></body></tmx>\n' "$hdr" "$(echo "$open" | sed 's/hi>/x>/g')" "$(echo "$close" | sed 's/hi>/x>/g')" > unit.tmx
printf '<tmx version="1.4">%s%s</tmx>\n' "$(echo "$open" | sed 's/hi>/tmx>/g')" "$(echo "$close" | sed 's/hi>/tmx>/g')" > top.tmx
printf '<srx version="2.0" xmlns="http://www.lisa.org/srx20">%s%s</srx>\n' "$(echo "$open" | sed 's/<hi>/<o:a xmlns:o="urn:o">/g')" "$(echo "$close" | sed 's/hi>/o:a>/g')" > foreign.srx
printf '<srx version="2.0" xmlns="http://www.lisa.org/srx20">%s%s</srx>\n' "$(echo "$open" | sed 's/hi>/body>/g')" "$(echo "$close" | sed 's/hi>/body>/g')" > own.srx
printf 'One. Two.\n' > a.en.txt
for f in seg unit top; do
  timeout 60 tmconv check $f.tmx >/dev/null; echo "check $f.tmx: exit $?"
  timeout 60 tmconv tmx stats $f.tmx 2>/dev/null; echo "tmx stats $f.tmx: exit $?"
done
for f in foreign own; do
  timeout 60 tmconv segment --srx $f.srx a.en.txt; echo "segment --srx $f.srx: exit $?"
done
