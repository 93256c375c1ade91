"""The processing model: a table from TEI element to behaviour.

Each behaviour is a small function `(renderer, element) -> Markdown`. Block
behaviours return whole Markdown blocks; inline ones return a string without
line breaks. An element with no behaviour keeps its text, and the renderer
records a warning naming file and line, so nothing is dropped silently.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lxml import etree

from ..model import dates
from ..model.documents import Document
from ..model.load import EditionModel
from ..model.mentions import unit_label
from ..paths import relative as relative_path
from ..tei.parser import NS, TEI_NS, XML_ID, XML_LANG
from ..tei.pointers import is_external, prefix_definitions, resolve
from . import escape, links
from .cards import cards_script
from .page import FOOTNOTES_PLACE, footnote_definitions

Behaviour = Callable[["Renderer", etree._Element], str]

# Which page shows each kind of division of edition.xml.
EDITION_DIVISION_PAGES = {"home": "index.md", "introduction": "introduction.md", "method": "about.md",
                          "citing": "about.md", "teaching": "teaching.md", "credits": "sources.md"}


@dataclass
class Renderer:
    """Renders TEI elements of one page; collects its footnotes and warnings."""

    model: EditionModel
    page: str                           # source path of the page being written
    document: Document | None = None    # the document the page shows, if any
    footnotes: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mentioned: dict[str, None] = field(default_factory=dict)   # entry ids, in order of first mention
    link_depth: int = 0
    heading_level: int = 2

    # -- dispatch ---------------------------------------------------------
    def render(self, element: etree._Element) -> str:
        if not isinstance(element.tag, str):  # comments, processing instructions
            return ""
        name = etree.QName(element).localname
        behaviour = BEHAVIOURS.get(name)
        if behaviour is None or etree.QName(element).namespace != TEI_NS:
            self.warn(element, f"no behaviour for <{name}>: rendered its text only")
            behaviour = inline_fallback
        return behaviour(self, element)

    def inline(self, element: etree._Element) -> str:
        """The element's mixed content as one line of Markdown."""
        parts = [escape.text(element.text or "")]
        for child in element:
            parts.append(self.render(child))
            parts.append(escape.text(child.tail or ""))
        return "".join(parts)

    def blocks(self, element: etree._Element) -> str:
        """Block children, separated by blank lines (stray text is kept inline)."""
        out = []
        if (element.text or "").strip():
            out.append(escape.text(element.text.strip()))
        for child in element:
            rendered = self.render(child).strip("\n")
            if rendered:
                out.append(rendered)
            if (child.tail or "").strip():
                out.append(escape.text(child.tail.strip()))
        return "\n\n".join(out)

    def warn(self, element: etree._Element, message: str) -> None:
        where = f"{relative_path(Path(element.getroottree().docinfo.URL or '?'))}:{element.sourceline}"
        self.warnings.append(f"{where}: {message}")

    # -- links ------------------------------------------------------------
    def link(self, target_page: str) -> str:
        return links.relative(self.page, target_page)

    def resolve_pointer(self, element: etree._Element, pointer: str) -> str | None:
        """A TEI pointer as a link from this page (None if it leads nowhere the site shows)."""
        if is_external(pointer):
            return pointer
        source = Path(element.getroottree().docinfo.URL)
        target = resolve(pointer, source, prefix_definitions(element.getroottree()))
        if target.id in self.model.registers.entries:
            return self.link(links.entry_page(self.model.registers[target.id]))
        if target.id in self.model.edition.sources or target.id == "sources":
            return self.link(f"sources.md#{target.id}")
        if target.path == self.model.corpus.edition.path.resolve():
            return self._edition_link(target.id)
        for document in self.model.documents:
            if document.path.resolve() == target.path:
                anchor = "" if target.id == document.id else f"#{target.id}"
                return self.link(links.document_page(document) + anchor)
        return None

    def _edition_link(self, xml_id: str) -> str | None:
        """A link to a division of the edition's own prose, on whichever page shows it."""
        found = self.model.edition.root.xpath("//*[@xml:id=$id]", id=xml_id)
        for division in ([found[0], *found[0].iterancestors()] if found else ()):
            page = EDITION_DIVISION_PAGES.get(division.get("type"))
            if page:
                return self.link(f"{page}#{xml_id}")
        return None

    def closing_sections(self) -> list[str]:
        """What every page ends with: its footnotes and the cards of the names it mentions."""
        sections = []
        if self.footnotes:
            sections += ["## Notes {: #notes }", FOOTNOTES_PLACE, footnote_definitions(self.footnotes)]
        sections.append(cards_script(self.model, self.mentioned, self.document))
        return sections

    def footnote(self, element: etree._Element, body: str) -> str:
        label = element.get(XML_ID)
        self.footnotes.append((label, escape.block(body)))
        return f"[^{label}]"


