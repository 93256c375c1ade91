"""The map of the places: coordinates read from the TEI, the SVG drawn from
world-atlas (dots in the right state, links to register pages, no outside
addresses, the 1962 caveat), the page fragments and the missing-data error."""
from __future__ import annotations

import math
import posixpath
import re

import pytest
from lxml import etree

from build_scripts.errors import EditionError
from build_scripts.maps import style
from build_scripts.maps.labels import CHAR_WIDTH, FONT_SIZE
from build_scripts.maps.svg import SVG_NS
from build_scripts.maps.topojson import DATA_FILE, read_topology, world
from build_scripts.markdown import links
from build_scripts.markdown.map_pages import document_map, edition_map_page
from build_scripts.markdown.renderer import Renderer
from build_scripts.model.load import build_model
from build_scripts.paths import TEI_DIR
from build_scripts.tei.schematron import check_rules

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
SVG = {"s": SVG_NS}
SOVIET = {"643", "804", "112", "233", "428", "440", "498", "268", "051", "031", "398", "860", "795", "417", "762"}
# Where each point must lie, by Natural Earth's modern outlines (the border crossing is tested apart).
EXPECTED_STATE = {
    "pl-andong": "China", "pl-anshan": "China", "pl-luda": "China", "pl-liaoning": "China", "pl-jilin": "China",
    "pl-heilongjiang": "China", "pl-beijing": "China", "pl-china": "China", "pl-tianjin": "China",
    "pl-xinjiang": "China", "pl-ili": "China", "pl-tacheng": "China", "pl-dprk": "North Korea",
    "pl-ussr": "USSR", "pl-mongolia": "Mongolia",
}


@pytest.fixture(scope="module")
def model(edition):
    return build_model(edition)


@pytest.fixture(scope="module")
def maps(model):
    """(page path, SVG element) for the map page's maps and each document's map."""
    found = []
    page = edition_map_page(model)
    found += [(page.path, svg) for svg in _svgs(page.body)]
    for document in model.documents:
        renderer = Renderer(model, links.document_page(document), document)
        found += [(renderer.page, svg) for svg in _svgs(document_map(renderer, document))]
    return found


def _svgs(markdown: str) -> list[etree._Element]:
    return [etree.fromstring(text) for text in re.findall(r"<svg .*?</svg>", markdown)]


# -- the TEI ------------------------------------------------------------------------------------------------

def test_coordinates_are_those_of_the_tei_file(model):
    tree = etree.parse(str(TEI_DIR / "registers.xml"))
    places = tree.findall(".//tei:listPlace/tei:place", TEI)
    assert places
    located = 0
    for place in places:
        entry = model.registers[place.get("{http://www.w3.org/XML/1998/namespace}id")]
        geo = place.find("tei:location/tei:geo", TEI)
        if geo is None:
            assert entry.location is None
            continue
        located += 1
        lat, lon = geo.text.split()
        assert entry.location is not None
        assert (entry.location.lat, entry.location.lon) == (float(lat), float(lon))
        assert entry.location.sources == tuple(geo.get("source").split())
        assert entry.location.kind == place.find("tei:location", TEI).get("type")
    assert located == len(EXPECTED_STATE) + 1  # and the border crossing
    assert model.registers["pl-northeast-china"].location is None
    assert model.registers["pl-east-block"].location is None


def test_every_coordinate_cites_a_web_source_consulted_on_a_date(model):
    for entry in model.registers.of_kind("place"):
        if entry.location is None:
            continue
        assert entry.location.sources, entry.id
        for pointer in entry.location.sources:
            source = model.edition.sources[pointer.removeprefix("edn:")]
            assert source.urls and not source.withdrawn
            assert source.element.find(".//tei:date[@type='accessed'][@when='2026-11-25']", TEI) is not None
        assert "not yet been checked" in entry.location.note


