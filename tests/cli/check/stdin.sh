# "-" reads a catalogue from standard input; its lines are still known.
tmconv check -v - <"$SRCDIR/tests/data/po/app.fa.po"
