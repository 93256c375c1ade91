"""Hostile text that the sources may hold, and that must come out as that
text, inert, in every output: the page body and head, look-up cards, search,
citations and exports, PDF, EPUB and the offline copy. One copy of the
project is given script, HTML, quotes, Markdown and template syntax in many
fields, built once, and read back; a browser opens its pages and checks that
no script ran."""
from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import lxml.html
import pytest
import rispy
from bibtex_reading import read_bibtex
from conftest import QuietServer
from hostile_fields import (
    DESCRIPTION,
    MARKDOWN,
    MARKER,
    MINUTES_SLUG,
    NOTE,
    QIAO,
    RULE,
    SUMMARY,
    TEACHING,
    TEMPLATE,
    TITLE,
)

from build_scripts.model.text import normalise_space
from build_scripts.search.pagefind_index import record_html
from build_scripts.stages.search import site_records


@pytest.fixture(scope="session")
def hostile_site(published_site) -> Path:
    """The published copy of the edition, whose sources hold the hostile text (conftest)."""
    assert "[invisible-character] warning" in published_site.log  # reported, and the build went on
    return published_site.site


def html(site, path: str):
    return lxml.html.parse(str(site / path)).getroot()


def page_text(root) -> str:
    return normalise_space(root.text_content())


def test_text_comes_out_literally_in_page_bodies(hostile_site):
    person = html(hostile_site, "persons/qiao-xiaoguang/index.html")
    assert QIAO in page_text(person.find(".//article"))
    assert not person.xpath("//article//img[@onerror]"), "the name became markup"
    minutes = html(hostile_site, f"documents/{MINUTES_SLUG}/index.html")
    assert SUMMARY in page_text(minutes.find(".//article"))
    cable = html(hostile_site, "documents/1961-05-cable-korean-border-crossings/index.html")
    body = page_text(cable.find(".//article"))
    assert MARKER in body
    note = cable.xpath("//li[@id='fn:kor1961-n12']")[0]
    assert page_text(note).startswith(NOTE[:40]) and not note.xpath(".//ol"), "the note became a list"
    assert MARKDOWN in page_text(note) and TEMPLATE in page_text(note)
    term = html(hostile_site, "glossary/border-defence/index.html")
    assert DESCRIPTION in page_text(term.find(".//article"))
    teaching = html(hostile_site, "teaching/index.html")
    paragraphs = [page_text(p) for p in teaching.xpath("//article//p")]
    assert TEACHING in paragraphs and RULE.strip() in paragraphs, "a paragraph lost or gained characters"
    assert len(teaching.xpath("//article//hr")) == len(teaching.xpath("//article//div[@class='footnote']"))


ALLOWED_META = {"charset", "name", "property", "content", "http-equiv"}


def test_head_metadata_keeps_quotes_and_markup_as_text(hostile_site):
    minutes = html(hostile_site, f"documents/{MINUTES_SLUG}/index.html")
    for meta in minutes.iter("meta"):
        assert set(meta.attrib) <= ALLOWED_META, f"a value broke out of its tag: {dict(meta.attrib)}"
    meta = {m.get("name") or m.get("property"): m.get("content") for m in minutes.iter("meta")}
    assert meta["citation_title"] == TITLE and meta["description"] == SUMMARY == meta["og:description"]
    person = html(hostile_site, "persons/qiao-xiaoguang/index.html")
    assert person.findtext(".//title").startswith(QIAO)
    assert normalise_space(person.xpath("string(//header//*[contains(@class, 'md-header__topic')][last()])")) == QIAO
    term = html(hostile_site, "glossary/border-defence/index.html")
    for meta in term.iter("meta"):
        assert set(meta.attrib) <= ALLOWED_META, dict(meta.attrib)


def test_cards_data_cannot_close_its_script(hostile_site):
    cable = html(hostile_site, "documents/1961-05-cable-korean-border-crossings/index.html")
    [data] = cable.xpath("//script[@id='entry-cards']")
    cards = json.loads(data.text)
    assert cards["per-qiao-xiaoguang"]["name"] == QIAO
    assert cable.xpath("//footer"), "the page was cut short after the cards"
    assert cable.xpath("//script[contains(@src, 'edition.js')]")


