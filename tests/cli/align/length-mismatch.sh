# Versions more than three times apart in length (here an English summary
# of two sentences) are aligned, never left out in silence, with a
# warning, and the doubtful beads get low confidence.
d=$SRCDIR/tests/data/align
printf '%s\n' "Azerbaijani officials visited Tabriz in October." \
  "They talked about culture and tourism." > short.en.txt
tmconv align --presegmented -b beads $d/visit.az.sent short.en.txt
cut -f1 beads | head -1
awk -F '\t' '$2 < 0.9 { low++ } END { print (low > 0) ? "some low scores" : "no low score" }' beads
