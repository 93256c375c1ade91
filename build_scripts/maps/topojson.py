"""Reading world-atlas's TopoJSON: arcs decoded to lon/lat, each country as
polygons of rings, each ring a list of arc indices (negative: reversed)."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError, Problem
from ..paths import PROJECT_ROOT

PACKAGE = "world-atlas"
VERSION = "2.0.2"
DATA_FILE = PROJECT_ROOT / "node_modules" / PACKAGE / "countries-50m.json"

Point = tuple[float, float]       # (lon, lat) in degrees
Ring = tuple[int, ...]            # arc indices; ~i is arc i reversed
Polygon = tuple[Ring, ...]        # outer ring first, then holes


@dataclass(frozen=True)
class Country:
    id: str | None                # ISO 3166 numeric, None for some disputed or special areas
    name: str
    polygons: tuple[Polygon, ...]


@dataclass(frozen=True)
class Topology:
    arcs: tuple[tuple[Point, ...], ...]
    countries: tuple[Country, ...]

    @functools.cached_property
    def boxes(self) -> tuple[tuple[float, float, float, float], ...]:
        """Each arc's lon/lat bounds, to skip what lies far from a map."""
        return tuple((min(p[0] for p in a), min(p[1] for p in a), max(p[0] for p in a), max(p[1] for p in a))
                     for a in self.arcs)

    def ring_box(self, ring: Ring) -> tuple[float, float, float, float]:
        boxes = [self.boxes[i if i >= 0 else ~i] for i in ring]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes))

    def arc(self, index: int) -> tuple[Point, ...]:
        return self.arcs[index] if index >= 0 else self.arcs[~index][::-1]

    def ring_points(self, ring: Ring) -> list[Point]:
        points: list[Point] = []
        for index in ring:
            arc = self.arc(index)
            points.extend(arc if not points else arc[1:])  # consecutive arcs share their end point
        return points

    def country(self, name: str) -> Country:
        return next(c for c in self.countries if c.name == name)


def _decode_arcs(raw: list, transform: dict) -> tuple[tuple[Point, ...], ...]:
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for encoded in raw:
        x = y = 0
        points = []
        for dx, dy in encoded:  # quantised and delta-encoded
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(tuple(points))
    return tuple(arcs)


def _polygons(geometry: dict) -> tuple[Polygon, ...]:
    if geometry["type"] == "Polygon":
        nested = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        nested = geometry["arcs"]
    else:  # a feature without land (null geometry)
        nested = []
    return tuple(tuple(tuple(ring) for ring in polygon) for polygon in nested)


def read_topology(path: Path) -> Topology:
    """The countries of a world-atlas file; EditionError if it is not installed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EditionError([Problem(path, None, "map-data",
                                    f"the map's boundary data is missing: run `npm ci` in the project folder "
                                    f"(package.json pins {PACKAGE} {VERSION})")]
                           ) from None
    countries = tuple(Country(g.get("id"), g.get("properties", {}).get("name", ""), _polygons(g))
                      for g in data["objects"]["countries"]["geometries"])
    return Topology(_decode_arcs(data["arcs"], data["transform"]), countries)


@functools.cache
def world() -> Topology:
    """The project's boundary data, read once per process."""
    return read_topology(DATA_FILE)
