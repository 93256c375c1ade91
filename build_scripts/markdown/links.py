"""Where each page lives and how pages link to one another. Links are
written to .md sources, so MkDocs checks and rewrites them."""
from __future__ import annotations

import functools
import posixpath

from ..model.documents import Document
from ..model.registers import KINDS, Entry


def relative(from_page: str, to_path: str) -> str:
    """A link from one page source path to another file (with optional #anchor)."""
    target, hash_, anchor = to_path.partition("#")
    link = _relative(posixpath.dirname(from_page), target) if target else ""
    return link + (hash_ + anchor if hash_ else "")


@functools.lru_cache(maxsize=65536)
def _relative(from_folder: str, target: str) -> str:
    # posixpath.relpath, without its calls to the file system (both are site paths)
    return posixpath.relpath("/" + target, "/" + from_folder)


def entry_page(entry: Entry) -> str:
    return f"{entry.folder}/{entry.slug}.md"


def kind_index(kind: str) -> str:
    return f"{KINDS[kind][3]}/index.md"


def document_page(document: Document) -> str:
    return document.page_path


def tei_download(document: Document) -> str:
    return f"tei/documents/{document.slug}.xml"


def year_page(year: int) -> str:
    return f"documents/{year}.md"


# Offline forms of the edition, with stable names (the version is inside them).
DOWNLOADS = "downloads"


def edition_pdf() -> str:
    return f"{DOWNLOADS}/crossing-the-border.pdf"


def document_pdf(document: Document) -> str:
    return f"{DOWNLOADS}/documents/{document.slug}.pdf"


def volume_pdf(volume_id: str) -> str:
    return f"{DOWNLOADS}/volumes/crossing-the-border-{volume_id}.pdf"


def edition_epub() -> str:
    return f"{DOWNLOADS}/crossing-the-border.epub"


def offline_zip() -> str:
    return f"{DOWNLOADS}/crossing-the-border-offline.zip"
