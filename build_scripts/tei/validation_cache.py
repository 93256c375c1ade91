"""Validation results kept by content: a file whose bytes, and the rules it
is checked against (tei_all, rules.sch and this package's code), have not
changed since it was last found valid or invalid is not checked again, and
tei_all is compiled only when some file needs it."""
from __future__ import annotations

import functools
import json
from pathlib import Path

from ..errors import Problem
from ..fingerprint import digest, files_digest, write_atomic
from ..paths import CACHE_DIR
from .corpus import TeiFile
from .schema import schema_path

FOLDER = CACHE_DIR / "validation"


@functools.cache
def rules_digest() -> str:
    package = Path(__file__).parent
    return files_digest([schema_path(), *package.glob("*.sch"), *package.glob("*.py")])


class ValidationCache:
    def __init__(self, folder: Path = FOLDER):
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _path(self, tei: TeiFile, data: bytes) -> Path:
        return self.folder / f"{digest(data, rules_digest())}.json"

    def get(self, tei: TeiFile, data: bytes) -> list[Problem] | None:
        path = self._path(tei, data)
        if not path.exists():
            self.misses += 1
            return None
        self.hits += 1
        return [Problem(tei.path, p["line"], p["rule"], p["message"]) for p in json.loads(path.read_text("utf-8"))]

    def put(self, tei: TeiFile, data: bytes, problems: list[Problem]) -> None:
        records = [{"line": p.line, "rule": p.rule, "message": p.message} for p in problems]
        write_atomic(self._path(tei, data), json.dumps(records, ensure_ascii=False).encode("utf-8"))
