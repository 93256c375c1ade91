"""The processing model, one behaviour at a time: every rule of the
behaviours table, in every output mode it declares, applied to a small TEI
fragment written for the test. A last test checks that no rule and mode of
the table is left without a case here."""
from __future__ import annotations

import re

import pytest
from lxml import etree

from build_scripts.markdown.behaviours import RULES, rule_for
from build_scripts.markdown.modes import EPUB, MODES, PRINT, WEB
from build_scripts.markdown.renderer import Renderer
from build_scripts.model.load import load_model

MODEL = load_model()
MINUTES = MODEL.document("1962-06-26-ji-chervonenko-conversation")
TEI = 'xmlns="http://www.tei-c.org/ns/1.0" xmlns:xml="http://www.w3.org/XML/1998/namespace"'
ALL = (WEB, PRINT, EPUB)


def fragment(xml: str) -> etree._Element:
    """The fragment's element, parsed as if it stood in the minutes (so that
    relative pointers resolve against that file)."""
    wrapped = f"<TEI {TEI}><text><body>{xml}</body></text></TEI>"
    root = etree.fromstring(wrapped, base_url=str(MINUTES.path))
    return root[0][0][0]


def render(xml: str, mode: str, document=MINUTES) -> tuple[str, Renderer]:
    renderer = Renderer(MODEL, MINUTES.page_path, document, mode=mode)
    return renderer.render(fragment(xml)), renderer


