"""The importer's bracket rules (build_scripts/importer/brackets.py): how far
they agree with the hand-encoded documents on the two seeds, and that every
disagreement is flagged for review; the round trip of every seed line; valid
TEI; the categories added for other Wilson Center records; and a clear error
for an unbalanced bracket. Run with -s to see the agreement figures."""
from __future__ import annotations

import re

import pytest
from conftest import SEEDS_DIR
from lxml import etree
from wcda_export import read_export

from build_scripts.importer.brackets import LABELS, BracketError, append_marked
from build_scripts.markdown import bracket_styles
from build_scripts.markdown.modes import MODES
from build_scripts.model.load import load_model
from build_scripts.model.text import is_apparatus
from build_scripts.tei.parser import NS, TEI_NS, XML_LANG
from build_scripts.tei.schema import tei_all
from build_scripts.tei.schematron import check_rules

MODEL = load_model()
DOCUMENTS = MODEL.documents
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))
UNITS = "descendant-or-self::*[starts-with(@ana, 'edn:bk-')]"


def marked(line: str, number: int = 1, tag: str = "p", **attributes: str):
    parent = etree.Element(f"{{{TEI_NS}}}{tag}", **attributes)
    flags: list = []
    append_marked(parent, line, number, MODEL.registers, flags)
    return parent, flags


def units(element) -> list:
    """Bracketed units in order, outside the edition's apparatus (as test_site counts them)."""
    return [u for u in element.xpath(UNITS) if not any(is_apparatus(a) for a in u.iterancestors())]


def category(unit) -> str:
    return unit.get("ana").removeprefix("edn:")


def printed(unit) -> str:
    return "".join(unit.itertext())


# -- 1. agreement with the hand-encoded seeds ---------------------------------------

@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_rules_agree_with_the_hand_encoding_and_flag_every_disagreement(document):
    lines = read_export(SEEDS_DIR / document.transcription_file).text.splitlines()
    found, flags = [], []
    for number, line in enumerate(lines, 1):
        parent, line_flags = marked(line, number)
        found += [(number, printed(u), category(u), u.get("cert") == "low") for u in units(parent)]
        flags += line_flags
    encoded = [category(u) for u in units(document.text)]
    assert [text for _, text, _, _ in found] == re.findall(r"\[[^\]]*\]", "\n".join(lines))
    assert len(found) == len(encoded)
    agreed = sum(1 for unit, hand in zip(found, encoded, strict=True) if unit[2] == hand)
    flagged = [(number, text, cat) for number, text, cat, low in found if low]
    print(f"\n{document.slug}: rules agree with the hand encoding on {agreed} of {len(encoded)} units "
          f"({agreed / len(encoded):.1%}); flagged for review: {flagged or 'none'}")
    assert agreed / len(encoded) >= 0.95
    unflagged = [(unit, hand) for unit, hand in zip(found, encoded, strict=True) if unit[2] != hand and not unit[3]]
    assert not unflagged, f"disagreements not flagged for review: {unflagged}"
    assert [(f.line, f.text) for f in flags] == [(number, text) for number, text, _ in flagged]


# -- 2. round trip and valid TEI ----------------------------------------------------------

def seed_lines() -> list[tuple[str, int, str]]:
    return [(path.name, number, line) for path in SEED_FILES
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)]


def test_every_seed_line_comes_back_exactly():
    assert len(SEED_FILES) == 2
    for name, number, line in seed_lines():
        parent, _ = marked(line, number)
        assert "".join(parent.itertext()) == line, f"{name}:{number}"


def hand_encoded_elements() -> set[str]:
    return {etree.QName(e).localname for d in DOCUMENTS for e in d.text.iter(etree.Element)}


def test_only_elements_of_the_hand_encoding_are_written():
    written = set()
    for _, number, line in seed_lines() + [("examples", 1, line) for line, _ in EXAMPLES]:
        parent, _ = marked(line, number)
        written |= {etree.QName(e).localname for e in parent.iter(etree.Element)}
    assert written - {"p"} <= hand_encoded_elements(), written - hand_encoded_elements()


def test_the_output_is_valid_tei_and_keeps_the_bracket_rules(tmp_path):
    """Every seed line and example in one TEI file: tei_all and the project's rules.sch."""
    text = etree.Element(f"{{{TEI_NS}}}body")
    for _, number, line in seed_lines() + [("examples", 1, line) for line, _ in EXAMPLES]:
        append_marked(etree.SubElement(text, f"{{{TEI_NS}}}p"), line, number, MODEL.registers, [])
    note, _ = marked("[Not reviewed by Vice Minister Ji]", tag="note", type="original", place="inline")
    text.append(note)
    root = etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Imported lines</title></titleStmt>'
        "<publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>The seeds</p></sourceDesc></fileDesc>"
        "</teiHeader><text/></TEI>")
    root.find("tei:text", NS).append(text)
    tree = etree.ElementTree(root)
    validator = tei_all()
    assert validator.validate(tree), [e.message for e in validator.error_log][:5]
    assert check_rules(tmp_path / "imported.xml", tree) == []


