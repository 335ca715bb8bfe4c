# An encoding iconv does not know is a usage error, before any file is read.
printf 'Hi.\n' > a.en.txt
tmconv segment --from-code=NO-SUCH-CODE a.en.txt