# (fragment, modes, regular expressions the output must match in each of
# those modes). Markdown's own characters come out escaped: "[" is "\\[".
Case = tuple[str, tuple[str, ...], list[str]]
CASES: dict[str, Case] = {
    # structure
    "body holds blocks": ("<body><p>One.</p><p>Two.</p></body>", ALL, [r"^One\.\n\nTwo\.$"]),
    "text holds blocks": ("<text><body><p>Alone.</p></body></text>", ALL, [r"^Alone\.$"]),
    "front holds blocks": ("<front><p>Front.</p></front>", ALL, [r"^Front\.$"]),
    "back holds blocks": ("<back><p>Back.</p></back>", ALL, [r"^Back\.$"]),
    "listBibl holds entries": ("<listBibl><head>Read</head></listBibl>", ALL, [r"^\*\*Read\*\*$"]),
    "division: heading one level down, linked by the division's id":
        ('<div xml:id="d1"><head>Part</head><p>Body.</p></div>', ALL, [r"^### Part \{: #d1 \.tei-head \}\n\nBody\.$"]),
    "head of a list": ("<list><head>Names</head><item>A</item></list>", ALL, [r"^\*\*Names\*\*\n\n- A$"]),
    "subtitle": ('<div xml:id="d2"><head type="sub">Sub</head></div>', ALL, [r"Sub\n\{: #d2 \.tei-subhead \}"]),
    "paragraph": ("<p>Plain words.</p>", ALL, [r"^Plain words\.$"]),
    "anonymous block": ('<ab type="omission" xml:id="t-ab" n="0">…</ab>', ALL, [r"\{: #t-ab \.para \.ab-omission"]),
    "meeting data": ('<list type="meeting-data"><label>Place</label><item xml:id="t-i">Beijing</item></list>', ALL,
                     [r'<dl class="meeting-data"', r"<dt markdown=\"span\">Place</dt>", r'<dd id="t-i"[^>]*>Beijing</dd>']),
    "numbered list": ('<list rend="numbered"><item>First</item><item>Second</item></list>', ALL,
                      [r"^1\. First\n1\. Second$"]),
    # cables
    "opener": ('<opener xml:id="t-op"><salute>Dear</salute></opener>', ALL, [r'^<div class="opener" id="t-op" markdown="1">']),
    "closer": ('<closer><signed>Embassy</signed></closer>', ALL, [r'^<div class="closer" markdown="1">\n\nEmbassy']),
    "salute": ("<salute>Comrades:</salute>", ALL, [r"^Comrades:$"]),
    "signed": ('<signed xml:id="t-s" n="9">Embassy</signed>', ALL, [r"\{: #t-s \.para \.signed data-n=\"9\" \}"]),
    "dateline": ('<dateline xml:id="t-d">May</dateline>', ALL, [r"\{: #t-d \.para \.dateline \}"]),
    "destination line": ('<seg type="destination" xml:id="t-dest">To the Ministry</seg>', ALL,
                         [r"To the Ministry\n\{: #t-dest \.para \.destination \}"]),
    "bracketed seg": ('<seg ana="edn:bk-referent"><pc type="bracket">[</pc>the Soviets<pc type="bracket">]</pc></seg>',
                      ALL, [r'<span class="bk bk-supplied-referent" data-bk="supplied-referent">'
                            r'<span class="bk-pc">\\\[</span>the Soviets<span class="bk-pc">\\\]</span></span>']),
    "plain seg": ('<seg type="phrase">words</seg>', ALL, [r'^<span class="seg seg-phrase">words</span>$']),
    # minutes
    "speech turn": ('<sp who="reg:per-ji-pengfei" xml:id="t-sp"><speaker>Ji:</speaker><p xml:id="t-p" n="3">Yes.</p></sp>',
                    ALL, [r'^<div class="sp" id="t-sp" data-who="per-ji-pengfei" markdown="1">',
                          r'<span class="speaker">Ji:</span> Yes\.']),
    "speaker": ("<speaker>Chervonenko:</speaker>", ALL, [r'^<span class="speaker">Chervonenko:</span>$']),
    "stage direction": ('<stage xml:id="t-st">(laughs)</stage>', ALL, [r'^<span class="stage" id="t-st">\\\(laughs\\\)</span>$']),
    # brackets, notes, corrections
    "supplied word": ('<supplied ana="edn:bk-word"><pc type="bracket">[</pc>we<pc type="bracket">]</pc></supplied>', ALL,
                      [r'^<span class="bk bk-supplied-word" data-bk="supplied-word"><span class="bk-pc">\\\[</span>we']),
    "bracket mark": ('<pc type="bracket">[</pc>', ALL, [r'^<span class="bk-pc">\\\[</span>$']),
    "other punctuation": ('<pc>;</pc>', ALL, [r"^;$"]),
    "gap": ('<gap reason="omitted"/>', ALL, [r"^$"]),
    "withdrawn source's note": ('<note type="withdrawn">Page gone.</note>', ALL,
                                [r'^<span class="withdrawn-note">Page gone\.</span>$']),
    "original note standing alone": ('<div><note type="original" ana="edn:bk-original" xml:id="t-on" n="7">'
                                     '<pc type="bracket">[</pc>Note<pc type="bracket">]</pc></note></div>',
                                     ALL, [r'<span class="bk bk-original-note"', r"\{: #t-on \.para \.original-note \}"]),
    "note on an original remark, called in its line": (
        '<div><note type="original" ana="edn:bk-original" xml:id="t-on2" n="8"><pc type="bracket">[</pc>Note'
        '<pc type="bracket">]</pc></note> <note xml:id="t-n9" source="edn:src-wcda-121676">On it.</note></div>', ALL,
        [r'original-note" data-bk="original-note">.*</span>(\[\^t-n9\]|<span class="fn" id="fn-t-n9">On it\..*</span>|'
         r'<a href="#fn-t-n9"[^>]*>1</a>)\n\{: #t-on2 \.para \.original-note \}$']),
    "alternative name: a parenthesis for the reading view, on the site only": (
        '<supplied ana="edn:bk-altname"><pc type="bracket">[</pc>Dandong<pc type="bracket">]</pc></supplied>', (WEB,),
        [r'<span class="bk-pc">\\\[</span><span class="rd-pc">\(</span>Dandong<span class="bk-pc">\\\]</span>'
         r'<span class="rd-pc">\)</span>']),
    "alternative name in a book: the brackets alone": (
        '<supplied ana="edn:bk-altname"><pc type="bracket">[</pc>Dandong<pc type="bracket">]</pc></supplied>',
        (PRINT, EPUB), [r'^(?!.*rd-pc).*<span class="bk-pc">\\\[</span>Dandong<span class="bk-pc">\\\]</span>']),
    "original note inline": ('<p><note type="original" ana="edn:bk-original">(sic)</note></p>', ALL,
                             [r'<span class="bk bk-original-note" data-bk="original-note">\\\(sic\\\)</span>']),
    "unsure supplied word (cert=low, from the importer)": (
        '<supplied ana="edn:bk-word" cert="low"><pc type="bracket">[</pc>Request<pc type="bracket">]</pc></supplied>', ALL,
        [r'^<span class="bk bk-supplied-word bk-unsure" data-bk="supplied-word" title="Supplied word or qualifier: '
         r'category not yet reviewed by the editors"><span class="bk-pc">\\\[</span>Request']),
    "unsure omission (cert=low)": (
        '<seg type="omission" ana="edn:bk-omission" cert="low"><pc type="bracket">[</pc>…<pc type="bracket">]</pc>'
        '<gap reason="omitted"/></seg>', ALL, [r'^<span class="bk bk-omission bk-unsure" data-bk="omission"[^>]*>.*…']),
    "unsure remark of the original in parentheses (cert=low)": (
        '<p><note type="original" place="inline" ana="edn:bk-original-paren" cert="low"><pc type="bracket">(</pc>'
        'Not for circulation<pc type="bracket">)</pc></note></p>', ALL,
        [r'^<span class="bk bk-original-note-parenthesised bk-unsure" data-bk="original-note-parenthesised"[^>]*>'
         r'<span class="bk-pc">\\\(</span>Not for circulation<span class="bk-pc">\\\)</span></span>$']),
    "illegible passage: the brackets, then an empty gap": (
        '<supplied ana="edn:bk-illegible"><pc type="bracket">[</pc>illegible<pc type="bracket">]</pc>'
        '<gap reason="illegible"/></supplied>', ALL,
        [r'^<span class="bk bk-illegible" data-bk="illegible"><span class="bk-pc">\\\[</span>illegible'
         r'<span class="bk-pc">\\\]</span></span>$']),
    "romanised term: a foreign word, in parentheses in the reading view": (
        '<supplied ana="edn:bk-term"><pc type="bracket">[</pc><foreign xml:lang="zh-Latn-pinyin">danwei</foreign>'
        '<pc type="bracket">]</pc></supplied>', (WEB,),
        [r'<span class="rd-pc">\(</span><span class="foreign" lang="zh-Latn-pinyin">danwei</span>']),
    "editorial note": ('<note xml:id="t-n1" source="edn:src-wcda-121676">A fact.</note>', ALL, []),  # per mode below
    "choice": ("<choice><sic>Chervonenco</sic><corr>Chervonenko</corr></choice>", ALL,
               [r'^<span class="sic">Chervonenco</span><span class="app corr" title="Correction by the editors[^"]*">'
                r'<span class="corr-label">corr\.</span> Chervonenko</span>$']),
    # names and terms
    "person": ('<persName ref="reg:per-ji-pengfei">Ji</persName>', ALL,
               [r"^\[Ji\]\(\.\./persons/ji-pengfei\.md\)\{: \.mention \.mention-person data-entry=\"per-ji-pengfei\" \}$"]),
    "place": ('<placeName ref="reg:pl-xinjiang">Xinjiang</placeName>', ALL, [r"\(\.\./places/xinjiang\.md\)"]),
    "organisation": ('<orgName ref="reg:org-mfa">the Ministry</orgName>', ALL, [r"\(\.\./organisations/mfa\.md\)"]),
    "term": ('<term ref="reg:t-yita-incident">Yi-Ta</term>', ALL, [r"\(\.\./glossary/yita-incident\.md\)"]),
    "referring string": ('<rs ref="reg:per-chervonenko">the ambassador</rs>', ALL, [r"\(\.\./persons/chervonenko\.md\)"]),
    "role": ("<roleName>Vice Minister</roleName>", ALL, [r'^<span class="role">Vice Minister</span>$']),
    "date": ('<date when="1962-06-26">26 June</date>', ALL, [r'^<time datetime="1962-06-26">26 June</time>$']),
    # typography and references
    "page break": ('<pb n="46" xml:id="t-pb"/>', ALL, [r'class="app pb" id="t-pb" title="Page 46"', r"‖"]),
    "line break": ("<lb/>", ALL, [r"^<br>$"]),
    "alias anchor": ('<anchor xml:id="t-old-p3"/>', ALL, [r'^<span class="alias-anchor" id="t-old-p3"></span>$']),
    "highlight": ("<hi>stress</hi>", ALL, [r"^<em>stress</em>$"]),
    "emphasis": ("<emph>really</emph>", ALL, [r"^<em>really</em>$"]),
    "mentioned word": ('<mentioned xml:lang="zh-Latn">bianjing</mentioned>', ALL, [r'^<em lang="zh-Latn">bianjing</em>$']),
    "q": ("<q>so</q>", ALL, [r"^<q>so</q>$"]),
    "quote": ("<quote>as said</quote>", ALL, [r"^<q>as said</q>$"]),
    "foreign": ('<foreign xml:lang="ru">da</foreign>', ALL, [r'^<span class="foreign" lang="ru">da</span>$']),
    "article title": ('<title level="a">An article</title>', ALL, [r"^<q>An article</q>$"]),
    "book title": ('<title level="m">A book</title>', ALL, [r"^<cite>A book</cite>$"]),
    "external reference": ('<ref target="https://www.wilsoncenter.org/">WCDA</ref>', ALL,
                           [r'<a href="https://www\.wilsoncenter\.org/"[^>]*>WCDA</a>']),
    "pointer to a paragraph": ('<ptr target="1962-06-26-ji-chervonenko-conversation.xml#xj1962-p5"/>', ALL,
                               [r"^\[1962 [a-z-]+, ¶ 5\]\(#xj1962-p5\)$|^\[1962 [a-z-]+, ¶ ?5\]\("]),
    # bibliographic descriptions
    **{f"bibliographic {name}": (f"<{name}>Text of {name}</{name}>", ALL, [rf"^Text of {name}$"])
       for name in ("bibl", "author", "editor", "publisher", "pubPlace", "series", "idno", "biblScope", "citedRange",
                    "distributor")},
}


