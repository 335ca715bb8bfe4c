# An empty version: the other two are aligned, and the empty one has no
# sentence in any bead (here 1-0-1 and the merge 1-0-2); a warning says
# so (empty-file-warning); exit 0.
d=$SRCDIR/tests/data/align
: > empty.fa.txt
tmconv align -q --presegmented $d/visit.az.sent empty.fa.txt $d/visit.en.sent |
  cut -f1
