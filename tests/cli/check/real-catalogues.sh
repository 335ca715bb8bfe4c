# tmconv check counts real catalogues exactly as GNU msgfmt --statistics
# does.  Fixtures are made here from the Azerbaijani and Persian
# catalogues Debian ships (glib20, gtk20, iso_3166-1): msgunfmt gives
# complete catalogues; each is merged (msgmerge, with its fuzzy matching)
# into a template made from the other language's msgids, which gives
# fuzzy, untranslated and obsolete entries; then some fuzzy entries lose
# their translation, as happens when a translator empties one.
#
# translate-toolkit's pocount counts such "fuzzy with no translation"
# entries nowhere: its fuzzy count needs a translation and its
# untranslated count excludes fuzzy entries (translate/tools/pocount.py,
# fuzzymessages and untranslatedmessages), so its total is short by
# their number.  msgfmt, and tmconv, count them as untranslated: the
# test checks pocount agrees on everything else and differs by exactly
# those entries.
need_cmd msgunfmt msgfilter msgmerge msgattrib msgfmt
. "$SRCDIR/tests/data/po/stats.sh"
have_pocount=no
command -v pocount >/dev/null 2>&1 && have_pocount=yes
files=
for dom in glib20 gtk20 iso_3166-1; do
  az=/usr/share/locale/az/LC_MESSAGES/$dom.mo
  fa=/usr/share/locale/fa/LC_MESSAGES/$dom.mo
  [ -f "$az" ] && [ -f "$fa" ] || continue
  msgunfmt "$az" -o $dom.az.full.po
  msgunfmt "$fa" -o $dom.fa.full.po
  msgfilter --keep-header -i $dom.az.full.po -o $dom.from-az.pot sed -e d
  msgfilter --keep-header -i $dom.fa.full.po -o $dom.from-fa.pot sed -e d
  msgmerge --quiet $dom.az.full.po $dom.from-fa.pot -o $dom.az.merged.po
  msgmerge --quiet $dom.fa.full.po $dom.from-az.pot -o $dom.fa.merged.po
  for l in az fa; do
    awk '
      /^$/ { fuzzy = 0; skip = 0 }
      /^#,.*fuzzy/ { fuzzy = 1 }
      /^msgid "/ { pick = fuzzy && $0 ~ /^msgid "[A-Ma-m]/ }
      /^msgstr "/ { if (pick) { print "msgstr \"\""; skip = 1; next } }
      skip && /^"/ { next }
      { skip = 0; print }' $dom.$l.merged.po >$dom.$l.po
    files="$files $dom.$l.full.po $dom.$l.po"
  done
done
[ -n "$files" ] || skip "no az and fa catalogues of glib20, gtk20 or iso_3166-1 in /usr/share/locale"

n=0 fuzzy_empty_total=0
for f in $files; do
  want=$(msgfmt_stats $f)
  got=$(tmconv_stats $f)
  [ "$got" = "$want" ] || echo "$f: msgfmt --statistics says $want, tmconv check $got"
  n=$((n + 1))
  [ $have_pocount = yes ] || continue
  fe=$(msgattrib --only-fuzzy --untranslated --no-obsolete $f | grep -c '^msgid ')
  [ "$fe" -gt 0 ] && fe=$((fe - 1))  # the header
  fuzzy_empty_total=$((fuzzy_empty_total + fe))
  set -- $got
  want_pocount="$1, $2, $(($3 - fe))"
  got_pocount=$(pocount --no-color --csv $f 2>/dev/null | tail -n 1 |
    awk -F', *' '{ print $2 ", " $5 ", " $7 }')
  [ "$got_pocount" = "$want_pocount" ] ||
    echo "$f: pocount says $got_pocount, expected $want_pocount"
done
# The comparison ran on every file, and the pocount difference occurred.
[ $n -ge 4 ] || echo "only $n catalogues compared"
[ $have_pocount = no ] || [ $fuzzy_empty_total -gt 0 ] ||
  echo "no fuzzy entry without a translation: the pocount difference was not exercised"
