"""Where each register entry is mentioned: document and citable unit
(paragraph, heading, address line...), for back-links and who's-who panels."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from lxml import etree

from ..tei.parser import NS, TEI_NS, XML_ID
from .documents import Document
from .text import is_apparatus, normalise_space

# Elements with ids that hold citable units rather than being one.
_CONTAINERS = {"stage", "list", "div", "sp", "opener", "closer", "body", "pb"}
MENTION_TAGS = {f"{{{TEI_NS}}}{name}" for name in ("persName", "placeName", "orgName", "term", "rs")}
_UNIT_LABELS = {
    "p": lambda e: "paragraph",
    "head": lambda e: "subtitle" if e.get("type") == "sub" else "title",
    "salute": lambda e: "address",
    "signed": lambda e: "signature",
    "dateline": lambda e: "date line",
    "seg": lambda e: {"destination": "destination line", "precedence": "precedence line"}.get(e.get("type"), "line"),
    "note": lambda e: "note in the original",
    "ab": lambda e: "omission",
}


@dataclass(frozen=True)
class Occurrence:
    document: Document
    unit_id: str
    label: str
    count: int


def unit_of(element: etree._Element) -> etree._Element | None:
    """The nearest enclosing element that carries a citable id."""
    for ancestor in element.iterancestors():
        name = etree.QName(ancestor).localname
        if name == "text":
            return None
        if name == "speaker":  # the label is shown at the start of the turn's first paragraph
            return ancestor.getparent().find("tei:p", NS)
        if not ancestor.get(XML_ID) or name in _CONTAINERS:
            continue
        if name == "seg" and ancestor.get("type") not in ("destination", "precedence"):
            continue
        return ancestor
    return None


def unit_label(unit: etree._Element) -> str:
    name = etree.QName(unit).localname
    if name == "p" and unit.get("n"):
        return f"¶ {unit.get('n')}"
    if name == "item":
        label = unit.getprevious()
        return normalise_space(label.text or "").rstrip(":") if label is not None else "list item"
    return _UNIT_LABELS.get(name, lambda e: name)(unit)


def transcription_mentions(document: Document):
    """(entry id, mention element) for every mention in the transcription."""
    for element in document.text.iter(*MENTION_TAGS):
        if any(is_apparatus(a) for a in element.iterancestors()):
            continue
        for ref in (element.get("ref") or "").split():
            if ref.startswith("reg:"):
                yield ref.removeprefix("reg:"), element


def index_occurrences(documents: list[Document]) -> dict[str, list[Occurrence]]:
    found: dict[str, list[Occurrence]] = defaultdict(list)
    for document in documents:
        counts: dict[tuple[str, str], int] = defaultdict(int)
        units: dict[tuple[str, str], etree._Element] = {}
        for entry_id, element in transcription_mentions(document):
            unit = unit_of(element)
            if unit is None:
                continue
            key = (entry_id, unit.get(XML_ID))
            counts[key] += 1
            units[key] = unit
        for (entry_id, unit_id), count in counts.items():
            found[entry_id].append(Occurrence(document, unit_id, unit_label(units[(entry_id, unit_id)]), count))
    return dict(found)


def entries_in(document: Document) -> list[str]:
    """Entry ids mentioned in a document, in order of first mention."""
    seen: dict[str, None] = {}
    for entry_id, _ in transcription_mentions(document):
        seen.setdefault(entry_id, None)
    return list(seen)
