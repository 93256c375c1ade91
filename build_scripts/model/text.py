"""Plain-text views of a TEI text.

The transcription text is what the source prints: every word and bracket,
without the edition's own apparatus (editorial notes, corrections). The
reading text is the same without the translators' bracket characters and
omission markers; supplied words and notes in the original stay.
"""
from __future__ import annotations

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


def reading_text(element: etree._Element) -> str:
    return _text(element, lambda e: is_apparatus(e) or is_bracket(e) or is_omission(e))


def normalise_space(text: str) -> str:
    """Collapse whitespace, counting U+00A0 as whitespace."""
    return " ".join(text.replace("\u00a0", " ").split())
