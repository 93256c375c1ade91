"""Maps of the places: the edition's map page (map.md), the map panel of a
document page, and the coordinates line of a place's register entry. The
maps are static SVG drawn at build time (build_scripts/maps); every place
is also listed in HTML, so nothing depends on the picture or on scripts."""
from __future__ import annotations

import math

from ..maps.svg import CAPTION, MapPlace, render_map
from ..model.documents import Document
from ..model.load import EditionModel
from ..model.mentions import entries_in
from ..model.registers import Entry, Location
from . import escape, links
from .behaviours import sources_line
from .page import Page, panel
from .renderer import Renderer

MAP_PAGE = "map.md"
TITLE = "Map of the places"
CREDIT = ("Base map made with Natural Earth (public domain), version 4.1.0, read from the npm package "
          "world-atlas 2.0.2 (ISC licence, © Michael Bostock); adapted for 1962 by the editors.")
# Places closer than this (degrees, east-west scaled by latitude) share a detail map.
CLUSTER_DEGREES = 8.0
_LABELLED_POINTS = ("capital", "seat", "crossing")


def coordinates(location: Location) -> str:
    ns, ew = ("N" if location.lat >= 0 else "S"), ("E" if location.lon >= 0 else "W")
    return f"{abs(location.lat):g}° {ns}, {abs(location.lon):g}° {ew}"


def map_place(renderer: Renderer, entry: Entry) -> MapPlace:
    location = entry.location
    assert location is not None
    named = location.point_name if location.kind in _LABELLED_POINTS else None
    label = f"{entry.name}: {named}" if named else entry.name
    title = f"{entry.name}: {location.kind_label}" + (f" ({location.point_name})" if location.point_name else "")
    return MapPlace(entry.id, label, location.lon, location.lat, renderer.link(links.entry_page(entry)),
                    location.stands_for_area, title)


def figure(svg: str, caption: str) -> str:
    """The SVG as raw HTML (a div without markdown="1": Markdown leaves it
    alone) and a caption in Markdown."""
    return (f'<figure class="edition-map-figure" markdown="1">\n<div class="edition-map-svg">\n{svg}\n</div>\n'
            f'<figcaption markdown="span">{caption}</figcaption>\n</figure>')


def _caption() -> str:
    return escape.text(CAPTION) + " " + escape.text(CREDIT)


def location_line(renderer: Renderer, entry: Entry) -> str:
    """A place entry's point, what it is and its source (empty without one)."""
    location = entry.location
    if location is None:
        return ""
    return (f'<span class="label">On the map:</span> {coordinates(location)}, {escape.text(location.kind_label)}'
            f"{' (' + escape.text(location.point_name) + ')' if location.point_name else ''}. "
            f"{escape.text(location.note)} {sources_line(renderer, entry.element, list(location.sources))}")


def _clusters(entries: list[Entry]) -> list[list[Entry]]:
    """Groups of places linked by steps of less than CLUSTER_DEGREES (single linkage)."""
    groups: list[list[Entry]] = []
    for entry in entries:
        near = [g for g in groups if any(_degrees(entry, other) < CLUSTER_DEGREES for other in g)]
        merged = [entry] + [e for g in near for e in g]
        groups = [g for g in groups if g not in near] + [merged]
    return [sorted(g, key=lambda e: e.name.lower()) for g in groups]


def _degrees(a: Entry, b: Entry) -> float:
    assert a.location is not None and b.location is not None
    mean_lat = math.radians((a.location.lat + b.location.lat) / 2)
    return math.hypot((a.location.lon - b.location.lon) * math.cos(mean_lat), a.location.lat - b.location.lat)


def _table(renderer: Renderer, entries: list[Entry]) -> str:
    rows = ["| Place | Coordinates (latitude, longitude) | What the point is | Source |", "|---|---|---|---|"]
    for entry in entries:
        name = f"[{escape.text(entry.name)}]({renderer.link(links.entry_page(entry))})"
        location = entry.location
        if location is None:
            rows.append(f"| {name} | not on the map | no coordinates recorded | |")
            continue
        what = escape.text(location.kind_label) + (f" ({escape.text(location.point_name)})"
                                                    if location.point_name else "")
        sources = sources_line(renderer, entry.element, list(location.sources))
        rows.append(f"| {name} | {coordinates(location)} | {what} | {sources} |")
    return "\n".join(rows)


def edition_map_page(model: EditionModel) -> Page:
    renderer = Renderer(model, MAP_PAGE)
    places = model.registers.of_kind("place")
    located = [e for e in places if e.location is not None]
    sections = [
        f"# {TITLE}",
        f"Every place of the registers that has coordinates ({len(located)} of {len(places)}), drawn on "
        "the boundaries of 1962 as far as modern data allow. A filled dot is a town or city, or a capital "
        "standing for its state; a hollow circle is a point standing for an area. Each name leads to its "
        "entry. The coordinates are provisional values from tertiary pages, not yet checked against GeoNames or "
        "Wikidata; the table below gives each one with its source.",
    ]
    if located:
        svg = render_map([map_place(renderer, e) for e in located], "map-edition", TITLE, overview=True)
        sections.append(figure(svg, _caption()))
        details = [g for g in _clusters(located) if len(g) > 1]
        if details:
            sections.append("## Detail maps {: #details }")
            sections.append("Where places lie close together, a map of their own shows every name.")
        for number, group in enumerate(details, start=1):
            names = ", ".join(e.name for e in group)
            title = f"Detail map {number}: {names}"
            sections.append(f"### {escape.text(title)} {{: #detail-{number} }}")
            svg = render_map([map_place(renderer, e) for e in group], f"map-detail-{number}", title)
            sections.append(figure(svg, "Boundaries, sources and caveats as for the first map."))
    sections += ["## Every place and its point {: #places }", _table(renderer, places),
                 *renderer.closing_sections()]
    return Page(MAP_PAGE, TITLE, "\n\n".join(s for s in sections if s),
                {"description": "A map of the places named in the documents, with their coordinates and sources."},
                renderer.warnings)


def document_map(renderer: Renderer, document: Document) -> str:
    """The panel with the map of the places a document names ("" if none has coordinates)."""
    registers = renderer.model.registers
    places = [registers[i] for i in entries_in(document) if i in registers.entries and registers[i].kind == "place"]
    located = [e for e in places if e.location is not None]
    if not located:
        return ""
    title = f"Places named in {document.short_title}"
    svg = render_map([map_place(renderer, e) for e in located], f"map-{document.key}", title)
    parts = [figure(svg, _caption())]
    listed = ", ".join(f"[{escape.text(e.name)}]({renderer.link(links.entry_page(e))})" for e in located)
    parts.append(f"On the map: {listed}.")
    missing = [e for e in places if e.location is None]
    if missing:
        names = ", ".join(f"[{escape.text(e.name)}]({renderer.link(links.entry_page(e))})" for e in missing)
        parts.append(f"Not on the map, for want of coordinates: {names}.")
    return panel(f"Map of the places in this document ({len(located)})", "\n\n".join(parts), "doc-map",
                 renderer.interactive, "places-map")
