"""The online search index: each record written as a small HTML page that
Pagefind indexes (its units as empty anchors, its filters, sort key and
metadata outside the indexed body), then Pagefind run on them."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

from ..errors import EditionError, Problem
from .records import Record

BUNDLE = "pagefind"
# Pagefind's own search interfaces, and the index for pages with no language:
# search.js is the interface, and every record is English.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "wasm.unknown.pagefind")


def record_html(record: Record) -> str:
    units = "\n".join(f'<p><span id="{escape(unit.anchor)}"></span> {escape(" ".join(unit.words))}</p>'
                      for unit in record.units)
    unit_list = json.dumps([[u.anchor, u.kind, u.label] for u in record.units], ensure_ascii=False)
    meta = {**record.shown, "units": unit_list}
    tags = [f'<span data-pagefind-meta="{key}">{escape(value)}</span>' for key, value in meta.items()]
    tags += [f'<span data-pagefind-filter="{key}">{escape(value)}</span>'
             for key, values in record.filters.items() for value in values]
    if record.meta.get("date"):
        tags.append(f'<span data-pagefind-sort="date">{escape(record.meta["date"])}</span>')
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>'
            f'{escape(record.title)}</title></head><body>\n<div>{"".join(tags)}</div>\n'
            f'<main data-pagefind-body>\n{units}\n</main></body></html>\n')


def _record_path(url: str) -> str:
    """Where the record's page goes, so that Pagefind gives it the page's address."""
    return url if url.endswith(".html") else url.rstrip("/") + "/index.html"


def write_pagefind(records: list[Record], target: Path) -> None:
    """Pagefind's files for these records in `target` (its bundle folder)."""
    with tempfile.TemporaryDirectory(prefix="edition-search-") as temporary:
        pages = Path(temporary) / "pages"
        for record in records:
            path = pages / _record_path(record.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record_html(record), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path",
                                 str(target), "--silent"], capture_output=True, text=True)
        if result.returncode:
            raise EditionError([Problem(target, None, "search-index",
                                        "Pagefind could not index the site:\n" + (result.stderr or result.stdout)[-2000:])])
    for name in UNUSED:
        (target / name).unlink(missing_ok=True)
