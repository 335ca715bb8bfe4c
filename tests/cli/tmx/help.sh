# 'tmconv tmx --help' lists the tmx commands; each command has its own
# --help (first line shown), all on standard output with status 0.
tmconv tmx --help
for c in validate stats merge filter convert; do
  tmconv tmx $c --help | head -n 1
done
tmconv help tmx | head -n 1
