"""A page rendered for a book, as HTML: its Markdown (written by the
processing model in the print or EPUB mode) converted by Python-Markdown,
links resolved inside the book or made absolute, and ids kept unique."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

import lxml.html
import markdown
from lxml import etree

from ..markdown.page import MARKDOWN_CONFIG, MARKDOWN_EXTENSIONS, Page
from ..model import address

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def convert(page: Page) -> etree._Element:
    """The page body as an HTML <section>."""
    converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)
    return lxml.html.fragment_fromstring(converter.convert(page.body), create_parent="section")


def rewrite_links(root: etree._Element, page: Page, resolve: Callable[[str, str], str | None], base_url: str) -> None:
    """Links to other pages become anchors in the book when the book holds
    the target, and the published addresses of the site otherwise."""
    for link in root.xpath(".//a[@href]"):
        href = link.get("href")
        if _SCHEME.match(href) or href.startswith("#"):
            continue
        target, _, fragment = href.partition("#")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), target))
        inside = resolve(path, fragment)
        link.set("href", inside if inside else address.published(base_url, path, fragment or None))


def scope_ids(root: etree._Element, scope: str, global_ids: set[str]) -> None:
    """Prefix the ids that only mean something on this page (headings,
    panels) with the section's scope, so that ids stay unique in the book."""
    renamed = {}
    for node in root.xpath(".//*[@id]"):
        old = node.get("id")
        if old not in global_ids:
            renamed[old] = f"{scope}--{old}"
            node.set("id", renamed[old])
    for link in root.xpath(".//a[starts-with(@href, '#')]"):
        fragment = link.get("href")[1:]
        if fragment in renamed:
            link.set("href", "#" + renamed[fragment])
    for node in root.xpath(".//*[@aria-labelledby or @aria-describedby]"):
        for attribute in ("aria-labelledby", "aria-describedby"):
            if node.get(attribute):
                node.set(attribute, " ".join(renamed.get(i, i) for i in node.get(attribute).split()))


def text_of(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())
