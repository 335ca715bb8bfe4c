# -p puts an empty line between paragraphs, as hunalign's input has it.
printf 'One. Two.\n\n\nThree.\n' > a.en.txt
tmconv segment -p a.en.txt
