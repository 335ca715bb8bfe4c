# --estimate counts the model parameters on gold alignments (ID.gold
# beside ID.LANG.sent) and writes them as NAME VALUE lines; --params reads
# them back and aligns with them.
d=$SRCDIR/tests/data/align
cp $d/visit.* .
tmconv align --estimate -o model.txt visit.gold
head -n 1 model.txt
grep -c '^pair\.az-en\.' model.txt
awk '$1 == "prior3.1.1.1" { a = $2 } $1 == "prior3.1.0.1" { b = $2 }
  END { print (a > b) ? "1-1-1 likelier than 1-0-1" : "?" }' model.txt
tmconv align --presegmented --params model.txt visit.az.sent visit.fa.sent \
  visit.en.sent | cut -f1 | cmp - visit.gold && echo "same beads"
echo "bogus 1" > bad.txt
tmconv align --presegmented --params bad.txt visit.az.sent visit.en.sent
echo "exit $?"
tmconv align --estimate visit.az.sent
