"""The edition, or one document, as a book: a title page with how to cite,
a table of contents, sections and appendices (glossary and registers,
sources). The pages are rendered from the TEI in the book's own output mode
(print for the PDF, epub for the EPUB) by the same processing model as the
site; nothing is cut out of the site's HTML."""
from __future__ import annotations

import html as html_escape
from dataclasses import dataclass

from lxml import etree

from ..cite.citations import Citations, Formatted
from ..cite.styles import STYLES
from ..markdown import bracket_styles, escape, links
from ..markdown.changelog_page import changelog_page
from ..markdown.document_page import document_page
from ..markdown.edition_pages import about_page, front_page, sources_page
from ..markdown.edition_structure import EDITION_PAGES, book_pages
from ..markdown.modes import PRINT
from ..markdown.page import Page
from ..markdown.register_pages import index_page, selection_page
from ..markdown.timeline_page import timeline_page
from ..model import dates
from ..model.address import PREVIEW_NOTICE
from ..model.documents import Document
from ..model.load import EditionModel
from ..model.mentions import entries_in
from ..model.registers import KINDS
from ..model.volumes import Volume, in_volumes, volumes
from ..tei.parser import XML_ID
from . import html


@dataclass
class Section:
    id: str
    title: str
    kind: str                      # "front", "document" or "appendix"
    element: etree._Element


@dataclass
class Book:
    slug: str                      # file name without extension
    title: str
    subtitle: str
    language: str
    author: str
    description: str
    keywords: str
    version: str
    date: str
    identifier: str                # permanent URL of what the book holds
    title_page: etree._Element
    sections: list[Section]
    styles: str = ""               # CSS made from the edition's data (the bracket categories)

    @property
    def ids(self) -> set[str]:
        return {i for s in self.sections for i in s.element.xpath(".//@id")}


def edition_page(model: EditionModel, path: str, citations: Citations, mode: str) -> Page | None:
    """One of the edition's own pages, rendered for a book."""
    if path == "about.md":
        return about_page(model, citations, mode)
    if path == "sources.md":
        return sources_page(model, mode=mode)
    if path == "changelog.md":
        return changelog_page(model, mode)
    if path == "timeline.md":
        return timeline_page(model, mode)
    kind = next((k for k, spec in KINDS.items() if f"{spec[3]}/index.md" == path), None)
    if kind:
        return index_page(model, kind, mode)
    page = next(p for p in EDITION_PAGES if p.path == path)
    return front_page(model, page, mode) if model.edition.front_matter(page.divisions[0]) is not None else None


def global_ids(model: EditionModel) -> set[str]:
    """Ids written in the sources, which the site and the book share."""
    ids = {node.get(XML_ID) for tei in model.corpus.files for node in tei.root.iter() if node.get(XML_ID)}
    return ids | set(model.edition.sources)


def section_id(path: str) -> str:
    return "sec-" + path.removesuffix(".md").removesuffix("/index").replace("/", "-")


def _citation_block(formatted: dict[str, Formatted], heading: str) -> str:
    rows = "".join(f'<div class="cite-style"><p class="cite-kind">{html_escape.escape(s.label)}</p>'
                   f'{formatted[s.key].bibliography}</div>' for s in STYLES)
    return f'<section class="how-to-cite"><h2>{html_escape.escape(heading)}</h2>{rows}</section>'


def _title_page(model: EditionModel, title: str, lines: list[str], citation: str) -> etree._Element:
    edition = model.edition
    parts = [f'<p class="running-title">{html_escape.escape(edition.title)}</p>',
             f'<p class="book-title">{html_escape.escape(title)}</p>']
    parts += [f'<p class="book-line">{html_escape.escape(line)}</p>' for line in lines]
    if edition.is_preview:  # also repeated at the foot of every PDF page (print.css)
        parts.append(f'<p class="preview-notice" data-short="Preview: web addresses not final">'
                     f'<strong>Preview.</strong> {html_escape.escape(PREVIEW_NOTICE)}</p>')
    licence = "".join(edition.licence.itertext()).strip()
    parts += [citation, f'<p class="book-licence">{html_escape.escape(licence)}</p>']
    return etree.fromstring(f'<section class="title-page" id="title-page">{"".join(parts)}</section>',
                            etree.HTMLParser()).find(".//section")


def _sections(model: EditionModel, pages: list[tuple[Page, str]]) -> list[Section]:
    """Convert the pages, scope their local ids, then resolve links across the book."""
    shared = global_ids(model)
    converted = []
    for page, kind in pages:
        element = html.convert(page)
        sid = section_id(page.path)
        element.set("id", sid)
        element.set("class", f"book-section {kind}")
        html.scope_ids(element, sid, shared)
        converted.append((page, kind, element))
    present = {i for _, _, e in converted for i in e.xpath(".//@id")}
    by_path = {page.path: section_id(page.path) for page, _, _ in converted}
    entries_by_page = {f"{e.folder}/{e.slug}.md": e.id for e in model.registers.entries.values()}

    def resolve(path: str, fragment: str) -> str | None:
        if fragment and fragment in present:
            return "#" + fragment
        if path in by_path:
            scoped = f"{by_path[path]}--{fragment}"
            return "#" + (scoped if fragment and scoped in present else by_path[path])
        entry = entries_by_page.get(path)
        return "#" + entry if entry is not None and entry in present else None

    sections = []
    for page, kind, element in converted:
        html.rewrite_links(element, page, resolve, model.edition.url)
        sections.append(Section(element.get("id"), page.title, kind, element))
    return sections


