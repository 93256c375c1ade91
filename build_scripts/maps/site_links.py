"""The maps' links on the MkDocs site. A map is raw HTML, which MkDocs
passes through without turning its .md links into page addresses (it does
so only for Markdown links), and those addresses differ between the site
(directory URLs) and the offline copy (.html files). The site's plugin
calls rewrite_map_links on each page's HTML with MkDocs' own resolver."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

# Only the maps' own place links: an href followed by the data-place that svg.py writes.
_MAP_LINK = re.compile(r'<a href="([^"#:]+\.md)(#[^"]*)?"( data-place=")')


def rewrite_map_links(html: str, page_src: str, url_of: Callable[[str], str | None]) -> str:
    """`url_of` takes a source path (places/x.md) and returns its address
    relative to the page, or None when there is no such page (the link is
    then left as it was, for MkDocs' checks to report)."""
    def replace(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), match.group(1)))
        url = url_of(target)
        if url is None:
            return match.group(0)
        return f'<a href="{url}{match.group(2) or ""}"{match.group(3)}'
    return _MAP_LINK.sub(replace, html)
