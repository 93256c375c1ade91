"""The site's search in Debian's Chromium, both engines: Pagefind on the
served site and the in-page index of the offline copy opened from disk.
The same query set (search_queries.py, expectations read from the TEI)
runs on each; then landing on a passage, the keyboard, "did you mean",
the filters, what a first query downloads, and axe with results open."""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

import pytest
from search_queries import QUERIES, Query
from test_browser import AXE

from build_scripts.markdown import links

ENGINES = ("online", "offline")
FILTER_SELECTS = {"kind": "#edition-search-kind", "year": "#edition-search-year", "type": "#edition-search-type",
                  "document": "#edition-search-document"}
HIDDEN = re.compile("[\u2e22\u2e23]")


@dataclass
class Answer:
    pages: list[str]                  # site paths of the results, in order ("documents/<slug>/")
    anchors: dict[str, list[str]]     # the passages' anchors under each page
    excerpts: list[str]
    status: str
    corrected: str


@pytest.fixture(scope="module")
def offline_root(built_site, tmp_path_factory):
    target = tmp_path_factory.mktemp("offline-search")
    with zipfile.ZipFile(built_site.site / links.offline_zip()) as archive:
        archive.extractall(target)
    (folder,) = target.iterdir()
    return folder


@pytest.fixture(scope="module")
def search_pages(browser, site_url, offline_root):
    """One page per engine, kept open for the whole query set."""
    contexts, pages = [], {}
    for engine, start in (("online", site_url + "documents/"),
                          ("offline", (offline_root / "documents" / "index.html").as_uri())):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(start)
        contexts.append(context)
        pages[engine] = page
    yield pages
    for context in contexts:
        context.close()


def _site_path(url: str) -> str:
    """An online or offline address of a page as a site path: "documents/x/", "introduction/", ""."""
    path = url.split("#")[0]
    path = re.sub(r"(^|/)index\.html$", r"\1", path)
    return re.sub(r"\.html$", "/", path)


def _wait_for(page, text: str) -> None:
    page.wait_for_function("q => document.querySelector('.edition-search').dataset.query === q", arg=text,
                           timeout=20000)


def ask(page, text: str, filters: tuple[tuple[str, str], ...] = (), sort: str = "") -> Answer:
    """Type a query as a reader would, with the filters set, and read every result."""
    page.locator("#edition-search-input").click()
    if page.input_value("#edition-search-input"):
        page.fill("#edition-search-input", "")
        _wait_for(page, "")
    details = page.locator(".edition-search-filters")
    if filters or sort or details.get_attribute("open") is not None:
        if details.get_attribute("open") is None:
            details.locator("summary").click()
        chosen = dict(filters)
        for key, selector in FILTER_SELECTS.items():
            if key in chosen:
                page.wait_for_selector(f"{selector} option[value=\"{chosen[key]}\"]", state="attached")
            page.select_option(selector, chosen.get(key, ""))
        page.select_option("#edition-search-sort", sort)
    page.fill("#edition-search-input", text)
    _wait_for(page, text)
    more = page.locator(".edition-search-more")
    while more.is_visible():
        count = page.locator(".md-search-result__item").count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n "
                               "|| document.querySelector('.edition-search-more').hidden", arg=count)
    data = page.evaluate("""() => {
        const items = [...document.querySelectorAll('.md-search-result__item')];
        return {
          pages: items.map(i => i.dataset.url),
          anchors: items.map(i => [...i.querySelectorAll('a.edition-search-hit')].map(a => a.dataset.anchor)),
          excerpts: [...document.querySelectorAll('.edition-search-excerpt')].map(e => e.textContent),
          status: document.getElementById('edition-search-status').textContent,
          corrected: document.querySelector('.edition-search-suggestion').dataset.corrected || ''
        };
    }""")
    pages = [_site_path(url) for url in data["pages"]]
    anchors: dict[str, list[str]] = {}
    for path, found in zip(pages, data["anchors"], strict=True):
        anchors.setdefault(path, []).extend(found)
    return Answer(pages, anchors, data["excerpts"], data["status"], data["corrected"])


def _check(query: Query, answer: Answer) -> None:
    if query.none:
        assert answer.pages == [], answer.pages
        assert "No results" in answer.status
        return
    for page in query.pages:
        assert page in answer.pages, f"{page} not in {answer.pages}"
    found_anchors = {a for path in query.pages for a in answer.anchors.get(path, [])}
    for anchor in query.anchors:
        assert anchor in found_anchors, f"{anchor} not among {sorted(found_anchors)}"
    for page in query.absent:
        assert page not in answer.pages, f"{page} should not be found"
    if query.corrected:
        assert query.corrected in answer.corrected.lower(), f"suggested {answer.corrected!r}"
    for text in answer.excerpts:  # what a reader sees: no hidden names, no note numbers glued to words
        assert not HIDDEN.search(text), text
        assert not re.search(r"[a-z][¹²³⁴⁵⁶⁷⁸⁹⁰]|[a-z]{3}\d{1,2}\b", text), text


@pytest.mark.parametrize("engine", ENGINES)
def test_the_query_set(search_pages, engine):
    """Every query of the set, on one engine; all failures are reported together."""
    assert len(QUERIES) >= 30
    page = search_pages[engine]
    failures = []
    for query in QUERIES:
        answer = ask(page, query.text, query.filters)
        try:
            _check(query, answer)
        except AssertionError as error:
            failures.append(f"{query.text!r} {dict(query.filters)}: {error}")
    assert page.evaluate("document.documentElement.dataset.searchEngine") == \
        ("pagefind" if engine == "online" else "offline")
    assert not failures, f"{len(failures)} of {len(QUERIES)} queries failed on {engine}:\n" + "\n".join(failures)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_result_lands_on_its_paragraph_highlighted(search_pages, engine):
    page = search_pages[engine]
    ask(page, "truckload")
    hit = page.locator("a.edition-search-hit").first
    anchor = hit.get_attribute("data-anchor")
    hit.click()
    page.wait_for_url(re.compile(re.escape("#" + anchor) + "$"))
    target = page.locator(f"[id='{anchor}']")
    target.wait_for()
    assert "is-highlighted" in (target.get_attribute("class") or "")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "the paragraph is on screen"
    assert not page.evaluate("document.getElementById('__search').checked"), "the search closed"
    page.go_back()


