"""Every page of the site, rendered from the model, and the navigation that
lists them. The navigation names years, never individual documents, so its
size does not grow with the edition."""
from __future__ import annotations

from ..cite.citations import Citations
from ..model.load import EditionModel
from ..model.registers import KINDS
from . import links
from .document_page import document_page
from .edition_pages import FRONT_PAGES, edition_pages
from .page import Page
from .register_pages import register_pages


def render_pages(model: EditionModel, citations: Citations | None = None, offline: bool = False) -> list[Page]:
    """All generated pages; with `citations`, pages show how to cite them;
    `offline` words the home page for the copy that works from files."""
    pages = edition_pages(model, citations, offline)
    pages += [document_page(model, d, citations.documents[d.slug] if citations else None) for d in model.documents]
    pages += register_pages(model)
    for page in pages:  # what the page tells readers to cite, whichever copy serves it
        page.meta["permanent_url"] = model.edition.published(page.path)
    return pages


def navigation(model: EditionModel) -> list:
    """The site navigation in MkDocs' `nav` format."""
    front = {path: title for div, path, title in FRONT_PAGES if model.edition.front_matter(div) is not None}
    nav = [{"Home": "index.md"}]
    if "introduction.md" in front:
        nav.append({"Introduction": "introduction.md"})
    nav.append({"Documents": [{"All documents": "documents/index.md"},
                              *[{str(year): links.year_page(year)} for year in model.years()]]})
    nav.append({"Registers": [{KINDS[kind][4]: links.kind_index(kind)} for kind in KINDS]})
    if "teaching.md" in front:
        nav.append({"Teaching guide": "teaching.md"})
    nav.append({"About": [{"Editorial method": "about.md"}, {"Sources and credits": "sources.md"},
                          {"Change log": "changelog.md"}]})
    return nav
