. "$SRCDIR/tests/cli/tmx/helpers.inc"
# TMX exported by other tools, in their documented shapes, is read
# without loss: OmegaT (TMX 1.1 with lang=, and 1.4 with inline codes and
# notes), Okapi (lowercase tags, Txt:: props, bpt/ept/ph/hi) and Trados
# Workbench (UTF-16 with a BOM, lang=, RTF <ut> codes, usage attributes
# and props).  Each comes out as the expected TMX 1.4b: every unit,
# variant, property, note, attribute and inline code kept, only the form
# made standard (xml:lang, canonical tags, version 1.4).
fixture omegat-11.tmx omegat-14.tmx okapi.tmx trados.tmx
for f in omegat-11 omegat-14 okapi trados; do
  tmconv tmx convert -o $f.out.tmx $f.tmx
  echo "$f: exit $?"
  cmp $f.out.tmx "$D/expected/$f.tmx" && echo "$f: as expected"
done
