# --print-srx prints the built-in rules: the file src/data/tmconv.srx.
tmconv segment --print-srx > rules.srx
cmp rules.srx "$SRCDIR/src/data/tmconv.srx" && echo same
