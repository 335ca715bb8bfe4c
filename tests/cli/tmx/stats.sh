. "$SRCDIR/tests/cli/tmx/helpers.inc"
# stats counts units, variants and languages; variants, words and
# characters per language (inline codes left out); x-bead shapes and an
# x-score histogram.  Two files get a total; an unreadable one is an
# error (status 2) and the others are still counted.
fixture samples.tmx okapi.tmx
tmconv tmx stats -q samples.tmx
echo "exit $?"
tmconv tmx stats okapi.tmx omegat-none.tmx okapi.tmx
echo "exit $?"
