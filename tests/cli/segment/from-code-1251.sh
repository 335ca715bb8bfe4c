# windows-1251 Cyrillic Azerbaijani (the letters Russian has).
printf '\302 \301\340\352\373. \316\355 \343\345\353\344\350.\n' > old.az-Cyrl.txt
tmconv segment -f windows-1251 old.az-Cyrl.txt
