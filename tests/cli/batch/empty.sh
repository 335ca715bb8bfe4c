# An empty corpus (a folder with no report, or a manifest with none) is no
# error: the merged files and the report are written, with nothing in them.
. "$SRCDIR/tests/cli/batch/corpus.inc"
mkdir corpus
tmconv batch -o out corpus
echo "exit $?"
grep -c '<tu' out/corpus.tmx
grep '"reports": 0' out/report.json
printf '# nothing yet\n' >list.tsv
tmconv batch -q -o out2 list.tsv
echo "exit $?"
