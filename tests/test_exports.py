"""The BibTeX, RIS and CSL-JSON downloads, read back by independent parsers
(bibtexparser for BibLaTeX, rispy for RIS): every field the CSL-JSON item
has reaches the reference manager, and no RIS line is wrapped."""
from __future__ import annotations

import json
import re

import pytest
import rispy
from bibtex_reading import read_bibtex

from build_scripts.model.load import load_model

MODEL = load_model()
RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")


def downloads(built_site, document) -> tuple[dict, str, str]:
    folder = built_site.site / "cite"
    item = json.loads((folder / f"{document.slug}.json").read_text(encoding="utf-8"))[0]
    return (item, (folder / f"{document.slug}.bib").read_text(encoding="utf-8"),
            (folder / f"{document.slug}.ris").read_text(encoding="utf-8"))


def ris_date(parts: dict) -> str:
    return "/".join(f"{n:02d}" for n in parts["date-parts"][0])


def iso(parts: dict) -> str:
    return "-".join(f"{n:02d}" for n in parts["date-parts"][0])


def names(people: list[dict]) -> list[str]:
    return [p["literal"] if "literal" in p else f"{p['family']}, {p['given']}" for p in people]


@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
def test_ris_reads_back_with_every_field(built_site, document):
    item, _, text = downloads(built_site, document)
    for line in text.splitlines():
        assert not line or RIS_LINE.match(line), f"a wrapped or stray RIS line: {line!r}"
    [entry] = rispy.loads(text)
    assert entry["type_of_reference"] == "CHAP"
    assert entry["title"] == item["title"] and entry["short_title"] == item["title-short"]
    assert entry["secondary_title"] == item["container-title"]
    assert entry["urls"] == [item["URL"]]
    assert entry["year"] == str(item["issued"]["date-parts"][0][0])
    assert entry["date"].rstrip("/") == ris_date(item["issued"])
    assert entry["original_publication"].rstrip("/") == ris_date(item["original-date"])
    assert entry["edition"] == f"Version {item['version']}"
    assert entry["name_of_database"] == item["archive"] and entry["language"] == item["language"]
    assert entry.get("accession_number") == item.get("archive_location")
    assert entry.get("authors", []) == names(item.get("author", []))
    assert entry.get("subsidiary_authors", []) == names(item.get("translator", []))  # A4: the translator
    assert entry["publisher"] == item["publisher"]


@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
def test_biblatex_reads_back_with_every_field(built_site, document):
    item, text, _ = downloads(built_site, document)
    library = read_bibtex(text)
    assert not library.failed_blocks
    [entry] = library.entries
    fields = {field.key: field.value for field in entry.fields}
    assert entry.entry_type == "inbook"
    assert fields["title"] == item["title"] and fields["booktitle"] == item["container-title"]
    assert fields["url"] == item["URL"] and fields["version"] == item["version"]
    assert fields["date"] == iso(item["issued"]) and fields["year"] == str(item["issued"]["date-parts"][0][0])
    assert fields["origdate"] == iso(item["original-date"])
    assert fields["library"] == ", ".join(filter(None, [item["archive"], item.get("archive_location")]))
    assert fields.get("translator", "") == " and ".join(names(item.get("translator", [])))
    assert fields["language"] == item["language"] and fields["publisher"] == item["publisher"]
    assert "month" not in fields, "a BibTeX month holds a month only"
    comments = " ".join(c.comment for c in library.comments)
    assert "BibLaTeX fields that plain BibTeX lacks" in comments


def test_csl_json_item_is_what_the_page_cites(built_site):
    for document in MODEL.documents:
        item, _, _ = downloads(built_site, document)
        assert item["URL"] == MODEL.edition.published(document.page_path)
        assert item["original-date"]["date-parts"][0][0] == document.year
        assert item["version"] == MODEL.edition.version
