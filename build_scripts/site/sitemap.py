"""The data files (corpus zip, registers, texts, CMIF) in the site's
sitemap beside its pages, so that harvesters find them too."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

CLOSING = "</urlset>"


def add_to_sitemap(site: Path, published: str, paths: list[str]) -> None:
    sitemap = site / "sitemap.xml"
    if not sitemap.exists() or not paths:
        return
    text = sitemap.read_text(encoding="utf-8")
    entries = "".join(f"    <url>\n         <loc>{escape(published + path)}</loc>\n    </url>\n" for path in paths
                      if f"<loc>{escape(published + path)}</loc>" not in text)
    sitemap.write_text(text.replace(CLOSING, entries + CLOSING), encoding="utf-8")
