"""The edition's own words, for "did you mean": every word of the searched
text and every register name and variant, with how often it occurs. The
online site gets one small file per word length, so that a misspelt word
loads only the lengths within two letters of it."""
from __future__ import annotations

import functools
import json
from collections import Counter

from .records import HIDDEN_CLOSE, HIDDEN_OPEN, Record
from .words import normalise

FOLDER = "search/words"


def word_counts(records: list[Record]) -> Counter:
    counts: Counter = Counter()
    split = functools.lru_cache(maxsize=None)(normalise)   # an edition repeats its words: each is split once
    for record in records:
        for unit in record.units:
            counts.update(w for word in unit.words if word not in (HIDDEN_OPEN, HIDDEN_CLOSE) for w in split(word))
        counts.update(split(record.title))
    return counts


def vocabulary_files(records: list[Record]) -> dict[str, bytes]:
    """`search/words/<length>.json`: [[word, count], ...] most frequent first."""
    by_length: dict[int, list] = {}
    for word, count in word_counts(records).most_common():
        by_length.setdefault(len(word), []).append([word, count])
    return {f"{FOLDER}/{length}.json": json.dumps(words, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            for length, words in sorted(by_length.items())}
