. "$SRCDIR/tests/cli/tmx/helpers.inc"
# validate on several files: valid ones say so with their unit count; a
# file that is not well-formed or not TMX is reported as a violation
# where the reading stopped (status 1); a file that cannot be read is an
# error (status 2, which wins).  -q leaves out the warnings.
fixture okapi.tmx omegat-14.tmx
printf '<tmx version="1.4"><header/><body><tu>\n</body></tmx>\n' > broken.tmx
printf '<xliff version="1.2"/>\n' > other.xml
tmconv tmx validate -q okapi.tmx omegat-14.tmx
echo "exit $?"
tmconv tmx validate okapi.tmx broken.tmx other.xml
echo "exit $?"
tmconv tmx validate okapi.tmx missing.tmx broken.tmx
echo "exit $?"
tmconv tmx validate - < okapi.tmx
echo "exit $?"