# -- helpers --------------------------------------------------------------
def _span(cls: str, content: str, **attributes: str | None) -> str:
    return f"<span{escape.attrs(class_=cls, **attributes)}>{content}</span>"


def _lang(element: etree._Element) -> str | None:
    return element.get(XML_LANG)


def paragraph(renderer: Renderer, element: etree._Element, prefix: str = "", classes: tuple[str, ...] = ()) -> str:
    """A paragraph; with an id it gets a permalink and its number. An
    apparatus paragraph that states facts ends with its sources."""
    body = renderer.inline(element).strip()
    if element.get("source"):
        body += " " + sources_line(renderer, element, element.get("source").split())
    xml_id = element.get(XML_ID)
    if not xml_id:
        return escape.block(prefix + body)
    number = element.get("n")
    attributes = escape.attr_list(xml_id, ("para", *classes), data_n=number, lang=_lang(element))
    return f"{permalink(element)} {prefix}{body}\n{attributes}"


def permalink(element: etree._Element) -> str:
    """The paragraph number in the margin, linking to the paragraph itself."""
    number = element.get("n")
    label = f"Paragraph {number}" if number else unit_label(element).capitalize()
    return (f'<a{escape.attrs(class_="app para-link", href="#" + element.get(XML_ID), aria_label="Permalink: " + label)}>'
            f'<span class="para-n" aria-hidden="true">{escape.text(number or "")}</span></a>')


# -- block behaviours --------------------------------------------------------
def container(renderer: Renderer, element: etree._Element) -> str:
    return renderer.blocks(element)


def division(renderer: Renderer, element: etree._Element) -> str:
    """A front-matter division: its head is a heading one level down."""
    renderer.heading_level += 1
    try:
        body = renderer.blocks(element)
    finally:
        renderer.heading_level -= 1
    head_element = element.find("tei:head", NS)
    if element.get(XML_ID) and (head_element is None or head_element.get(XML_ID)):  # no heading carries its id
        kind = element.get("type")
        return f'<div{escape.attrs(class_=f"tei-div div-{kind}" if kind else "tei-div", id=element.get(XML_ID))} markdown="1">\n\n{body}\n\n</div>'
    return body


def head(renderer: Renderer, element: etree._Element) -> str:
    xml_id = element.get(XML_ID) or element.getparent().get(XML_ID)  # a division is linked by its heading
    parent = etree.QName(element.getparent()).localname
    if parent in ("list", "listBibl", "listPerson", "listPlace", "listOrg"):
        return f"**{renderer.inline(element).strip()}**"
    if element.get("type") == "sub":  # a subtitle: styled, but kept out of the table of contents
        return escape.block(renderer.inline(element).strip()) + "\n" + escape.attr_list(xml_id, ("tei-subhead",))
    level = min(renderer.heading_level, 6)
    classes = ("tei-head",) if renderer.document is not None else ()
    return f"{'#' * level} {renderer.inline(element).strip()} " + escape.attr_list(xml_id, classes)


def block_p(renderer: Renderer, element: etree._Element) -> str:
    return paragraph(renderer, element)


def line(cls: str) -> Behaviour:
    """A one-line block of a cable (address line, salute, signature, date line)."""
    def behaviour(renderer: Renderer, element: etree._Element) -> str:
        return paragraph(renderer, element, classes=(cls,))
    return behaviour


def framed(cls: str) -> Behaviour:
    """A group of lines set apart as in a cable: opener or closer."""
    def behaviour(renderer: Renderer, element: etree._Element) -> str:
        inner = renderer.blocks(element)
        return f'<div{escape.attrs(class_=cls, id=element.get(XML_ID))} markdown="1">\n\n{inner}\n\n</div>'
    return behaviour


def speech(renderer: Renderer, element: etree._Element) -> str:
    """A speaker turn, shown as a transcript: the label opens the first paragraph."""
    speaker = element.find("tei:speaker", NS)
    prefix = renderer.render(speaker) + " " if speaker is not None else ""
    out = []
    for child in element:
        if child is speaker or not isinstance(child.tag, str):
            continue
        if etree.QName(child).localname == "p":
            out.append(paragraph(renderer, child, prefix=prefix))
            prefix = ""
        else:
            out.append(renderer.render(child))
    who = (element.get("who") or "").removeprefix("reg:")
    inner = "\n\n".join(out)
    return f'<div{escape.attrs(class_="sp", id=element.get(XML_ID), data_who=who)} markdown="1">\n\n{inner}\n\n</div>'


def speaker(renderer: Renderer, element: etree._Element) -> str:
    return _span("speaker", renderer.inline(element).strip())


