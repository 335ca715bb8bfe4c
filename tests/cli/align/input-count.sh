# One input, or four, is a usage error.
tmconv align a.az.txt
echo "exit $?"
tmconv align a.az.txt b.fa.txt c.en.txt d.az.txt
