# Options that cannot go together, and --pairs without three inputs.
tmconv align --no-lexicon --dict x.tsv a.az.txt b.en.txt
tmconv align --srx r.srx --presegmented a.az.txt b.en.txt
tmconv align --pairs=en-az -o x.tmx a.az.txt b.en.txt
tmconv align --pairs=en-de -o x.tmx a.az.txt b.en.txt c.fa.txt
tmconv align --frobnicate a.az.txt b.en.txt