def test_the_keyboard_reaches_and_follows_a_result(search_pages):
    page = search_pages["online"]
    ask(page, "Chervonenko")
    page.locator("#edition-search-input").focus()
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    assert first, "ArrowDown moves from the box into the results"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "edition-search-input"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "edition-search-input", "'/' opens the search"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_misspelling_shows_the_corrected_results_and_says_so(search_pages, engine):
    page = search_pages[engine]
    answer = ask(page, "Chervonenco")
    assert answer.corrected == "chervonenko"
    assert "persons/chervonenko/" in answer.pages
    suggestion = page.locator(".edition-search-suggestion").inner_text()
    assert "Chervonenco" in suggestion and "chervonenko" in suggestion
    page.locator(".edition-search-use").click()
    assert page.input_value("#edition-search-input") == "chervonenko"


@pytest.mark.parametrize("engine", ENGINES)
def test_the_filters_list_the_editions_values(search_pages, engine):
    from build_scripts.model.load import load_model
    model = load_model()
    page = search_pages[engine]
    ask(page, "border", (("kind", "text"),))
    values = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('select[data-filter]')]
        .map(s => [s.dataset.filter, [...s.options].map(o => o.value).filter(Boolean)]))""")
    assert values["kind"] == ["text", "note", "apparatus", "register"]
    assert values["year"] == sorted({str(d.year) for d in model.documents})
    assert sorted(values["document"]) == sorted(d.short_title for d in model.documents)
    assert len(values["type"]) == len({d.doctype for d in model.documents})
    answer = ask(page, "border", (("kind", "register"),))
    assert answer.pages and all(p.split("/")[0] in ("persons", "places", "organisations", "glossary")
                                for p in answer.pages), answer.pages
    ask(page, "border", (), sort="date")  # leave the filters as they were


def test_dated_order_puts_the_older_document_first(search_pages):
    page = search_pages["online"]
    answer = ask(page, "border", (("kind", "text"),), sort="date")
    documents = [p for p in answer.pages if p.startswith("documents/")]
    assert documents == sorted(documents, key=lambda p: re.search(r"\d{4}(-\d\d)?(-\d\d)?", p).group(0))
    ask(page, "border", ())


def test_a_first_query_loads_only_the_search_files(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "documents/")
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    ask(page, "Andong")
    assert requests, "the query loaded its index"
    assert all(url.startswith(site_url) for url in requests), requests
    paths = [url[len(site_url):] for url in requests]
    assert all(p.startswith(("pagefind/", "search/words/")) for p in paths), paths
    assert not any("search_index" in p or "workers/search" in p for p in paths), "no theme search index"
    context.close()


AXE_RUN = "async () => (await axe.run(document)).violations.map(v => v.id + ': ' + v.nodes[0].target.join(' '))"


@pytest.mark.parametrize("engine,width", [("online", 1280), ("online", 360), ("offline", 1280)])
def test_axe_with_results_and_filters_open(browser, site_url, offline_root, engine, width):
    options = {"viewport": {"width": width, "height": 800}}
    if width == 360:
        options.update(has_touch=True, is_mobile=True)
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(site_url + "persons/" if engine == "online" else (offline_root / "persons" / "index.html").as_uri())
    if width < 960:
        page.locator("label.md-header__button[for='__search']").click()
    ask(page, "Chervonenco")  # results, the correction notice and "more passages"
    page.locator(".edition-search-filters summary").click()
    page.locator(".edition-search-more-hits summary").first.click()
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(AXE_RUN) == []
    context.close()


WORDS = ["Government's", "P'eng-fei", "Ji’s", "Червоненко", "Lüshun-Dalian", "姬鹏飞", "ÅNDONG", "[North] Korea:",
         "1,843", "Chŏng-sik", "ʼs", "don't"]


def test_the_browser_splits_words_as_the_index_does(search_pages):
    """The vocabulary for 'did you mean' is made in Python, the queries are read in the browser."""
    from build_scripts.search.words import normalise
    page = search_pages["online"]
    assert page.evaluate("words => words.map(w => window.editionSearch.normalise(w))", WORDS) == \
        [normalise(word) for word in WORDS]


@pytest.mark.parametrize("a,b,expected", [("chervonenco", "chervonenko", 1), ("andnog", "andong", 1),
                                          ("ambasador", "ambassador", 1), ("xiaogoung", "xiaoguang", 2),
                                          ("zeppelin", "chervonenko", 3)])
def test_the_distance_of_two_words(search_pages, a, b, expected):
    assert search_pages["offline"].evaluate("([a, b]) => window.editionSearch.distance(a, b, 2)", [a, b]) == expected


def test_enter_in_the_box_follows_the_first_passage(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url)
    page.keyboard.press("/")
    ask(page, "truckload")
    first = page.locator(".md-search-result__item").first.locator("a.edition-search-hit").first.get_attribute("href")
    page.locator("#edition-search-input").press("Enter")
    page.wait_for_url(re.compile("#" + re.escape(first.split("#")[1]) + "$"))
    context.close()
