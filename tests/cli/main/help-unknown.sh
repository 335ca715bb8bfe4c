# 'tmconv help' of a command that does not exist.
tmconv help frobnicate
