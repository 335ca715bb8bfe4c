# A language map that names a language rule the file does not have.
cat > m.srx <<'EOF'
<srx version="2.0" xmlns="http://www.lisa.org/srx20">
 <header segmentsubflows="yes" cascade="yes"/>
 <body>
  <languagerules>
   <languagerule languagerulename="Default"><rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule>
  </languagerules>
  <maprules>
   <languagemap languagepattern="en.*" languagerulename="English"/>
  </maprules>
 </body>
</srx>
EOF
printf 'Hi.\n' > a.en.txt
tmconv segment --srx=m.srx a.en.txt
