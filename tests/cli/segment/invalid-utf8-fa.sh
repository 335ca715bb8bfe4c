# Persian in windows-1256 read as UTF-8: the hint names windows-1256.
printf '\307\341\346 \310\344 \307\323\312.\n' > old.fa.txt
tmconv segment old.fa.txt
