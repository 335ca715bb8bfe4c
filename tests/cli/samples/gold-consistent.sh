# The sample reports in tm/samples are self-consistent: every .sent line
# occurs verbatim and in order in its .txt, the .txt is exactly its .sent
# lines (joined by one space within a paragraph, one empty line between
# paragraphs), and every gold bead's indices are in range and take each
# sentence of each language exactly once, in order (see check-samples).
# Then it shows that the check catches each kind of breakage, on broken
# copies of one sample in a scratch folder: each must fail, saying where.
# shellcheck disable=SC2016,SC2317  # awk programs in single quotes; functions called through broken
need_cmd iconv
check=$SRCDIR/tests/cli/samples/check-samples
samples=$SRCDIR/tm/samples

sh "$check" "$samples" 2>&1
rc=$?

id=tehran-january-20-ceremony
n=0
# broken NAME COMMAND...: a fresh copy of $id in a folder of its own, then
# COMMAND run inside it (it breaks something), then the check.
broken() {
  name=$1; shift
  n=$((n + 1))
  d=broken.$n
  mkdir "$d" && cp "$samples/$id".* "$d"/ || exit 2
  (cd "$d" && "$@") || { echo "cannot make $name"; exit 2; }
  sh "$check" "$d" >"$d.out" 2>&1
  echo "== $name (exit $?)"
  cat "$d.out"
}
# edit FILE AWK-PROGRAM: rewrite FILE through awk.
edit() { awk "$2" "$1" >"$1.new" && mv "$1.new" "$1"; }
nop() { :; }

broken "pristine copy" nop
broken "a word changed in a .sent line" edit $id.en.sent 'NR == 3 { sub(/ceremony/, "meeting") } 1'
broken "two .sent lines swapped" edit $id.en.sent 'NR == 8 { h = $0; next } NR == 9 { print; print h; next } 1'
broken "a .sent line dropped" edit $id.en.sent 'NR != 14'
broken "a .sent line added" edit $id.az.sent '1; END { print "Əlavə cümlə." }'
broken "an empty line in a .sent" edit $id.az.sent 'NR == 3 { print "" } 1'
broken "two spaces between sentences in a .txt" edit $id.fa.txt 'NR == 5 { sub(/\. /, ".  ") } 1'
broken "two empty lines between paragraphs" edit $id.az.txt 'NR == 2 { print "" } 1'
broken "empty line at the end of a .txt" edit $id.az.txt '1; END { print "" }'
broken "paragraphs not separated" edit $id.en.txt 'NR != 2'
broken "trailing space in a .sent line" edit $id.fa.sent 'NR == 2 { $0 = $0 " " } 1'
broken "CRLF line end" edit $id.az.sent 'NR == 1 { $0 = $0 "\r" } 1'
broken "tab in a .txt" edit $id.en.txt 'NR == 1 { sub(/ /, "\t") } 1'
broken "no newline at the end" sh -c 'printf %s "$(cat '$id'.fa.sent)" >x && mv x '$id'.fa.sent'
broken "invalid UTF-8" edit $id.az.txt 'NR == 3 { $0 = $0 "\377" } 1'
broken "byte order mark" edit $id.en.sent 'NR == 1 { $0 = "\357\273\277" $0 } 1'
broken "a file missing" rm $id.fa.sent
broken "a text without gold" cp $id.az.txt orphan.az.txt
broken "bead index out of range" edit $id.gold '{ sub(/^\[13\]:\[15\]/, "[13]:[16]") } 1'
broken "sentence in two beads" edit $id.gold 'NR == 2 { $0 = "[0,1]:[1]:[1]" } 1'
broken "bead missing" edit $id.gold '$0 != "[]:[]:[13]"'
broken "beads swapped" edit $id.gold 'NR == 5 { h = $0; next } NR == 6 { print; print h; next } 1'
broken "empty bead" edit $id.gold '1; NR == 1 { print "[]:[]:[]" }'
broken "malformed bead" edit $id.gold 'NR == 2 { $0 = "[1]:[1]" } 1'
broken "index with a leading zero" edit $id.gold 'NR == 2 { $0 = "[01]:[1]:[1]" } 1'
broken "bead across a paragraph break" edit $id.gold 'NR == 5 { next } NR == 6 { $0 = "[3,4]:[5,6]:[3,4]" } 1'
exit $rc
