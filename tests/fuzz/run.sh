#!/bin/sh
# Run the libFuzzer harnesses that 'make fuzz' built.
#
#   sh tests/fuzz/run.sh --build ABS_BUILD_DIR [--seconds N] [NAME...]
#
# Each harness BUILD/fuzz-NAME (every one, or the NAMEs given) runs for N
# seconds (default 60) on a working corpus BUILD/corpus/NAME, which starts
# from the seeds in tests/fuzz/seeds/NAME and the regression inputs in
# tests/fuzz/regress/NAME and grows from run to run (the seeds in the
# tree are never written).  An input that runs longer than 10 s or takes
# more than 2 GB is a failure, as is a crash or a broken property; the
# input is saved in BUILD/artifacts/.  For each harness one line: run
# time, inputs executed, executions per second, coverage (libFuzzer's
# "cov": edges of the instrumented code reached, of all the edges
# instrumented in the harness and the parts of the library it links, and
# "ft": features) and corpus size.  The exit status is 1 if any harness failed.

set -u
build=
seconds=60
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    -*) echo "fuzz/run.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ -n "$build" ] || { echo "fuzz/run.sh: --build is required" >&2; exit 2; }
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
cd "$srcdir" || exit 2

names=$*
if [ -z "$names" ]; then
  for f in tests/fuzz/fuzz-*.c; do
    n=${f#tests/fuzz/fuzz-}
    names="$names ${n%.c}"
  done
fi

mkdir -p "$build/artifacts" "$build/logs"
failed=
for name in $names; do
  bin=$build/fuzz-$name
  if [ ! -x "$bin" ]; then
    echo "fuzz-$name: not built (make fuzz)"
    failed="$failed $name"
    continue
  fi
  corpus=$build/corpus/$name
  mkdir -p "$corpus"
  dict=
  [ -f "tests/fuzz/$name.dict" ] && dict=-dict=tests/fuzz/$name.dict
  log=$build/logs/$name.log
  extra=
  [ -d "tests/fuzz/regress/$name" ] && extra=tests/fuzz/regress/$name
  # The PO harness: libgettextpo leaks a little on every input (see
  # include/tmconv/po.h), so libFuzzer would run LeakSanitizer after each
  # one, at a tenth of the speed.  It fuzzes without leak checks, then
  # the whole corpus it built is run again with them (and the exact
  # suppressions of libgettextpo's own leaks).
  leaks=
  [ "$name" = po ] && leaks=-detect_leaks=0
  # TMPDIR: the PO harness writes its catalogues there.
  TMPDIR=$build "$bin" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -print_pcs=0 $leaks \
    -artifact_prefix="$build/artifacts/$name-" $dict \
    "$corpus" "tests/fuzz/seeds/$name" $extra >"$log" 2>&1
  rc=$?
  if [ $rc -eq 0 ] && [ -n "$leaks" ]; then
    TMPDIR=$build "$bin" -runs=0 -rss_limit_mb=2048 \
      -artifact_prefix="$build/artifacts/$name-" "$corpus" \
      >"$log.leaks" 2>&1
    rc=$?
    [ $rc -eq 0 ] || cat "$log.leaks" >>"$log"
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  units=$(printf '%s\n' "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
  # The edges instrumented in the harness and the library code it links.
  edges=$(sed -n 's/^INFO: Loaded 1 modules *(\([0-9]*\) inline 8-bit counters.*/\1/p' "$log" | head -n 1)
  if [ $rc -eq 0 ]; then
    echo "fuzz-$name: ${secs:-?} s, ${execs:-?} execs (${rate:-?}/s), cov ${cov:-?} of ${edges:-?} edges, ft ${ft:-?}, corpus ${units:-?}: ok"
  else
    echo "fuzz-$name: FAILED (exit $rc) after ${execs:-?} execs; log $log"
    grep -E 'ERROR|property broken|Test unit written|SUMMARY|timeout|==[0-9]+==' "$log" |
      head -n 12 | sed 's/^/    /'
    failed="$failed $name"
  fi
done
[ -z "$failed" ] || { echo "fuzz: failed:$failed"; exit 1; }
echo "fuzz: all passed"
