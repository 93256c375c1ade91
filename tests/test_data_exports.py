"""The data for reuse, read back from the built tree and site: the TEI zip
holds the sources byte for byte, the registers' JSON agrees with what
registers.xml says when read here on its own, the CSV files read back to
the JSON's rows, the texts are the model's, the CMIF lists the cables with
their senders and addressees, and the pages' schema.org JSON-LD parses,
expands (with no network) and survives hostile text in the sources."""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import lxml.html
import pytest
from conftest import TEI_DIR, build_in_process, copy_project
from hostile_fields import CABLE, DESCRIPTION, MINUTES, SCRIPT, TITLE, as_xml
from lxml import etree
from pyld import jsonld

from build_scripts.exports import locations
from build_scripts.exports.corpus_zip import FOLDER, corpus_zip
from build_scripts.exports.registers_data import COMMON, EXTRA, ROLE_COLUMNS, VARIANT_COLUMNS
from build_scripts.model.load import load_model
from build_scripts.model.registers import KINDS
from build_scripts.model.text import normalise_space, reading_text, transcription_text
from build_scripts.paths import Project
from build_scripts.stages.tree import make_tree
from build_scripts.tei.schema import tei_all

MODEL = load_model()
TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"tei": TEI[1:-1]}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SCHEMA = "https://schema.org/"


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    project = Project.at(copy_project(tmp_path_factory.mktemp("data-exports") / "project"))
    make_tree(project)
    return project.tree


def read(tree: Path, path: str) -> bytes:
    return (tree / path).read_bytes()


def test_every_data_file_is_listed_and_written(tree):
    listed = locations.data_paths(MODEL)
    assert len(listed) == len(set(listed))
    written = sorted(p.relative_to(tree).as_posix() for p in (tree / locations.DATA).rglob("*") if p.is_file())
    assert written == sorted(listed)
    assert len([p for p in listed if p.startswith(f"{locations.DATA}/texts/")]) == 2 * len(MODEL.documents)


# -- the TEI zip ------------------------------------------------------------------------------

def test_zip_holds_each_tei_file_byte_for_byte(tree):
    with zipfile.ZipFile(io.BytesIO(read(tree, locations.TEI_ZIP))) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names == sorted(names), "entries in a fixed order"
        sources = {"edition.xml": TEI_DIR / "edition.xml", "registers.xml": TEI_DIR / "registers.xml"}
        sources.update({f"documents/{p.name}": p for p in (TEI_DIR / "documents").glob("*.xml")})
        assert sorted(names) == sorted(f"{FOLDER}/{n}" for n in [*sources, "README.txt", "LICENSE.txt"])
        for name, source in sources.items():
            assert archive.read(f"{FOLDER}/{name}") == source.read_bytes(), name
        year, month, day = (int(x) for x in MODEL.edition.version_date.split("-"))
        assert {info.date_time for info in archive.infolist()} == {(year, month, day, 0, 0, 0)}
        readme = archive.read(f"{FOLDER}/README.txt").decode("utf-8")
        licence = archive.read(f"{FOLDER}/LICENSE.txt").decode("utf-8")
    for fact in (MODEL.edition.version, MODEL.edition.url, "CC BY 4.0", "Wilson Center", "TEI P5 4.3.0"):
        assert fact in readme, fact
    assert MODEL.edition.licence_url in licence and "Wilson Center" in licence


def test_zip_bytes_do_not_depend_on_when_or_where_it_is_made(tree):
    # the tree was made from a copy of the project, moments ago: same bytes
    assert read(tree, locations.TEI_ZIP) == corpus_zip(MODEL)


# -- the registers ----------------------------------------------------------------------------

