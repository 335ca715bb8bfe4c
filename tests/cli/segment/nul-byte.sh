# A NUL byte in otherwise good text: where it is.
printf 'First line of the report.\nThe second line has a \000 in it, and goes on for a while so that it is no binary file.\n' > n.en.txt
tmconv segment n.en.txt
