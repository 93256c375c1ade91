"""The processing model: a table of rules from TEI element (and a condition
on its attributes) to behaviour, for each output mode, as TEI Publisher's
processing model declares them with @predicate and @output.

Each behaviour is a small function `(renderer, element) -> Markdown`. Block
behaviours return whole Markdown blocks; inline ones return a string without
line breaks. The first rule whose element, condition and modes fit is
applied; an element with no rule keeps its text, and the renderer records a
warning naming file and line, so nothing is dropped silently. The web, print
and EPUB outputs are modes of this one table: the print and EPUB books are
rendered from the TEI in their own modes, never cut out of the site's HTML.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from ..model import dates
from ..model.mentions import unit_label
from ..model.text import PARENTHESES
from ..tei.parser import NS, XML_ID, XML_LANG
from ..tei.pointers import is_external
from . import escape, links
from .modes import EPUB, MODES, PRINT, WEB

if TYPE_CHECKING:  # the renderer applies this table: it imports this module, not the other way round
    from .renderer import Renderer

Behaviour = Callable[["Renderer", etree._Element], str]


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
    return f"{permalink(renderer, element)} {prefix}{body}\n{attributes}"


def permalink(renderer: Renderer, element: etree._Element) -> str:
    """The paragraph number in the margin: on the site a link to the paragraph
    itself, in print and EPUB the number alone."""
    number = element.get("n")
    if not renderer.interactive:
        return _span("para-num", escape.text(number)) if number else ""
    label = f"paragraph {number}" if number else f"this {unit_label(element)}"
    attributes = escape.attrs(class_="app para-link", href="#" + element.get(XML_ID), aria_label="Link to " + label)
    return f'<a{attributes}><span class="para-n" aria-hidden="true">{escape.text(number or "")}</span></a>'


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
        attributes = escape.attrs(class_=f"tei-div div-{kind}" if kind else "tei-div", id=element.get(XML_ID))
        return f'<div{attributes} markdown="1">\n\n{body}\n\n</div>'
    return body


def list_head(renderer: Renderer, element: etree._Element) -> str:
    return f"**{renderer.inline(element).strip()}**"


def subtitle(renderer: Renderer, element: etree._Element) -> str:
    """A subtitle: styled, but kept out of the table of contents."""
    xml_id = element.get(XML_ID) or element.getparent().get(XML_ID)
    return escape.block(renderer.inline(element).strip()) + "\n" + escape.attr_list(xml_id, ("tei-subhead",))


def head(renderer: Renderer, element: etree._Element) -> str:
    xml_id = element.get(XML_ID) or element.getparent().get(XML_ID)  # a division is linked by its heading
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
    marker = "1." if element.get("rend") == "numbered" else "-"
    items = [f"{marker} {escape.block(renderer.inline(item).strip())}" for item in element.iterfind("tei:item", NS)]
    title = element.find("tei:head", NS)
    heading = (list_head(renderer, title) + "\n\n") if title is not None else ""
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


def seg_line(renderer: Renderer, element: etree._Element) -> str:
    """A cable's destination or precedence line."""
    return paragraph(renderer, element, classes=(element.get("type"),))


def seg(renderer: Renderer, element: etree._Element) -> str:
    kind = element.get("type", "")
    return _span(f"seg seg-{kind}" if kind else "seg", renderer.inline(element))


# -- inline behaviours -------------------------------------------------------
def inline_fallback(renderer: Renderer, element: etree._Element) -> str:
    return renderer.inline(element)


def bracket_unit(renderer: Renderer, element: etree._Element) -> str:
    """A translator's bracketed unit, styled by its category."""
    category = renderer.model.edition.category(element.get("ana"))
    return _span(f"bk bk-{category.slug}", renderer.inline(element), data_bk=category.slug)


def unsure_bracket_unit(renderer: Renderer, element: etree._Element) -> str:
    """A unit whose category the importer could only guess (cert="low"):
    styled by that category and marked, so that an unreviewed guess never
    passes for the editors' reading."""
    category = renderer.model.edition.category(element.get("ana"))
    return _span(f"bk bk-{category.slug} bk-unsure", renderer.inline(element), data_bk=category.slug,
                 title=f"{category.label}: category not yet reviewed by the editors")


