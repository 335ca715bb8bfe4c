# Symbolic links planted inside OUT that point out of it: OUT/tmx/2023
# (where the report 2023/r goes) and OUT/po link to directories
# elsewhere, which hold files of the same names.  tmconv batch writes
# only into real directories inside OUT: the report fails, naming the
# link, the catalogues are not written through the link, and no file
# elsewhere is written or, when the report leaves the corpus, removed.
# (Before, elsewhere/r.tmx was replaced by the report's TMX.)  OUT itself
# may be a link: that is where the user sends the files.
mkdir -p corpus/2023 elsewhere/po real
for l in az fa en; do
  cp "$SRCDIR/tm/samples/2023-11-baku-iranian-film-week.$l.txt" corpus/2023/r.$l.txt
  cp "$SRCDIR/tm/samples/2023-11-baku-iranian-film-week.$l.txt" corpus/s.$l.txt
done
echo precious > elsewhere/r.tmx
echo precious > elsewhere/po/az.po
mkdir -p out/tmx
ln -s ../../elsewhere out/tmx/2023
ln -s ../elsewhere/po out/po
tmconv batch -q -o out corpus; echo "batch: exit $?"
head -c 30 elsewhere/r.tmx elsewhere/po/az.po
ls elsewhere elsewhere/po
test -f out/tmx/s.tmx && echo "the other report is done"
rm corpus/2023/r.*
tmconv batch -q -o out corpus; echo "batch again: exit $?"
head -c 30 elsewhere/r.tmx
ln -s real linked-out
tmconv batch -q -o linked-out corpus; echo "batch into a linked OUT: exit $?"
test -f real/tmx/s.tmx && echo "written through the link to OUT"
