# On a terminal, a progress line on standard error says how many reports
# are done, the sentences per second, the time spent and the time left,
# and is cleared at the end; with --quiet, or when standard error is not a
# terminal, there is none (the other cases show stderr exactly).
. "$SRCDIR/tests/cli/batch/corpus.inc"
need_cmd script
samples corpus
i=0
while [ $i -lt 40 ]; do small corpus "r$i"; i=$((i + 1)); done
script -qec "tmconv batch -j1 -o out corpus" /dev/null >tty.txt </dev/null
echo "exit $?"
grep -c 'batch: [0-9]*/43 reports, [0-9]* sentences/s, 0:[0-9][0-9] elapsed, ETA' tty.txt
grep -c 'writing the merged files and the report' tty.txt
grep -c '43 reports: 43 done' tty.txt
script -qec "tmconv batch -q --force -j1 -o out2 corpus" /dev/null >quiet.txt </dev/null
wc -c <quiet.txt
