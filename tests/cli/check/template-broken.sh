# A template that cannot be read stops the run before any catalogue is
# checked: every count would depend on it.
cp "$SRCDIR"/tests/data/po/app.az.po .
cp "$SRCDIR"/tests/data/po/bad-duplicate.po broken.pot
tmconv check --pot broken.pot app.az.po
tmconv check --pot missing.pot app.az.po
