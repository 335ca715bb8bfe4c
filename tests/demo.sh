#!/bin/sh
# make demo: the README's first command.  Runs the main job, tmconv batch,
# on the sample reports of tm/samples and says where the results are.
#
#   sh tests/demo.sh ABS_BUILD_DIR              the demo, into BUILD/demo
#   sh tests/demo.sh ABS_BUILD_DIR --update-tm  rewrite the TMX files kept
#                                               in tm/ (after a change to
#                                               the samples or the pipeline)
#
# The TMX files in tm/ are made with SOURCE_DATE_EPOCH=1700000000, the
# date the tests use, so that tests/cli/batch/tm-up-to-date.sh can make
# them again and compare them byte for byte.
set -u
build=$1
srcdir=$(cd "$(dirname "$0")/.." && pwd)
tmconv=$build/tmconv

if [ "${2:-}" = --update-tm ]; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/tmconv-tm.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8 \
    "$tmconv" batch -q -j1 --name samples -o "$tmp/out" "$srcdir/tm/samples" ||
    exit 1
  rm -rf "$srcdir/tm/tmx"
  rm -f "$srcdir"/tm/samples*.tmx
  cp -r "$tmp/out/tmx" "$srcdir/tm/tmx"
  cp "$tmp"/out/samples*.tmx "$srcdir/tm/"
  echo "tm/: $(cd "$srcdir/tm" && ls samples*.tmx tmx/*.tmx | tr '\n' ' ')"
  exit 0
fi

out=$build/demo
echo "Running: tmconv batch -o $out $srcdir/tm/samples"
echo
"$tmconv" batch -o "$out" "$srcdir/tm/samples"
status=$?
[ $status -le 1 ] || exit $status
echo
echo "Results (open report.html in a browser to review the alignment):"
for f in samples.tmx samples.en-az.tmx samples.en-fa.tmx samples.az-fa.tmx \
    po report.html report.json tmx pairs; do
  [ -e "$out/$f" ] || continue
  case $f in
    samples.tmx) what="all reports, az/fa/en, for OmegaT and Okapi" ;;
    samples.*-*.tmx) what="bilingual, for Trados, memoQ and MateCat" ;;
    po) what="gettext catalogues: $(cd "$out/po" && ls | tr '\n' ' ')" ;;
    report.html) what="the review report" ;;
    report.json) what="the same figures for programs" ;;
    tmx) what="one TMX per report" ;;
    pairs) what="one TMX per report and language pair" ;;
  esac
  printf '  %-46s %s\n' "$out/$f" "$what"
done
echo
echo "The same TMX files are kept in $srcdir/tm/."
exit $status
