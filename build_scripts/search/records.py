"""A built page as the search sees it: one record per page, its text cut
into units (a paragraph, a note, the headnote, the document's description,
a register entry, a section of an edition page), each with the anchor a
result links to, its kind and the label a result shows ("¶ 5", "Note 19").

Both search engines index these records (pagefind_index.py online,
offline_index.py in the file:// copy), so they find the same passages.
The records are read from the written site, so what is searched is what a
reader sees: the text without note numbers, paragraph numbers or tools.
Each name the text mentions is followed by the register entry's other
names (pinyin, Wade-Giles, characters, Russian), marked as hidden, so that
any form of a name finds the paragraphs that mention it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from lxml import html

from .page_meta import DOCUMENT, EDITION, REGISTER

# Kinds of text, the search's narrowing by "kind" (labels in search.js).
TEXT, NOTE, APPARATUS, REGISTER_ENTRY = "text", "note", "apparatus", "register"
# The page's search metadata a result shows (search.js): its date, type, register and kind of page.
SHOWN = ("date_label", "type", "register", "page")
# Words between these two are indexed but never shown in a result.
HIDDEN_OPEN, HIDDEN_CLOSE = "\u2e22", "\u2e23"


def _class(name: str) -> str:
    """XPath: the element has this class."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# Parts of a document page and the kind of text each holds; the rest of the
# page (jump links, who's who, the citations, the tools) is not searched.
DOC_META, HEADNOTE, TRANSCRIPTION, NOTES = "doc-meta", "headnote", "tei-text", "footnote"
DOCUMENT_PARTS = ((DOC_META, APPARATUS), (HEADNOTE, NOTE), (TRANSCRIPTION, TEXT), (NOTES, NOTE))
# What a reader never reads as text: note calls, paragraph-number links,
# labels of corrections, tools, pictures, print-only lines.
DROPPED = " | ".join([
    ".//sup[starts-with(@id, 'fnref')]", *(f".//*[{_class(c)}]" for c in (
        "footnote-backref", "para-link", "corr-label", "print-only", "bracket-legend")),
    ".//script", ".//style", ".//button", ".//svg", ".//template", ".//summary"])
