. "$SRCDIR/tests/cli/tmx/helpers.inc"
# --min-score leaves out the units whose x-score is below the minimum and
# keeps those without a score; -v says what was written.  The number is
# read with a '.' whatever the locale; anything else is a usage error.
fixture film-week.tmx
tmconv tmx filter -q -v --min-score=0.85 -o hi.tmx film-week.tmx
grep -o '<prop type="x-score">[^<]*' hi.tmx | sed 's/.*>//' | sort | tr '\n' ' '
echo
tmconv tmx filter -q --min-score=1 -o one.tmx film-week.tmx
grep -c '<tu ' one.tmx
for bad in 1.5 0,5 -0.1 x ''; do
  tmconv tmx filter --min-score="$bad" film-week.tmx
  echo "exit $?"
done
