# tmconv batch with an output directory it cannot write: under a regular
# file, in /proc, and (in a mount namespace of this test, skipped where
# the machine does not allow one) on a read-only tmpfs and on a 48 KiB
# tmpfs that fills up half-way.  Each run fails with the path and the
# reason (exit 2), leaves no temporary or cut file, and after a full
# disk, once there is room, the next run completes OUT as one run on
# ample space would have made it.
mkdir corpus
for l in az fa en; do
  cp "$SRCDIR/tm/samples/2023-11-baku-iranian-film-week.$l.txt" corpus/a.$l.txt
  cp "$SRCDIR/tm/samples/2023-09-ardabil-carpet-festival.$l.txt" corpus/b.$l.txt
done
touch plain
tmconv batch -q -o plain/out corpus; echo "under a file: exit $?"
tmconv batch -q -o /proc/tmconv-out corpus; echo "in /proc: exit $?"
tmconv batch -q -o ample corpus; echo "ample: exit $?"
need_cmd unshare mount
mkdir mnt
unshare -m sh -c 'mount -t tmpfs -o size=48k tmpfs mnt' 2>/dev/null ||
  skip "cannot mount a tmpfs here (a mount namespace needs CAP_SYS_ADMIN)"
unshare -m sh -c '
  mount -t tmpfs -o size=64k tmpfs mnt || exit 99
  mount -o remount,ro mnt || exit 99
  tmconv batch -q -o mnt/out corpus; echo "read-only: exit $?"
  mount -o remount,rw,size=48k mnt || exit 99
  tmconv batch -q -o mnt/out corpus 2>err; echo "full: exit $?"
  grep -q "No space left on device" err && echo "no space left, it said"
  find mnt -name ".*.tmp-*" | wc -l
  mount -o remount,size=8m mnt || exit 99
  tmconv batch -q -o mnt/out corpus; echo "with room: exit $?"
  cd ample && find . -type f ! -path "./.tmconv-batch/*" | sort |
    while read -r f; do cmp -s "$f" "../mnt/out/$f" || echo "differs: $f"; done
  echo "compared with the run on ample space"
'
