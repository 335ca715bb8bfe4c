# The output is one of the inputs, by the same name, by another name of
# the same file (a symbolic link, a hard link, "./x"): every command
# refuses before it writes anything (exit 2), and every input is left as
# it was.  (Before, 'segment -o a.en.txt a.en.txt' replaced the report
# with its sentences.)
printf 'One. Two.\n' > a.en.txt
ln -s a.en.txt link.en.txt
ln a.en.txt hard.en.txt
cp "$SRCDIR/tests/data/po/good.az.po" az.po
cp "$SRCDIR/tests/data/po/small.tmx" small.tmx
mkdir po
cp small.tmx po/az.po
cp small.tmx po/small.pot
sum() { cksum a.en.txt az.po small.tmx po/az.po po/small.pot; }
sum > before
tmconv segment -o a.en.txt a.en.txt; echo "segment: exit $?"
tmconv segment -o ./a.en.txt a.en.txt; echo "segment ./: exit $?"
tmconv segment -o link.en.txt a.en.txt; echo "segment to a link: exit $?"
tmconv segment -o hard.en.txt a.en.txt; echo "segment to a hard link: exit $?"
printf 'Bir. İki.\n' > a.az.txt
cp a.az.txt keep.az
tmconv align -o a.en.txt a.az.txt a.en.txt; echo "align -o: exit $?"
tmconv align -b ./a.az.txt a.az.txt en=hard.en.txt; echo "align -b: exit $?"
cmp a.az.txt keep.az && echo "a.az.txt as it was"
tmconv po import -o az.po az.po; echo "po import: exit $?"
tmconv check -o az.po az.po; echo "check: exit $?"
tmconv po export -o po po/az.po; echo "po export (az.po): exit $?"
tmconv po export -o po -d small --langs=fa po/small.pot; echo "po export (small.pot): exit $?"
sum | cmp - before && echo "every input as it was"
# The tmx commands may write over their input, on purpose (convert or
# merge in place): they read all of it before the result, written beside
# it, replaces it.
cp small.tmx inplace.tmx
tmconv tmx convert -o inplace.tmx inplace.tmx 2>/dev/null; echo "tmx convert in place: exit $?"
tmconv tmx stats inplace.tmx | sed -n 2,3p
tmconv tmx merge -o inplace.tmx inplace.tmx small.tmx 2>/dev/null; echo "tmx merge in place: exit $?"
tmconv tmx stats inplace.tmx | sed -n 2,3p
ls -a | grep tmp- || echo "no temporary file left"
test -L link.en.txt && echo "the link is still a link"
ls po
