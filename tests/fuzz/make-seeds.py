#!/usr/bin/python3
"""Write the seed corpora of the fuzz harnesses into tests/fuzz/seeds/.

Run from the top of the tree: /usr/bin/python3 tests/fuzz/make-seeds.py
The seeds are small inputs written for tmconv (or cut from the project's
own tm/samples, tests/data and src/data), one directory per harness.  The
first byte of a text, tmx and po seed is the harness's selector byte (see
each fuzz-*.c); srx seeds are the file alone.  The script writes the same
files every time, so the seeds can be reviewed in git.
"""
import os
import shutil

TOP = os.getcwd()
OUT = os.path.join(TOP, "tests/fuzz/seeds")


def read(path):
    with open(os.path.join(TOP, path), "rb") as f:
        return f.read()


def put(harness, name, data):
    d = os.path.join(OUT, harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def cut(data, n):
    """The first lines of DATA, at most N bytes, ending at a line end."""
    if len(data) <= n:
        return data
    return data[: data.rfind(b"\n", 0, n) + 1]


# ---- text: selector = encoding (bits 0-2) | language (bits 3-4) ----
AZ, FA, EN = 0x00, 0x08, 0x10
S = "tm/samples/"
put("text", "en-sample", bytes([EN]) + cut(read(S + "tehran-january-20-ceremony.en.txt"), 900))
put("text", "fa-sample", bytes([FA]) + cut(read(S + "tehran-january-20-ceremony.fa.txt"), 900))
put("text", "az-sample", bytes([AZ]) + cut(read(S + "2023-11-baku-iranian-film-week.az.txt"), 900))
put("text", "en-hard", bytes([EN]) + cut(read("tests/data/segment/hard-cases.en.txt"), 1200))
put("text", "az-hard", bytes([AZ]) + cut(read("tests/data/segment/hard-cases.az.txt"), 1200))
put("text", "fa-hard", bytes([FA]) + cut(read("tests/data/segment/hard-cases.fa.txt"), 1200))
fa = "گزارش روز ۱۲ دی ۱۴۰۲. سفیر گفت: «خوش آمدید». آیا آماده‌اید؟ بله۔\n\nعنوان بدون نقطه\nمتن بعدی با ۳٫۵ درصد.\n"
put("text", "fa-1256", bytes([FA | 4]) + fa.replace("ی", "ي").replace("ک", "ك").replace("۔", ".").encode("cp1256", "replace"))
put("text", "en-utf16le-bom", bytes([EN]) + b"\xff\xfe" + "Mr. Brown came.\r\nHe left.\r\n".encode("utf-16-le"))
put("text", "en-utf16be-bom", bytes([EN]) + b"\xfe\xff" + "Dr. Who? Yes!\n".encode("utf-16-be"))
put("text", "en-utf16le-given", bytes([EN | 5]) + "A. B. Smith, i.e. him.\n".encode("utf-16-le"))
put("text", "az-cyrl-1251", bytes([AZ | 6]) + "Бакы шеhери. Проф. Елийев. Ҹ".encode("cp1251", "replace"))
put("text", "en-crlf-headline", bytes([EN]) + b"HEADLINE ONE\r\nBAKU, Jan. 5 (AP) -- The U.S. team won 3.5 to 2.\rNext line\r\n\r\n\xe2\x80\x8fNew paragraph\xc2\xa0here\xe2\x80\xa6 End.\x0cPage two.")
put("text", "az-bom-wrap", bytes([AZ]) + b"\xef\xbb\xbf" + "Azərbaycan Respublikasının Tehrandakı səfirliyində 20 Yanvar faciəsinin\nildönümü ilə bağlı anım mərasimi keçirilib. Mərasimdə səfir və s. iştirak\nediblər.\n".encode())
put("text", "en-nul", bytes([EN]) + b"One.\x00 Two.\n")
put("text", "bad-utf8", bytes([EN]) + b"Caf\xe9 au lait. \xc3\n")
put("text", "en-lines", bytes([EN]) + b"  one sentence per line  \n<p>\n\nsecond\t\n\v\n")

# ---- srx: the file alone ----
put("srx", "tmconv.srx", read("src/data/tmconv.srx"))
put("srx", "okapi.srx", b"""<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" xmlns:okpsrx="http://okapi.sf.net/srx-extensions" version="2.0">
<header segmentsubflows="yes" cascade="no">
<formathandle type="start" include="no"></formathandle>
<formathandle type="end" include="yes"></formathandle>
<okpsrx:options oneSegmentIncludesAll="no" useJavaRegex="yes"></okpsrx:options>
</header>
<body>
<languagerules>
<languagerule languagerulename="default">
<rule break="no"><beforebreak>(?u)\\bMr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
<rule break="no"><beforebreak>\\b\\p{IsLatin}\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
<rule break="yes"><beforebreak>[\\.\\?!\\u2026;]+</beforebreak><afterbreak>\\s</afterbreak></rule>
</languagerule>
</languagerules>
<maprules>
<languagemap languagepattern=".*" languagerulename="default"></languagemap>
</maprules>
</body>
</srx>
""")
put("srx", "cascade.srx", b"""<srx version="2.0" xmlns="http://www.lisa.org/srx20">
 <header segmentsubflows="yes" cascade="yes"/>
 <body>
  <languagerules>
   <languagerule languagerulename="Ex"><rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>
   <languagerule languagerulename="All"><rule><beforebreak>[.!?\\u061F\\u06D4]</beforebreak><afterbreak>\\s+\\p{Lu}</afterbreak></rule>
   <rule break="no"><beforebreak></beforebreak><afterbreak>x</afterbreak></rule></languagerule>
  </languagerules>
  <maprules>
   <languagemap languagepattern="en.*" languagerulename="Ex"/>
   <languagemap languagepattern="(en|fa|az).*" languagerulename="All"/>
  </maprules>
 </body>
</srx>
""")
put("srx", "v1.srx", b"""<?xml version="1.0"?>
<srx version="1.0" xmlns="http://www.lisa.org/srx">
 <header segmentsubflows="yes"/>
 <body>
  <languagerules>
   <languagerule languagerulename="Bang">
    <rule break="yes"><beforebreak>!</beforebreak><afterbreak>\\s</afterbreak></rule>
   </languagerule>
  </languagerules>
  <maprules>
   <maprule maprulename="Default">
    <languagemap languagepattern=".*" languagerulename="Bang"/>
   </maprule>
  </maprules>
 </body>
</srx>
""")
put("srx", "no-namespace.srx", b"""<srx version="2.0"><header cascade="no"/><body><languagerules>
<languagerule languagerulename="k"><rule break="yes"><beforebreak>\\.{1,3}|\\u2026</beforebreak><afterbreak>\\s|$</afterbreak></rule></languagerule>
</languagerules><maprules><languagemap languagepattern="a.*|f.*" languagerulename="k"/></maprules></body></srx>
""")

# ---- tmx: selector = chunk size (bits 0-5, 0: 64 KiB) | validate (bit 6) ----
put("tmx", "small", b"\x00" + read("tests/data/po/small.tmx"))
put("tmx", "small-chunks-validate", bytes([0x40 | 7]) + read("tests/data/po/small.tmx"))
INLINE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="OmegaT" creationtoolversion="6.0" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="en" datatype="plaintext" creationdate="2023-11-14 22:13:20 UTC">
  <prop type="x-domain">news</prop><note>a note</note>
  <ude name="MacRoman" base="Macintosh"><map unicode="#xF8FF" code="#xF0" ent="Apple_logo" subst="Apple"/></ude>
</header>
<body>
<tu tuid="7" srclang="en" usagecount="2" changedate="20231114T221320Z">
  <note>unit note</note>
  <tuv xml:lang="en"><prop type="x-ctx">c</prop><seg>Press <bpt i="1" x="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> now<ph x="2" assoc="p">&lt;br/&gt;</ph>. <hi type="x">hi<sub>sub</sub></hi> <it pos="begin">&lt;i&gt;</it>x <ut>&lt;u&gt;</ut></seg></tuv>
  <tuv xml:lang="az-Latn-AZ"><seg><bpt i="1">&lt;b&gt;</bpt>Saxla<ept i="1">&lt;/b&gt;</ept> d\xc3\xbcym\xc9\x99sini bas&#x131;n &amp; &quot;OK&quot;<![CDATA[ <raw> ]]></seg></tuv>
  <tuv lang="FA-ir"><seg>\xd8\xb0\xd8\xae\xdb\x8c\xd8\xb1\xd9\x87</seg></tuv>
</tu>
<tu><tuv xml:lang="en"><seg>  </seg></tuv><tuv xml:lang="fa"><seg/></tuv></tu>
</body>
</tmx>
"""
put("tmx", "inline-omegat", b"\x00" + INLINE)
put("tmx", "inline-chunk3", bytes([0x40 | 3]) + INLINE)
put("tmx", "inline-stream", bytes([0x80]) + INLINE)
put("tmx", "tmx11-lang", b"\x00" + b"""<tmx version="1.1"><header srclang="*all*" creationtool="Trados" segtype="sentence"/><body>
<tu><tuv lang="EN-US"><seg>One</seg></tuv><tuv lang="AZ-LATN"><seg>Bir</seg></tuv></tu>
<tu srclang="en"><prop type="x-score">0.5</prop><prop type="x-bead">1-0-1</prop><tuv xml:lang="en"><seg>Two</seg></tuv><tuv xml:lang="fa"><seg>\xd8\xaf\xd9\x88</seg><seg>second seg</seg></tuv><unknown>x</unknown></tu>
</body></tmx>
""")
put("tmx", "utf16", b"\x00" + b"\xff\xfe" + '<?xml version="1.0" encoding="UTF-16"?>\n<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="az"><seg>Salam</seg></tuv></tu></body></tmx>'.encode("utf-16-le"))
put("tmx", "latin1", b"\x00" + '<?xml version="1.0" encoding="windows-1254"?>\n<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Yes</seg></tuv><tuv xml:lang="az"><seg>Bəli ı ş ğ</seg></tuv></tu></body></tmx>'.replace("ə", "e").encode("cp1254"))

# ---- po: selector = language az (bit 0) | fuzzy (bit 1) | as .pot (bit 2) | export (bit 3) ----
for name in ("app.az.po", "app.fa.po", "good.az.po", "bad-escape.po", "bad-duplicate.po"):
    put("po", name, bytes([0x08 | 0x02]) + read("tests/data/po/" + name))
put("po", "app.pot", bytes([0x04]) + read("tests/data/po/app.pot"))
put("po", "plural-ctx", bytes([0x0B]) + """# translator comment
msgid ""
msgstr ""
"Project-Id-Version: x\\n"
"Language: fa\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

#. extracted
#: a.c:1 b.c:2
#, c-format
msgctxt "menu"
msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d فایل"
msgstr[1] "%d فایل‌ها"

#, fuzzy
msgid "Open"
msgstr "باز"

msgid "Empty"
msgstr ""

#~ msgid "Old"
#~ msgstr "کهنه"
""".encode())
put("po", "cp1256", bytes([0x08]) + """msgid ""
msgstr ""
"Language: fa\\n"
"Content-Type: text/plain; charset=CP1256\\n"

msgid "Open report"
msgstr "باز کردن گزارش"
""".replace("ی", "ي").encode("cp1256"))
put("po", "no-header", bytes([0x01]) + b'msgid "a"\nmsgstr "b"\n\nmsgid "c\\n"\nmsgstr "d\\n"\n')

# ---- align: selector = 3 documents (bit 0) | one sentence a line (bit 1) |
# a dictionary first (bit 2; hunalign's format: bit 3) | fa-en for two
# (bit 4) | no lexicon (bit 5) | pivot join (bit 6); parts split by NUL ----
def lines(path, n):
    return b"".join(read(path).splitlines(True)[:n])


for rep, n in (("2023-11-baku-iranian-film-week", 6), ("tehran-january-20-ceremony", 9)):
    az = lines(S + rep + ".az.sent", n)
    fa = lines(S + rep + ".fa.sent", n)
    en = lines(S + rep + ".en.sent", n)
    put("align", rep + "-3way-sent", bytes([0x03]) + az + b"\0" + fa + b"\0" + en)
    put("align", rep + "-az-en-sent", bytes([0x02]) + az + b"\0" + en)
    put("align", rep + "-3way-sent-pivot", bytes([0x53]) + az + b"\0" + fa + b"\0" + en)
    azt = cut(read(S + rep + ".az.txt"), 700)
    fat = cut(read(S + rep + ".fa.txt"), 900)
    ent = cut(read(S + rep + ".en.txt"), 600)
    put("align", rep + "-3way-txt", bytes([0x01]) + azt + b"\0" + fat + b"\0" + ent)
put("align", "dict-tsv", bytes([0x07]) + "# a user dictionary\nid\taz\tfa\ten\nfilm\tfilm|kino\tفیلم\tfilm|movie\nnum:7\tyeddi\tهفت\tseven\n\tsəfir*\tسفیر\tambassador\n".encode()
    + b"\0" + "Yeddi film göstərildi.\nSəfir danışdı.\n".encode() + b"\0" + "هفت فیلم نمایش داده شد.\nسفیر سخن گفت.\n".encode() + b"\0" + b"Seven films were shown.\nThe ambassador spoke.\n")
put("align", "dict-hunalign", bytes([0x0E]) + "film @ film\nsəfir @ ambassador\n".encode() + b"\0" + "Film.\nSəfir gəldi.\n".encode() + b"\0" + b"The film.\nThe ambassador came.\n")
put("align", "empty-and-long", bytes([0x03]) + b"\0" + "یک.\nدو.\nسه.\nچهار.\nپنج.\nشش.\nهفت.\n".encode() + b"\0" + b"One.\n")

# ---- manifest: selector = each line also given to tmc_batch_id_problem
# (bit 0); then the manifest ----
put("manifest", "header-encodings", b"\x00" + "# The reports of 2023\nid\taz\tfa\ten\tfa.encoding\n2023/ardabil\taz/ardabil.txt\tfa/ardabil.txt\ten/ardabil.txt\twindows-1256\n2023/baku\taz/baku.txt\tfa/baku.txt\ten/baku.txt\t\n\n".encode())
put("manifest", "no-header", b"\x01" + b"r1\ta.az.txt\ta.fa.txt\ta.en.txt\nr2\t/abs/b.az.txt\tb.fa.txt\tb.en.txt\n")
put("manifest", "hostile-ids", b"\x01" + "../up\ta\tb\tc\n/abs/id\ta\tb\tc\nx/../../y\ta\tb\tc\n./dot\ta\tb\tc\n.hidden\ta\tb\tc\nback\\\\slash\ta\tb\tc\nok/ok\ta\tb\tc\nok/ok\ta\tb\tc\nempty//part\ta\tb\tc\nrəsmi/تهران\ta\tb\tc\n".encode() + b"bad\xff\ta\tb\tc\n")
put("manifest", "columns", b"\x00" + b"id\ten\tencoding\tfa\taz\taz.encoding\r\nr\te.txt\tUTF-8\tf.txt\ta.txt\tISO-8859-9\r\ns\te.txt\t\tf.txt\n")
put("manifest", "bad-header", b"\x00" + b"id\taz\taz\ten\nr\ta\tb\tc\n")

# ---- merge: selector = held-back variants first (bit 0) | changed texts,
# conflicts (bit 1) | everything again, duplicates (bit 2) | the header's
# srclang (bit 3) | buffer 256 KiB, 1, 64, 512 bytes (bits 4-5); then a TMX ----
put("merge", "merge-a", bytes([0x1F]) + read("tests/data/tmx/merge-a.tmx"))
put("merge", "merge-b", bytes([0x25]) + read("tests/data/tmx/merge-b.tmx"))
put("merge", "trados", bytes([0x0A]) + read("tests/data/tmx/trados.tmx"))
put("merge", "small", bytes([0x37]) + read("tests/data/po/small.tmx"))
put("merge", "inline-omegat", bytes([0x2D]) + INLINE)
put("merge", "no-srclang", bytes([0x03]) + b"""<tmx version="1.4"><header creationtool="x" segtype="sentence"/><body>
<tu><tuv xml:lang="az"><seg>Bir</seg></tuv><tuv xml:lang="en"><seg>One</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>One</seg></tuv><tuv xml:lang="fa"><seg>\xdb\x8c\xda\xa9</seg></tuv></tu>
<tu><tuv xml:lang="fa"><seg>\xd8\xaf\xd9\x88</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>One</seg></tuv><tuv xml:lang="az"><seg>Bir dene</seg></tuv></tu>
</body></tmx>
""")
