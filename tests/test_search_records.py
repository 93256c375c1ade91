"""What the search indexes, read from the built site: which pages, cut into
which passages, with which anchors, text, hidden names and filters; and
that the online (Pagefind) and offline (in-page) indexes hold the same."""
from __future__ import annotations

import json
import re
import zipfile

import pytest
from lxml import html

from build_scripts.markdown import links
from build_scripts.markdown.edition_structure import EDITION_PAGES
from build_scripts.model.load import load_model
from build_scripts.model.text import transcription_text
from build_scripts.search.offline_index import INDEX_FILE
from build_scripts.search.pagefind_index import BUNDLE, UNUSED, record_html
from build_scripts.search.records import HIDDEN_CLOSE, HIDDEN_OPEN, Record, Unit
from build_scripts.search.words import normalise
from build_scripts.stages.search import site_records
from build_scripts.tei.parser import NS, XML_ID

MODEL = load_model()


@pytest.fixture(scope="module")
def records(built_site) -> dict[str, Record]:
    return {record.url: record for record in site_records(built_site.site)}


def _online(path: str) -> str:
    """The built file of a page source path ("documents/x.md" -> "documents/x/index.html")."""
    stem = path.removesuffix(".md")
    return "index.html" if stem == "index" else re.sub(r"(^|/)index$", r"\1", stem).rstrip("/") + "/index.html"


def _visible(unit: Unit) -> list[str]:
    shown, hidden = [], False
    for word in unit.words:
        if word == HIDDEN_OPEN:
            hidden = True
        elif word == HIDDEN_CLOSE:
            hidden = False
        elif not hidden:
            shown.append(word)
    return shown


def _hidden(unit: Unit) -> set[str]:
    return {w for word in set(unit.words) - set(_visible(unit)) for w in normalise(word)}


def test_the_searched_pages_are_the_documents_entries_and_edition_texts(records):
    expected = {_online(d.page_path) for d in MODEL.documents}
    expected |= {f"{e.folder}/{e.slug}/index.html" for e in MODEL.registers.entries.values()}
    expected |= {_online(p.path) for p in EDITION_PAGES if p.searched}
    assert set(records) == expected
    for listing in ("index.html", "documents/index.html", "map/index.html", "persons/index.html", "404.html",
                    *(f"documents/{year}/index.html" for year in MODEL.years())):
        assert listing not in records, f"{listing} only lists other pages"


def test_every_passage_links_to_an_anchor_of_its_page(built_site, records):
    for url, record in records.items():
        ids = set(html.parse(str(built_site.site / url)).xpath("//@id"))
        missing = [unit.anchor for unit in record.units if unit.anchor not in ids]
        assert not missing, f"{url}: {missing}"


def test_paragraphs_are_searched_as_printed_without_note_or_paragraph_numbers(records):
    checked = 0
    for document in MODEL.documents:
        units = {u.anchor: u for u in records[_online(document.page_path)].units}
        for paragraph in document.text.xpath(".//tei:body//tei:p[@xml:id][@n]", namespaces=NS):
            if paragraph.find(".//tei:choice", NS) is not None or paragraph.find(".//tei:note", NS) is not None:
                continue   # a correction adds its words; a note is its own passage
            unit = units[paragraph.get(XML_ID)]
            speaker = paragraph.xpath("preceding-sibling::tei:speaker", namespaces=NS)   # shown in the paragraph
            printed = "".join(transcription_text(e) for e in [*speaker, paragraph])
            assert normalise(" ".join(_visible(unit))) == normalise(printed), unit.anchor
            assert unit.kind == "text" and unit.label == f"¶ {paragraph.get('n')}"
            checked += 1
    assert checked >= 15


