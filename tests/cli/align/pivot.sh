# --pivot joins two pairwise alignments on one version instead of the
# joint 3-way alignment; it needs three inputs and one of them in LANG.
d=$SRCDIR/tests/data/align
tmconv align --presegmented --pivot=en $d/visit.az.sent $d/visit.fa.sent \
  $d/visit.en.sent | cut -f1 | cmp - $d/visit.gold && echo "same beads"
tmconv align --presegmented --pivot=en $d/visit.az.sent $d/visit.fa.sent
tmconv align --presegmented --pivot=de $d/visit.az.sent $d/visit.fa.sent \
  $d/visit.en.sent
