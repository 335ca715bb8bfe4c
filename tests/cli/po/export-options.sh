# --langs picks and names the catalogues, --domain names the template,
# --source makes another language the msgid (Azerbaijani here: the unit
# without English now has an entry, the one without Azerbaijani none),
# --fuzzy-below moves the score threshold, --project and --bugs-address
# fill their header fields.
small=$SRCDIR/tests/data/po/small.tmx
tmconv po export -q -o a --langs fa_IR --domain reports --project "Reports 2023" \
  --bugs-address tm@example.org "$small"
ls a
grep -E '^"(Project-Id-Version|Report-Msgid-Bugs-To|Language|Plural-Forms):' a/fa_IR.po
tmconv po export -q -o b --source az --langs en "$small"
ls b
grep -c '^msgid "' b/small.pot
grep -A1 '^msgid "Sonda' b/en.po
tmconv po export -q -o c --fuzzy-below 0.95 --langs az "$small"
grep -c '^#, fuzzy' c/az.po
tmconv po export -q -o d --fuzzy-below 0 --langs az "$small"
grep -c '^#, fuzzy' d/az.po
