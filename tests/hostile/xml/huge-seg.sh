# A segment of 1 GiB, generated as it is read, through a FIFO (nothing
# of it is ever on disk): 'tmconv check' and 'tmconv po export' stream
# it and stop at the documented unit limit (256 MiB of a unit's text and
# markup, README "Limits"), having held about that much, with the line
# and column where the limit was passed; no hang (the writer ends on
# SIGPIPE), nothing written.  make bench reports their time and peak
# memory (bench-90-hostile).
gen() {
  printf '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>'
  head -c 1073741824 /dev/zero | tr '\0' a
  printf '</seg></tuv><tuv xml:lang="az"><seg>b</seg></tuv></tu></body></tmx>\n'
}
mkfifo big.tmx
for cmd in check "po export -o out" "tmx stats" "tmx convert -o out"; do
  gen > big.tmx 2>/dev/null &
  writer=$!
  timeout 300 tmconv $cmd big.tmx > out.txt
  echo "$cmd: exit $?"
  wait $writer
  echo "the writer ended"
done
test -e out && echo "out was made" || echo "no output"
