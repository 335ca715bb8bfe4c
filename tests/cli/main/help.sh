# tmconv --help prints the usage, the command list and the options to stdout.
tmconv --help
