# The language comes from the file name: report.az-Cyrl.txt is
# Azerbaijani (its rules keep "проф." with the name); fa_IR is Persian.
printf 'Проф. Әлијев чыхыш едиб. Тәдбир баша чатыб.\n' > report.az-Cyrl.txt
printf 'سال ۱۳۹۸ ه.ش. آغاز شد. او رفت.\n' > doc.fa_IR.txt
tmconv segment --no-filename report.az-Cyrl.txt doc.fa_IR.txt
