# A write error on standard output is reported, exit 2.
[ -w /dev/full ] || skip "no /dev/full here"
tmconv --help >/dev/full
