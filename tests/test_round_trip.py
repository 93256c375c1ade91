"""The TEI text of each document is its seed transcription, word for word and
bracket for bracket; the archival metadata of the seed is in the header."""
from __future__ import annotations

import copy
import re

import pytest
from conftest import SEEDS_DIR, TEI_DIR
from lxml import etree
from wcda_export import read_export

from build_scripts.model.edition import read_edition
from build_scripts.model.text import normalise_space, reading_text, transcription_text
from build_scripts.tei.parser import NS
from build_scripts.tei.parser import TEI_NS as TEI
from build_scripts.tei.parser import XML_ID as XML

SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


def document_for_seed(edition, seed):
    for document in edition.documents:
        declared = document.root.findtext(".//tei:sourceDesc/tei:bibl/tei:idno[@type='transcription-file']",
                                          namespaces=NS)
        if declared == seed.name:
            return document
    pytest.fail(f"no TEI document declares the transcription {seed.name}")


def header_field(document, path):
    element = document.root.find(f"tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='transcription']/{path}",
                                 NS)
    assert element is not None, f"{document.path.name}: no {path} in the source description"
    return normalise_space("".join(element.itertext()))


def test_every_document_has_a_seed(edition):
    declared = {d.root.findtext(".//tei:idno[@type='transcription-file']", namespaces=NS) for d in edition.documents}
    assert declared == {seed.name for seed in SEEDS}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_transcription_equals_seed(edition, seed):
    document = document_for_seed(edition, seed)
    text = document.root.find("tei:text", NS)
    assert normalise_space(transcription_text(text)) == normalise_space(read_export(seed).text)


def reading_by_rewriting(text_element) -> str:
    """The reading text derived by rewriting a copy of the TEI, not by the
    model's walk: printed errors replaced by their corrections, the edition's
    notes removed, alternative names put in parentheses, every other bracket
    of the translator dropped; the original's own bracketed remark stays."""
    text = copy.deepcopy(text_element)
    for choice in text.iterfind(".//tei:choice", NS):
        corrected = "".join(choice.find("tei:corr", NS).itertext())
        replace_with_text(choice, corrected)
    for note in list(text.iterfind(".//tei:note", NS)):
        if note.get("type") != "original":
            replace_with_text(note, "")
    readings = taxonomy_readings()
    for mark in list(text.iterfind(".//tei:pc[@type='bracket']", NS)):
        unit = next(a for a in mark.iterancestors() if a.get("ana"))
        reading = readings[unit.get("ana").removeprefix("edn:")]
        if reading == "parentheses":
            replace_with_text(mark, {"[": "(", "]": ")"}[mark.text])
        elif reading != "keep":
            replace_with_text(mark, "")
    return "".join(text.itertext())


def taxonomy_readings() -> dict[str, str]:
    """Each bracket category's reading, read straight from edition.xml's
    renditions (not through the model)."""
    root = etree.parse(str(TEI_DIR / "edition.xml")).getroot()
    renditions = {r.get(XML) : r.text for r in root.iter(f"{{{TEI}}}rendition")}
    return {c.get(XML): re.search(r"--reading: *([a-z]+)", renditions[c.get("rendition")[1:]]).group(1)
            for c in root.iterfind(".//tei:taxonomy[@xml:id='brackets']/tei:category", NS)}


def replace_with_text(element, replacement: str) -> None:
    parent, previous = element.getparent(), element.getprevious()
    joined = replacement + (element.tail or "")
    if previous is not None:
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(element)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_reading_text_applies_corrections_and_reads_every_bracket(edition, seed):
    document = document_for_seed(edition, seed)
    body = document.root.find("tei:text/tei:body", NS)
    reading = normalise_space(reading_text(body, read_edition(edition.edition.root).bracket_readings))
    assert reading == normalise_space(reading_by_rewriting(body))
    # only the original's own remark keeps square brackets
    assert re.sub(r"\[Not reviewed by Vice Minister Ji\]", "", reading).count("[") == 0


def test_reading_text_reads_as_a_sentence(edition):
    readings = {}
    for seed in SEEDS:
        body = document_for_seed(edition, seed).root.find("tei:text/tei:body", NS)
        readings[seed.name] = normalise_space(reading_text(body, read_edition(edition.edition.root).bracket_readings))
    text = " ".join(readings.values())
    for expected in ("Ever since the conversation between Chinese Embassy Secretary Jin",
                     "not only from Andong (Dandong), Anshan, and Luda (Lüshun-Dalian)",
                     "Department of Soviet Union and Eastern European Affairs",
                     "[Not reviewed by Vice Minister Ji]"):
        assert expected in text
    assert "Even" not in text.split("conversation")[0]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_metadata_is_in_the_header(edition, seed):
    """Each metadata line of the seed, which is not part of the text, is in
    the header field that holds it."""
    document = document_for_seed(edition, seed)
    export = read_export(seed)
    fields = {
        "Summary:": "tei:note[@type='summary']",
        "Credits:": "tei:note[@type='credit']",
        "Original Language:": "tei:textLang",
        "Contents:": "tei:note[@type='contents']",
    }
    for label, values in export.metadata.items():
        if label == "Citation:":
            citation, url = values
            assert header_field(document, "tei:note[@type='citation']") == normalise_space(citation)
            assert f"<{header_field(document, 'tei:idno[@type=' + chr(39) + 'URL' + chr(39) + ']')}>" == url
        else:
            assert header_field(document, fields[label]) == normalise_space(" ".join(values)), label
    if export.heading:
        date_line, title_line = export.heading
        assert header_field(document, "tei:date") == date_line
        assert header_field(document, "tei:title[@type='wcda']") == title_line
    # every line of the seed is accounted for: text, metadata or heading
    accounted = len(export.heading) + sum(len(v) + (1 if export.heading else 0) for v in export.metadata.values())
    text_lines = len(export.text.splitlines())
    seed_lines = [line for line in seed.read_text(encoding="utf-8").splitlines()
                  if line.replace("\u00a0", " ").strip()]
    assert accounted + text_lines == len(seed_lines)
