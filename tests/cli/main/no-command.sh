# No command at all is a usage error.
tmconv