SAME_IN_EVERY_MODE = [(name, mode) for name, (_, modes, _) in CASES.items() if name != "editorial note" for mode in modes]


@pytest.mark.parametrize(("name", "mode"), SAME_IN_EVERY_MODE)
def test_behaviour_output(name, mode):
    xml, _, patterns = CASES[name]
    output, renderer = render(xml, mode)
    assert not renderer.warnings, renderer.warnings
    for pattern in patterns:
        assert re.search(pattern, output), f"{pattern!r} not in {output!r}"


@pytest.mark.parametrize("mode", MODES)
def test_paragraph_with_number_has_a_permalink_only_on_the_web(mode):
    output, _ = render('<p xml:id="t-p9" n="9">Numbered.</p>', mode)
    assert output.endswith('Numbered.\n{: #t-p9 .para data-n="9" }')
    if mode == WEB:
        assert output.startswith('<a class="app para-link" href="#t-p9" aria-label="Link to paragraph 9">')
    else:
        assert output.startswith('<span class="para-num">9</span> ')
        assert "href" not in output


def test_editorial_note_on_the_web_is_a_footnote_at_the_end_of_the_page():
    output, renderer = render(CASES["editorial note"][0], WEB)
    assert output == "[^t-n1]"
    (label, text), = renderer.footnotes
    assert label == "t-n1" and text.startswith("A fact. ") and "sources.md#src-wcda-121676" in text
    closing = "\n".join(renderer.closing_sections())
    assert "## Notes" in closing and "[^t-n1]: A fact." in closing


