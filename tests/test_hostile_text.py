"""Hostile text that the sources may hold, and that must come out as that
text, inert, in every output: the page body and head, look-up cards, search,
citations and exports, PDF, EPUB and the offline copy. One copy of the
project is given script, HTML, quotes, Markdown and template syntax in many
fields, built once, and read back; a browser opens its pages and checks that
no script ran."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import lxml.html
import pytest
import rispy
from bibtex_reading import read_bibtex

from build_scripts.paths import copy_project
from build_scripts.model.text import normalise_space

CABLE = "documents/1961-05-cable-korean-border-crossings.xml"
MINUTES = "documents/1962-06-26-ji-chervonenko-conversation.xml"
MINUTES_SLUG = "1962-06-26-ji-chervonenko-conversation"

TAG = '<img src=x onerror="window.__xss=1">'
SCRIPT = "</script><script>window.__xss=1</script>"
COMMENT = "<!--<script>"
QUOTES = 'the "border defense" troops\' post'
MARKDOWN = "*bold* [link](javascript:window.__xss=1) `code` | cell | {: .x } [^n]"
TEMPLATE = "{{ config.site_name }} {% if true %}x{% endif %}"
MARKER = "///Footnotes Go Here///"

QIAO = f"Qiao Xiaoguang {TAG}"
TITLE = f"Transcript of a Meeting {SCRIPT} and {QUOTES}"
SUMMARY = f"Ji and {QUOTES} spar {TAG}."
NOTE = f"1955. A note that starts like a list, with {MARKDOWN} and {TEMPLATE}."
DESCRIPTION = f"1955. A description with {COMMENT} and {SCRIPT} and {QUOTES}."
TEACHING = f"1961. A teaching paragraph that starts like a list, with {TAG}."
RULE = "--- "

def as_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Where the hostile text goes: (file, XML replaced, XML put in its place).
HOSTILE_FIELDS = {
    "register name": ("registers.xml", '<persName type="main" xml:lang="zh-Latn-pinyin">Qiao Xiaoguang</persName>',
                      f'<persName type="main" xml:lang="zh-Latn-pinyin">{as_xml(QIAO)}</persName>'),
    "register description": ("registers.xml", "The troops, posts and stations that guarded a frontier;",
                             as_xml(DESCRIPTION) + " "),
    "document title": (MINUTES, '<title type="main">Transcript of a Meeting between Vice Minister Ji Pengfei and the Ambassador of the Soviet Union to China Stepan V. Chervonenko</title>',
                       f'<title type="main">{as_xml(TITLE)}</title>'),
    "archive's summary": (MINUTES, "<note type=\"summary\">Ji Pengfei and Stepan Chervonenko spar over the Soviet Union's handling of the peoples who crossed into the USSR from Xinjiang.</note>",
                          f'<note type="summary">{as_xml(SUMMARY)}</note>'),
    "editorial note": (CABLE, "The steel city of Liaoning. Its works, begun under Japanese rule, became the Anshan Iron and Steel Company (Angang) in 1948.",
                       as_xml(NOTE)),
    "transcription paragraph": (CABLE, "Please report back on the results of the discussion.",
                                f"Please report back on the results of the discussion. {as_xml(MARKER)}"),
    "front-matter paragraphs": ("edition.xml", "<p>Working in pairs, students compare",
                                f"<p>{as_xml(TEACHING)}</p><p>{as_xml(RULE)}</p><p>Working in pairs, students compare"),
    "bibliography title": ("edition.xml", "<title>Qiao, Xiaoguang</title>",
                           f"<title>Qiao, Xiaoguang {as_xml(TAG)} {as_xml(QUOTES)}</title>"),
    "licence statement": ("edition.xml", "is published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0).</licence>",
                          f"is published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0). {as_xml(TAG)}</licence>"),
    "invisible characters": (MINUTES, "We have no intention of absorbing them", "We have no \u202eintention\u200b of absorbing them"),
}


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    for name, (file, old, new) in HOSTILE_FIELDS.items():
        path = project / "tei" / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test setup ({name}): {old[:60]!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    site = project / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[invisible-character] warning" in result.stderr  # reported, and the build went on
    return site


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
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    assert any("Qiao Xiaoguang" in t for t in titles)
    for doc in index["docs"]:  # the theme shows titles and text as HTML: markup must arrive escaped
        assert "<img" not in doc["title"] + doc["text"] and "<script" not in doc["title"] + doc["text"]


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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
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
        page.locator("a.mention[data-entry='per-qiao-xiaoguang']").first.focus()  # the look-up card
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
