"""The offline forms: PDFs (text, notes, fonts, outline, pages, margins,
metadata), the EPUB (epubcheck), and the zipped site opened from file://."""
from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest
from conftest import SEEDS_DIR
from wcda_export import read_export

from build_scripts.model.load import load_model
from build_scripts.model.text import is_apparatus, normalise_space
from build_scripts.tei.parser import NS

MODEL = load_model()
MINUTES = next(d for d in MODEL.documents if d.doctype == "edn:dt-minutes")
EDITION_PDF = "downloads/crossing-the-border.pdf"
EPUB = "downloads/crossing-the-border.epub"
ZIP = "downloads/crossing-the-border-offline.zip"

# The text block of an A4 page in the print stylesheet, in points: without
# the running heads, the page numbers and the paragraph numbers in the margin.
BODY = ("-layout", "-x", "72", "-y", "60", "-W", "523", "-H", "716")  # -layout keeps line-end hyphens
MARGIN = ("-x", "0", "-y", "60", "-W", "72", "-H", "716")


def pdftotext(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def without_note_calls(text: str) -> str:
    """Drop footnote call numbers, which follow a word or a closing mark
    directly (a comma or colon only after a non-digit: 1,985 and 4:00 stay)."""
    text = re.sub(r"(?<=[^\d\s(\[,:–-])\d+", "", text)
    return re.sub(r"(?<=[^\d\s][,:])\d+", "", text)


def sources_text(note) -> str:
    labels = [MODEL.edition.sources[p.removeprefix("edn:")].element.get("n") for p in note.get("source", "").split()]
    if not labels:
        return ""
    return ("Source: " if len(labels) == 1 else "Sources: ") + "; ".join(labels) + "."


def notes_of(document):
    return [n for n in document.text.iter(f"{{{NS['tei']}}}note") if is_apparatus(n)]


def seed_paragraphs(document) -> list[str]:
    return [line for line in read_export(SEEDS_DIR / document.transcription_file).text.splitlines() if line.strip()]


def test_call_stripping_leaves_the_transcriptions_alone():
    for document in MODEL.documents:
        for paragraph in seed_paragraphs(document):
            assert without_note_calls(paragraph) == paragraph


def check_pdf_text(pdf: Path, documents) -> None:
    """Every footnote text, every seed paragraph (brackets included) in order."""
    text = compact(without_note_calls(pdftotext(pdf, *BODY)))
    for document in documents:
        position = 0
        for number, note in enumerate(notes_of(document), start=1):
            body = without_note_calls(normalise_space("".join(note.itertext())) + " " + sources_text(note))
            rendered = compact(f"{number}. " + body)
            found = text.find(rendered, position)
            assert found >= 0, f"{pdf.name}: note {number} of {document.slug} missing or out of order"
            text = text[:found] + text[found + len(rendered):]
            position = found
    text = text.replace("‖", "")
    for document in documents:
        for corr in document.text.iter(f"{{{NS['tei']}}}corr"):
            text = text.replace(compact("corr. " + "".join(corr.itertext())), "", 1)
    position = 0
    for document in documents:
        for paragraph in seed_paragraphs(document):
            found = text.find(compact(paragraph), position)
            assert found >= 0, f"{pdf.name}: missing or out of order: {paragraph[:70]!r}"
            position = found
        for unit in re.findall(r"\[[^\]]*\]", " ".join(seed_paragraphs(document))):
            assert compact(unit) in text


def test_edition_pdf_has_every_paragraph_bracket_and_note(built_site):
    check_pdf_text(built_site.site / EDITION_PDF, MODEL.documents)


@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
def test_document_pdf_has_every_paragraph_bracket_and_note(built_site, document):
    check_pdf_text(built_site.site / "downloads" / "documents" / f"{document.slug}.pdf", [document])


@pytest.mark.parametrize("name", [EDITION_PDF, *(f"downloads/documents/{d.slug}.pdf" for d in MODEL.documents)])
def test_pdf_fonts_embedded_pages_outline_metadata(built_site, name):
    pdf = built_site.site / name
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
    assert any("CJK" in line for line in fonts)  # Chinese characters are set in an embedded CJK font
    reader = pypdf.PdfReader(pdf)
    pages = len(reader.pages)
    assert (30 <= pages <= 150) if name == EDITION_PDF else (4 <= pages <= 40), pages
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert len(titles) >= 2 and any("Ji Pengfei" in t or "Cable" in t for t in titles)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged (PDF/UA-1)
    assert reader.metadata["/Author"] == MODEL.edition.publisher and reader.metadata["/Title"]


def test_edition_pdf_front_matter_registers_and_margins(built_site):
    pdf = built_site.site / EDITION_PDF
    first = pdftotext(pdf, "-f", "1", "-l", "2")
    assert MODEL.edition.title in first and f"Version {MODEL.edition.version}" in first
    assert "How to cite this edition" in first and "Contents" in first
    assert re.search(r"Glossary\s*\.*\s*\d+", pdftotext(pdf, "-layout", "-f", "2", "-l", "2"))  # page numbers
    whole = pdftotext(pdf)
    for appendix in ("Glossary", "Persons", "Places", "Organisations", "Sources and credits"):
        assert appendix in whole
    for chinese in ("姬鹏飞", "章汉夫", "朝鲜族", "安东", "丹东", "Степан Васильевич Червоненко", "박성철"):
        assert chinese in whole, chinese
    assert "The translator's brackets (" in whole  # the legend
    assert "ReadingView" not in whole


def test_paragraph_numbers_in_the_margin_match_the_anchors(built_site):
    pdf = built_site.site / "downloads" / "documents" / f"{MINUTES.slug}.pdf"
    numbers = re.findall(r"\d+", pdftotext(pdf, *MARGIN))
    expected = [p.get("n") for p in MINUTES.text.findall("tei:body//tei:p[@n]", NS)]
    assert numbers == expected


def test_footnotes_sit_on_the_page_of_their_call(built_site):
    pdf = built_site.site / "downloads" / "documents" / f"{MINUTES.slug}.pdf"
    pages = len(pypdf.PdfReader(pdf).pages)
    checked = 0
    for page in range(1, pages + 1):
        text = normalise_space(pdftotext(pdf, "-f", str(page), "-l", str(page)))
        if "had previously negotiated them with you" in text:
            assert "negotiated with Chervonenko over the Xinjiang crossings" in text
            checked += 1
    assert checked == 1


def test_epub_passes_epubcheck_and_holds_the_texts_and_notes(built_site, tmp_path):
    epub = built_site.site / EPUB
    result = subprocess.run(["java", "-jar", "/usr/share/java/epubcheck.jar", str(epub)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout + result.stderr
    with zipfile.ZipFile(epub) as archive:
        names = archive.namelist()
        assert "EPUB/nav.xhtml" in names and any(n.endswith(".otf") for n in names)
        opf = archive.read("EPUB/content.opf").decode()
        chapters = {n: archive.read(n).decode() for n in names if n.endswith(".xhtml")}
    assert f"<dc:title>{MODEL.edition.title}</dc:title>" in opf and "<dc:language>en</dc:language>" in opf
    for document in MODEL.documents:
        chapter = next(c for n, c in chapters.items() if document.slug in n)
        assert chapter.count('epub:type="footnote"') == len(notes_of(document))
        assert chapter.count('epub:type="noteref"') == len(notes_of(document))
        text = compact(re.sub(r"<aside.*?</aside>", "", re.sub(r"<a[^>]*noteref[^>]*>\d+</a>", "", chapter), flags=re.S))
        text = compact(re.sub(r"<[^>]+>", "", text)).replace("&amp;", "&").replace("&#8217;", "'")
        for corr in document.text.iter(f"{{{NS['tei']}}}corr"):
            text = text.replace(compact("corr. " + "".join(corr.itertext())), "", 1)
        for paragraph in seed_paragraphs(document):
            assert compact(paragraph) in text.replace("‖", ""), paragraph[:60]


def test_home_and_document_pages_link_to_the_downloads(built_site):
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    for name in (EDITION_PDF, EPUB, ZIP):
        assert f'href="{name}"' in home
    for document in MODEL.documents:
        page = (built_site.site / "documents" / document.slug / "index.html").read_text(encoding="utf-8")
        assert f'href="../../downloads/documents/{document.slug}.pdf"' in page
        assert 'href="../../downloads/crossing-the-border.pdf"' in page


# ---- the zipped site, opened from the file system ----------------------------------------

@pytest.fixture(scope="module")
def unzipped(built_site, tmp_path_factory):
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site.site / ZIP) as archive:
        archive.extractall(target)
    (folder,) = target.iterdir()
    return folder


def test_offline_site_works_from_file_urls(browser, unzipped):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((unzipped / "index.html").as_uri())
    page.get_by_role("link", name="All documents by year").first.click()
    page.wait_for_url("**/documents/index.html")
    page.locator(".timeline a", has_text=MINUTES.short_title).click()
    page.wait_for_url(f"**/documents/{MINUTES.slug}.html")
    assert "had previously negotiated them with you" in page.locator(".tei-text").inner_text()
    page.locator("#xj1962-p3 a.mention[data-entry='per-zhang-hanfu']").focus()  # look-ups
    page.locator("#entry-card").wait_for(state="visible")
    page.locator("sup#fnref\\:xj1962-n16 a").click()  # notes
    page.locator(".note-popover").wait_for(state="visible")
    page.keyboard.press("Escape")
    page.locator("#xj1962-p15").hover()  # paragraph citations load from a script file
    page.locator("#xj1962-p15 button.cite-para").click()
    page.locator("dialog.cite-dialog").wait_for(state="visible")
    page.keyboard.press("Escape")
    page.locator(".md-nav__link", has_text="Persons").first.click()  # navigation between sections
    page.wait_for_url("**/persons/index.html")
    page.locator("input.md-search__input").click()  # search, from an inlined index
    page.keyboard.type("truckload")
    page.wait_for_selector(".md-search-result__item")
    results = page.eval_on_selector_all(".md-search-result__link", "links => links.map(l => l.href)")
    assert any(f"documents/{MINUTES.slug}.html" in link for link in results)
    context.close()
    assert requests and all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file://")]


def test_pdf_fonts_cover_every_character_printed(built_site):
    """No missing glyphs: every character of the edition's PDF text is in
    one of the two fonts the print stylesheet names."""
    from fontTools.ttLib import TTCollection, TTFont

    from build_scripts.epub.fonts import font_file

    def cmap(family: str) -> set[int]:
        path = font_file(family)
        fonts = TTCollection(path).fonts if path.endswith(".ttc") else [TTFont(path)]
        font = next(f for f in fonts if f["name"].getDebugName(1) == family)
        return set(font.getBestCmap())

    covered = cmap("Noto Serif") | cmap("Noto Serif CJK SC")
    printed = set(pdftotext(built_site.site / EDITION_PDF).replace("\n", "").replace("\f", ""))
    missing = sorted(c for c in printed if ord(c) not in covered and not c.isspace())
    assert not missing, missing
