#!/bin/sh
# make bench: run every tests/bench/bench-*.sh in name order.  Each prints
# its own figures, side by side with a peer where one is installed, as
# ratios; none of them is a pass/fail test.
#
#   sh tests/bench/run.sh ABS_BUILD_DIR
#
# Each script gets TMCONV (the program), SRCDIR, SHARED (../shared or
# empty) and BENCH_TMP (a scratch directory, removed afterwards) in its
# environment.  Scripts that need ../shared say so and skip when it is not
# there.
set -u
build=$1
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-}
[ -n "$shared" ] && [ -d "$shared" ] || shared=
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tmconv-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
for b in "$srcdir"/tests/bench/bench-*.sh; do
  [ -f "$b" ] || continue
  echo "== $(basename "$b" .sh)"
  mkdir -p "$tmp/$(basename "$b" .sh)"
  TMCONV=$build/tmconv SRCDIR=$srcdir SHARED=$shared BUILD=$build \
    BENCH_TMP=$tmp/$(basename "$b" .sh) LC_ALL=C.UTF-8 \
    sh "$b" || { echo "(bench script failed: exit $?)"; status=1; }
  echo
done
exit $status
