. "$SRCDIR/tests/cli/tmx/helpers.inc"
# '-' reads standard input, output goes to standard output by default,
# and -o may name the input itself: the file is replaced only when the
# new one is complete.
fixture okapi.tmx
tmconv tmx convert - < okapi.tmx > a.tmx
cmp a.tmx "$D/expected/okapi.tmx" && echo "stdin to stdout: as expected"
cp okapi.tmx b.tmx
tmconv tmx convert -o b.tmx b.tmx
cmp b.tmx "$D/expected/okapi.tmx" && echo "in place: as expected"
# A read error leaves the output as it was.
printf '<tmx version="1.4"><body><tu>' > cut.tmx
cp b.tmx c.tmx
tmconv tmx convert -o c.tmx cut.tmx
echo "exit $?"
cmp c.tmx b.tmx && echo "c.tmx unchanged"
ls -A | grep tmp || echo "no temporary file left"
