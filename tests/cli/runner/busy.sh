# One run at a time in a build tree: a second run while the first is
# going refuses (exit 2), naming its process, and leaves the first's
# files alone; the lock of a run whose process is gone (killed with -9)
# is taken over, and released at the end.
. "$SRCDIR/tests/cli/runner/tree.inc"
tree
mkdir -p build/tests/run.lock
echo $$ >build/tests/run.lock/pid
runner pass | sed "s/process $$)/process PID)/; s|$PWD/||"
cat build/tests/run.lock/pid | sed "s/^$$\$/still PID/"
sh -c 'exit 0' &
dead=$!
wait $dead
echo $dead >build/tests/run.lock/pid
runner pass
[ -d build/tests/run.lock ] && echo "lock left behind" || echo "lock released"
