#!/usr/bin/python3
"""tmx-pairs.py TMX SRC TGT SRC_OUT TGT_OUT

With Python's own XML parser (independent of tmconv's reader), write the
SRC and TGT texts of every unit of TMX that has both languages (matched
by primary subtag), one per line, to SRC_OUT and TGT_OUT.  Used to build
the source file an OmegaT project translates and the target it must
produce.  Prints the number of pairs.
"""
import sys
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def primary(tag):
    return tag.replace("_", "-").split("-")[0].lower()


def main():
    tmx, src, tgt, src_out, tgt_out = sys.argv[1:6]
    n = 0
    with open(src_out, "w", encoding="utf-8") as s, \
            open(tgt_out, "w", encoding="utf-8") as t:
        for tu in ET.parse(tmx).iter("tu"):
            texts = {}
            for tuv in tu.iter("tuv"):
                lang = tuv.get(XML_LANG) or tuv.get("lang")
                seg = tuv.find("seg")
                texts.setdefault(primary(lang), "".join(seg.itertext()))
            if src in texts and tgt in texts:
                s.write(texts[src] + "\n")
                t.write(texts[tgt] + "\n")
                n += 1
    print(n)


main()
