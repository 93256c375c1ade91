"""Replace the site folder only when a build has finished cleanly.

MkDocs empties and rewrites its site folder in place, so a build that
stops half-way (a crash, or warnings under --strict) would leave a broken
site. The plugin builds into a sibling staging folder instead and moves it
into place at the very end, after counting the warnings logged meanwhile.
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path


class WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class Staging:
    def __init__(self, site_dir: str):
        self.final = Path(site_dir)
        self.staging = self.final.with_name(self.final.name + ".partial")
        self.previous = self.final.with_name(self.final.name + ".previous")
        self.warnings = WarningCounter()

    def count_warnings(self) -> None:
        """From now on, count the warnings that --strict will fail on
        (including those of the stages that run before MkDocs writes)."""
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def begin(self) -> str:
        """Return the folder MkDocs should write to."""
        shutil.rmtree(self.staging, ignore_errors=True)
        return str(self.staging)

    def abort(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        shutil.rmtree(self.staging, ignore_errors=True)

    def finish(self, strict: bool) -> bool:
        """Move the staged site into place, unless strict mode will fail the build."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if strict and self.warnings.count:
            logging.getLogger("mkdocs.plugins.edition").error(
                "%d warning(s) in strict mode: the previous site in %s is kept", self.warnings.count, self.final)
            shutil.rmtree(self.staging, ignore_errors=True)
            return False
        shutil.rmtree(self.previous, ignore_errors=True)
        if self.final.exists():
            self.final.rename(self.previous)
        self.staging.rename(self.final)
        shutil.rmtree(self.previous, ignore_errors=True)
        return True
