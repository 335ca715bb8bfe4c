#!/bin/sh
# TMX speed and memory, side by side with xmllint and translate-toolkit
# in the same run (issue 5):
#  - a generated 3-language TMX of about 1 GB (BENCH_TMX_BYTES), written
#    through libtmconv's streaming writer (tests/bench/tmx-gen.c);
#  - 'tmconv tmx stats' on it: time and peak RSS (goal: <= 32 MB, and no
#    slower than 'xmllint --stream --noout' on the same file);
#  - writing against reading (goal: writing at least as fast);
#  - 'tmconv tmx filter' on a 64k-unit TMX against translate-toolkit's
#    TMX class reading and writing the same file (goal: >= 20x faster).
# Times are the best of BENCH_RUNS runs (default 3), taken in turn, since
# the machines are shared and noisy: elapsed time, and CPU time (user +
# system, all threads), which a loaded machine disturbs less.  The big
# files live in BENCH_TMP and are deleted at the end.
set -u
bytes=${BENCH_TMX_BYTES:-1000000000}
runs=${BENCH_RUNS:-3}
T=$BENCH_TMP
trap 'rm -f "$T"/*.tmx "$T"/*.po' EXIT

cc -O2 -I"$SRCDIR/include" -o "$T/tmx-gen" "$SRCDIR/tests/bench/tmx-gen.c" \
  "$BUILD/libtmconv.a" -lexpat -lunistring -lpthread -lm || {
  echo "cannot build tmx-gen"; exit 1; }

