# --help describes the options and exits 0.
tmconv segment --help | head -n 1
