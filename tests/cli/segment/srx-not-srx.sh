# Well-formed XML that is not SRX.
printf '<tmx version="1.4"><header/><body/></tmx>\n' > x.srx
printf 'Hi.\n' > a.en.txt
tmconv segment --srx=x.srx a.en.txt
