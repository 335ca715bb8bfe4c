# A regular expression PCRE2 rejects: the rule, its language rule, the
# element, and the line and column of that element.
cat > bad.srx <<'EOF'
<?xml version="1.0"?>
<srx version="2.0" xmlns="http://www.lisa.org/srx20">
 <header segmentsubflows="yes" cascade="no"/>
 <body>
  <languagerules>
   <languagerule languagerulename="English">
    <rule break="no"><beforebreak>\bMr\.</beforebreak><afterbreak>\s</afterbreak></rule>
    <rule break="yes"><beforebreak>[.?!]+(</beforebreak><afterbreak>\s</afterbreak></rule>
   </languagerule>
  </languagerules>
  <maprules><languagemap languagepattern=".*" languagerulename="English"/></maprules>
 </body>
</srx>
EOF
printf 'Hi.\n' > a.en.txt
tmconv segment --srx=bad.srx a.en.txt
