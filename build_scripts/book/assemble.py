"""The edition, or one document, as a book: a title page with how to cite,
a table of contents, sections made from the site's pages, and appendices
(glossary and registers, sources). The PDF and the EPUB are both made from
a Book."""
from __future__ import annotations

import html as html_escape
from dataclasses import dataclass, field

from lxml import etree

from ..cite.citations import Citations, Formatted
from ..cite.styles import STYLES
from ..model import dates
from ..model.address import PREVIEW_NOTICE
from ..model.documents import Document
from ..model.load import EditionModel
from ..model.mentions import entries_in
from ..model.registers import KINDS
from ..markdown.edition_pages import sources_page
from ..markdown.page import Page
from ..markdown.register_pages import selection_page
from ..tei.parser import XML_ID
from . import html


@dataclass
class Section:
    id: str
    title: str
    kind: str                      # "front", "document" or "appendix"
    element: etree._Element
    notes: list[html.Footnote] = field(default_factory=list)


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

    @property
    def ids(self) -> set[str]:
        return {i for s in self.sections for i in s.element.xpath(".//@id")}


# The edition's pages in book order, with the kind of section each becomes.
FRONT = ("introduction.md", "about.md")
APPENDICES = ("glossary/index.md", "persons/index.md", "places/index.md", "organisations/index.md",
              "teaching.md", "sources.md", "changelog.md")


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
        html.strip_interactive(element)
        notes = html.footnotes(element)  # before the ids change: notes are found by theirs
        sid = section_id(page.path)
        element.set("id", sid)
        element.set("class", f"book-section {kind}")
        html.scope_ids(element, sid, shared)
        converted.append((page, kind, element, notes))
    present = {i for _, _, e, _ in converted for i in e.xpath(".//@id")}
    by_path = {page.path: section_id(page.path) for page, _, _, _ in converted}
    entries_by_page = {f"{e.folder}/{e.slug}.md": e.id for e in model.registers.entries.values()}

    def resolve(path: str, fragment: str) -> str | None:
        if fragment and fragment in present:
            return "#" + fragment
        if path in by_path:
            scoped = f"{by_path[path]}--{fragment}"
            return "#" + (scoped if fragment and scoped in present else by_path[path])
        entry = entries_by_page.get(path)
        return "#" + entry if entry in present else None

    sections = []
    for page, kind, element, notes in converted:
        html.rewrite_links(element, page, resolve, model.edition.url)
        for note in notes:
            for content in note.content:
                if isinstance(content, etree._Element):
                    html.rewrite_links(content, page, resolve, model.edition.url)
        sections.append(Section(element.get("id"), page.title, kind, element, notes))
    return sections


def edition_book(model: EditionModel, pages: list[Page], citations: Citations) -> Book:
    edition = model.edition
    by_path = {p.path: p for p in pages}
    ordered = [(by_path[p], "front") for p in FRONT if p in by_path]
    ordered += [(by_path[d.page_path], "document") for d in model.documents]
    ordered += [(by_path[p], "appendix") for p in APPENDICES if p in by_path]
    title_page = _title_page(model, edition.title, [edition.subtitle, edition.description,
                                                    f"Version {edition.version}, {dates.label(edition.version_date)}",
                                                    edition.url],
                             _citation_block(citations.edition, "How to cite this edition"))
    return Book("crossing-the-border", edition.title, edition.subtitle, "en", edition.publisher,
                f"{edition.subtitle}. {edition.description}.",
                "China; North Korea; Soviet Union; Xinjiang; border crossings; 1961; 1962; diplomatic documents",
                edition.version, edition.version_date, edition.url, title_page, _sections(model, ordered))


def _cited_sources(model: EditionModel, document: Document) -> set[str]:
    pointers = document.text.xpath(".//@source")
    for entry_id in entries_in(document):
        entry = model.registers.entries.get(entry_id)
        if entry is not None:
            pointers += [*entry.sources, *(s for state in entry.states for s in state.sources)]
    return {p.removeprefix("edn:") for value in pointers for p in value.split()}


def document_book(model: EditionModel, pages: list[Page], citations: Citations, document: Document) -> Book:
    edition = model.edition
    page = next(p for p in pages if p.path == document.page_path)
    entries = [model.registers[i] for i in entries_in(document) if i in model.registers.entries]
    entries.sort(key=lambda e: (list(KINDS).index(e.kind), e.name.lower()))
    appendix = selection_page(model, entries, f"documents/{document.slug}-registers.md",
                              "People, places, organisations and terms in this document", document)
    sources = sources_page(model, only=_cited_sources(model, document), path=f"documents/{document.slug}-sources.md")
    title_page = _title_page(model, document.short_title, [
        document.title, f"{document.date_label}",
        f"From {edition.title}: {edition.subtitle}, version {edition.version} ({dates.label(edition.version_date)})",
        edition.published(document.page_path)],
        _citation_block(citations.documents[document.slug].document, "How to cite this document"))
    return Book(document.slug, document.short_title, edition.title, "en", edition.publisher,
                document.summary.text if document.summary.recorded else document.title,
                "China; border crossings; diplomatic documents; " + str(document.year),
                edition.version, edition.version_date, edition.published(document.page_path),
                title_page, _sections(model, [(page, "document"), (appendix, "appendix"), (sources, "appendix")]))
