"""A CMIF file (the Correspondence Metadata Interchange Format that
correspSearch harvests) of the edition's letters: one correspDesc per cable,
with who sent it to whom, from where and when, pointing to its page."""
from __future__ import annotations

from lxml import etree

from ..model.address import PREVIEW_NOTICE
from ..model.documents import Document
from ..model.load import EditionModel
from ..model.text import normalise_space
from ..tei.parser import NS, TEI_NS, XML_ID
from . import locations
from .references import authority_uris

CORRESPONDENCE = ("edn:dt-cable",)   # the document types that are letters between two parties
DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
SOURCE_ID = "edition"


def _el(parent: etree._Element | None, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    name = f"{{{TEI_NS}}}{tag}"
    element = etree.Element(name, nsmap={None: TEI_NS}) if parent is None else etree.SubElement(parent, name)
    for key, value in attributes.items():
        element.set(XML_ID if key == "xml_id" else key, value)
    element.text = text
    return element


def letters(model: EditionModel) -> list[Document]:
    return [d for d in model.documents if d.doctype in CORRESPONDENCE]


def _action(model: EditionModel, parent: etree._Element, document: Document, action_type: str) -> None:
    source = document.tei.root.find(f"tei:teiHeader/tei:profileDesc/tei:correspDesc/"
                                    f"tei:correspAction[@type='{action_type}']", NS)
    action = _el(parent, "correspAction", type=action_type)
    parts = list(source) if source is not None else []
    for element in parts:
        tag = etree.QName(element).localname
        if tag not in ("persName", "orgName", "placeName"):
            continue
        entry = model.registers.entries.get((element.get("ref") or element.get("sameAs") or "").removeprefix("reg:"))
        authority = authority_uris(entry) if entry is not None else []
        named = _el(action, tag, normalise_space("".join(element.itertext())))
        if authority:  # CMIF's @ref names an authority record; the edition's own page is not one
            named.set("ref", authority[0])
    date = next((e for e in parts if etree.QName(e).localname == "date"), None)
    if action_type == "sent":  # a letter's date is its sending; the document's date if the header gives none
        attributes = {a: date.get(a) for a in DATE_ATTRIBUTES if date is not None and date.get(a)}
        _el(action, "date", **(attributes or {"when": document.date}))
    elif date is not None:
        _el(action, "date", **{a: date.get(a) for a in DATE_ATTRIBUTES if date.get(a)})


def cmif(model: EditionModel) -> bytes:
    edition = model.edition
    root = _el(None, "TEI")
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", f"Letters in {edition.full_title}: correspondence metadata (CMIF)")
    _el(title_stmt, "editor", edition.publisher)
    publication = _el(file_desc, "publicationStmt")
    publisher = _el(publication, "publisher")
    _el(publisher, "ref", edition.publisher, target=edition.url)
    _el(publication, "idno", edition.published(locations.CMIF), type="url")
    _el(publication, "date", when=edition.version_date)
    availability = _el(publication, "availability")
    _el(availability, "licence", "This file is published under the Creative Commons Attribution 4.0 International "
                                 "licence (CC BY 4.0).", target=edition.licence_url)
    if edition.is_preview:
        notes = _el(file_desc, "notesStmt")
        _el(notes, "note", PREVIEW_NOTICE)
    source_desc = _el(file_desc, "sourceDesc")
    bibl = _el(source_desc, "bibl", f"{edition.full_title}, version {edition.version}, {edition.publisher}. ",
               type="online", xml_id=SOURCE_ID)
    _el(bibl, "ref", edition.url, target=edition.url)
    profile = _el(header, "profileDesc")
    for document in letters(model):
        described = _el(profile, "correspDesc", ref=edition.published(document.page_path), source=f"#{SOURCE_ID}")
        _action(model, described, document, "sent")
        _action(model, described, document, "received")
    body = _el(_el(root, "text"), "body")
    _el(body, "p")   # CMIF carries its data in the header; the body stays empty
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
