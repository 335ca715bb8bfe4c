# Catalogues in CP1255 (Windows Hebrew).  GNU gettext 0.21's reader
# aborts on every one with a Hebrew letter in a string (glibc's iconv
# holds the letter back, waiting for a point, and the lexer calls
# abort (): msgfmt dies with SIGABRT, and libgettextpo took tmconv down
# with it; found by tests/fuzz/fuzz-po).  tmconv has libgettextpo read
# such files byte by byte, which is right for a one-byte charset, and
# checks the bytes itself: a good catalogue is imported whole (the last
# letter too, which the converter holds back to the end), a bad byte is
# an error with its line, from a file and from standard input alike,
# and check goes on with the next file.
hdr='msgid ""\nmsgstr ""\n"Project-Id-Version: t\\n"\n"PO-Revision-Date: 2024-01-01 00:00+0000\\n"\n"Last-Translator: t\\n"\n"Language-Team: t\\n"\n"MIME-Version: 1.0\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n"Language: he\\n"\n"Content-Type: text/plain; charset=CP1255\\n"\n\n'
printf "$hdr"'# \371\354\345\355\nmsgid "Hello"\nmsgstr "\371\354\345\355"\n' > good.po
printf "$hdr"'msgid "Open"\nmsgstr "\344 \220"\n' > bad.po
tmconv check good.po bad.po; echo "exit $?"
tmconv check - < bad.po; echo "exit $?"
tmconv po import -o good.tmx good.po; echo "exit $?"
grep -c 'seg>שלום<' good.tmx
tmconv po import -o bad.tmx bad.po; echo "exit $?"
tmconv po import -o bad.tmx - < bad.po; echo "exit $?"
test ! -e bad.tmx && echo "no bad.tmx"
