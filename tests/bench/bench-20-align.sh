#!/bin/sh
# bench-20-align: the quality, calibration, speed and memory of
# 'tmconv align', on ../shared/data/align-dev, scored with
# ../shared/tools/align-score, beside the peers' figures (peers.md) and
# the end-to-end ceilings of the issue.
#
#   TMCONV=build/tmconv SHARED=../shared BENCH_TMP=/tmp/x sh bench-20-align.sh
#
# Sections (each prints the command it measures):
#   1. quality given the gold sentences (--presegmented on the .sent
#      files), joint 3-way and the pivot join on English, per pair;
#   2. quality end to end from the raw .txt files, 3-way and bilingual;
#   3. held-out figures: parameters estimated on one corpus, scored on
#      the other;
#   4. calibration: beads by confidence, and how many are right;
#   5. speed and memory: pairwise 10,000 sentences, 3-way 10k/30k/100k.
set -u
: "${TMCONV:?}" "${BENCH_TMP:?}"
if [ -z "${SHARED:-}" ] || [ ! -d "$SHARED/data/align-dev" ]; then
  echo "skipped: ../shared (align-dev, align-score) is not there"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "skipped: python3 (for align-score) is not installed"
  exit 0
fi
DEV=$SHARED/data/align-dev
SCORE=$SHARED/tools/align-score
T=$BENCH_TMP
SETS="ntrex/hard flores/hard ntrex/clean flores/clean"

