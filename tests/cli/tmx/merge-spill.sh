. "$SRCDIR/tests/cli/tmx/helpers.inc"
# merge -T DIR: the units are kept in a temporary file in DIR rather than
# in memory, and the result is the same bytes as merge.sh's, with the
# same warnings and counts (duplicate, merge gaining a variant and a note,
# conflict, units without the source language).  The temporary file is
# never seen in DIR, during or after; a DIR that does not exist is an
# error.
fixture merge-a.tmx merge-b.tmx
mkdir spill
tmconv tmx merge -v --lang-tag=az=az-AZ,fa=fa-IR,en=en-US -o mem.tmx \
  merge-a.tmx merge-b.tmx 2>mem.err
tmconv tmx merge -v -T spill --lang-tag=az=az-AZ,fa=fa-IR,en=en-US \
  -o spilled.tmx merge-a.tmx merge-b.tmx 2>spilled.err
echo "exit $?"
cmp mem.tmx spilled.tmx && echo "same TMX"
cmp mem.err spilled.err && echo "same warnings"
cat spilled.err
ls -A spill | wc -l
# The long option, and standard input among the files.
tmconv tmx merge --temporary-directory=spill \
  --lang-tag=az=az-AZ,fa=fa-IR,en=en-US -o stdin.tmx merge-a.tmx - \
  <merge-b.tmx 2>/dev/null
cmp mem.tmx stdin.tmx && echo "same from standard input"
tmconv tmx merge -T no/such/dir merge-a.tmx
echo "exit $?"
