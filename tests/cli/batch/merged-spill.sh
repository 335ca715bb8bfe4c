# The merged files of a batch are merged with their units in temporary
# files in OUT/.tmconv-batch, never seen there: on a corpus where reports
# repeat (duplicates), one repeats with a sentence translated otherwise
# (a conflict) and the first lacks the last Persian paragraph of one
# report (units that later ones complete: merged), the merged
# 3-language file and each bilingual one are byte for byte what 'tmconv
# tmx merge' makes of the reports' own files (in memory, and with -T),
# and the state directory holds only the batch's state.
. "$SRCDIR/tests/cli/batch/corpus.inc"
samples corpus/a
samples corpus/b
samples corpus/c
# a: the last paragraph of one Persian text left out.
f=$(ls corpus/a/*.fa.txt | head -n 1)
awk 'BEGIN { RS = ""; ORS = "\n\n" } { p[NR] = $0 }
     END { for (i = 1; i < NR; i++) print p[i] }' "$f" >"$f.new" &&
  mv "$f.new" "$f"
# c: one Azerbaijani sentence changed.
f=$(ls corpus/c/*.az.txt | head -n 1)
sed '0,/\./s/\./ (düzəliş)./' "$f" >"$f.new" && mv "$f.new" "$f"
tmconv batch -q -j2 -o out corpus
echo "exit $?"
tmconv tmx merge -v -o all.tmx $(find out/tmx -name '*.tmx' | LC_ALL=C sort) \
  2>&1 | grep -c "warning: conflicting"
tmconv tmx merge -v -o all.tmx $(find out/tmx -name '*.tmx' | LC_ALL=C sort) \
  2>&1 | grep "units read"
cmp all.tmx out/corpus.tmx && echo "corpus.tmx = tmx merge"
mkdir spill
tmconv tmx merge -q -T spill -o all2.tmx \
  $(find out/tmx -name '*.tmx' | LC_ALL=C sort)
cmp all2.tmx out/corpus.tmx && echo "corpus.tmx = tmx merge -T"
for p in en-az en-fa az-fa; do
  tmconv tmx merge -q -o $p.tmx \
    $(find out/pairs/$p -name '*.tmx' | LC_ALL=C sort)
  cmp $p.tmx out/corpus.$p.tmx && echo "corpus.$p.tmx = tmx merge"
done
# Duplicates were merged: fewer units than in the reports' files.
a=$(grep -c '<tu ' out/corpus.tmx)
b=$(cat out/tmx/*/*.tmx | grep -c '<tu ')
[ "$a" -lt "$b" ] && echo "merged: fewer units"
grep -q "düzəliş" out/corpus.tmx && echo "the conflicting unit is kept"
ls -A out/.tmconv-batch spill
