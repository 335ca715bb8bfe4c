# -o writes the file (through a temporary file renamed into place).
printf 'One. Two.\n' > a.en.txt
tmconv segment -o out.txt a.en.txt
cat out.txt
