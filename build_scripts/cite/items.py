"""CSL-JSON items for a document and for one of its paragraphs.

A document is modelled as a `manuscript`: its senders (for a cable) are the
authors, its addressees the recipients, the translator a translator; the
archive and its reference are `archive` and `archive_location`; the edition
is the container, with its publisher, version and permanent URL. A paragraph
is the same item with the paragraph's own URL; its number is the locator."""
from __future__ import annotations

from lxml import etree

from ..model.documents import Document
from ..model.load import EditionModel
from ..tei.parser import NS, XML_ID


def document_url(model: EditionModel, document: Document) -> str:
    return f"{model.edition.url.rstrip('/')}/documents/{document.slug}/"


def _date_parts(iso: str) -> dict:
    return {"date-parts": [[int(part) for part in iso[:10].split("-")]]}


def _person_name(model: EditionModel, entry_id: str | None, fallback: str) -> dict:
    """A structured name from the register (forename, surname) or the text as printed."""
    entry = model.registers.entries.get(entry_id or "")
    if entry is not None:
        main = entry.element.find("tei:persName[@type='main']", NS)
        surname, forename = main.findtext("tei:surname", namespaces=NS), main.findtext("tei:forename", namespaces=NS)
        if surname:
            return {"family": surname, "given": forename or ""}
    return {"literal": fallback}


def document_item(model: EditionModel, document: Document) -> dict:
    edition = model.edition
    item = {
        "id": document.key,
        "type": "manuscript",
        "title": document.title,
        "genre": edition.doctypes[document.doctype.removeprefix("edn:")].label,
        "issued": _date_parts(document.date),
        "container-title": edition.full_title,
        "publisher": edition.publisher,
        "version": edition.version,
        "URL": document_url(model, document),
        "language": "en",
    }
    if document.senders:
        item["author"] = [{"literal": party.name} for party in document.senders]
    if document.addressees:
        item["recipient"] = [{"literal": party.name} for party in document.addressees]
    if document.translator.recorded:
        item["translator"] = [_person_name(model, document.translator_ref, document.translator.text)]
    if document.repository.recorded:
        item["archive"] = document.repository.text
    if document.archive_reference.recorded:
        location = document.archive_reference.text
        if document.pages.recorded:
            location += f", pp. {document.pages.text.replace('-', '–')}"
        item["archive_location"] = location
    return item


def citable_paragraphs(document: Document) -> list[etree._Element]:
    """Numbered paragraphs of the text, which can be cited by number."""
    return document.text.findall("tei:body//tei:p[@n]", NS)


def paragraph_item(model: EditionModel, document: Document, paragraph: etree._Element) -> dict:
    item = document_item(model, document)
    item["id"] = paragraph.get(XML_ID)
    item["URL"] += f"#{paragraph.get(XML_ID)}"
    return item


def edition_item(model: EditionModel) -> dict:
    """The edition as a whole, for its title page and its "how to cite"."""
    edition = model.edition
    return {
        "id": "edition",
        "type": "book",
        "title": edition.full_title,
        "genre": edition.description[0].upper() + edition.description[1:],
        "editor": [{"literal": edition.publisher}],
        "publisher": edition.publisher,
        "version": edition.version,
        "issued": _date_parts(edition.version_date),
        "URL": edition.url,
        "language": "en",
    }
