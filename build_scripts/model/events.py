"""The timeline's events: the dated events of edition.xml's listEvent, each
with its sources and the places where the edition states it, merged with
the edition's documents (a document without an event of its own gets one
from its header, so that a new document is never missing from the timeline)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..tei.crossfile import parse_date
from ..tei.parser import NS, XML_ID
from ..tei.pointers import prefix_definitions, resolve
from . import dates
from .documents import Document
from .load import EditionModel
from .registers import Entry
from .text import normalise_space

EN_DASH = "\u2013"


@dataclass(frozen=True)
class EventDate:
    """An event's date attributes, as precise as its sources allow."""

    when: str | None = None
    start: str | None = None        # @from
    end: str | None = None          # @to
    not_before: str | None = None
    not_after: str | None = None
    reader_label: str | None = None  # label[@type='date'] of a vague date ("spring 1962")

    @property
    def first(self) -> str:
        """The earliest date value given (the one a <time datetime> shows)."""
        value = self.when or self.start or self.not_before or self.not_after
        if value is None:  # validation (rules.sch, event-date) refuses an undated event
            raise ValueError("an event without a date")
        return value

    @property
    def last(self) -> str:
        return self.when or self.end or self.not_after or self.first

    @property
    def year(self) -> int:
        return dates.year(self.first)

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, dt.date]:
        """An event goes where it has certainly begun: one known only to a
        month or a year follows the events dated to the day within it."""
        opening = dates.span(self.first)
        return opening[1], opening[0], dates.span(self.last)[1]

    @property
    def label(self) -> str:
        if self.reader_label:
            return self.reader_label
        if self.when:
            return dates.label(self.when)
        if self.start and self.end:
            return range_label(self.start, self.end)
        if self.not_before and self.not_after:
            return f"between {dates.label(self.not_before)} and {dates.label(self.not_after)}"
        if self.not_before:
            return f"not before {dates.label(self.not_before)}"
        return f"not after {dates.label(self.first)}"


def range_label(start: str, end: str) -> str:
    """'1959', '1961' -> '1959–1961'; '1962-04-24', '1962-06-08' -> '24 April – 8 June 1962';
    '1961-05-01', '1961-05-08' -> '1–8 May 1961'. The year is written once when shared."""
    first, last = parse_date(start), parse_date(end)
    if first is None or last is None:
        return f"{start} {EN_DASH} {end}"
    if len(first) == 1 and len(last) == 1:
        return f"{first[0]}{EN_DASH}{last[0]}"
    if first[0] != last[0] or len(first) == 1:
        return f"{dates.label(start)} {EN_DASH} {dates.label(end)}"
    if len(first) >= 3 and len(last) >= 3 and first[1] == last[1]:
        return f"{first[2]}{EN_DASH}{dates.label(end)}"
    opening = dates.MONTHS[first[1] - 1] if len(first) == 2 else f"{first[2]} {dates.MONTHS[first[1] - 1]}"
    return f"{opening} {EN_DASH} {dates.label(end)}"


@dataclass(frozen=True)
class EventTarget:
    """Where the edition states an event: a note, a paragraph (headnote or
    introduction), a register entry, or a document as a whole."""

    pointer: str
    kind: str                       # "note", "headnote", "edition" (its own prose), "entry" or "document"
    id: str
    document: Document | None = None
    entry: Entry | None = None
    element: etree._Element | None = field(default=None, repr=False, compare=False)
    note_number: int | None = None  # a note's number among its document's notes


@dataclass(frozen=True)
class Event:
    id: str
    date: EventDate
    label: str
    desc: etree._Element | None = field(repr=False, compare=False)  # inline content
    sources: tuple[str, ...]        # bibliography ids (without the edn: prefix)
    targets: tuple[EventTarget, ...]
    position: int                   # order in listEvent: the last tie-break
    document: Document | None = None  # the edition's document this event is
    element: etree._Element | None = field(default=None, repr=False, compare=False)

    @property
    def is_document(self) -> bool:
        return self.document is not None

    @property
    def sort_key(self) -> tuple:
        return (*self.date.sort_key, self.position)


def note_number(document: Document, note: etree._Element) -> int:
    """The note's number as its page prints it: its place among the editorial
    notes of the document's text, in reading order."""
    editorial = [n for n in document.text.iter(f"{{{NS['tei']}}}note") if n.get("type") != "original"]
    return editorial.index(note) + 1


def _in_headnote(element: etree._Element) -> bool:
    return any(a.get("type") == "headnote" for a in element.iterancestors(f"{{{NS['tei']}}}div"))


def _target(model: EditionModel, pointer: str) -> EventTarget:
    edition_tree = model.edition.root.getroottree()
    edition_path = Path(edition_tree.docinfo.URL or model.corpus.edition.path)
    found = resolve(pointer, edition_path, prefix_definitions(edition_tree))
    if found.id in model.registers.entries:
        return EventTarget(pointer, "entry", found.id, entry=model.registers[found.id])
    document = model.documents_by_path.get(found.path)
    if document is not None:
        if found.id == document.id:
            return EventTarget(pointer, "document", found.id, document=document)
        element = document.element(found.id)
        if element is not None and etree.QName(element).localname == "note":
            return EventTarget(pointer, "note", found.id, document, element=element,
                               note_number=note_number(document, element))
        if element is not None and _in_headnote(element):
            return EventTarget(pointer, "headnote", found.id, document, element=element)
    elif found.path == model.corpus.edition.path.resolve():
        element = next(iter(model.edition.root.xpath("//*[@xml:id=$id]", id=found.id)), None)
        if element is not None:
            return EventTarget(pointer, "edition", found.id, element=element)
    raise ValueError(f"event pointer {pointer!r} leads to no note, paragraph, register entry or document")


def _date(element: etree._Element) -> EventDate:
    reader = element.find("tei:label[@type='date']", NS)
    return EventDate(element.get("when"), element.get("from"), element.get("to"), element.get("notBefore"),
                     element.get("notAfter"), normalise_space("".join(reader.itertext())) if reader is not None else None)


def _event(model: EditionModel, element: etree._Element, position: int) -> Event:
    targets = tuple(_target(model, ptr.get("target")) for ptr in element.iterfind("tei:ptr", NS))
    document = next((t.document for t in targets if t.kind == "document"), None)
    label = next((lab for lab in element.iterfind("tei:label", NS) if lab.get("type") is None), None)
    return Event(
        id=element.get(XML_ID),
        date=_date(element),
        label=normalise_space("".join(label.itertext())) if label is not None else "",
        desc=element.find("tei:desc", NS),
        sources=tuple(p.removeprefix("edn:") for p in (element.get("source") or "").split()),
        targets=targets,
        position=position,
        document=document,
        element=element,
    )


def _document_event(document: Document, position: int) -> Event:
    """A document that no event of listEvent stands for, dated by its header."""
    pointer = f"documents/{document.path.name}#{document.id}"
    return Event(f"ev-{document.slug}", EventDate(when=document.date), document.short_title, None, (),
                 (EventTarget(pointer, "document", document.id, document=document),), position, document)


def read_events(model: EditionModel) -> list[Event]:
    """Every event of the timeline, documents included, in chronological order."""
    listed = model.edition.root.xpath("tei:standOff/tei:listEvent[@xml:id='events']//tei:event", namespaces=NS)
    events = [_event(model, element, position) for position, element in enumerate(listed)]
    covered = {e.document.id for e in events if e.document is not None}
    events += [_document_event(d, len(events) + i) for i, d in enumerate(x for x in model.documents
                                                                        if x.id not in covered)]
    return sorted(events, key=lambda e: e.sort_key)
