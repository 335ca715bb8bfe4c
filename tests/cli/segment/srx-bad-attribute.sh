# Attribute values SRX does not allow, and a missing required one.
cat > a.srx <<'EOF'
<srx version="2.0" xmlns="http://www.lisa.org/srx20">
 <header segmentsubflows="yes" cascade="yes"/>
 <body>
  <languagerules>
   <languagerule languagerulename="Default"><rule break="maybe"/></languagerule>
  </languagerules>
  <maprules/>
 </body>
</srx>
EOF
cat > b.srx <<'EOF'
<srx version="2.0" xmlns="http://www.lisa.org/srx20">
 <header segmentsubflows="yes"/>
</srx>
EOF
printf 'Hi.\n' > x.en.txt
tmconv segment --srx=a.srx x.en.txt
tmconv segment --srx=b.srx x.en.txt
