"""Published addresses never disappear. A release records every page of the
site and every anchor on it in releases/<version>.json; every build then
compares the site with all earlier releases and fails, naming the address
and the release that published it, if anything published is gone. A page
that moved is kept by a redirect (a document's former slug in the TEI); a
paragraph whose id changed or merged is kept by an alias anchor (a TEI
<anchor> with the old id, inside the paragraph that now holds the text)."""
from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import html

from ..errors import Problem

RELEASES = "releases"
# Pages that are not published content: the theme's own, the offline copy, redirects.
NOT_PUBLISHED = re.compile(r"^(404\.html|assets/|search/|downloads/)")
REDIRECT = re.compile(rb'<meta http-equiv="refresh" content="0; url=([^"]+)"')


@dataclass(frozen=True)
class Page:
    url: str                 # as published: documents/<slug>/
    anchors: frozenset[str]  # every id on it
    redirect: str | None     # where a redirect page sends the reader (relative), if it is one


def _url(relative: str) -> str:
    return relative.removesuffix("index.html")


def read_site(site: Path) -> dict[str, Page]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if NOT_PUBLISHED.match(relative):
            continue
        data = path.read_bytes()
        moved = REDIRECT.search(data)
        if moved:
            pages[_url(relative)] = Page(_url(relative), frozenset(), moved.group(1).decode())
            continue
        tree = html.fromstring(data)
        anchors = frozenset(tree.xpath("//@id"))
        pages[_url(relative)] = Page(_url(relative), anchors, None)
    return pages


def manifest(site: Path, version: str, date: str, address: str) -> dict:
    """What a release publishes: each page's address and its anchors."""
    pages = {url: sorted(page.anchors) for url, page in read_site(site).items() if page.redirect is None}
    return {"version": version, "date": date, "address": address, "pages": pages}


def write_manifest(root: Path, record: dict) -> Path:
    path = root / RELEASES / f"{record['version']}.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def lost_addresses(site: Path, root: Path) -> list[Problem]:
    """Every published URL and URL#anchor of an earlier release that this
    site no longer has, following redirects to where a page moved."""
    releases = sorted((root / RELEASES).glob("*.json"))
    if not releases:
        return []
    pages = read_site(site)
    problems: list[Problem] = []
    for release in releases:
        record = json.loads(release.read_text(encoding="utf-8"))
        for url, anchors in record["pages"].items():
            page = _landing(pages, url)
            if page is None:
                problems.append(Problem(release, None, "lost-address",
                                        f"{url} was published in release {record['version']} and is gone: "
                                        "give the document its former slug (idno type='former-slug') or restore it"))
                continue
            for anchor in anchors:
                if anchor not in page.anchors:
                    problems.append(Problem(release, None, "lost-anchor",
                                            f"{url}#{anchor} was published in release {record['version']} and is "
                                            f"gone from {page.url}: keep the id, or put <anchor xml:id=\"{anchor}\"/> "
                                            "in the paragraph that now holds its text"))
    return problems


def _landing(pages: dict[str, Page], url: str) -> Page | None:
    """The page a reader lands on from a published address (through redirects)."""
    seen = set()
    page = pages.get(url)
    while page is not None and page.redirect is not None and url not in seen:
        seen.add(url)
        target = posixpath.normpath(posixpath.join("/" + url, page.redirect.split("#")[0])).lstrip("/")
        url = target + "/" if target and not target.endswith((".html", "/")) else target
        page = pages.get(url)
    return page
