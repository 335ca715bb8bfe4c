# --shard K/N: four shards of a corpus of 11 reports, each run on its own
# (as on four machines), combined with 'tmconv tmx merge' (the merged
# 3-language file and each bilingual file) and 'tmconv po export' (on the
# merged file) equal one run over the whole corpus, byte for byte.  Every
# report is in exactly one shard.
. "$SRCDIR/tests/cli/batch/corpus.inc"
samples corpus
for id in a b c/d c/e f g h i; do small corpus "$id"; done
tmconv batch -q -o whole corpus
for k in 1 2 3 4; do
  tmconv batch -q --shard $k/4 -o shard$k corpus
  outputs shard$k | grep -c '^tmx/'
done
for f in corpus.tmx corpus.en-az.tmx corpus.en-fa.tmx corpus.az-fa.tmx; do
  tmconv tmx merge -o merged-$f shard1/$f shard2/$f shard3/$f shard4/$f 2>/dev/null
  cmp merged-$f whole/$f && echo "$f: merged shards = one run"
done
tmconv po export -o po --domain corpus merged-corpus.tmx 2>/dev/null
for f in corpus.pot az.po fa.po; do
  cmp po/$f whole/po/$f && echo "po/$f: exported from the merged shards = one run"
done
