"""The timeline of events (edition.xml's listEvent, timeline.md).

What the page should show is worked out here from the TEI with lxml alone
(its own date arithmetic, its own pointer resolution), then compared with
the page the build generates and with the pages its links lead to,
converted to HTML as MkDocs converts them."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import posixpath
import re
from pathlib import Path

import markdown
import pytest
from conftest import run_in_thread
from lxml import etree, html

from build_scripts.markdown.document_page import document_page
from build_scripts.markdown.edition_pages import edition_pages
from build_scripts.markdown.page import MARKDOWN_CONFIG, MARKDOWN_EXTENSIONS
from build_scripts.markdown.register_pages import register_pages
from build_scripts.markdown.timeline_page import PATH, timeline_page
from build_scripts.model.events import range_label
from build_scripts.model.load import load_model
from build_scripts.paths import TEI_DIR, copy_project
from build_scripts.tei import validate

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"tei": TEI[1:-1]}
# Register element -> the folder of its pages (the ids carry a kind prefix).
REGISTER_FOLDERS = {"person": ("persons", "per-"), "place": ("places", "pl-"),
                    "org": ("organisations", "org-"), "entry": ("glossary", "t-")}


# -- the TEI, read independently ----------------------------------------------------

def _parse(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


@functools.cache
def tei_events() -> list[etree._Element]:
    return _parse(TEI_DIR / "edition.xml").findall("tei:standOff/tei:listEvent/tei:event", NS)


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of a date written to the year, month or day."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(*parts, 1), dt.date(*parts, calendar.monthrange(*parts)[1])
    return dt.date(*parts), dt.date(*parts)


def expected_order() -> list[str]:
    """Event ids in the order the page promises: by the day an event has
    certainly begun (the last day of its earliest date), then by that date's
    first day, then by the last day of its latest date, then as listed."""
    keyed = []
    for position, event in enumerate(tei_events()):
        values = [event.get(a) for a in ("when", "from", "notBefore", "to", "notAfter") if event.get(a)]
        earliest, latest = values[0], values[-1]
        keyed.append(((_bounds(earliest)[1], _bounds(earliest)[0], _bounds(latest)[1], position), event.get(XML_ID)))
    return [xml_id for _key, xml_id in sorted(keyed)]


@functools.cache
def documents() -> dict[str, tuple[str, str, etree._Element]]:
    """Document file name -> (slug, date, root)."""
    found = {}
    for path in sorted((TEI_DIR / "documents").glob("*.xml")):
        root = _parse(path).getroot()
        slug = root.findtext("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='slug']", namespaces=NS)
        date = root.find("tei:teiHeader/tei:profileDesc/tei:creation/tei:date", NS)
        found[path.name] = (slug, date.get("when") or date.get("notBefore") or date.get("from"), root)
    return found


@functools.cache
def register_ids() -> dict[str, str]:
    """Register entry id -> its element's name."""
    root = _parse(TEI_DIR / "registers.xml").getroot()
    return {e.get(XML_ID): etree.QName(e).localname for e in root.iter()
            if isinstance(e.tag, str) and etree.QName(e).localname in REGISTER_FOLDERS and e.get(XML_ID)}


def expected_link(pointer: str) -> tuple[str, str | None, str]:
    """(page, anchor or None, kind) that a ptr/@target of an event must lead to."""
    if pointer.startswith("reg:"):
        xml_id = pointer[4:]
        folder, prefix = REGISTER_FOLDERS[register_ids()[xml_id]]
        return f"{folder}/{xml_id.removeprefix(prefix)}.md", None, "entry"
    if pointer.startswith("#"):
        return "introduction.md", pointer[1:], "edition"
    file_part, _, xml_id = pointer.partition("#")
    slug, _date, root = documents()[Path(file_part).name]
    page = f"documents/{slug}.md"
    if xml_id == root.get(XML_ID):
        return page, None, "document"
    element = root.xpath("//*[@xml:id=$id]", id=xml_id)[0]
    if etree.QName(element).localname == "note":
        return page, f"fn:{xml_id}", "note"
    return page, xml_id, "paragraph"


