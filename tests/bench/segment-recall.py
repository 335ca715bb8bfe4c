#!/usr/bin/env python3
"""Boundary recall of 'tmconv segment' against the gold segmentation of
../shared/data/align-dev, as issue 3 defines it.

  segment-recall.py TMCONV ALIGN_DEV_DIR [--samples N] [--show-missed]

For every DIR/<source>/<variant>/doc_NNN.<lang>.txt with its .sent file:
the gold boundaries are the ends of the .sent lines (each occurs verbatim,
in order, in the .txt).  A boundary is *marked* when its segment ends with
a sentence-final mark (. ! ? U+2026 U+061F U+06D4), optionally followed by
closing quotes or brackets, or when a paragraph break (blank line) follows
it.  Recall is the share of marked boundaries that tmconv's segmentation
also has.  Unmarked boundaries (a segment that ends with no mark in the
middle of a paragraph) are counted apart.  Extra splits are tmconv
boundaries that are not gold boundaries; a sample of them is printed for a
look by hand.  The end of the document is not counted.

Offsets are compared in the NFC form of the text, which is what tmconv
segments.
"""
import glob
import os
import random
import subprocess
import sys
import unicodedata

FINAL = ".!?\u2026\u061f\u06d4\u203c\u2047\u2048\u2049"
CLOSERS = "\"')]}\u00bb\u201d\u2019\u203a\u200e\u200f\u061c\u202c\u2069"


def marked(seg, text, end):
    s = seg.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    if s and s[-1] in FINAL:
        return True
    rest = text[end:end + 400]
    i = 0
    while i < len(rest) and rest[i] in " \t":
        i += 1
    return rest[i:i + 1] == "\n" and "\n" in rest[i + 1:].lstrip(" \t")[:1]


def main():
    tmconv, root = sys.argv[1], sys.argv[2]
    samples = 10
    show_missed = "--show-missed" in sys.argv
    if "--samples" in sys.argv:
        samples = int(sys.argv[sys.argv.index("--samples") + 1])
    stats = {}
    extras = {}
    missed = {}
    unmarked_examples = {}
    files = sorted(glob.glob(os.path.join(root, "*", "*", "*.txt")))
    for lang in ("az", "fa", "en"):
        lf = [f for f in files if f.endswith("." + lang + ".txt")]
        # One run of tmconv for all files of the language.
        out = subprocess.run([tmconv, "segment", "--format=tsv",
                              "--with-filename"] + lf,
                             capture_output=True, check=True).stdout
        ours = {}
        for line in out.decode("utf-8").split("\n"):
            if not line:
                continue
            name, _para, start, length, _ = line.split("\t", 4)
            ours.setdefault(name, set()).add(int(start) + int(length))
        st = dict(gold=0, marked=0, found=0, unmarked=0, unmarked_found=0,
                  ours=0, extra=0, docs=0)
        ex = []
        mi = []
        um = []
        for f in lf:
            text = unicodedata.normalize(
                "NFC", open(f, encoding="utf-8").read())
            raw = text.encode("utf-8")
            sents = [unicodedata.normalize("NFC", s) for s in
                     open(f[:-4] + ".sent", encoding="utf-8")
                     .read().split("\n") if s.strip()]
            pos = 0
            gold_ends = set()
            bounds = []
            for s in sents:
                i = text.find(s, pos)
                if i < 0:
                    raise SystemExit("%s: gold line not found: %r" % (f, s))
                end = i + len(s)
                bounds.append((s, end))
                pos = end
            mine = ours.get(f, set())
            st["docs"] += 1
            st["ours"] += len(mine) - (1 if mine else 0)
            for k, (s, end) in enumerate(bounds):
                bend = len(text[:end].encode("utf-8"))
                gold_ends.add(bend)
                if k == len(bounds) - 1:
                    continue
                st["gold"] += 1
                if marked(s, text, end):
                    st["marked"] += 1
                    if bend in mine:
                        st["found"] += 1
                    else:
                        mi.append((f, s[-60:], text[end:end + 40]))
                else:
                    st["unmarked"] += 1
                    um.append((f, s[-50:], text[end:end + 30]))
                    if bend in mine:
                        st["unmarked_found"] += 1
            last = max(mine) if mine else 0
            for b in sorted(mine):
                if b == last or b in gold_ends:
                    continue
                st["extra"] += 1
                t = raw[:b].decode("utf-8")
                ex.append((f, t[-50:], raw[b:].decode("utf-8")[:40]))
        stats[lang] = st
        extras[lang] = ex
        missed[lang] = mi
        unmarked_examples[lang] = um
    print("lang  docs  gold-bounds  marked  found  recall   unmarked(found)"
          "  extra-splits")
    worst = 1.0
    for lang in ("az", "fa", "en"):
        st = stats[lang]
        rec = st["found"] / st["marked"] if st["marked"] else 1.0
        worst = min(worst, rec)
        print("%-4s  %4d  %11d  %6d  %5d  %.4f   %8d(%d)  %12d" % (
            lang, st["docs"], st["gold"], st["marked"], st["found"], rec,
            st["unmarked"], st["unmarked_found"], st["extra"]))
    rng = random.Random(3)
    for lang in ("az", "fa", "en"):
        ex = extras[lang]
        if ex and samples:
            print("\nsample of %s extra splits (%d of %d): ...text before | "
                  "text after" % (lang, min(samples, len(ex)), len(ex)))
            for f, a, b in rng.sample(ex, min(samples, len(ex))):
                print("  %s: ...%s | %s" % (
                    os.path.relpath(f, root), a.replace("\n", " "),
                    b.replace("\n", " ")))
        if show_missed and missed[lang]:
            print("\nmissed %s boundaries:" % lang)
            for f, a, b in missed[lang]:
                print("  %s: ...%s | %s" % (os.path.relpath(f, root), a,
                                            b.replace("\n", " ")))
        if show_missed and unmarked_examples[lang]:
            print("\nunmarked %s boundaries:" % lang)
            for f, a, b in unmarked_examples[lang]:
                print("  %s: ...%s | %s" % (os.path.relpath(f, root), a,
                                            b.replace("\n", " ")))
    return 0 if worst >= 0.995 else 1


if __name__ == "__main__":
    sys.exit(main())
