# An output path that is a symbolic link to a file elsewhere: the link is
# replaced by the new file (written beside it, then renamed over it) and
# the file it pointed to is never written, whatever the command; a
# dangling link is replaced likewise and nothing appears where it
# pointed.  A link to a directory is refused as a directory is.  (A
# directory given with -o that is itself a link is where the user asked
# the files to go: they are written there.)
mkdir elsewhere out
echo 'precious' > elsewhere/file
printf 'One. Two.\n' > a.en.txt
cp "$SRCDIR/tests/data/po/good.az.po" az.po
cp "$SRCDIR/tests/data/po/small.tmx" small.tmx
ln -s ../elsewhere/file out/seg.txt
ln -s ../elsewhere/file out/import.tmx
ln -s ../elsewhere/file out/check.txt
ln -s ../elsewhere/file out/az.po
ln -s ../elsewhere/missing out/dangling.txt
ln -s ../elsewhere out/dir
tmconv segment -o out/seg.txt a.en.txt; echo "segment: exit $?"
printf 'Bir. İki.\n' > a.az.txt
ln -s ../elsewhere/file out/align.tmx
tmconv align -o out/align.tmx a.az.txt a.en.txt; echo "align: exit $?"
ln -s ../elsewhere/file out/convert.tmx
tmconv tmx convert -o out/convert.tmx small.tmx 2>/dev/null; echo "tmx convert: exit $?"
tmconv po import -o out/import.tmx az.po; echo "po import: exit $?"
tmconv check -o out/check.txt az.po; echo "check: exit $?"
tmconv po export -o out --langs=az small.tmx; echo "po export: exit $?"
tmconv segment -o out/dangling.txt a.en.txt; echo "segment (dangling): exit $?"
tmconv segment -o out/dir a.en.txt; echo "segment (to a directory): exit $?"
cat elsewhere/file
ls elsewhere
for f in seg.txt align.tmx convert.tmx import.tmx check.txt az.po dangling.txt; do
  if [ -L out/$f ]; then echo "out/$f: still a link"; elif [ -f out/$f ]; then echo "out/$f: a file"; fi
done
head -n 2 out/seg.txt
