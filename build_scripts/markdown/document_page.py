"""A document's page: title, metadata panel, headnote, the text, notes and
downloads. Its URL is /documents/<slug>/."""
from __future__ import annotations

from ..model.documents import Document, Field, Party
from ..model.load import EditionModel
from ..tei.parser import NS
from . import escape, links
from .behaviours import Renderer
from .page import Page, definition_list

NOT_RECORDED = '<span class="not-recorded">Not recorded in the transcription</span>'


def field_value(value: Field) -> str:
    return escape.text(value.text) if value.recorded else NOT_RECORDED


def _party(renderer: Renderer, party: Party) -> str:
    entry = renderer.model.registers.entries.get((party.ref or "").removeprefix("reg:"))
    name = escape.text(party.name)
    if entry is not None:
        name = f"[{name}]({renderer.link(links.entry_page(entry))})"
    return name + (f" — {escape.text(party.description)}" if party.description else "")


def _parties(renderer: Renderer, parties: tuple[Party, ...]) -> str:
    return "; ".join(_party(renderer, p) for p in parties)


def _archive(document: Document) -> str:
    if not document.archive_reference.recorded:
        return NOT_RECORDED
    reference = f"{escape.text(document.repository.text)}, {escape.text(document.archive_reference.text)}"
    if document.pages.recorded:
        reference += f", pp. {escape.text(document.pages.text)}"
    return reference


def _url(value: Field) -> str:
    if not value.recorded:
        return NOT_RECORDED
    return f"[{escape.text(value.text)}]({value.text})"


def metadata_panel(renderer: Renderer, document: Document) -> str:
    model = renderer.model
    doctype = model.edition.doctypes[document.doctype.removeprefix("edn:")].label
    rows = [
        ("Date", f'<time datetime="{document.date}">{escape.text(document.date_label)}</time>'),
        ("Type", escape.text(doctype)),
    ]
    if document.senders:
        rows.append(("From", _parties(renderer, document.senders)))
    if document.addressees:
        rows.append(("To", _parties(renderer, document.addressees)))
    if document.participants:
        rows.append(("Participants", _parties(renderer, document.participants)))
    rows += [
        ("Archive", _archive(document)),
        ("Translator", field_value(document.translator)),
        ("Original language", field_value(document.original_language)),
        ("Archive's title", field_value(document.archive_title)),
        ("Archive's summary", f"<q>{escape.text(document.summary.text)}</q>" if document.summary.recorded
         else NOT_RECORDED),
        ("Funding credit", field_value(document.credit)),
        ("Source", _url(document.url)),
        ("Archive's citation", field_value(document.citation)),
        ("TEI source", f"[{document.slug}.xml]({renderer.link(links.tei_download(document))})"
                       "{: download=\"" + document.slug + ".xml\" }"),
    ]
    return definition_list(rows, "doc-meta")


def headnote(renderer: Renderer, document: Document) -> str:
    div = document.tei.root.find("tei:text/tei:front/tei:div[@type='headnote']", NS)
    if div is None:
        return ""
    renderer.heading_level = 1
    return renderer.render(div)


def transcription(renderer: Renderer, document: Document) -> str:
    renderer.heading_level = 2  # the text's own divisions open at level 3
    text = renderer.render(document.text.find("tei:body", NS))
    return ('## Text {: #text }\n\n'
            f'<div class="tei-text doc-{document.doctype.removeprefix("edn:")}" markdown="1">\n\n{text}\n\n</div>')


def document_page(model: EditionModel, document: Document, extra_sections=()) -> Page:
    renderer = Renderer(model, links.document_page(document), document)
    sections = [
        f"# {escape.text(document.short_title)}",
        metadata_panel(renderer, document),
        headnote(renderer, document),
        transcription(renderer, document),
    ]
    sections += [section(renderer, document) for section in extra_sections]
    sections += renderer.closing_sections()
    meta = {"description": document.summary.text if document.summary.recorded else document.title,
            "document": document.slug}
    return Page(links.document_page(document), document.short_title,
                "\n\n".join(s for s in sections if s), meta, renderer.warnings)
