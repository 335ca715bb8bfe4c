# The TMX files kept in tm/ are up to date with the samples and complete:
# the batch on tm/samples makes them again byte for byte (the merged file,
# the bilingual files and one per report), and each report's TMX holds
# every sentence of each of its three versions, once and in order.  When
# this fails after a change to the samples or the pipeline, run
#   sh tests/demo.sh "$PWD/build" --update-tm
. "$SRCDIR/tests/cli/batch/corpus.inc"
need_cmd python3
tmconv batch -q -j1 --name samples -o out "$SRCDIR/tm/samples"
echo "exit $?"
(cd out && ls samples*.tmx tmx/*.tmx) >made
(cd "$SRCDIR/tm" && ls samples*.tmx tmx/*.tmx) >kept
diff made kept && echo "the same files"
for f in $(cat made); do
  cmp -s "out/$f" "$SRCDIR/tm/$f" || echo "tm/$f is out of date"
done
for txt in "$SRCDIR"/tm/samples/*.txt; do
  base=$(basename "$txt" .txt)
  tmconv segment "$txt" >"$base.sent"
done
python3 - "$SRCDIR/tm/tmx" <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
XML = "{http://www.w3.org/XML/1998/namespace}lang"
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.tmx"))):
    rid = os.path.basename(path)[:-4]
    units = ET.parse(path).getroot().find("body").findall("tu")
    for i, lang in enumerate(["az", "fa", "en"]):
        want = open("%s.%s.sent" % (rid, lang), encoding="utf-8").read().split("\n")[:-1]
        got, n = [], 0
        for tu in units:
            shape = [p.text for p in tu.findall("prop") if p.get("type") == "x-bead"][0]
            k = int(shape.split("-")[i])
            n += k
            for tuv in tu.findall("tuv"):
                if tuv.get(XML).split("-")[0] == lang:
                    got.append(tuv.find("seg").text)
        assert n == len(want), (rid, lang, n, len(want))
        assert " ".join(got) == " ".join(want), (rid, lang)
    print("%s: every sentence of az, fa and en, once, in order" % rid)
PY
tmconv tmx validate "$SRCDIR"/tm/samples*.tmx "$SRCDIR"/tm/tmx/*.tmx >/dev/null 2>&1 &&
  echo "valid TMX 1.4"
