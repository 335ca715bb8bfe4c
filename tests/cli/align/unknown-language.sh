# An unknown language code, and a file name that names no language.
tmconv align de=report.txt en=report.en.txt
tmconv align report.txt report.en.txt
