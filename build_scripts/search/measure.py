"""The search's figures on synthetic editions (`python -m build_scripts.benchmark
search`): index size and number of files online and offline, what a first
and a second query download online, and the time to first results, in
Debian's Chromium with the site served gzipped as a static host would.

Bytes are what crossed the network (each download's transfer size, as the
browser's resource timing gives it, headers included) from the moment the
reader opens the search box (first query) or types (later ones) until the
results are shown, the search code on
the page excluded (it loads with the page); Pagefind's own program
(pagefind.js and its WebAssembly) is counted, since a first query loads it.
The synthetic documents are clones of the two real ones, so every word is
in half or all of the documents: the worst case for what a query loads.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..benchmark import mkdocs, run, stage_module
from ..lighthouse import CHROMIUM, serve
from .offline_index import INDEX_FILE
from .pagefind_index import BUNDLE
from .vocabulary import FOLDER

QUERIES = ("Chervonenko", "Andong border", "Chervonenco")   # a name, two words, a misspelling
# Typing stops, the page waits this long before searching (search.js): part of the time to results.
DEBOUNCE_MS = 180
# Notes when the first result appears, counted from now (just before the query is typed).
WATCH_RESULTS = """() => {
  window.__shown = null;
  const list = document.getElementById('edition-search-results');
  new MutationObserver((_, watcher) => {
    if (list.children.length) { window.__shown = performance.now(); watcher.disconnect(); }
  }).observe(list, {childList: true});
  window.__typed = performance.now();
}"""


def _folder_size(paths: list[Path]) -> tuple[int, int]:
    files = [p for path in paths if path.exists() for p in ([path] if path.is_file() else path.rglob("*"))
             if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def _environment(project: Path, **extra: str) -> dict[str, str]:
    """Caches of the synthetic project's own (cold at first, and the edition's are left alone)."""
    return {"EDITION_BUILD_DIR": str(project / "build"), "NO_MKDOCS_2_WARNING": "1",
            "DISABLE_MKDOCS_2_WARNING": "true", **extra}


def build(project: Path, site: Path, offline: bool) -> str:
    environment = _environment(project, EDITION_DOWNLOADS="false", OFFLINE="true" if offline else "false")
    return run(mkdocs(project, site, quiet=False), environment).output


def _search_seconds(log: str) -> str:
    found = re.search(r"\bsearch\s+([\d.]+) s", log)
    return found.group(1) if found else "?"


def _part(url: str) -> str:
    """What a download is for: Pagefind's program, its index, the pages' texts, or the words."""
    if re.search(r"pagefind/(pagefind\.js|pagefind-worker\.js|wasm\.)", url):
        return "program"
    if "/fragment/" in url:
        return "texts"
    if "/search/words/" in url:
        return "words"
    return "index"


def _queries_in_browser(site: Path) -> list[dict]:
    """Each query in turn on one page (the first with a cold cache): bytes and time to results."""
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    measured = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url + "documents/")
            page.wait_for_load_state("networkidle")
            before = page.evaluate("performance.getEntriesByType('resource').length")
            page.locator("#edition-search-input").click()   # opening the box starts loading Pagefind
            for query in QUERIES:
                page.evaluate(WATCH_RESULTS)
                page.fill("#edition-search-input", query)
                page.wait_for_function("q => document.querySelector('.edition-search').dataset.query === q",
                                       arg=query, timeout=120000)
                page.wait_for_load_state("networkidle")
                loaded = page.evaluate("n => performance.getEntriesByType('resource').slice(n)"
                                       ".map(e => [e.name, e.transferSize])", before)
                took = page.evaluate("window.__shown === null ? null : window.__shown - window.__typed")
                parts: dict[str, float] = {}
                for name, size in loaded:
                    parts[_part(name)] = parts.get(_part(name), 0) + size
                measured.append({"query": query, "bytes": sum(size for _, size in loaded), "requests": len(loaded),
                                 "parts": parts,
                                 "ms": took, "results": page.locator(".md-search-result__item").count()})
                page.fill("#edition-search-input", "")
                page.wait_for_function("() => document.querySelector('.edition-search').dataset.query === ''")
                before = page.evaluate("performance.getEntriesByType('resource').length")
            browser.close()
    finally:
        server.shutdown()
    return measured


def _search_stage_again(project: Path) -> str:
    """The search stage alone on the built site (`build search`), with the project's caches."""
    return _search_seconds(run(stage_module("search", "--project", str(project)), _environment(project)).output)


def _change_one_page(site: Path) -> None:
    page = next(p for p in sorted((site / "documents").glob("*/index.html")) if not p.parent.name.isdigit())
    text = page.read_text(encoding="utf-8")
    end = text.index("</p>", text.index('<p class="para"'))   # a word more in the text's first paragraph
    page.write_text(text[:end] + " edited" + text[end:], encoding="utf-8")


def measure(project: Path, work: Path) -> dict:
    online, offline = project / "site", work / "site-offline"
    log = build(project, online, offline=False)
    build(project, offline, offline=True)
    online_bytes, online_files = _folder_size([online / BUNDLE, online / FOLDER])
    offline_bytes, offline_files = _folder_size([offline / INDEX_FILE])
    figures = {"index_seconds": _search_seconds(log), "online_bytes": online_bytes, "online_files": online_files,
               "offline_bytes": offline_bytes, "offline_files": offline_files, "queries": _queries_in_browser(online)}
    figures["unchanged_seconds"] = _search_stage_again(project)
    _change_one_page(online)
    figures["one_page_seconds"] = _search_stage_again(project)
    return figures


def report(documents: int, figures: dict) -> None:
    print(f"\n== search, {documents} documents")
    print(f"  search stage (records + Pagefind): {figures['index_seconds']} s cold; "
          f"{figures['unchanged_seconds']} s with the site unchanged; {figures['one_page_seconds']} s after one page "
          "changed (its record read again, Pagefind run again)")
    print(f"  online index: {figures['online_bytes'] / 1e6:.2f} MB in {figures['online_files']} files "
          f"(Pagefind bundle and the words for 'did you mean')")
    print(f"  offline index: {figures['offline_bytes'] / 1e6:.2f} MB in {figures['offline_files']} file")
    print(f"  {'query':<16} {'KB transferred':>15} {'requests':>9} {'ms to results':>14} {'pages shown':>12}")
    for order, query in enumerate(figures["queries"]):
        label = ("first: " if order == 0 else "then: ") + query["query"]
        took = f"{query['ms']:.0f}" if query["ms"] is not None else "-"
        parts = ", ".join(f"{name} {size / 1024:.1f}" for name, size in sorted(query["parts"].items()))
        print(f"  {label:<16} {query['bytes'] / 1024:>15.1f} {query['requests']:>9} {took:>14} {query['results']:>12}"
              f"   ({parts})")
    print(f"  (times include the {DEBOUNCE_MS} ms the box waits after the last key)")