# -- the generated pages, as HTML ---------------------------------------------------

@functools.cache
def pages() -> dict[str, tuple[etree._Element, dict]]:
    """Every page a timeline link may lead to, with its front matter, by source path."""
    model = load_model()
    generated = [*edition_pages(model), *register_pages(model), *(document_page(model, d) for d in model.documents),
                 timeline_page(model)]
    converted = {}
    for page in generated:
        body = markdown.markdown(page.body, extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)
        converted[page.path] = (html.fromstring(f"<div>{body}</div>"), page.meta)
    return converted


def timeline_html() -> etree._Element:
    return pages()[PATH][0]


def page_items() -> list[etree._Element]:
    return timeline_html().xpath("//ol[contains(@class, 'timeline-events')]/li")


def item(event_id: str) -> etree._Element:
    found = timeline_html().xpath("//li[@id=$id]", id=event_id)
    assert len(found) == 1, f"event {event_id} is on the timeline {len(found)} times"
    return found[0]


def hrefs(element: etree._Element) -> list[str]:
    """The links of an element, as site paths relative to the root (page.md#anchor)."""
    resolved = []
    for href in element.xpath(".//a/@href"):
        target, _, anchor = href.partition("#")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(PATH), target)) if target else PATH
        resolved.append(f"{path}#{anchor}" if anchor else path)
    return resolved


# -- the tests ------------------------------------------------------------------------

def test_the_edition_has_events():
    assert len(tei_events()) >= 20
    assert all(e.get(XML_ID, "").startswith("ev-") for e in tei_events())


def test_every_event_is_on_the_page_in_date_order():
    on_page = [li.get("id") for li in page_items()]
    listed = expected_order()
    assert [i for i in on_page if i in listed] == listed
    for li, event_id in zip(page_items(), on_page, strict=True):  # each under the heading of its year
        year = li.getparent().getprevious()
        assert year.tag == "h2" and year.text_content().strip() == li.xpath("string(.//time/@datetime)")[:4], event_id


def test_dates_are_shown_at_the_precision_of_the_sources():
    for event in tei_events():
        time = item(event.get(XML_ID)).xpath(".//time")[0]
        first = next(event.get(a) for a in ("when", "from", "notBefore", "notAfter") if event.get(a))
        assert time.get("datetime") == first
        reader = event.find("tei:label[@type='date']", NS)
        shown = time.text_content()
        if reader is not None:
            assert shown == reader.text
        elif event.get("when"):
            assert re.fullmatch(r"(\d{1,2} )?([A-Z][a-z]+ )?\d{4}", shown), shown
            assert shown.count(" ") == event.get("when").count("-"), f"{shown} for when={event.get('when')}"
        else:
            assert "\u2013" in shown, f"a range is shown as one date: {shown}"


def test_range_labels():
    assert range_label("1959", "1961") == "1959\u20131961"
    assert range_label("1961-05-01", "1961-05-08") == "1\u20138 May 1961"
    assert range_label("1962-04-24", "1962-06-08") == "24 April \u2013 8 June 1962"
    assert range_label("1961-01", "1961-04") == "January \u2013 April 1961"
    assert range_label("1959-10-15", "1965-04-13") == "15 October 1959 \u2013 13 April 1965"


def test_every_event_has_sources_from_the_bibliography():
    root = _parse(TEI_DIR / "edition.xml").getroot()
    bibliography = {b.get(XML_ID): b for b in root.xpath(".//tei:listBibl[@xml:id='sources']/tei:bibl", namespaces=NS)}
    sources_page = pages()["sources.md"][0]
    for event in tei_events():
        cited = (event.get("source") or "").split()
        assert cited, f"{event.get(XML_ID)} cites no source"
        links = hrefs(item(event.get(XML_ID)))
        for pointer in cited:
            assert pointer.startswith("edn:"), pointer
            bibl = bibliography.get(pointer[4:])
            assert bibl is not None, f"{event.get(XML_ID)}: {pointer} is not in the bibliography"
            assert bibl.get("subtype") != "withdrawn", f"{event.get(XML_ID)} cites a withdrawn source"
            assert f"sources.md#{pointer[4:]}" in links, f"{event.get(XML_ID)} does not link {pointer}"
            assert sources_page.xpath("//*[@id=$id]", id=pointer[4:]), f"no anchor for {pointer} on sources.md"


