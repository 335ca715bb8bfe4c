# An empty file has no sentences; that is no error.
: > empty.en.txt
tmconv segment --format=tsv empty.en.txt
