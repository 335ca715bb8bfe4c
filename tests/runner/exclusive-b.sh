# Holds the name "token" alone (see exclusive.inc).
. "$SRCDIR/tests/runner/exclusive.inc"
