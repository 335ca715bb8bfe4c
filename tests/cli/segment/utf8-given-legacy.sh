# A file that is valid UTF-8 but given as windows-1256: a warning, since
# the result is likely garbled.
printf 'Bak\304\261.\n' > u.az.txt
tmconv segment --from-code=windows-1256 u.az.txt >/dev/null
