# The po command dispatches to export and import; without one, or with an
# unknown one, it says so (exit 2); --help prints to standard output.
tmconv po; echo "exit $?"
tmconv po translate x.po; echo "exit $?"
tmconv po --langs az export; echo "exit $?"
tmconv po --help | head -n 1; echo "exit $?"
tmconv po export --help | head -n 1
tmconv po import --help | head -n 1
tmconv po import; echo "exit $?"
tmconv po import --bogus x.po; echo "exit $?"
