# -f LANG=ENC reads one input in a legacy encoding: Persian in windows-1256 (with the
# Arabic yeh and kaf that code page has) aligns as the same text in UTF-8.
d=$SRCDIR/tests/data/align
sed 's/ی/ي/g; s/ک/ك/g; s/ٔ//g; s/۰/0/g; s/۱/1/g; s/۲/2/g; s/۳/3/g; s/۴/4/g;
     s/۵/5/g; s/۸/8/g' $d/visit.fa.txt > arabic.fa.txt
iconv -f UTF-8 -t WINDOWS-1256 arabic.fa.txt > old.fa.txt ||
  skip "iconv cannot write windows-1256"
tmconv align -q $d/visit.az.txt arabic.fa.txt | cut -f1 > utf8.beads
tmconv align -q -f fa=windows-1256 $d/visit.az.txt old.fa.txt | cut -f1 > legacy.beads
cmp utf8.beads legacy.beads && echo "same beads"
tmconv align -f no-such-code $d/visit.az.txt old.fa.txt
