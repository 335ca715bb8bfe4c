#!/bin/sh
# Run the test suite: unit test programs, then the CLI cases.
#
#   sh tests/run.sh --build BUILD_DIR [-j N] [--update] [--list]
#                   [--cli-dir DIR]... [UNIT_PROGRAM | CASE]...
#
# An argument that is an executable file (not *.sh) is a unit test
# program (make check passes build/tests/test-* and replay-*); any other
# argument selects what runs (see "Selecting" below).  Without --cli-dir
# the cases are those of tests/cli and tests/hostile (the catalogue of
# hostile inputs: same format, kept apart so that it can be run on its
# own with --cli-dir tests/hostile).
#
# A CLI case is tests/cli/GROUP/NAME.sh, named cli/GROUP/NAME, run by sh
# with tests/cli/lib.sh loaded, in a fresh scratch directory, with:
#   TMCONV   the program under test (also first on PATH as 'tmconv')
#   SRCDIR   the top of the source tree
#   SHARED   ../shared when it is there, else empty
#   TMPDIR   the scratch directory
#   LC_ALL=C.UTF-8, SOURCE_DATE_EPOCH=1700000000, TZ=UTC
# Sidecar files next to it give what it must print and return:
#   NAME.stdout / NAME.stderr   the exact output (absent: nothing)
#   NAME.stdout.glob / NAME.stderr.glob   a shell pattern the whole output
#                               must match, for output with varying parts
#   NAME.exit                   the exit status (absent: 0)
# A case that cannot run here calls 'skip REASON' (see lib.sh); it is
# counted and named, not passed.  A unit test program prints its own
# "N passed, N failed" last; it is named unit/PROGRAM.
#
# Selecting.  A CASE argument is a shell pattern matched against the
# names (a leading "tests/" and a trailing ".sh" are dropped, so a path
# also works): it selects every case and unit program whose name, or the
# end of whose name after a "/", it matches, and everything under a group
# it names.  So "cli/align" is the group, "cli/align/dict-*" some of its
# cases, "kill" every case called kill, "unit/test-tmx" one program.
# Quote patterns, so that the shell does not expand them.  A pattern that
# selects nothing is an error (exit 2).  Without patterns all runs; with
# patterns, a unit program given runs only if one selects it (make check
# passes them all, and TESTS=... the patterns).
# --list prints the selected names and runs nothing.
#
# Parallel runs.  -j N (also -jN, --jobs=N) runs N jobs at once (default
# 1; make check passes -j $(CHECK_JOBS), 2).  The output is the same as
# with -j 1, in the same order: each result is printed when it and all
# before it are done.  Every case has its own scratch directory and
# TMPDIR; a case that needs something only one process may use at a time
# (a fixed port, a fixed file name outside its directory) takes it with
# 'exclusive NAME' (lib.sh), which waits while another case of the run
# holds NAME and releases it when the case ends.
#
# --update rewrites the sidecars of every selected case that ran from
# what it printed and returned: NAME.stdout and NAME.stderr (removed when
# the output is empty) and NAME.exit (removed for 0), for review with
# 'git diff'.  A .glob pattern is never rewritten (a pattern says which
# parts may vary, which only its author knows): its case still fails if
# the output does not match it.  Cases that were skipped, or in which a
# sanitizer or valgrind found an error, are left alone; unit programs
# only run.
#
# TMC_VALGRIND=1 runs every tmconv of the CLI cases under valgrind
# memcheck; any error or leak fails the case.  With a tmconv built with
# the sanitizers (make check-asan), what AddressSanitizer, LeakSanitizer
# or UBSan reports goes to a log file of the case (log_path), and any
# such report fails it, whatever the exit status and output the case
# expects or throws away.
#
# One run at a time uses a build tree (BUILD/tests/run.lock): a second
# one refuses (exit 2) while the first is running.
#
# The last line is "N passed, N failed"; the exit status is 1 if any
# failed, 2 on a usage error.

set -u

# ---------------------------------------------------------------------
# One job: a unit program or a CLI case.  Each writes its result to
# $TMC_RUN_DIR/res/I.txt (what to print) and then I.st, one line
# "STATUS PASSED FAILED NAME" with STATUS pass, fail, skip or update.

