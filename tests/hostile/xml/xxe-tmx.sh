# XML external entities (XXE) in a TMX file are never fetched or read,
# by any command that reads TMX.  Each one points at a FIFO nobody writes
# to: opening it would block, so 'timeout' would end tmconv with 124; or
# at a file with a secret that must not show in any output.  A general
# entity, a parameter entity, an external DTD subset and a reference to
# an entity never declared: declarations are refused with their line,
# the external subset (TMX files name tmx14.dtd there) is not loaded and
# the file is read.  Nothing is written for a refused file.
mkfifo trap.fifo
echo 'TOP SECRET 4242' > secret.txt
body='<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>a ENT b</seg></tuv><tuv xml:lang="az"><seg>c</seg></tuv></tu></body></tmx>'
printf '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "trap.fifo">]>\n%s\n' "$(echo "$body" | sed 's/ENT/\&x;/')" > general.tmx
printf '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "secret.txt">]>\n%s\n' "$(echo "$body" | sed 's/ENT/\&x;/')" > secret.tmx
printf '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY %% p SYSTEM "trap.fifo"> %%p;]>\n%s\n' "$(echo "$body" | sed 's/ENT/x/')" > param.tmx
printf '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "trap.fifo">\n%s\n' "$(echo "$body" | sed 's/ENT/x/')" > subset.tmx
printf '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "trap.fifo">\n%s\n' "$(echo "$body" | sed 's/ENT/\&x;/')" > undeclared.tmx
for f in general secret param subset undeclared; do
  timeout 60 tmconv check $f.tmx
  echo "check $f: exit $?"
  timeout 60 tmconv po export -o $f.po $f.tmx
  echo "po export $f: exit $?"
  timeout 60 tmconv tmx stats $f.tmx > /dev/null
  echo "tmx stats $f: exit $?"
  timeout 60 tmconv tmx convert -o $f.out.tmx $f.tmx
  echo "tmx convert $f: exit $?"
done
ls -d *.po *.out.tmx
cat subset.po/az.po | grep -A1 '^msgid "a x b"'
grep -rl 4242 --exclude=secret.txt . || echo "the secret is in no output"
