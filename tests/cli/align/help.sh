# --help prints the usage to standard output and exits 0.
tmconv align --help | head -n 3
