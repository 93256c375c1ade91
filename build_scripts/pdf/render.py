"""Stage 5a: a Book as a PDF, with WeasyPrint: title page, contents with page
numbers, outline, running heads, footnotes at the foot of the page,
paragraph numbers in the margin, embedded fonts, document metadata, and a
tagged (PDF/UA-1) structure. PDFs are cached by the hash of their HTML."""
from __future__ import annotations

import hashlib
import html as html_escape
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import weasyprint
from lxml import etree

from ..book import html
from ..book.assemble import Book
from ..paths import BUILD_DIR

STYLESHEET = Path(__file__).with_name("print.css")
CACHE = BUILD_DIR / "cache" / "pdf"


def _contents(book: Book) -> str:
    groups = {"front": None, "document": "Documents", "appendix": "Appendices"}
    items, current = [], None
    for section in book.sections:
        group = groups[section.kind]
        if group and group != current:
            items.append(f'<li class="toc-group">{group}</li>')
        current = group
        items.append(f'<li><a href="#{section.id}">{html_escape.escape(section.title)}</a></li>')
    return f'<nav class="toc"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>'


def _float_to_page_foot(section: etree._Element, call: etree._Element, note: html.Footnote) -> None:
    span = etree.Element("span", {"class": "fn", "id": f"fn-{note.id}"})
    html.append_content(span, note.content)
    span.tail = call.tail
    call.getparent().replace(call, span)


def document_html(book: Book, css: str) -> str:
    body = [etree.tostring(book.title_page, encoding="unicode", method="html"), _contents(book)]
    body += [etree.tostring(html.with_notes(s.element, s.notes, _float_to_page_foot), encoding="unicode",
                            method="html") for s in book.sections]
    meta = {"author": book.author, "description": book.description, "keywords": book.keywords,
            "generator": f"Crossing the Border build (WeasyPrint {weasyprint.__version__})",
            "dcterms.created": book.date, "dcterms.modified": book.date}
    head = "".join(f'<meta name="{k}" content="{html_escape.escape(v)}">' for k, v in meta.items())
    return (f'<!DOCTYPE html><html lang="{book.language}"><head><meta charset="utf-8">'
            f"<title>{html_escape.escape(book.title)}</title>{head}<style>{css}</style></head>"
            f"<body>{''.join(body)}</body></html>")


def _write_pdf(source: str, identifier: str) -> bytes:
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # its CSS notices are not our warnings
    return weasyprint.HTML(string=source, base_url=str(STYLESHEET.parent)).write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=identifier.encode(), custom_metadata=True)


def render_pdfs(books: list[Book]) -> list[bytes]:
    """PDFs of several books, those not cached made in parallel (one process per core)."""
    css = STYLESHEET.read_text(encoding="utf-8")
    sources = [document_html(book, css) for book in books]
    keys = [hashlib.sha256((source + weasyprint.__version__).encode()).hexdigest()[:32] for source in sources]
    missing = [i for i, key in enumerate(keys) if not (CACHE / f"{key}.pdf").exists()]
    if missing:
        CACHE.mkdir(parents=True, exist_ok=True)
        workers = min(len(missing), os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            made = pool.map(_write_pdf, [sources[i] for i in missing], [books[i].identifier for i in missing])
            for i, pdf in zip(missing, made):
                (CACHE / f"{keys[i]}.pdf").write_bytes(pdf)
    return [(CACHE / f"{key}.pdf").read_bytes() for key in keys]


def render_pdf(book: Book) -> bytes:
    return render_pdfs([book])[0]
