# --format takes text or tsv.
tmconv segment --format=csv x.en.txt
