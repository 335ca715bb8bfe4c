. "$SRCDIR/tests/cli/tmx/helpers.inc"
# OmegaT (headless console-translate, ../shared/tools/omegat-import-check)
# translates every English segment of the sample reports into
# Azerbaijani, and into Persian, from TMX that tmconv wrote: the
# 3-language file with the default tags (az-Latn-AZ, fa-IR, en-US), and
# the bilingual en-az and en-fa files of --split.  The source file has the
# English side of each unit that has the target language (one segment a
# line); OmegaT must translate all of them, and what it writes must be
# the target variants, in the right language.  The TMX is the gold
# alignment of tm/samples made into TMX by tmconv (tmconv tmx convert).
need_shared
need_cmd java /usr/bin/python3
[ -f /usr/share/omegat/OmegaT.jar ] || skip "OmegaT is not installed (make deps-integration)"
/usr/bin/python3 "$D/gold2tmx.py" "$SRCDIR/tm/samples" \
  tehran-january-20-ceremony 2023-09-ardabil-carpet-festival \
  2023-11-baku-iranian-film-week > gold.tmx
tags=--lang-tag=az=az-Latn-AZ,fa=fa-IR,en=en-US
tmconv tmx convert -q $tags -o samples.tmx gold.tmx
tmconv tmx filter -q --split $tags -o samples.tmx gold.tmx
for tmx in samples.tmx samples.en-az.tmx samples.en-fa.tmx; do
  for l in az-Latn-AZ fa-IR; do
    p=${l%%-*}
    case $tmx in *.en-az.tmx) [ $p = az ] || continue ;; esac
    case $tmx in *.en-fa.tmx) [ $p = fa ] || continue ;; esac
    n=$(/usr/bin/python3 "$SRCDIR/tests/integration/tmx/tmx-pairs.py" \
          $tmx en $p source.txt expected.txt)
    rm -rf proj
    OMEGAT_KEEP=$PWD/proj OMEGAT_SENTENCE_SEG=false \
      "$SHARED/tools/omegat-import-check" $tmx en-US $l source.txt
    if cmp -s proj/proj/target/source.txt expected.txt; then
      echo "$tmx en-US -> $l: $n segments, the target is the $p variants"
    else
      echo "$tmx en-US -> $l: the target differs:"
      diff expected.txt proj/proj/target/source.txt | head -n 5
    fi
  done
done