@pytest.mark.parametrize(("value", "source", "rule"), [
    ("95.0 120.0", "edn:src-liquisearch-liaoning", "geo-value"),
    ("41.1,122.3", "edn:src-liquisearch-liaoning", "geo-value"),
    ("41.1 122.3 7", "edn:src-liquisearch-liaoning", "geo-value"),
    ("41.1 122.3", None, "geo-source"),
])
def test_schematron_rejects_a_bad_coordinate(value, source, rule):
    path = TEI_DIR / "registers.xml"
    tree = etree.parse(str(path))
    geo = tree.xpath("//tei:place[@xml:id='pl-liaoning']/tei:location/tei:geo", namespaces=TEI)[0]
    geo.text = value
    if source is None:
        del geo.attrib["source"]
    assert rule in {p.rule for p in check_rules(path, tree)}


# -- the boundaries -----------------------------------------------------------------------------------------

def _inside(point, rings) -> bool:
    x, y = point
    odd = False
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
                odd = not odd
    return odd


def _state_rings(state: str) -> list[list[list[tuple[float, float]]]]:
    topology = world()
    countries = [c for c in topology.countries if (c.id in SOVIET if state == "USSR" else c.name == state)]
    assert countries, state
    return [[topology.ring_points(r) for r in polygon] for c in countries for polygon in c.polygons]


def test_each_point_lies_in_the_land_of_its_state(model):
    polygons = {state: _state_rings(state) for state in set(EXPECTED_STATE.values())}
    for place_id, state in EXPECTED_STATE.items():
        location = model.registers[place_id].location
        point = (location.lon, location.lat)
        assert any(_inside(point, rings) for rings in polygons[state]), (place_id, state)
        others = [s for s in polygons if s != state]
        assert not any(_inside(point, rings) for s in others for rings in polygons[s]), place_id


def test_the_border_point_lies_on_the_sino_soviet_line(model):
    topology = world()
    china = {i if i >= 0 else ~i for c in topology.countries if c.name == "China"
             for polygon in c.polygons for ring in polygon for i in ring}
    soviet = {i if i >= 0 else ~i for c in topology.countries if c.id in SOVIET
              for polygon in c.polygons for ring in polygon for i in ring}
    location = model.registers["pl-sino-soviet-border"].location
    nearest = min(math.dist((location.lon, location.lat), p) for i in china & soviet for p in topology.arcs[i])
    assert nearest < 0.15  # degrees: within about 15 km of a vertex of the boundary


def _land_rings(svg: etree._Element, state: str) -> list[list[tuple[float, float]]]:
    rings = []
    for path in svg.findall(f"s:path[@data-state='{state}']", SVG):
        for part in re.findall(r"M([^MZ]+)Z", path.get("d")):
            numbers = [float(n) for n in part.split()]
            rings.append(list(zip(numbers[0::2], numbers[1::2], strict=True)))
    return rings


def test_every_dot_is_in_the_view_and_on_the_land_of_its_state(maps):
    checked = set()
    for _page, svg in maps:
        _, _, width, height = (float(v) for v in svg.get("viewBox").split())
        for link in svg.findall("s:a", SVG):
            dot = link.find("s:circle", SVG)
            x, y = float(dot.get("cx")), float(dot.get("cy"))
            assert 0 < x < width and 0 < y < height
            state = EXPECTED_STATE.get(link.get("data-place"))
            if state is not None:
                assert _inside((x, y), _land_rings(svg, state)), (link.get("data-place"), state)
                checked.add(link.get("data-place"))
    assert checked == set(EXPECTED_STATE)


def test_republic_borders_are_drawn_apart_from_international_ones(maps):
    svg = next(svg for page, svg in maps if page == "map.md")
    assert svg.find("s:path[@class='intl']", SVG) is not None
    assert svg.find("s:path[@class='republic']", SVG) is not None
    assert svg.find("s:path[@data-state='Kazakhstan']", SVG) is None  # merged into the USSR
    assert svg.find("s:path[@data-state='USSR']", SVG) is not None


# -- the SVG ------------------------------------------------------------------------------------------------

def test_every_dot_links_to_its_register_page(model, maps):
    pages = {links.entry_page(e): e.id for e in model.registers.entries.values()}
    for page, svg in maps:
        anchors = svg.findall("s:a", SVG)
        assert anchors
        for anchor in anchors:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), anchor.get("href")))
            assert pages.get(target) == anchor.get("data-place"), (page, anchor.get("href"))
            assert anchor.find("s:circle", SVG) is not None


