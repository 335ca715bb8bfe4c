. "$SRCDIR/tests/cli/tmx/helpers.inc"
# filter --langs keeps the variants of the languages named and the units
# with at least two of them; the source is the input's when it is kept
# (en), else the first of --langs (az for az,fa).  --srclang chooses.
fixture film-week.tmx
tmconv tmx filter -q --langs=en,az -o en-az.tmx film-week.tmx
echo "exit $?"
grep -o 'srclang="[^"]*"' en-az.tmx | sort | uniq -c | sed 's/^ *//'
tuv_langs en-az.tmx
tmconv tmx filter -q --langs=az,fa -o az-fa.tmx film-week.tmx
grep -o 'srclang="[^"]*"' az-fa.tmx | sort | uniq -c | sed 's/^ *//'
tuv_langs az-fa.tmx
tmconv tmx filter -q --langs=az,fa --srclang=fa -o fa-az.tmx film-week.tmx
grep -o 'srclang="[^"]*"' fa-az.tmx | sort | uniq -c | sed 's/^ *//'
# The source variant comes first in every unit.
first_langs fa-az.tmx
# One language: the units that have it.
tmconv tmx filter -q --langs=az -o az.tmx film-week.tmx
tuv_langs az.tmx
