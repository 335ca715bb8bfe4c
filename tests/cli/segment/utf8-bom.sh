# A UTF-8 byte-order mark is an encoding signature: offsets start after it.
printf '\357\273\277Salam. Necəsən?\n' > b.az.txt
tmconv segment --format=tsv b.az.txt
