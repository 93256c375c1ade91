"""Stage 8: the site's search, made from the written site. Every searched
page becomes a record (search/records.py); online, Pagefind indexes them
into `pagefind/` beside a vocabulary for "did you mean"; in the file://
copy they become one in-page index script. The Pagefind bundle is cached
by the records' content, so an unchanged site is not indexed again."""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import asdict
from pathlib import Path

from ..exports.locations import REGISTERS_JSON
from ..fingerprint import code_digest, digest, write_atomic
from ..paths import CACHE_DIR
from ..search.offline_index import INDEX_FILE, offline_index
from ..search.pagefind_index import BUNDLE, record_html, write_pagefind
from ..search.records import Record, Unit, entry_names, page_record
from ..search.vocabulary import FOLDER as VOCABULARY
from ..search.vocabulary import vocabulary_files
from .progress import stage

CACHE = CACHE_DIR / "search"
RECORDS = CACHE_DIR / "search-records"
RECORDS_KEPT_DAYS = 14
KEPT = 3   # bundles kept in the cache (a few, so that undoing an edit reuses one)


def site_records(site: Path) -> list[Record]:
    """The records of every searched page of a built site, in path order;
    each page's record is cached by the page's bytes (and the registers')."""
    registers = (site / REGISTERS_JSON).read_bytes()
    names = entry_names(json.loads(registers))
    shared = digest(code_digest(), registers)
    records = []
    for path in sorted(site.rglob("*.html")):
        page = path.read_bytes()
        cached = RECORDS / f"{digest(shared, path.relative_to(site).as_posix(), page)}.json"
        if cached.exists():
            cached.touch()   # in use: kept by the pruning below
            data = json.loads(cached.read_text(encoding="utf-8"))
            record = Record(data["url"], data["title"], data["meta"], [Unit(**u) for u in data["units"]]) if data else None
        else:
            record = page_record(page, path.relative_to(site).as_posix(), names)
            write_atomic(cached, json.dumps(asdict(record) if record else None, ensure_ascii=False).encode("utf-8"))
        if record is not None:
            records.append(record)
    _prune(RECORDS, time.time() - RECORDS_KEPT_DAYS * 86400)
    return records


def _prune(folder: Path, before: float) -> None:
    """Records of pages no build has used for a while."""
    for path in folder.glob("*.json"):
        if path.stat().st_mtime < before:
            path.unlink(missing_ok=True)


def _online_files(records: list[Record], details: dict) -> Path:
    """A folder with Pagefind's bundle and the vocabulary, as they go into the site; cached by the records."""
    key = digest(code_digest(), *(record_html(record) for record in records))
    cached = CACHE / key
    if cached.exists():
        cached.touch()
        details["unchanged"] = "Pagefind index and vocabulary reused"
        return cached
    building = CACHE / f"{key}.partial"
    shutil.rmtree(building, ignore_errors=True)
    write_pagefind(records, building / BUNDLE)
    for path, data in vocabulary_files(records).items():
        write_atomic(building / path, data)
    building.rename(cached)
    for old in sorted(CACHE.iterdir(), key=lambda p: p.stat().st_mtime)[:-KEPT]:
        shutil.rmtree(old, ignore_errors=True)
    details["indexed"] = f"{len(records)} pages by Pagefind"
    return cached


def make_search(site: Path, offline: bool) -> None:
    """Write the search's files into the built site `site`."""
    with stage("search") as details:
        records = site_records(site)
        if offline:
            write_atomic(site / INDEX_FILE, offline_index(records).encode("utf-8"))
            details["offline"] = f"{len(records)} pages in the in-page index"
            return
        made = _online_files(records, details)
        for folder in (BUNDLE, VOCABULARY):
            shutil.rmtree(site / folder, ignore_errors=True)
            shutil.copytree(made / folder, site / folder)
