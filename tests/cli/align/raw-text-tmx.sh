# From the raw report files (read and segmented by tmconv) to TMX: one
# 3-language file and a bilingual file per pair, each unit with a tuid,
# x-doc, x-bead and x-score; the id comes from the file names.
cp $SRCDIR/tests/data/align/visit.*.txt .
tmconv align -o visit.tmx visit.az.txt visit.fa.txt visit.en.txt
ls visit*.tmx
grep -c '<tu ' visit.tmx
grep -o 'tuid="[^"]*"' visit.tmx | sed -n '1p;5p'
grep -o '<prop type="x-bead">[^<]*' visit.tmx | sort | uniq -c
grep -c 'x-score">[01]\.[0-9][0-9][0-9]<' visit.tmx
grep -o 'srclang="[^"]*"' visit.tmx visit.az-fa.tmx
grep -c '<tu ' visit.en-az.tmx visit.en-fa.tmx visit.az-fa.tmx
