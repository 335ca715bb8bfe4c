. "$SRCDIR/tests/cli/tmx/helpers.inc"
# --lang-tag puts one tag per language in the header and in every
# variant: here the documented defaults, then others a CAT tool may want.
fixture film-week.tmx
tmconv tmx convert -q --lang-tag=az=az-Latn-AZ,fa=fa-IR --lang-tag en=en-US \
  -o a.tmx film-week.tmx
grep -o 'srclang="[^"]*"' a.tmx | sort | uniq -c | sed 's/^ *//'
tuv_langs a.tmx
tmconv tmx convert -q --lang-tag=az=AZ_az,fa=fa,en=en-gb -o b.tmx \
  film-week.tmx
grep -o 'srclang="[^"]*"' b.tmx | sort | uniq -c | sed 's/^ *//'
tuv_langs b.tmx
# A malformed assignment is a usage error.
tmconv tmx convert --lang-tag=az film-week.tmx
echo "exit $?"
tmconv tmx convert --lang-tag='az=az Latn' film-week.tmx
echo "exit $?"
