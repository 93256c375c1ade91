"""Plain-text views of a TEI text.

The transcription text is what the source prints: every word and bracket,
without the edition's own apparatus (editorial notes, corrections). The
reading text is the corrected text as the reading view shows it: the
editors' corrections in place of the printed errors, and each kind of
bracket given as its category says (see Category.reading).
"""
from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from ..tei.parser import TEI_NS

_T = f"{{{TEI_NS}}}"


def is_apparatus(element: etree._Element) -> bool:
    """The edition's own additions, which are not part of the transcription:
    editorial notes, corrections and the front matter (headnote)."""
    if element.tag == f"{_T}note":
        return element.get("type") != "original"
    return element.tag in (f"{_T}corr", f"{_T}front")


def is_bracket(element: etree._Element) -> bool:
    return element.tag == f"{_T}pc" and element.get("type") == "bracket"


def is_omission(element: etree._Element) -> bool:
    return element.tag == f"{_T}seg" and element.get("type") == "omission"


def _text(element: etree._Element, skip) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not skip(child):
            parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def transcription_text(element: etree._Element) -> str:
    return _text(element, is_apparatus)


def reading_text(element: etree._Element, readings: Mapping[str, str]) -> str:
    """`readings` maps a category's pointer ("edn:bk-altname") to its reading."""
    def walk(node: etree._Element) -> str:
        parts = [node.text or ""]
        for child in node:
            if isinstance(child.tag, str):
                parts.append(_reading_of(child, readings, walk))
            parts.append(child.tail or "")
        return "".join(parts)
    return walk(element)


PARENTHESES = {"[": "(", "]": ")"}  # an alternative name read as one: its brackets as parentheses


def _reading_of(element: etree._Element, readings: Mapping[str, str], walk) -> str:
    if element.tag == f"{_T}sic":
        return ""  # the correction beside it is read instead
    if element.tag == f"{_T}corr":
        return walk(element)
    if is_apparatus(element):
        return ""
    if is_bracket(element):
        unit = next((a for a in element.iterancestors() if a.get("ana")), None)
        reading = readings.get(unit.get("ana", "") if unit is not None else "", "plain")
        text = element.text or ""
        return text if reading == "keep" else PARENTHESES.get(text, text) if reading == "parentheses" else ""
    return walk(element)


def normalise_space(text: str) -> str:
    """Collapse whitespace, counting U+00A0 as whitespace."""
    return " ".join(text.replace("\u00a0", " ").split())
