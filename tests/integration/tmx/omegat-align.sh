. "$SRCDIR/tests/cli/tmx/helpers.inc"
# OmegaT translates every English segment of the sample reports into
# Azerbaijani and into Persian from the TMX that 'tmconv align' writes
# for them (as omegat.sh does for the gold alignment): each report is
# aligned, the three TMX are joined with 'tmx merge', all four are valid
# TMX 1.4b (tmx validate, and xmllint against the DTD), and OmegaT's
# target is the variants of the right language.
# Skipped, with align's own message, while this build's align cannot
# write TMX.
need_shared
need_cmd java /usr/bin/python3
[ -f /usr/share/omegat/OmegaT.jar ] || skip "OmegaT is not installed (make deps-integration)"
tmconv help align >/dev/null 2>&1 || skip "this build has no 'tmconv align'"
for id in tehran-january-20-ceremony 2023-09-ardabil-carpet-festival \
          2023-11-baku-iranian-film-week; do
  s=$SRCDIR/tm/samples/$id
  tmconv align -o $id.tmx $s.az.txt $s.fa.txt $s.en.txt 2>align.err ||
    skip "tmconv align cannot write TMX here: $(head -n 1 align.err)"
done
tmconv tmx merge -q -o samples.tmx tehran-january-20-ceremony.tmx \
  2023-09-ardabil-carpet-festival.tmx 2023-11-baku-iranian-film-week.tmx
tmconv tmx validate -q samples.tmx | sed 's/, [0-9]* units*$//'
if command -v xmllint >/dev/null 2>&1; then
  dtd_valid *.tmx | grep -v ': valid$' || echo "all valid against the DTD"
fi
for l in az-Latn-AZ fa-IR; do
  p=${l%%-*}
  n=$(/usr/bin/python3 "$SRCDIR/tests/integration/tmx/tmx-pairs.py" \
        samples.tmx en $p source.txt expected.txt)
  rm -rf proj
  res=$(OMEGAT_KEEP=$PWD/proj OMEGAT_SENTENCE_SEG=false \
          "$SHARED/tools/omegat-import-check" samples.tmx en-US $l source.txt)
  case $res in
    "segments=$n translated=$n remaining=0 tmx_read=yes") echo "en-US -> $l: all translated" ;;
    *) echo "en-US -> $l: $res (of $n)" ;;
  esac
  cmp -s proj/proj/target/source.txt expected.txt &&
    echo "en-US -> $l: the target is the $p variants"
done
