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
from weasyprint.urls import URLFetcher

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


class OneLineProblems(logging.Filter):
    """WeasyPrint reports a resource it could not load with the whole stack
    trace; the reader of the build log needs one line that says what failed
    in which book and what to do."""

    def __init__(self, book: str):
        super().__init__()
        self.book = book

    def filter(self, record: logging.LogRecord) -> bool:
        reason = f": {record.exc_info[1]}" if record.exc_info and record.exc_info[1] else ""
        record.msg = (f"PDF {self.book}: WeasyPrint: {record.getMessage()}{reason}. The PDF was made without it; "
                      "check the file or address named, or the print styles (build_scripts/pdf/print.css)")
        record.args, record.exc_info, record.exc_text, record.stack_info = (), None, None, None
        return True


def write_pdf(source: str, identifier: str) -> bytes:
    """WeasyPrint on a book's HTML (document_html)."""
    logger = logging.getLogger("weasyprint")
    logger.setLevel(logging.ERROR)  # its CSS notices are not our warnings
    one_line = OneLineProblems(identifier)
    logger.addFilter(one_line)
    try:
        return _weasyprint(source, identifier)
    finally:
        logger.removeFilter(one_line)


def _weasyprint(source: str, identifier: str) -> bytes:
    local_only = URLFetcher(allowed_protocols={"file", "data"})  # a book never reaches a network
    return weasyprint.HTML(string=source, base_url=str(STYLESHEET.parent), url_fetcher=local_only).write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=identifier.encode(), custom_metadata=True)


def render_pdf(book: Book) -> bytes:
    return write_pdf(document_html(book), book.identifier)
