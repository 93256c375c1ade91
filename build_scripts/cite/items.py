"""CSL-JSON items for a document, one of its paragraphs, and the edition.

A document is cited as a translated archival document published in this
edition (CSL type `chapter`):
- `title` is the document's title, `title-short` the few words that stand
  for it in in-text citations (MLA, APA);
- its senders (for a cable) are the authors and its addressees the
  recipients; minutes have no author, so they are cited by title;
- the document's own date is `original-date`, and the edition's version
  date is `issued`: the date of the publication being cited;
- the edition is the container (`container-title`, `version`), its editors
  as a body the publisher, and its published address the `URL`;
- the translator is `translator`;
- the Wilson Center Digital Archive, whose translation this is, is the
  `archive`, and the reference of the Chinese original, as the archive's
  own citation gives it (for example "PRC FMA 118-01765-04, pp. 45–49"),
  the `archive_location`.
A paragraph is the same item with the paragraph's own address; its number
is the locator. While the edition is a preview, `note` says so.
"""
from __future__ import annotations

from lxml import etree

from ..model.address import PREVIEW_NOTICE
from ..model.documents import Document
from ..model.load import EditionModel
from ..tei.parser import NS, XML_ID

TRANSLATION_ARCHIVE = "Wilson Center Digital Archive"
# The number and address of the template paragraph (citations.py).
SENTINEL_NUMBER = "918273"
SENTINEL_ID = "zzparagraphzz"


def document_url(model: EditionModel, document: Document) -> str:
    return model.edition.published(document.page_path)


def date_parts(iso: str) -> dict:
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


def archive_location(model: EditionModel, document: Document) -> str | None:
    """The original's archival reference as the Wilson Center cites it: the
    repository's short name (its register entry's headword), reference, pages."""
    if not document.archive_reference.recorded:
        return None
    location = document.archive_reference.text
    repository = model.registers.entries.get(document.repository_ref or "")
    if repository is not None:
        location = f"{repository.name} {location}"
    if document.pages.recorded:
        location += f", pp. {document.pages.text.replace('-', '–')}"
    return location


def document_item(model: EditionModel, document: Document) -> dict:
    edition = model.edition
    item: dict = {
        "id": document.key,
        "type": "chapter",
        "title": document.title,
        "title-short": document.citation_title,
        "original-date": date_parts(document.date),
        "issued": date_parts(edition.version_date),
        "container-title": edition.full_title,
        "publisher": edition.publisher,
        "version": edition.version,
        "archive": TRANSLATION_ARCHIVE,
        "URL": document_url(model, document),
        "language": "en",
    }
    if document.senders:
        item["author"] = [{"literal": party.name} for party in document.senders]
    if document.addressees:
        item["recipient"] = [{"literal": party.name} for party in document.addressees]
    if document.translator.recorded:
        item["translator"] = [_person_name(model, document.translator_ref, document.translator.text)]
    location = archive_location(model, document)
    if location:
        item["archive_location"] = location
    if edition.is_preview:
        item["note"] = PREVIEW_NOTICE
    return item


def citable_paragraphs(document: Document) -> list[etree._Element]:
    """Numbered paragraphs of the text, which can be cited by number."""
    return document.text.findall("tei:body//tei:p[@n]", NS)


def paragraph_item(model: EditionModel, document: Document, paragraph: etree._Element | None) -> dict:
    """The item of a paragraph (None: a template with a sentinel address, see citations.py)."""
    paragraph_id = paragraph.get(XML_ID) if paragraph is not None else SENTINEL_ID
    item = document_item(model, document)
    item["id"] = paragraph_id if paragraph is not None else f"{document.key}-paragraph"
    item["URL"] = model.edition.published(document.page_path, paragraph_id)
    return item


def edition_item(model: EditionModel) -> dict:
    """The edition as a whole, for its title page and its "how to cite"."""
    edition = model.edition
    item = {
        "id": "edition",
        "type": "book",
        "title": edition.full_title,
        "title-short": edition.title,
        "publisher": edition.publisher,
        "version": edition.version,
        "issued": date_parts(edition.version_date),
        "URL": edition.url,
        "language": "en",
    }
    if edition.is_preview:
        item["note"] = PREVIEW_NOTICE
    return item
