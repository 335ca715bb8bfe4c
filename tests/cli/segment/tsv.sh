# --format=tsv: paragraph (from 1), byte offset and length in the decoded
# text, sentence; a tab inside a sentence is written \t.
printf 'Başlıq\n\nBirinci cümlə.  İkinci\tcümlə.\n' > r.az.txt
tmconv segment --format=tsv r.az.txt
