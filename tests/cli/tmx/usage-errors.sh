# Usage errors: no tmx command, an unknown one, an option before the
# command, no input file, an unknown option, two inputs to convert; each
# says what is wrong and how to get help, with status 2.
for args in "" "frobnicate" "--langs=az filter" "validate" "stats" \
            "convert" "convert --bogus x.tmx" "convert a.tmx b.tmx" \
            "filter a.tmx b.tmx" "merge"; do
  # shellcheck disable=SC2086
  tmconv tmx $args 2>&1
  echo "exit $?"
done
