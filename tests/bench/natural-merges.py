#!/usr/bin/env python3
"""natural-merges: an alignment test set of the merges translators make.

    python3 natural-merges.py DEV OUT

Reads the clean variants of the development data (DEV/ntrex/clean,
DEV/flores/clean: every bead 1-1-1) and writes OUT/ntrex/natural and
OUT/flores/natural in the same layout (doc_NNN.{az,fa,en}.{sent,txt},
doc_NNN.gold), where, in every document, one or two pairs of adjacent
sentences of one paragraph are joined in one language (now and then in
two) the way a translator joins them: the final full stop of the first
sentence becomes a comma (Persian '،'), or gives way to the language's
conjunction (and, və, و), and the second sentence goes on in lower case
where the script has case and its first word is not a name (a word the
document writes capitalized inside a sentence).  Only statements are
joined: two sentences that end with a full stop.  The gold joins the
other languages' two sentences in one bead.  The development data's own
"hard" variants join sentences with ';' and delete some: a mark that
translators seldom leave where the second sentence is a clause of the
first.

The choices come from a random generator seeded with the document's name,
so the set is the same on every run.  The data stay outside the
repository (CC BY-SA 4.0, see DEV/README.md); this script only makes the
set at bench time.
"""
import os
import random
import re
import sys

LANGS = ("az", "fa", "en")
CONJ = {"az": "və", "fa": "و", "en": "and"}
COMMA = {"az": ",", "fa": "،", "en": ","}
CLOSERS = "\"'»”’)]"


def lower_first(lang, s, names):
    """S with its first letter in lower case, unless its first word is a
    name (a word the document writes capitalized inside a sentence)."""
    m = re.match(r"([^\w]*)(\w+)", s)
    if not m or lang == "fa":
        return s
    word = m.group(2)
    if word[0].islower() or len(word) > 1 and word.isupper():
        return s
    if lang == "az":
        low = {"I": "ı", "İ": "i"}.get(word[0], word[0].lower()) + word[1:]
    else:
        low = word[0].lower() + word[1:]
    if word in names:
        return s
    return s[:m.start(2)] + low + s[m.end(2):]


def statement(s):
    """Does S end with one full stop (before closing quotes)?"""
    core = s.rstrip(CLOSERS)
    return core.endswith(".") and not core.endswith("..")


def join(lang, a, b, how, names):
    """The sentences A and B of LANG joined into one, or None unless both
    end with a full stop."""
    core = a.rstrip(CLOSERS)
    tail = a[len(core):]
    if not statement(a) or not statement(b):
        return None
    core = core[:-1]
    b = lower_first(lang, b, names)
    if how == "comma":
        return core + COMMA[lang] + tail + " " + b
    return core + tail + " " + CONJ[lang] + " " + b


def paragraphs(txt, sents):
    """The paragraph of each sentence, and whether sentence i and i + 1
    are one space apart in the same paragraph."""
    paras = txt.split("\n\n")
    para_of, adjacent = [], []
    p, pos = 0, 0
    for i, s in enumerate(sents):
        while p < len(paras):
            k = paras[p].find(s, pos)
            if k >= 0:
                break
            p, pos = p + 1, 0
        if p == len(paras):
            return None, None
        para_of.append(p)
        adjacent.append(i > 0 and para_of[i - 1] == p
                        and paras[p][pos:k] == " ")
        pos = k + len(s)
    return para_of, adjacent


def make_doc(src, name, out, rng):
    sents, txts = {}, {}
    for l in LANGS:
        with open(os.path.join(src, "%s.%s.sent" % (name, l)),
                  encoding="utf-8") as f:
            sents[l] = [x for x in f.read().split("\n") if x.strip()]
        with open(os.path.join(src, "%s.%s.txt" % (name, l)),
                  encoding="utf-8") as f:
            txts[l] = f.read()
    n = len(sents["en"])
    assert all(len(sents[l]) == n for l in LANGS), name
    adj = {}
    for l in LANGS:
        _, adj[l] = paragraphs(txts[l], sents[l])
        if adj[l] is None:
            return 0
    names = {
        l: {w for s in sents[l] for w in re.findall(r"\w+", s)[1:]
            if w[0].isupper()} for l in LANGS}
    # Candidate pairs (i, i + 1): one space apart in every language.
    cand = [i for i in range(n - 1) if all(adj[l][i + 1] for l in LANGS)]
    rng.shuffle(cand)
    want = rng.choice((1, 1, 2))
    merges = {}  # i -> languages joined
    used = set()
    for i in cand:
        if len(merges) == want:
            break
        if i in used or i + 1 in used:
            continue
        langs = [rng.choice(LANGS)]
        if rng.random() < 0.25:
            langs.append(rng.choice([l for l in LANGS if l != langs[0]]))
        how = rng.choice(("comma", "conj"))
        joined = {}
        for l in langs:
            j = join(l, sents[l][i], sents[l][i + 1], how, names[l])
            if j is None:
                break
            joined[l] = j
        if len(joined) != len(langs):
            continue
        merges[i] = joined
        used.update((i, i + 1))
    if not merges:
        return 0
    new_sents = {l: [] for l in LANGS}
    idx = {l: [] for l in LANGS}  # original index -> new index
    for l in LANGS:
        txt = txts[l]
        i = 0
        while i < n:
            if i in merges and l in merges[i]:
                j = merges[i][l]
                old = sents[l][i] + " " + sents[l][i + 1]
                assert txt.count(old) == 1, (name, l, i)
                txt = txt.replace(old, j)
                idx[l] += [len(new_sents[l])] * 2
                new_sents[l].append(j)
                i += 2
            else:
                idx[l].append(len(new_sents[l]))
                new_sents[l].append(sents[l][i])
                i += 1
        txts[l] = txt
    gold = []
    i = 0
    while i < n:
        span = 2 if i in merges else 1
        gold.append(":".join(
            "[" + ",".join(str(x) for x in sorted({idx[l][i + k]
                                                  for k in range(span)}))
            + "]" for l in LANGS))
        i += span
    for l in LANGS:
        with open(os.path.join(out, "%s.%s.sent" % (name, l)), "w",
                  encoding="utf-8") as f:
            f.write("\n".join(new_sents[l]) + "\n")
        with open(os.path.join(out, "%s.%s.txt" % (name, l)), "w",
                  encoding="utf-8") as f:
            f.write(txts[l])
    with open(os.path.join(out, name + ".gold"), "w") as f:
        f.write("\n".join(gold) + "\n")
    return len(merges)


def main():
    dev, out = sys.argv[1], sys.argv[2]
    total_docs = total_merges = 0
    for corpus in ("ntrex", "flores"):
        src = os.path.join(dev, corpus, "clean")
        dst = os.path.join(out, corpus, "natural")
        os.makedirs(dst, exist_ok=True)
        for f in sorted(os.listdir(src)):
            if not f.endswith(".gold"):
                continue
            name = f[:-5]
            rng = random.Random("natural-merges:%s:%s" % (corpus, name))
            k = make_doc(src, name, dst, rng)
            if k:
                total_docs += 1
                total_merges += k
    print("natural merges: %d documents, %d joins" % (total_docs,
                                                      total_merges))


if __name__ == "__main__":
    main()