def test_editorial_note_in_print_stands_in_place_for_the_foot_of_the_page():
    output, renderer = render(CASES["editorial note"][0], PRINT)
    assert re.fullmatch(r'<span class="fn" id="fn-t-n1">A fact\. <span class="app sources">Source: .*</span></span>', output)
    assert renderer.footnotes == [] and renderer.closing_sections() == []


def test_editorial_note_in_epub_is_a_noteref_and_an_aside():
    output, renderer = render(CASES["editorial note"][0], EPUB)
    assert output == ('<a href="#fn-t-n1" class="noteref" data-epub-type="noteref" role="doc-noteref" id="ref-t-n1">1</a>')
    aside, = renderer.closing_sections()
    assert aside.startswith('<aside id="fn-t-n1" data-epub-type="footnote" role="doc-footnote" markdown="1">')
    assert "1. A fact." in aside


def test_an_element_without_a_rule_keeps_its_text_and_warns():
    output, renderer = render("<p>before <unclear>kept</unclear> after</p>", WEB)
    assert output == "before kept after"
    assert len(renderer.warnings) == 1 and "no behaviour for <unclear>" in renderer.warnings[0]
    assert re.match(r"tei/documents/1962-06-26-ji-chervonenko-conversation\.xml:1: ", renderer.warnings[0])


def test_every_rule_and_mode_of_the_table_has_a_case():
    """A rule added to the table without a case here fails this test."""
    covered = set()
    for xml, modes, _ in CASES.values():
        for element in fragment(xml).iter(etree.Element):  # the fragment's element and those inside it
            covered |= {(RULES.index(rule), mode) for mode in modes if (rule := rule_for(element, mode))}
    missing = [(rule.element, rule.behaviour.__name__, mode) for i, rule in enumerate(RULES) for mode in rule.modes
               if (i, mode) not in covered]
    assert not missing, f"rules without a test case: {missing}"