def test_svg_is_titled_and_described(maps):
    for _page, svg in maps:
        title = svg.find("s:title", SVG)
        assert title is not None and title.text.strip()
        assert svg.get("aria-labelledby") == title.get("id")
        assert svg.find("s:desc", SVG).get("id") == svg.get("aria-describedby")
        for anchor in svg.findall("s:a", SVG):
            assert anchor.find("s:title", SVG).text.strip()


def test_no_outside_address_in_the_svg(maps):
    for _page, svg in maps:
        text = etree.tostring(svg, encoding="unicode")
        assert set(re.findall(r"https?://[^\s\"'<>)]+", text)) == {SVG_NS}


def test_caption_states_what_the_boundaries_show(maps):
    for _page, svg in maps:
        caption = " ".join(svg.find("s:desc", SVG).text.split())
        for phrase in ("Natural Earth", "USSR", "12 October", "26 December 1962", "disputed",
                       "not a source for the legal boundaries of 1962"):
            assert phrase in caption


def test_maps_are_small(maps):
    for page, svg in maps:
        assert len(etree.tostring(svg)) < 150_000, page


def test_names_do_not_overlap_on_the_document_maps(maps):
    for page, svg in maps:
        if page == "map.md":
            continue
        boxes = []
        for text in svg.findall("s:a/s:text[@class='label']", SVG):
            x, y, width = float(text.get("x")), float(text.get("y")), len(text.text) * CHAR_WIDTH
            left = {"start": x, "middle": x - width / 2, "end": x - width}[text.get("text-anchor")]
            boxes.append((left, y - FONT_SIZE * 0.8, left + width, y + FONT_SIZE * 0.2))
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1]), (page, a, b)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", [0, 1])
def test_colours_have_enough_contrast(scheme):
    for pairs, needed in ((style.LINE_PAIRS, 3.0), (style.TEXT_PAIRS, 4.5)):
        for foreground, background in pairs:
            ratio = _contrast(style.COLOURS[foreground][scheme], style.COLOURS[background][scheme])
            assert ratio >= needed, (scheme, foreground, background, ratio)


# -- the pages ----------------------------------------------------------------------------------------------

def test_map_page_lists_every_place(model):
    page = edition_map_page(model)
    assert page.path == "map.md" and page.title == "Map of the places"
    for entry in model.registers.of_kind("place"):
        assert f"]({links.relative('map.md', links.entry_page(entry))})" in page.body, entry.id
    assert page.body.count("not on the map") == 2
    assert "world-atlas" in page.body and "Natural Earth" in page.body


def test_document_map_is_a_panel_of_the_located_places(model):
    for document in model.documents:
        renderer = Renderer(model, links.document_page(document), document)
        fragment = document_map(renderer, document)
        shown = [a.get("data-place") for svg in _svgs(fragment) for a in svg.findall("s:a", SVG)]
        assert fragment.startswith("<details") and f"({len(shown)})</summary>" in fragment
        assert shown and all(model.registers[i].location is not None for i in shown)


# -- the data -----------------------------------------------------------------------------------------------

def test_missing_boundary_data_is_one_clear_line(tmp_path):
    with pytest.raises(EditionError) as raised:
        read_topology(tmp_path / "node_modules" / "world-atlas" / DATA_FILE.name)
    message = str(raised.value)
    assert "\n" not in message
    assert "npm ci" in message and "world-atlas" in message


def test_site_links_become_page_addresses(model):
    from build_scripts.maps.site_links import rewrite_map_links
    page = edition_map_page(model)
    urls = {"places/andong.md": "../places/andong/"}
    html = rewrite_map_links(page.body, page.path, urls.get)
    assert '<a href="../places/andong/" data-place="pl-andong">' in html
    assert '<a href="places/anshan.md" data-place="pl-anshan">' in html  # unknown to the resolver: kept
    assert "](places/andong.md)" in html  # Markdown links are MkDocs' own business
