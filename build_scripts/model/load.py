"""Read the validated TEI into the edition's model, once per build."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..paths import TEI_DIR
from ..tei.corpus import Corpus
from ..tei.parser import XML_ID
from ..tei.validate import load_valid_edition
from ..tei.validation_cache import ValidationCache
from .documents import Document, read_document
from .edition import Edition, read_edition
from .mentions import Occurrence, index_occurrences
from .registers import Registers, read_registers


@dataclass(frozen=True)
class EditionModel:
    corpus: Corpus
    edition: Edition
    registers: Registers
    documents: tuple[Document, ...]          # in chronological order
    occurrences: dict[str, list[Occurrence]]

    def document(self, slug: str) -> Document:
        return next(d for d in self.documents if d.slug == slug)

    def years(self) -> list[int]:
        return sorted({d.year for d in self.documents})

    @functools.cached_property
    def documents_by_path(self) -> dict[Path, Document]:
        """The documents by the resolved path of their file (what a resolved pointer names)."""
        return {document.path.resolve(): document for document in self.documents}

    @functools.cached_property
    def units(self) -> dict[str, tuple[Document, etree._Element]]:
        """Every element with an xml:id in the documents' texts, by id, with its document."""
        return {node.get(XML_ID): (document, node) for document in self.documents
                for node in document.tei.root.iter() if isinstance(node.tag, str) and node.get(XML_ID)}


def build_model(corpus: Corpus) -> EditionModel:
    documents = sorted((read_document(tei) for tei in corpus.documents), key=lambda d: (d.date, d.slug))
    return EditionModel(corpus, read_edition(corpus.edition.root), read_registers(corpus.registers.root),
                        tuple(documents), index_occurrences(documents))


def load_model(tei_dir: Path = TEI_DIR) -> EditionModel:
    """Validate the sources (EditionError on any problem; results cached by
    content), then read them."""
    return build_model(load_valid_edition(tei_dir, ValidationCache()))
