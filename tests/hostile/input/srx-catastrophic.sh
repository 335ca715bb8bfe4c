# SRX rules written to backtrack without end ("catastrophic backtracking":
# (.*a){10} before a text of 300 a's with no space after them): PCRE2's
# match limit stops the rule at once with an error that names it (exit
# 2), instead of a segmenter that never ends; a nested quantifier that
# PCRE2 can decide quickly is simply run.
rules() {
  printf '<srx version="2.0" xmlns="http://www.lisa.org/srx20"><header cascade="no"/><body><languagerules><languagerule languagerulename="slow"><rule><beforebreak>%s</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="slow"/></maprules></body></srx>\n' "$1"
}
rules '(.*a){10}' > power.srx
rules '(\w+\s?)+\.' > nested.srx
{ head -c 300 /dev/zero | tr '\0' a; echo b; } > a.en.txt
timeout 60 tmconv segment --srx power.srx a.en.txt; echo "power: exit $?"
{ head -c 3000 /dev/zero | tr '\0' a; echo ' !'; } > b.en.txt
timeout 60 tmconv segment --srx nested.srx b.en.txt > out; echo "nested: exit $?"
wc -c < out
