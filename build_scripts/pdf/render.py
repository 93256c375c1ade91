"""Stage 5a: a Book as a PDF, with WeasyPrint: title page, contents with page
numbers, outline, running heads, footnotes at the foot of the page,
paragraph numbers in the margin, embedded fonts, document metadata, and a
tagged (PDF/UA-1) structure. The downloads stage caches and parallelises."""
from __future__ import annotations

import html as html_escape
import logging
from pathlib import Path

import weasyprint
from lxml import etree

from ..book.assemble import Book

STYLESHEET = Path(__file__).with_name("print.css")


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


def document_html(book: Book) -> str:
    """The book as one HTML file for WeasyPrint, with the print styles."""
    css = STYLESHEET.read_text(encoding="utf-8")
    body = [etree.tostring(book.title_page, encoding="unicode", method="html"), _contents(book)]
    body += [etree.tostring(s.element, encoding="unicode", method="html") for s in book.sections]
    meta = {"author": book.author, "description": book.description, "keywords": book.keywords,
            "generator": f"Crossing the Border build (WeasyPrint {weasyprint.__version__})",
            "dcterms.created": book.date, "dcterms.modified": book.date}
    head = "".join(f'<meta name="{k}" content="{html_escape.escape(v)}">' for k, v in meta.items())
    return (f'<!DOCTYPE html><html lang="{book.language}"><head><meta charset="utf-8">'
            f"<title>{html_escape.escape(book.title)}</title>{head}<style>{css}\n{book.styles}</style></head>"
            f"<body>{''.join(body)}</body></html>")


def write_pdf(source: str, identifier: str) -> bytes:
    """WeasyPrint on a book's HTML (document_html)."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # its CSS notices are not our warnings
    return weasyprint.HTML(string=source, base_url=str(STYLESHEET.parent)).write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=identifier.encode(), custom_metadata=True)


def render_pdf(book: Book) -> bytes:
    return write_pdf(document_html(book), book.identifier)
