# A headline paragraph, then sentences cut at stops, not after
# abbreviations, initials or inside numbers.
printf 'Prezident konfransda iştirak edib\n\nProf. Ə. Hüseynov 3.5 faiz artım barədə danışıb. Tədbir saat 12-də başa çatıb.\n' > report.az.txt
tmconv segment report.az.txt