def registers_from_xml() -> dict[str, dict]:
    """registers.xml read here, without the model: id -> what the JSON must say."""
    root = etree.parse(str(TEI_DIR / "registers.xml")).getroot()
    entries = {}
    for kind, (tag, name_tag, prefix, folder, _label) in KINDS.items():
        for element in root.iter(f"{TEI}{tag}"):
            if not element.get(XML_ID):
                continue
            names = list(element.iter(f"{TEI}{name_tag}")) if kind == "term" else element.findall(f"{TEI}{name_tag}")
            geo = element.find(f"{TEI}location/{TEI}geo")
            description = (element.find("tei:sense/tei:def", NS) if kind == "term"
                           else element.find("tei:note[@type='description']", NS))
            entries[element.get(XML_ID)] = {
                "section": folder, "name": normalise_space("".join(names[0].itertext())),
                "variants": [normalise_space("".join(n.itertext())) for n in names[1:]],
                "coordinates": [float(v) for v in geo.text.split()] if geo is not None else None,
                "sources": [s.removeprefix("edn:") for s in (description.get("source") or "").split()],
                "url": MODEL.edition.url + f"{folder}/{element.get(XML_ID).removeprefix(prefix)}/",
            }
    return entries


def test_registers_json_says_what_registers_xml_says(tree):
    data = json.loads(read(tree, locations.REGISTERS_JSON))
    expected = registers_from_xml()
    assert data["edition"]["version"] == MODEL.edition.version and data["edition"]["url"] == MODEL.edition.url
    found = {entry["id"]: (section, entry) for section in ("persons", "places", "organisations", "glossary")
             for entry in data[section]}
    assert sorted(found) == sorted(expected)
    for entry_id, want in expected.items():
        section, entry = found[entry_id]
        assert section == want["section"], entry_id
        assert entry["name"] == want["name"], entry_id
        assert [v["name"] for v in entry["variants"]] == want["variants"], entry_id
        assert [s["id"] for s in entry["sources"]] == want["sources"], entry_id
        assert all(s["title"] for s in entry["sources"]), entry_id
        assert entry["url"] == want["url"], entry_id
        location = entry.get("location")
        assert ([location["latitude"], location["longitude"]] if location else None) == want["coordinates"], entry_id
    ji = found["per-ji-pengfei"][1]
    assert ji["birth"]["when"] == "1910-02-02"
    office = next(s for s in ji["states"] if s["label"] == "Vice Minister of Foreign Affairs")
    assert (office["from"], office["to"], office["when"]) == ("1955", "1972", None)
    assert {v["language"] for v in ji["variants"]} == {"zh-Hans"}


