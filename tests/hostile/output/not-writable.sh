# An output that cannot be written, in ways that stop root too (tests run
# as root here and in CI, where permission bits stop nothing): a path
# under a regular file (ENOTDIR) and a file in /proc, where no file can
# be made.  Every command fails with the path and the reason (exit 2),
# leaves nothing behind and touches no existing file.  (A read-only file
# system: read-only-fs.sh.)
touch plain
printf 'One. Two.\n' > a.en.txt
cp "$SRCDIR/tests/data/po/good.az.po" az.po
cp "$SRCDIR/tests/data/po/small.tmx" small.tmx
tmconv segment -o plain/x.txt a.en.txt; echo "segment: exit $?"
printf 'Bir. İki.\n' > a.az.txt
tmconv align -o plain/x.tmx a.az.txt a.en.txt; echo "align: exit $?"
tmconv po import -o plain/x.tmx az.po; echo "po import: exit $?"
tmconv tmx convert -o plain/x.tmx small.tmx 2>err; echo "tmx convert: exit $?"
grep -v warning err >&2
tmconv tmx filter --split -o plain/x.tmx small.tmx 2>err; echo "tmx filter --split: exit $?"
grep -v warning err >&2
tmconv check -o plain/x.txt az.po; echo "check: exit $?"
tmconv po export -o plain/po small.tmx 2>err; echo "po export: exit $?"
grep -v warning err | sort >&2
tmconv segment -o /proc/tmconv-test.txt a.en.txt; echo "segment to /proc: exit $?"
tmconv po export -o /proc small.tmx 2>err; echo "po export to /proc: exit $?"
grep -v warning err | sort >&2
rm err
ls
test -s plain || echo "plain is still empty"