def test_a_note_call_leaves_no_number_in_the_text(records):
    minutes = next(d for d in MODEL.documents if d.doctype == "edn:dt-minutes")
    record = records[_online(minutes.page_path)]
    called = [u for u in record.units if u.kind == "text" and any(w.rstrip(".,;:").endswith("measure") for w in u.words)]
    assert called, "the paragraph with the note call on 'measure'"
    for unit in record.units:
        assert not any(re.search(r"[a-z]\d+$", w) for w in _visible(unit) if not w.endswith(".xml")), unit.anchor
    notes = [u for u in record.units if u.kind == "note" and u.label != "Headnote"]
    assert notes and [u.label for u in notes] == [f"Note {i}" for i in range(1, len(notes) + 1)]


def test_every_mention_carries_all_the_names_of_its_entry(built_site, records):
    """Any form of a name (pinyin, Wade-Giles, characters, Russian) finds the passage that mentions it."""
    checked = 0
    for document in MODEL.documents:
        url = _online(document.page_path)
        page = html.parse(str(built_site.site / url))
        units = {u.anchor: u for u in records[url].units}
        for mention in page.xpath("//div[contains(@class, 'tei-text')]//a[contains(@class, 'mention')][@data-entry]"):
            owner = next((a.get("id") for a in mention.iterancestors() if a.get("id") in units), None)
            assert owner, f"{url}: a mention outside every passage"
            entry = MODEL.registers[mention.get("data-entry")]
            words = {w for name in entry.names for w in normalise(name.text)}
            present = _hidden(units[owner]) | set(normalise(" ".join(_visible(units[owner]))))
            assert words <= present, f"{owner}: {entry.id} lacks {words - present}"
            checked += 1
    assert checked > 50


def test_document_records_carry_the_filters(records):
    for document in MODEL.documents:
        record = records[_online(document.page_path)]
        doctype = MODEL.edition.doctypes[document.doctype.removeprefix("edn:")].label
        assert record.filters == {"kind": ["apparatus", "note", "text"], "year": [str(document.year)],
                                  "type": [doctype], "document": [document.short_title]}
        assert record.meta["date"] == document.date and record.meta["date_label"] == document.date_label
    chervonenko = records["persons/chervonenko/index.html"]
    assert chervonenko.filters == {"kind": ["register"], "register": ["Persons"]}


def test_both_engines_index_the_same_passages(built_site, records):
    with zipfile.ZipFile(built_site.site / links.offline_zip()) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(INDEX_FILE)]
        script = archive.read(name).decode("utf-8")
    offline = json.loads(script.removeprefix("window.editionSearchIndex = ").rstrip().rstrip(";"))["records"]
    assert len(offline) == len(records)
    online = sorted((r.meta["title"], [(u.anchor, u.kind, u.label) for u in r.units],
                      " ".join(w for u in r.units for w in u.words)) for r in records.values())
    from_disk = sorted((r["meta"]["title"], [tuple(u) for u in r["meta"]["units"]], r["content"]) for r in offline)
    assert online == from_disk


def test_the_pagefind_bundle_is_made_and_holds_only_what_the_page_loads(built_site):
    bundle = built_site.site / BUNDLE
    for needed in ("pagefind.js", "pagefind-entry.json", "wasm.en.pagefind"):
        assert (bundle / needed).is_file(), needed
    assert any((bundle / "fragment").iterdir()) and any((bundle / "index").iterdir())
    assert not [name for name in UNUSED if (bundle / name).exists()]
    assert list((built_site.site / "search" / "words").glob("*.json")), "the words for 'did you mean'"


def test_text_reaches_the_index_as_text():
    record = Record("documents/x/index.html", '<img src=x onerror="alert(1)">', {"page": "edition", "title": "t"},
                    [Unit("a\" onmouseover=\"x", "text", "¶ 1", ["<script>alert(1)</script>", "&amp;"])])
    page = html.fromstring(record_html(record))
    assert not page.xpath("//img | //script"), "markup in the text stays text"
    assert page.xpath("//title")[0].text == '<img src=x onerror="alert(1)">'
    assert page.xpath("//main//span/@id") == ['a" onmouseover="x']
    assert "<script>alert(1)</script> &amp;" in page.xpath("string(//main)")
