# Errors of po export: each a clear message and exit 2, and no
# catalogue written: a TMX that is not well-formed (with line and
# column), a missing file, a file that is not TMX, a language given twice
# or the source as a target, a threshold out of range, no input.
printf '<tmx version="1.4"><header srclang="en"/><body><tu>\n<tuv xml:lang="en"><seg>a</seg>\n</body></tmx>\n' >broken.tmx
printf 'msgid "a"\nmsgstr "b"\n' >notes.tmx
tmconv po export -o out broken.tmx; echo "exit $?"
tmconv po export -o out missing.tmx; echo "exit $?"
tmconv po export -o out notes.tmx; echo "exit $?"
tmconv po export -o out --langs az,az "$SRCDIR/tests/data/po/small.tmx"; echo "exit $?"
tmconv po export -o out --langs en "$SRCDIR/tests/data/po/small.tmx"; echo "exit $?"
tmconv po export -o out --langs ../up "$SRCDIR/tests/data/po/small.tmx"; echo "exit $?"
tmconv po export -o out --fuzzy-below 2 "$SRCDIR/tests/data/po/small.tmx"; echo "exit $?"
tmconv po export; echo "exit $?"
[ -e out ] && echo "out was made"
touch file
tmconv po export -q -o file/sub "$SRCDIR/tests/data/po/small.tmx"; echo "exit $?"
# The template is written by a second process: its failure is reported
# and is the exit status too.
mkdir -p busy/small.pot
tmconv po export -q -o busy "$SRCDIR/tests/data/po/small.tmx"; echo "exit $?"
