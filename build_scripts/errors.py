"""Errors about the edition's sources, reported as `file:line: [rule] message`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .paths import relative


@dataclass(frozen=True)
class Problem:
    """One violation of the schema or of a project rule."""

    path: Path
    line: int | None
    rule: str
    message: str

    def __str__(self) -> str:
        where = relative(self.path) + (f":{self.line}" if self.line else "")
        return f"{where}: [{self.rule}] {self.message}"


class EditionError(Exception):
    """Raised when the sources cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