# -- 3. the categories of other WCDA records, and the review flags --------------------------

# (line, [(category, flagged for review)] for its units in order)
EXAMPLES: list[tuple[str, list[tuple[str, bool]]]] = [
    ("Ho Un [sic] was named.", [("bk-sic", False)]),
    ("signed by [two characters illegible] on", [("bk-illegible", False)]),
    ("the director Li [Zhang?] agreed", [("bk-illegible", False)]),
    ("[text damaged]", [("bk-illegible", False)]),
    ("[handwritten note in left margin: Agreed. Zhou]", [("bk-description", False)]),
    ("the word was [underlined] twice", [("bk-description", False)]),
    ("[stamp: Ministry of Foreign Affairs]", [("bk-description", False)]),
    ("their household registration [hukou] and work unit [danwei]", [("bk-term", True), ("bk-term", True)]),
    ("ethnic Koreans [Chaoxianzu] from Jilin", [("bk-term", False)]),
    ("(Not for circulation)", [("bk-original-paren", True)]),
    ("[Not for circulation]", [("bk-original", False)]),
    ("Wulumqi [Urumqi] is far.", [("bk-altname", False)]),
    ("Pak Seong-cheol [Pak Song Chol] came.", [("bk-altname", False)]),
    ("Yili [Ili] Office [of the Foreign Affairs Bureau]", [("bk-altname", False), ("bk-word", False)]),
    ("the Vice Minister [Zhang Hanfu] said", [("bk-referent", False)]),
    ("he [Qiao] said", [("bk-referent", False)]),
    ("[the Soviet side] refused", [("bk-referent", False)]),
    ("[Stepan V.] Chervonenko said", [("bk-name", False)]),
    ("Premier Zhou [Enlai] said", [("bk-name", False)]),
    ("Vice Minister Ji [Pengfei] said", [("bk-name", False)]),
    ("[I] welcome you [here].", [("bk-word", False), ("bk-word", False)]),
    ("on 28 June [1962]", [("bk-word", False)]),
    ("Xinjiang [Uyghur] Autonomous Region", [("bk-word", False)]),
    ("the [house] was empty", [("bk-word", False)]),
    ("[Request] their timely return.", [("bk-word", True)]),
    ("The city [Dandong] is", [("bk-word", True)]),
    ("We [Agree] now", [("bk-word", True)]),
    ("[Translator's note: the date is unclear]", [("bk-word", True)]),
    ("[Ministry of Foreign Affairs]", [("bk-word", True)]),
]


@pytest.mark.parametrize(("line", "expected"), EXAMPLES, ids=[line for line, _ in EXAMPLES])
def test_categories_and_flags(line, expected):
    parent, flags = marked(line, 7)
    assert "".join(parent.itertext()) == line
    assert [(category(u), u.get("cert") == "low") for u in units(parent)] == expected
    assert [f.text for f in flags] == [printed(u) for u in units(parent) if u.get("cert") == "low"]
    for flag in flags:
        assert flag.line == 7 and flag.kind == "bracket" and flag.message


def test_a_flagged_unit_says_in_the_tei_what_to_review():
    parent, (flag,) = marked("[Request] their timely return.")
    unit, = units(parent)
    comment = unit.getprevious()
    assert unit.get("cert") == "low" and isinstance(comment, etree._Comment)
    assert comment.text.strip() == "review: " + flag.message
    assert "bk-word" in flag.message and "bk-referent" in flag.message


