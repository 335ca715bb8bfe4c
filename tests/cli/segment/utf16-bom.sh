# UTF-16LE and UTF-16BE with a byte-order mark are recognized.
printf '\377\376O\000k\000.\000 \000N\000o\000.\000\n\000' > le.en.txt
printf '\376\377\000O\000k\000.\000 \000N\000o\000.\000\n' > be.en.txt
tmconv segment --no-filename le.en.txt be.en.txt
