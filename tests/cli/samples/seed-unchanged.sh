# The English version of the first sample is the project's seed report,
# unchanged: the file in ../shared/seed plus the final newline it lacks.
need_shared
seed=$SHARED/seed/000_b9b1af63cb626f66.txt
[ -f "$seed" ] || skip "the seed report is not in $SHARED/seed"
{ cat "$seed"; [ -z "$(tail -c 1 "$seed")" ] || echo; } >seed.txt
if cmp seed.txt "$SRCDIR/tm/samples/tehran-january-20-ceremony.en.txt"; then
  echo "tehran-january-20-ceremony.en.txt is the seed report"
fi
