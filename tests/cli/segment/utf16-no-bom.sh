# UTF-16 without a byte-order mark is recognized and the error says which
# --from-code to give; with it the file reads.
printf 'O\000k\000.\000 \000N\000o\000.\000\n\000' > le.en.txt
printf '\000O\000k\000.\000 \000N\000o\000.\000\n' > be.en.txt
tmconv segment le.en.txt
tmconv segment be.en.txt
tmconv segment --from-code=UTF-16LE le.en.txt
