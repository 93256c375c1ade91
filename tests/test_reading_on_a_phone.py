"""A student's evening with the edition, in Debian's Chromium: a phone with a
touch screen (360 px), a keyboard, the reading view and the browser's print.
Each test states what the reader must be able to do, measured on the page."""
from __future__ import annotations

import re
import subprocess

import pytest
from test_browser import AXE, DESKTOP, MODEL, PHONE, doc_url, open_page

from build_scripts.model.text import normalise_space, reading_text
from build_scripts.tei.parser import NS

DOCUMENTS = MODEL.documents
TOUCH_PHONE = {**PHONE, "viewport": {"width": 360, "height": 640}}

# Every control a finger or pointer aims at; links inside running text are
# exempt from the size rule (WCAG 2.2, 2.5.8 "inline").
TARGET_SIZES = """() => {
  const inline = el => getComputedStyle(el).display === 'inline'
    && el.closest('p, li, dd, td, figcaption, .csl-output, .tei-text, .doc-summary, .edition-version');
  const shown = el => { const r = el.getBoundingClientRect(); const c = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && r.right > 0 && r.x < innerWidth && c.visibility !== 'hidden'
      && c.opacity !== '0' && c.pointerEvents !== 'none' && !el.closest('[hidden], details:not([open]) > :not(summary)'); };
  // a map's place links have an equivalent: the same link in the list of places (2.5.8 "equivalent")
  const linkTarget = el => el.getAttribute('href');
  const plainLinks = new Set([...document.querySelectorAll('a[href]:not(svg a)')].filter(shown).map(linkTarget));
  const equivalent = el => el.closest('svg') && plainLinks.has(linkTarget(el));
  const targets = [...document.querySelectorAll('a[href], button, summary, input:not([type=hidden]), select, label[for]')]
    .filter(shown).filter(el => !inline(el) && !equivalent(el));
  const boxes = targets.map(el => el.getBoundingClientRect());
  const small = [];
  targets.forEach((el, i) => {
    const r = boxes[i];
    if (r.width >= 24 && r.height >= 24) return;
    // the spacing exception: a 24 px circle on the target's centre touches no other target
    const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
    const crowded = boxes.some((o, j) => j !== i && (Math.max(o.x - cx, 0, cx - o.right) ** 2
                                                     + Math.max(o.y - cy, 0, cy - o.bottom) ** 2) < 144);
    if (crowded) small.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class')} "${el.textContent.trim().slice(0, 30)}" `
                           + `${Math.round(r.width)}x${Math.round(r.height)}`);
  });
  return small;
}"""


