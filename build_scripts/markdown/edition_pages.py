"""Pages about the edition as a whole: home, the list of documents (all and
by year), front matter written in edition.xml, the editorial method with the
bracket legend, sources and credits, and the change log."""
from __future__ import annotations

from ..cite.citations import Citations
from ..exports.about import data_section
from ..model import dates
from ..model.documents import Document
from ..model.load import EditionModel
from ..model.volumes import in_volumes, volumes
from ..tei.parser import NS
from . import escape, links
from .bracket_styles import marker_words
from .changelog_page import changelog_page
from .cite_section import styles_html
from .edition_structure import EditionPage, front_matter_pages
from .map_pages import edition_map_page
from .modes import WEB
from .page import Page
from .renderer import Renderer
from .timeline_page import timeline_page

# Up to this many documents the home page lists them all.
HOME_LIST_LIMIT = 20


def _front(renderer: Renderer, div_type: str, level: int = 2) -> str:
    """A division of the edition's prose, its heading at `level` (1 for a page's title)."""
    div = renderer.model.edition.front_matter(div_type)
    if div is None:
        return ""
    renderer.heading_level = level - 1
    return renderer.render(div)


def _with_notes(renderer: Renderer, sections: list[str]) -> str:
    return "\n\n".join(s for s in sections + renderer.closing_sections() if s)


def document_summary_line(renderer: Renderer, document: Document) -> str:
    doctype = renderer.model.edition.doctype(document.doctype).label
    title = f"[{escape.text(document.short_title)}]({renderer.link(links.document_page(document))})"
    summary = f" — <q>{escape.text(document.summary.text)}</q>" if document.summary.recorded else ""
    return (f'- <time datetime="{document.date}">{escape.text(document.date_label)}</time> · {title} '
            f'<span class="doctype">({escape.text(doctype)})</span>{summary}')


def document_list(renderer: Renderer, documents) -> str:
    """Documents in date order, shown as a timeline."""
    items = "\n".join(document_summary_line(renderer, d) for d in documents)
    return f'<div class="timeline" markdown="1">\n\n{items}\n\n</div>'



def _present(model: EditionModel):
    return lambda div_type: model.edition.front_matter(div_type) is not None


def _home_links(model: EditionModel) -> list[tuple[str, str]]:
    front = [(page.title, page.path) for page in front_matter_pages(_present(model))]
    return [("All documents by year", "documents/index.md"), *front,
            ("Glossary", links.kind_index("term")), ("Editorial method", "about.md")]


def _edition_downloads(renderer: Renderer) -> list[str]:
    documents = renderer.model.documents
    if not in_volumes(documents):
        return [f"- [The whole edition as PDF]({renderer.link(links.edition_pdf())}): title page, contents, "
                "introduction, documents with their notes, glossary and registers"]
    parts = [f"[{escape.text(v.label)}]({renderer.link(links.volume_pdf(v.id))}) ({len(v.documents)})"
             for v in volumes(documents)]
    return [f"- [The edition as PDF]({renderer.link(links.edition_pdf())}): title page, introduction, the contents "
            "of every volume, glossary and registers",
            "- The documents in PDF volumes, by year (number of documents): " + " · ".join(parts)]


def take_away(renderer: Renderer) -> str:
    """The offline forms of the edition, linked from the home page. The
    online site and the offline copy share this page: each shows only its
    own paragraph (a style the offline build adds to every page)."""
    edition = renderer.model.edition
    items = [*_edition_downloads(renderer),
             f"- [The whole edition as EPUB]({renderer.link(links.edition_epub())}), for e-readers",
             "- A PDF of each document, linked from the document's page"]
    online = (f'<p class="online-only" markdown="span"><a href="{links.offline_zip()}" download>The whole site for '
              "offline use (zip)</a>: unzip it and open <code>index.html</code>; navigation, notes, look-ups and "
              "search work without a network.</p>")
    offline = (f'<p class="offline-only">This is the offline copy of version {escape.text(edition.version)}: it '
               "works from the files on your computer, search included.</p>")
    return "\n\n".join(["## Take it with you {: #downloads }", "\n".join(items), online, offline])


def home_documents(renderer: Renderer) -> str:
    """The documents on the home page; a large edition lists its years instead."""
    model = renderer.model
    if len(model.documents) <= HOME_LIST_LIMIT:
        return document_list(renderer, model.documents)
    years = [f"[{year}]({renderer.link(links.year_page(year))}) ({sum(1 for d in model.documents if d.year == year)})"
             for year in model.years()]
    return (f"The edition holds {len(model.documents)} documents. By year (number of documents): "
            + " · ".join(years))


def home_page(model: EditionModel) -> Page:
    renderer = Renderer(model, "index.md")
    edition = model.edition
    sections = [
        f"# {escape.text(edition.title)}",
        f'<p class="subtitle">{escape.text(edition.subtitle)}. {escape.text(edition.description)}.</p>',
        _front(renderer, "home"),
        "## The documents",
        home_documents(renderer),
        " · ".join(f"[{label}]({renderer.link(path)})" for label, path in _home_links(model)),
        take_away(renderer),
    ]
    return Page("index.md", edition.title, _with_notes(renderer, sections),
                {"description": edition.full_title}, renderer.warnings)


def documents_index(model: EditionModel) -> Page:
    renderer = Renderer(model, "documents/index.md")
    sections = ["# Documents", f"The edition's {len(model.documents)} documents in chronological order."]
    for year in model.years():
        sections.append(f"## [{year}]({renderer.link(links.year_page(year))}) " + escape.attr_list(f"y{year}"))
        sections.append(document_list(renderer, [d for d in model.documents if d.year == year]))
    return Page("documents/index.md", "Documents", "\n\n".join(sections),
                {"description": "All documents of the edition, by date."}, renderer.warnings)


