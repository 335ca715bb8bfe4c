# Only white space (blanks, tabs, line ends, NBSP): no sentences, no error.
printf ' \t\n\n\302\240\n   \n' > ws.fa.txt
tmconv segment ws.fa.txt
