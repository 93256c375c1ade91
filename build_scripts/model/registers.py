"""Register entries (persons, places, organisations, glossary terms) read
from registers.xml."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lxml import etree

from ..tei.parser import NS, XML_ID, XML_LANG
from . import dates
from .text import normalise_space

# kind -> (TEI element, name element, id prefix, URL folder, label)
KINDS = {
    "person": ("person", "persName", "per-", "persons", "Persons"),
    "place": ("place", "placeName", "pl-", "places", "Places"),
    "org": ("org", "orgName", "org-", "organisations", "Organisations"),
    "term": ("entry", "orth", "t-", "glossary", "Glossary"),
}


@dataclass(frozen=True)
class Name:
    text: str
    lang: str | None
    type: str
    uncertain: bool


@dataclass(frozen=True)
class DatedState:
    """An office held, or a status, over a period (possibly unknown)."""

    label: str
    type: str
    when: str | None
    start: str | None
    end: str | None
    sources: tuple[str, ...]
    uncertain: bool

    def covers(self, date: str) -> bool:
        """Whether the state is known to hold at (some part of) `date`."""
        if not (self.when or self.start or self.end):
            return False
        first, last = dates.span(date)
        opening, closing = self.when or self.start, self.when or self.end
        begin = dates.span(opening)[0] if opening else dt.date.min
        finish = dates.span(closing)[1] if closing else dt.date.max  # open-ended: still held
        return begin <= last and first <= finish

    @property
    def period(self) -> str:
        if self.when:
            return dates.label(self.when)
        if self.start and self.end:
            return f"{dates.label(self.start)} – {dates.label(self.end)}"
        if self.start:
            return f"from {dates.label(self.start)}"
        if self.end:
            return f"until {dates.label(self.end)}"
        return ""


# What a place's point is (location/@type in registers.xml).
POINT_KINDS = {
    "capital": "the capital, standing for the state",
    "province": "the province's reference point",
    "region": "the region's reference point",
    "city": "the city",
    "seat": "the seat of the prefecture government",
    "crossing": "a border crossing, standing for the stretch of border",
}


@dataclass(frozen=True)
class Location:
    """A place's point on the map: WGS84 decimal degrees, with its sources."""

    lat: float
    lon: float
    sources: tuple[str, ...]
    kind: str                 # a key of POINT_KINDS
    point_name: str | None    # the named point, where it is not the place itself (a capital, a crossing)
    note: str                 # what the point is and how sure the value is

    @property
    def kind_label(self) -> str:
        return POINT_KINDS.get(self.kind, self.kind)

    @property
    def stands_for_area(self) -> bool:
        """Whether the point stands for an area rather than being the place."""
        return self.kind in ("province", "region", "crossing")


@dataclass(frozen=True)
class Entry:
    kind: str
    id: str
    element: etree._Element = field(repr=False, compare=False)
    names: tuple[Name, ...]
    description: etree._Element = field(repr=False, compare=False)
    sources: tuple[str, ...]
    states: tuple[DatedState, ...] = ()
    birth: str | None = None
    death: str | None = None
    notes: tuple[etree._Element, ...] = field(default=(), repr=False, compare=False)
    location: Location | None = None

    @property
    def slug(self) -> str:
        return self.id.removeprefix(KINDS[self.kind][2])

    @property
    def folder(self) -> str:
        return KINDS[self.kind][3]

    @property
    def main_name(self) -> Name:
        return self.names[0]

    @property
    def name(self) -> str:
        return self.main_name.text

    @property
    def variants(self) -> tuple[Name, ...]:
        return self.names[1:]

    @property
    def description_text(self) -> str:
        return normalise_space("".join(self.description.itertext()))

    @property
    def summary(self) -> str:
        """The description's first sentence, for short cards."""
        text = self.description_text
        end = text.find(". ")
        return text if end < 0 else text[: end + 1]

    def states_on(self, date: str) -> list[DatedState]:
        """Offices held on a document's date, most specific first."""
        held = [s for s in self.states if s.covers(date)]
        return sorted(held, key=lambda s: (s.when is None, s.end is None))


def _sources(element: etree._Element) -> tuple[str, ...]:
    return tuple((element.get("source") or "").split())


def _name(element: etree._Element, name_type: str | None = None) -> Name:
    return Name(normalise_space("".join(element.itertext())), element.get(XML_LANG),
                name_type or element.get("type", "main"), element.get("cert") in ("low", "medium", "unknown"))


def _state(element: etree._Element) -> DatedState:
    return DatedState(
        label=normalise_space("".join(element.find("tei:label", NS).itertext())),
        type=element.get("type", ""),
        when=element.get("when"),
        start=element.get("from") or element.get("notBefore"),
        end=element.get("to") or element.get("notAfter"),
        sources=_sources(element),
        uncertain=element.get("cert") in ("low", "medium", "unknown"),
    )


def _life_date(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return normalise_space("".join(element.itertext())) or element.get("when")


def _location(element: etree._Element) -> Location | None:
    location = element.find("tei:location", NS)
    geo = location.find("tei:geo", NS) if location is not None else None
    if location is None or geo is None:
        return None
    lat, lon = (float(v) for v in (geo.text or "").split())
    named = location.find("tei:settlement", NS)
    if named is None:
        named = location.find("tei:geogName", NS)
    note = location.find("tei:note", NS)
    return Location(lat, lon, _sources(geo), location.get("type", ""),
                    normalise_space("".join(named.itertext())) if named is not None else None,
                    normalise_space("".join(note.itertext())) if note is not None else "")


def _entry(kind: str, element: etree._Element) -> Entry:
    if kind == "term":
        names = tuple(_name(orth, form.get("type")) for form in element.iterfind("tei:form", NS)
                      for orth in form.iterfind("tei:orth", NS))
        description = element.find("tei:sense/tei:def", NS)
        return Entry(kind, element.get(XML_ID), element, names, description, _sources(description))
    name_tag = KINDS[kind][1]
    names = tuple(_name(n) for n in element.iterfind(f"tei:{name_tag}", NS))
    description = element.find("tei:note[@type='description']", NS)
    return Entry(
        kind, element.get(XML_ID), element, names, description, _sources(description),
        states=tuple(_state(s) for s in element.iterfind("tei:state", NS)),
        birth=_life_date(element.find("tei:birth", NS)),
        death=_life_date(element.find("tei:death", NS)),
        notes=tuple(element.iterfind("tei:note[@type='identification']", NS)),
        location=_location(element) if kind == "place" else None,
    )


@dataclass(frozen=True)
class Registers:
    entries: dict[str, Entry]

    def of_kind(self, kind: str) -> list[Entry]:
        return sorted((e for e in self.entries.values() if e.kind == kind), key=lambda e: e.name.lower())

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]


def read_registers(root: etree._Element) -> Registers:
    entries = {}
    for kind, (tag, *_rest) in KINDS.items():
        for element in root.iterfind(f".//tei:{tag}", NS):
            if element.get(XML_ID):  # participants in document headers are not entries
                entry = _entry(kind, element)
                entries[entry.id] = entry
    return Registers(entries)
