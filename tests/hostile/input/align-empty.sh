# The aligner on versions with nothing to align: three empty reports
# (before, "no alignment found in the search band", exit 2; found by
# tests/fuzz/fuzz-align), reports of blank lines and invisible marks
# only, and one empty beside one that is not.  Each gives a warning per
# empty version and a well-formed result: no bead, or every sentence of
# the other version alone in its bead.
: > r.az.txt
printf '\n  \n\t\n\342\200\217\n' > r.fa.txt
: > r.en.txt
tmconv align -o r.tmx r.az.txt r.fa.txt r.en.txt; echo "align: exit $?"
grep -c '<tu ' r.tmx
tmconv check r.tmx; echo "check: exit $?"
tmconv align --pivot=en -b - r.az.txt r.fa.txt r.en.txt; echo "align --pivot: exit $?"
printf 'One. Two.\n' > r.en.txt
tmconv align -b - r.az.txt r.en.txt; echo "align (one empty): exit $?"
