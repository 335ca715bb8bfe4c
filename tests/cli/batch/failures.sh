# Nothing is lost: reports that fail (a missing language, a file in
# another encoding, a binary file) are named on standard error with their
# error, in corpus order whatever the threads, and listed in report.json
# and report.html; the others are done; the exit status is 1.  Once fixed,
# the next run does just the failed reports.
. "$SRCDIR/tests/cli/batch/corpus.inc"
small corpus a-good
small corpus b-legacy
sed 's/ی/ي/g' "$SRCDIR/tests/data/batch/small.fa.txt" |
  iconv -f UTF-8 -t WINDOWS-1256 >corpus/b-legacy.fa.txt
small corpus c-missing
rm corpus/c-missing.en.txt
small corpus d-binary
printf 'Book fair opens in Tabriz.\0\n' >corpus/d-binary.az.txt
small corpus e-good
tmconv batch -j4 -o out corpus
echo "exit $?"
outputs out | grep tmx/
grep -c '"status": "failed"' out/report.json
grep -o 'class="report failed"' out/report.html | wc -l
# Fixed: the legacy file converted, the missing file there, the binary
# file replaced.
iconv -f WINDOWS-1256 -t UTF-8 corpus/b-legacy.fa.txt >fa.txt
mv fa.txt corpus/b-legacy.fa.txt
cp "$SRCDIR/tests/data/batch/small.en.txt" corpus/c-missing.en.txt
cp "$SRCDIR/tests/data/batch/small.az.txt" corpus/d-binary.az.txt
tmconv batch -o out corpus
echo "exit $?"
