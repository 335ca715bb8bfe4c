# The bench's generator of natural merges (tests/bench/natural-merges.py)
# on made-up clean documents: in each, the only two adjacent statements of
# one paragraph are joined in one or two languages, by a comma or by the
# language's conjunction (və, و, and), the second going on in lower case
# unless its first word is a name ("The" becomes "the", "İclasda"
# "iclasda"; "Bakı" inside stays); the headline paragraph and the question
# are left alone; the gold joins the other languages' sentences; every
# sentence is in the text.  The choices are seeded by the document's
# name: the same on every run.
need_cmd python3
# mk DOC LANG S1 S2 S3 S4: a document of a headline and a paragraph.
mk () {
  d=$1 l=$2
  shift 2
  printf '%s\n' "$@" > "$d.$l.sent"
  printf '%s\n\n%s %s %s\n' "$@" > "$d.$l.txt"
}
mkdir -p dev/ntrex/clean dev/flores/clean
docs="ntrex/clean/doc_000 ntrex/clean/doc_004 flores/clean/doc_001
      flores/clean/doc_004"
for d in $docs; do
  d=dev/$d
  mk $d en "Embassy hosts a reception" "The ambassador met the guests." \
    "The Ambassador thanked them." "Was it the first meeting?"
  mk $d az "Səfirlik qəbul təşkil edib" "Səfir qonaqlarla görüşüb." \
    "İclasda o, Bakı adından təşəkkür edib." "Bu ilk görüş idimi?"
  mk $d fa "سفارت میزبان یک پذیرایی بود" "سفیر با مهمانان دیدار کرد." \
    "او از آنها سپاسگزاری کرد." "آیا این نخستین دیدار بود؟"
  printf '[0]:[0]:[0]\n[1]:[1]:[1]\n[2]:[2]:[2]\n[3]:[3]:[3]\n' > $d.gold
done
python3 "$SRCDIR/tests/bench/natural-merges.py" dev out || exit 1
for c in $docs; do
  c=$(echo $c | sed s/clean/natural/)
  echo "$c:"
  cat out/$c.gold
  for l in az fa en; do
    sed -n 2p out/$c.$l.sent
    # Every sentence is in the text, as the development data's are.
    while IFS= read -r s; do
      grep -qF -- "$s" out/$c.$l.txt || echo "not in the text: $s"
    done < out/$c.$l.sent
  done
done
