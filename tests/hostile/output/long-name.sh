# Output names at the length limit of a name (255 bytes on Linux file
# systems): a name of 250 bytes is written (before, the temporary file
# beside it, ".NAME.tmp-XXXXXX", was too long to be made, and the output
# failed with "File name too long"), one of 256 bytes is an error naming
# it, and nothing is left behind either way.
printf 'One. Two.\n' > a.en.txt
name=$(printf 'n%.0s' $(seq 246)).txt
tmconv segment -o "$name" a.en.txt; echo "segment, 250 bytes: exit $?"
cat "$name"
long=$(printf 'n%.0s' $(seq 252)).txt
tmconv segment -o "$long" a.en.txt 2>err; echo "segment, 256 bytes: exit $?"
tmconv po import -o "$long" "$SRCDIR/tests/data/po/good.az.po" 2>>err
echo "po import, 256 bytes: exit $?"
sed 's/n\{252\}/N.../' err
rm err
ls -A | grep -v '^\.out$' | sed 's/n\{246\}/N.../'
