#!/bin/sh
# Hostile inputs at full size: time and peak memory of what
# tests/hostile checks for its result only.
#
# 1. A TMX file with one segment of 1 GiB, generated as it is read,
#    through a FIFO: 'tmx stats', 'check' and 'po export' stream it and
#    stop at the unit limit (256 MiB of text and markup).
# 2. A report of 200 MB (the tm/samples reports over and over) through
#    'segment', and one with a single 1 GB line that is no sentence at all
#    (refused at the sentence limit once it is cut; it is read whole
#    first).
#
# Peak memory from GNU time.
set -u
if [ ! -x /usr/bin/time ]; then
  echo "skipped: /usr/bin/time (GNU time) is not installed"
  exit 0
fi
T=$BENCH_TMP
cd "$T" || exit 1

measure() {  # LABEL CMD...: "LABEL: N s, M MB peak, exit S"
  label=$1
  shift
  /usr/bin/time -f '%e %M %x' -o "$T/t" "$@" >/dev/null 2>"$T/err"
  read -r w k x <<EOF2
$(tail -n 1 "$T/t")
EOF2
  printf '%-44s %6.2f s %6d MB peak, exit %s\n' "$label:" "$w" $((k / 1024)) "$x"
}

gen_tmx() {
  printf '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>'
  head -c 1073741824 /dev/zero | tr '\0' a
  printf '</seg></tuv><tuv xml:lang="az"><seg>b</seg></tuv></tu></body></tmx>\n'
}
mkfifo big.tmx
for cmd in "tmx stats" "check" "po export -o out"; do
  gen_tmx > big.tmx 2>/dev/null &
  measure "1 GiB segment, $cmd" "$TMCONV" $cmd big.tmx
  wait
done
grep -o 'larger than the limit.*' "$T/err" | sed 's/^/  (/; s/$/)/'

for f in "$SRCDIR"/tm/samples/*.en.txt; do cat "$f"; done > base.txt
: > r200.en.txt
while [ "$(wc -c < r200.en.txt)" -lt 200000000 ]; do cat base.txt >> r200.en.txt; done
measure "200 MB report, segment" "$TMCONV" segment r200.en.txt
rm -f r200.en.txt
head -c 1000000000 /dev/zero | tr '\0' a > line.en.txt
measure "1 GB line (no sentence), segment" "$TMCONV" segment line.en.txt
sed 's/^/  (/; s/$/)/' "$T/err" | cut -c1-120
rm -f line.en.txt
