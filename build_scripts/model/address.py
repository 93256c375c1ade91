"""The edition's published address and the address of every page under it.

The address has one home, publicationStmt/idno[@type='URL'] in
tei/edition.xml. Every output that tells a reader what to cite (pages, cite
boxes, exports, page metadata, PDFs, EPUB, the offline copy) builds its
addresses here, never from the address a copy happens to be served from.
"""
from __future__ import annotations

from urllib.parse import urlsplit

# Host names reserved for examples and tests (RFC 2606, RFC 6761): an edition
# whose address uses one of them has not been given its real address yet.
_RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
_RESERVED_TOP_LEVEL = ("example", "test", "invalid", "localhost")

# What every page and download says while the address is a placeholder.
PREVIEW_NOTICE = ("This is a preview of the edition, not its publication: its web addresses are not final, "
                  "so do not cite them or link to them yet.")


def normalise(url: str) -> str:
    """The address with exactly one trailing slash, so paths join cleanly."""
    return url.strip().rstrip("/") + "/"


def is_placeholder(url: str) -> bool:
    """Whether the address is a stand-in rather than a real host."""
    host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    if not host or host == "localhost" or host.replace(".", "").isdigit():
        return True
    if any(host == domain or host.endswith("." + domain) for domain in _RESERVED_DOMAINS):
        return True
    return host.rsplit(".", 1)[-1] in _RESERVED_TOP_LEVEL


def page_url_path(page_path: str) -> str:
    """The URL path of a page source path, as the site serves it
    (directory URLs): 'documents/x.md' -> 'documents/x/', 'index.md' -> ''."""
    if page_path == "index.md" or page_path.endswith("/index.md"):
        return page_path[: -len("index.md")]
    if page_path.endswith(".md"):
        return page_path[:-3] + "/"
    return page_path


def published(base: str, site_path: str, anchor: str | None = None) -> str:
    """The published address of a page (.md source path) or file, with an optional #anchor."""
    address = normalise(base) + page_url_path(site_path)
    return address + (f"#{anchor}" if anchor else "")
