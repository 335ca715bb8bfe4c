. "$SRCDIR/tests/cli/tmx/helpers.inc"
# convert rewrites a plain TMX (the gold alignment of a sample report) as
# the TMX 1.4b the writer promises: the seven header attributes with
# creationtool tmconv and the SOURCE_DATE_EPOCH date, the source variant
# first, <tu srclang> on the unit without the source language, the props
# and tuids as they were.  The result is byte for byte the expected one;
# the unit with a single variant is kept, with a warning.
fixture film-week.tmx
tmconv tmx convert film-week.tmx > out.tmx
echo "exit $?"
cmp out.tmx "$D/expected/film-week.tmx" && echo same
