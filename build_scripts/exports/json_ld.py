"""schema.org descriptions (JSON-LD) of the documents, persons and places,
for the page heads: search engines and linked-data harvesters read who, what,
when and where without scraping the page.

Types chosen:
- A document is the English translation the edition presents, an item of the
  Wilson Center Digital Archive: an ArchiveComponent (a CreativeWork held by
  an archive, so translator, dateCreated, isPartOf and translationOfWork all
  apply), whose holdingArchive is that archive. Its Chinese original, held by
  the foreign ministry's archive where the header says so, is a second
  ArchiveComponent given as translationOfWork. A cable is also a Message,
  schema.org's type for a communication with a sender and recipients.
- The edition is a Collection (a CreativeWork that gathers items, with a
  version), not a Book, which schema.org means for a book's publication.
- Persons and places are Person and Place; sameAs holds only identifiers in
  authority files, never the edition's own pages.
"""
from __future__ import annotations

from ..model.documents import Document, Field
from ..model.load import EditionModel
from ..model.registers import Entry
from ..tei.parser import NS
from .references import authority_uris, entry_url, translation_publisher

CONTEXT = "https://schema.org"
MESSAGE_TYPES = ("edn:dt-cable",)
AGENT_TYPES = {"person": "Person", "org": "Organization"}


def edition_node(model: EditionModel) -> dict:
    edition = model.edition
    return {"@type": "Collection", "@id": edition.url, "name": edition.full_title, "version": edition.version,
            "url": edition.url, "datePublished": edition.version_date, "license": edition.licence_url,
            "publisher": {"@type": "Organization", "name": edition.publisher}}


def _agent(model: EditionModel, name: str, ref: str | None, tag: str = "") -> dict:
    """A person or organisation: typed and linked by its register entry when it has one."""
    entry = model.registers.entries.get((ref or "").removeprefix("reg:"))
    node: dict = {"name": name}
    kind = entry.kind if entry is not None else {"persName": "person", "orgName": "org"}.get(tag)
    if kind in AGENT_TYPES:
        node["@type"] = AGENT_TYPES[kind]
    if entry is not None and entry.kind in AGENT_TYPES:
        node["url"] = entry_url(model.edition, entry)
        if authority_uris(entry):
            node["sameAs"] = authority_uris(entry)
    return node


def _translator(model: EditionModel, document: Document) -> dict | None:
    if not document.translator.recorded:
        return None
    found = document.tei.root.xpath("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='transcription']/"
                                    "tei:respStmt[tei:resp/@key='trl']/*[not(self::tei:resp)]", namespaces=NS)
    tag = found[0].tag.split("}")[-1] if found else ""
    return _agent(model, document.translator.text, document.translator_ref, tag)


def _original(document: Document) -> dict:
    language = document.tei.root.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='transcription']/"
                                      "tei:textLang", NS)
    node: dict = {"@type": "ArchiveComponent", "inLanguage": (language.get("mainLang") if language is not None
                                                              else None) or "zh", "dateCreated": document.date}
    if document.repository.recorded:
        node["holdingArchive"] = {"@type": "ArchiveOrganization", "name": document.repository.text}
    if document.archive_reference.recorded:
        node["identifier"] = document.archive_reference.text
    return node


def _recorded(value: Field) -> str | None:
    return value.text if value.recorded else None


def document_json_ld(model: EditionModel, document: Document) -> dict:
    edition = model.edition
    url = edition.published(document.page_path)
    is_message = document.doctype in MESSAGE_TYPES
    data: dict = {
        "@context": CONTEXT,
        "@type": ["ArchiveComponent", "Message"] if is_message else "ArchiveComponent",
        "@id": url,
        "url": url,
        "name": document.title,
        "alternateName": document.short_title,
        "dateCreated": document.date,
        "inLanguage": "en",
        "genre": edition.doctype(document.doctype).label,
        "holdingArchive": {"@type": "ArchiveOrganization", "name": translation_publisher(document)},
        "translationOfWork": _original(document),
        "isPartOf": edition_node(model),
    }
    optional = {"description": _recorded(document.summary), "isBasedOn": _recorded(document.url),
                "translator": _translator(model, document)}
    data.update({key: value for key, value in optional.items() if value})
    if is_message:
        data["sender"] = [_agent(model, p.name, p.ref) for p in document.senders]
        data["recipient"] = [_agent(model, p.name, p.ref) for p in document.addressees]
    return data


def entry_json_ld(model: EditionModel, entry: Entry) -> dict | None:
    """A person's or place's description; None for other kinds of entry."""
    if entry.kind not in ("person", "place"):
        return None
    url = entry_url(model.edition, entry)
    # no @id: the page's address names the page about the person, not the person
    data: dict = {"@context": CONTEXT, "@type": "Person" if entry.kind == "person" else "Place", "url": url,
                  "name": entry.name, "description": entry.description_text}
    if entry.variants:
        data["alternateName"] = [name.text for name in entry.variants]
    if authority_uris(entry):
        data["sameAs"] = authority_uris(entry)
    for tag, key in (("birth", "birthDate"), ("death", "deathDate")):
        life = entry.element.find(f"tei:{tag}", NS)
        if entry.kind == "person" and life is not None and life.get("when"):
            data[key] = life.get("when")
    if entry.location is not None:
        # The point may stand for the place (a capital for a state): the description says which.
        data["geo"] = {"@type": "GeoCoordinates", "latitude": entry.location.lat, "longitude": entry.location.lon,
                       "description": entry.location.kind_label}
    return data
