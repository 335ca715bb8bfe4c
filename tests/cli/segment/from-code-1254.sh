# windows-1254 and ISO-8859-9, the code pages of older Azerbaijani Latin.
printf 'Bak\375 \376\344h\344ri. Sumqay\375t.\n' > old.az.txt
tmconv segment -f windows-1254 old.az.txt
tmconv segment -f ISO-8859-9 old.az.txt
