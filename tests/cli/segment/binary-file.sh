# A binary file (the start of a gzip stream) is named as such.
printf '\037\213\010\000\000\000\000\000\000\003\363H\315\311\311\327Q\000\000' > data.en.txt
tmconv segment data.en.txt
