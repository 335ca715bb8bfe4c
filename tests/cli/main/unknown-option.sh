# An unknown global option: getopt's message and the "Try" line, exit 2.
tmconv --frobnicate
