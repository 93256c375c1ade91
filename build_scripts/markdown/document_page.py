"""A document's page: title, metadata panel, headnote, the text, notes and
downloads. Its URL is /documents/<slug>/."""
from __future__ import annotations

from ..cite.citations import DocumentCitations
from ..model.documents import Document, Field, Party
from ..model.load import EditionModel
from ..model.mentions import entries_in
from ..model.registers import KINDS
from ..tei.parser import NS
from . import escape, links
from .cite_section import cite_section, head_metadata
from .modes import WEB
from .page import Page, definition_list, panel
from .register_pages import name_html
from .renderer import Renderer

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
    return escape.link(escape.text(value.text), value.text)


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
    ]
    if not renderer.interactive:  # a book's reader needs the address to cite; the site's page is it
        url = model.edition.published(links.document_page(document))
        rows.append(("Permanent address", escape.link(escape.text(url), url)))
    if renderer.interactive:  # a book does not offer itself for download
        rows += [
            ("Downloads", f"[PDF of this document]({renderer.link(links.document_pdf(document))}) · "
                          f"[PDF of the edition]({renderer.link(links.edition_pdf())}) · "
                          f"[EPUB]({renderer.link(links.edition_epub())})"),
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


def bracket_legend(renderer: Renderer, document: Document) -> str:
    """What the brackets of this text mean, with their number, for readers of the diplomatic view."""
    counts = document.bracket_counts()
    rows = []
    for category in renderer.model.edition.bracket_categories:
        if counts[category.id]:
            meaning = "".join(category.description.itertext()).split(":", 1)[-1].split("(")[0].strip()
            rows.append(f'<li><span class="bk bk-{category.slug}"><span class="bk-pc">[</span>'
                        f'{escape.text(category.label)}<span class="bk-pc">]</span></span> '
                        f'{counts[category.id]} × — {escape.text(meaning)}</li>')
    total = sum(counts.values())
    about = renderer.link("about.md#brackets")
    body = (f'<ul>{"".join(rows)}</ul>\n\nThe diplomatic view shows every bracket coloured by its kind; the '
            f'reading view hides the brackets and omission marks and keeps the supplied words, lightly marked. '
            f'[The full legend]({about}).')
    return panel(f"The translator's brackets in this text: {total}. What they mean", body, "bracket-legend",
                 renderer.interactive)


def whos_who(renderer: Renderer, document: Document) -> str:
    """The people, places, organisations and terms of this document, with roles at its date."""
    entries = [renderer.model.registers[i] for i in entries_in(document) if i in renderer.model.registers.entries]
    sections, summary = [], []
    for kind, (_tag, _name, _prefix, _folder, label) in KINDS.items():
        of_kind = sorted((e for e in entries if e.kind == kind), key=lambda e: e.name.lower())
        if not of_kind:
            continue
        summary.append(f"{len(of_kind)} {label.lower()}")
        items = []
        for entry in of_kind:
            line = f"- [{name_html(entry.main_name)}]({renderer.link(links.entry_page(entry))})"
            variants = [v for v in entry.variants if v.type != "lemma"][:3]
            if variants:
                line += " (" + ", ".join(name_html(v) for v in variants) + ")"
            held = entry.states_on(document.date)
            line += f": {escape.text('; '.join(s.label for s in held))}" if held else f": {escape.text(entry.summary)}"
            items.append(line)
        sections.append(f'<p class="whos-who-kind">{label}</p>\n\n' + "\n".join(items))
    return panel(f"Who's who in this document: {', '.join(summary)}", "\n\n".join(sections), "whos-who",
                 renderer.interactive, "whos-who")


def transcription(renderer: Renderer, document: Document) -> str:
    renderer.heading_level = 2  # the text's own divisions open at level 3
    text = renderer.render(document.text.find("tei:body", NS))
    return ('## Text {: #text }\n\n' + bracket_legend(renderer, document) + "\n\n"
            f'<div class="tei-text doc-{document.doctype.removeprefix("edn:")}" data-doc="{document.key}" '
            f'markdown="1">\n\n{text}\n\n</div>')


def document_page(model: EditionModel, document: Document, cited: DocumentCitations | None = None,
                  mode: str = WEB) -> Page:
    """The document's page; with `cited`, its "Cite this document" section (the site's)."""
    renderer = Renderer(model, links.document_page(document), document, mode)
    sections = [
        f"# {escape.text(document.short_title)}",
        metadata_panel(renderer, document),
        headnote(renderer, document),
        whos_who(renderer, document),
        transcription(renderer, document),
    ]
    if cited is not None:
        sections.append(cite_section(renderer, document, cited))
    sections += renderer.closing_sections()
    meta = {"description": document.summary.text if document.summary.recorded else document.title,
            "document": document.slug, "head_meta": head_metadata(model, document)}
    return Page(links.document_page(document), document.short_title,
                "\n\n".join(s for s in sections if s), meta, renderer.warnings)