def bracket_mark(renderer: Renderer, element: etree._Element) -> str:
    """A bracket as printed; on the site, where the reading view gives an
    alternative name in parentheses, the parenthesis it shows instead."""
    mark = _span("bk-pc", escape.text(element.text or ""))
    unit = next((a for a in element.iterancestors() if a.get("ana")), None)
    if (renderer.interactive and unit is not None and element.text in PARENTHESES
            and renderer.model.edition.category(unit.get("ana")).reading == "parentheses"):
        mark += _span("rd-pc", PARENTHESES[element.text])
    return mark



def gap(renderer: Renderer, element: etree._Element) -> str:
    return ""  # the omission's printed dots are in the text around it


def withdrawn_note(renderer: Renderer, element: etree._Element) -> str:
    """Why a source was withdrawn: part of its bibliography entry."""
    return _span("withdrawn-note", renderer.inline(element))


def original_note_block(renderer: Renderer, element: etree._Element) -> str:
    """A remark of the original document that stands as a line of its own,
    with the editors' notes on it (which follow it in the TEI) called there."""
    attributes = escape.attr_list(element.get(XML_ID), ("para", "original-note"))
    calls = "".join(NOTE_CALLS[renderer.mode](renderer, note) for note in _notes_on(element))
    return f"{permalink(renderer, element)} {bracket_unit(renderer, element)}{calls}\n{attributes}"


def _notes_on(element: etree._Element) -> list[etree._Element]:
    """The editors' notes right after a block (nothing but space between)."""
    notes = []
    while not (element.tail or "").strip():
        element = element.getnext()
        if element is None or element.tag != f"{{{NS['tei']}}}note" or element.get("type") == "original":
            break
        notes.append(element)
    return notes


def note_on_block(renderer: Renderer, element: etree._Element) -> str:
    return ""  # called from the block it follows (see original_note_block)


def follows_block_note(element: etree._Element) -> bool:
    """A note on a block-level remark of the original, which calls it."""
    previous = element.getprevious()
    while previous is not None and previous.tag == element.tag and previous.get("type") != "original":
        previous = previous.getprevious()
    return (previous is not None and previous.tag == element.tag and is_block_note(previous)
            and element in _notes_on(previous))


def footnote_call(renderer: Renderer, element: etree._Element) -> str:
    """Web: a footnote, called by its number and listed at the end of the page."""
    label = element.get(XML_ID)
    renderer.footnotes.append((label, escape.block(note_body(renderer, element))))
    return f"[^{label}]"


def foot_of_page(renderer: Renderer, element: etree._Element) -> str:
    """Print: the note's text in place, which the print stylesheet floats to the foot of the page."""
    return f'<span{escape.attrs(class_="fn", id="fn-" + element.get(XML_ID))}>{note_body(renderer, element)}</span>'


def note_aside(renderer: Renderer, element: etree._Element) -> str:
    """EPUB: a note reference, and the note as an aside after the text."""
    number = len(renderer.asides) + 1
    note_id = element.get(XML_ID)
    renderer.asides.append(
        f'<aside{escape.attrs(id="fn-" + note_id, data_epub_type="footnote", role="doc-footnote")} markdown="1">\n\n'
        f"{number}. {note_body(renderer, element)}\n\n</aside>")
    attributes = escape.attrs(href="#fn-" + note_id, class_="noteref", data_epub_type="noteref", role="doc-noteref",
                              id="ref-" + note_id)
    return f"<a{attributes}>{number}</a>"


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


def alias_anchor(renderer: Renderer, element: etree._Element) -> str:
    """An id a release published for text that now stands here (a paragraph
    renamed or merged): links to the old id still land on it."""
    return f'<span{escape.attrs(class_="alias-anchor", id=element.get(XML_ID))}></span>'


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
    found = renderer.model.units.get(target.partition("#")[2])
    if found is not None:
        document, unit = found
        doctype = renderer.model.edition.doctype(document.doctype).slug
        label = f"{document.year} {doctype}, {unit_label(unit)}"
    return f"[{escape.text(label)}]({href})" if href else escape.text(label)


def line_break(renderer: Renderer, element: etree._Element) -> str:
    return "<br>"


Condition = Callable[[etree._Element], bool]


