# po/tmconv.pot holds every translatable message of the sources, as
# 'make pot' would write it now.
need_cmd xgettext
make -s -C "$SRCDIR" pot POT_OUT="$PWD/fresh.pot" >/dev/null 2>&1 ||
  { echo "make pot failed"; exit 1; }
if ! diff -I '^"POT-Creation-Date:' "$SRCDIR/po/tmconv.pot" fresh.pot >diff.out; then
  echo "po/tmconv.pot is out of date: run 'make update-po' and translate"
  head -40 diff.out
fi
