"""Words as both search engines compare them: lower case, without accents,
a possessive "'s" or apostrophes, split at anything that is not a letter or
a digit. The
browser does the same (`normalise` in search.js)."""
from __future__ import annotations

import re
import unicodedata

APOSTROPHES = re.compile("['\u2019\u02bc\u2018]")
POSSESSIVE = re.compile("['\u2019\u02bc]s\\b")
SEPARATORS = re.compile(r"[\W_]+")


def normalise(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", APOSTROPHES.sub("", POSSESSIVE.sub("", text.lower())))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return [word for word in SEPARATORS.split(plain) if word]
