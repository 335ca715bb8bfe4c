# xmllint (libxml2) validates every TMX tmconv writes against the TMX 1.4
# DTD: the case tests/cli/tmx/dtd-valid.sh, which 'make check' also runs
# when xmllint and ../shared are there.
. "$SRCDIR/tests/cli/tmx/dtd-valid.sh"