def csv_rows(tree: Path, path: str) -> list[dict]:
    raw = read(tree, path)
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    assert raw.count(b"\r\n") == raw.count(b"\n"), "RFC 4180 line ends (no cell holds a line break)"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def flat(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return " ".join(v["id"] if isinstance(v, dict) else v for v in value)
    return str(value)


def test_csv_files_read_back_to_the_json(tree):
    data = json.loads(read(tree, locations.REGISTERS_JSON))
    for kind, (_tag, _name, _prefix, section, _label) in KINDS.items():
        rows = csv_rows(tree, locations.register_csv(kind))
        assert list(rows[0]) == COMMON + EXTRA.get(kind, [])
        expected = []
        for entry in data[section]:
            row = {column: flat(entry[column]) for column in COMMON}
            if kind == "person":
                for life in ("birth", "death"):
                    row[f"{life}_date"] = flat((entry[life] or {}).get("when"))
                    row[life] = flat((entry[life] or {}).get("text"))
            if kind == "place":
                point = entry["location"] or {}
                row.update(latitude=flat(point.get("latitude")), longitude=flat(point.get("longitude")),
                           point_kind=flat(point.get("kind")), point_name=flat(point.get("point_name")),
                           point_note=flat(point.get("note")), point_sources=flat(point.get("sources")))
            expected.append(row)
        assert rows == expected, kind
    entries = [e for section in ("persons", "places", "organisations", "glossary") for e in data[section]]
    variants = csv_rows(tree, locations.VARIANTS_CSV)
    assert variants == [dict(zip(VARIANT_COLUMNS, [e["id"], *(flat(v[k]) for k in VARIANT_COLUMNS[1:])], strict=True))
                        for e in entries for v in e["variants"]]
    roles = csv_rows(tree, locations.ROLES_CSV)
    assert roles and roles == [dict(zip(ROLE_COLUMNS, [e["id"], *(flat(s[k]) for k in ROLE_COLUMNS[1:])], strict=True))
                               for e in entries for s in e.get("states", [])]


def test_places_csv_coordinates_are_numbers_from_the_tei(tree):
    expected = registers_from_xml()
    for row in csv_rows(tree, locations.register_csv("place")):
        want = expected[row["id"]]["coordinates"]
        assert ([float(row["latitude"]), float(row["longitude"])] if row["latitude"] else None) == want


# -- the texts --------------------------------------------------------------------------------

@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
@pytest.mark.parametrize("reading", [False, True], ids=["transcription", "reading"])
def test_texts_are_the_models(tree, document, reading):
    text = read(tree, locations.document_text(document, reading)).decode("utf-8")
    heading, body = text.split("\n\n", 1)
    assert heading.splitlines()[:2] == [document.title, f"{document.date_label} ({document.date})"]
    assert MODEL.edition.published(document.page_path) in heading
    element = document.text.find("tei:body", NS)
    expected = reading_text(element, MODEL.edition.bracket_readings) if reading else transcription_text(element)
    assert normalise_space(body) == normalise_space(expected)
    assert all(block == block.strip() and "\n" not in block for block in body.strip("\n").split("\n\n"))


def test_reading_text_differs_where_the_editors_corrected():
    cable = next(d for d in MODEL.documents if d.doctype == "edn:dt-cable")
    from build_scripts.exports.texts import document_text
    assert "[Even] since" in document_text(MODEL, cable) and "Ever since" in document_text(MODEL, cable, True)


# -- CMIF -------------------------------------------------------------------------------------

def test_cmif_lists_each_cable_with_its_correspondents(tree):
    data = read(tree, locations.CMIF)
    root = etree.fromstring(data)  # well-formed, or this raises
    assert tei_all().validate(etree.ElementTree(root)), tei_all().error_log
    edition = MODEL.edition
    header = root.find("tei:teiHeader/tei:fileDesc", NS)
    assert header.findtext("tei:titleStmt/tei:title", namespaces=NS) and header.find("tei:titleStmt/tei:editor", NS) is not None
    assert header.findtext("tei:publicationStmt/tei:idno[@type='url']", namespaces=NS) == edition.published(locations.CMIF)
    assert header.find("tei:publicationStmt/tei:date", NS).get("when") == edition.version_date
    assert header.find("tei:publicationStmt/tei:availability/tei:licence", NS).get("target") == \
        "https://creativecommons.org/licenses/by/4.0/"
    assert header.find("tei:publicationStmt/tei:publisher", NS) is not None
    bibl = header.find("tei:sourceDesc/tei:bibl[@type='online']", NS)
    assert bibl is not None and bibl.get(XML_ID)
    cables = [d for d in MODEL.documents if d.doctype == "edn:dt-cable"]
    described = root.findall("tei:teiHeader/tei:profileDesc/tei:correspDesc", NS)
    assert len(described) == len(cables) >= 1
    for document, desc in zip(cables, described, strict=True):
        assert desc.get("ref") == edition.published(document.page_path)
        assert desc.get("source") == f"#{bibl.get(XML_ID)}"

        def names(action: str, desc=desc) -> list[str]:
            found = desc.find(f"tei:correspAction[@type='{action}']", NS)
            return [e.text for e in found if etree.QName(e).localname in ("persName", "orgName")]

        assert names("sent") == [p.name for p in document.senders]
        assert names("received") == [p.name for p in document.addressees]
        sent_date = desc.find("tei:correspAction[@type='sent']/tei:date", NS)
        assert (sent_date.get("when") or sent_date.get("notBefore")) == document.date
        assert all(not e.get("ref") for e in desc.iter(f"{TEI}persName", f"{TEI}orgName")), \
            "no authority URIs are recorded, so none may be made up"


# -- JSON-LD in the built pages, with hostile text in the sources --------------------------------

HOSTILE_PERSON = ("A career diplomat from Shanxi", f"{as_xml(DESCRIPTION)} A career diplomat from Shanxi")
HOSTILE_PLACE = ("A Liaoning city on the Yalu", f"{as_xml(SCRIPT)} &amp; A Liaoning city on the Yalu")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A copy with `</script>` in a person's and a place's description and in
    a document's title, built once in this process (pages only)."""
    root = tmp_path_factory.mktemp("data-exports-site")
    project = copy_project(root / "project")
    registers = project / "tei" / "registers.xml"
    text = registers.read_text(encoding="utf-8")
    for old, new in (HOSTILE_PERSON, HOSTILE_PLACE):
        assert old in text
        text = text.replace(old, new, 1)
    registers.write_text(text, encoding="utf-8")
    minutes = project / "tei" / MINUTES
    old_title = re.search(r'<title type="main">[^<]*</title>', minutes.read_text(encoding="utf-8")).group(0)
    minutes.write_text(minutes.read_text(encoding="utf-8").replace(old_title, f'<title type="main">{as_xml(TITLE)}</title>'),
                       encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EDITION_DOWNLOADS", "false")
        _, log, err, error = build_in_process(project, root / "site")
    assert error is None, f"{error!r}\n{log}\n{err}"
    return root / "site", load_model(project / "tei")


def json_ld(page: Path) -> dict:
    html = page.read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert len(scripts) == 1, "one JSON-LD element in the head"
    assert not re.search(r"[<>&]", scripts[0]), "escaped, so no text can close the element"
    # the parsed page agrees: the element holds exactly this text
    [element] = lxml.html.fromstring(html).xpath("//head/script[@type='application/ld+json']")
    assert element.text == scripts[0]
    return json.loads(scripts[0])


LOCAL_SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA, "url": {"@type": "@id"}, "sameAs": {"@type": "@id"},
                                     "isBasedOn": {"@type": "@id"}, "license": {"@type": "@id"}}}


