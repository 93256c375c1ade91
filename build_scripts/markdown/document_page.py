"""A document's page: title, metadata panel, headnote, the text, notes and
downloads. Its URL is /documents/<slug>/."""
from __future__ import annotations

from ..cite.citations import DocumentCitations
from ..exports.json_ld import document_json_ld
from ..exports.locations import document_text
from ..model.documents import Document, Field, Party
from ..model.load import EditionModel
from ..model.mentions import entries_in
from ..model.registers import KINDS
from ..tei.parser import NS, XML_ID
from . import escape, links
from .bracket_styles import marker_words
from .cite_section import cite_section, head_metadata
from .map_pages import document_map
from .modes import EPUB, WEB
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


def _doctype(renderer: Renderer, document: Document) -> str:
    return renderer.model.edition.doctype(document.doctype).label


def summary_line(renderer: Renderer, document: Document) -> str:
    """One line under the title: date, kind of document, who wrote to whom
    (or who met), so that a reader on a phone knows what this is at once."""
    parts = [f'<time datetime="{document.date}">{escape.text(document.date_label)}</time>',
             escape.text(_doctype(renderer, document))]
    if document.senders and document.addressees:
        parts.append(f"from {_names(document.senders)} to {_names(document.addressees)}")
    elif document.participants:
        parts.append(_names(document.participants[:2]) + (f" and {len(document.participants) - 2} others"
                                                          if len(document.participants) > 2 else ""))
    return f'<p class="doc-summary">{" · ".join(parts)}</p>'


def _names(parties: tuple[Party, ...]) -> str:
    return _series([escape.text(p.name) for p in parties], "and")


def _series(words: list[str], conjunction: str) -> str:
    """"a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def jump_links(renderer: Renderer, document: Document, cited: bool) -> str:
    """Where the page's parts are, right under the title: the text first."""
    targets = [("#text", "Text"), ("#notes", "Notes")] if document.text.find(".//tei:note", NS) is not None else [
        ("#text", "Text")]
    if cited:
        targets.append(("#cite", "Cite this document"))
    links_html = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in targets)
    return f'<nav class="doc-jump" aria-label="On this page"><ul>{links_html}</ul></nav>'


def metadata_rows(renderer: Renderer, document: Document) -> list[tuple[str, str]]:
    model = renderer.model
    rows = [
        ("Date", f'<time datetime="{document.date}">{escape.text(document.date_label)}</time>'),
        ("Type", escape.text(_doctype(renderer, document))),
    ]
    if document.senders:
        rows.append(("From", _parties(renderer, document.senders)))
    if document.addressees:
        rows.append(("To", _parties(renderer, document.addressees)))
    if document.participants:
        rows.append(("Participants", _parties(renderer, document.participants)))
    optional = [
        ("Archive", _archive(document) if document.archive_reference.recorded else None),
        ("Translator", field_value(document.translator) if document.translator.recorded else None),
        ("Original language", field_value(document.original_language) if document.original_language.recorded
         else None),
        ("Archive's title", field_value(document.archive_title) if document.archive_title.recorded else None),
        ("Archive's summary", f"<q>{escape.text(document.summary.text)}</q>" if document.summary.recorded else None),
        ("Funding credit", field_value(document.credit) if document.credit.recorded else None),
        ("Source", _url(document.url) if document.url.recorded else None),
        ("Archive's citation", field_value(document.citation) if document.citation.recorded else None),
    ]
    rows += [(label, value) for label, value in optional if value is not None]
    missing = [label for label, value in optional if value is None]
    if missing:  # one line, not a row of italics each
        rows.append(("Not recorded", f'<span class="not-recorded">The transcription does not give the '
                                     f'{_lower_list(missing)}.</span>'))
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
            ("Plain text", f"[as transcribed]({renderer.link(document_text(document))}) · "
                           f"[reading text]({renderer.link(document_text(document, reading=True))}) (UTF-8)"),
        ]
    return rows


def _lower_list(labels: list[str]) -> str:
    return _series([label[0].lower() + label[1:] for label in labels], "or")


