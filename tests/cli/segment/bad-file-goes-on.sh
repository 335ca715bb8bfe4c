# An error in one file does not stop the others; the exit status is 2.
printf 'One.\n' > a.en.txt
printf 'Bad \377.\n' > b.en.txt
printf 'Two.\n' > c.en.txt
tmconv segment --no-filename a.en.txt b.en.txt c.en.txt
