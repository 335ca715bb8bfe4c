# NUL bytes, which C strings cannot hold, in every kind of input: a
# report (a file and standard input), a TMX segment (and the character
# reference &#0;, which XML 1.0 forbids too), an SRX rule and a PO
# catalogue (a file and standard input).  Each is an error naming where
# the NUL is; no text is cut short at it.
printf 'One.\nTwo\000 three.\n' > a.en.txt
tmconv segment a.en.txt; echo "segment: exit $?"
tmconv segment --lang=en - < a.en.txt; echo "segment -: exit $?"
hdr='<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>'
printf '%s\n<tu><tuv xml:lang="en"><seg>a\000b</seg></tuv><tuv xml:lang="az"><seg>c</seg></tuv></tu></body></tmx>\n' "$hdr" > nul.tmx
printf '%s\n<tu><tuv xml:lang="en"><seg>a&#0;b</seg></tuv><tuv xml:lang="az"><seg>c</seg></tuv></tu></body></tmx>\n' "$hdr" > ref.tmx
tmconv check nul.tmx ref.tmx >/dev/null; echo "check: exit $?"
tmconv po export -o out nul.tmx; echo "po export: exit $?"
printf '<srx version="2.0" xmlns="http://www.lisa.org/srx20"><header cascade="no"/><body><languagerules><languagerule languagerulename="a">\n<rule><beforebreak>\\.\000</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="a"/></maprules></body></srx>\n' > nul.srx
printf 'One. Two.\n' > b.en.txt
tmconv segment --srx nul.srx b.en.txt; echo "segment --srx: exit $?"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\nLanguage: az\\n"\n\nmsgid "a"\nmsgstr "b\000c"\n' > nul.po
tmconv check nul.po >/dev/null; echo "check nul.po: exit $?"
tmconv check - < nul.po >/dev/null; echo "check -: exit $?"
tmconv po import -o out.tmx nul.po; echo "po import: exit $?"
tmconv po import -o out.tmx - < nul.po; echo "po import -: exit $?"
ls out out.tmx 2>/dev/null || echo "no output"
