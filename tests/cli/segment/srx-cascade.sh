# cascade="yes" takes the rules of every map entry that matches, in map
# order; cascade="no" only the first.  A language no entry matches gets
# no rules: only blank lines and deliberate line breaks cut its text.
mk() {
cat > $1.srx <<SRX
<srx version="2.0" xmlns="http://www.lisa.org/srx20">
 <header segmentsubflows="yes" cascade="$2"/>
 <body>
  <languagerules>
   <languagerule languagerulename="Ex"><rule break="no"><beforebreak>\bDr\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule>
   <languagerule languagerulename="All"><rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule>
  </languagerules>
  <maprules>
   <languagemap languagepattern="en.*" languagerulename="Ex"/>
   <languagemap languagepattern="(en|fa).*" languagerulename="All"/>
  </maprules>
 </body>
</srx>
SRX
}
mk yes yes
mk no no
printf 'Dr. Who. Yes.\n' > a.en.txt
printf 'Dr. Who. Yes.\n' > b.az.txt
tmconv segment --srx=yes.srx a.en.txt
echo --
tmconv segment --srx=no.srx a.en.txt
echo --
tmconv segment --srx=yes.srx --lang=fa a.en.txt
echo --
tmconv segment --srx=yes.srx b.az.txt
