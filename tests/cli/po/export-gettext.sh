# Every file po export writes passes GNU gettext's own checks: msgfmt
# --check (the catalogues without a single warning; the template keeps
# gettext's header placeholders, which only give warnings), and msgcmp
# against the template: with --use-fuzzy --use-untranslated every message
# of the template is defined in each catalogue (fuzzy and untranslated
# entries are part of an export); without them, a catalogue exported
# with every entry confirmed passes too.
need_cmd msgfmt msgcmp
sh "$SRCDIR/tests/data/po/gold2tmx.sh" "$SRCDIR/tm/samples" \
  tehran-january-20-ceremony 2023-09-ardabil-carpet-festival \
  2023-11-baku-iranian-film-week >samples.tmx
tmconv po export -q -o out samples.tmx || echo "export failed"
for f in out/az.po out/fa.po; do
  LC_ALL=C msgfmt --check -o /dev/null $f 2>&1
  LC_ALL=C msgcmp --use-fuzzy --use-untranslated $f out/samples.pot 2>&1
done
LC_ALL=C msgfmt --check -o /dev/null out/samples.pot 2>&1 |
  grep -v "still has the initial default value"
# With no score threshold every fa entry of small.tmx is confirmed (its
# en-fa beads are all 1-1) and translated: plain msgcmp passes.
tmconv po export -q -o strict --langs fa --fuzzy-below 0 \
  "$SRCDIR/tests/data/po/small.tmx"
LC_ALL=C msgcmp strict/fa.po strict/small.pot 2>&1
# The files are in gettext's own form: msgmerge of a catalogue with the
# template, and msgcat, leave it byte for byte as it is.
need_cmd msgmerge msgcat
for l in az fa; do
  msgmerge --quiet out/$l.po out/samples.pot -o merged.po
  cmp -s out/$l.po merged.po || echo "msgmerge changes out/$l.po"
  msgcat out/$l.po -o cat.po
  cmp -s out/$l.po cat.po || echo "msgcat changes out/$l.po"
done
