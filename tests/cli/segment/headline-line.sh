# A headline on its own line, without a stop, is its own sentence even
# with no blank line after it; so is a dateline.  A wrapped paragraph is
# not cut at its line ends.
cat > r.en.txt <<'EOF'
President opens the new library in Baku
BAKU, 12 May
The President of the Republic opened the new national library on
Monday, in a ceremony attended by ministers, writers and students from
universities across the country. The library holds two million books.
EOF
tmconv segment r.en.txt
