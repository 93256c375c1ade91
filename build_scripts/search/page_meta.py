"""What the search index needs to know about a page, put in its front
matter by the tree and written into the page by the theme (main.html):
which pages are searched, of what kind, and the document's date, year and
type for the filters. Pages that only list others (home, document lists,
register indexes, the map) carry none and are not searched."""
from __future__ import annotations

from ..markdown.edition_structure import EDITION_PAGES
from ..markdown.page import Page
from ..model.documents import Document
from ..model.load import EditionModel
from ..model.registers import KINDS

# Kinds of page; a document page holds three kinds of text (see records.py).
DOCUMENT, REGISTER, EDITION = "document", "register", "edition"
SEARCHED_EDITION_PAGES = frozenset(p.path for p in EDITION_PAGES if p.searched)


def add_search_meta(model: EditionModel, pages: list[Page]) -> None:
    """Set page.meta["search"] on every page that is searched."""
    documents = {document.slug: document for document in model.documents}
    for page in pages:
        meta = _search_meta(model, documents, page)
        if meta is not None:
            page.meta["search"] = meta


def _search_meta(model: EditionModel, documents: dict[str, Document], page: Page) -> dict | None:
    if page.meta.get("document"):
        document = documents[page.meta["document"]]
        return {"page": DOCUMENT, "title": document.short_title, "document": document.key,
                "date": document.date, "date_label": document.date_label, "year": str(document.year),
                "type": model.edition.doctype(document.doctype).label}
    if page.meta.get("entry"):
        entry = model.registers[page.meta["entry"]]
        return {"page": REGISTER, "title": entry.name, "register": KINDS[entry.kind][4]}
    if page.path in SEARCHED_EDITION_PAGES:
        return {"page": EDITION, "title": page.title}
    return None
