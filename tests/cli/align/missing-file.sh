# A missing input is an error that names the file.
tmconv align --presegmented none.az.txt none.en.txt
