# The catalogues pass msgfmt --check (format strings, header, duplicates)
# without a single warning.
need_cmd msgfmt
for l in az fa; do
  LC_ALL=C msgfmt --check -o /dev/null "$SRCDIR/po/$l.po" 2>&1 | sed "s|$SRCDIR/||"
done
