#!/bin/sh
# Run the test suite: unit test programs, then the CLI cases.
#
#   sh tests/run.sh --build ABS_BUILD_DIR [--cli-dir DIR]... [UNIT_TEST...]
#
# Without --cli-dir the cases are those of tests/cli and tests/hostile
# (the catalogue of hostile inputs: same format, kept apart so that it can
# be run on its own with --cli-dir tests/hostile).
#
# A CLI case is tests/cli/GROUP/NAME.sh, run by sh with tests/cli/lib.sh
# loaded, in a fresh scratch directory, with:
#   TMCONV   the program under test (also first on PATH as 'tmconv')
#   SRCDIR   the top of the source tree
#   SHARED   ../shared when it is there, else empty
#   LC_ALL=C.UTF-8, SOURCE_DATE_EPOCH=1700000000, TZ=UTC
# Sidecar files next to it give what it must print and return:
#   NAME.stdout / NAME.stderr   the exact output (absent: nothing)
#   NAME.stdout.glob / NAME.stderr.glob   a shell pattern the whole output
#                               must match, for output with varying parts
#   NAME.exit                   the exit status (absent: 0)
# A case that cannot run here calls 'skip REASON' (see lib.sh); it is
# counted and named, not passed.
#
# TMC_VALGRIND=1 runs every tmconv of the CLI cases under valgrind
# memcheck; any error or leak fails the case.  With a tmconv built with
# the sanitizers (make check-asan), what AddressSanitizer, LeakSanitizer
# or UBSan reports goes to a log file of the case (log_path), and any
# such report fails it, whatever the exit status and output the case
# expects or throws away.
#
# The last line is "N passed, N failed"; the exit status is 1 if any
# failed.

set -u
build=
cli_dirs=
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --cli-dir) cli_dirs="$cli_dirs $2"; shift 2 ;;
    --) shift; break ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ -n "$build" ] || { echo "run.sh: --build is required" >&2; exit 2; }
[ -n "$cli_dirs" ] || cli_dirs="tests/cli tests/hostile"
srcdir=$(cd "$(dirname "$0")/.." && pwd)
cd "$srcdir" || exit 2

passed=0
failed=0
skipped=0
failed_names=

fail() {
  failed=$((failed + 1))
  failed_names="$failed_names $1"
  echo "FAIL: $1"
}

# Unit tests: each program prints its own "N passed, N failed".
for t in "$@"; do
  name=unit/$(basename "$t")
  log=$build/tests/$(basename "$t").log
  "$t" >"$log" 2>&1
  rc=$?
  last=$(tail -n 1 "$log")
  p=$(printf '%s\n' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(printf '%s\n' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then
    fail "$name (no result line; exit $rc)"
    tail -n 20 "$log" | sed 's/^/    /'
    continue
  fi
  passed=$((passed + p))
  if [ "$f" -gt 0 ] || [ $rc -ne 0 ]; then
    [ "$f" -gt 0 ] || f=1
    failed=$((failed + f))
    failed_names="$failed_names $name"
    echo "FAIL: $name ($f failed)"
    grep -v '^PASS: ' "$log" | sed 's/^/    /'
  else
    echo "PASS: $name ($p tests)"
  fi
done

# The wrapper that runs tmconv, directly or under valgrind.
bindir=$build/tests/bin
mkdir -p "$bindir"
if [ "${TMC_VALGRIND:-0}" = 1 ]; then
  cat >"$bindir/tmconv" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
  --suppressions="$srcdir/tests/valgrind.supp" \\
  --errors-for-leak-kinds=definite,indirect,possible \\
  --show-leak-kinds=definite,indirect,possible \\
  --log-file="\${TMC_VG_DIR:-/tmp}/vg.%p.log" "$build/tmconv" "\$@"
WRAP
else
  cat >"$bindir/tmconv" <<WRAP
#!/bin/sh
exec "$build/tmconv" "\$@"
WRAP
fi
chmod +x "$bindir/tmconv"

shared=${SHARED:-}
[ -n "$shared" ] && [ -d "$shared" ] || shared=

compare() {  # compare KIND EXPECTED_BASE ACTUAL -> 0 if it matches
  if [ -f "$2.glob" ]; then
    pat=$(cat "$2.glob")
    act=$(cat "$3")
    # shellcheck disable=SC2254
    case $act in
      $pat) return 0 ;;
    esac
    echo "    $1 does not match $2.glob:"
    sed 's/^/    | /' "$3" | head -n 40
    return 1
  fi
  if [ -f "$2" ]; then
    if cmp -s "$2" "$3"; then return 0; fi
    echo "    $1 differs from $2:"
    diff -u "$2" "$3" | sed 's/^/    /' | head -n 60
    return 1
  fi
  if [ -s "$3" ]; then
    echo "    unexpected $1:"
    sed 's/^/    | /' "$3" | head -n 40
    return 1
  fi
  return 0
}

scratch_root=$build/tests/scratch
rm -rf "$scratch_root"
for dir in $cli_dirs; do
  [ -d "$dir" ] || continue
  for case_file in $(find "$dir" -name '*.sh' ! -name lib.sh | LC_ALL=C sort); do
    base=${case_file%.sh}
    name=${base#tests/}
    work=$scratch_root/$name
    mkdir -p "$work/.out"
    (
      cd "$work" || exit 2
      TMCONV=$bindir/tmconv SRCDIR=$srcdir SHARED=$shared \
      PATH=$bindir:$PATH LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1700000000 \
      TMC_SKIP_FILE=$work/.out/skip TMC_VG_DIR=$work/.out \
      ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$work/.out/asan" \
      UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$work/.out/ubsan" \
      TMPDIR=$work LANGUAGE= LANG= \
      sh -c '. "$SRCDIR/tests/cli/lib.sh"; . "$1"' case "$srcdir/$case_file" \
        >"$work/.out/stdout" 2>"$work/.out/stderr" </dev/null
    )
    rc=$?
    if [ -f "$work/.out/skip" ]; then
      skipped=$((skipped + 1))
      echo "SKIP: $name: $(cat "$work/.out/skip")"
      continue
    fi
    want=0
    [ -f "$base.exit" ] && want=$(cat "$base.exit")
    ok=1
    msgs=$work/.out/messages
    : >"$msgs"
    if [ "$rc" != "$want" ]; then
      echo "    exit status $rc, expected $want" >>"$msgs"
      ok=0
    fi
    compare stdout "$base.stdout" "$work/.out/stdout" >>"$msgs" || ok=0
    compare stderr "$base.stderr" "$work/.out/stderr" >>"$msgs" || ok=0
    for vg in "$work"/.out/vg.*.log; do
      [ -s "$vg" ] || continue
      echo "    valgrind:" >>"$msgs"
      sed 's/^/    | /' "$vg" | head -n 40 >>"$msgs"
      ok=0
    done
    for san in "$work"/.out/asan.* "$work"/.out/ubsan.*; do
      [ -s "$san" ] || continue
      echo "    sanitizer:" >>"$msgs"
      sed 's/^/    | /' "$san" | head -n 40 >>"$msgs"
      ok=0
    done
    if [ $ok = 1 ]; then
      passed=$((passed + 1))
      echo "PASS: $name"
      rm -rf "$work"
    else
      fail "$name"
      cat "$msgs"
    fi
  done
done

[ $skipped -eq 0 ] || echo "$skipped skipped"
[ $failed -eq 0 ] || echo "failed:$failed_names"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