def open_every_panel(page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


# ---- 1. text first -------------------------------------------------------------------

@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_the_text_is_one_tap_away_on_a_phone(browser, site_url, document):
    context, page = open_page(browser, doc_url(site_url, document), TOUCH_PHONE)
    first = page.locator(".tei-text .para").first
    height = page.viewport_size["height"]
    summary = page.locator(".doc-summary")
    assert summary.bounding_box()["y"] < height, "what the document is shows on the first screen"
    assert document.date_label in summary.inner_text()
    if first.bounding_box()["y"] >= height:  # not on the first screen: one tap must bring it
        jump = page.locator("nav.doc-jump a[href='#text']")
        assert jump.bounding_box()["y"] + jump.bounding_box()["height"] <= height
        jump.tap()
        page.wait_for_timeout(300)
        top = first.bounding_box()["y"]
        assert 0 <= top < height, top
    cite = page.locator("nav.doc-jump a[href='#cite']")
    assert cite.bounding_box()["y"] < height, "Cite this document is near the title"
    context.close()


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_unrecorded_fields_share_one_line(page, site_url, document):
    page.goto(doc_url(site_url, document))
    about = page.locator("details.doc-about")
    assert about.count() == 1
    not_recorded = about.locator(".not-recorded")
    assert not_recorded.count() <= 1
    unrecorded = [f for f in ("translator", "original_language", "archive_title", "summary", "credit", "url", "citation")
                  if not getattr(document, f).recorded]
    assert not_recorded.count() == (1 if unrecorded else 0)


# ---- 2. targets, keyboard, names ------------------------------------------------------

PAGES = ["", "about/", "persons/ji-pengfei/", "places/andong/", "map/", "timeline/", "documents/",
         *(f"documents/{d.slug}/" for d in DOCUMENTS)]


@pytest.mark.parametrize("path", PAGES)
def test_every_target_is_at_least_24_px_on_a_touch_phone(browser, site_url, path):
    context, page = open_page(browser, site_url + path, TOUCH_PHONE)
    open_every_panel(page)
    small = page.evaluate(TARGET_SIZES)
    if page.locator(".tei-text .para-link").count():  # the paragraph's tools, opened by a tap on its number
        page.locator(".tei-text .para-link").first.tap()
        tools = page.locator(".tei-text .para.tools-open .para-tools button")
        assert tools.count() >= 1
        for index in range(tools.count()):
            box = tools.nth(index).bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44, box  # a primary control on touch
        small += page.evaluate(TARGET_SIZES)
    context.close()
    assert small == [], small


def test_tab_reaches_the_documents_citation_without_crossing_every_name(browser, site_url):
    context, page = open_page(browser, doc_url(site_url, MINUTES_DOC), DESKTOP)
    mentions = page.locator(".tei-text a.mention").count()
    presses = 0
    while presses < 400:
        page.keyboard.press("Tab")
        presses += 1
        if page.evaluate("!!document.activeElement.closest('#cite ~ * .copy-button, #cite ~ .cite-styles .copy-button')"
                         " || (document.activeElement.classList.contains('copy-button')"
                         " && !!document.activeElement.closest('.cite-styles'))"):
            break
    context.close()
    paragraphs = len(MINUTES_DOC.tei.root.findall(".//tei:body//*[@n]", NS))
    assert presses < 400, "never reached"
    assert presses <= paragraphs + 45, (presses, paragraphs, mentions)  # the header and page controls: about 40
    assert presses < mentions, "names are not each a tab stop"


def test_arrow_keys_reach_the_names_and_notes_of_a_paragraph(page, site_url):
    page.goto(doc_url(site_url, MINUTES_DOC))
    page.locator("#xj1962-p3 .para-link").focus()
    seen = []
    for _ in range(8):
        page.keyboard.press("ArrowRight")
        seen.append(page.evaluate("document.activeElement.className + ' ' + document.activeElement.textContent.trim()"))
    assert any("mention" in s and "Zhang Hanfu" in s for s in seen), seen
    assert any("footnote-ref" in s for s in seen), seen
    page.keyboard.press("Home")
    assert page.evaluate("document.activeElement.classList.contains('para-link')")
    page.locator("#xj1962-p3 a.mention[href*='zhang-hanfu']").focus()
    page.keyboard.press("Enter")  # what keyboard users could open, they still can
    page.wait_for_url(re.compile(r"/persons/zhang-hanfu/"))


def test_skip_to_the_text_is_the_first_thing_after_skip_to_content(page, site_url):
    page.goto(doc_url(site_url, MINUTES_DOC))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to the text"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#text"


def test_every_control_has_a_name_that_says_what_it_does(page, site_url):
    page.goto(doc_url(site_url, MINUTES_DOC))
    names = page.evaluate("""[...document.querySelectorAll('a[href], button, summary')]
        .map(e => (e.getAttribute('aria-label') || e.textContent).trim())""")
    assert all(names), "a control without a name"
    assert not [n for n in names if n.lower().startswith("permalink")]
    labels = page.evaluate("[...document.querySelectorAll('.headnote a.para-link, .tei-text a.para-link')]"
                           ".map(e => e.getAttribute('aria-label'))")
    assert labels and all(re.fullmatch(r"Link to (paragraph \d+|this [a-z ]+)", label) for label in labels), labels


# ---- 3. the reading view --------------------------------------------------------------

READING_VIEW_TEXT = """() => {
  // the words a reader sees: shown text only, without paragraph numbers, tools and note calls
  const skip = '.para-link, .para-tools, .footnote-ref, .headerlink';
  const walker = document.createTreeWalker(document.querySelector('.tei-text'), NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent.closest(skip)) continue;
    let shown = true;
    for (let e = parent; e && shown; e = e.parentElement) shown = getComputedStyle(e).display !== 'none';
    if (shown) parts.push(node.textContent);
  }
  return parts.join('');
}"""


def glued(text: str) -> str:
    """Spaces the page's block boundaries add, removed before punctuation."""
    return re.sub(r"\s+([,.;:!?)\]])", r"\1", re.sub(r"([(\[])\s+", r"\1", normalise_space(text)))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_reading_view_shows_the_corrected_reading_text(page, site_url, document):
    page.goto(doc_url(site_url, document))
    page.locator(".view-toggle button[data-view='reading']").click()
    shown = page.evaluate(READING_VIEW_TEXT)
    body = document.tei.root.find("tei:text/tei:body", NS)
    assert glued(shown) == glued(reading_text(body, MODEL.edition.bracket_readings))
    page.locator(".view-toggle button[data-view='diplomatic']").click()
    printed = glued(page.evaluate(READING_VIEW_TEXT))
    if document is CABLE_DOC:
        assert re.search(r"\[Even\] ?corr\. Ever since", printed), printed[:200]
        assert "Ever since" in glued(shown) and "[Even]" not in glued(shown) and "corr." not in glued(shown)
        assert "Andong (Dandong)" in glued(shown) and "Andong [Dandong]" in printed


# ---- 4. print -------------------------------------------------------------------------

def page_fill(pdf: bytes) -> list[float]:
    """How far down each page its last line of text reaches (0 to 1)."""
    layout = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    fill = []
    for page in re.findall(r"<page width=\"[\d.]+\" height=\"([\d.]+)\">(.*?)</page>", layout, re.S):
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', page[1])]
        fill.append(max(bottoms, default=0) / float(page[0]))
    return fill


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_printing_a_document_page_fills_its_pages(page, site_url, document):
    page.goto(doc_url(site_url, document))
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = page.pdf(format="A4", print_background=False, prefer_css_page_size=True)
    fill = page_fill(pdf)
    text = normalise_space(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
                           .stdout.decode())
    assert all(f >= 0.5 for f in fill[:-1]), fill
    address = f"{MODEL.edition.url}documents/{document.slug}/"
    unbroken = re.sub(r"[\s-]", "", text)  # a line break may fall at a hyphen of the address
    assert re.sub(r"[\s-]", "", address) in unbroken, "the published address is printed"
    last_note = document.tei.root.xpath(".//tei:body//tei:note[not(@type='original')]", namespaces=NS)[-1]
    assert normalise_space("".join(last_note.itertext()))[:60] in text, "the notes are printed"
    assert "Table of contents" not in text and "Search" not in text


# ---- 5. every page kind, with each control open ---------------------------------------

AXE_RUN = ("async () => (await axe.run(document)).violations"
           ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))")


@pytest.mark.parametrize("path", PAGES + ["404.html"])
def test_axe_on_a_touch_phone_with_every_panel_open(browser, site_url, path):
    context, page = open_page(browser, site_url + path, TOUCH_PHONE)
    open_every_panel(page)
    if page.locator(".tei-text .para-link").count():
        page.locator(".tei-text .para-link").first.tap()
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(AXE_RUN)
    context.close()
    assert violations == [], violations


def test_the_not_found_page_has_the_navigation_and_a_search(page, site_url):
    page.goto(site_url + "404.html")
    assert page.locator("nav.not-found-nav a").count() >= 8
    page.locator(".not-found-search").click()
    assert page.evaluate("document.getElementById('__search').checked")  # the theme's search opens


CABLE_DOC = next(d for d in DOCUMENTS if d.doctype == "edn:dt-cable")
MINUTES_DOC = next(d for d in DOCUMENTS if d.doctype == "edn:dt-minutes")
