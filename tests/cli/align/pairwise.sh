# Two inputs give a pairwise alignment; LANG=FILE names the language of a
# file whose name does not.  Persian leaves out a sentence: 0-1.
d=$SRCDIR/tests/data/align
cp $d/visit.fa.sent persian.txt
tmconv align --presegmented fa=persian.txt en=$d/visit.en.sent | cut -f1
