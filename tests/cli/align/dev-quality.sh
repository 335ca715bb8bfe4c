# On the hard NTREX documents of the development set, given the gold
# sentences, the 3-way link F1 is at least 0.99 and every pair's at least
# 0.985 (align-score on the TMX files).
need_shared
need_cmd python3
g=$SHARED/data/align-dev/ntrex/hard
mkdir out
for f in $g/*.gold; do
  d=$(basename $f .gold)
  tmconv align -q --presegmented --pairs=none -o out/$d.tmx \
    $g/$d.az.sent $g/$d.fa.sent $g/$d.en.sent || exit 1
done
python3 $SHARED/tools/align-score $g out > score.txt
awk '/ F1 / { for (i = 1; i <= NF; i++) if ($i == "F1") f = $(i + 1);
              if (f < 0.985) bad++ }
     /^mean F1/ { mean = $3 }
     END { print (mean >= 0.99 && !bad) ? "F1 above the targets" : "below: " mean }' score.txt
