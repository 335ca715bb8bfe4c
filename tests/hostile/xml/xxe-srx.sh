# XML external entities (XXE) in an SRX file are never fetched or read.
# Each one points at a FIFO nobody writes to: opening it would block, so
# 'timeout' would end tmconv with 124; and at a file with a secret that
# must not show in any output.  A general entity, a parameter entity and
# an external DTD subset: the declarations are refused with their line
# (before, a rule whose text was an unread entity silently became an
# empty rule that broke at every space); the external subset is not
# loaded and the rules are read.
mkfifo trap.fifo
echo 'TOP SECRET 4242' > secret.txt
printf 'One. Two three.\n' > a.en.txt
rules='<srx version="2.0" xmlns="http://www.lisa.org/srx20"><header cascade="no"/><body><languagerules><languagerule languagerulename="a"><rule break="yes"><beforebreak>ENT</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="a"/></maprules></body></srx>'
printf '<?xml version="1.0"?>\n<!DOCTYPE srx [<!ENTITY x SYSTEM "trap.fifo">]>\n%s\n' "$(echo "$rules" | sed 's/ENT/\&x;/')" > general.srx
printf '<?xml version="1.0"?>\n<!DOCTYPE srx [<!ENTITY x SYSTEM "secret.txt">]>\n%s\n' "$(echo "$rules" | sed 's/ENT/\&x;/')" > secret.srx
printf '<?xml version="1.0"?>\n<!DOCTYPE srx [<!ENTITY %% p SYSTEM "trap.fifo"> %%p;]>\n%s\n' "$(echo "$rules" | sed 's/ENT/\\./')" > param.srx
printf '<?xml version="1.0"?>\n<!DOCTYPE srx SYSTEM "trap.fifo">\n%s\n' "$(echo "$rules" | sed 's/ENT/\\./')" > subset.srx
for f in general secret param subset; do
  timeout 60 tmconv segment --srx=$f.srx a.en.txt > $f.out
  echo "$f: exit $?"
  cat $f.out
done
grep -l 4242 secret.out || echo "the secret is in no output"