def item_list(renderer: Renderer, element: etree._Element) -> str:
    if element.get("type") == "meeting-data":
        return meeting_data(renderer, element)
    marker = "1." if element.get("rend") == "numbered" else "-"
    items = [f"{marker} {escape.block(renderer.inline(item).strip())}" for item in element.iterfind("tei:item", NS)]
    title = element.find("tei:head", NS)
    heading = (head(renderer, title) + "\n\n") if title is not None else ""
    return heading + "\n".join(items)


def meeting_data(renderer: Renderer, element: etree._Element) -> str:
    """The minutes' date, venue, attendees, interpreter and minutes-taker."""
    rows = []
    for label in element.iterfind("tei:label", NS):
        item = label.getnext()
        rows.append(
            f'<div class="meeting-row" markdown="1">'
            f'<dt markdown="span">{renderer.inline(label).strip()}</dt>'
            f'<dd{escape.attrs(id=item.get(XML_ID))} markdown="span">{renderer.inline(item).strip()}</dd></div>')
    return (f'<dl{escape.attrs(class_="meeting-data", id=element.get(XML_ID))} markdown="1">\n'
            + "\n".join(rows) + "\n</dl>")


def anonymous_block(renderer: Renderer, element: etree._Element) -> str:
    """An <ab>: a block of text that is not a paragraph (the opening omission)."""
    return paragraph(renderer, element, classes=(f"ab-{element.get('type', 'block')}",))


def seg(renderer: Renderer, element: etree._Element) -> str:
    kind = element.get("type", "")
    if kind in ("destination", "precedence"):
        return paragraph(renderer, element, classes=(kind,))
    if element.get("ana"):
        return bracket_unit(renderer, element)
    return _span(f"seg seg-{kind}" if kind else "seg", renderer.inline(element))


# -- inline behaviours -------------------------------------------------------
def inline_fallback(renderer: Renderer, element: etree._Element) -> str:
    return renderer.inline(element)


def bracket_unit(renderer: Renderer, element: etree._Element) -> str:
    """A translator's bracketed unit, styled by its category."""
    category = renderer.model.edition.category(element.get("ana"))
    return _span(f"bk bk-{category.slug}", renderer.inline(element), data_bk=category.slug)


def punctuation(renderer: Renderer, element: etree._Element) -> str:
    if element.get("type") == "bracket":
        return _span("bk-pc", escape.text(element.text or ""))
    return renderer.inline(element)


def gap(renderer: Renderer, element: etree._Element) -> str:
    return ""  # the omission's printed dots are in the text around it


def note(renderer: Renderer, element: etree._Element) -> str:
    if element.get("type") == "withdrawn":  # why a source was withdrawn: part of its entry
        return _span("withdrawn-note", renderer.inline(element))
    if element.get("type") == "original":
        unit = bracket_unit(renderer, element)
        parent = etree.QName(element.getparent()).localname
        if parent in ("div", "body"):
            attributes = escape.attr_list(element.get(XML_ID), ("para", "original-note"))
            return f"{permalink(element)} {unit}\n{attributes}"
        return unit
    return renderer.footnote(element, note_body(renderer, element))


def note_body(renderer: Renderer, element: etree._Element) -> str:
    """A footnote's text followed by its sources."""
    body = renderer.inline(element).strip()
    sources = (element.get("source") or "").split()
    if sources:
        body += " " + sources_line(renderer, element, sources)
    return body


def sources_line(renderer: Renderer, element: etree._Element, pointers: list[str]) -> str:
    cited = []
    for pointer in pointers:
        source = renderer.model.edition.sources.get(pointer.removeprefix("edn:"))
        if source is None:
            continue
        label = source.element.get("n") or source.text[:60]
        cited.append(f"[{escape.text(label)}]({renderer.link('sources.md#' + source.id)})")
    if not cited:
        return ""
    return _span("app sources", ("Source: " if len(cited) == 1 else "Sources: ") + "; ".join(cited) + ".")


def choice(renderer: Renderer, element: etree._Element) -> str:
    """The source as printed, with the edition's correction beside it."""
    sic = element.find("tei:sic", NS)
    corr = element.find("tei:corr", NS)
    printed = _span("sic", renderer.inline(sic)) if sic is not None else ""
    if corr is None:
        return printed
    correction = _span("app corr", f'<span class="corr-label">corr.</span> {renderer.inline(corr).strip()}',
                       title="Correction by the editors; the text above is as printed")
    return printed + correction


MENTION_KIND = {"persName": "person", "placeName": "place", "orgName": "org", "term": "term"}


