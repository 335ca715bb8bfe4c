# An SRX file that is not well-formed XML: line and column.
cat > bad.srx <<'EOF'
<srx version="2.0" xmlns="http://www.lisa.org/srx20">
<header cascade="no" segmentsubflows="yes">
</heder>
EOF
printf 'Hi.\n' > a.en.txt
tmconv segment --srx=bad.srx a.en.txt
