"""Drawing a map of some places as one self-contained SVG: the land of the
states of 1962, their boundaries, and each place as a dot with its name,
both linked to the place's register page."""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from . import geometry, states
from .geometry import XY, Box
from .labels import Label, place_labels
from .projection import Conic
from .style import stylesheet
from .topojson import Point, Topology, world

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH = 760.0
MIN_HEIGHT, MAX_HEIGHT = 300.0, 560.0
MIN_SPAN = 0.11          # radians of the projection plane (about 6.5°): a map never zooms in closer
PADDING = 0.16           # of the places' extent, on every side
TOLERANCE = 0.4          # simplification, in SVG units (a map is drawn about 760 px wide)
FAR_TOLERANCE = 30.0     # for arcs wholly outside the frame
MIN_RING_AREA = 2.0      # islands smaller than this (SVG units²) are dropped

CAPTION = (
    "Boundaries: Natural Earth version 4.1.0 (public domain, via the npm package world-atlas 2.0.2), "
    "modern lines adapted for 1962: the former Soviet republics are merged into the USSR, with the borders "
    "between republics dashed. The China–North Korea and China–Mongolia lines were fixed by the treaties of "
    "12 October and 26 December 1962, so for earlier dates they show a boundary still being negotiated; "
    "the Sino-Soviet line was disputed in 1962 and is drawn as the modern line. Approximate at this scale: "
    "the map is not a source for the legal boundaries of 1962. A hollow circle marks a point that stands "
    "for an area (a province, a region or a stretch of border)."
)


@dataclass(frozen=True)
class MapPlace:
    id: str
    label: str          # the name shown beside the dot
    lon: float
    lat: float
    href: str           # link to the place's register page, relative to the page showing the map
    area: bool          # the point stands for an area (province, region, border sector)
    title: str          # what the point is (tooltip and accessible name of the link)


@dataclass(frozen=True)
class Frame:
    """The projection and the affine step from the projection plane to SVG units."""

    project: Conic
    x0: float
    y0: float
    scale: float
    width: float
    height: float

    def __call__(self, point: Point) -> XY:
        x, y = self.project(point)
        return (x - self.x0) * self.scale, (y - self.y0) * self.scale

    @property
    def box(self) -> Box:
        return 0.0, 0.0, self.width, self.height


def fit(places: Sequence[MapPlace]) -> Frame:
    """A frame around the places with margins, WIDTH wide, its height kept
    between MIN_HEIGHT and MAX_HEIGHT by widening the view."""
    lons, lats = [p.lon for p in places], [p.lat for p in places]
    conic = Conic.for_latitudes(min(lats), max(lats), (min(lons) + max(lons)) / 2)
    x0, y0, x1, y1 = geometry.bounds([conic((p.lon, p.lat)) for p in places])
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w = max(x1 - x0, MIN_SPAN) * (1 + 2 * PADDING)
    h = max(y1 - y0, MIN_SPAN) * (1 + 2 * PADDING)
    h = max(h, w * MIN_HEIGHT / WIDTH)
    w = max(w, h * WIDTH / MAX_HEIGHT)
    scale = WIDTH / w
    return Frame(conic, cx - w / 2, cy - h / 2, scale, WIDTH, round(h * scale, 1))


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _path(lines: Sequence[Sequence[XY]], closed: bool) -> str:
    parts = []
    for line in lines:
        points = " ".join(f"{_n(x)} {_n(y)}" for x, y in line)
        parts.append(f"M{points}{'Z' if closed else ''}")
    return "".join(parts)


def _area(ring: Sequence[XY]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, [*ring[1:], ring[0]], strict=True))) / 2


