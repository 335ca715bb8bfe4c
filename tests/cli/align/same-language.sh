# Two inputs in the same language are refused before anything is read.
tmconv align a.az.txt b.az.txt
