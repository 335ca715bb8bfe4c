# Other control characters cannot go into TMX (XML 1.0): an error.
printf 'Hello \033[1mworld\033[0m.\n' > c.en.txt
tmconv segment c.en.txt
