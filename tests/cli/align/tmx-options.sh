# TMX options: --pairs picks the bilingual files, --lang-tag the tags,
# --doc-id the id in tuids and x-doc; two inputs give one bilingual file.
cp $SRCDIR/tests/data/align/visit.*.txt .
tmconv align -o out.tmx --pairs=fa-en --lang-tag=az=az-AZ --doc-id=rep7 \
  visit.az.txt visit.fa.txt visit.en.txt
ls out*
grep -o 'xml:lang="[^"]*"' out.tmx | sort -u
grep -o 'tuid="[^"]*"' out.fa-en.tmx | head -n 1
grep -o 'srclang="[^"]*"' out.fa-en.tmx
tmconv align -o two.tmx en=visit.en.txt az=visit.az.txt
ls two*
grep -c '<tuv' two.tmx
