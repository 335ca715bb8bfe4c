# A file that is not there.
tmconv segment nothere.en.txt