def year_page(model: EditionModel, year: int) -> Page:
    path = links.year_page(year)
    renderer = Renderer(model, path)
    documents = [d for d in model.documents if d.year == year]
    sections = [f"# Documents of {year}", document_list(renderer, documents),
                f"[All documents]({renderer.link('documents/index.md')})"]
    return Page(path, f"Documents of {year}", "\n\n".join(sections),
                {"description": f"Documents of {year} in the edition."}, renderer.warnings)


READING_WORDS = {"plain": "the words, without brackets", "parentheses": "in parentheses",
                 "keep": "as printed, brackets and all"}


def bracket_legend(renderer: Renderer) -> str:
    """The categories with their counts across the edition (a column per
    document would not fit an edition of hundreds)."""
    model = renderer.model
    counts = [d.bracket_counts() for d in model.documents]
    rows = ["| Category | Example | What it means | Marked by | In the reading text | Brackets | Documents with it |",
            "|---|---|---|---|---|---:|---:|"]
    for category in model.edition.bracket_categories:
        example = category.description.find("tei:mentioned", NS)
        sample = (f'<span class="bk bk-{category.slug}">{escape.text(example.text)}</span>'
                  if example is not None else "")
        meaning = escape.text("".join(category.description.itertext()).split(":", 1)[-1].split("(")[0].strip())
        total = sum(c[category.id] for c in counts)
        holding = sum(1 for c in counts if c[category.id])
        rows.append(f"| {escape.text(category.label)} {escape.attr_list(None, (f'legend-{category.slug}',))} "
                    f"| {sample} | {meaning} | its colour and {marker_words(category)} | {READING_WORDS[category.reading]} "
                    f"| {total} | {holding} |")
    rows.append(f"| **All brackets** | | | | | {sum(sum(c.values()) for c in counts)} | {len(counts)} |")
    return "\n".join(rows)


def edition_citation(citations: Citations | None) -> str:
    if citations is None:
        return ""
    return "To cite the edition as a whole:\n\n" + styles_html(citations.edition)


def about_page(model: EditionModel, citations: Citations | None = None, mode: str = WEB) -> Page:
    renderer = Renderer(model, "about.md", mode=mode)
    edition = model.edition
    sections = [
        "# About the edition and its method",
        _front(renderer, "method"),
        "## The translators' brackets {: #brackets }",
        "Every square bracket of the translations is kept exactly as printed. The edition records what each "
        "bracketed unit means; the table counts them across the edition and the documents that hold each kind.",
        bracket_legend(renderer),
        "## How to cite {: #cite }",
        _front(renderer, "citing"),
        edition_citation(citations),
        "## Version {: #version }",
        f"This is version **{escape.text(edition.version)}** of the edition, released on "
        f"{escape.text(dates.label(edition.version_date))}. Changes are listed in the "
        f"[change log]({renderer.link('changelog.md')}).",
        data_section(renderer),
    ]
    return Page("about.md", "About the edition", _with_notes(renderer, sections),
                {"description": "Editorial method, the bracket legend, how to cite, version."}, renderer.warnings)


def sources_page(model: EditionModel, only: set[str] | None = None, path: str = "sources.md",
                 mode: str = WEB) -> Page:
    """Credits and the bibliography; with `only`, just those sources (for a document's PDF)."""
    renderer = Renderer(model, path, mode=mode)
    sources = [s for s in model.edition.sources.values() if only is None or s.id in only]
    sources.sort(key=lambda s: (s.element.get("n") or s.text).lower())

    def entries(selected) -> str:
        return "\n\n".join(f'<p class="bibl" id="{s.id}" markdown="1"><strong>{escape.text(s.element.get("n") or "")}'
                           f"</strong> {renderer.inline(s.element).strip()}</p>" for s in selected)

    cited = entries(s for s in sources if not s.withdrawn)
    description = escape.text(model.edition.root.findtext(".//tei:listBibl[@xml:id='sources']/tei:desc",
                                                          namespaces=NS) or "")
    if only is None:
        withdrawn = [s for s in sources if s.withdrawn]
        sections = [_front(renderer, "credits", level=1) or "# Sources and credits",
                    "## Sources cited in the apparatus {: #sources }", description, cited]
        if withdrawn:
            sections += ["## Sources withdrawn {: #withdrawn }",
                         "Sources that earlier versions cited and that were withdrawn after a check; the entry "
                         "says why and what replaces them.", entries(withdrawn)]
        title = "Sources and credits"
    else:
        title = "Sources cited"
        sections = [f"# {title}", description, cited]
    return Page(path, title, _with_notes(renderer, sections),
                {"description": "Credits, rights and every source the apparatus cites."}, renderer.warnings)


def front_page(model: EditionModel, page: EditionPage, mode: str = WEB) -> Page:
    """A page made from one division of edition.xml (introduction, teaching guide)."""
    renderer = Renderer(model, page.path, mode=mode)
    body = _with_notes(renderer, [_front(renderer, page.divisions[0], level=1)])
    return Page(page.path, page.title, body, {"description": page.title}, renderer.warnings)


def edition_pages(model: EditionModel, citations: Citations | None = None) -> list[Page]:
    return [home_page(model), documents_index(model), *[year_page(model, y) for y in model.years()],
            timeline_page(model), edition_map_page(model),
            about_page(model, citations), sources_page(model), changelog_page(model),
            *[front_page(model, page) for page in front_matter_pages(_present(model))]]

