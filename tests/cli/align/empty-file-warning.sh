# The warning that an empty version gives.
d=$SRCDIR/tests/data/align
: > empty.fa.txt
tmconv align --presegmented -b /dev/null $d/visit.az.sent empty.fa.txt