def test_every_event_links_to_where_the_edition_states_it():
    for event in tei_events():
        event_id = event.get(XML_ID)
        pointers = [p.get("target") for p in event.iterfind("tei:ptr", NS)]
        kinds = [expected_link(p)[2] for p in pointers]
        assert {"note", "entry", "paragraph", "edition"} & set(kinds), f"{event_id} points only to a document"
        links = hrefs(item(event_id))
        for pointer in pointers:
            page, anchor, kind = expected_link(pointer)
            wanted = f"{page}#{anchor}" if anchor else page
            assert wanted in links, f"{event_id}: no link to {wanted} ({pointer}) in {links}"
            assert page in pages(), f"{event_id}: {page} is not a generated page"
            target_html, meta = pages()[page]
            if anchor:
                assert target_html.xpath("//*[@id=$id]", id=anchor), f"{event_id}: no #{anchor} on {page}"
            if kind == "entry":
                assert meta.get("entry") == pointer[4:]


def test_note_links_give_the_number_the_page_prints():
    for event in tei_events():
        for ptr in event.iterfind("tei:ptr", NS):
            page, anchor, kind = expected_link(ptr.get("target"))
            if kind != "note":
                continue
            notes = pages()[page][0].xpath("//div[@class='footnote']/ol/li/@id")
            number = notes.index(anchor) + 1
            link = next(a for a in item(event.get(XML_ID)).xpath(".//a") if a.get("href").endswith("#" + anchor))
            assert link.text_content().startswith(f"note {number} in "), (link.text_content(), number)


def test_the_documents_are_on_the_timeline():
    for slug, date, _root in documents().values():
        marked = [li for li in page_items() if "tl-document" in li.get("class", "")
                  and f"documents/{slug}.md" in hrefs(li)]
        assert len(marked) == 1, f"document {slug} is not marked once as a document"
        assert marked[0].xpath("string(.//time/@datetime)") == date[:10]
        assert "Document" in marked[0].xpath("string(.//*[@class='tl-kind'])")


def test_the_page_needs_no_script_and_hides_nothing():
    page = timeline_html()
    assert not page.xpath("//details | //script[not(@type='application/json')] | //*[@hidden]")
    assert page.xpath("//h1")[0].text_content() == "Timeline"


@pytest.mark.parametrize("breakage, rule", [
    (('<ptr target="documents/1961-05-cable-korean-border-crossings.xml#kor1961-n13"/>',
      '<ptr target="documents/1961-05-cable-korean-border-crossings.xml#kor1961-n999"/>'), "pointer-resolves"),
    (('<event xml:id="ev-1981-dalian" when="1981" source="edn:src-britannica-luda">',
      '<event xml:id="ev-1981-dalian" when="1981" source="reg:pl-luda">'), "event-source"),
], ids=["broken-ptr", "source-not-bibliography"])
def test_a_broken_event_fails_validation_naming_file_and_line(tmp_path, breakage, rule):
    tei = copy_project(tmp_path / "project") / "tei"
    edition = tei / "edition.xml"
    old, new = breakage
    text = edition.read_text(encoding="utf-8")
    assert text.count(old) == 1, "test setup: the text to break is not in edition.xml once"
    edition.write_text(text.replace(old, new), encoding="utf-8")
    line = next(n for n, content in enumerate(edition.read_text(encoding="utf-8").splitlines(), 1) if new in content)
    code, _out, err, error = run_in_thread(validate.main, ["--tei-dir", str(tei), "--no-cache"])
    assert error is None and code == 1, err
    assert re.search(rf"^{re.escape(str(edition))}:{line}: \[{rule}\] ", err, re.MULTILINE), err
