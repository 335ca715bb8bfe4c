# An output directory inside the corpus is not read as part of it, and
# hidden files and folders are skipped; files in languages tmconv does not
# align are named in a warning; other files are ignored.
. "$SRCDIR/tests/cli/batch/corpus.inc"
small reports
small reports/.drafts small
cp reports/small.en.txt reports/small.de.txt
echo notes >reports/README.txt
tmconv batch -o reports/out reports
tmconv batch -o reports/out reports
outputs reports/out | grep tmx/
