"""Citations as the style guides require them, for a translated archival
document published in this edition. The equality of the page's citations with
citeproc-js's own output is checked in the browser tests; here each style's
output is held to the rules of its guide:

- Chicago (notes and bibliography): a document without an author is listed
  by its title, not by its translator; the translator is credited; the date
  of the document is given as the original's date and the edition's
  publisher is followed by the edition's own year (never by the document's
  date); the archive and the archival reference are given; the address is
  the edition's published one.
- MLA 9: the entry begins with the author, or with the title in quotation
  marks when there is none (never with the translator), and the in-text
  citation names the same element, shortened: ("Transcript of a Meeting");
  the original date follows the title; "translated by" credits the
  translator; the version and the edition's year are in the container; the
  location is the published address.
- APA 7: a republished translation is dated by the edition's year with
  "(Original work published 1962)" at the end and "1962/2026" in text; an
  authorless work is cited in text by a short title in quotation marks; the
  translator follows the title as "(C. Lu, Trans.)".
Paragraph citations carry the paragraph number and the paragraph's address.
"""
from __future__ import annotations

import re

import pytest

from build_scripts.cite.citations import cite_edition
from build_scripts.cite.items import document_item
from build_scripts.model.load import load_model

MODEL = load_model()
CITED = cite_edition(MODEL)
EDITION_YEAR = MODEL.edition.version_date[:4]
CABLE = next(d for d in MODEL.documents if d.doctype == "edn:dt-cable")
MINUTES = next(d for d in MODEL.documents if d.doctype == "edn:dt-minutes")


def plain(html: str) -> str:
    text = re.sub(r"<[^>]+>", "", html)
    return " ".join(text.replace("&#38;", "&").replace("&amp;", "&").split())


def formatted(document, style: str) -> tuple[str, str]:
    result = CITED.documents[document.slug].document[style]
    return plain(result.citation), plain(result.bibliography)


def doc_year(document) -> str:
    return document.date[:4]


@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
def test_every_style_gives_the_published_address_archive_and_version(document):
    url = MODEL.edition.published(document.page_path)
    for style in ("chicago", "mla", "apa"):
        note, entry = formatted(document, style)
        assert url in entry, style
        assert "Wilson Center Digital Archive" in entry, f"{style}: the source of the translation is missing"
        assert MODEL.edition.version in entry, f"{style}: the edition's version is missing"
        assert "Crossing the Border, 1961–1962" in entry, f"{style}: the edition (container) is missing"
        if document.archive_reference.recorded:
            assert document.archive_reference.text in entry, f"{style}: the archival reference is missing"


@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
def test_chicago_dates_the_document_as_the_original_and_the_edition_by_its_year(document):
    note, bibliography = formatted(document, "chicago")
    publisher = MODEL.edition.publisher
    for text in (note, bibliography):
        assert f"{publisher}, {EDITION_YEAR}" in text, "the edition's publisher is followed by its own year"
        assert not re.search(rf"{re.escape(publisher)}, (\w+ \d+, )?{doc_year(document)}", text), \
            "the document's date stands in the publication slot"
        assert doc_year(document) in text.split(publisher)[0], "the document's own date comes before the publisher"


def test_chicago_lists_an_anonymous_translation_by_its_title_and_credits_the_translator():
    note, bibliography = formatted(MINUTES, "chicago")
    assert note.startswith("“Transcript of a Meeting between") and bibliography.startswith("“Transcript of a Meeting")
    assert "trans. Caixia Lu" in note and "translated by Caixia Lu" in bibliography
    cable_note, _ = formatted(CABLE, "chicago")
    assert cable_note.startswith("Ministry of Foreign Affairs and Ministry of Public Security, “On the Negotiations")


def test_mla_begins_with_the_author_or_the_title_never_the_translator():
    in_text, works_cited = formatted(MINUTES, "mla")
    assert in_text == "(“Transcript of a Meeting”)", in_text
    assert works_cited.startswith("“Transcript of a Meeting between")
    assert "translated by Caixia Lu" in works_cited and not works_cited.startswith("Lu")
    assert "“Transcript of a Meeting between Vice Minister Ji Pengfei and the Ambassador of the Soviet Union to " \
           "China Stepan V. Chervonenko.” 26 June 1962." in works_cited, "the original date follows the title"
    assert f"{MODEL.edition.publisher}, {EDITION_YEAR}" in works_cited
    cable_in_text, cable_entry = formatted(CABLE, "mla")
    assert cable_in_text == "(Ministry of Foreign Affairs and Ministry of Public Security)"
    assert cable_entry.startswith("Ministry of Foreign Affairs and Ministry of Public Security. “On the Negotiations")


def test_apa_dates_a_republished_translation_and_cites_a_short_title_in_text():
    in_text, reference = formatted(MINUTES, "apa")
    assert in_text == f"(“Transcript of a Meeting,” 1962/{EDITION_YEAR})", in_text
    assert reference.startswith("Transcript of a Meeting between") and "(C. Lu, Trans.)" in reference
    assert f"({EDITION_YEAR})." in reference and reference.endswith("(Original work published 1962)")
    cable_in_text, cable_reference = formatted(CABLE, "apa")
    assert cable_in_text == f"(Ministry of Foreign Affairs & Ministry of Public Security, 1961/{EDITION_YEAR})"
    assert cable_reference.endswith("(Original work published 1961)")


@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
def test_paragraph_citations_carry_the_number_and_the_paragraph_address(document):
    paragraphs = CITED.documents[document.slug].paragraphs
    assert paragraphs, "every numbered paragraph has its citations"
    for paragraph_id, styles in paragraphs.items():
        number = document.element(paragraph_id).get("n")
        chicago, mla, apa = (plain(styles[s].citation) for s in ("chicago", "mla", "apa"))
        assert f"para. {number}," in chicago and MODEL.edition.published(document.page_path, paragraph_id) in chicago
        assert mla.endswith(f"par. {number})") and apa.endswith(f"para. {number})")


def test_the_item_models_the_document_as_a_translation_published_in_the_edition():
    item = document_item(MODEL, MINUTES)
    assert item["type"] == "chapter" and item["container-title"] == MODEL.edition.full_title
    assert item["original-date"] == {"date-parts": [[1962, 6, 26]]}
    assert item["issued"]["date-parts"][0][0] == int(EDITION_YEAR)
    assert item["translator"] == [{"family": "Lu", "given": "Caixia"}]
    assert item["archive"] == "Wilson Center Digital Archive"
    assert item["archive_location"] == "PRC FMA 118-01765-04, pp. 45–49"
    assert item["title-short"] == "Transcript of a Meeting" and "author" not in item


@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
def test_every_paragraph_citation_equals_citeproc_js(document):
    """The paragraphs are formatted from one template per document; each must
    still equal what citeproc-js makes of the paragraph's own item."""
    from citeproc_reference import references

    from build_scripts.cite.items import citable_paragraphs, paragraph_item
    from build_scripts.cite.styles import STYLES

    paragraphs = citable_paragraphs(document)
    expected_by_style = references([(paragraph_item(MODEL, document, p), p.get("n")) for p in paragraphs])
    for style in STYLES:
        for paragraph, reference in zip(paragraphs, expected_by_style[style.key], strict=True):
            made = CITED.documents[document.slug].paragraphs[paragraph.get("{http://www.w3.org/XML/1998/namespace}id")]
            assert plain(made[style.key].citation) == " ".join(reference["citation"].split()), style.key
            assert plain(made[style.key].bibliography) == " ".join(reference["bibliography"].split()), style.key
