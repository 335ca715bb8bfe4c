# 'tmconv help' alone is the same as 'tmconv --help'.
tmconv help >help.out
tmconv --help >dash.out
cmp help.out dash.out && echo same
