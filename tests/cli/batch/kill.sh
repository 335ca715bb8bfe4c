# kill -9 at any moment leaves OUT consistent: after each of several kills
# at different moments, every file in OUT is whole (each TMX is valid),
# and the next run completes the work, with the same result as a run
# that was never interrupted, and no temporary file left behind.
. "$SRCDIR/tests/cli/batch/corpus.inc"
samples corpus
i=0
while [ $i -lt 30 ]; do small corpus "r$i"; i=$((i + 1)); done
tmconv batch -q -o reference corpus
for t in 0.05 0.15 0.3 0.1 0.45 0.2; do
  tmconv batch -q -j2 -o out corpus &
  pid=$!
  sleep $t
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  for f in $(find out -name '*.tmx' 2>/dev/null); do
    tmconv tmx validate "$f" >/dev/null 2>&1 || echo "after kill at $t: $f is broken"
  done
done
tmconv batch -q -o out corpus
echo "exit $?"
same reference out
find out -name '.*.tmp-*' | wc -l
