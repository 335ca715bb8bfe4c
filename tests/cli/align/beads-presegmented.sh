# Three sentence-per-line versions give the 3-way beads of the gold: the
# Azerbaijani merge (1-2-2) and the sentence Persian leaves out (1-0-1).
d=$SRCDIR/tests/data/align
tmconv align --presegmented $d/visit.az.sent $d/visit.fa.sent $d/visit.en.sent |
  cut -f1 > got
cmp got $d/visit.gold && echo same as gold
