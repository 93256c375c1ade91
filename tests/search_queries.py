"""Queries for the site search, with what each must and must not find.

Each query is what a reader types into the search box (Pagefind online, the in-page engine offline). The
expectations were read off the TEI sources (tei/documents/*.xml, tei/registers.xml, tei/edition.xml) and the
built site's HTML, never off the search code, and hold under the search's stated semantics:

- words match case-insensitively, without accents or apostrophes; every word of a query must occur in the
  same page (not necessarily the same passage); the last word also matches as a prefix;
- a mention of a register entry (persName, placeName, orgName, term with @ref) is indexed with all of the
  entry's names and variants, so any variant finds the entry's page and every passage that mentions it;
- a quoted phrase matches consecutive words only;
- a word with one or two wrong letters that is not in the edition's vocabulary is corrected to the nearest
  word of the edition (no other word is as close), and the corrected query's results are shown;
- filters: kind (text, note, apparatus, register), year, type (the document type label) and document (the
  document's short title, the h1 of its page).

`pages` are site paths, `anchors` the element ids of passages that must be listed for those pages (paragraph
ids, "fn:" note ids, headnote paragraph ids, meeting-data ids), `absent` pages that must not be found,
`filters` (key, value) pairs, `corrected` the word a misspelling must be corrected to, `none` a query that
finds nothing at all. In `why`, ids kor1961-* are in tei/documents/1961-05-cable-korean-border-crossings.xml,
xj1962-* in tei/documents/1962-06-26-ji-chervonenko-conversation.xml, per-*, pl-*, org-* and t-* in
tei/registers.xml, the others (intro-*, teaching-*, ev-*) in tei/edition.xml.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Query:
    text: str
    pages: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()
    corrected: str = ""
    none: bool = False
    why: str = ""


CABLE = "documents/1961-05-cable-korean-border-crossings/"
MINUTES = "documents/1962-06-26-ji-chervonenko-conversation/"
CABLE_TITLE = "Cable on ethnic Koreans crossing into North Korea, May 1961"

QUERIES = (
    # Misspellings: one or two wrong letters; the corrected word is the only word of the edition at the
    # smallest edit distance, and the misspelling is in no page (nor the start of any word).
    Query("Chervonenco", pages=(MINUTES, "persons/chervonenko/"), anchors=("xj1962-p4",), corrected="chervonenko",
          why="substitution (k>c) in a name; 'Chervonenko' speaks in xj1962-p4 and names per-chervonenko"),
    Query("Andnog", pages=(CABLE, "places/andong/"), anchors=("kor1961-p1",), corrected="andong",
          why="transposition in a place-name; kor1961-p1 names Andong (pl-andong); 'dandong' is further"),
    Query("ambasador", pages=(CABLE, MINUTES), anchors=("kor1961-p2", "xj1962-p1"), corrected="ambassador",
          why="omission in an ordinary word; 'Ambassador Qiao' in kor1961-p2, 'the Ambassador' in xj1962-p1"),
    Query("Kazakstan", pages=(MINUTES, "introduction/", "glossary/yita-incident/"), anchors=("xj1962-hn2", "intro-p6"),
          corrected="kazakhstan",
          why="omission (h) in a name; 'Soviet Kazakhstan' in xj1962-hn2, edition.xml intro-p6 and t-yita-incident"),
    Query("truckloda", pages=(MINUTES, "teaching/"), anchors=("xj1962-p15",), corrected="truckload",
          why="transposition in an ordinary word; 'one truckload at a time' in xj1962-p15 and teaching-comparison"),
    Query("Mongollia", pages=(MINUTES, "places/mongolia/"), anchors=("xj1962-p21",), corrected="mongolia",
          why="insertion (l) in a place-name; Ji names Mongolia (pl-mongolia) in xj1962-p21"),
    Query("Sinuijiu", pages=(CABLE, "places/andong/"), anchors=("fn:kor1961-n11",), corrected="sinuiju",
          why="insertion (i) in a place-name; Sinuiju is in the note kor1961-n11 and the description of pl-andong"),
    Query("memorendom", pages=(MINUTES, "glossary/memorandum/"), anchors=("xj1962-p5",), corrected="memorandum",
          why="two substitutions (a>e, u>o) in an ordinary word; 'memorandum' (t-memorandum) twice in xj1962-p5"),
    Query("Xiaogoung", pages=(CABLE, "persons/qiao-xiaoguang/"), anchors=("kor1961-hn1",), corrected="xiaoguang",
          why="two substitutions (u>o, a>u) in a name; 'Qiao Xiaoguang' in kor1961-hn1 (per-qiao-xiaoguang)"),
    Query("Heilongjiong", pages=(CABLE, "places/heilongjiang/"), anchors=("kor1961-p1",), corrected="heilongjiang",
          why="substitution (a>o) in a place-name; kor1961-p1 names Heilongjiang (pl-heilongjiang)"),
    Query("Ji Pengfie", pages=(MINUTES, "persons/ji-pengfei/"), anchors=("xj1962-hn1",), corrected="pengfei",
          why="transposition in the second word of a name; 'Ji Pengfei' in xj1962-hn1 (per-ji-pengfei)"),
    # Variant names from registers.xml: the entry's page and a passage that mentions the entry under another name.
    Query("姬鹏飞", pages=("persons/ji-pengfei/", MINUTES), anchors=("xj1962-p5", "xj1962-p9"),
          why="Chinese characters of per-ji-pengfei; xj1962-p5 and xj1962-p9 only say 'Ji' (speaker persName ref)"),
    Query("Червоненко", pages=("persons/chervonenko/", MINUTES, "introduction/"), anchors=("xj1962-p4", "intro-p7"),
          why="Russian name of per-chervonenko; speaker of xj1962-p4, and persName ref in edition.xml intro-p7"),
    Query("丹东", pages=("places/andong/", CABLE), anchors=("kor1961-p1",),
          why="modern name in characters of pl-andong; 'Andong [Dandong]' placeName ref in kor1961-p1"),
    Query("Dairen", pages=("places/luda/", CABLE), anchors=("kor1961-p1",),
          why="historical name 'Port Arthur and Dairen' of pl-luda; placeName ref 'Luda' in kor1961-p1"),
    Query("朴成哲", pages=("persons/pak-song-chol/", CABLE), anchors=("kor1961-p2", "kor1961-hn2"),
          why="hanja of per-pak-song-chol; rs ref '[North] Korean Minister of Foreign Affairs' in kor1961-p2"),
    Query("박성철", pages=("persons/pak-song-chol/", CABLE), anchors=("kor1961-p2",),
          why="Korean name in hangul of per-pak-song-chol; the rs ref in kor1961-p2 does not name him"),
    Query("Xie Qitai", pages=("persons/zhang-hanfu/", MINUTES, "introduction/"), anchors=("xj1962-p3", "intro-p7"),
          why="birth name of per-zhang-hanfu; persName ref 'Zhang Hanfu' in xj1962-p3 and edition.xml intro-p7"),
    Query("朝鲜族", pages=("glossary/chaoxianzu/", CABLE), anchors=("kor1961-p2",),
          why="Chinese form of t-chaoxianzu; term ref 'ethnic Korean(s)' twice in kor1961-p2"),
    Query("外交部", pages=("organisations/mfa/", CABLE), anchors=("kor1961-hn1",),
          why="Chinese name of org-mfa; orgName ref 'Ministry of Foreign Affairs' in the headnote kor1961-hn1"),
    Query("余湛", pages=("persons/yu-zhan/", MINUTES), anchors=("xj1962-p17",),
          why="Chinese characters of per-yu-zhan; xj1962-p17's speaker is only 'Yu' (persName ref)"),
    Query("乔晓光", pages=("persons/qiao-xiaoguang/", CABLE), anchors=("kor1961-p2",),
          why="Chinese characters of per-qiao-xiaoguang; 'Ambassador Qiao [Xiaoguang]' and '[Qiao]' in kor1961-p2"),
    Query("新疆", pages=("places/xinjiang/", MINUTES), anchors=("xj1962-p21",),
          why="Chinese characters of pl-xinjiang; placeName ref 'Xinjiang' in xj1962-p21"),
    Query("Wang Gaoqing", pages=("persons/wang-jinqing/", MINUTES), anchors=("xj1962-md-interpreter",),
          why="other romanisation of per-wang-jinqing; persName ref in the meeting data xj1962-md-interpreter"),
    Query("Lushun", pages=("places/luda/", CABLE), anchors=("fn:kor1961-n13",),
          why="accent dropped: 'Lüshun' in the note kor1961-n13 and in pl-luda's description and variants"),
    # Quoted phrases.
    Query('"one truckload at a time"', pages=(MINUTES, "teaching/"), anchors=("xj1962-p15", "xj1962-hn2"),
          why="consecutive in xj1962-p15, the headnote xj1962-hn2 and edition.xml teaching-comparison"),
    Query('"temporary difficulties"', pages=(CABLE, "glossary/temporary-difficulties/", "introduction/"),
          anchors=("kor1961-p1", "kor1961-hn1", "intro-p4"),
          why="term ref t-temporary-difficulties in kor1961-p1; quoted in kor1961-hn1 and edition.xml intro-p4"),
    Query("\"people's republic of china\"", pages=("places/china/", "organisations/mfa/", CABLE),
          anchors=("fn:kor1961-n24",),
          why="apostrophe in a phrase: variant of pl-china, name of org-mfa, and the note kor1961-n24"),
    Query('"Soviet Embassy"', pages=(MINUTES, "organisations/soviet-embassy/"),
          anchors=("xj1962-md-attendees", "fn:xj1962-n10"),
          why="orgName ref org-soviet-embassy in the meeting data xj1962-md-attendees; the note xj1962-n10"),
    Query('"grain allowance"', absent=(CABLE, "introduction/"),
          why="both words in kor1961-p1 ('allowance ... grain') and intro-p5, never consecutive"),
    Query('"Korean border crossers"', absent=(CABLE,),
          why="all three words in kor1961-p1/p2 ('ethnic Korean', 'border crossers'), never consecutive in the cable"),
    Query('"fraternal country" Mongolia', pages=(MINUTES,), anchors=("xj1962-p21",),
          absent=("glossary/fraternal-country/", "places/mongolia/"),
          why="both in xj1962-p21; t-fraternal-country's page lacks Mongolia, pl-mongolia's lacks the phrase"),
    # Filters.
    Query("Dandong", filters=(("kind", "register"),), pages=("places/andong/",), absent=(CABLE,),
          why="modern name of pl-andong; the cable (kor1961-p1, kor1961-n11), found unfiltered, is no register page"),
    Query("Beijing", filters=(("year", "1962"),), pages=(MINUTES,), anchors=("xj1962-hn3",), absent=(CABLE,),
          why="'Beijing blamed Moscow' in xj1962-hn3; the 1961 cable (pl-beijing in kor1961-p1) is filtered out"),
    Query("ambassador", filters=(("type", "Cable"),), pages=(CABLE,), anchors=("kor1961-p2",), absent=(MINUTES,),
          why="'Ambassador Qiao' in kor1961-p2; the minutes ('the Ambassador', xj1962-p1) are another type"),
    Query("Foreign Affairs", filters=(("document", CABLE_TITLE),), pages=(CABLE,), anchors=("kor1961-p2",),
          absent=(MINUTES, "organisations/mfa/"),
          why="'Minister of Foreign Affairs' in kor1961-p2; the minutes (xj1962-hn1) and org-mfa are other pages"),
    Query("Sinuiju", filters=(("kind", "note"),), pages=(CABLE,), anchors=("fn:kor1961-n11",),
          absent=("places/andong/",),
          why="Sinuiju is in the note kor1961-n11; pl-andong's description names it too, but that is a register page"),
    Query("Chervonenko", filters=(("kind", "text"),), pages=(MINUTES,), anchors=("xj1962-p4",),
          absent=("persons/chervonenko/", "introduction/"),
          why="speaker of xj1962-p4; per-chervonenko's page and intro-p7 (edition.xml) are not transcription"),
    Query("MacArthur", filters=(("kind", "apparatus"),), pages=("introduction/", MINUTES), anchors=("intro-p2",),
          absent=("glossary/wcda/",),
          why="intro-p2 and the minutes' description block (funding credit); t-wcda's page is a register page"),
    Query("Kraus", filters=(("kind", "note"), ("year", "1962")), pages=(MINUTES,),
          anchors=("xj1962-hn3", "fn:xj1962-n20"), absent=("introduction/", "sources/"),
          why="headnote xj1962-hn3 and note xj1962-n20 name Kraus; intro-p7 and the bibliography are apparatus"),
    Query("Xinjiang", filters=(("type", "Minutes of a conversation"),), pages=(MINUTES,), anchors=("xj1962-p21",),
          absent=("places/xinjiang/",),
          why="placeName ref pl-xinjiang in xj1962-p21; the register page of pl-xinjiang has no document type"),
    # Plain words and names.
    Query("Yanbian", pages=(CABLE, "places/jilin/", "glossary/chaoxianzu/", "introduction/"),
          anchors=("fn:kor1961-n3", "fn:kor1961-n9", "intro-p4"),
          why="named only in notes of the cable (kor1961-n3, n9), in pl-jilin, t-chaoxianzu and edition.xml intro-p4"),
    Query("Qiao Xiaoguang", pages=("persons/qiao-xiaoguang/", CABLE), anchors=("kor1961-hn1", "kor1961-p2"),
          why="both words in the headnote kor1961-hn1 and in kor1961-p2 (persName ref per-qiao-xiaoguang)"),
    Query("Anshan Tianjin", pages=(CABLE,), anchors=("kor1961-p1",), absent=("places/anshan/", "places/tianjin/"),
          why="both in kor1961-p1; neither register page names the other place"),
    Query("Mongolia truckload", pages=(MINUTES,), absent=("places/mongolia/", "teaching/"),
          why="AND across passages: Mongolia in xj1962-p21, truckload in xj1962-p15; no other page has both"),
    Query("Andong Chervonenko", pages=("timeline/",), absent=(CABLE, MINUTES),
          why="the cable never names Chervonenko nor the minutes Andong; edition.xml's events name both"),
    Query("patrol", pages=(MINUTES, "glossary/border-defence/"), anchors=("xj1962-p22",),
          why="'only one patrol a day' in xj1962-p22 and in the definition of t-border-defence"),
    Query("didn't ferry", pages=(MINUTES,), anchors=("xj1962-p10",),
          why="apostrophe dropped: 'Didn't ... the vehicles were used to ferry the sick?' in xj1962-p10"),
    # Prefixes (the last word).
    Query("Chervo", pages=("persons/chervonenko/", MINUTES), anchors=("xj1962-p4",),
          why="prefix of 'Chervonenko', the speaker of xj1962-p4 (per-chervonenko)"),
    Query("Heilong", pages=("places/heilongjiang/", CABLE), anchors=("kor1961-p1",),
          why="prefix of 'Heilongjiang', placeName ref in kor1961-p1"),
    Query("Zhang Han", pages=("persons/zhang-hanfu/", MINUTES), anchors=("xj1962-p3",),
          why="whole first word and prefix of 'Hanfu': 'Zhang Hanfu' in xj1962-p3 (per-zhang-hanfu)"),
    Query("Sanfi", pages=("persons/sanfirov/", MINUTES), anchors=("xj1962-md-attendees",),
          why="prefix of 'Sanfirov', persName ref per-sanfirov in the meeting data xj1962-md-attendees"),
    # Words in no page, and more than two letters away from every word of the edition.
    Query("zeppelin", none=True, why="in no page of the site and not close to any word of the edition"),
    Query("xylophone", none=True, why="in no page of the site and not close to any word of the edition"),
)
