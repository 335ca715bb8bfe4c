. "$SRCDIR/tests/cli/tmx/helpers.inc"
# Every TMX tmconv writes validates against the TMX 1.4 DTD with xmllint
# (and has xml:lang on every <tuv>): convert of every fixture, broken
# ones included, with and without --lang-tag, in UTF-8, UTF-16 and
# US-ASCII, without props; filter --langs and --split; merge.  'tmx
# validate' finds no violation in them either.
need_cmd xmllint
need_shared
fixture film-week.tmx samples.tmx omegat-11.tmx omegat-14.tmx okapi.tmx \
  trados.tmx merge-a.tmx merge-b.tmx bad-rules.tmx
tags=--lang-tag=az=az-Latn-AZ,fa=fa-IR,en=en-US
mkdir out
for f in *.tmx; do
  b=${f%.tmx}
  tmconv tmx convert -q -o out/$b.tmx $f
  tmconv tmx convert -q $tags -o out/$b.tags.tmx $f
done
tmconv tmx convert -q --encoding=UTF-16 -o out/okapi.utf16.tmx okapi.tmx
tmconv tmx convert -q --encoding=UTF-16BE -o out/trados.utf16be.tmx trados.tmx
tmconv tmx convert -q --encoding=US-ASCII -o out/samples.ascii.tmx samples.tmx
tmconv tmx convert -q --no-props -o out/trados.noprops.tmx trados.tmx
tmconv tmx filter -q --langs=en,fa --min-score=0.5 -o out/en-fa.tmx samples.tmx
tmconv tmx filter -q --split $tags -o out/split.tmx samples.tmx
tmconv tmx merge -q -o out/merged.tmx samples.tmx merge-a.tmx merge-b.tmx
cd out
echo "$(ls | wc -l) files"
dtd_valid *.tmx | grep -v ': valid$' || echo "all valid against the DTD"
tmconv tmx validate -q *.tmx | grep -v ': valid TMX 1.4b, ' ||
  echo "no violation"
echo "--no-props: $(sed -n '/<body>/,$p' trados.noprops.tmx | grep -c '<prop\|<note') props or notes in the body"
