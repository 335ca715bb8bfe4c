# report.html in a real browser (headless Chromium): it is one file that
# fetches nothing; the browser renders a summary row and a section per
# report; Persian cells are right to left and right-aligned, Azerbaijani
# ones left to right; low-confidence beads are red and beads that are not
# 1-1-1 amber, ordinary beads are not coloured; the "only the beads to
# review" switch hides the others.  The screenshot shows both highlight
# colours over a real area, and the page is not blank.
. "$SRCDIR/tests/cli/batch/corpus.inc"
need_cmd chromium python3
samples corpus
# A report whose Persian is another text: low confidence everywhere.
cp "$SRCDIR/tests/data/batch/small.az.txt" corpus/mismatch.az.txt
cp "$SRCDIR/tests/data/batch/small.en.txt" corpus/mismatch.en.txt
head -n 5 "$SRCDIR/tm/samples/2023-09-ardabil-carpet-festival.fa.txt" \
  >corpus/mismatch.fa.txt
# A report that fails.
small corpus zz-broken
printf 'ok\n\377\n' >corpus/zz-broken.fa.txt
tmconv batch -q -o out corpus 2>/dev/null
echo "exit $?"
# Self-contained: no script, no style sheet, image or font from elsewhere.
grep -Eci '<(script|link|img|iframe)|url\(|@import|(src|href)="[a-z]+:' out/report.html
# Chromium's socket path must be short: its profile and temporary files go
# to a fresh directory under /tmp, removed at the end.
profile=$(TMPDIR=/tmp mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
  TMPDIR=$profile timeout 120 chromium --headless --no-sandbox \
    --disable-gpu --no-first-run --disable-extensions --hide-scrollbars \
    --user-data-dir="$profile/profile" \
    --host-resolver-rules='MAP * ~NOTFOUND' "$@" 2>/dev/null
}
chrome --dump-dom "file://$PWD/out/report.html" >dom.html
grep -c '<section class="report' dom.html
grep -c '<td lang="fa" dir="rtl"' dom.html >/dev/null && echo "Persian cells are rtl in the DOM"
cp "$SRCDIR/tests/integration/batch/harness.html" harness.html
chrome --allow-file-access-from-files --virtual-time-budget=10000 \
  --dump-dom "file://$PWD/harness.html" >harness.dom
sed -n '/<pre id="out">/,/<\/pre>/p' harness.dom | sed 's/<[^>]*>//g'
chrome --window-size=1280,2400 --screenshot="$PWD/shot.png" \
  "file://$PWD/out/report.html" >/dev/null
python3 "$SRCDIR/tests/integration/batch/png-colours.py" shot.png \
  ffd9d6 fff1c2 ffffff >colours
sed -n 1p colours
awk 'NR > 1 { v = ($2 > 5000) ? "over 5000 pixels" : "only " $2 " pixels";
  name = ($1 == "ffd9d6") ? "low-confidence red" : ($1 == "fff1c2") ? "not-1-1-1 amber" : "white";
  print name ": " v }' colours
