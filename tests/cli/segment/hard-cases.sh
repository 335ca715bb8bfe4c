# The hard cases of tests/data/segment/hard-cases.LANG.txt (abbreviations,
# numbers, quotes, initials, headlines, Persian punctuation; at least 150
# a language) split as each line says.  Each case is segmented as its own
# paragraph with the built-in rules; any difference is shown.
d=$SRCDIR/tests/data/segment
status=0
for lang in az fa en; do
  f=$d/hard-cases.$lang.txt
  n=$(grep -v '^#' "$f" | grep -c .)
  if [ "$n" -lt 150 ]; then
    echo "$lang: only $n cases"
    status=1
  fi
  # The input: each case with " || " as one space, \n and \t as a line
  # break and a tab, and a blank line after it.
  awk '/^#/ || /^$/ { next }
       { gsub(/ \|\| /, " "); gsub(/\\n/, "\n"); gsub(/\\t/, "\t");
         print; print "" }' "$f" > in.$lang.txt
  # What it must give: one sentence a line, a line break inside one as a
  # space, blank lines between the cases (-p).
  awk 'function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s);
                          return s }
       /^#/ || /^$/ { next }
       { if (n++) print ""
         k = split($0, part, / \|\| /)
         for (i = 1; i <= k; i++) {
           s = part[i]; gsub(/\\n/, " ", s); gsub(/\\t/, "\t", s)
           print trim(s)
         } }' "$f" > want.$lang
  tmconv segment -p --lang=$lang in.$lang.txt > got.$lang || status=1
  if ! cmp -s want.$lang got.$lang; then
    echo "$lang: cases that split otherwise (- expected, + got):"
    diff -U1 want.$lang got.$lang | tail -n +3
    status=1
  fi
done
exit $status
