"""Import a Wilson Center transcription as a TEI document of the edition.

    python -m build_scripts.importer FILE [--slug SLUG] [--force] [--tei-dir DIR]
    bash edition.sh import FILE [--slug SLUG] [--force]

Reads the transcription (see sources.py for the three forms accepted),
writes tei/documents/<slug>.xml, the record's bibliography entry in
tei/edition.xml and stub entries in tei/registers.xml for the people and
bodies it names that the registers lack, and prints the report: what was filled, every unit flagged
for review, what the editor must still write, and the prose that counts or
names the documents. The new files are validated in a copy of the sources
first: if the document is not valid TEI, or the input is bad, nothing is
written and the command exits 1 with the file and line of the problem.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from ..errors import EditionError, Problem
from ..fingerprint import write_atomic
from ..model.load import build_model
from ..paths import TEI_DIR
from ..tei.validate import load_valid_edition, validate_edition
from ..tei.validation_cache import ValidationCache
from .bibliography import listed_as, with_record_entry
from .document import make_document
from .report import report
from .sources import read_record, refused
from .stubs import with_stubs


def run(source: Path, tei_dir: Path, slug: str | None, force: bool) -> str:
    """Import `source`; returns the report. EditionError on bad input."""
    record = read_record(source)
    model = build_model(load_valid_edition(tei_dir, ValidationCache()))
    edition_xml = (tei_dir / "edition.xml").read_text(encoding="utf-8")
    listed = listed_as(edition_xml, record.fields.get("url"))
    imported = make_document(record, model.registers, {d.key for d in model.documents}, slug,
                             source_id=lambda key: listed or f"src-wcda-{key}")
    target = tei_dir / "documents" / f"{imported.slug}.xml"
    if target.exists() and not force:
        raise refused(source, 0, f"{target.name} exists already: choose another --slug, or --force to replace it")
    edition_xml = with_record_entry(edition_xml, record, imported)
    registers_xml = with_stubs((tei_dir / "registers.xml").read_text(encoding="utf-8"), imported.new_persons,
                               imported.new_orgs)
    problems = _trial(tei_dir, target.name, imported.xml, edition_xml, registers_xml)
    broken = [p for p in problems if p.rule == "tei_all" or p.rule.startswith("xml")]
    if broken:  # never leave a document the schema refuses
        raise EditionError(broken)
    write_atomic(target, imported.xml.encode("utf-8"))
    write_atomic(tei_dir / "edition.xml", edition_xml.encode("utf-8"))
    write_atomic(tei_dir / "registers.xml", registers_xml.encode("utf-8"))
    return report(record, imported, target, problems, tei_dir)


def _trial(tei_dir: Path, name: str, document: str, edition_xml: str, registers_xml: str):
    """Validation of the sources as they will be, in a copy."""
    with tempfile.TemporaryDirectory(prefix="edition-import-") as temporary:
        trial = Path(temporary) / "tei"
        shutil.copytree(tei_dir, trial)
        (trial / "documents" / name).write_text(document, encoding="utf-8")
        (trial / "edition.xml").write_text(edition_xml, encoding="utf-8")
        (trial / "registers.xml").write_text(registers_xml, encoding="utf-8")
        _, problems = validate_edition(trial)
        # the real files' names, not the trial copy's
        return [Problem(tei_dir / p.path.relative_to(trial), p.line, p.rule, p.message) for p in problems]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--slug", help="the document's slug (default: its date and title words)")
    parser.add_argument("--force", action="store_true", help="replace a document of the same slug")
    parser.add_argument("--tei-dir", type=Path, default=TEI_DIR)
    args = parser.parse_args(argv)
    try:
        print(run(args.file, args.tei_dir, args.slug, args.force))
    except EditionError as error:
        print(f"import: nothing written.\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