def test_search_index_holds_the_text_inert(hostile_site):
    records = site_records(hostile_site)
    entry = next(r for r in records if r.url.startswith("persons/qiao-xiaoguang/"))
    assert "<img" in entry.title, "the hostile name is indexed as the text it is"
    for record in records:  # the page Pagefind indexes carries it as text, never as markup
        assert not lxml.html.fromstring(record_html(record)).xpath("//main//*[not(self::p or self::span)]")
    assert (hostile_site / "pagefind" / "pagefind.js").is_file()


def test_citations_and_exports_carry_the_text(hostile_site):
    item = json.loads((hostile_site / "cite" / f"{MINUTES_SLUG}.json").read_text(encoding="utf-8"))[0]
    assert item["title"] == TITLE
    [ris] = rispy.loads((hostile_site / "cite" / f"{MINUTES_SLUG}.ris").read_text(encoding="utf-8"))
    assert ris["title"] == TITLE
    library = read_bibtex((hostile_site / "cite" / f"{MINUTES_SLUG}.bib").read_text(encoding="utf-8"))
    [entry] = library.entries
    assert normalise_space(entry.fields_dict["title"].value.replace("{", "").replace("}", "")) == TITLE
    page = html(hostile_site, f"documents/{MINUTES_SLUG}/index.html")
    for output in page.xpath("//div[contains(@class, 'csl-output')]"):
        assert not output.xpath(".//script | .//img"), "a citation carried markup"


def test_pdf_epub_and_offline_copy_carry_the_text(hostile_site, tmp_path):
    pdf = hostile_site / "downloads" / "documents" / f"{MINUTES_SLUG}.pdf"
    text = normalise_space(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                          check=True).stdout)
    assert "</script><script>window.__xss=1</script>" in text and 'onerror="window.__xss=1"' in text
    epub = hostile_site / "downloads" / "crossing-the-border.epub"
    check = subprocess.run(["java", "-jar", "/usr/share/java/epubcheck.jar", str(epub)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    with zipfile.ZipFile(epub) as archive:
        chapters = " ".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xhtml"))
    assert "&lt;img src=x onerror=" in chapters and "<img src=\"x\"" not in chapters
    with zipfile.ZipFile(hostile_site / "downloads" / "crossing-the-border-offline.zip") as archive:
        archive.extractall(tmp_path)
    (folder,) = tmp_path.iterdir()
    person = lxml.html.parse(str(folder / "persons" / "qiao-xiaoguang.html")).getroot()
    assert QIAO in page_text(person.find(".//article"))
    assert 'href="../changelog.html"' in (folder / "persons" / "qiao-xiaoguang.html").read_text(encoding="utf-8")


def test_no_script_runs_in_the_browser(browser, hostile_site):
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    handler.log_message = lambda *args: None
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs = []
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ("", "documents/1961-05-cable-korean-border-crossings/", f"documents/{MINUTES_SLUG}/",
                     "persons/qiao-xiaoguang/", "persons/", "glossary/border-defence/", "teaching/", "sources/"):
            page.goto(base + path)
            page.wait_for_load_state("load")
            assert page.evaluate("window.__xss") is None, path
        page.goto(base + "documents/1961-05-cable-korean-border-crossings/")
        page.locator(".tei-text a.mention[data-entry='per-qiao-xiaoguang']").first.focus()  # the look-up card
        page.locator("#entry-card").wait_for(state="visible")
        assert QIAO in page.locator("#entry-card").inner_text()
        page.locator("sup#fnref\\:kor1961-n12 a").click()  # the note in a pop-over
        page.locator(".note-popover").wait_for(state="visible")
        page.goto(base + f"documents/{MINUTES_SLUG}/")
        page.locator("#xj1962-p5").hover()
        page.locator("#xj1962-p5 button.cite-para").click()  # the paragraph's citations
        page.locator("dialog.cite-dialog").wait_for(state="visible")
        page.keyboard.press("Escape")
        page.locator("input.md-search__input").click()  # the search results
        page.keyboard.type("Xiaoguang")
        page.wait_for_selector(".md-search-result__item")
        assert "<img" in page.locator(".md-search-result").inner_text()
        assert page.evaluate("window.__xss") is None and not dialogs
        context.close()
    finally:
        server.shutdown()
