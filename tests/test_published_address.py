"""One published address, everywhere, and an honest preview until it is set.

The repository's edition carries a placeholder address, so the session build
(`built_site`) is a preview: every page and download must say so, and a
release must be refused. A second copy of the project, given a real-looking
address in tei/edition.xml, is built through the release command (the same
copy holds the hostile text of test_hostile_text.py: one build serves both
files): every
address any of its outputs tells a reader to cite (pages, head metadata, cite
boxes, exports, PDFs, EPUB, the offline copy) must be under that address,
whichever host serves the copy.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pypdf
import pytest
from conftest import PUBLISHED, QuietServer

from build_scripts.model.address import PREVIEW_NOTICE, is_placeholder
from build_scripts.model.load import load_model
from build_scripts.paths import PROJECT_ROOT, copy_project
from build_scripts.tei.corpus import EDITION_FILE

MODEL = load_model()
PLACEHOLDER = MODEL.edition.url
MINUTES = next(d for d in MODEL.documents if d.doctype == "edn:dt-minutes")
ZIP = "downloads/crossing-the-border-offline.zip"
URL = re.compile(r"(?:https?|file)://[^\s\"'<>)\]\\]+")


def release(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_scripts.release", "--tei-dir", str(project / "tei"),
                           "--config", str(project / "mkdocs.yml")],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=1800)


@pytest.fixture(scope="session")
def published_site(published_site) -> Path:  # noqa: F811 - the conftest fixture, as a folder
    return published_site.site


def edition_urls(text: str) -> list[str]:
    """Addresses in a text that point into the edition (or pretend to): on
    the published or placeholder host, on a local server, in the file system,
    or with the path of a page of the edition."""
    found = []
    for url in URL.findall(text):
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        own_host = host in {urlsplit(PUBLISHED).hostname, urlsplit(PLACEHOLDER).hostname}
        local = parts.scheme == "file" or host in {"localhost", "127.0.0.1", "0.0.0.0"}
        if own_host or local:
            found.append(url)
    return found


def assert_published(texts: dict[str, str]) -> int:
    """Every edition address in every text is under the published address; returns how many were seen."""
    seen = 0
    for name, text in texts.items():
        for url in edition_urls(text):
            assert url.startswith(PUBLISHED), f"{name} tells readers to use {url}"
            seen += 1
    return seen


def page_address(site: Path, page: Path) -> str:
    """The published address of a built page, online (a/b/index.html) or offline (a/b.html)."""
    relative = page.relative_to(site).as_posix()
    path = relative.removesuffix("index.html") if relative.endswith("index.html") else relative[:-5] + "/"
    return PUBLISHED + path


# ---- the published copy --------------------------------------------------------------------

def test_address_is_set_in_one_place_and_recognised():
    assert is_placeholder(PLACEHOLDER) and not is_placeholder(PUBLISHED)
    assert is_placeholder("https://edition.test/") and is_placeholder("http://127.0.0.1:8000/")


def test_every_page_gives_its_published_address(published_site):
    pages = [p for p in published_site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 50
    for page in pages:
        root = lxml.html.parse(str(page)).getroot()
        expected = page_address(published_site, page)
        assert root.xpath("string(//link[@rel='canonical']/@href)") == expected, page
        assert root.xpath("string(//meta[@property='og:url']/@content)") == expected, page
        assert root.xpath("string(//meta[@name='edition-permanent-url']/@content)") == expected, page
        assert not root.xpath("//*[contains(@class, 'preview-notice')]"), f"{page} still says it is a preview"
    seen = assert_published({str(p): p.read_text(encoding="utf-8") for p in pages})
    assert seen > 100


def test_exports_and_paragraph_citations_give_the_published_address(published_site):
    files = sorted((published_site / "cite").iterdir())
    assert files
    texts = {f.name: f.read_text(encoding="utf-8") for f in files}
    assert assert_published(texts) >= 4 * len(MODEL.documents)
    for document in MODEL.documents:
        item = json.loads(texts[f"{document.slug}.json"])[0]
        assert item["URL"] == PUBLISHED + f"documents/{document.slug}/" and "note" not in item
        assert "Preview" not in texts[f"{document.slug}.ris"] + texts[f"{document.slug}.bib"]


def pdf_texts(pdf: Path) -> str:
    reader = pypdf.PdfReader(pdf)
    links = [annotation.get_object().get("/A", {}).get("/URI", "")
             for page in reader.pages for annotation in page.get("/Annots", []) or []]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text + "\n" + "\n".join(str(link) for link in links)


def test_pdfs_and_epub_give_the_published_address(published_site):
    downloads = published_site / "downloads"
    pdfs = sorted(downloads.rglob("*.pdf"))
    assert len(pdfs) == len(MODEL.documents) + 1
    texts = {pdf.name: pdf_texts(pdf) for pdf in pdfs}
    for document in MODEL.documents:  # the title page names the document's own address
        assert PUBLISHED + f"documents/{document.slug}/" in texts[f"{document.slug}.pdf"].replace("\n", "")
    with zipfile.ZipFile(downloads / "crossing-the-border.epub") as epub:
        texts.update({name: epub.read(name).decode("utf-8") for name in epub.namelist() if name.endswith(".xhtml")})
    assert assert_published(texts) >= 3 * len(MODEL.documents)
    book = texts["crossing-the-border.pdf"].replace("\n", "")
    epub = " ".join(text for name, text in texts.items() if name.endswith(".xhtml"))
    for document in MODEL.documents:  # each document in the books gives its own address
        assert PUBLISHED + f"documents/{document.slug}/" in book
        assert PUBLISHED + f"documents/{document.slug}/" in epub
    assert not any("Preview." in text for text in texts.values())


def test_offline_copy_tells_readers_the_published_address(published_site, tmp_path):
    with zipfile.ZipFile(published_site / ZIP) as archive:
        archive.extractall(tmp_path)
    (folder,) = tmp_path.iterdir()
    pages = sorted(p for p in folder.rglob("*.html") if p.name != "404.html")
    for page in pages:
        root = lxml.html.parse(str(page)).getroot()
        assert root.xpath("string(//meta[@name='edition-permanent-url']/@content)") == page_address(folder, page), page
    citations = {f.name: f.read_text(encoding="utf-8") for f in (folder / "cite").iterdir()}
    assert assert_published(citations) > 0


def test_cite_box_gives_the_published_address_whichever_host_serves_it(browser, published_site, tmp_path):
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(published_site))
    handler.log_message = lambda *args: None
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with zipfile.ZipFile(published_site / ZIP) as archive:
        archive.extractall(tmp_path)
    (offline,) = tmp_path.iterdir()
    local = f"http://127.0.0.1:{server.server_address[1]}/documents/{MINUTES.slug}/"
    expected = PUBLISHED + f"documents/{MINUTES.slug}/#xj1962-p5"
    try:
        for address in (local, (offline / "documents" / f"{MINUTES.slug}.html").as_uri()):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(address)
            page.locator("#xj1962-p5").hover()
            page.locator("#xj1962-p5 button.cite-para").click()
            page.locator("dialog.cite-dialog").wait_for(state="visible")
            assert page.locator("dialog.cite-dialog .cite-url").inner_text().endswith(expected), address
            chicago = page.locator("dialog.cite-dialog .csl-output").first.inner_text()
            assert expected in chicago, address
            context.close()
    finally:
        server.shutdown()


# ---- the preview (placeholder address) -----------------------------------------------------

def test_every_page_of_a_preview_says_so(built_site):
    pages = sorted(built_site.site.rglob("*.html"))
    for page in pages:
        root = lxml.html.parse(str(page)).getroot()
        notice = " ".join(root.xpath("string(//*[contains(@class, 'preview-notice')])").split())
        assert PREVIEW_NOTICE in notice, f"{page} does not say it is a preview"


def test_every_download_of_a_preview_says_so(built_site):
    downloads = built_site.site / "downloads"
    for pdf in sorted(downloads.rglob("*.pdf")):
        pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        for number, text in enumerate(pages[:3], 1):  # the title page, and the foot of later pages
            assert "Preview" in text, f"{pdf.name}, page {number}"
    with zipfile.ZipFile(downloads / "crossing-the-border.epub") as epub:
        assert "Preview." in epub.read("EPUB/title-page.xhtml").decode("utf-8")
    with zipfile.ZipFile(downloads / "crossing-the-border-offline.zip") as archive:
        index = next(n for n in archive.namelist() if n.endswith("/index.html") and n.count("/") == 1)
        assert "preview-notice" in archive.read(index).decode("utf-8")
    for document in MODEL.documents:
        cite = built_site.site / "cite" / document.slug
        assert json.loads(Path(f"{cite}.json").read_text(encoding="utf-8"))[0]["note"] == PREVIEW_NOTICE
        assert f"N1  - {PREVIEW_NOTICE}" in Path(f"{cite}.ris").read_text(encoding="utf-8")
        assert f"% {PREVIEW_NOTICE}" in Path(f"{cite}.bib").read_text(encoding="utf-8")


def test_release_is_refused_while_the_address_is_a_placeholder(tmp_path):
    project = copy_project(tmp_path / "project")
    result = release(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    edition = project / "tei" / EDITION_FILE
    line = next(n for n, text in enumerate(edition.read_text(encoding="utf-8").splitlines(), 1)
                if '<idno type="URL">' in text)
    assert f"{edition}:{line}: [release-address]" in result.stderr
    assert "nothing was built" in result.stderr and not (project / "site").exists()
