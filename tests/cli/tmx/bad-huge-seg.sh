. "$SRCDIR/tests/cli/tmx/helpers.inc"
# A 100 MB segment is read, counted and written whole (the unit limit is
# 256 MiB); a smaller limit would refuse it, but nothing here is cut or
# lost.  A 100 MB attribute value, a single XML token that expat 2.5
# parses again on each call, is read in linear time too.
{
  printf '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>\n'
  printf '<tu><tuv xml:lang="en"><seg>'
  head -c 100000000 /dev/zero | tr '\0' 'a'
  printf '</seg></tuv><tuv xml:lang="az"><seg>b</seg></tuv></tu>\n'
  printf '<tu tuid="'
  head -c 100000000 /dev/zero | tr '\0' 'c'
  printf '"><tuv xml:lang="en"><seg>d</seg></tuv><tuv xml:lang="az"><seg>e</seg></tuv></tu>\n'
  printf '</body></tmx>\n'
} > huge.tmx
tmconv tmx stats -q huge.tmx | sed -n '2p;6,7p'
tmconv tmx convert -q -o out.tmx huge.tmx
echo "exit $?"
wc -c < out.tmx
tmconv tmx stats -q out.tmx | sed -n '6p'
grep -o 'tuid="c*"' out.tmx | wc -c