class _Arcs:
    """Arcs projected and simplified once per map, so shared borders stay shared."""

    def __init__(self, topology: Topology, frame: Frame):
        self.topology, self.frame, self.reach = topology, frame, _reach(frame)
        self.cache: dict[int, list[XY]] = {}

    def __getitem__(self, index: int) -> list[XY]:
        key = index if index >= 0 else ~index
        if key not in self.cache:
            # far outside the frame an arc only has to keep its ring's shape until clipping
            tolerance = TOLERANCE if _near(self.reach, self.topology.boxes[key]) else FAR_TOLERANCE
            projected = [self.frame(p) for p in self.topology.arcs[key]]
            self.cache[key] = geometry.simplify(projected, tolerance)
        return self.cache[key] if index >= 0 else self.cache[key][::-1]

    def ring(self, ring: Sequence[int]) -> list[XY]:
        points: list[XY] = []
        for index in ring:
            arc = self[index]
            points.extend(arc if not points else arc[1:])
        return points


def _reach(frame: Frame) -> Box:
    """The frame's lon/lat bounds (from points along its edges), a degree wider."""
    w, h = frame.width, frame.height
    edge = [(w * i / 20, 0.0) for i in range(21)] + [(w * i / 20, h) for i in range(21)]
    edge += [(0.0, h * i / 20) for i in range(21)] + [(w, h * i / 20) for i in range(21)]
    lonlat = [frame.project.inverse((x / frame.scale + frame.x0, y / frame.scale + frame.y0)) for x, y in edge]
    x0, y0, x1, y1 = geometry.bounds(lonlat)
    return x0 - 1, y0 - 1, x1 + 1, y1 + 1


def _near(reach: Box, box: Box) -> bool:
    return box[0] <= reach[2] and box[2] >= reach[0] and box[1] <= reach[3] and box[3] >= reach[1]


def _clip_box(frame: Frame) -> Box:
    return -4.0, -4.0, frame.width + 4.0, frame.height + 4.0


def state_of_point(topology: Topology, point: Point) -> str | None:
    """The 1962 state whose land holds a lon/lat point (even-odd per polygon)."""
    for state, box, rings in _polygon_index(topology):
        if box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3] and geometry.inside(point, rings):
            return state
    return None


_POLYGONS: dict[int, list[tuple[str, Box, list[list[Point]]]]] = {}


def _polygon_index(topology: Topology) -> list[tuple[str, Box, list[list[Point]]]]:
    """Every polygon with its state and lon/lat bounds, built once per topology."""
    if id(topology) not in _POLYGONS:
        _POLYGONS[id(topology)] = [
            (state, topology.ring_box(polygon[0]), [topology.ring_points(r) for r in polygon])
            for state, countries in states.states(topology).items()
            for country in countries for polygon in country.polygons]
    return _POLYGONS[id(topology)]


def _land(topology: Topology, frame: Frame, arcs: _Arcs, focus: set[str]) -> list[str]:
    box, reach = _clip_box(frame), _reach(frame)
    elements = []
    for state, countries in sorted(states.states(topology).items(), key=lambda item: item[0] in focus):
        rings = []
        for country in countries:
            for polygon in country.polygons:
                for ring in polygon:
                    if not _near(reach, topology.ring_box(ring)):
                        continue
                    clipped = geometry.clip_ring(arcs.ring(ring), box)
                    if len(clipped) >= 3 and _area(clipped) >= MIN_RING_AREA:
                        rings.append(clipped)
        if rings:
            cls = "land focus" if state in focus else "land"
            elements.append(f'<path class="{cls}" fill-rule="evenodd" data-state="{escape(state)}" '
                            f'd="{_path(rings, closed=True)}"/>')
    return elements


def _lines(topology: Topology, frame: Frame, arcs: _Arcs) -> list[str]:
    box, reach = _clip_box(frame), _reach(frame)
    by_kind: dict[str, list[list[XY]]] = {states.COAST: [], states.REPUBLIC: [], states.INTERNATIONAL: []}
    for index, kind in states.arc_kinds(topology).items():
        if kind not in by_kind or not _near(reach, topology.boxes[index]):
            continue
        line = arcs[index]
        if len(line) > 1:
            by_kind[kind] += [piece for piece in geometry.clip_line(line, box) if len(piece) > 1]
    classes = {states.COAST: "coast", states.REPUBLIC: "republic", states.INTERNATIONAL: "intl"}
    return [f'<path class="{classes[kind]}" d="{_path(lines, closed=False)}"/>'
            for kind, lines in by_kind.items() if lines]


