# Two runs into the same output directory at once: the second refuses
# (exit 2) and leaves the first's work alone.
. "$SRCDIR/tests/cli/batch/corpus.inc"
need_cmd flock
small corpus
tmconv batch -q -o out corpus
# The second run starts while flock holds the lock, however long a
# loaded machine (or valgrind) takes to start it.
flock -o out/.tmconv-batch/lock sh -c 'tmconv batch -o out --force corpus
  echo "exit $?"'
tmconv batch -q -o out corpus
echo "exit $?"
