# tm/README.md's table of bead shapes is true: each row that check-samples
# --table computes from the gold files of tm/samples is in the README, and
# the README's table has no other row.
need_cmd iconv
sh "$SRCDIR/tests/cli/samples/check-samples" --table "$SRCDIR/tm/samples" >rows || exit 1
# The README's rows: the lines of its bead-shape table after the header.
sed -n '/^| id | az | fa | en | beads | bead shapes/,/^$/p' "$SRCDIR/tm/README.md" |
  sed '1,2d;/^$/d' >readme-rows
if cmp -s rows readme-rows; then
  echo "README table matches the gold files ($(wc -l <rows | tr -d ' ') reports)"
else
  echo "tm/README.md's bead-shape table differs from the gold files:"
  diff rows readme-rows
fi
