"""Each document's text as plain UTF-8: the transcription (every word and
bracket as printed) and the reading text (corrections applied, brackets read
as their categories say). A heading of title, date and address, then one
block of text per paragraph, speech turn or line of the letter's frame,
blocks separated by a blank line."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from ..model.address import PREVIEW_NOTICE
from ..model.documents import Document
from ..model.load import EditionModel
from ..model.text import is_apparatus, normalise_space, reading_text, transcription_text
from ..tei.parser import NS, TEI_NS
from . import locations
from .references import translation_publisher

_T = f"{{{TEI_NS}}}"
# Elements read as one block each (a speech turn is its speaker and words together).
BLOCKS = {f"{_T}{name}" for name in ("head", "p", "ab", "salute", "signed", "dateline", "sp", "trailer", "byline",
                                      "l", "docDate", "argument", "epigraph", "postscript",
                                      "note")}   # a note here is the original's own (apparatus is skipped)
FRAMES = {f"{_T}opener", f"{_T}closer"}   # whose parts (a seg, a date) are each a line of their own


def blocks(element: etree._Element, text: Callable[[etree._Element], str]) -> Iterator[str]:
    """The text blocks under `element`, in order: no text outside the
    apparatus is left out, so the blocks joined are the whole text."""
    if element.text and element.text.strip():
        yield normalise_space(element.text)
    children = [c for c in element if isinstance(c.tag, str) and not is_apparatus(c)]
    pending_label = ""
    for child in children:
        if child.tag == f"{_T}label":  # a list's label stands in one line with its item
            pending_label = normalise_space(text(child))
        elif child.tag in BLOCKS or (child.tag == f"{_T}item") or element.tag in FRAMES:
            line = normalise_space(f"{pending_label} {text(child)}")
            pending_label = ""
            if line:
                yield line
        else:
            yield from blocks(child, text)
        if child.tail and child.tail.strip():
            yield normalise_space(child.tail)
    if pending_label:
        yield pending_label


def _heading(model: EditionModel, document: Document, reading: bool) -> list[str]:
    edition = model.edition
    kind = "Reading text (the editors' corrections applied, brackets read as their kinds say)" if reading else \
        "Transcription (every word and bracket as printed in the translation)"
    lines = [document.title, f"{document.date_label} ({document.date})", kind,
             f"From {edition.full_title}, version {edition.version}: {edition.published(document.page_path)}",
             f"The English translation is the {translation_publisher(document)}'s"
             + (f" (translated by {document.translator.text})" if document.translator.recorded else "")
             + f" and subject to its terms; the edition's encoding and apparatus: CC BY 4.0, {edition.licence_url}"]
    if edition.is_preview:
        lines.append(PREVIEW_NOTICE)
    return lines


def document_text(model: EditionModel, document: Document, reading: bool = False) -> str:
    readings = model.edition.bracket_readings

    def text(element: etree._Element) -> str:
        return reading_text(element, readings) if reading else transcription_text(element)

    body = document.text.find("tei:body", NS)
    parts = ["\n".join(_heading(model, document, reading)), *blocks(body, text)]
    return "\n\n".join(parts) + "\n"


def text_files(model: EditionModel) -> dict[str, bytes]:
    return {locations.document_text(d, reading): document_text(model, d, reading).encode("utf-8")
            for d in model.documents for reading in (False, True)}
