"""Checks of the built output: every HTML page valid (the W3C Nu checker)
and every internal link and fragment resolving, in the site and in its
offline copy. `python -m build_scripts.checks SITE [--offline ZIP]` runs both."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, named relative to the checked folder."""
    page: str
    message: str

    def __str__(self) -> str:
        return f"{self.page}: {self.message}"


class CheckSetupError(RuntimeError):
    """A tool the checks need is missing (not a problem of the site)."""
