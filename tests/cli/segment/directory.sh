# A directory is no file to read.
mkdir dir.en.txt
tmconv segment dir.en.txt
