# A file whose name names no language: an error that says what to do;
# the other files are still segmented.
printf 'Hello.\n' > notes.txt
printf 'Salam.\n' > ok.az.txt
tmconv segment --no-filename notes.txt ok.az.txt
