# SRX 1.0 (namespace http://www.lisa.org/srx, maprules inside a maprule)
# is read too: here a rule set that breaks only at "!".
cat > v1.srx <<'SRX'
<?xml version="1.0"?>
<srx version="1.0" xmlns="http://www.lisa.org/srx">
 <header segmentsubflows="yes"/>
 <body>
  <languagerules>
   <languagerule languagerulename="Bang">
    <rule break="yes"><beforebreak>!</beforebreak><afterbreak>\s</afterbreak></rule>
   </languagerule>
  </languagerules>
  <maprules>
   <maprule maprulename="Default">
    <languagemap languagepattern=".*" languagerulename="Bang"/>
   </maprule>
  </maprules>
 </body>
</srx>
SRX
printf 'One. Two! Three.\n' > a.en.txt
tmconv segment --srx=v1.srx a.en.txt
