# A byte that has no character in the given code page (0x81 in
# windows-1252): line and column of the place, nothing replaced.
printf 'Ok.\nA \201 b.\n' > l.en.txt
tmconv segment --from-code=windows-1252 l.en.txt
