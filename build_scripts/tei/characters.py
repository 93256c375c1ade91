"""Characters that do not show: bidirectional overrides, which can make a
line display in another order than it is stored, and zero-width characters,
which can split or join words unseen. They are allowed (some scripts need
them) but reported, with file and line, so that an editor can check them."""
from __future__ import annotations

import re

from ..errors import Problem
from .corpus import Corpus

_NAMES = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING", "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE", "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE", "\u2068": "FIRST STRONG ISOLATE", "\u2069": "POP DIRECTIONAL ISOLATE",
    "\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER", "\ufeff": "ZERO WIDTH NO-BREAK SPACE", "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
}
_INVISIBLE = re.compile("[" + "".join(_NAMES) + "]")


def invisible_characters(corpus: Corpus) -> list[Problem]:
    """One warning per line holding invisible characters (a byte-order mark at the start is fine)."""
    warnings = []
    for tei in corpus.files:
        text = tei.path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
            found = sorted({_NAMES[c] for c in _INVISIBLE.findall(line)})
            if found:
                warnings.append(Problem(tei.path, number, "invisible-character",
                                        "warning: this line holds characters that do not show ("
                                        + ", ".join(found) + "); check that they are meant"))
    return warnings
