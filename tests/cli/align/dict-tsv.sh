# The TSV form: a header names the columns; forms are joined by '|'; a
# line with a built-in id adds forms to that concept.  --print-lexicon
# shows the result.
printf 'id\ten\taz\n\tcarpet weaver|weaver\txalçaçı\nw:embassy\tlegation\t\n' > my.tsv
tmconv align --dict my.tsv --print-lexicon > lex.tsv
head -n 1 lex.tsv
grep -c . lex.tsv | awk '{ print ($1 > 600) ? "many concepts" : "few" }'
grep -P '\txalçaçı\t' lex.tsv
grep '^w:embassy' lex.tsv
