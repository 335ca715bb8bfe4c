. "$SRCDIR/tests/cli/tmx/helpers.inc"
# Output is reproducible: the same input and SOURCE_DATE_EPOCH give the
# same bytes; another SOURCE_DATE_EPOCH changes only the creation date; a
# SOURCE_DATE_EPOCH that is not a number of seconds is an error.
fixture film-week.tmx
tmconv tmx convert -q -o 1.tmx film-week.tmx
tmconv tmx convert -q -o 2.tmx film-week.tmx
cmp 1.tmx 2.tmx && echo identical
SOURCE_DATE_EPOCH=1750000000 tmconv tmx convert -q -o 3.tmx film-week.tmx
diff 1.tmx 3.tmx | grep -o 'creationdate="[^"]*"'
SOURCE_DATE_EPOCH=yesterday tmconv tmx convert -q -o 4.tmx film-week.tmx
echo "exit $?"
test -e 4.tmx || echo "no 4.tmx"
