# Bad dictionaries: a hunalign file whose languages are unknown, a TSV
# header with an unknown column, a malformed line, a missing file.
printf '%s\n' "xalça @ carpet" > words.dic
tmconv align --dict words.dic --print-lexicon
printf 'az\tde\nx\ty\n' > bad.tsv
tmconv align --dict bad.tsv --print-lexicon
printf 'az\ten\na\tb\tc\n' > cols.tsv
tmconv align --dict cols.tsv --print-lexicon
tmconv align --dict missing.tsv --print-lexicon
echo "exit $?"
