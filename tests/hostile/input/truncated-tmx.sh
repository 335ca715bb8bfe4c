# Every truncation of a small TMX file (every prefix, from 0 bytes to the
# whole but its final line end) is read by 'tmconv check' (all of them in
# one run, as one bad file does not stop the others) and every seventh by
# 'tmconv po export' (every 37th under valgrind, for time): each is an
# error with a line and column (exit 2), none crashes or hangs, and 'po
# export' writes nothing for it.  The whole file is read.
cat > small.tmx <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"><prop type="x-p">v</prop></header>
<body><tu tuid="r:0001"><prop type="x-bead">1-1-1</prop>
<tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> &amp; go.</seg></tuv>
<tuv xml:lang="az"><seg>Yadda saxla düyməsini basın.</seg></tuv>
<tuv xml:lang="fa"><seg>دکمه ذخیره را بزنید.</seg></tuv></tu></body></tmx>
TMX
. "$SRCDIR/tests/hostile/lib.sh"
size=$(cut_prefixes small.tmx tmx)
timeout 300 tmconv check cut/*.tmx > check.out 2> check.err
echo "check of $size prefixes: exit $?"
echo "files with an error: $(grep -c ': 1 error$' check.out)"
echo "errors with a line and column: $(grep -c '^tmconv: cut/[0-9]*\.tmx:[0-9]*:[0-9]*: ' check.err)"
timeout 300 tmconv tmx validate cut/*.tmx > validate.out 2> validate.err
echo "tmx validate of $size prefixes: exit $?"
echo "files not valid: $(grep -c '^cut/[0-9]*\.tmx: not valid TMX 1.4b' validate.out)"
step=7
[ "${TMC_VALGRIND:-0}" = 1 ] && step=37
bad=0
n=0
while [ $n -lt $size ]; do
  f=cut/$(printf %04d $n).tmx
  timeout 60 tmconv po export -o out $f 2> export.err
  rc=$?
  if [ $rc != 2 ] || [ -e out ] ||
     ! grep -q "^tmconv: $f:[0-9]*:[0-9]*: " export.err; then
    echo "po export of a prefix of $n bytes: exit $rc"
    cat export.err
    bad=$((bad + 1))
  fi
  n=$((n + step))
done
echo "po export: prefixes with something wrong: $bad"
tmconv check small.tmx
tmconv po export -o out small.tmx && ls out
