# A read-only file system, which stops root too: a tmpfs mounted
# read-only in a mount namespace of this test alone (skipped where the
# machine does not let a test mount one), holding an older output.
# Every command fails with the path and "Read-only file system" (exit
# 2) and the older file is left as it was.
need_cmd unshare mount
mkdir ro
unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs ro' 2>/dev/null ||
  skip "cannot mount a tmpfs here (a mount namespace needs CAP_SYS_ADMIN)"
printf 'One. Two.\n' > a.en.txt
printf 'Bir. İki.\n' > a.az.txt
cp "$SRCDIR/tests/data/po/good.az.po" az.po
cp "$SRCDIR/tests/data/po/small.tmx" small.tmx
unshare -m sh -c '
  mount -t tmpfs -o size=64k tmpfs ro || exit 99
  echo "older output" > ro/out.txt
  mkdir ro/po
  mount -o remount,ro ro || exit 99
  tmconv segment -o ro/out.txt a.en.txt; echo "segment: exit $?"
  tmconv align -o ro/out.txt a.az.txt a.en.txt; echo "align: exit $?"
  tmconv po import -o ro/out.txt az.po; echo "po import: exit $?"
  tmconv check -o ro/out.txt az.po; echo "check: exit $?"
  tmconv po export -o ro/po small.tmx 2>err; echo "po export: exit $?"
  grep -v warning err | sort >&2
  tmconv po export -o ro/new small.tmx 2>err; echo "po export (new directory): exit $?"
  grep -v warning err >&2
  cat ro/out.txt
  ls ro
'
