# --update rewrites the sidecars of the selected cases from what they
# printed and returned: fail.stdout gets the new line, fail.stderr is
# removed (the case prints nothing there), fail.exit is written; a .glob
# pattern is never rewritten, so pattern still fails; the passing and
# skipped cases and the cases not selected are left as they were.
. "$SRCDIR/tests/cli/runner/tree.inc"
tree
cp -R tree/tests/runner before
runner --update fail pattern pass skip
echo "--- changed:"
diff -r before tree/tests/runner
echo "--- a second run, without --update:"
runner fail pattern pass skip
