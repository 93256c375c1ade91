"""The search index of the file:// copy, where Pagefind cannot run (a
browser does not load its modules from disk): the same records as one
script that sets `window.editionSearchIndex`, loaded by search.js only when
someone searches. The records keep the shape Pagefind gives search.js (the
text as words, anchors at word positions), so one presentation serves
both engines."""
from __future__ import annotations

from ..inline_json import script_safe_json
from .records import Record

INDEX_FILE = "search/offline-index.js"


def record_data(record: Record) -> dict:
    words: list[str] = []
    anchors: list[list] = []
    for unit in record.units:
        anchors.append([len(words), unit.anchor])
        words += unit.words
    meta = {**record.shown, "units": [[u.anchor, u.kind, u.label] for u in record.units]}
    return {"url": record.url, "meta": meta, "filters": record.filters,
            "date": record.meta.get("date", ""), "content": " ".join(words), "anchors": anchors}


def offline_index(records: list[Record]) -> str:
    data = {"records": [record_data(record) for record in records]}
    return f"window.editionSearchIndex = {script_safe_json(data)};\n"
