# Bytes that are not UTF-8: file, line, column (in characters), the byte,
# and the --from-code to try (windows-1254 text: ı is 0xFD, ş 0xFE).
printf 'Birinci s\303\266z.\nBak\375 \376\344h\344ri.\n' > old.az.txt
tmconv segment old.az.txt