@dataclass(frozen=True)
class Rule:
    """Render <element> with `behaviour` in `modes`, when `when` holds."""

    element: str
    behaviour: Behaviour
    when: Condition | None = None
    modes: tuple[str, ...] = MODES


def attribute_is(name: str, *values: str) -> Condition:
    return lambda element: element.get(name) in values


def has_attribute(name: str) -> Condition:
    return lambda element: element.get(name) is not None


def parent_is(*names: str) -> Condition:
    return lambda element: etree.QName(element.getparent()).localname in names


def _all(*conditions: Condition) -> Condition:
    return lambda element: all(condition(element) for condition in conditions)


is_block_note = _all(attribute_is("type", "original"), parent_is("div", "body"))
NOTE_CALLS: dict[str, Behaviour] = {WEB: footnote_call, PRINT: foot_of_page, EPUB: note_aside}

RULES: tuple[Rule, ...] = (
    # structure
    *(Rule(name, container) for name in ("text", "body", "front", "back", "listBibl")),
    Rule("div", division),
    Rule("head", list_head, parent_is("list", "listBibl", "listPerson", "listPlace", "listOrg")),
    Rule("head", subtitle, attribute_is("type", "sub")),
    Rule("head", head),
    Rule("p", block_p),
    Rule("ab", anonymous_block),
    Rule("list", meeting_data, attribute_is("type", "meeting-data")),
    Rule("list", item_list),
    # cables
    Rule("opener", framed("opener")), Rule("closer", framed("closer")),
    Rule("salute", line("salute")), Rule("signed", line("signed")), Rule("dateline", line("dateline")),
    Rule("seg", seg_line, attribute_is("type", "destination", "precedence", "field", "remark")),
    Rule("seg", unsure_bracket_unit, _all(has_attribute("ana"), attribute_is("cert", "low"))),
    Rule("seg", bracket_unit, has_attribute("ana")),
    Rule("seg", seg),
    # minutes
    Rule("sp", speech), Rule("speaker", speaker), Rule("stage", stage),
    # the translators' brackets, notes and the edition's corrections
    Rule("supplied", unsure_bracket_unit, attribute_is("cert", "low")),
    Rule("supplied", bracket_unit),
    Rule("pc", bracket_mark, attribute_is("type", "bracket")),
    Rule("pc", inline_fallback),
    Rule("gap", gap),
    Rule("note", withdrawn_note, attribute_is("type", "withdrawn")),
    Rule("note", original_note_block, is_block_note),
    Rule("note", unsure_bracket_unit, _all(attribute_is("type", "original"), attribute_is("cert", "low"))),
    Rule("note", bracket_unit, attribute_is("type", "original")),
    Rule("note", note_on_block, follows_block_note),
    Rule("note", footnote_call, modes=(WEB,)),
    Rule("note", foot_of_page, modes=(PRINT,)),
    Rule("note", note_aside, modes=(EPUB,)),
    Rule("choice", choice),
    # names and terms
    *(Rule(name, mention) for name in ("persName", "placeName", "orgName", "term", "rs")),
    Rule("roleName", role_name), Rule("date", date), Rule("anchor", alias_anchor),
    # typography and references
    Rule("pb", page_break), Rule("lb", line_break),
    *(Rule(name, emphasis) for name in ("hi", "emph", "mentioned")),
    Rule("q", quotation), Rule("quote", quotation), Rule("foreign", foreign), Rule("title", cited_title),
    Rule("ref", reference), Rule("ptr", pointer),
    # bibliographic descriptions: their text, as written
    *(Rule(name, inline_fallback) for name in ("bibl", "author", "editor", "publisher", "pubPlace", "series",
                                               "idno", "biblScope", "citedRange", "distributor")),
)

_BY_ELEMENT: dict[str, list[Rule]] = {}
for _rule in RULES:
    _BY_ELEMENT.setdefault(_rule.element, []).append(_rule)


def rule_for(element: etree._Element, mode: str) -> Rule | None:
    """The first rule that fits the element in this mode."""
    for rule in _BY_ELEMENT.get(etree.QName(element).localname, ()):
        if mode in rule.modes and (rule.when is None or rule.when(element)):
            return rule
    return None


def behaviour_for(element: etree._Element, mode: str) -> Behaviour | None:
    rule = rule_for(element, mode)
    return rule.behaviour if rule else None
