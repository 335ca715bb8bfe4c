# The batch on the three sample reports writes each report's TMX (3
# languages, and one per language pair), the merged 3-language TMX, the bilingual files, the catalogues and the review
# report; every TMX is valid TMX 1.4 and the catalogues pass msgfmt
# --check; a second run finds all up to date and writes nothing.
. "$SRCDIR/tests/cli/batch/corpus.inc"
samples corpus
tmconv batch -o out corpus
outputs out
tmconv tmx validate out/*.tmx out/tmx/*.tmx out/pairs/*/*.tmx 2>/dev/null >/dev/null && echo "all valid"
msgfmt --check -o /dev/null out/po/az.po &&
  msgfmt --check -o /dev/null out/po/fa.po && echo "catalogues pass msgfmt --check"
ls -l --time-style=+%s.%N out >before
tmconv batch -o out corpus
ls -l --time-style=+%s.%N out >after
cmp -s before after && echo "second run: nothing rewritten"
