# A manifest whose ids try to leave OUT: "../", absolute, ".." in the
# middle, "./", a hidden part, an empty part, a backslash, a control
# character, a name that is only dots, and one good id.  Sentinel files
# wait where an escaping id would write (OUT/escape.tmx, ../escape.tmx,
# /tmp/...): each bad line fails on its own with FILE:LINE:COL, the good
# report is done (exit 1: some failed), and no file outside OUT/tmx is
# written.
mkdir texts out
for l in az fa en; do
  cp "$SRCDIR/tm/samples/2023-11-baku-iranian-film-week.$l.txt" texts/r.$l.txt
done
T=$(printf '\t')
abs=$PWD/abs-escape
files="texts/r.az.txt${T}texts/r.fa.txt${T}texts/r.en.txt"
{
  printf '%s\n' "../escape${T}$files"
  printf '%s\n' "$abs${T}$files"
  printf '%s\n' "a/../../escape${T}$files"
  printf '%s\n' "./dot${T}$files"
  printf '%s\n' "a/.hidden${T}$files"
  printf '%s\n' "a//b${T}$files"
  printf '%s\n' "a\\b${T}$files"
  printf 'ctl\001x\t%s\n' "$files"
  printf '%s\n' "...${T}$files"
  printf '%s\n' "..${T}$files"
  printf '%s\n' "good/report${T}$files"
} > list.tsv
echo sentinel > out/escape.tmx
echo sentinel > escape.tmx
tmconv batch -q -o out list.tsv; echo "batch: exit $?"
cat out/escape.tmx escape.tmx
test -e abs-escape.tmx || echo "nothing at the absolute path"
find out/tmx -type f | sort
