# Entity expansion bombs: "billion laughs" (ten levels of ten references,
# 10^10 copies of "lol") and the quadratic blowup (one 50 KB entity
# referenced 20,000 times: 1 GB).  tmconv refuses the first entity
# declaration of a TMX or SRX file, so nothing is ever expanded, and
# expat's own protection against amplification stays on behind that.
# Each is refused at once with its line; 'timeout' shows none hangs.
laughs='<!ENTITY a0 "lollollollollollollollollollol">'
i=1
while [ $i -le 9 ]; do
  laughs="$laughs<!ENTITY a$i \"$(printf "&a$((i - 1));%.0s" 1 2 3 4 5 6 7 8 9 10)\">"
  i=$((i + 1))
done
big=$(head -c 50000 /dev/zero | tr '\0' x)
refs=$(printf '&b;%.0s' $(seq 20000))
tmx() {
  printf '<?xml version="1.0"?>\n<!DOCTYPE tmx [%s]>\n<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>%s</seg></tuv><tuv xml:lang="az"><seg>x</seg></tuv></tu></body></tmx>\n' "$1" "$2"
}
srx() {
  printf '<?xml version="1.0"?>\n<!DOCTYPE srx [%s]>\n<srx version="2.0" xmlns="http://www.lisa.org/srx20"><header cascade="no"/><body><languagerules><languagerule languagerulename="a"><rule><beforebreak>%s</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="a"/></maprules></body></srx>\n' "$1" "$2"
}
tmx "$laughs" '&a9;' > laughs.tmx
tmx "<!ENTITY b \"$big\">" "$refs" > quadratic.tmx
srx "$laughs" '&a9;' > laughs.srx
srx "<!ENTITY b \"$big\">" "$refs" > quadratic.srx
printf 'One. Two.\n' > a.en.txt
for f in laughs quadratic; do
  timeout 60 tmconv check $f.tmx; echo "check $f.tmx: exit $?"
  timeout 60 tmconv po export -o out $f.tmx; echo "po export $f.tmx: exit $?"
  timeout 60 tmconv tmx validate $f.tmx; echo "tmx validate $f.tmx: exit $?"
  timeout 60 tmconv segment --srx $f.srx a.en.txt; echo "segment --srx $f.srx: exit $?"
done
test -e out && echo "out was made" || echo "no output"