def offline_loader(url: str, options=None) -> dict:
    """schema.org's context, written here minimally; anything else is refused (no network)."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": LOCAL_SCHEMA_CONTEXT}
    raise jsonld.JsonLdError(f"refused to fetch {url}", "jsonld.LoadDocumentError", code="loading document failed")


def expand(data: dict) -> dict:
    [node] = jsonld.expand(data, {"documentLoader": offline_loader})
    return node


def values(node: dict, name: str) -> list:
    return [v.get("@value", v.get("@id", v)) for v in node.get(SCHEMA + name, [])]


def test_offline_loader_refuses_other_contexts():
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": "https://example.org/context.jsonld", "name": "x"},
                      {"documentLoader": offline_loader})


def test_document_pages_describe_the_document(site):
    folder, model = site
    edition = model.edition
    for document in model.documents:
        data = json_ld(folder / "documents" / document.slug / "index.html")
        assert data["name"] == document.title
        node = expand(data)
        url = edition.published(document.page_path)
        assert node["@id"] == url and values(node, "url") == [url]
        assert SCHEMA + "ArchiveComponent" in node["@type"]
        assert values(node, "dateCreated") == [document.date]
        assert values(node, "inLanguage") == ["en"]
        [original] = node[SCHEMA + "translationOfWork"]
        assert values(original, "inLanguage") == ["zh"]
        [edition_node] = node[SCHEMA + "isPartOf"]
        assert values(edition_node, "version") == [edition.version] and values(edition_node, "url") == [edition.url]
        translators = [values(t, "name") for t in node.get(SCHEMA + "translator", [])]
        assert translators == ([[document.translator.text]] if document.translator.recorded else [])
        if document.doctype == "edn:dt-cable":
            assert SCHEMA + "Message" in node["@type"]
            assert [values(s, "name")[0] for s in node[SCHEMA + "sender"]] == [p.name for p in document.senders]
            assert [values(s, "name")[0] for s in node[SCHEMA + "recipient"]] == [p.name for p in document.addressees]
    minutes = next(d for d in model.documents if d.path.name == Path(MINUTES).name)
    assert minutes.translator.recorded, "the translator's case is tested on the minutes"
    assert "</script>" in minutes.title


def test_person_and_place_pages_describe_the_entry(site):
    folder, model = site
    ji, andong = model.registers["per-ji-pengfei"], model.registers["pl-andong"]
    person = json_ld(folder / "persons" / ji.slug / "index.html")
    assert person["description"] == ji.description_text and "</script>" in person["description"]
    node = expand(person)
    assert node["@type"] == [SCHEMA + "Person"]
    assert values(node, "name") == [ji.name] and values(node, "alternateName") == [v.text for v in ji.variants]
    assert values(node, "url") == [model.edition.published(f"persons/{ji.slug}.md")]
    assert values(node, "birthDate") == ["1910-02-02"]
    assert SCHEMA + "sameAs" not in node, "no authority identifiers are recorded"

    place = json_ld(folder / "places" / andong.slug / "index.html")
    assert place["description"] == andong.description_text and "</script>" in place["description"]
    node = expand(place)
    assert node["@type"] == [SCHEMA + "Place"]
    [geo] = node[SCHEMA + "geo"]
    assert geo["@type"] == [SCHEMA + "GeoCoordinates"]
    assert (values(geo, "latitude"), values(geo, "longitude")) == ([andong.location.lat], [andong.location.lon])
    unlocated = next(e for e in model.registers.of_kind("place") if e.location is None)
    assert "geo" not in json_ld(folder / "places" / unlocated.slug / "index.html")


def test_hostile_text_reaches_the_data_intact(site):
    folder, model = site
    data = json.loads((folder / locations.REGISTERS_JSON).read_text(encoding="utf-8"))
    ji = next(e for e in data["persons"] if e["id"] == "per-ji-pengfei")
    assert ji["description"] == model.registers["per-ji-pengfei"].description_text
    assert etree.parse(str(folder / locations.CMIF)) is not None
    cable = next(d for d in model.documents if d.path.name == Path(CABLE).name)
    assert (folder / locations.document_text(cable)).is_file()


def test_every_data_file_is_linked_from_the_about_page_or_its_documents_page(site):
    """The edition-wide files from the about page (whose length must not grow
    with the edition); each document's texts from that document's page."""
    folder, model = site
    about = lxml.html.fromstring((folder / "about" / "index.html").read_text(encoding="utf-8"))
    assert about.xpath("//h2[@id='data']"), "a 'Data for reuse' section"
    hrefs = {href.removeprefix("../") for href in about.xpath("//a/@href")}
    texts = {locations.document_text(d, reading) for d in model.documents for reading in (False, True)}
    assert set(locations.data_paths(model)) - texts <= hrefs
    for document in model.documents:
        page = lxml.html.fromstring((folder / "documents" / document.slug / "index.html").read_text(encoding="utf-8"))
        linked = {href.removeprefix("../../") for href in page.xpath("//a/@href")}
        assert {locations.document_text(document), locations.document_text(document, True)} <= linked
    for path in locations.data_paths(model):
        assert (folder / path).is_file(), path


def test_the_sitemap_lists_every_data_file(built_site):
    sitemap = etree.parse(str(built_site.site / "sitemap.xml")).getroot()
    listed = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for path in locations.data_paths(MODEL):
        assert MODEL.edition.published(path) in listed, path
        assert (built_site.site / path).is_file(), path
