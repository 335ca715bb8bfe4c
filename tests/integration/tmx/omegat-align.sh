. "$SRCDIR/tests/cli/tmx/helpers.inc"
# OmegaT translates every English segment of a sample report into
# Azerbaijani and into Persian from the TMX that 'tmconv align' writes for
# it (as omegat.sh does for the gold alignment); skipped, with align's
# own message, while this build's align cannot write TMX.
need_shared
need_cmd java /usr/bin/python3
[ -f /usr/share/omegat/OmegaT.jar ] || skip "OmegaT is not installed (make deps-integration)"
tmconv help align >/dev/null 2>&1 || skip "this build has no 'tmconv align'"
s=$SRCDIR/tm/samples/2023-11-baku-iranian-film-week
tmconv align -o film.tmx $s.az.txt $s.fa.txt $s.en.txt 2>align.err ||
  skip "tmconv align cannot write TMX here: $(head -n 1 align.err)"
tmconv tmx validate -q film.tmx | sed 's/, [0-9]* units*$//'
for l in az-Latn-AZ fa-IR; do
  p=${l%%-*}
  n=$(/usr/bin/python3 "$SRCDIR/tests/integration/tmx/tmx-pairs.py" \
        film.tmx en $p source.txt expected.txt)
  rm -rf proj
  res=$(OMEGAT_KEEP=$PWD/proj OMEGAT_SENTENCE_SEG=false \
          "$SHARED/tools/omegat-import-check" film.tmx en-US $l source.txt)
  case $res in
    "segments=$n translated=$n remaining=0 tmx_read=yes") echo "en-US -> $l: all translated" ;;
    *) echo "en-US -> $l: $res (of $n)" ;;
  esac
  cmp -s proj/proj/target/source.txt expected.txt &&
    echo "en-US -> $l: the target is the $p variants"
done