def _place(place: MapPlace, dot: XY, label: Label | None) -> str:
    x, y = _n(dot[0]), _n(dot[1])
    shape = (f'<circle class="dot area" cx="{x}" cy="{y}" r="3.6"/>' if place.area
             else f'<circle class="dot" cx="{x}" cy="{y}" r="3.2"/>')
    if label is None:  # an overview's crowded dot: named by its tooltip and the detail map
        return (f'<a href="{escape(place.href)}" data-place="{escape(place.id)}"><title>{escape(place.title)}</title>'
                f'{shape}</a>')
    leader = ""
    if label.leader:
        (ax, ay), (bx, by) = label.leader
        leader = f'<line class="leader" x1="{_n(ax)}" y1="{_n(ay)}" x2="{_n(bx)}" y2="{_n(by)}"/>'
    text_attrs = f'x="{_n(label.x)}" y="{_n(label.y)}" text-anchor="{label.anchor}"'
    name = escape(place.label)
    return (f'<a href="{escape(place.href)}" data-place="{escape(place.id)}"><title>{escape(place.title)}</title>'
            f'{leader}{shape}<text class="halo" {text_attrs} aria-hidden="true">{name}</text>'
            f'<text class="label" {text_attrs}>{name}</text></a>')


_BACKGROUNDS: dict[tuple, list[str]] = {}


@functools.lru_cache(maxsize=4096)
def _labels(dots: tuple[XY, ...], names: tuple[str, ...], box: Box, overview: bool) -> list[Label | None]:
    """Label places once per set of places: documents naming the same places share the search."""
    return place_labels(list(dots), list(names), box, only_clear=overview)


def _background(topology: Topology, frame: Frame, arcs: _Arcs, focus: set[str]) -> list[str]:
    """Land and boundary lines of a frame, made once per frame and focus: the
    documents of one region share them, and projecting and clipping the
    boundaries is most of a map's cost."""
    key = (id(topology), repr(frame), tuple(sorted(focus)))
    if key not in _BACKGROUNDS:
        _BACKGROUNDS[key] = [*_land(topology, frame, arcs, focus), *_lines(topology, frame, arcs)]
    return _BACKGROUNDS[key]


def render_map(places: Sequence[MapPlace], map_id: str, title: str, topology: Topology | None = None,
               overview: bool = False) -> str:
    """The SVG (one line, no blank lines, so Markdown keeps it as raw HTML).
    An `overview` leaves out the names that would be crowded."""
    if not places:
        raise ValueError("a map needs at least one place")
    topology = topology or world()
    frame = fit(places)
    arcs = _Arcs(topology, frame)
    dots = [frame((p.lon, p.lat)) for p in places]
    labels = _labels(tuple(dots), tuple(p.label for p in places), (2.0, 2.0, frame.width - 2.0, frame.height - 2.0),
                     overview)
    focus = {s for s in (state_of_point(topology, (p.lon, p.lat)) for p in places) if s}
    body = [f'<rect class="water" width="{_n(frame.width)}" height="{_n(frame.height)}"/>',
            *_background(topology, frame, arcs, focus),
            *(_place(p, d, label) for p, d, label in zip(places, dots, labels, strict=True))]
    return (f'<svg xmlns="{SVG_NS}" class="edition-map" viewBox="0 0 {_n(frame.width)} {_n(frame.height)}" '
            f'role="graphics-document" aria-labelledby="{map_id}-title" aria-describedby="{map_id}-desc">'
            f'<title id="{map_id}-title">{escape(title)}</title><desc id="{map_id}-desc">{escape(CAPTION)}</desc>'
            f"<style>{stylesheet()}</style>{''.join(body)}</svg>")

