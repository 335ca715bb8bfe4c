# translate-toolkit, the other tool translators use on catalogues, reads
# what tmconv writes: pocount finds the counts tmconv check finds in an
# exported catalogue, and po2tmx turns it into TMX that tmconv check
# counts again (po2tmx leaves fuzzy and untranslated entries out).
need_cmd pocount po2tmx
tmconv po export -q -o po "$SRCDIR/tests/data/po/small.tmx"
pocount --no-color --csv po/az.po po/fa.po | tail -n 2 |
  awk -F', *' '{ print $1 ": translated " $2 ", fuzzy " $5 ", untranslated " $7 }'
tmconv check po/az.po po/fa.po
po2tmx --progress=none --source-language=en -l az -i po/az.po -o az.tmx
tmconv check az.tmx
