#!/bin/sh
# Make a TMX file in tmconv's unit scheme (tmx.h: tuid DOC:NNNN, x-doc,
# x-bead az-fa-en, x-score) from the gold alignments of tm/samples, for
# the tests of 'tmconv po': the units an aligner that got every bead
# right would write.  The scores are made up: 0.950 for 1-1-1 beads,
# 0.700 for the others.
#
#   sh gold2tmx.sh SAMPLES_DIR ID... >out.tmx
set -u
dir=$1
shift
printf '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
printf '<header creationtool="gold2tmx" creationtoolversion="1" segtype="sentence" o-tmf="gold" adminlang="en" srclang="en-US" datatype="plaintext"/>\n<body>\n'
for id in "$@"; do
  awk -v id="$id" -v dir="$dir" '
    function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
    function load(lang, arr,   f, n, line) {
      f = dir "/" id "." lang ".sent"; n = 0
      while ((getline line < f) > 0) arr[n++] = line
      close(f)
    }
    # The text of the sentences listed in "[2,3]", and their number.
    function text(list, arr,   s, n, i, parts, t) {
      s = list; gsub(/[][]/, "", s)
      if (s == "") { count = 0; return "" }
      n = split(s, parts, ","); t = ""
      for (i = 1; i <= n; i++) t = t (i > 1 ? " " : "") arr[parts[i]]
      count = n; return t
    }
    BEGIN { load("az", az); load("fa", fa); load("en", en) }
    {
      split($0, col, ":")
      taz = text(col[1], az); naz = count
      tfa = text(col[2], fa); nfa = count
      ten = text(col[3], en); nen = count
      bead = NR
      shape = naz "-" nfa "-" nen
      score = (shape == "1-1-1") ? "0.950" : "0.700"
      printf "<tu tuid=\"%s:%04d\">\n", id, bead
      printf "  <prop type=\"x-doc\">%s</prop>\n  <prop type=\"x-bead\">%s</prop>\n  <prop type=\"x-score\">%s</prop>\n", id, shape, score
      if (nen) printf "  <tuv xml:lang=\"en-US\"><seg>%s</seg></tuv>\n", esc(ten)
      if (naz) printf "  <tuv xml:lang=\"az-Latn-AZ\"><seg>%s</seg></tuv>\n", esc(taz)
      if (nfa) printf "  <tuv xml:lang=\"fa-IR\"><seg>%s</seg></tuv>\n", esc(tfa)
      printf "</tu>\n"
    }' "$dir/$id.gold"
done
printf '</body>\n</tmx>\n'
