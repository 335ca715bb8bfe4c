# With two files every line starts with the file name and a tab.
printf 'Salam. Sağ ol.\n' > a.az.txt
printf 'Hello.\n' > b.en.txt
tmconv segment a.az.txt b.en.txt
