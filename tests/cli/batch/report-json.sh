# report.json agrees with the data: per report, the sentences per language
# are what 'tmconv segment' finds in its files, the beads are the units of
# its TMX, the bead shapes add up to the beads and to the sentences; the
# summary is the sum of the reports; a failed report has its error.
. "$SRCDIR/tests/cli/batch/corpus.inc"
need_cmd python3
samples corpus
small corpus
mkdir -p corpus/broken
cp corpus/small.az.txt corpus/broken/x.az.txt
cp corpus/small.en.txt corpus/broken/x.en.txt
printf "ok\n\377\n" >corpus/broken/x.fa.txt
tmconv batch -q -o out corpus 2>/dev/null
echo "exit $?"
for f in corpus/*.txt; do
  printf '%s\t%s\n' "$f" "$(tmconv segment "$f" | wc -l)"
done >counts
for f in out/tmx/*.tmx; do
  printf '%s\t%s\n' "${f#out/}" "$(grep -c '<tu ' "$f")"
done >units
python3 - <<'PY'
import json
r = json.load(open("out/report.json"))
counts = dict(l.rstrip("\n").split("\t") for l in open("counts"))
units = dict(l.rstrip("\n").split("\t") for l in open("units"))
assert r["format"] == "tmconv-batch-report" and r["version"] == 1
assert r["languages"] == ["az", "fa", "en"]
tot = {"az": 0, "fa": 0, "en": 0}
beads = 0
for rep in r["reports"]:
    if rep["status"] == "failed":
        e = rep["error"]
        print(rep["id"], "failed:", e["file"], e["line"] > 0)
        continue
    for i, lang in enumerate(["az", "fa", "en"]):
        n = rep["sentences"][lang]
        assert n == int(counts[rep["inputs"][lang]]), (rep["id"], lang)
        tot[lang] += n
        assert n == sum(int(s.split("-")[i]) * c
                        for s, c in rep["shapes"].items()), rep["id"]
    assert rep["beads"] == int(units[rep["tmx"]]) == sum(rep["shapes"].values())
    assert 0 <= rep["mean_score"] <= 1
    assert rep["not_1_1_1"] == rep["beads"] - rep["shapes"].get("1-1-1", 0)
    beads += rep["beads"]
    print(rep["id"], "ok")
s = r["summary"]
assert s["reports"] == len(r["reports"]) == 5 and s["ok"] == 4 and s["failed"] == 1
assert s["sentences"] == tot and s["beads"] == beads
print("summary agrees")
PY
