# Every bead has a confidence in [0, 1] after a tab, three decimals; on
# the clear visit report all of them are high.
d=$SRCDIR/tests/data/align
tmconv align --presegmented -b beads $d/visit.az.sent $d/visit.fa.sent \
  $d/visit.en.sent
awk -F '\t' 'NF != 2 || $2 !~ /^[01]\.[0-9][0-9][0-9]$/ || $2 < 0.9 { bad++ }
  END { print NR " beads, " bad + 0 " bad" }' beads
