#!/usr/bin/python3
"""gold2tmx.py SAMPLES_DIR ID... > out.tmx

Turn the gold alignment of tm/samples reports into a plain 3-language TMX
(one <tu> per bead, az/fa/en variants, x-doc / x-bead / x-score props in
the scheme of include/tmconv/tmx.h).  The x-score is a stand-in: the
character-length ratio of the shortest to the longest side of the bead,
so that the score histogram has something to show; it is not an aligner's
confidence.  Beads are written as a simple tool would, with bare language
codes, so that 'tmconv tmx convert' has work to do (tags, header, order).
"""
import sys
from xml.sax.saxutils import escape, quoteattr

LANGS = ("az", "fa", "en")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def parse_side(s):
    s = s.strip()[1:-1]
    return [int(x) for x in s.split(",")] if s else []


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: gold2tmx.py SAMPLES_DIR ID...")
    d = sys.argv[1]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<tmx version="1.4">',
           '<header creationtool="gold2tmx" creationtoolversion="1" '
           'segtype="sentence" o-tmf="gold" adminlang="en" srclang="en" '
           'datatype="plaintext"/>', '<body>']
    for doc in sys.argv[2:]:
        sent = {l: read_lines(f"{d}/{doc}.{l}.sent") for l in LANGS}
        for n, bead in enumerate(read_lines(f"{d}/{doc}.gold"), 1):
            sides = [parse_side(x) for x in bead.split(":")]
            texts = {l: " ".join(sent[l][i] for i in idx)
                     for l, idx in zip(LANGS, sides)}
            lens = [len(t) for t in texts.values() if t]
            score = min(lens) / max(lens) if len(lens) > 1 else 0.0
            shape = "-".join(str(len(x)) for x in sides)
            out.append(f'<tu tuid={quoteattr(f"{doc}:{n:04d}")}>')
            out.append(f'<prop type="x-doc">{escape(doc)}</prop>')
            out.append(f'<prop type="x-bead">{shape}</prop>')
            out.append(f'<prop type="x-score">{score:.3f}</prop>')
            for l in LANGS:
                if texts[l]:
                    out.append(f'<tuv xml:lang="{l}"><seg>{escape(texts[l])}'
                               '</seg></tuv>')
            out.append('</tu>')
    out += ['</body>', '</tmx>']
    sys.stdout.write("\n".join(out) + "\n")


main()