def mention(renderer: Renderer, element: etree._Element) -> str:
    """A name or term linked to its register entry (plain inside another link)."""
    refs = [r.removeprefix("reg:") for r in (element.get("ref") or "").split() if r.startswith("reg:")]
    entry = renderer.model.registers.entries.get(refs[0]) if refs else None
    if entry is None:
        return renderer.inline(element)
    renderer.mentioned.setdefault(entry.id)
    renderer.link_depth += 1
    try:
        inner = renderer.inline(element)
    finally:
        renderer.link_depth -= 1
    if renderer.link_depth:
        return _span("mention-nested", inner, data_entry=entry.id)
    attributes = escape.attr_list(None, ("mention", f"mention-{entry.kind}"), data_entry=entry.id,
                                  lang=_lang(element))
    return f"[{inner}]({renderer.link(links.entry_page(entry))}){attributes}"


def role_name(renderer: Renderer, element: etree._Element) -> str:
    return _span("role", renderer.inline(element))


def date(renderer: Renderer, element: etree._Element) -> str:
    when = element.get("when")
    if when and dates.span(when):
        return f'<time datetime="{escape.attribute(when)}">{renderer.inline(element)}</time>'
    return renderer.inline(element)


def stage(renderer: Renderer, element: etree._Element) -> str:
    return _span("stage", renderer.inline(element), id=element.get(XML_ID))


def page_break(renderer: Renderer, element: etree._Element) -> str:
    described = "Probable page break (page number unknown)" if element.get("type") == "suspected" else "Page break"
    if element.get("n"):
        described = f"Page {element.get('n')}"
    return (f'<span{escape.attrs(class_="app pb", id=element.get(XML_ID), title=described)}>'
            f'<span aria-hidden="true">‖</span><span class="visually-hidden"> {described} </span></span>')


def emphasis(renderer: Renderer, element: etree._Element) -> str:
    return f"<em{escape.attrs(lang=_lang(element))}>{renderer.inline(element)}</em>"


def quotation(renderer: Renderer, element: etree._Element) -> str:
    return f"<q{escape.attrs(lang=_lang(element))}>{renderer.inline(element)}</q>"


def foreign(renderer: Renderer, element: etree._Element) -> str:
    return _span("foreign", renderer.inline(element), lang=_lang(element))


def cited_title(renderer: Renderer, element: etree._Element) -> str:
    if element.get("level") == "a":
        return quotation(renderer, element)
    return f"<cite{escape.attrs(lang=_lang(element))}>{renderer.inline(element)}</cite>"


def reference(renderer: Renderer, element: etree._Element) -> str:
    target = element.get("target")
    text = renderer.inline(element).strip()
    href = renderer.resolve_pointer(element, target.split()[0]) if target else None
    if href is None:
        return text
    if is_external(href):
        return escape.link(text, href)
    return f"[{text}]({href})"


def pointer(renderer: Renderer, element: etree._Element) -> str:
    """A <ptr> to a paragraph: shown as 'short title, ¶ n'."""
    target = element.get("target", "").split()[0]
    href = renderer.resolve_pointer(element, target)
    label = target
    for document in renderer.model.documents:
        unit = document.element(target.partition("#")[2])
        if unit is not None:
            doctype = renderer.model.edition.doctypes[document.doctype.removeprefix("edn:")].slug
            label = f"{document.year} {doctype}, {unit_label(unit)}"
    return f"[{escape.text(label)}]({href})" if href else escape.text(label)


def line_break(renderer: Renderer, element: etree._Element) -> str:
    return "<br>"


BEHAVIOURS: dict[str, Behaviour] = {
    # structure
    "text": container, "body": container, "front": container, "back": container,
    "div": division, "head": head, "p": block_p, "ab": anonymous_block,
    "list": item_list, "listBibl": container,
    # cables
    "opener": framed("opener"), "closer": framed("closer"),
    "salute": line("salute"), "signed": line("signed"), "dateline": line("dateline"),
    "seg": seg,
    # minutes
    "sp": speech, "speaker": speaker, "stage": stage,
    # the translators' brackets and the edition's corrections
    "supplied": bracket_unit, "pc": punctuation, "gap": gap, "note": note, "choice": choice,
    # names and terms
    "persName": mention, "placeName": mention, "orgName": mention, "term": mention, "rs": mention,
    "roleName": role_name, "date": date,
    # typography and references
    "pb": page_break, "lb": line_break, "hi": emphasis, "emph": emphasis, "mentioned": emphasis,
    "q": quotation, "quote": quotation, "foreign": foreign, "title": cited_title,
    "ref": reference, "ptr": pointer,
    # bibliographic descriptions: their text, as written
    **{name: inline_fallback for name in ("bibl", "author", "editor", "publisher", "pubPlace", "series",
                                          "idno", "biblScope", "citedRange", "distributor")},
}
