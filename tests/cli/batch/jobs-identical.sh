# The output does not depend on the number of worker threads: -j1, -j2
# and -j7 write the same files, byte for byte, on a corpus of 12 reports
# at three depths.
. "$SRCDIR/tests/cli/batch/corpus.inc"
samples corpus
for id in a b c/d c/e f/g/h i j k; do small corpus "$id"; done
small corpus z/last
for j in 1 2 7; do
  tmconv batch -q -j $j -o out$j corpus || echo "exit $?"
done
same out1 out2
same out1 out7
outputs out1 | grep -c '^tmx/'
