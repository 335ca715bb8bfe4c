. "$SRCDIR/tests/cli/tmx/helpers.inc"
# What real tools get wrong is read with a warning, not refused: a unit
# with one variant, a segment of white space only (not written: no empty
# segs), an unknown element in a segment (its text kept) and one between
# units (skipped), a missing header attribute, another date format,
# srclang="*all*", a tu without tuv.  Each kind of warning is given once,
# with a count at the end.
cat > lenient.tmx <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header creationtool="Phrase" segtype="sentence" adminlang="en" srclang="*all*" datatype="plaintext" creationdate="2018-06-11 05:09:06 UTC"/>
<body>
<tu><tuv xml:lang="en"><seg>Alone.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Blank.</seg></tuv><tuv xml:lang="az"><seg> 	</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>A <mrk type="term">term</mrk> here.</seg></tuv><tuv xml:lang="az"><seg>Burada <mrk>termin</mrk>.</seg></tuv></tu>
<group><tu><tuv xml:lang="en"><seg>Hidden.</seg></tuv></tu></group>
<tu></tu>
<tu><tuv xml:lang="en"><seg>Also alone.</seg></tuv></tu>
</body>
</tmx>
TMX
tmconv tmx convert lenient.tmx
echo "exit $?"
