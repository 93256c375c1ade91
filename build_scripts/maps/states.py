"""Natural Earth's modern countries regrouped as the states of 1962: the
Soviet successor states form one USSR, and every arc is classed as coast,
international boundary or boundary between two Soviet republics."""
from __future__ import annotations

from collections import defaultdict

from .topojson import Country, Topology

USSR = "USSR"
# ISO 3166 numeric codes of the fifteen former Soviet republics.
SOVIET_SUCCESSORS = frozenset({
    "643", "804", "112", "233", "428", "440", "498", "268", "051", "031",  # RU UA BY EE LV LT MD GE AM AZ
    "398", "860", "795", "417", "762",                                      # KZ UZ TM KG TJ
})
# Features without a code that lay inside the USSR (the 10m file's leased Baikonur area).
SOVIET_AREAS = frozenset({"Baikonur"})
# Tiny disputed reefs and islets that only clutter the map.
DROPPED = frozenset({"Spratly Is.", "Scarborough Reef"})

COAST, INTERNATIONAL, REPUBLIC, MERGED = "coast", "international", "republic", "merged"


def state_of(country: Country) -> str:
    """The state a modern country's land belonged to in 1962 (as far as this map goes)."""
    if country.id in SOVIET_SUCCESSORS or country.name in SOVIET_AREAS:
        return USSR
    return country.name


# Per topology (there is one per process; tests add their own), computed once.
_KINDS: dict[int, dict[int, str]] = {}


def states(topology: Topology) -> dict[str, list[Country]]:
    grouped: dict[str, list[Country]] = defaultdict(list)
    for country in topology.countries:
        if country.name not in DROPPED and country.polygons:
            grouped[state_of(country)].append(country)
    return dict(grouped)


def arc_kinds(topology: Topology) -> dict[int, str]:
    """Each arc's line kind. An arc used by one country is coast (or a lake
    shore); by two, a land boundary: international unless both sides were
    Soviet republics, and none at all around an area merged into its republic."""
    if id(topology) not in _KINDS:
        _KINDS[id(topology)] = _arc_kinds(topology)
    return _KINDS[id(topology)]


def _arc_kinds(topology: Topology) -> dict[int, str]:
    users: dict[int, list[Country]] = defaultdict(list)
    for country in topology.countries:
        for polygon in country.polygons:
            for ring in polygon:
                for index in ring:
                    users[index if index >= 0 else ~index].append(country)
    kinds = {}
    for arc, countries in users.items():
        if len(countries) < 2:
            kinds[arc] = COAST
        elif any(c.name in SOVIET_AREAS for c in countries):
            kinds[arc] = MERGED  # not a line of 1962: the area was part of its republic
        elif len({state_of(c) for c in countries}) == 1:
            kinds[arc] = REPUBLIC if len({c.name for c in countries}) > 1 else COAST
        else:
            kinds[arc] = INTERNATIONAL
    return kinds
