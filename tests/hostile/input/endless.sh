# An input that never ends: /dev/zero given as a report, a catalogue, a
# translation memory, an SRX file and a dictionary.  Each reader stops at
# its limit or at the first byte that cannot be (NUL), with an error
# (exit 2), holding at most about its limit in memory: 1 GiB for a
# report (before, 4 GiB, and 6 GB of memory in 19 s), 256 MiB for a
# catalogue.  'timeout' shows that none reads for ever.
printf 'One.\n' > a.az.txt
timeout 120 tmconv segment --lang=en /dev/zero; echo "segment: exit $?"
timeout 120 tmconv check /dev/zero; echo "check: exit $?"
timeout 120 tmconv po import -o out.tmx /dev/zero; echo "po import: exit $?"
timeout 120 tmconv tmx stats /dev/zero; echo "tmx stats: exit $?"
timeout 120 tmconv po export -o out /dev/zero; echo "po export: exit $?"
timeout 120 tmconv segment --srx=/dev/zero a.az.txt; echo "segment --srx: exit $?"
timeout 120 tmconv align --dict=az-en:/dev/zero -b - a.az.txt a.az.txt; echo "align --dict: exit $?"
ls out.tmx out 2>/dev/null || echo "nothing written"
