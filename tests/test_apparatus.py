"""The scholarly apparatus: every mention has a register entry with a
description and a source, every note and dated role names its source, every
document has a headnote, and the front matter and registers cover what an
instructor and a student need."""
from __future__ import annotations

import re

import pytest
from site_html import page_file, parse, text_of

from build_scripts.model.load import load_model
from build_scripts.model.mentions import transcription_mentions
from build_scripts.model.text import is_apparatus, normalise_space
from build_scripts.tei.parser import NS, XML_ID

MODEL = load_model()
SOURCES = MODEL.edition.sources


def words(element) -> int:
    return len(normalise_space("".join(element.itertext())).split())


def cited(pointers: str) -> list[str]:
    return [p.removeprefix("edn:") for p in (pointers or "").split()]


def test_every_mention_has_an_entry_with_description_and_source():
    mentioned = {entry_id for d in MODEL.documents for entry_id, _ in transcription_mentions(d)}
    assert len(mentioned) >= 40
    for entry_id in mentioned:
        entry = MODEL.registers.entries.get(entry_id)
        assert entry is not None, f"{entry_id} has no register entry"
        assert len(entry.description_text.split()) >= 8, f"{entry_id}: description too short"
        assert entry.sources and all(s.removeprefix("edn:") in SOURCES for s in entry.sources), entry_id


def test_every_register_entry_and_dated_role_cites_its_source():
    for entry in MODEL.registers.entries.values():
        assert entry.sources, entry.id
        for state in entry.states:
            assert state.sources and all(s.removeprefix("edn:") in SOURCES for s in state.sources), entry.id


@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
def test_every_note_names_its_source(document):
    notes = [n for n in document.text.iter(f"{{{NS['tei']}}}note") if is_apparatus(n)]
    assert len(notes) >= 20
    for note in notes:
        sources = cited(note.get("source"))
        if note.get("type") == "conjecture":
            assert note.get("resp") == "edn:editors"
        else:
            assert sources and all(s in SOURCES for s in sources), note.get(XML_ID)


@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
def test_every_document_has_a_sourced_headnote_of_250_to_500_words(document):
    headnote = document.text.find("tei:front/tei:div[@type='headnote']", NS)
    assert headnote is not None
    assert 250 <= words(headnote) <= 500
    for paragraph in headnote.iterfind("tei:p", NS):
        assert all(s in SOURCES for s in cited(paragraph.get("source"))) and paragraph.get("source")


def test_introduction_length_sources_and_further_reading():
    introduction = MODEL.edition.front_matter("introduction")
    prose = sum(words(p) for p in introduction.iterfind(".//tei:div/tei:p", NS))
    assert 600 <= prose <= 1000
    for paragraph in introduction.iterfind(".//tei:div/tei:p", NS):
        assert paragraph.get("source")
    reading = introduction.findall(".//tei:list[@type='further-reading']/tei:item", NS)
    assert len(reading) >= 4
    for item in reading:  # each item points to a source the edition lists
        assert item.find("tei:ref", NS).get("target").removeprefix("#") in SOURCES


def test_teaching_guide_questions_link_to_paragraphs():
    questions = MODEL.edition.front_matter("teaching").findall(".//tei:list[@type='questions']/tei:item", NS)
    assert 8 <= len(questions) <= 12
    for question in questions:
        targets = [p.get("target") for p in question.iterfind("tei:ptr", NS)]
        assert targets and all("#" in t for t in targets)


REQUIRED_TERMS = ("t-chaoxianzu", "t-temporary-difficulties", "t-agricultural-cooperative", "t-fraternal-country",
                  "t-border-defence", "t-memorandum", "t-yita-incident", "t-prc-fma", "t-cable-precedence")


def test_glossary_covers_the_required_terms():
    for term in REQUIRED_TERMS:
        assert MODEL.registers.entries[term].kind == "term"
    variants = {n.text for n in MODEL.registers["t-border-defence"].names}
    assert "border defence station" in variants