BLOCKS = frozenset({"p", "dd", "dt", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th",
                    "figcaption", "caption", "div", "dl", "ol", "ul", "table", "tr", "section", "details",
                    "summary"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass
class Unit:
    anchor: str          # id of the element a result links to
    kind: str
    label: str
    words: list[str] = field(default_factory=list)   # visible words, hidden names between the markers


@dataclass
class Record:
    url: str                     # the page's address relative to the site root
    title: str
    meta: dict                   # the page's search metadata (page_meta.py)
    units: list[Unit]

    @property
    def shown(self) -> dict[str, str]:
        """What a result shows of its page besides the passages (both engines carry it as metadata)."""
        return {"title": self.title, **{key: self.meta[key] for key in SHOWN if self.meta.get(key)}}

    @property
    def filters(self) -> dict[str, list[str]]:
        kinds = sorted({unit.kind for unit in self.units})
        found = {"kind": kinds}
        for key in ("year", "type", "register"):
            if self.meta.get(key):
                found[key] = [self.meta[key]]
        if self.meta["page"] == DOCUMENT:
            found["document"] = [self.meta["title"]]
        return found


def _parts(root, class_name: str) -> list:
    return root.xpath(f".//*[{_class(class_name)}]")


def _page_meta(tree) -> dict | None:
    found = tree.xpath("//script[@type='application/json'][@class='edition-search-page']")
    return json.loads(found[0].text) if found else None


def _text_of(element, names: dict[str, list[str]]) -> list[str]:
    """The words of an element, each mention followed by its hidden other names.

    The hidden names go after the word that ends the mention, punctuation
    included ("Chervonenko):"), so that the text shown around them keeps
    its spacing."""
    parts: list[str] = []
    pending: list[str] = []

    def add(text: str) -> None:
        if pending and text:
            space = next((i for i, c in enumerate(text) if c.isspace()), None)
            if space is None:
                parts.append(text)
                return
            parts.append(text[:space] + pending.pop() + text[space:])
        else:
            parts.append(text)

    def flush() -> None:
        if pending:
            parts.append(pending.pop())

    def walk(node) -> None:
        add(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                if child.tag in BLOCKS:
                    flush()
                    parts.append(" ")
                walk(child)
                entry = child.get("data-entry")
                if entry and "mention" in (child.get("class") or ""):
                    shown = set("".join(child.itertext()).lower().split())
                    others = _other_words(names.get(entry, []), shown)
                    if others:  # a mention inside another (a place in an organisation's name) shares its place
                        names_so_far = pending.pop()[3:-3] + " " if pending else ""
                        pending.append(f" {HIDDEN_OPEN} {names_so_far}{' '.join(others)} {HIDDEN_CLOSE} ")
                if child.tag in BLOCKS:
                    flush()
                    parts.append(" ")
            add(child.tail or "")

    walk(element)
    flush()
    return "".join(parts).split()


def _other_words(names: list[str], shown: set[str]) -> list[str]:
    """The words of an entry's names that the mention does not show, each once."""
    words: dict[str, str] = {}
    for name in names:
        for word in name.split():
            if word.lower() not in shown:
                words.setdefault(word.lower(), word)
    return list(words.values())


def _innermost_blocks(container) -> list:
    """Blocks of the container that hold no other block, in reading order."""
    return [e for e in container.iter() if isinstance(e.tag, str) and e.tag in BLOCKS and e is not container
            and not any(isinstance(c.tag, str) and c.tag in BLOCKS for c in e.iterdescendants())]


def _label(block) -> str:
    if block.get("data-n"):
        return f"¶ {block.get('data-n')}"
    if block.tag == "dd":
        term = block.getprevious()
        return " ".join("".join(term.itertext()).split()).rstrip(":") if term is not None else ""
    if block.tag in HEADINGS:
        return "Title"
    return ""


def _blocks_as_units(container, kind: str, names, fallback_anchor: str, fallback_label: str) -> list[Unit]:
    """One unit per block with an id; a block without one joins the unit before it."""
    units: list[Unit] = []
    for block in _innermost_blocks(container):
        if block.tag == "dt":  # the term labels the unit of its definition
            continue
        words = _text_of(block, names)
        if not words:
            continue
        owner = block if block.get("id") else next(
            (a for a in block.iterancestors() if a.get("id") and a is not container), None)
        if owner is not None and owner.get("id") and not (units and units[-1].anchor == owner.get("id")):
            units.append(Unit(owner.get("id"), kind, _label(owner) or fallback_label))
        elif not units:
            units.append(Unit(fallback_anchor, kind, fallback_label))
        units[-1].words += words
    return units


def _document_units(article, names, top: str) -> list[Unit]:
    units: list[Unit] = []
    for class_name, kind in DOCUMENT_PARTS:
        for part in _parts(article, class_name):
            if class_name == NOTES:
                for number, item in enumerate(part.xpath("./ol/li[@id]"), start=1):
                    units.append(Unit(item.get("id"), NOTE, f"Note {number}", _text_of(item, names)))
            elif class_name == DOC_META:  # linked to its panel, which the page opens on arrival
                panel = next((a.get("id") for a in part.iterancestors() if a.get("id")), None)
                units.append(Unit(panel or top, APPARATUS, "About this document", _text_of(part, names)))
            else:
                label = "Headnote" if kind == NOTE else "Text"
                for unit in _blocks_as_units(part, kind, names, part.get("id") or top, label):
                    if kind == NOTE:
                        unit.label = "Headnote"
                    units.append(unit)
    return units


def _register_units(article, names, top: str, register: str) -> list[Unit]:
    """The entry's names, dates, description and offices; not the list of where it is mentioned."""
    unit = Unit(top, REGISTER_ENTRY, register.rstrip("s") if register != "Glossary" else "Glossary entry")
    for child in article:
        if not isinstance(child.tag, str):
            continue
        if child.get("id") == "mentioned-in":
            break
        unit.words += _text_of(child, names)
    return [unit]


def _section_units(article, names, top: str) -> list[Unit]:
    """An edition page: each paragraph with an id is a passage, labelled with
    its section's heading; text without an id joins the passage before it."""
    units: list[Unit] = []
    section = ""
    for block in _innermost_blocks(article):
        words = _text_of(block, names)
        if block.tag in HEADINGS:
            section = " ".join(words)
        if block.get("id") or not units:
            units.append(Unit(block.get("id") or top, APPARATUS, section))
        units[-1].words += words
    return [unit for unit in units if unit.words]


def page_record(page_html: bytes, url: str, names: dict[str, list[str]]) -> Record | None:
    """The record of a built page, or None if the page is not searched."""
    tree = html.fromstring(page_html)
    meta = _page_meta(tree)
    found = tree.xpath(f"//article[{_class('md-content__inner')}]")
    if meta is None or not found:
        return None
    article = found[0]
    for element in article.xpath(DROPPED):
        element.drop_tree()
    heading = article.find(".//h1")
    top = heading.get("id") if heading is not None and heading.get("id") else ""
    if meta["page"] == DOCUMENT:
        units = _document_units(article, names, top)
    elif meta["page"] == REGISTER:
        units = _register_units(article, names, top, meta.get("register", ""))
    elif meta["page"] == EDITION:
        units = _section_units(article, names, top)
    else:
        return None
    return Record(url, meta["title"], meta, [u for u in units if u.words])


def entry_names(registers: dict) -> dict[str, list[str]]:
    """Every register entry's name and other names, from the registers export (registers.json)."""
    names: dict[str, list[str]] = {}
    for entries in registers.values():
        if not isinstance(entries, list):
            continue
        for entry in entries:
            forms = [entry["name"]] + [variant["name"] for variant in entry.get("variants", [])]
            names[entry["id"]] = list(dict.fromkeys(forms))
    return names

