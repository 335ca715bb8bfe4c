# An SRX file in the shape Okapi Rainbow exports (SRX 2.0 with Okapi's
# okpsrx extension elements, cascade="no", Java regular expressions with
# \uXXXX escapes, \p{IsLatin} and the (?u) flag) is honoured: its rules
# decide, not tmconv's (it knows "Mr." but not "Dr.", and breaks at ";").
cat > okapi.srx <<'SRX'
<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" xmlns:okpsrx="http://okapi.sf.net/srx-extensions" version="2.0">
<header segmentsubflows="yes" cascade="no">
<formathandle type="start" include="no"></formathandle>
<formathandle type="end" include="yes"></formathandle>
<formathandle type="isolated" include="no"></formathandle>
<okpsrx:options oneSegmentIncludesAll="no" trimLeadingWhitespaces="yes" trimTrailingWhitespaces="yes" useJavaRegex="yes" useIcu4JBreakRules="no" treatIsolatedCodesAsWhitespace="no"></okpsrx:options>
<okpsrx:sample language="en" useMappedRules="yes">Mr. Holmes is here. Dr. Watson too.</okpsrx:sample>
<okpsrx:rangeRule></okpsrx:rangeRule>
</header>
<body>
<languagerules>
<languagerule languagerulename="default">
<rule break="no">
<beforebreak>(?u)\bMr\.</beforebreak>
<afterbreak>\s</afterbreak>
</rule>
<rule break="no">
<beforebreak>\b\p{IsLatin}\.</beforebreak>
<afterbreak>\s</afterbreak>
</rule>
<rule break="yes">
<beforebreak>[\.\?!\u2026;]+</beforebreak>
<afterbreak>\s</afterbreak>
</rule>
</languagerule>
<languagerule languagerulename="unused">
<rule break="yes"><beforebreak>,</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule>
</languagerules>
<maprules>
<languagemap languagepattern=".*" languagerulename="default"></languagemap>
<languagemap languagepattern="en.*" languagerulename="unused"></languagemap>
</maprules>
</body>
</srx>
SRX
printf 'Mr. Holmes is here; Dr. Watson too, with J. Smith\342\200\246 Then they left.\n' > a.en.txt
tmconv segment --srx=okapi.srx a.en.txt