def test_persons_have_names_life_dates_and_offices_at_document_dates():
    for entry in MODEL.registers.of_kind("person"):
        # either life dates, or a description that says the person is not (securely) identified
        assert entry.birth or re.search(r"not (been )?identified|unverified|no further information",
                                        entry.description_text, re.I), entry.id
    for person, lang in (("per-ji-pengfei", "zh-Hans"), ("per-zhang-hanfu", "zh-Hans"), ("per-yu-zhan", "zh-Hans"),
                         ("per-qiao-xiaoguang", "zh-Hans"), ("per-chervonenko", "ru"), ("per-pak-song-chol", "ko")):
        assert any(n.lang == lang for n in MODEL.registers[person].names), person
    minutes = next(d for d in MODEL.documents if d.doctype == "edn:dt-minutes")
    cable = next(d for d in MODEL.documents if d.doctype == "edn:dt-cable")
    assert MODEL.registers["per-ji-pengfei"].states_on(minutes.date)[0].label == "Vice Minister of Foreign Affairs"
    assert "Ambassador" in MODEL.registers["per-qiao-xiaoguang"].states_on(cable.date)[0].label
    assert "Minister of Foreign Affairs" in MODEL.registers["per-pak-song-chol"].states_on(cable.date)[0].label
    for unknown in ("per-secretary-jin", "per-wang-jinqing"):
        assert re.search(r"not (been )?identified|nothing else is known", MODEL.registers[unknown].description_text, re.I)


def test_places_carry_historical_and_modern_names():
    andong = {n.text: n for n in MODEL.registers["pl-andong"].names}
    assert "Andong" in andong and "Dandong" in andong and "1965" in MODEL.registers["pl-andong"].description_text
    luda = MODEL.registers["pl-luda"]
    assert {"Luda", "Dalian"} <= {n.text for n in luda.names} and "1981" in luda.description_text
    tianjin = MODEL.registers["pl-tianjin"]
    assert any(s.covers("1961-05") and "Hebei" in s.label for s in tianjin.states)


# The points the apparatus must explain, and words a note on each must contain.
REQUIRED_NOTES = {
    "the corrected [Even]": "Ever since",
    "the misnamed department": "Eastern",
    "the attendees line": "semicolon",
    "Wang Jinqing / Wang Gaiqing": "Wang Gaiqing",
    "the differing WCDA titles": "test copy",
    "the agreement on crossers": "Which agreement is meant is uncertain",
    "temporary difficulties": "Great Leap Forward",
    "yuan": "won",
    "memorandum of 7 June, statement of 11 June": "2 June",
    "Zhang Hanfu's talks": "from April to June 1962",
    "fencing": "fences",
    "one patrol a day": "one patrol a day has not been verified",
    "fraternal country": "socialist camp",
    "East Block": "East Building",
    "page breaks": "page break",
}


@pytest.mark.parametrize("subject", REQUIRED_NOTES)
def test_required_notes_exist(subject):
    notes = " ".join(normalise_space("".join(n.itertext())) for d in MODEL.documents
                     for n in d.text.iter(f"{{{NS['tei']}}}note") if is_apparatus(n))
    assert REQUIRED_NOTES[subject] in notes


def test_site_shows_the_apparatus(built_site):
    site = built_site.site
    introduction = text_of(parse(page_file(site, "introduction/")))
    assert "Further reading" in introduction and "Kraus" in introduction
    for document in MODEL.documents:
        page = parse(page_file(site, f"documents/{document.slug}/"))
        assert page.xpath(f"//*[@id='{document.key}-headnote-head']")
        assert len(page.xpath("//div[contains(@class, 'footnote')]//li")) >= 20
    teaching = parse(page_file(site, "teaching/"))
    assert len(teaching.xpath("//ol/li[.//a[contains(@href, '#')]]")) >= 8
    credits = text_of(parse(page_file(site, "sources/")))
    assert "This document was made possible with support from MacArthur Foundation" in credits
    assert "CC BY 4.0" in credits and "Caixia Lu" in credits
    for source in SOURCES:
        assert parse(page_file(site, "sources/")).xpath(f"//*[@id='{source}']")
