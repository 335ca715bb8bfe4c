# The runner on its example cases (tests/runner): a case that passes
# (stdout, stderr and exit sidecars), two that fail (a changed output and
# status; an output that does not match a .glob pattern), one skipped,
# two that hold the same name with 'exclusive', and a unit program.
# With -j3 the output is the same as with -j1, in the same order.
. "$SRCDIR/tests/cli/runner/tree.inc"
tree
runner -j1 "$PWD/tree/tests/runner/unit-ok" >j1.out
cat j1.out
runner -j3 "$PWD/tree/tests/runner/unit-ok" >j3.out
cmp -s j1.out j3.out && echo "-j3: the same output"
