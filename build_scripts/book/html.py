"""A generated page as printable HTML: the page's Markdown converted by
Python-Markdown (the same processing model output the site uses), then made
fit for paper and e-readers: no scripts or buttons, collapsible panels
opened, links resolved inside the book or made absolute, ids kept unique."""
from __future__ import annotations

import posixpath
import re
import copy
from dataclasses import dataclass
from typing import Callable

import lxml.html
import markdown
from lxml import etree

from ..markdown.page import MARKDOWN_CONFIG, MARKDOWN_EXTENSIONS, Page
from ..model import address

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass
class Footnote:
    """A note call and the note's content, for the output to place."""

    call: etree._Element        # the <sup> that calls the note
    id: str
    content: list               # elements and text of the note, without its back-link


def convert(page: Page) -> etree._Element:
    """The page body as an HTML <section>."""
    converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)
    return lxml.html.fragment_fromstring(converter.convert(page.body), create_parent="section")


def strip_interactive(root: etree._Element) -> None:
    """Remove what only makes sense on screen; open the collapsible panels."""
    for node in root.xpath(".//script | .//*[contains(@class, 'paragraph-citations-link')]"):
        node.drop_tree()
    for details in root.xpath(".//details"):
        details.tag = "section"
        summary = details.find("summary")
        if summary is not None:
            summary.tag = "h3"
            summary.set("class", "panel-title")
    for link in root.xpath(".//a[contains(@class, 'para-link')]"):
        number = link.findtext(".//span[@class='para-n']") or ""
        if number.strip():
            span = etree.Element("span", {"class": "para-num"})
            span.text = number
            link.addprevious(span)
        link.drop_tree()
    for node in root.xpath(".//*[@download]"):
        del node.attrib["download"]


def footnotes(root: etree._Element) -> list[Footnote]:
    """Take the notes out of the page's note list, in the order they are called."""
    found = []
    for call in root.xpath(".//sup[starts-with(@id, 'fnref:')]"):
        note_id = call.get("id").removeprefix("fnref:")
        item = root.xpath(f".//li[@id='fn:{note_id}']")
        if not item:
            continue
        for backref in item[0].xpath(".//a[contains(@class, 'footnote-backref')]"):
            backref.drop_tree()
        paragraphs = item[0].findall("p")
        content = []
        for paragraph in paragraphs or [item[0]]:
            if paragraph.text:
                content.append(paragraph.text)
            content.extend(paragraph)
        found.append(Footnote(call, note_id, content))
    for block in root.xpath(".//div[contains(@class, 'footnote')]"):
        block.drop_tree()
    for heading in root.xpath(".//*[@id='notes']"):
        heading.drop_tree()
    return found


def rewrite_links(root: etree._Element, page: Page, resolve: Callable[[str, str], str | None], base_url: str) -> None:
    """Links to other pages become anchors in the book when the book holds
    the target, and absolute addresses of the site otherwise."""
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


def append_content(container: etree._Element, parts: list) -> None:
    """Append a note's content (text and elements) to an element."""
    for part in parts:
        if isinstance(part, str):
            if len(container):
                container[-1].tail = (container[-1].tail or "") + part
            else:
                container.text = (container.text or "") + part
        else:
            container.append(copy.deepcopy(part))


def with_notes(element: etree._Element, notes: list[Footnote],
               place: Callable[[etree._Element, etree._Element, Footnote], None]) -> etree._Element:
    """A copy of a section in which `place(section, call, note)` puts each
    note where the output wants it (at the foot of the page, in an aside)."""
    section = copy.deepcopy(element)
    calls = {call.get("id"): call for call in section.xpath(".//sup[contains(@id, 'fnref:')]")}
    for note in notes:
        call = calls.get(note.call.get("id"))
        if call is not None:
            place(section, call, note)
    return section
