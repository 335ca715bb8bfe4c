. "$SRCDIR/tests/cli/tmx/helpers.inc"
# --encoding: UTF-16 is little-endian with a BOM (what Windows tools
# write), UTF-16BE big-endian with a BOM, US-ASCII has every other
# character as a reference.  Each reads back as the same TMX, and a
# wrong name is a usage error.
fixture okapi.tmx
tmconv tmx convert -o u8.tmx okapi.tmx
tmconv tmx convert --encoding=UTF-16 -o le.tmx okapi.tmx
tmconv tmx convert --encoding=utf-16be -o be.tmx okapi.tmx
tmconv tmx convert --encoding=US-ASCII -o ascii.tmx okapi.tmx
od -An -tx1 -N4 le.tmx
od -An -tx1 -N4 be.tmx
head -n 1 ascii.tmx
LC_ALL=C grep -c '[^ -~]' ascii.tmx
grep -o 'Tam proqrama' ascii.tmx
grep -o 'Az&#x259;rbaycan' ascii.tmx
for f in le be ascii; do
  tmconv tmx convert -o $f.back.tmx $f.tmx
  cmp $f.back.tmx u8.tmx && echo "$f: reads back the same"
done
iconv -f UTF-16 -t UTF-8 le.tmx | head -n 1
tmconv tmx convert --encoding=latin1 okapi.tmx
echo "exit $?"
