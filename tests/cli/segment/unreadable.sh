# A file without read permission (root reads every file: skipped then).
[ "$(id -u)" != 0 ] || skip "root can read every file"
printf 'Hi.\n' > locked.en.txt
chmod 000 locked.en.txt
tmconv segment locked.en.txt
