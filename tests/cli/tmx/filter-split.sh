. "$SRCDIR/tests/cli/tmx/helpers.inc"
# --split writes one bilingual TMX per direction, en-az, en-fa and az-fa
# by default: each has the pair's source as srclang, only units with both
# languages (so the source language is in every unit) and the source
# variant first.  Each is valid TMX 1.4b for 'tmx validate'.
fixture film-week.tmx
tmconv tmx filter -q --split --lang-tag=az=az-Latn-AZ,fa=fa-IR,en=en-US \
  -o out/fw.tmx film-week.tmx 2>&1
mkdir out
tmconv tmx filter -q -v --split --lang-tag=az=az-Latn-AZ,fa=fa-IR,en=en-US \
  -o out/fw.tmx film-week.tmx
ls out
for p in en-az en-fa az-fa; do
  f=out/fw.$p.tmx
  echo "$p: $(grep -o 'srclang="[^"]*"' $f | sort -u | tr '\n' ' ')"
  tuv_langs $f
  echo "units $(grep -c '<tu ' $f), first variants:"
  first_langs $f
  tmconv tmx validate $f
done
