"""Stage 5: the offline forms of the edition, made from the same pages as
the site: a PDF of the whole edition and of each document (WeasyPrint) and
an EPUB (ebooklib). Each is cached by its content, so rebuilding unchanged
sources costs nothing.

    python -m build_scripts.downloads --out DIR

writes them without MkDocs.
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from .book.assemble import document_book, edition_book
from .cite.citations import Citations
from .epub.build import render_epub
from .errors import EditionError
from .markdown import links
from .markdown.page import Page
from .model.load import EditionModel
from .paths import TEI_DIR
from .pdf.render import render_pdf, render_pdfs
from .pipeline import prepare

log = logging.getLogger("mkdocs.plugins.edition")


def build_downloads(model: EditionModel, pages: list[Page], citations: Citations) -> dict[str, bytes]:
    """Site path -> bytes of every PDF and EPUB; logs how long each took."""
    files = {}
    started = time.monotonic()
    book = edition_book(model, pages, citations)
    files[links.edition_pdf()] = render_pdf(book)
    log.info("PDF of the edition: %.1f s", time.monotonic() - started)
    started = time.monotonic()
    books = [document_book(model, pages, citations, document) for document in model.documents]
    for document, pdf in zip(model.documents, render_pdfs(books)):
        files[links.document_pdf(document)] = pdf
    log.info("PDFs of %d documents: %.1f s", len(model.documents), time.monotonic() - started)
    started = time.monotonic()
    files[links.edition_epub()] = render_epub(book)
    log.info("EPUB: %.1f s", time.monotonic() - started)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--tei-dir", type=Path, default=TEI_DIR)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        prepared = prepare(args.tei_dir)
    except EditionError as error:
        print(error, file=sys.stderr)
        return 1
    for site_path, data in build_downloads(prepared.model, prepared.pages, prepared.citations).items():
        target = args.out / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"{target}: {len(data) / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
