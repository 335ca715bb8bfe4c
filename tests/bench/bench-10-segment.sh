#!/bin/sh
# tmconv segment: quality on ../shared/data/align-dev and speed/memory.
#
# 1. Boundary recall against the gold .sent files (issue 3's definition,
#    see segment-recall.py): marked boundaries found, unmarked ones (no
#    stop, mid-paragraph) counted apart, extra splits with a sample.
# 2. Throughput on one core: the dev texts of each language repeated to
#    about 30 MB, and one mixed file of about 200 MB; wall and CPU time
#    (user + system: the figure that other jobs on the machine do not
#    disturb) and peak memory (GNU time), as MB/s and as a multiple of
#    the input.
set -u
if [ -z "$SHARED" ] || [ ! -d "$SHARED/data/align-dev" ]; then
  echo "skipped: ../shared/data/align-dev is not there"
  exit 0
fi
dev=$SHARED/data/align-dev
echo "-- boundary recall on $dev (target >= 0.995 each)"
python3 "$SRCDIR/tests/bench/segment-recall.py" "$TMCONV" "$dev" --samples 8
rc=$?
[ $rc = 0 ] || echo "(recall below 0.995 for some language)"

measure() {  # measure LABEL FILE [ARGS...]
  label=$1 f=$2
  shift 2
  size=$(wc -c < "$f")
  /usr/bin/time -f '%e %U %S %M' -o "$BENCH_TMP/time" \
    "$TMCONV" segment "$@" "$f" > /dev/null || { echo "$label: failed"; return; }
  read -r secs usr sys kb < "$BENCH_TMP/time"
  awk -v l="$label" -v s="$size" -v t="$secs" -v c="$usr" -v y="$sys" \
      -v k="$kb" 'BEGIN {
    mb = s / 1e6; if (t < 0.01) t = 0.01; c += y; if (c < 0.01) c = 0.01
    printf "%-10s %6.1f MB  wall %6.2f s %6.1f MB/s  cpu %6.2f s %6.1f MB/s  peak %6.1f MB (%.1fx input)\n",
      l, mb, t, mb / t, c, mb / c, k / 1024, k * 1024 / s }'
}

repeat() {  # repeat N SRC... DEST: DEST is the SRC files, N times over
  n=$1
  shift
  eval "dest=\${$#}"
  : > "$dest"
  k=0
  while [ $k -lt "$n" ]; do
    for src in "$@"; do
      [ "$src" = "$dest" ] || cat "$src" >> "$dest"
    done
    k=$((k + 1))
  done
}

echo
echo "-- throughput (one process, one core)"
if [ ! -x /usr/bin/time ]; then
  echo "skipped: /usr/bin/time (GNU time) is not installed"
  exit 0
fi
for lang in az fa en; do
  cat "$dev"/*/*/*."$lang".txt > "$BENCH_TMP/one.$lang.txt"
  repeat 30 "$BENCH_TMP/one.$lang.txt" "$BENCH_TMP/big.$lang.txt"
  measure "$lang" "$BENCH_TMP/big.$lang.txt" --lang=$lang
done
# About 200 MB: the three languages, one after the other, many times.
repeat 3 "$BENCH_TMP"/big.az.txt "$BENCH_TMP"/big.fa.txt \
  "$BENCH_TMP"/big.en.txt "$BENCH_TMP/huge.txt"
rm -f "$BENCH_TMP"/big.*.txt
measure "200MB-mix" "$BENCH_TMP/huge.txt" --lang=fa
rm -f "$BENCH_TMP/huge.txt"
exit 0
