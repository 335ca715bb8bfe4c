# A user dictionary is evidence: "xalçaçı @ carpet weaver" (hunalign's
# TARGET @ SOURCE, languages from the file name SOURCE-TARGET.dic) makes
# the Azerbaijani sentence the translation of the first English one,
# where lengths alone chose the second.
printf '%s\n' \
  "The carpet weavers of Ardabil gathered in the old hall on Friday morning." \
  "The painters gathered in the hall." > d.en.txt
printf '%s\n' "Ərdəbil xalçaçıları köhnə zalda toplaşdılar." > d.az.txt
printf '%s\n' "xalçaçı @ carpet weaver" > en-az.dic
tmconv align --presegmented d.az.txt d.en.txt | cut -f1
echo --
tmconv align --presegmented --dict en-az.dic d.az.txt d.en.txt | cut -f1
echo --
cp en-az.dic words.txt
tmconv align --presegmented --dict en-az:words.txt d.az.txt d.en.txt | cut -f1
