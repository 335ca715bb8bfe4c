# Sourced by the CLI cases that compare the counts of tmconv check with
# GNU gettext's: 'msgfmt_stats FILE' and 'tmconv_stats FILE' print
# "TRANSLATED FUZZY UNTRANSLATED".
msgfmt_stats() {
  LC_ALL=C msgfmt --statistics -o /dev/null "$1" 2>&1 | tail -n 1 |
    awk '{ t = f = u = 0
           for (i = 1; i < NF; i++) {
             if ($(i+1) ~ /^translated/) t = $i
             if ($(i+1) ~ /^fuzzy/) f = $i
             if ($(i+1) ~ /^untranslated/) u = $i
           }
           print t, f, u }'
}
tmconv_stats() {
  tmconv check --format json "$1" |
    sed -n 's/.*"translated": \([0-9]*\), "fuzzy": \([0-9]*\), "untranslated": \([0-9]*\),.*/\1 \2 \3/p'
}
