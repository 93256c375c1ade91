"""The change log: each version with its date and what it brought, and the
dated corrections (errata) first published in it, each linked to the notes,
paragraphs and entries it corrected, as FRUS lists its errata."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from lxml import etree

from ..model import dates
from ..model.edition import Change
from ..model.load import EditionModel
from ..tei.parser import NS, XML_ID
from ..tei.pointers import prefix_definitions, resolve
from . import escape
from .modes import WEB
from .page import Page
from .renderer import Renderer

PATH = "changelog.md"


def version_anchor(version: str) -> str:
    return "v" + version.replace(".", "-")


def _note_number(note: etree._Element) -> int:
    """A footnote's number on its page: its place among the text's editorial notes."""
    text = next(a for a in note.iterancestors() if etree.QName(a).localname == "text")
    notes = [n for n in text.iter(f"{{{NS['tei']}}}note") if n.get("type") != "original"]
    return notes.index(note) + 1


def _target_label(model: EditionModel, element: etree._Element) -> str:
    """How a reader recognises what a correction changed."""
    xml_id = element.get(XML_ID)
    if xml_id in model.registers.entries:
        return model.registers[xml_id].name
    if xml_id in model.edition.sources:
        return "Sources: " + (element.get("n") or xml_id)
    for document in model.documents:
        if element.getroottree().getroot() is document.tei.root:
            name = etree.QName(element).localname
            if name == "note":
                return f"{document.short_title}, note {_note_number(element)}"
            if any(d.get("type") == "headnote" for d in element.iterancestors()):
                return f"{document.short_title}, headnote"
            return document.short_title
    heads = [" ".join("".join(d.find("tei:head", NS).itertext()).split())
             for d in element.iterancestors(f"{{{NS['tei']}}}div") if d.find("tei:head", NS) is not None]
    if heads:  # the page, then the section: "Introduction, ‘Why the two belong together’"
        return heads[-1] + (f", ‘{heads[0]}’" if len(heads) > 1 else "")
    return "Sources and credits" if xml_id == "sources" else xml_id


def _target(model: EditionModel, change: Change, pointer: str) -> etree._Element:
    """The element a correction's pointer designates (validation has checked it exists)."""
    tree = change.element.getroottree()
    target = resolve(pointer, Path(tree.docinfo.URL), prefix_definitions(tree))
    tei = next(t for t in model.corpus.files if t.path.resolve() == target.path)
    return tei.root.xpath("//*[@xml:id=$id]", id=target.id)[0]


def _target_link(renderer: Renderer, change: Change, pointer: str) -> str:
    element = _target(renderer.model, change, pointer)
    href = renderer.resolve_pointer(change.element, pointer)
    if href and etree.QName(element).localname == "note":  # a footnote is reached by the note list's anchor
        href = href.replace(f"#{element.get(XML_ID)}", f"#fn:{element.get(XML_ID)}")
    label = escape.text(_target_label(renderer.model, element))
    return f"[{label}]({href})" if href else label


def changelog_page(model: EditionModel, mode: str = WEB) -> Page:
    renderer = Renderer(model, PATH, mode=mode)
    by_version: dict[str, list[Change]] = defaultdict(list)
    for change in model.edition.changes:
        by_version[change.version].append(change)
    sections = ["# Change log",
                "What each version of the edition brought, and every correction made to a published note, "
                "paragraph or register entry, with the date and the version in which it first appears."]
    for version, changes in by_version.items():
        released = next((c for c in changes if c.type == "release"), changes[0])
        sections.append(f"## Version {escape.text(version)} {escape.attr_list(version_anchor(version))}")
        sections.append(f"*{escape.text(dates.label(released.date))}.* {renderer.inline(released.element).strip()}")
        corrections = [c for c in changes if c.type == "correction"]
        if corrections:
            sections.append(f"### Corrections in version {escape.text(version)} "
                            + escape.attr_list(version_anchor(version) + "-corrections"))
            items = []
            for change in corrections:
                corrected = ", ".join(_target_link(renderer, change, p) for p in change.targets)
                items.append(f"- *{escape.text(dates.label(change.date))}.* {renderer.inline(change.element).strip()}"
                             + (f" Corrected: {corrected}." if corrected else ""))
            sections.append("\n".join(items))
    return Page(PATH, "Change log", "\n\n".join(sections),
                {"description": "What changed in each version of the edition, with dated corrections."},
                renderer.warnings)
