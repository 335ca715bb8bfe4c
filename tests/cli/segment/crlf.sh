# CR LF and lone CR become LF: the offsets are those of the LF text.
printf 'Title\r\n\r\nOne. Two.\rThree.\r\n' > w.en.txt
tmconv segment --format=tsv w.en.txt
