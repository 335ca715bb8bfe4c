# The exit status: 0 when every file meets the thresholds, 1 when one
# does not (--min-translated, --max-fuzzy), 2 when a file has errors,
# whatever the thresholds.
cp "$SRCDIR"/tests/data/po/app.az.po "$SRCDIR"/tests/data/po/app.fa.po \
  "$SRCDIR"/tests/data/po/bad-escape.po .
for args in "--min-translated 60" "--min-translated 60.1" "--max-fuzzy 1" \
  "--max-fuzzy 0" "--min-translated 0 --max-fuzzy 1000"; do
  tmconv check $args app.az.po app.fa.po >/dev/null
  echo "$args: $?"
done
tmconv check --min-translated 0 app.az.po bad-escape.po >/dev/null 2>&1
echo "with an error: $?"
