. "$SRCDIR/tests/cli/tmx/helpers.inc"
# --pairs chooses the directions (and implies --split); a pair is
# SRC-TGT of primary subtags.  --split needs -o, and cannot be mixed with
# --langs or --srclang; a pair given twice is refused.
fixture film-week.tmx
tmconv tmx filter -q --pairs=fa-en,az:fa -o p.tmx film-week.tmx
ls p.*.tmx
grep -o 'srclang="[^"]*"' p.fa-en.tmx | sort -u
for args in "--split" "--split -o -" "--split --langs=az,en -o x.tmx" \
            "--split --srclang=az -o x.tmx" "--pairs=en -o x.tmx" \
            "--pairs=en-az,en-az -o x.tmx" "--pairs=en-en -o x.tmx" \
            "--pairs=en-US-az -o x.tmx" "--langs=a,,b" "--srclang=e_n"; do
  # shellcheck disable=SC2086
  tmconv tmx filter $args film-week.tmx 2>&1
  echo "exit $?"
done
