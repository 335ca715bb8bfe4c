# windows-1256 Persian: Arabic yeh (0xED) stays as written; the
# question mark 0xBF is U+061F and ends the sentence.
printf '\307\306\355\344 \307\323\312\277 \310\341\344.\r\n' > old.fa.txt
tmconv segment --from-code=windows-1256 old.fa.txt
