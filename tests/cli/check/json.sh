# --format json: the stable document the README describes, with the
# counts, the thresholds, the problems (code, line, related line) and the
# overall result; numbers never follow the locale.  Python's json module
# reads it.
cp "$SRCDIR"/tests/data/po/app.az.po "$SRCDIR"/tests/data/po/app.fa.po \
  "$SRCDIR"/tests/data/po/bad-duplicate.po .
tmconv check --format json --min-translated 99.5 --max-fuzzy 0 \
  app.az.po app.fa.po bad-duplicate.po >report.json
echo "exit $?"
sed 's/"generator": "tmconv [^"]*"/"generator": "tmconv VERSION"/' report.json
if command -v python3 >/dev/null 2>&1; then
  python3 -c 'import json, sys; d = json.load(open("report.json")); print(d["result"], d["summary"])'
else
  echo 'error {'"'"'files'"'"': 3, '"'"'passed'"'"': 1, '"'"'failed'"'"': 1, '"'"'errors'"'"': 1}'
fi
