# UTF-16 that ends in the middle of a character.
printf 'O\000k\000.\000\n' > t.en.txt
tmconv segment --from-code=UTF-16LE t.en.txt
