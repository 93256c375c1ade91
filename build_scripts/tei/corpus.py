"""The edition's TEI files, found and parsed: edition.xml, registers.xml and
one file per document under documents/."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import EditionError, Problem
from .parser import parse_file

EDITION_FILE = "edition.xml"
REGISTERS_FILE = "registers.xml"
DOCUMENTS_DIR = "documents"


@dataclass(frozen=True)
class TeiFile:
    path: Path
    tree: etree._ElementTree

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()


@dataclass(frozen=True)
class Corpus:
    tei_dir: Path
    edition: TeiFile
    registers: TeiFile
    documents: tuple[TeiFile, ...]

    @property
    def files(self) -> tuple[TeiFile, ...]:
        return (self.edition, self.registers, *self.documents)


def source_paths(tei_dir: Path) -> list[Path]:
    """Every TEI file of the edition, in a stable order."""
    tei_dir = Path(tei_dir)
    return [tei_dir / EDITION_FILE, tei_dir / REGISTERS_FILE,
            *sorted((tei_dir / DOCUMENTS_DIR).glob("*.xml"))]


def parse_corpus(tei_dir: Path) -> tuple[Corpus | None, list[Problem]]:
    """Parse every file; report all that fail rather than stopping at the first."""
    parsed: dict[Path, TeiFile] = {}
    problems: list[Problem] = []
    paths = source_paths(tei_dir)
    for path in paths:
        try:
            parsed[path] = TeiFile(path, parse_file(path))
        except EditionError as error:
            problems.extend(error.problems)
    if problems:
        return None, problems
    edition, registers, *documents = (parsed[p] for p in paths)
    if not documents:
        problems.append(Problem(Path(tei_dir) / DOCUMENTS_DIR, None, "no-documents",
                                "the edition has no documents"))
        return None, problems
    return Corpus(Path(tei_dir), edition, registers, tuple(documents)), []
