# An unknown command: a short message and the "Try" line on stderr, exit 2.
tmconv frobnicate
