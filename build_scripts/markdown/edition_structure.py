"""The list of the edition's pages, in one place: where each lives, which
division of edition.xml it shows, where it sits in the navigation and in
the printed book. The navigation, the links into the edition's prose, the
book and the EPUB all read this table; the documents and register entries
are added to it from the model, so it never grows with the edition."""
from __future__ import annotations

from dataclasses import dataclass

from ..model.registers import KINDS
from .links import year_page

TOP = ""   # a navigation entry of its own, not in a section


@dataclass(frozen=True)
class EditionPage:
    path: str                       # source path of the page
    title: str                      # its title in the navigation
    divisions: tuple[str, ...] = ()  # types of the edition.xml divisions it shows
    nav: str | None = TOP           # navigation section (None: not in the navigation)
    book: str | None = None         # "front" or "appendix" of the book (None: not in it)
    prose: bool = False             # the page is its one division of edition.xml, rendered as it is
    searched: bool = False          # the site's search indexes its text (pages that only list others are left out)


EDITION_PAGES: tuple[EditionPage, ...] = (
    EditionPage("index.md", "Home", ("home",)),
    EditionPage("introduction.md", "Introduction", ("introduction",), book="front", prose=True, searched=True),
    EditionPage("documents/index.md", "All documents", nav="Documents"),
    EditionPage("timeline.md", "Timeline", nav="Documents", book="appendix", searched=True),
    EditionPage("map.md", "Map", nav="Documents"),
    *(EditionPage(f"{folder}/index.md", label, nav="Registers",
                  book="appendix") for _tag, _name, _prefix, folder, label in KINDS.values()),
    EditionPage("teaching.md", "Teaching guide", ("teaching",), book="appendix", prose=True, searched=True),
    EditionPage("about.md", "Editorial method", ("method", "citing"), nav="About", book="front", searched=True),
    EditionPage("sources.md", "Sources and credits", ("credits",), nav="About", book="appendix", searched=True),
    EditionPage("changelog.md", "Change log", nav="About", book="appendix", searched=True),
)
# The glossary leads the appendices: a reader of the documents needs it first.
APPENDIX_ORDER = ("glossary/index.md", "persons/index.md", "places/index.md", "organisations/index.md",
                  "timeline.md", "teaching.md", "sources.md", "changelog.md")


def division_page(division_type: str | None) -> str | None:
    """The page that shows a division of edition.xml."""
    return next((p.path for p in EDITION_PAGES if division_type in p.divisions), None)


def front_matter_pages(present) -> list[EditionPage]:
    """Pages that are one division of edition.xml, if the edition has it (`present(div_type)`)."""
    return [p for p in EDITION_PAGES if p.prose and present(p.divisions[0])]


def book_pages(part: str) -> list[str]:
    """Paths of the pages in the front matter or the appendices of the book, in book order."""
    paths = [p.path for p in EDITION_PAGES if p.book == part]
    return sorted(paths, key=APPENDIX_ORDER.index) if part == "appendix" else paths


def navigation(years: list[int], present) -> list:
    """The site navigation in MkDocs' format: years, never single documents,
    so that its weight does not grow with the edition."""
    nav: list = []
    sections: dict[str, list] = {}
    for page in EDITION_PAGES:
        if page.nav is None or (page.divisions and not all(present(d) for d in page.divisions)):
            continue
        if page.nav == TOP:
            nav.append({page.title: page.path})
            continue
        if page.nav not in sections:
            sections[page.nav] = []
            nav.append({page.nav: sections[page.nav]})
        sections[page.nav].append({page.title: page.path})
        if page.path == "documents/index.md":
            sections[page.nav] += [{str(year): year_page(year)} for year in years]
    return nav
