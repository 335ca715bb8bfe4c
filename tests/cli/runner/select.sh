# Which cases run: a name (the end of the case's name after a "/"), a
# pattern, a group, a path with its ".sh"; unit programs are selected by
# their names too.  A pattern that selects nothing is an error.
. "$SRCDIR/tests/cli/runner/tree.inc"
tree
u=$PWD/tree/tests/runner/unit-ok
for sel in pass 'p*' runner/skip tests/runner/fail.sh 'exclusive-?' \
           runner unit/unit-ok; do
  echo "--- $sel:"
  sh tree/tests/run.sh --build "$PWD/build" --cli-dir tests/runner --list \
    "$u" "$sel"
done
echo "--- pass, and nothing:"
runner pass nothing
echo "--- -j 0:"
runner -j 0 pass