# compare KIND EXPECTED_BASE ACTUAL -> 0 if it matches
compare() {
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

# update_output KIND EXPECTED_BASE ACTUAL: make EXPECTED_BASE say what
# ACTUAL holds (absent when empty), unless a pattern stands for it.
update_output() {
  [ -f "$2.glob" ] && return 0
  if [ -s "$3" ]; then
    cmp -s "$2" "$3" && return 0
    cp "$3" "$2"
  else
    [ -f "$2" ] || return 0
    rm -f "$2"
  fi
  updated="$updated $1"
}

run_unit() {  # run_unit PROGRAM NAME RES
  log=$TMC_RUN_BUILD/tests/${1##*/}.log
  "$1" >"$log" 2>&1 </dev/null
  rc=$?
  last=$(tail -n 1 "$log")
  p=$(printf '%s\n' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(printf '%s\n' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then
    { echo "FAIL: $2 (no result line; exit $rc)"
      tail -n 20 "$log" | sed 's/^/    /'; } >"$3.txt"
    echo "fail 0 1 $2" >"$3.st"
  elif [ "$f" -gt 0 ] || [ $rc -ne 0 ]; then
    [ "$f" -gt 0 ] || f=1
    { echo "FAIL: $2 ($f failed)"
      grep -v '^PASS: ' "$log" | sed 's/^/    /'; } >"$3.txt"
    echo "fail $p $f $2" >"$3.st"
  else
    echo "PASS: $2 ($p tests)" >"$3.txt"
    echo "pass $p 0 $2" >"$3.st"
  fi
}

run_case() {  # run_case CASE_FILE NAME RES
  base=${1%.sh}
  case $1 in
    /*) file=$1 ;;
    *) file=$TMC_RUN_SRC/$1 ;;
  esac
  work=$TMC_RUN_BUILD/tests/scratch/$2
  out=$work/.out
  src=$TMC_RUN_SRC
  bin=$TMC_RUN_BIN
  shared=$TMC_RUN_SHARED
  locks=$TMC_RUN_DIR/locks
  rm -rf "$work"
  mkdir -p "$out"
  (
    cd "$work" || exit 2
    unset TMC_RUN_DIR TMC_RUN_BUILD TMC_RUN_BIN TMC_RUN_SRC TMC_RUN_SHARED \
      TMC_RUN_UPDATE
    TMCONV=$bin/tmconv SRCDIR=$src SHARED=$shared \
    PATH=$bin:$PATH LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1700000000 \
    TMC_SKIP_FILE=$out/skip TMC_VG_DIR=$out \
    TMC_LOCK_DIR=$locks TMC_LOCK_LIST=$out/locks TMC_CASE=$2 \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$out/asan" \
    UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$out/ubsan" \
    TMPDIR=$work LANGUAGE= LANG= \
    sh -c '. "$SRCDIR/tests/cli/lib.sh"; . "$1"' case "$file" \
      >"$out/stdout" 2>"$out/stderr" </dev/null
  )
  rc=$?
  # Release what the case took with 'exclusive', even if it was killed.
  if [ -f "$out/locks" ]; then
    while read -r lock; do
      rm -rf "$TMC_RUN_DIR/locks/$lock"
    done <"$out/locks"
  fi
  if [ -f "$out/skip" ]; then
    echo "SKIP: $2: $(cat "$out/skip")" >"$3.txt"
    echo "skip 0 0 $2" >"$3.st"
    return
  fi
  msgs=$out/messages
  : >"$msgs"
  tool_errors=0
  for log in "$out"/vg.*.log; do
    [ -s "$log" ] || continue
    echo "    valgrind:" >>"$msgs"
    sed 's/^/    | /' "$log" | head -n 40 >>"$msgs"
    tool_errors=1
  done
  for log in "$out"/asan.* "$out"/ubsan.*; do
    [ -s "$log" ] || continue
    echo "    sanitizer:" >>"$msgs"
    sed 's/^/    | /' "$log" | head -n 40 >>"$msgs"
    tool_errors=1
  done
  updated=
  if [ "$TMC_RUN_UPDATE" = 1 ] && [ $tool_errors = 0 ]; then
    update_output stdout "$base.stdout" "$out/stdout"
    update_output stderr "$base.stderr" "$out/stderr"
    want=0
    [ -f "$base.exit" ] && want=$(cat "$base.exit")
    if [ "$rc" != "$want" ]; then
      if [ "$rc" = 0 ]; then
        rm -f "$base.exit"
      else
        echo "$rc" >"$base.exit"
      fi
      updated="$updated exit"
    fi
  fi
  want=0
  [ -f "$base.exit" ] && want=$(cat "$base.exit")
  ok=$((1 - tool_errors))
  if [ "$rc" != "$want" ]; then
    echo "    exit status $rc, expected $want" >>"$msgs"
    ok=0
  fi
  compare stdout "$base.stdout" "$out/stdout" >>"$msgs" || ok=0
  compare stderr "$base.stderr" "$out/stderr" >>"$msgs" || ok=0
  if [ $ok = 1 ] && [ -n "$updated" ]; then
    echo "UPDATED: $2:$updated" >"$3.txt"
    echo "update 1 0 $2" >"$3.st"
    rm -rf "$work"
  elif [ $ok = 1 ]; then
    echo "PASS: $2" >"$3.txt"
    echo "pass 1 0 $2" >"$3.st"
    rm -rf "$work"
  else
    { echo "FAIL: $2"
      [ -z "$updated" ] || echo "    updated:$updated"
      cat "$msgs"; } >"$3.txt"
    echo "fail 0 1 $2" >"$3.st"
  fi
}

# nap: wait a moment (a fraction of a second where sleep takes one).
nap() {
  sleep 0.05 2>/dev/null || sleep 1
}

# flush: print, in order, every result that is done and that all before
# it are done, and remember where that stops.  Whoever finishes a job
# does it, under a lock, so that the output of jobs never interleaves.
flush() {
  until mkdir "$TMC_RUN_DIR/flush.lock" 2>/dev/null; do nap; done
  next=$(cat "$TMC_RUN_DIR/next")
  while [ -f "$TMC_RUN_DIR/res/$next.st" ]; do
    cat "$TMC_RUN_DIR/res/$next.txt"
    next=$((next + 1))
  done
  echo "$next" >"$TMC_RUN_DIR/next"
  rmdir "$TMC_RUN_DIR/flush.lock"
}

# job_name KIND PATH: the name a job is printed and selected by.
job_name() {
  if [ "$1" = unit ]; then
    echo "unit/${2##*/}"
  else
    jn=${2%.sh}
    echo "${jn#tests/}"
  fi
}

run_job() {  # run_job I
  line=$(sed -n "$1p" "$TMC_RUN_DIR/jobs")
  kind=${line%% *}
  path=${line#* }
  name=$(job_name "$kind" "$path")
  res=$TMC_RUN_DIR/res/$1
  t0=$(date +%s%N)
  if [ "$kind" = unit ]; then
    run_unit "$path" "$name" "$res"
  else
    run_case "$path" "$name" "$res"
  fi
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $name" >"$res.ms"
  flush
}

# The jobs, as started by xargs -P: sh tests/run.sh --run-job I...
if [ "${1:-}" = --run-job ]; then
  shift
  for i in "$@"; do run_job "$i"; done
  exit 0
fi

# ---------------------------------------------------------------------
# The run.

usage_error() {
  echo "run.sh: $1" >&2
  echo "usage: sh tests/run.sh --build BUILD_DIR [-j N] [--update] [--list] [--cli-dir DIR]... [UNIT_PROGRAM | CASE]..." >&2
  exit 2
}

build=
cli_dirs=
jobs=1
update=0
list=0
while [ $# -gt 0 ]; do
  case $1 in
    --build) [ $# -ge 2 ] || usage_error "$1 needs a directory"
      build=$2; shift 2 ;;
    --build=*) build=${1#*=}; shift ;;
    --cli-dir) [ $# -ge 2 ] || usage_error "$1 needs a directory"
      cli_dirs="$cli_dirs $2"; shift 2 ;;
    --cli-dir=*) cli_dirs="$cli_dirs ${1#*=}"; shift ;;
    -j|--jobs) [ $# -ge 2 ] || usage_error "$1 needs a number"
      jobs=$2; shift 2 ;;
    -j*) jobs=${1#-j}; shift ;;
    --jobs=*) jobs=${1#*=}; shift ;;
    --update) update=1; shift ;;
    --list) list=1; shift ;;
    --) shift; break ;;
    -*) usage_error "unknown option $1" ;;
    *) break ;;
  esac
