# Every truncation of a small PO catalogue (every prefix, from 0 bytes to
# the whole but its final line end) is read by 'tmconv check' (all in one
# run) and every seventh by 'tmconv po import' (every 41st under
# valgrind, for time).  A prefix that ends between entries is a good,
# shorter catalogue; one that ends inside an entry is an error with its
# line.  None crashes or hangs; 'po import' writes a TMX exactly when it
# exits 0, and that TMX reads back.
cat > small.po <<'PO'
# Azerbaijani translation.
msgid ""
msgstr ""
"Project-Id-Version: t\n"
"PO-Revision-Date: 2024-01-01 00:00+0000\n"
"Last-Translator: t\n"
"Language-Team: Azerbaijani\n"
"Language: az\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#. a comment
#: src/a.c:1
#, c-format
msgctxt "menu"
msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d fayl"
msgstr[1] "%d fayl"

#, fuzzy
msgid "Open \"it\"\n"
msgstr "Aç \"onu\"\n"

#~ msgid "Old"
#~ msgstr "Köhnə"
PO
. "$SRCDIR/tests/hostile/lib.sh"
size=$(cut_prefixes small.po po)
timeout 300 tmconv check cut/*.po > check.out 2> check.err
echo "check of $size prefixes: exit $?"
echo "with errors: $(grep -c ': [0-9]* errors*$' check.out)"
echo "read, in Azerbaijani: $(grep -c '^cut/[0-9]*\.po \[az\]: ' check.out)"
echo "read, empty: $(grep -c '^cut/[0-9]*\.po: 0 translated' check.out)"
# Every message names its file, and its line unless about the whole file.
grep -v '^tmconv: cut/[0-9]*\.po:[0-9][0-9]*\(:[0-9][0-9]*\)*: \|^tmconv: cut/[0-9]*\.po: warning: \|^tmconv: cut/[0-9]*\.po: not a PO file: ' check.err | sed 's/^/unexpected: /' | sort -u
step=7
[ "${TMC_VALGRIND:-0}" = 1 ] && step=41
bad=0 good=0 refused=0
n=0
while [ $n -lt $size ]; do
  f=cut/$(printf %04d $n).po
  rm -f out.tmx
  timeout 60 tmconv po import -o out.tmx $f 2> import.err
  rc=$?
  case $rc in
    0) if [ -s out.tmx ] && tmconv check out.tmx >/dev/null 2>&1; then
         good=$((good + 1))
       else
         echo "po import of $n bytes: exit 0 but no good TMX"; bad=$((bad + 1))
       fi ;;
    2) if [ ! -e out.tmx ] && grep -q "^tmconv: $f" import.err; then
         refused=$((refused + 1))
       else
         echo "po import of $n bytes: exit 2"; cat import.err; bad=$((bad + 1))
       fi ;;
    *) echo "po import of $n bytes: exit $rc"; cat import.err; bad=$((bad + 1)) ;;
  esac
  n=$((n + step))
done
echo "po import: prefixes with something wrong: $bad"
[ $good -gt 0 ] && [ $refused -gt 0 ] && echo "po import: some prefixes read, some refused"
tmconv check small.po
