. "$SRCDIR/tests/cli/tmx/helpers.inc"
# merge: units are matched by their source text (en).  a4 is a duplicate
# of a2 and goes; b1 agrees with a1 and adds its Persian variant (and its
# note) to it; b2 translates "Entry is free." differently from a2: kept
# as a unit of its own and reported with both places; b5 then merges
# into b2; b3 and b4 (no English) are the same unit.  The header is the
# first file's, and -v counts.
fixture merge-a.tmx merge-b.tmx
tmconv tmx merge -v --lang-tag=az=az-AZ,fa=fa-IR,en=en-US -o m.tmx \
  merge-a.tmx merge-b.tmx
echo "exit $?"
sed 1,3d m.tmx
tmconv tmx validate m.tmx
