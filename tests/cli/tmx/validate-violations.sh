. "$SRCDIR/tests/cli/tmx/helpers.inc"
# validate reports every violation of TMX 1.4b with its line and column
# on standard output (version, namespace attribute, missing and
# ill-valued header attributes, dates, usagecount, element order, lang
# instead of xml:lang, a variant without language or seg, unpaired
# bpt/ept, bad it pos and ph values, unknown elements, text where TMX
# allows none, units without a source variant or any variant), then a
# summary line; warnings go to standard error; status 1.
fixture bad-rules.tmx
tmconv tmx validate bad-rules.tmx
echo "exit $?"
