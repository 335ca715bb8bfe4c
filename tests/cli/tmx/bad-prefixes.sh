. "$SRCDIR/tests/cli/tmx/helpers.inc"
# Every proper prefix of a small TMX (cut after each byte, up to the end
# of its last tag) is an error with file, line and column, status 2, and
# never a crash or a half-written output; the whole file converts.
fixture omegat-14.tmx
size=$(($(wc -c < omegat-14.tmx) - 1))
tail -c 1 omegat-14.tmx | od -An -c
n=0 bad=0
while [ $n -lt "$size" ]; do
  head -c $n omegat-14.tmx > cut.tmx
  tmconv tmx convert -q -o out.tmx cut.tmx 2> err.txt
  rc=$?
  if [ $rc -ne 2 ] || ! grep -q '^tmconv: cut.tmx:[0-9]*:[0-9]*: ' err.txt \
     || [ -e out.tmx ]; then
    echo "prefix $n: exit $rc: $(cat err.txt)"
    bad=$((bad + 1))
  fi
  n=$((n + 1))
done
echo "$size prefixes, $bad not reported as expected"
tmconv tmx convert -q -o out.tmx omegat-14.tmx && echo "whole file: converted"
