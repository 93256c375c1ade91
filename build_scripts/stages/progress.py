"""One line per stage, with its time and what it reused, on the build's
console (MkDocs shows the `mkdocs.plugins.edition` logger's INFO lines)."""
from __future__ import annotations

import contextlib
import logging
import time

log = logging.getLogger("mkdocs.plugins.edition")
# Warnings about the sources that do not fail a strict build (invisible
# characters): outside the "mkdocs" logger, whose warnings --strict counts.
source_log = logging.getLogger("edition.sources")


@contextlib.contextmanager
def stage(name: str):
    """Time a stage; the block may add details to the dict it receives."""
    details: dict[str, str] = {}
    started = time.monotonic()
    yield details
    extra = "; ".join(f"{key}: {value}" for key, value in details.items())
    log.info("%-10s %6.1f s%s", name, time.monotonic() - started, f"  ({extra})" if extra else "")