# align SET OUTDIR EXT [OPTION...]: align every document of SET (the .EXT
# files) into OUTDIR/doc_NNN.tmx (and the bilingual files beside it).
align_set () {
  set=$1 out=$2 ext=$3
  shift 3
  mkdir -p "$out"
  for g in "$DEV/$set"/*.gold; do
    d=$(basename "$g" .gold)
    "$TMCONV" align -q "$@" -o "$out/$d.tmx" "$DEV/$set/$d.az.$ext" \
      "$DEV/$set/$d.fa.$ext" "$DEV/$set/$d.en.$ext" || return 1
  done
}

# row LABEL SCOREFILE: one line of figures from align-score's output.
row () {
  awk -v label="$1" '
    / F1 / { for (i = 1; i <= NF; i++) if ($i == "F1") f[$1] = $(i + 1) }
    /^mean F1/ { m = $3 }
    END { printf "%-30s %7s %7s %7s %9s\n", label, f["az-fa"], f["az-en"],
          f["fa-en"], m }' "$2"
}

header () {
  printf "%-30s %7s %7s %7s %9s\n" "$1" "az-fa" "az-en" "fa-en" "3-way"
}

echo "## 1. Quality given the gold sentences (link F1, align-score)"
echo "tmconv align --presegmented [--pivot=en] -o doc.tmx doc.az.sent doc.fa.sent doc.en.sent"
header "set / method"
for s in $SETS; do
  align_set "$s" "$T/gold/$s/joint" sent --presegmented --pairs=none || exit 1
  python3 "$SCORE" "$DEV/$s" "$T/gold/$s/joint" > "$T/score" || exit 1
  row "$s joint" "$T/score"
  for pv in en az fa; do
    align_set "$s" "$T/gold/$s/pivot-$pv" sent --presegmented --pairs=none \
      --pivot=$pv || exit 1
    python3 "$SCORE" "$DEV/$s" "$T/gold/$s/pivot-$pv" > "$T/score"
    row "$s pivot on $pv" "$T/score"
  done
done
# Both hard sets as one: the joint method against each pivot join.
mkdir -p "$T/hardgold"
for c in ntrex flores; do cp -r "$DEV/$c/hard" "$T/hardgold/$c"; done
for m in joint pivot-en pivot-az pivot-fa; do
  mkdir -p "$T/hardpred/$m"
  for c in ntrex flores; do
    cp -r "$T/gold/$c/hard/$m" "$T/hardpred/$m/$c"
  done
  python3 "$SCORE" "$T/hardgold" "$T/hardpred/$m" > "$T/score"
  row "both hard sets, $m" "$T/score"
done
echo "targets: hard 3-way >= 0.990, each pair >= 0.985; clean >= 0.998"
if [ -n "${SRCDIR:-}" ] && [ -d "$SRCDIR/tm/samples" ]; then
  # The project's own sample reports (tm/samples, hand-made gold).
  for mode in sent txt; do
    mkdir -p "$T/samples/$mode"
    for g in "$SRCDIR"/tm/samples/*.gold; do
      b=${g%.gold}
      opt=
      [ $mode = sent ] && opt=--presegmented
      "$TMCONV" align -q $opt --pairs=none -o "$T/samples/$mode/$(basename "$b").tmx" \
        "$b.az.$mode" "$b.fa.$mode" "$b.en.$mode" || exit 1
    done
    python3 "$SCORE" "$SRCDIR/tm/samples" "$T/samples/$mode" > "$T/score"
    row "tm/samples, .$mode" "$T/score"
  done
fi
echo "hunalign (peers.md, same input, no dictionary, joined on English):"
printf "%-30s %7s %7s %7s %9s\n" "ntrex/hard hunalign" 0.971 0.971 0.980 0.977
printf "%-30s %7s %7s %7s %9s\n" "flores/hard hunalign" 0.957 0.976 0.965 0.970
echo
echo "The joint method and the pivot join without the lexicon (weaker"
echo "evidence, where the third language matters more):"
header "set / method"
for s in ntrex/hard flores/hard; do
  align_set "$s" "$T/nolex/$s/joint" sent --presegmented --pairs=none \
    --no-lexicon || exit 1
  python3 "$SCORE" "$DEV/$s" "$T/nolex/$s/joint" > "$T/score"
  row "$s joint, no lexicon" "$T/score"
  align_set "$s" "$T/nolex/$s/pivot" sent --presegmented --pairs=none \
    --no-lexicon --pivot=en || exit 1
  python3 "$SCORE" "$DEV/$s" "$T/nolex/$s/pivot" > "$T/score"
  row "$s pivot en, no lexicon" "$T/score"
done
echo

echo "## 2. End to end: raw .txt through tmconv's own segmentation"
echo "tmconv align -o doc.tmx doc.az.txt doc.fa.txt doc.en.txt"
header "set"
for s in $SETS; do
  align_set "$s" "$T/e2e/$s" txt || exit 1
  python3 "$SCORE" "$DEV/$s" "$T/e2e/$s" > "$T/score"
  row "$s 3-way file" "$T/score"
done
echo "target: hard 3-way >= 0.98; ceilings with a perfect alignment and every"
echo "marked boundary found: ntrex/hard 0.987, flores/hard 0.992"
echo
echo "Bilingual files, each scored on its own pair (align-score --langs):"
printf "%-30s %7s %7s %7s\n" "set" "en-az" "en-fa" "az-fa"
for s in ntrex/hard flores/hard; do
  line=$(printf "%-30s" "$s")
  for p in en-az en-fa az-fa; do
    mkdir -p "$T/e2e/$s/$p"
    for f in "$T/e2e/$s"/*."$p".tmx; do
      cp "$f" "$T/e2e/$s/$p/$(basename "$f" ".$p.tmx").tmx"
    done
    langs=$(echo "$p" | tr - ,)
    f1=$(python3 "$SCORE" --langs "$langs" "$DEV/$s" "$T/e2e/$s/$p" |
         awk '/^mean F1/ { print $3 }')
    line="$line $(printf "%7s" "$f1")"
  done
  echo "$line"
done
echo "(where only the third language joined two sentences, a pair's file keeps"
echo "them apart, as its own sentences translate one to one; the gold projected"
echo "on the pair still joins them, so those units cost links here)"
echo

echo "## 3. Held out: parameters estimated on one corpus, scored on the other"
echo "tmconv align --estimate -o model.txt ntrex/*/*.gold; tmconv align --params model.txt ..."
"$TMCONV" align --estimate -o "$T/model-all.txt" "$DEV"/*/*/*.gold || exit 1
if [ -n "${SRCDIR:-}" ] && [ -f "$SRCDIR/src/lib/align-params.def" ]; then
  sed 's/^  "//; s/\\n"$//' "$SRCDIR/src/lib/align-params.def" > "$T/builtin.txt"
  if grep -v '^#' "$T/model-all.txt" | cmp -s - "$T/builtin.txt"; then
    echo "the built-in parameters are --estimate's on all of align-dev: reproduced"
  else
    echo "the built-in parameters differ from --estimate's on all of align-dev"
  fi
fi
"$TMCONV" align --estimate -o "$T/model-ntrex.txt" "$DEV"/ntrex/*/*.gold || exit 1
"$TMCONV" align --estimate -o "$T/model-flores.txt" "$DEV"/flores/*/*.gold || exit 1
header "set (parameters from)"
for s in flores/hard flores/clean ntrex/hard ntrex/clean; do
  from=ntrex
  [ "${s%%/*}" = ntrex ] && from=flores
  align_set "$s" "$T/xval/$s" sent --presegmented --pairs=none \
    --params "$T/model-$from.txt" || exit 1
  python3 "$SCORE" "$DEV/$s" "$T/xval/$s" > "$T/score"
  row "$s ($from)" "$T/score"
done
echo

echo "## 4. Calibration: beads by confidence, given the gold sentences"
echo "tmconv align --presegmented -b doc.beads ...; a bead is right when the gold has it"
for s in $SETS; do
  mkdir -p "$T/beads/$s"
  for g in "$DEV/$s"/*.gold; do
    d=$(basename "$g" .gold)
    "$TMCONV" align -q --presegmented -b "$T/beads/$s/$d.beads" \
      "$DEV/$s/$d.az.sent" "$DEV/$s/$d.fa.sent" "$DEV/$s/$d.en.sent" || exit 1
  done
done
python3 - "$DEV" "$T/beads" $SETS <<'EOF'
import os, sys
dev, beads, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
bins = [(0, .5), (.5, .7), (.7, .9), (.9, .95), (.95, .99), (.99, 1.01)]
rows = {b: [0, 0] for b in bins}
for s in sets:
    for f in sorted(os.listdir(os.path.join(dev, s))):
        if not f.endswith(".gold"):
            continue
        d = f[:-5]
        gold = {l.strip() for l in open(os.path.join(dev, s, f)) if l.strip()}
        for line in open(os.path.join(beads, s, d + ".beads")):
            bead, score = line.rstrip("\n").split("\t")
            score = float(score)
            for b in bins:
                if b[0] <= score < b[1]:
                    rows[b][0] += 1
                    rows[b][1] += bead in gold
print("%-14s %7s %8s %9s" % ("confidence", "beads", "right", "share"))
for b in bins:
    n, ok = rows[b]
    hi = "1.00" if b[1] > 1 else "%.2f" % b[1]
    print("%-14s %7d %8d %9s" % ("[%.2f, %s)" % (b[0], hi), n, ok,
                                  "%.4f" % (ok / n) if n else "-"))
n = sum(rows[b][0] for b in bins if b[0] >= .9)
ok = sum(rows[b][1] for b in bins if b[0] >= .9)
print("%-14s %7d %8d %9.4f   (target: >= 0.99)" % (">= 0.90", n, ok, ok / n))
EOF
echo

echo "## 5. Speed and memory"
python3 - "$DEV" "$T" <<'EOF'
# Long documents: the development documents one after another (hard and
# clean variants of both corpora, in turn) until each language has N
# sentences; the gold beads follow.
import os, sys
dev, out = sys.argv[1], sys.argv[2]
docs = []
for s in ["ntrex/hard", "flores/hard", "ntrex/clean", "flores/clean"]:
    d = os.path.join(dev, s)
    docs += [(d, f[:-5]) for f in sorted(os.listdir(d)) if f.endswith(".gold")]
for n in (10000, 30000, 100000):
    sents = {l: [] for l in ("az", "fa", "en")}
    gold = []
    k = 0
    while min(len(v) for v in sents.values()) < n:
        d, doc = docs[k % len(docs)]
        k += 1
        off = {l: len(v) for l, v in sents.items()}
        for l in sents:
            sents[l] += [x for x in open(os.path.join(d, doc + "." + l + ".sent"),
                                         encoding="utf-8").read().split("\n") if x.strip()]
        for line in open(os.path.join(d, doc + ".gold")):
            if line.strip():
                parts = line.strip().split(":")
                gold.append(":".join(
                    "[" + ",".join(str(int(x) + off[l]) for x in p.strip()[1:-1].split(",") if x.strip()) + "]"
                    for l, p in zip(("az", "fa", "en"), parts)))
    for l, v in sents.items():
        with open(os.path.join(out, "long%d.%s.sent" % (n, l)), "w", encoding="utf-8") as f:
            f.write("\n".join(v) + "\n")
    with open(os.path.join(out, "long%d.gold" % n), "w") as f:
        f.write("\n".join(gold) + "\n")
EOF
# f1 GOLD BEADS COLUMNS: link F1 of beads (columns of the gold) on GOLD.
f1 () {
  python3 - "$@" <<'EOF'
import sys, itertools
gold_path, pred_path, cols = sys.argv[1], sys.argv[2], [int(c) for c in sys.argv[3].split(",")]
def beads(path, cols):
    out = []
    for line in open(path):
        if line.strip():
            parts = line.split("\t")[0].strip().split(":")
            parts = [parts[c] for c in cols] if cols else parts
            out.append([[int(x) for x in p[1:-1].split(",")] if p[1:-1] else [] for p in parts])
    return out
g, q = beads(gold_path, cols), beads(pred_path, None)
fs = []
for a, b in itertools.combinations(range(len(cols)), 2):
    G = {(i, j) for x in g for i in x[a] for j in x[b]}
    Q = {(i, j) for x in q for i in x[a] for j in x[b]}
    tp = len(G & Q)
    fs.append(2 * tp / (len(G) + len(Q)))
print("%.4f" % (sum(fs) / len(fs)))
EOF
}
# measure LABEL COMMAND...: run, print the elapsed seconds, the CPU
# seconds (user + system, all threads) and the peak RSS.  The machine's
# load shows in the elapsed time: the load average is printed.
measure () {
  label=$1
  shift
  /usr/bin/time -f "%e %M %U %S" -o "$T/time" "$@" || return 1
  read -r secs kb user sys < "$T/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf "%-34s %6s s (CPU %5s s) %5d MB" "$label" "$secs" "$cpu" \
    $((kb / 1024))
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) on $(nproc 2>/dev/null) processors"
if [ ! -x /usr/bin/time ]; then
  echo "skipped: GNU time (/usr/bin/time) is not installed"
  exit 0
fi
echo "tmconv align --presegmented -b out long10000.az.sent long10000.en.sent"
measure "pairwise az-en, 10,000 sentences" "$TMCONV" align -q --presegmented \
  -b "$T/pair.beads" "$T/long10000.az.sent" "$T/long10000.en.sent" || exit 1
secs=$(cut -d' ' -f1 "$T/time")
kb=$(cut -d' ' -f2 "$T/time")
echo "   F1 $(f1 "$T/long10000.gold" "$T/pair.beads" 0,2)"
awk -v s="$secs" -v k="$kb" 'BEGIN {
  printf "%-34s %6s s                %5d MB   (peers.md, this machine kind)\n",
         "hunalign, 10,000 sentences", "1.7", 181;
  printf "tmconv is %.1fx faster, uses %.1fx less memory (target: 5x faster)\n",
         1.7 / (s > 0 ? s : 0.01), 181 * 1024 / k }'
if command -v hunalign >/dev/null 2>&1; then
  : > "$T/null.dic"
  measure "hunalign (installed), same input" hunalign -utf "$T/null.dic" \
    "$T/long10000.az.sent" "$T/long10000.en.sent" > /dev/null
  echo
fi
echo
echo "tmconv align --presegmented -b out longN.az.sent longN.fa.sent longN.en.sent"
prev=
for n in 10000 30000 100000; do
  measure "3-way, $n sentences a language" "$TMCONV" align -q --presegmented \
    -b "$T/three.beads" "$T/long$n.az.sent" "$T/long$n.fa.sent" \
    "$T/long$n.en.sent" || exit 1
  secs=$(cut -d' ' -f1 "$T/time")
  echo "   F1 $(f1 "$T/long$n.gold" "$T/three.beads" 0,1,2)   $(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.2f s per 10k", s / n * 10000 }')"
done
echo "(yasa: 100k pairwise in 840 MB; hunalign does not finish 50k; target <= 512 MB)"
