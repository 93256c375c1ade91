"""Reading the built site's HTML as a reader (or a crawler) sees it."""
from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

from build_scripts.model.text import normalise_space

# What the edition adds inside the text: paragraph numbers, corrections,
# page-break marks, footnote calls. Removing them leaves the transcription.
APPARATUS = ".//*[contains(concat(' ', normalize-space(@class), ' '), ' app ')] | .//sup[starts-with(@id, 'fnref:')]"


def parse(path: Path):
    return lxml.html.parse(str(path)).getroot()


def page_file(site: Path, url_path: str) -> Path:
    path = site / url_path.strip("/")
    return path / "index.html" if not url_path.endswith(".html") else path


def text_of(element, drop_apparatus: bool = True) -> str:
    element = copy.deepcopy(element)
    if drop_apparatus:
        for node in element.xpath(APPARATUS):
            node.drop_tree()
    return normalise_space(element.text_content())


def resolve_link(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file and fragment a relative link of `page` leads to."""
    parts = urlsplit(href)
    if parts.path.startswith("/"):
        target = (site / unquote(parts.path).lstrip("/")).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))
