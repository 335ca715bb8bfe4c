#!/bin/sh
# tmconv check, po import and po export: speed beside GNU gettext and
# translate-toolkit, measured in this run on the same files.
#
# 1. tmconv check over 200 real catalogues (Debian's .mo files of every
#    language, msgunfmt'd) against msgfmt --check --statistics on each
#    (target: at most 1.2 times msgfmt's time), two ways: one tmconv
#    process for all files and one process per file as msgfmt is run
#    (msgfmt merges the files it is given into one catalogue, so a CI job
#    runs it once per file); and the counts compared on every file.
# 2. A 64k-unit catalogue (en -> az, about 7 MB like peers.md's): po
#    import and po export against translate-toolkit's po2tmx on the same
#    catalogue (target: at least 5 times faster).
#
# Times are the best of three runs: wall time and CPU time (user +
# system, which other jobs on the machine disturb less), with peak memory
# from GNU time.
set -u
if [ ! -x /usr/bin/time ]; then
  echo "skipped: /usr/bin/time (GNU time) is not installed"
  exit 0
fi
for c in msgunfmt msgfmt; do
  command -v $c >/dev/null 2>&1 || { echo "skipped: $c is not installed"; exit 0; }
done
T=$BENCH_TMP

# best3 LABEL CMD...: run CMD three times; print "wall cpu peak_kb" of
# the fastest run (by wall time) into $T/best.
best3() {
  best=
  for i in 1 2 3; do
    /usr/bin/time -f '%e %U %S %M' -o "$T/t" "$@" >/dev/null 2>&1
    read -r w u s k < "$T/t"
    line=$(awk -v w="$w" -v u="$u" -v s="$s" -v k="$k" \
      'BEGIN { printf "%.3f %.3f %d\n", w, u + s, k }')
    if [ -z "$best" ] || awk -v a="$line" -v b="$best" \
         'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1]) }'; then
      best=$line
    fi
  done
  echo "$best" > "$T/best"
}

show() {  # show LABEL: print the figures in $T/best
  read -r w c k < "$T/best"
  printf '  %-44s wall %7.3f s  cpu %7.3f s  peak %6.1f MB\n' "$1" "$w" "$c" \
    "$(awk -v k="$k" 'BEGIN { print k / 1024 }')"
  echo "$w $c" > "$T/last"
}

ratio() {  # ratio LABEL FILE_A FILE_B: A's times over B's
  read -r wa ca < "$1"
  read -r wb cb < "$2"
  awk -v l="$3" -v wa="$wa" -v ca="$ca" -v wb="$wb" -v cb="$cb" 'BEGIN {
    if (wb < 0.001) wb = 0.001; if (cb < 0.001) cb = 0.001
    printf "  %-44s wall %.2fx  cpu %.2fx\n", l, wa / wb, ca / cb }'
}

