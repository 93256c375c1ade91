"""The whole corpus as one zip of its TEI files, with a README and a licence
note. The same sources give the same bytes (fixed times and permissions,
sorted entries), so the tree's byte comparison and the offline copy's
cache see no change when nothing changed."""
from __future__ import annotations

import functools
import io
import re
import zipfile

from ..model.address import PREVIEW_NOTICE
from ..model.load import EditionModel
from ..tei.schema import schema_path
from . import locations

FOLDER = "crossing-the-border-tei"   # one folder, so that unzipping scatters nothing


@functools.cache
def tei_version() -> str:
    """The TEI P5 release the files are validated against, as tei_all.rng states it."""
    try:
        with open(schema_path(), encoding="utf-8") as schema:
            head = schema.read(2000)
    except OSError:
        return "P5"
    match = re.search(r"TEI Edition:\s*Version\s+([0-9][0-9.]*[0-9])", head)  # \s: the file has a no-break space
    return f"P5 {match.group(1)}" if match else "P5"


def corpus_files(model: EditionModel) -> dict[str, bytes]:
    """Path in the zip (below FOLDER) -> the source file's bytes, unchanged."""
    corpus = model.corpus
    files = {"edition.xml": corpus.edition.path.read_bytes(), "registers.xml": corpus.registers.path.read_bytes()}
    files.update({f"documents/{d.path.name}": d.path.read_bytes() for d in model.documents})
    return files


def readme(model: EditionModel) -> str:
    edition = model.edition
    lines = [
        f"{edition.full_title}",
        f"Version {edition.version} ({edition.version_date})",
        f"Published at {edition.url}",
        f"This file: {edition.published(locations.TEI_ZIP)}",
        "",
        "What the files are",
        "- edition.xml: the edition as a whole: title, version, licence, the taxonomies of brackets and",
        "  document types, the bibliography the notes cite, the editors' own prose and the change log.",
        "- registers.xml: the persons (with dated offices), places (with coordinates where known),",
        "  organisations and glossary terms that the documents point to with reg:ID.",
        "- documents/<slug>.xml: one file per document: the English translation as transcribed, every",
        "  bracket of the translator typed, with the editors' headnote, notes and corrections.",
        "",
        f"The files are TEI {tei_version()} XML (UTF-8) and valid against tei_all. A document's",
        "pointers (reg:, edn:) resolve through its listPrefixDef, relative to the documents/ folder, so",
        "keep the folders as they are.",
        "",
        "Licence",
        "The encoding and the editors' apparatus (introductions, headnotes, notes, registers, glossary)",
        "are published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0):",
        f"{edition.licence_url}",
        "The English translations are those of the Wilson Center Digital Archive and remain subject to",
        "that archive's terms; they are not covered by the edition's licence. See LICENSE.txt.",
    ]
    if edition.is_preview:
        lines += ["", PREVIEW_NOTICE]
    return "\n".join(lines) + "\n"


def licence(model: EditionModel) -> str:
    edition = model.edition
    return "\n".join([
        f"{edition.full_title}, version {edition.version}",
        f"Copyright: {edition.publisher}.",
        "",
        "The TEI encoding and the edition's own apparatus (introductions, headnotes, notes, registers,",
        "glossary and teaching guide) are licensed under Creative Commons Attribution 4.0 International",
        f"(CC BY 4.0): {edition.licence_url}",
        "You may share and adapt them for any purpose, provided you credit the edition (its title,",
        f"version and address, {edition.url}), link to the licence and say whether you changed anything.",
        "",
        "The English translations transcribed in documents/ are the Wilson Center Digital Archive's.",
        "They are not licensed by the edition; their reuse is subject to that archive's terms.",
    ]) + "\n"


def _entry(name: str, date: tuple[int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=(*date, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3                  # the same on every platform that builds it
    info.external_attr = 0o100644 << 16     # a plain file, readable by all
    return info


def corpus_zip(model: EditionModel) -> bytes:
    # Dated by the edition's version, not the build, so a rebuild gives the same bytes.
    parts = [int(part) for part in model.edition.version_date[:10].split("-")] + [1, 1]
    date = (max(parts[0], 1980), parts[1], parts[2])  # zip cannot date a file before 1980
    files = {**corpus_files(model), "README.txt": readme(model).encode("utf-8"),
             "LICENSE.txt": licence(model).encode("utf-8")}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            archive.writestr(_entry(name, date), files[name], compresslevel=9)
    return buffer.getvalue()
