. "$SRCDIR/tests/cli/tmx/helpers.inc"
# translate-toolkit's po2tmx writes TMX (DOCTYPE, datatype="PlainText",
# o-tmf="UTF-8", tu srclang, notes); tmconv reads it with the same units:
# the translated, non-fuzzy entries of the PO (po2tmx drops the fuzzy and
# the untranslated), each English msgid with its Azerbaijani msgstr,
# special characters, a line break and a tab intact.  The units are
# compared as the toolkit's own PO reader sees the catalogue and as
# Python's XML parser sees tmconv's output.
need_cmd po2tmx /usr/bin/python3
fixture film-week.az.po
po2tmx --progress=none --source-language=en -l az -i film-week.az.po \
  -o po2tmx.tmx >/dev/null 2>&1
test -s po2tmx.tmx || echo "po2tmx wrote nothing"
tmconv tmx stats po2tmx.tmx | sed -n '2,3p;6,7p'
tmconv tmx convert -o tmconv.tmx po2tmx.tmx
echo "convert: exit $?"
/usr/bin/python3 - <<'PY'
from translate.storage import po
import xml.etree.ElementTree as ET
L = "{http://www.w3.org/XML/1998/namespace}lang"
want = [(str(u.source), str(u.target)) for u in po.pofile.parsefile(
    open("film-week.az.po", "rb")).units
    if not u.isheader() and u.istranslated() and not u.isfuzzy()]
got = []
for tu in ET.parse("tmconv.tmx").iter("tu"):
    v = {t.get(L): t.find("seg").text for t in tu.iter("tuv")}
    got.append((v["en"], v["az"]))
print(len(want), "translated entries,", len(got), "units read by tmconv")
print("same units" if sorted(want) == sorted(got) else "DIFFERENT: %r" % got)
PY
tmconv tmx validate -q tmconv.tmx
