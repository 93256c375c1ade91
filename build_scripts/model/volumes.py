"""How the edition's PDF is divided once the edition is large: one volume
per year, a year of many documents split into parts of at most
VOLUME_SIZE. A small edition is one book."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .documents import Document

# Above this many documents, one PDF of everything would be too heavy to
# download and to remake after every edit.
VOLUME_THRESHOLD = 40
VOLUME_SIZE = 60


@dataclass(frozen=True)
class Volume:
    id: str                        # "1961", or "1961-2" for the second part of a long year
    label: str                     # "1961", or "1961, part 2 of 3"
    documents: tuple[Document, ...]


def in_volumes(documents) -> bool:
    return len(documents) > VOLUME_THRESHOLD


def volumes(documents) -> list[Volume]:
    """The volumes, in date order (documents are already in date order)."""
    by_year: dict[int, list[Document]] = {}
    for document in documents:
        by_year.setdefault(document.year, []).append(document)
    result = []
    for year, members in by_year.items():
        parts = math.ceil(len(members) / VOLUME_SIZE)
        size = math.ceil(len(members) / parts)  # parts of even size
        for part in range(parts):
            chunk = tuple(members[part * size:(part + 1) * size])
            if parts == 1:
                result.append(Volume(str(year), str(year), chunk))
            else:
                result.append(Volume(f"{year}-{part + 1}", f"{year}, part {part + 1} of {parts}", chunk))
    return result