done
[ -n "$build" ] || usage_error "--build is required"
case $jobs in
  ''|*[!0-9]*|0*) usage_error "-j needs a positive number, not '$jobs'" ;;
esac
[ -n "$cli_dirs" ] || cli_dirs="tests/cli tests/hostile"
here=$(pwd)
mkdir -p "$build" && build=$(cd "$build" && pwd) || exit 2
srcdir=$(cd "$(dirname "$0")/.." && pwd)
self=$(cd "$(dirname "$0")" && pwd)/${0##*/}
cd "$srcdir" || exit 2

# Unit programs and patterns.  Unit programs are kept as absolute paths.
units=
patterns=
for a in "$@"; do
  case $a in
    /*) f=$a ;;
    *) f=$here/$a ;;
  esac
  if [ -f "$f" ] && [ -x "$f" ] && [ "${f%.sh}" = "$f" ]; then
    units="$units $f"
  else
    p=${a#./}
    p=${p#tests/}
    patterns="$patterns ${p%.sh}"
  fi
done
# The patterns are matched as patterns: no expansion against files here.
set -f

# selected NAME -> 0 if a pattern selects NAME (or there is none); each
# pattern that selects something is marked in $run_dir/used.
selected() {
  [ -n "$patterns" ] || return 0
  sel=1
  for p in $patterns; do
    # shellcheck disable=SC2254
    case $1 in
      $p|$p/*|*/$p|*/$p/*) sel=0; echo "$p" >>"$run_dir/used" ;;
    esac
  done
  return $sel
}

# One run at a time in a build tree: a second one would remove the
# first one's scratch directories and results under its feet.  A lock
# whose process is gone (a run killed with -9) is taken over.
lock=$build/tests/run.lock
mkdir -p "$build/tests" || exit 2
if ! mkdir "$lock" 2>/dev/null; then
  other=$(cat "$lock/pid" 2>/dev/null)
  if [ -n "$other" ] && kill -0 "$other" 2>/dev/null; then
    echo "run.sh: another run (process $other) is using $build/tests; wait for it to end, or give another --build" >&2
    exit 2
  fi
  rm -rf "$lock"
  mkdir "$lock" || exit 2
fi
echo $$ >"$lock/pid"
trap 'rm -rf "$lock"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

run_dir=$build/tests/run
rm -rf "$run_dir" "$build/tests/scratch"
mkdir -p "$run_dir/res" "$run_dir/locks" || exit 2
: >"$run_dir/jobs"
: >"$run_dir/used"
for t in $units; do
  selected "$(job_name unit "$t")" && echo "unit $t" >>"$run_dir/jobs"
done
for dir in $cli_dirs; do
  [ -d "$dir" ] || continue
  for case_file in $(find "$dir" -name '*.sh' ! -name lib.sh | LC_ALL=C sort); do
    case $case_file in
      ./*) case_file=${case_file#./} ;;
      "$srcdir"/*) case_file=${case_file#"$srcdir"/} ;;
    esac
    selected "$(job_name case "$case_file")" &&
      echo "case $case_file" >>"$run_dir/jobs"
  done
done
for p in $patterns; do
  grep -qxF -e "$p" "$run_dir/used" || { echo "run.sh: no test matches '$p'" >&2; exit 2; }
done
set +f
n=$(wc -l <"$run_dir/jobs")
n=$((n + 0))

if [ $list = 1 ]; then
  while read -r kind path; do
    job_name "$kind" "$path"
  done <"$run_dir/jobs"
  exit 0
fi

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

# ../shared and the catalogues of the build, unless the caller says.
shared=${SHARED-$srcdir/../shared}
[ -n "$shared" ] && [ -d "$shared" ] && shared=$(cd "$shared" && pwd) || shared=
TMCONV_LOCALEDIR=${TMCONV_LOCALEDIR-$build/locale}
export TMCONV_LOCALEDIR

# Run the jobs: xargs -P hands the next one to whichever process is free.
# xargs is in the foreground, so an interrupt reaches every job (a shell
# would start its own background jobs with SIGINT ignored).
TMC_RUN_DIR=$run_dir TMC_RUN_BUILD=$build TMC_RUN_BIN=$bindir \
TMC_RUN_SRC=$srcdir TMC_RUN_SHARED=$shared TMC_RUN_UPDATE=$update
export TMC_RUN_DIR TMC_RUN_BUILD TMC_RUN_BIN TMC_RUN_SRC TMC_RUN_SHARED \
  TMC_RUN_UPDATE
# They start in the order of the list, so that the results come as they
# are printed, except the jobs that would end last, alone: by the times
# of the last run (build/tests/durations), a job longer than the work
# after it in the list divided among the N processes starts first,
# longest first.  The output keeps the order of the list.  The jobs run
# a copy of this script, which an edit during the run cannot change.
durations=$build/tests/durations
echo 1 >"$run_dir/next"
cp "$self" "$run_dir/run.sh" || exit 2
if [ "$n" -gt 0 ]; then
  while read -r kind path; do
    job_name "$kind" "$path"
  done <"$run_dir/jobs" >"$run_dir/names"
  [ -f "$durations" ] || : >"$durations"
  awk -v jobs="$jobs" 'FILENAME == ARGV[1] { ms[$2] = $1; next }
       { d[FNR] = ($0 in ms) ? ms[$0] : 0; n = FNR }
       END {
         rest = 0
         for (i = n; i >= 1; i--) {
           first = jobs > 1 && d[i] * jobs > rest
           print (first ? "a " d[i] : "b 0"), i
           rest += d[i]
         }
       }' "$durations" "$run_dir/names" |
    sort -k1,1 -k2,2nr -k3,3n | cut -d' ' -f3 |
    xargs -n 1 -P "$jobs" sh "$run_dir/run.sh" --run-job
  rc=$?
  [ $rc -le 123 ] || { echo "run.sh: interrupted (xargs: exit $rc)" >&2; exit 2; }
fi

# What no job printed (a job that died before it could) and the counts.
passed=0
failed=0
skipped=0
updated=0
failed_names=
next=$(cat "$run_dir/next")
i=1
while [ $i -le "$n" ]; do
  if [ ! -f "$run_dir/res/$i.st" ]; then
    line=$(sed -n "${i}p" "$run_dir/jobs")
    name=$(job_name "${line%% *}" "${line#* }")
    echo "FAIL: $name (no result: its job died)" >"$run_dir/res/$i.txt"
    echo "fail 0 1 $name" >"$run_dir/res/$i.st"
  fi
  [ $i -lt "$next" ] || cat "$run_dir/res/$i.txt"
  read -r st p f name <"$run_dir/res/$i.st"
  passed=$((passed + p))
  failed=$((failed + f))
  case $st in
    skip) skipped=$((skipped + 1)) ;;
    update) updated=$((updated + 1)) ;;
    fail) failed_names="$failed_names $name" ;;
  esac
  i=$((i + 1))
done
rmdir "$run_dir/locks" 2>/dev/null
# The times of this run, for the order of the next: those of the jobs
# that did not run this time are kept.
cat "$run_dir"/res/*.ms 2>/dev/null | awk '{ ms[$2] = $1 }
  END { for (k in ms) print ms[k], k }' "$durations" - | LC_ALL=C sort -k2 \
  >"$durations.new" && mv "$durations.new" "$durations"

[ $updated -eq 0 ] || echo "$updated updated (review with git diff)"
[ $skipped -eq 0 ] || echo "$skipped skipped"
[ $failed -eq 0 ] || echo "failed:$failed_names"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
