# A full disk.  /dev/full as the output of every command that writes a
# file: the write error is reported (exit 2), not lost in a buffer; for
# 'po export', whose files libgettextpo writes, a catalogue's name is a
# link to /dev/full (before, libgettextpo's write errors went unseen and
# the export said it had written a catalogue it had not).  And
# a file system that fills up half-way: a 16 KiB tmpfs, in a mount
# namespace of this test alone (skipped where the machine does not let a
# test mount one), holding an older output: the commands fail with "No
# space left on device", the older file is left whole, and no temporary
# or partial file remains.
printf 'One. Two.\n' > a.en.txt
cp "$SRCDIR/tests/data/po/good.az.po" az.po
tmconv segment -o /dev/full a.en.txt; echo "segment: exit $?"
tmconv po import -o /dev/full az.po; echo "po import: exit $?"
tmconv check -o /dev/full az.po; echo "check: exit $?"
tmconv segment --print-srx -o /dev/full; echo "segment --print-srx: exit $?"
printf 'Bir. İki.\n' > a.az.txt
tmconv align -o /dev/full a.az.txt a.en.txt; echo "align -o: exit $?"
tmconv align -b /dev/full a.az.txt a.en.txt; echo "align -b: exit $?"
tmconv tmx convert -o /dev/full "$SRCDIR/tests/data/po/small.tmx" 2>err; echo "tmx convert: exit $?"
tmconv tmx stats "$SRCDIR/tests/data/po/small.tmx" > /dev/full 2>>err; echo "tmx stats > /dev/full: exit $?"
grep -v warning err >&2
mkdir full
ln -s /dev/full full/az.po
tmconv po export -o full --langs=az "$SRCDIR/tests/data/po/small.tmx" 2>err
echo "po export: exit $?"
grep -v warning err >&2

need_cmd unshare mount
mkdir mnt
unshare -m sh -c 'mount -t tmpfs -o size=16k tmpfs mnt' 2>/dev/null ||
  skip "cannot mount a tmpfs here (a mount namespace needs CAP_SYS_ADMIN)"
# A catalogue of 1000 messages, its TMX and PO files some 100 KB each.
{
  printf 'msgid ""\nmsgstr ""\n"Language: az\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
  for i in $(seq 1000); do
    printf '\nmsgid "The ceremony number %s was held in the city."\nmsgstr "%s saylı mərasim şəhərdə keçirildi."\n' $i $i
  done
} > big.po
tmconv po import -o big.tmx big.po
unshare -m sh -c '
  mount -t tmpfs -o size=16k tmpfs mnt || exit 99
  echo "older output" > mnt/out.tmx
  tmconv po import -o mnt/out.tmx big.po; echo "po import: exit $?"
  tmconv po export -o mnt/po big.tmx 2>err; echo "po export: exit $?"
  sort err >&2
  tmconv segment -o mnt/out.tmx big.po --lang=en; echo "segment: exit $?"
  cat mnt/out.tmx
  find mnt -type f | sort
'