def test_the_encoding_of_the_new_categories():
    def xml(line):
        return etree.tostring(marked(line)[0], encoding=str).replace(f' xmlns="{TEI_NS}"', "")
    illegible = units(marked("[illegible]")[0])[0]
    assert etree.QName(illegible).localname == "supplied" and illegible[-1].get("reason") == "illegible"
    assert illegible[-1].tag == f"{{{TEI_NS}}}gap" and illegible[-2].text == "]"  # the gap follows the brackets
    assert units(marked("[one page torn]")[0])[0][-1].get("reason") == "damage"
    doubtful = units(marked("Li [Zhang?] agreed")[0])[0]
    assert doubtful.get("reason") == "illegible" and doubtful.find("tei:gap", NS) is None
    term = units(marked("work unit [danwei]")[0])[0]
    assert term.find("tei:foreign", NS).get(XML_LANG) == "zh-Latn-pinyin" and term.find("tei:foreign", NS).text == "danwei"
    assert "<sic" not in xml("Ho Un [sic] said") and 'ana="edn:bk-sic"' in xml("Ho Un [sic] said")
    paren = units(marked("(Not for circulation)")[0])[0]
    assert (etree.QName(paren).localname, paren.get("type"), paren.get("place")) == ("note", "original", "inline")
    assert [pc.text for pc in paren.iterfind("tei:pc[@type='bracket']", NS)] == ["(", ")"]


def test_parentheses_in_running_text_stage_directions_and_speaker_labels_stay_plain():
    for line in ("He said (laughing) that", "(a) and (b)", "(laughs)", "Ji: (Reads out the memorandum)", "(Laughs)",
                 "(The Ambassador hands over the memorandum.)", "(Reads out and presents a copy of the memorandum)"):
        parent, flags = marked(line)
        assert not units(parent) and not flags and parent.text == line
    alias, _ = marked("(hereafter Ji)", tag="seg", type="alias")
    assert not units(alias) and alias.text == "(hereafter Ji)"


def test_a_remark_the_structure_set_apart_is_itself_the_unit():
    note, flags = marked("[Not reviewed by Vice Minister Ji]", tag="note", type="original", place="inline")
    assert note.get("ana") == "edn:bk-original" and not note.xpath(".//*[@ana]") and not flags
    assert [pc.text for pc in note.iterfind("tei:pc", NS)] == ["[", "]"]
    note, (flag,) = marked("[To be checked]", tag="note", type="original", place="inline")
    assert note.get("ana") == "edn:bk-original" and note.get("cert") == "low" and "bk-original" in flag.message


@pytest.mark.parametrize(("line", "column", "problem"), [
    ("the [North Korean side", 5, "never closed"),
    ("the North] Korean side", 10, "closes no bracket"),
    ("the [North [Korean] side]", 12, "opens inside"),
])
def test_an_unbalanced_bracket_is_an_error_with_its_line(line, column, problem):
    with pytest.raises(BracketError) as raised:
        marked(line, 12)
    assert isinstance(raised.value, ValueError)
    assert (raised.value.line, raised.value.column) == (12, column)
    assert str(raised.value).startswith(f"line 12, column {column}: ") and problem in str(raised.value)


# -- the taxonomy's new categories ------------------------------------------------------------

def contrast(colour: str, background: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(colour), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_category_the_importer_writes_is_in_the_taxonomy_and_styled():
    categories = {c.id: c for c in MODEL.edition.bracket_categories}
    assert set(LABELS) <= set(categories)
    for mode in MODES:
        css = bracket_styles.css(MODEL.edition, mode)
        for identifier in LABELS:
            assert f".bk-{categories[identifier].slug}" in css, (mode, identifier)
    for identifier in LABELS:
        cat = categories[identifier]
        style = bracket_styles.style_of(cat)
        assert contrast(style["colour"], "#ffffff") >= 4.5 and contrast(style["colour-dark"], "#1e2129") >= 4.5, identifier
        assert style["marker"] in ("dotted", "dashed", "double", "wavy", "solid", "none")
        assert style["reading"] in ("plain", "parentheses", "keep")
        assert cat.description.find("tei:mentioned", NS) is not None and cat.label


def test_the_rules_accept_parentheses_only_in_a_parenthesised_remark(tmp_path):
    def problems(body: str) -> list[str]:
        root = etree.fromstring(f'<TEI xmlns="{TEI_NS}"><text><body><p>{body}</p></body></text></TEI>')
        return [p.rule for p in check_rules(tmp_path / "t.xml", etree.ElementTree(root))]
    remark = '<note type="original" place="inline" ana="edn:bk-original-paren"><pc type="bracket">(</pc>Draft<pc type="bracket">)</pc></note>'
    assert problems(remark) == []
    assert "parenthesis-unit" in problems('<supplied ana="edn:bk-word"><pc type="bracket">(</pc>we<pc type="bracket">)</pc></supplied>')
    assert "parenthesis-balanced" in problems('<note type="original" ana="edn:bk-original-paren"><pc type="bracket">[</pc>Draft'
                                              '<pc type="bracket">]</pc></note>')
    assert "bracket-balanced" in problems('<supplied ana="edn:bk-sic"><pc type="bracket">[</pc>sic</supplied>')
