# A compiled catalogue, a binary file, a UTF-16 file and one with a UTF-8
# byte order mark (which GNU gettext does not accept either) given as PO
# are each refused in one clear line, not with a flood of syntax errors.
need_cmd msgfmt
msgfmt -o az.mo "$SRCDIR/tests/data/po/app.az.po"
cp az.mo compiled.po
printf 'msgid "a"\nmsgstr "b"\n\000\001' >binary.po
printf '\377\376m\000s\000g\000' >utf16.po
printf '\357\273\277msgid ""\nmsgstr ""\n' >bom.po
tmconv check compiled.po binary.po utf16.po bom.po
