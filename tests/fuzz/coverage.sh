#!/bin/sh
# Line coverage of the library by each fuzz harness's corpus.
#
#   sh tests/fuzz/coverage.sh --build ABS_BUILD_DIR [NAME...]
#
# Builds the replay programs (tests/fuzz/replay.c: a harness without
# libFuzzer) with gcc --coverage in BUILD/cov, runs each over the corpus
# that 'make fuzz-run' grew (BUILD/corpus/NAME, where BUILD is the
# fuzz build directory, build/fuzz), its seeds and its regression
# inputs, and prints, for each harness, the lines of each library file
# it executed (gcov), for the files it reaches at all.  libFuzzer's own
# "cov" counts edges of everything linked, reachable or not; this says
# how much of the code a harness is for its corpus runs.

set -u
build=
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    -*) echo "fuzz/coverage.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ -n "$build" ] || { echo "fuzz/coverage.sh: --build is required" >&2; exit 2; }
command -v gcov >/dev/null || { echo "fuzz/coverage.sh: gcov is not installed" >&2; exit 2; }
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
cd "$srcdir" || exit 2

names=$*
if [ -z "$names" ]; then
  for f in tests/fuzz/fuzz-*.c; do
    n=${f#tests/fuzz/fuzz-}
    names="$names ${n%.c}"
  done
fi
cov=$build/cov
for name in $names; do
  make --no-print-directory -s B="$cov" CC=gcc \
    CFLAGS='-O0 -g --coverage' LDFLAGS=--coverage "$cov/tests/replay-$name" \
    >/dev/null || exit 2
done
for name in $names; do
  find "$cov" -name '*.gcda' -delete
  set -- "tests/fuzz/seeds/$name"
  [ -d "tests/fuzz/regress/$name" ] && set -- "$@" "tests/fuzz/regress/$name"
  [ -d "$build/corpus/$name" ] && set -- "$@" "$build/corpus/$name"
  TMPDIR=$cov "$cov/tests/replay-$name" "$@" >"$cov/replay-$name.log" 2>&1 || {
    echo "replay-$name failed: $cov/replay-$name.log"
    exit 1
  }
  inputs=$(tail -n 1 "$cov/replay-$name.log" | sed 's/ passed.*//')
  echo "fuzz-$name ($inputs inputs):"
  (cd "$cov/src/lib" && gcov -n -o . "$srcdir"/src/lib/*.c 2>/dev/null) |
    awk -v top="$srcdir/" '
      /^File / { f = $2; gsub(/\047/, "", f); sub(top, "", f) }
      /^Lines executed:/ && f ~ /^src\/lib\/.*\.c$/ {
        split($2, a, ":"); pct = a[2] + 0; n = $4;
        if (pct > 0) { printf "  %-28s %6.1f%% of %5d lines\n", f, pct, n;
                       hit += pct * n / 100; all += n }
        f = "" }
      END { if (all) printf "  %-28s %6.1f%% of %5d lines\n", "(these files)", 100 * hit / all, all }'
done
