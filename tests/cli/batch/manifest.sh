# A manifest names the reports: a header gives the columns (the order of
# the languages, an encoding per language), comments and blank lines are
# skipped, paths are relative to the manifest.  Lines that cannot be used
# fail on their own with FILE:LINE:COL (too few fields, an unknown
# encoding, an id that would escape OUT, a duplicate id, an empty path, a
# device instead of a file); the others are done.
. "$SRCDIR/tests/cli/batch/corpus.inc"
small texts
sed 's/ی/ي/g' "$SRCDIR/tests/data/batch/small.fa.txt" |
  iconv -f UTF-8 -t WINDOWS-1256 >texts/legacy-fa.txt
T=$(printf '\t')
cat >list.tsv <<TSV
# The reports of the book fair
id${T}en${T}az${T}fa${T}fa.encoding

fair/utf8${T}texts/small.en.txt${T}texts/small.az.txt${T}texts/small.fa.txt${T}
fair/cp1256${T}texts/small.en.txt${T}texts/small.az.txt${T}texts/legacy-fa.txt${T}windows-1256
short${T}texts/small.en.txt${T}texts/small.az.txt
enc${T}texts/small.en.txt${T}texts/small.az.txt${T}texts/legacy-fa.txt${T}CP-NONE
../escape${T}texts/small.en.txt${T}texts/small.az.txt${T}texts/small.fa.txt${T}
fair/utf8${T}texts/small.en.txt${T}texts/small.az.txt${T}texts/small.fa.txt${T}
noaz${T}texts/small.en.txt${T}${T}texts/small.fa.txt${T}
zero${T}texts/small.en.txt${T}/dev/zero${T}texts/small.fa.txt${T}
TSV
mkdir work
cd work
tmconv batch -o ../out ../list.tsv
echo "exit $?"
cd ..
outputs out | grep tmx/
test -e escape.tmx || test -e out/escape.tmx || echo "nothing written outside out/tmx"
cmp out/tmx/fair/utf8.tmx out/tmx/fair/cp1256.tmx >/dev/null ||
  grep -c '<tu ' out/tmx/fair/utf8.tmx out/tmx/fair/cp1256.tmx
