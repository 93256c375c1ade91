"""What the data files say about an entry beyond its own fields: its
published page, the bibliography entries its pointers name, and the
authority identifiers (if the TEI records any) that other datasets share."""
from __future__ import annotations

from lxml import etree

from ..markdown import links
from ..model.documents import Document
from ..model.edition import Edition
from ..model.registers import Entry
from ..model.text import normalise_space
from ..tei.parser import NS


def entry_url(edition: Edition, entry: Entry) -> str:
    return edition.published(links.entry_page(entry))


def source_id(pointer: str) -> str:
    return pointer.removeprefix("edn:").removeprefix("#")


def source_title(edition: Edition, pointer: str) -> str:
    """The cited work's title (or the bibliography's short label when it has none)."""
    source = edition.sources.get(source_id(pointer))
    if source is None:
        return ""
    title = source.element.find("tei:title", NS)
    if title is not None:
        return normalise_space("".join(title.itertext()))
    return source.element.get("n") or source.text


def sources(edition: Edition, pointers: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"id": source_id(p), "title": source_title(edition, p)} for p in pointers]


def authority_idnos(entry: Entry) -> list[etree._Element]:
    """The entry's identifiers in authority files (GND, VIAF, Wikidata,
    GeoNames...), recorded as idno elements holding an http(s) URI."""
    return [idno for idno in entry.element.iterfind("tei:idno", NS)
            if normalise_space(idno.text or "").startswith(("https://", "http://"))]


def authority_uris(entry: Entry) -> list[str]:
    """Their URIs; without any, nothing claims to be the same thing elsewhere."""
    return [normalise_space(idno.text or "") for idno in authority_idnos(entry)]


def translation_publisher(document: Document) -> str:
    """Who published the English translation the edition transcribes."""
    found = document.tei.root.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='transcription']/"
                                   "tei:distributor", NS)
    return normalise_space("".join(found.itertext())) if found is not None else "Wilson Center Digital Archive"
