"""Reader features in a real browser (Debian's Chromium, headless, driven by
Playwright): cite, paragraph links, the diplomatic/reading toggle, look-ups,
footnotes, who's who, search, browsing, version, accessibility and fit."""
from __future__ import annotations

import json

import pytest
from citeproc_reference import reference_in_every_style

from build_scripts.cite.styles import STYLES
from build_scripts.model.load import load_model
from build_scripts.model.text import normalise_space
from build_scripts.paths import PROJECT_ROOT

MODEL = load_model()
CABLE = next(d for d in MODEL.documents if d.doctype == "edn:dt-cable")
MINUTES = next(d for d in MODEL.documents if d.doctype == "edn:dt-minutes")
AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"


def doc_url(site_url, document, anchor=""):
    return f"{site_url}documents/{document.slug}/" + (f"#{anchor}" if anchor else "")


def text(locator) -> str:
    return normalise_space(locator.inner_text())


PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def open_page(browser, url: str, options: dict = DESKTOP):
    """A new browser context (desktop or phone) with a page at `url`."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(url)
    return context, page


# ---- 1. Cite this -------------------------------------------------------------

@pytest.mark.parametrize("document", MODEL.documents, ids=lambda d: d.slug)
def test_document_citations_match_citeproc_js(page, site_url, built_site, document):
    item = json.loads((built_site.site / "cite" / f"{document.slug}.json").read_text(encoding="utf-8"))[0]
    page.goto(doc_url(site_url, document))
    expected_by_style = reference_in_every_style(item)
    for style in STYLES:
        section = page.locator(f".cite-styles .cite-style[data-style='{style.key}']")
        expected = expected_by_style[style.key]
        assert text(section.locator(".csl-citation")) == normalise_space(expected["citation"])
        assert text(section.locator(".csl-bibliography")) == normalise_space(expected["bibliography"])


def test_paragraph_citation_in_dialog_matches_citeproc_js(page, site_url, built_site):
    item = json.loads((built_site.site / "cite" / f"{MINUTES.slug}.json").read_text(encoding="utf-8"))[0]
    paragraph_item = dict(item, id="xj1962-p15", URL=item["URL"] + "#xj1962-p15")
    page.goto(doc_url(site_url, MINUTES))
    page.locator("#xj1962-p15").hover()
    page.locator("#xj1962-p15 button.cite-para").click()
    dialog = page.locator("dialog.cite-dialog")
    dialog.wait_for(state="visible")
    assert "Cite paragraph 15" in text(dialog.locator("h2"))
    outputs = dialog.locator(".csl-output")
    expected_by_style = reference_in_every_style(paragraph_item, locator="15")
    for index, style in enumerate(STYLES):
        expected = expected_by_style[style.key]
        assert text(outputs.nth(2 * index)) == normalise_space(expected["citation"])
        assert text(outputs.nth(2 * index + 1)) == normalise_space(expected["bibliography"])
        assert "#xj1962-p15" in text(outputs.nth(2 * index + 1))
    assert "para. 15" in text(outputs.nth(0))
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('cite-para')")


def test_head_has_zotero_and_preview_metadata(page, site_url):
    page.goto(doc_url(site_url, MINUTES))
    meta = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('meta[name], meta[property]')]
        .map(m => [m.getAttribute('name') || m.getAttribute('property'), m.getAttribute('content')]))""")
    assert meta["citation_title"] == MINUTES.title
    assert meta["citation_date"] == "1962/06/26"
    assert meta["citation_public_url"].endswith(f"/documents/{MINUTES.slug}/")
    assert meta["DC.contributor"] == "Caixia Lu" and "118-01765-04" in meta["DC.source"]
    assert meta["og:title"] == MINUTES.short_title and meta["og:type"] == "article"
    assert meta["description"] == meta["og:description"] == MINUTES.summary.text


# ---- 2. Paragraph links --------------------------------------------------------