def volumes_page(model: EditionModel) -> Page:
    """The contents of every volume, for the edition PDF of a large edition:
    each volume's PDF and the documents it holds, linked at their published
    addresses."""
    lines = ["# The documents, by volume",
             f"The {len(model.documents)} documents of the edition are printed in {len(volumes(model.documents))} "
             "volumes, one PDF each. Each volume holds its documents with their notes, and the register entries "
             "and sources they cite."]
    for volume in volumes(model.documents):
        lines.append(f"## [Volume {escape.text(volume.label)}](../{links.volume_pdf(volume.id)}) "
                     f"{escape.attr_list(f'volume-{volume.id}')}")
        lines.append("\n".join(f"- {escape.text(d.date_label)}: [{escape.text(d.short_title)}]"
                               f"(../{links.document_page(d)})" for d in volume.documents))
    return Page("downloads/volumes.md", "The documents, by volume", "\n\n".join(lines), {}, [])


def edition_book(model: EditionModel, citations: Citations, mode: str, volume: Volume | None = None) -> Book:
    """The edition as a book: front matter, the documents, appendices. A
    large edition's book lists its volumes instead of holding the documents;
    with `volume`, the book is that volume: its documents, with the register
    entries and sources they cite."""
    edition = model.edition
    if volume is None:
        ordered = [(p, "front") for p in (edition_page(model, path, citations, mode) for path in book_pages("front")) if p]
        if in_volumes(model.documents) and mode == PRINT:
            ordered.append((volumes_page(model), "document"))
        else:
            ordered += [(document_page(model, d, mode=mode), "document") for d in model.documents]
        ordered += [(p, "appendix") for p in (edition_page(model, path, citations, mode)
                                              for path in book_pages("appendix")) if p]
        slug, title, lines = "crossing-the-border", edition.title, [edition.subtitle, edition.description]
    else:
        ordered = [(document_page(model, d, mode=mode), "document") for d in volume.documents]
        ordered += _document_appendices(model, volume.documents, f"volume-{volume.id}", "in this volume", mode)
        slug, title = f"crossing-the-border-{volume.id}", f"{edition.title}: volume {volume.label}"
        lines = [f"Volume {volume.label} of {edition.title}: {edition.subtitle}",
                 f"{len(volume.documents)} documents, {volume.documents[0].date_label} to "
                 f"{volume.documents[-1].date_label}"]
    title_page = _title_page(model, title, lines + [f"Version {edition.version}, {dates.label(edition.version_date)}",
                                                    edition.url],
                             _citation_block(citations.edition, "How to cite this edition"))
    return Book(slug, title, edition.subtitle, "en", edition.publisher, f"{edition.subtitle}. {edition.description}.",
                "China; North Korea; Soviet Union; Xinjiang; border crossings; 1961; 1962; diplomatic documents",
                edition.version, edition.version_date, edition.url, title_page, _sections(model, ordered),
                bracket_styles.css(edition, mode))


def _cited_sources(model: EditionModel, documents) -> set[str]:
    pointers = []
    for document in documents:
        pointers += document.text.xpath(".//@source")
        for entry_id in entries_in(document):
            entry = model.registers.entries.get(entry_id)
            if entry is not None:
                pointers += [*entry.sources, *(s for state in entry.states for s in state.sources)]
    return {p.removeprefix("edn:") for value in pointers for p in value.split()}


def _document_appendices(model: EditionModel, documents, slug: str, where: str, mode: str) -> list[tuple[Page, str]]:
    """The register entries the documents name and the sources they cite."""
    seen: dict[str, None] = {}
    for document in documents:
        seen.update((i, None) for i in entries_in(document) if i in model.registers.entries)
    entries = sorted((model.registers[i] for i in seen), key=lambda e: (list(KINDS).index(e.kind), e.name.lower()))
    scope = list(documents)
    registers = selection_page(model, entries, f"documents/{slug}-registers.md",
                               f"People, places, organisations and terms {where}", scope, mode)
    sources = sources_page(model, only=_cited_sources(model, documents), path=f"documents/{slug}-sources.md",
                           mode=mode)
    return [(registers, "appendix"), (sources, "appendix")]


def document_book(model: EditionModel, citations: Citations, document: Document, mode: str) -> Book:
    edition = model.edition
    sections = [(document_page(model, document, mode=mode), "document")]
    sections += _document_appendices(model, [document], document.slug, "in this document", mode)
    title_page = _title_page(model, document.short_title, [
        document.title, f"{document.date_label}",
        f"From {edition.title}: {edition.subtitle}, version {edition.version} ({dates.label(edition.version_date)})",
        edition.published(document.page_path)],
        _citation_block(citations.documents[document.slug].document, "How to cite this document"))
    return Book(document.slug, document.short_title, edition.title, "en", edition.publisher,
                document.summary.text if document.summary.recorded else document.title,
                "China; border crossings; diplomatic documents; " + str(document.year),
                edition.version, edition.version_date, edition.published(document.page_path),
                title_page, _sections(model, sections), bracket_styles.css(edition, mode))
