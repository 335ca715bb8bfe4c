# Bad usage is refused before anything is done, with exit status 2: no
# corpus, two corpora, a bad shard, a bad number of jobs, a name that is
# not a file name, a bad --from-code, a corpus that does not exist, a
# manifest whose header is wrong.
. "$SRCDIR/tests/cli/batch/corpus.inc"
small corpus
T=$(printf '\t')
printf 'id%saz%sfa%sde\n' "$T" "$T" "$T" >bad.tsv
for args in "" "corpus corpus" "--shard 0/4 corpus" "--shard 5/4 corpus" \
    "--shard 2 corpus" "-j 0 corpus" "--name a/b corpus" \
    "--from-code de=UTF-8 corpus" "--low-score 2 corpus" "nowhere" "bad.tsv"; do
  tmconv batch -o out $args
  echo "exit $?"
done
test -e out || echo "no output directory made"