def test_copy_link_shows_on_hover_and_focus_and_announces(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(doc_url(site_url, MINUTES))
    opacity = "getComputedStyle(document.querySelector('#xj1962-p5 .para-tools')).opacity"
    assert page.evaluate(opacity) == "0"
    page.locator("#xj1962-p5").hover()
    page.wait_for_function(f"{opacity} === '1'")  # shown on hover
    page.mouse.move(0, 0)
    page.wait_for_function(f"{opacity} === '0'")
    page.locator("#xj1962-p5 .para-link").focus()
    page.keyboard.press("ArrowRight")  # from the permalink to the copy button (one tab stop per paragraph)
    assert page.evaluate("document.activeElement.classList.contains('copy-link')")
    page.wait_for_function(f"{opacity} === '1'")  # shown on keyboard focus
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('edition-status') && "
                           "document.getElementById('edition-status').textContent.includes('copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{MODEL.edition.url}documents/{MINUTES.slug}/#xj1962-p5"
    context.close()


def test_a_paragraph_link_scrolls_to_and_highlights_it(page, site_url):
    page.goto(doc_url(site_url, MINUTES, "xj1962-p21"))
    target = page.locator("#xj1962-p21")
    assert "is-highlighted" in target.get_attribute("class")
    box = target.bounding_box()
    assert 0 <= box["y"] < 900
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


# ---- 3. Diplomatic / reading toggle ----------------------------------------------

def visible(page, selector: str) -> bool:
    return page.locator(selector).first.evaluate("e => getComputedStyle(e).display !== 'none'")


def test_view_toggle_hides_brackets_keeps_words_and_persists(page, site_url):
    page.goto(doc_url(site_url, CABLE))
    assert page.locator(".bracket-legend").count() == 1
    assert visible(page, ".tei-text .bk-pc")
    page.locator(".view-toggle button[data-view='reading']").click()
    assert not visible(page, ".tei-text .bk-pc")
    reading = text(page.locator("#kor1961-p2"))
    assert "[" not in reading and "Qiao Xiaoguang" in reading and "in China" in reading
    assert page.locator(".view-toggle button[data-view='reading']").get_attribute("aria-pressed") == "true"
    page.goto(doc_url(site_url, MINUTES))  # the choice follows the reader to the next page
    assert page.evaluate("document.documentElement.classList.contains('view-reading')")
    assert text(page.locator("#xj1962-omission .bk")) == "..."  # the omission's brackets go, its dots stay
    assert "Not reviewed by Vice Minister Ji" in text(page.locator("#xj1962-not-reviewed"))  # original note kept
    page.emulate_media(media="print")  # printing follows the choice
    assert not visible(page, ".tei-text .bk-pc")
    page.emulate_media(media="screen")
    page.locator(".view-toggle button[data-view='diplomatic']").click()
    assert visible(page, ".tei-text .bk-pc")


def test_without_javascript_the_diplomatic_view_shows(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(doc_url(site_url, CABLE))
    assert visible(page, ".tei-text .bk-pc")
    assert page.locator(".view-toggle").count() == 0
    assert "[Even]" in text(page.locator("#kor1961-p1"))
    assert page.locator(".cite-style").count() == 3  # citations are printed, not scripted
    assert page.locator("a.mention").first.get_attribute("href")
    context.close()


# ---- 4. Look-ups and footnotes ----------------------------------------------------

def test_card_opens_on_hover_focus_and_tap_never_only_hover(browser, site_url):
    context, page = open_page(browser, doc_url(site_url, MINUTES))
    mention = page.locator("#xj1962-p3 a.mention[data-entry='per-zhang-hanfu']")
    card = page.locator("#entry-card")
    mention.hover()
    card.wait_for(state="visible")
    assert "Zhang Hanfu" in text(card) and "章汉夫" in text(card)
    assert "Vice Minister of Foreign Affairs" in text(card)  # office on the document's date
    page.keyboard.press("Escape")
    card.wait_for(state="hidden")
    page.mouse.move(0, 0)
    mention.focus()
    card.wait_for(state="visible")
    assert mention.get_attribute("aria-describedby") == "entry-card"
    assert card.locator("[lang='zh-Hans']").count() >= 1
    context.close()
    phone, page = open_page(browser, doc_url(site_url, MINUTES), PHONE)
    mention = page.locator("#xj1962-p3 a.mention[data-entry='per-zhang-hanfu']")
    mention.tap()
    page.locator("#entry-card").wait_for(state="visible")
    assert page.url.endswith(f"/documents/{MINUTES.slug}/")  # the first tap opens the card, not the link
    page.locator("#entry-card a.card-link").tap()
    page.wait_for_url("**/persons/zhang-hanfu/")
    phone.close()


def test_footnotes_open_and_close_by_keyboard_and_touch(browser, site_url):
    context, page = open_page(browser, doc_url(site_url, MINUTES))
    ref = page.locator("sup#fnref\\:xj1962-n16 a")
    ref.focus()
    page.keyboard.press("Enter")
    popover = page.locator(".note-popover")
    popover.wait_for(state="visible")
    assert "Zhang Hanfu" in text(popover)
    assert page.evaluate("document.activeElement.classList.contains('note-popover')")
    page.keyboard.press("Escape")
    popover.wait_for(state="detached")
    assert page.evaluate("document.activeElement.classList.contains('footnote-ref')")
    context.close()
    phone, page = open_page(browser, doc_url(site_url, MINUTES), PHONE)
    page.locator("sup#fnref\\:xj1962-n16 a").tap()
    page.locator(".note-popover").wait_for(state="visible")
    page.locator(".note-popover .note-close").tap()
    page.locator(".note-popover").wait_for(state="detached")
    phone.close()


# ---- 5. Who's who ---------------------------------------------------------------------

def test_whos_who_panel_lists_the_documents_people_places_terms(page, site_url):
    page.goto(doc_url(site_url, MINUTES))
    panel = page.locator("details.whos-who")
    panel.locator("summary").click()
    content = text(panel)
    assert "Ji Pengfei" in content and "Vice Minister of Foreign Affairs" in content
    assert "Xinjiang" in content and "fraternal country" in content
    assert MODEL.registers["org-soviet-embassy"].name in content
    assert panel.locator("a[href*='/persons/chervonenko/'], a[href*='persons/chervonenko']").count() >= 1


# ---- 6. Search -----------------------------------------------------------------------

def search(page, site_url, query: str) -> list[str]:
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(l => l.href)")


def test_search_finds_variant_names_offline(page, site_url):
    links = search(page, site_url, "Dandong")
    assert any("/places/andong/" in link for link in links)
    assert any(f"/documents/{CABLE.slug}/" in link for link in links)
    links = search(page, site_url, "Ili")
    assert any("/places/ili/" in link for link in links)
    links = search(page, site_url, "Chervonenko")
    assert any("/persons/chervonenko/" in link for link in links)
    assert any(f"/documents/{MINUTES.slug}/" in link for link in links)


# ---- 7. Browsing --------------------------------------------------------------------------

def test_timeline_and_entry_pages_link_to_paragraphs(page, site_url):
    page.goto(f"{site_url}documents/")
    dates = page.eval_on_selector_all(".timeline time", "times => times.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates) and len(dates) == len(MODEL.documents)
    page.goto(f"{site_url}places/xinjiang/")
    page.locator("a[href$='#xj1962-p21']").click()
    page.wait_for_url(f"**/documents/{MINUTES.slug}/#xj1962-p21")
    assert "is-highlighted" in page.locator("#xj1962-p21").get_attribute("class")


# ---- 8. Version on every page -----------------------------------------------------------

PAGE_TYPES = {"home": "", "document": f"documents/{MINUTES.slug}/", "glossary": "glossary/",
              "register": "persons/ji-pengfei/", "about": "about/", "teaching": "teaching/",
              "documents": "documents/", "sources": "sources/", "changelog": "changelog/",
              "map": "map/", "timeline": "timeline/", "not found": "404.html"}


def test_version_and_build_date_on_every_page(page, site_url):
    for path in PAGE_TYPES.values():
        page.goto(site_url + path)
        footer = text(page.locator(".edition-version"))
        assert f"version {MODEL.edition.version}" in footer and "built " in footer
    page.goto(site_url + "changelog/")
    assert f"Version {MODEL.edition.version}" in text(page.locator("article"))


# ---- 9. Accessibility and fit ---------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_axe_finds_no_violations(browser, site_url, name, scheme):
    # the theme picks its light or dark palette from the reader's system preference
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES[name])
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document)).violations"
                           ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))")
    context.close()
    assert result == [], result


