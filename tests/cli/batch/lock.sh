# Two runs into the same output directory at once: the second refuses
# (exit 2) and leaves the first's work alone.
. "$SRCDIR/tests/cli/batch/corpus.inc"
need_cmd flock
small corpus
tmconv batch -q -o out corpus
flock out/.tmconv-batch/lock sleep 3 &
sleep 0.5
tmconv batch -o out --force corpus
echo "exit $?"
wait
tmconv batch -q -o out corpus
echo "exit $?"
