# An SRX file that is not there.
printf 'Hi.\n' > x.en.txt
tmconv segment --srx=none.srx x.en.txt
