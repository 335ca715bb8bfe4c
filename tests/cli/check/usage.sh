# Bad usage: exit 2 with a message and the "Try" line.
tmconv check; echo "exit $?"
tmconv check --min-translated 101 x.po; echo "exit $?"
tmconv check --min-translated abc x.po; echo "exit $?"
tmconv check --max-fuzzy -1 x.po; echo "exit $?"
tmconv check --format xml x.po; echo "exit $?"
tmconv check --bogus x.po; echo "exit $?"
printf 'msgid "a"\nmsgstr "b"\n' >x.po
tmconv check -o x.po x.po; echo "exit $?"
