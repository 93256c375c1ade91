"""What the importer could not settle, for the editor: each flag names the
line of the input and says what to review."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Flag:
    line: int        # line of the input file (1-based)
    kind: str        # "bracket", "name", "field", "structure"
    text: str        # the passage concerned, as in the input
    message: str     # what the editor should check or supply
