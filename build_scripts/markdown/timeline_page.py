"""The timeline page: the events of edition.xml's listEvent and the
edition's documents in date order, grouped by year. Each event shows its
date, label, description, sources and a link to the note, paragraph or
register entry where the edition states it. Everything is open text
(no disclosure, no script), so it reads the same in print."""
from __future__ import annotations

from itertools import groupby

from ..model.events import Event, EventTarget, read_events
from ..model.load import EditionModel
from ..tei.parser import NS
from . import escape, links
from .behaviours import sources_line
from .modes import WEB
from .page import Page
from .renderer import Renderer

PATH = "timeline.md"
TITLE = "Timeline"

INTRODUCTION = (
    "What happened around the edition's documents, and the documents themselves, in the order of events. "
    "The events are those the edition's notes, registers and introduction name. Each is dated only as "
    "precisely as its sources allow; one known only to the month or the year comes after the events dated to "
    "the day within it. Under each event are the sources it rests on and a link to the place where the edition "
    "discusses it. The edition's own documents are marked <strong>Document</strong>.")

# How a reader names each register.
REGISTER_NAMES = {"person": "register of persons", "place": "register of places",
                  "org": "register of organisations", "term": "glossary"}


def _note_anchor(target: EventTarget, mode: str) -> str:
    """The id of a note on its document's page: a footnote on the site, an
    aside or a note at the foot of the page elsewhere (behaviours.py)."""
    return f"fn:{target.id}" if mode == WEB else f"fn-{target.id}"


def _edition_place(target: EventTarget) -> str:
    """'Introduction, ‘The Sino-Korean border, 1961’' for a paragraph of the edition's prose."""
    assert target.element is not None
    heads = [" ".join("".join(head.itertext()).split())
             for div in target.element.iterancestors(f"{{{NS['tei']}}}div")
             if (head := div.find("tei:head", NS)) is not None]
    if not heads:
        return "the edition's front matter"
    return heads[-1] + (f", ‘{heads[0]}’" if len(heads) > 1 else "")


def _see_link(renderer: Renderer, event: Event, target: EventTarget) -> str | None:
    """A Markdown link to where the edition states the event (None for the document itself)."""
    if target.kind == "note" and target.document is not None:
        href = renderer.link(f"{links.document_page(target.document)}#{_note_anchor(target, renderer.mode)}")
        text = f"note {target.note_number} in {target.document.short_title}"
    elif target.kind == "headnote" and target.document is not None:
        href = renderer.link(f"{links.document_page(target.document)}#{target.id}")
        text = f"the headnote to {target.document.short_title}"
    elif target.kind == "entry" and target.entry is not None:
        href = renderer.link(links.entry_page(target.entry))
        return f"[{escape.text(target.entry.name)}]({href}) ({REGISTER_NAMES[target.entry.kind]})"
    elif target.kind == "edition" and event.element is not None:
        found = renderer.resolve_pointer(event.element, target.pointer)
        if found is None:
            return None
        href, text = found, _edition_place(target)
    else:
        return None
    return f"[{escape.text(text)}]({href})"


def _event_item(renderer: Renderer, event: Event) -> str:
    classes = "tl-event tl-document" if event.is_document else "tl-event"
    kind = '<span class="tl-kind">Document</span> ' if event.is_document else ""
    head = (f'<p class="tl-head" markdown="span">{kind}<time class="tl-date"{escape.attrs(datetime=event.date.first)}>'
            f'{escape.text(event.date.label)}</time> <strong class="tl-label">{escape.text(event.label)}</strong></p>')
    parts = [head]
    if event.desc is not None:
        parts.append(f'<p class="tl-desc" markdown="span">{renderer.inline(event.desc).strip()}</p>')
    elif event.document is not None and event.document.summary.recorded:
        parts.append(f'<p class="tl-desc" markdown="span"><q>{escape.text(event.document.summary.text)}</q></p>')
    if event.document is not None:
        href = renderer.link(links.document_page(event.document))
        parts.append(f'<p class="tl-read" markdown="span">[Read the document: '
                     f'{escape.text(event.document.short_title)}]({href})</p>')
    if event.sources and event.element is not None:
        parts.append(f'<p class="tl-sources" markdown="span">'
                     f'{sources_line(renderer, event.element, ["edn:" + s for s in event.sources])}</p>')
    see = [link for target in event.targets if (link := _see_link(renderer, event, target))]
    if see:
        parts.append(f'<p class="tl-see" markdown="span">See {"; ".join(see)}.</p>')
    body = "\n".join(parts)
    return f'<li{escape.attrs(class_=classes, id=event.id)} markdown="1">\n{body}\n</li>'


def timeline(renderer: Renderer, events: list[Event]) -> list[str]:
    """A heading and an ordered list per year, the events in date order."""
    sections = []
    for year, in_year in groupby(events, key=lambda e: e.date.year):
        items = "\n".join(_event_item(renderer, event) for event in in_year)
        sections.append(f"## {year} " + escape.attr_list(f"tl-{year}"))
        sections.append(f'<ol class="timeline-events" markdown="1">\n{items}\n</ol>')
    return sections


def timeline_page(model: EditionModel, mode: str = WEB) -> Page:
    renderer = Renderer(model, PATH, mode=mode)
    sections = [f"# {TITLE}", f'<p class="tl-intro">{INTRODUCTION}</p>',
                *timeline(renderer, read_events(model)), *renderer.closing_sections()]
    return Page(PATH, TITLE, "\n\n".join(s for s in sections if s),
                {"description": "Events around the documents, with the documents, in date order."},
                renderer.warnings)
