# Helpers for the hostile cases (not a case: tests/run.sh skips lib.sh).
# A case loads it with: . "$SRCDIR/tests/hostile/lib.sh"

# cut_prefixes FILE EXT: write every prefix of FILE, from 0 bytes to the
# whole but its last byte (a final line end), as cut/NNNN.EXT; print how
# many.
cut_prefixes() {
  size=$(($(wc -c < "$1") - 1))
  mkdir -p cut
  n=0
  while [ $n -lt $size ]; do
    head -c $n "$1" > cut/$(printf %04d $n).$2
    n=$((n + 1))
  done
  echo $size
}
