# po/az.po and po/fa.po translate every message of the template: msgcmp
# fails on a message that is missing, untranslated or fuzzy.
need_cmd msgcmp
for l in az fa; do
  LC_ALL=C msgcmp "$SRCDIR/po/$l.po" "$SRCDIR/po/tmconv.pot" 2>&1 | sed "s|$SRCDIR/||"
done
