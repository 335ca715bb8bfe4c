# A "sentence" of 2 MB: a report whose third line runs on with no stop
# and no line break, longer than the limit of 1 MiB a sentence
# (TMC_DOC_MAX_SENTENCE_BYTES, README "Limits").  segment and align stop
# with the line and column where it starts (exit 2) and write nothing;
# one byte under the limit it is read.
{ printf 'Title\n\n'; head -c 2000000 /dev/zero | tr '\0' a; printf '\n'; } > big.en.txt
tmconv segment -o out.txt big.en.txt; echo "segment: exit $?"
printf 'Başlıq\n\nBir.\n' > big.az.txt
tmconv align -o out.tmx big.az.txt big.en.txt; echo "align: exit $?"
tmconv align --presegmented -o out.tmx big.az.txt big.en.txt; echo "align --presegmented: exit $?"
ls out.txt out.tmx 2>/dev/null || echo "nothing written"
{ printf 'Title\n\n'; head -c 1048575 /dev/zero | tr '\0' a; printf '.\n'; } > limit.en.txt
tmconv segment limit.en.txt | wc -l
