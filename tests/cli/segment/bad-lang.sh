# A language tmconv's rules do not know, and a tag that is not one.
tmconv segment --lang=de x.txt
tmconv segment --lang='a b' x.txt