# ---------------------------------------------------------------- 1
echo "-- tmconv check over 200 catalogues, beside msgfmt --check --statistics"
mkdir -p "$T/cats"
ls /usr/share/locale/*/LC_MESSAGES/*.mo 2>/dev/null | LC_ALL=C sort > "$T/mo"
total=$(wc -l < "$T/mo")
if [ "$total" -lt 200 ]; then
  echo "skipped: only $total .mo files under /usr/share/locale"
else
  # 200 spread evenly over the sorted list: many languages and packages.
  # A .mo that msgunfmt cannot read (some hold invalid multibyte
  # sequences) or that has no message (msgunfmt then writes nothing) is
  # replaced by the next one.
  i=0 line=0
  while read -r mo; do
    line=$((line + 1))
    [ $i -lt 200 ] || break
    [ $((line - 1)) -ge $((i * total / 200)) ] || continue
    lang=$(echo "$mo" | cut -d/ -f5)
    out=$T/cats/$(printf %03d $((i + 1))).$(basename "$mo" .mo).$lang.po
    if msgunfmt "$mo" -o "$out" 2>/dev/null && [ -s "$out" ]; then
      i=$((i + 1))
    else
      rm -f "$out"
    fi
  done < "$T/mo"
  n=$(ls "$T/cats" | wc -l)
  bytes=$(cat "$T/cats"/*.po | wc -c)
  msgs=$(cat "$T/cats"/*.po | grep -c '^msgid ')
  echo "  $n catalogues, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $msgs entries"
  cat > "$T/msgfmt-each.sh" <<'EOF'
for f in "$@"; do msgfmt --check --statistics -o /dev/null "$f"; done
EOF
  cat > "$T/tmconv-each.sh" <<'EOF'
t=$1; shift
for f in "$@"; do "$t" check "$f"; done
EOF
  best3 sh "$T/msgfmt-each.sh" "$T"/cats/*.po
  show "msgfmt --check --statistics, once per file"
  cp "$T/last" "$T/msgfmt"
  best3 "$TMCONV" check "$T"/cats/*.po
  show "tmconv check, all files in one run"
  cp "$T/last" "$T/one"
  best3 sh "$T/tmconv-each.sh" "$TMCONV" "$T"/cats/*.po
  show "tmconv check, once per file"
  cp "$T/last" "$T/each"
  ratio "$T/one" "$T/msgfmt" "tmconv (one run) / msgfmt (target <= 1.2)"
  ratio "$T/each" "$T/msgfmt" "tmconv (per file) / msgfmt (target <= 1.2)"
  # The counts agree on every file.
  . "$SRCDIR/tests/data/po/stats.sh"
  same=0 differ=0
  PATH=$(dirname "$TMCONV"):$PATH
  for f in "$T"/cats/*.po; do
    if [ "$(msgfmt_stats "$f")" = "$(tmconv_stats "$f")" ]; then
      same=$((same + 1))
    else
      differ=$((differ + 1))
      echo "  counts differ: $(basename "$f"): msgfmt $(msgfmt_stats "$f"), tmconv $(tmconv_stats "$f")"
    fi
  done
  echo "  counts equal to msgfmt --statistics on $same of $((same + differ)) catalogues"
fi

# ---------------------------------------------------------------- 2
echo
echo "-- po import and po export of a 64k-unit catalogue, beside po2tmx"
# The catalogue: English msgids and Azerbaijani msgstrs, the start of
# real sentence pairs (../shared/data/align-dev when it is there, else
# tm/samples), each numbered to make 64,000 distinct messages.
if [ -n "$SHARED" ] && [ -d "$SHARED/data/align-dev" ]; then
  src=$SHARED/data/align-dev/ntrex/clean
else
  src=$SRCDIR/tm/samples
fi
for f in "$src"/*.en.sent; do
  az=${f%.en.sent}.az.sent
  [ -f "$az" ] && paste "$f" "$az"
done | awk -F '\t' 'NF == 2 && $1 != "" && $2 != ""' > "$T/pairs"
awk -F '\t' -v n=64000 '
  function cut(s,   w, k, r, i) {   # the first seven words
    k = split(s, w, " "); r = ""
    for (i = 1; i <= k && i <= 7; i++) r = r (i > 1 ? " " : "") w[i]
    gsub(/\\/, "\\\\", r); gsub(/"/, "\\\"", r)
    return r
  }
  { en[NR] = cut($1); az[NR] = cut($2) }
  END {
    print "msgid \"\""
    print "msgstr \"\""
    print "\"Project-Id-Version: bench\\n\""
    print "\"Language: az\\n\""
    print "\"MIME-Version: 1.0\\n\""
    print "\"Content-Type: text/plain; charset=UTF-8\\n\""
    print "\"Content-Transfer-Encoding: 8bit\\n\""
    print "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\""
    for (i = 0; i < n; i++) {
      k = i % NR + 1
      printf "\nmsgid \"%s (%d)\"\nmsgstr \"%s (%d)\"\n", en[k], i, az[k], i
    }
  }' "$T/pairs" > "$T/big.po"
mkdir -p "$T/podir"
cp "$T/big.po" "$T/podir/az.po"
echo "  $(grep -c '^msgid "[^"]' "$T/big.po") units, $(awk -v b="$(wc -c < "$T/big.po")" 'BEGIN { printf "%.1f", b / 1e6 }') MB"

"$TMCONV" po import -q -o "$T/big.tmx" "$T/big.po" || echo "  po import failed"
best3 "$TMCONV" po import -q -o "$T/imp.tmx" "$T/big.po"
show "tmconv po import"
cp "$T/last" "$T/import"
best3 "$TMCONV" po export -q -o "$T/exp" --langs az "$T/big.tmx"
show "tmconv po export (big.pot and az.po)"
cp "$T/last" "$T/export"
if command -v po2tmx >/dev/null 2>&1 && [ -x /usr/bin/python3 ]; then
  best3 /usr/bin/python3 "$(command -v po2tmx)" --progress=none \
    --source-language=en -l az -i "$T/podir" -o "$T/tt.tmx"
  show "translate-toolkit po2tmx"
  cp "$T/last" "$T/po2tmx"
  ratio "$T/po2tmx" "$T/import" "po2tmx / tmconv po import (target >= 5)"
  ratio "$T/po2tmx" "$T/export" "po2tmx / tmconv po export (target >= 5)"
else
  echo "  po2tmx (translate-toolkit) is not installed: no comparison"
fi
# What came out is whole: every unit back, and the export passes msgfmt.
units=$(grep -c '<tu>' "$T/imp.tmx")
echo "  po import wrote $units units; po export: $(LC_ALL=C msgfmt --check --statistics -o /dev/null "$T/exp/az.po" 2>&1)"