AXE_RUN = "async () => (await axe.run(document)).violations.map(v => v.id + ': ' + v.nodes[0].target.join(' '))"


def test_axe_with_reading_view_card_note_and_cite_dialog(page, site_url):
    page.goto(doc_url(site_url, MINUTES))
    page.add_script_tag(path=str(AXE))
    page.locator(".view-toggle button[data-view='reading']").click()
    page.locator("details.whos-who summary").click()
    page.locator("details.bracket-legend summary").click()
    page.locator("#xj1962-p3 a.mention").first.focus()  # look-up card open
    assert page.evaluate(AXE_RUN) == []
    page.locator("sup#fnref\\:xj1962-n16 a").click()  # footnote open
    page.locator(".note-popover").wait_for(state="visible")
    assert page.evaluate(AXE_RUN) == []
    page.keyboard.press("Escape")
    page.locator("#xj1962-p5 .para-link").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # to the paragraph's Cite button
    page.keyboard.press("Enter")
    page.locator("dialog.cite-dialog").wait_for(state="visible")
    assert page.evaluate(AXE_RUN) == []


def test_lang_attributes_on_names(page, site_url):
    page.goto(f"{site_url}persons/chervonenko/")
    assert page.locator("h1 [lang='ru-Latn'], h1[lang='ru-Latn']").count() == 1
    assert page.locator("[lang='ru']").first.inner_text() == "Степан Васильевич Червоненко"
    page.goto(f"{site_url}persons/ji-pengfei/")
    assert page.locator("[lang='zh-Hans']").first.inner_text() == "姬鹏飞"
    assert page.locator("[lang='zh-Latn-pinyin']").count() >= 1
    assert page.evaluate("document.documentElement.lang") == "en"


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_horizontal_scrolling_at_360px(browser, site_url, name):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES[name])
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert widths[0] <= widths[1], widths


def test_print_view_has_no_navigation_chrome(page, site_url):
    page.goto(doc_url(site_url, MINUTES))
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".para-tools"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    assert visible(page, ".tei-text")


def test_pages_request_nothing_from_other_hosts(page, site_url):
    """Fonts, scripts, styles and images all come from the site itself."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in PAGE_TYPES.values():
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    page.goto(doc_url(site_url, MINUTES))
    page.locator("#xj1962-p15").hover()
    page.locator("#xj1962-p15 button.cite-para").click()
    page.locator("dialog.cite-dialog").wait_for(state="visible")
    assert requests and all(url.startswith(site_url) for url in requests), \
        [url for url in requests if not url.startswith(site_url)]
