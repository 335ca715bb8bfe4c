# Re-runs redo only what changed: a file touched but not changed is not
# redone (content hashes, not times); a changed file redoes its report and
# the merged files; a new report is done alone; a report removed from the
# corpus loses its output; an output deleted by hand is made again;
# --force redoes all; changed options (--low-score) rebuild the merged
# files and the review report but no report.
. "$SRCDIR/tests/cli/batch/corpus.inc"
small corpus a
small corpus b
small corpus c/d
run() { tmconv batch -o out "$@" corpus 2>&1 | sed -n 1p; }
run
run
touch corpus/a.fa.txt
run
sed -i 's/Entry is free/Entry costs nothing/' corpus/b.en.txt
run
grep -c 'costs nothing' out/corpus.tmx out/tmx/b.tmx
small corpus e
run
rm corpus/c/d.*.txt
run
test -e out/tmx/c/d.tmx || echo "out/tmx/c/d.tmx removed"
test -d out/tmx/c || echo "out/tmx/c removed"
rm out/tmx/a.tmx
run
run --force
cp out/report.html old.html
run --low-score=0.5
cmp -s old.html out/report.html || echo "report.html rebuilt"
