# -v lists every message that is not done, with its line: untranslated,
# fuzzy, missing from the catalogue (at its line in the template), not in
# the template.
cp "$SRCDIR"/tests/data/po/app.pot "$SRCDIR"/tests/data/po/app.fa.po .
tmconv check -v --pot app.pot app.fa.po 2>/dev/null
