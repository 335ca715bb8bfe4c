. "$SRCDIR/tests/cli/tmx/helpers.inc"
# translate-toolkit's TMX class reads the bilingual files tmconv writes
# with source and target the right way round: its reader takes the first
# variant as the source, and tmconv puts the source language first.
# For en-az the source is English, for az-fa Azerbaijani; every unit of
# the file is read, each with its two texts.
need_cmd /usr/bin/python3
/usr/bin/python3 -c 'import translate.storage.tmx' 2>/dev/null ||
  skip "translate-toolkit is not installed (make deps-integration)"
fixture film-week.tmx
tmconv tmx filter -q --split --lang-tag=az=az-Latn-AZ,fa=fa-IR,en=en-US \
  -o fw.tmx film-week.tmx
for p in en-az az-fa; do
  /usr/bin/python3 "$SRCDIR/tests/integration/tmx/tmx-pairs.py" fw.$p.tmx \
    ${p%-*} ${p#*-} src.txt tgt.txt > /dev/null
  /usr/bin/python3 - fw.$p.tmx <<'PY' > ttk.txt
import sys
from translate.storage import tmx
f = tmx.tmxfile.parsefile(sys.argv[1])
for u in f.units:
    print(u.source.replace("\n", " "), u.target.replace("\n", " "), sep="\t")
PY
  paste src.txt tgt.txt > want.txt
  if cmp -s ttk.txt want.txt; then
    echo "$p: $(wc -l < ttk.txt) units, source and target the right way round"
  else
    echo "$p: translate-toolkit reads something else:"
    diff want.txt ttk.txt | head -n 6
  fi
done
sed -n 1p ttk.txt | cut -f1 | cut -c1-20