def metadata_panel(renderer: Renderer, document: Document) -> str:
    """The full description: open in a book, one tap away on the site."""
    return panel("About this document: archive, translator, downloads",
                 definition_list(metadata_rows(renderer, document), "doc-meta"), "doc-about",
                 renderer.interactive, "about-document")


def headnote(renderer: Renderer, document: Document) -> str:
    """The editors' introduction, in a panel named by its heading (whose id,
    once published, stays the panel's anchor)."""
    div = document.tei.root.find("tei:text/tei:front/tei:div[@type='headnote']", NS)
    if div is None:
        return ""
    head = div.find("tei:head", NS)
    renderer.heading_level = 2  # the headnote's own sections open at level 3
    body = "\n\n".join(part for part in (renderer.render(child).strip("\n") for child in div
                                          if child is not head and isinstance(child.tag, str)) if part)
    title = renderer.inline(head).strip() if head is not None else "Headnote"
    anchor = (head.get(XML_ID) if head is not None else None) or div.get(XML_ID)
    return panel(f"{title}: the editors' introduction", body, "headnote", renderer.interactive, anchor)


def bracket_legend(renderer: Renderer, document: Document) -> str:
    """What the brackets of this text mean, how many there are, and how each
    kind is marked besides its colour."""
    counts = document.bracket_counts()
    rows = []
    for category in renderer.model.edition.bracket_categories:
        if counts[category.id]:
            meaning = "".join(category.description.itertext()).split(":", 1)[-1].split("(")[0].strip()
            marker = marker_words(category)
            rows.append(f'<li><span class="bk bk-{category.slug}"><span class="bk-pc">[</span>'
                        f'{escape.text(category.label)}<span class="bk-pc">]</span></span> '
                        f'{counts[category.id]} × — {escape.text(meaning)} '
                        f'<span class="bk-marker-name">(its colour and {marker})</span></li>')
    total = sum(counts.values())
    about = renderer.link("about.md#brackets")
    if renderer.interactive:
        how = ("In the **As printed** view every bracket is shown, coloured and underlined by its kind; "
               "the **Reading text** view applies the editors' corrections, drops the brackets and omission marks, keeps "
               "the supplied words (lightly marked) and gives alternative names in parentheses.")
    else:
        how = "Every bracket is shown as printed in the translation, coloured and underlined by its kind."
    body = f'<ul>{"".join(rows)}</ul>\n\n{how} [How the brackets were classified]({about}).'
    noun = "bracket" if total == 1 else "brackets"
    return panel(f"The translator's brackets ({total} {noun} in this text) and what they mean", body,
                 "bracket-legend", renderer.interactive)


def whos_who(renderer: Renderer, document: Document) -> str:
    """The people, places, organisations and terms of this document, with roles at its date."""
    entries = [renderer.model.registers[i] for i in entries_in(document) if i in renderer.model.registers.entries]
    sections = []
    for kind, (_tag, _name, _prefix, _folder, label) in KINDS.items():
        of_kind = sorted((e for e in entries if e.kind == kind), key=lambda e: e.name.lower())
        if not of_kind:
            continue
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
    return panel(f"People, places and terms in this document ({len(entries)})", "\n\n".join(sections),
                 "whos-who", renderer.interactive, "whos-who")


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
        summary_line(renderer, document),
        jump_links(renderer, document, cited is not None) if renderer.interactive else "",
        metadata_panel(renderer, document),
        headnote(renderer, document),
        whos_who(renderer, document),
        document_map(renderer, document) if renderer.mode != EPUB else "",  # EPUB's XHTML would need its own SVG
        transcription(renderer, document),
    ]
    if cited is not None:
        sections.append(cite_section(renderer, document, cited))
    sections += renderer.closing_sections()
    meta = {"description": document.summary.text if document.summary.recorded else document.title,
            "document": document.slug, "head_meta": head_metadata(model, document),
            "json_ld": document_json_ld(model, document)}   # schema.org, for the page head
    return Page(links.document_page(document), document.short_title,
                "\n\n".join(s for s in sections if s), meta, renderer.warnings)