# run NAME CMD...: run CMD, keep its elapsed seconds, peak RSS (KB) and
# CPU seconds in $T/NAME.time (one line per run).
run() {
  name=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$T/one.time" "$@" >/dev/null \
    2>"$T/$name.err" ||
    { echo "$name failed: $(head -n 3 "$T/$name.err")"; return 1; }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$T/one.time" >> "$T/$name.time"
}
best() { sort -n "$T/$1.time" | head -n 1 | cut -d' ' -f1; }
cpu() { sort -n -k3 "$T/$1.time" | head -n 1 | cut -d' ' -f3; }
peak() { sort -n -k2 "$T/$1.time" | tail -n 1 | cut -d' ' -f2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
mbs() { awk -v s="$1" -v t="$2" 'BEGIN { printf "%.0f", (t > 0 ? s / t / 1e6 : 0) }'; }
rm -f "$T"/*.time

# line LABEL NAME: the best times, the peak RSS and, when $size is set,
# the speed of run NAME.
line() {
  printf '  %-40s %6ss %6ss %6.1fMB' "$1" "$(best "$2")" "$(cpu "$2")" \
    "$(awk -v k="$(peak "$2")" 'BEGIN { print k / 1024 }')"
  [ -z "$size" ] || printf ' %9s' "$(mbs "$size" "$(best "$2")")"
  echo
}

echo "generating a 3-language TMX of about $bytes bytes..."
for i in $(seq "$runs"); do
  run write "$T/tmx-gen" "$bytes" "$T/big.tmx" || exit 1
done
size=$(wc -c < "$T/big.tmx")
units=$(grep -c '<tu ' "$T/big.tmx")
have_xmllint=no
command -v xmllint >/dev/null 2>&1 && have_xmllint=yes
for i in $(seq "$runs"); do
  run stats "$TMCONV" tmx stats "$T/big.tmx" || exit 1
  [ $have_xmllint = yes ] && run xmllint xmllint --stream --noout "$T/big.tmx"
done
w=$(best write); s=$(best stats)
wc=$(cpu write); sc=$(cpu stats)
printf 'TMX of %s bytes, %s units in az, fa, en (best of %s runs):\n' \
  "$size" "$units" "$runs"
printf '  %-40s %7s %7s %8s %9s\n' "" "elapsed" "cpu" "peak RSS" "MB/s"
line "write (libtmconv streaming writer)" write
line "tmconv tmx stats" stats
if [ $have_xmllint = yes ]; then
  x=$(best xmllint); xc=$(cpu xmllint)
  line "xmllint --stream --noout" xmllint
  echo "  stats / xmllint: elapsed $(ratio "$s" "$x"), cpu $(ratio "$sc" "$xc") (goal: <= 1)"
else
  echo "  xmllint is not installed: no comparison"
fi
echo "  write / read (stats): elapsed $(ratio "$w" "$s"), cpu $(ratio "$wc" "$sc") (goal: <= 1)"
echo "  peak RSS of stats: $(peak stats) KB (goal: <= 32768 KB)"
rm -f "$T/big.tmx"

echo
# The 64k-unit TMX: po2tmx on a 64000-entry catalogue, as in peers.md,
# when translate-toolkit is there; else tmx-gen's 3-language units.
have_ttk=no
/usr/bin/python3 -c 'import translate.storage.tmx' 2>/dev/null && have_ttk=yes
if [ $have_ttk = yes ] && command -v po2tmx >/dev/null 2>&1; then
  awk 'BEGIN {
    n = split("Baku conference was held ministry embassy culture festival countries cooperation event participants city meeting representative speech carpet music week film year November Azerbaijan Iran joint presented guests", en, " ");
    split("Bakıda konfrans keçirilib nazirlik səfirlik mədəniyyət festival ölkələr əməkdaşlıq tədbir iştirakçılar şəhər görüş nümayəndə çıxış xalça musiqi həftə film il noyabr Azərbaycan İran birgə təqdim edilib qonaqlar", az, " ");
    srand(42);
    print "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: az\\n\"\n";
    for (i = 1; i <= 64000; i++) {
      k = 3 + int(rand() * 8); s = ""; t = "";
      for (j = 0; j < k; j++) {
        s = s (j ? " " : "") en[1 + int(rand() * n)];
        t = t (j ? " " : "") az[1 + int(rand() * n)];
      }
      printf "#: report.txt:%d\nmsgctxt \"u%d\"\nmsgid \"%s.\"\nmsgstr \"%s.\"\n\n", i, i, s, t;
    } }' > "$T/64k.po"
  po2tmx --progress=none --source-language=en -l az -i "$T/64k.po" \
    -o "$T/64k.tmx" >/dev/null 2>&1
  made="po2tmx from a 64000-entry PO"
else
  "$T/tmx-gen" -u 64000 "$T/64k.tmx" >/dev/null || exit 1
  made="tmx-gen, 3 languages"
fi
bytes64k=$(wc -c < "$T/64k.tmx")
units=$(grep -c '<tu[ >]' "$T/64k.tmx")
if [ $have_ttk = yes ]; then
  # The toolkit's TMX class reads every unit (source and target) and
  # writes them to a new TMX.
  cat > "$T/ttk.py" <<'PY'
import sys
from translate.storage import tmx
src = tmx.tmxfile.parsefile(sys.argv[1])
out = tmx.tmxfile(sourcelanguage="en", targetlanguage="az")
for u in src.units:
    nu = out.addsourceunit(u.source)
    nu.target = u.target
out.savefile(sys.argv[2])
PY
fi
# filter takes a tenth of a second: three times as many runs of it.
for i in $(seq "$runs"); do
  for j in 1 2 3; do
    run filter "$TMCONV" tmx filter -q --langs=en,az -o "$T/64k.out.tmx" \
      "$T/64k.tmx" || exit 1
  done
  [ $have_ttk = yes ] && { run ttk /usr/bin/python3 "$T/ttk.py" "$T/64k.tmx" "$T/64k.ttk.tmx" || exit 1; }
done
f=$(best filter); fc=$(cpu filter)
printf 'TMX of %s units (%s), %s bytes, read and written (best of %s runs,\n  %s of filter):\n' \
  "$units" "$made" "$bytes64k" "$runs" "$((runs * 3))"
printf '  %-40s %7s %7s %8s\n' "" "elapsed" "cpu" "peak RSS"
size=
line "tmconv tmx filter --langs=en,az" filter
if [ $have_ttk = yes ]; then
  t=$(best ttk); tc=$(cpu ttk)
  line "translate-toolkit tmxfile read + write" ttk
  echo "  speed-up over translate-toolkit: elapsed $(ratio "$t" "$f")x, cpu $(ratio "$tc" "$fc")x (goal: >= 20)"
else
  echo "  translate-toolkit is not installed: no comparison"
fi
