# Bytes that are not UTF-8 inside XML: in the text of a segment, in an
# attribute value, cut at the end of the file, a UTF-8 file that
# declares UTF-16, and in a rule of an SRX file.  Each is an error with
# the line and column of the bad byte; nothing is replaced or dropped
# silently, and nothing is written.
hdr='<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>'
printf '%s\n<tu><tuv xml:lang="en"><seg>caf\351</seg></tuv><tuv xml:lang="az"><seg>kafe</seg></tuv></tu></body></tmx>\n' "$hdr" > text.tmx
printf '%s\n<tu tuid="\377"><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="az"><seg>b</seg></tuv></tu></body></tmx>\n' "$hdr" > attr.tmx
printf '%s\n<tu><tuv xml:lang="en"><seg>ab\342\200' "$hdr" > cut.tmx
printf '<?xml version="1.0" encoding="UTF-16"?>\n%s</body></tmx>\n' "$hdr" > declared.tmx
for f in text attr cut declared; do
  tmconv check $f.tmx >/dev/null; echo "check $f.tmx: exit $?"
  tmconv po export -o out $f.tmx; echo "po export $f.tmx: exit $?"
done
printf '<srx version="2.0" xmlns="http://www.lisa.org/srx20"><header cascade="no"/><body><languagerules><languagerule languagerulename="a">\n<rule><beforebreak>\\.\376</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="a"/></maprules></body></srx>\n' > bad.srx
printf 'One. Two.\n' > a.en.txt
tmconv segment --srx bad.srx a.en.txt; echo "segment --srx bad.srx: exit $?"
test -e out && echo "out was made" || echo "no output"
