"""Writing generated pages and downloadable TEI files into a folder."""
from __future__ import annotations

import shutil
from pathlib import Path

from ..model.load import EditionModel
from .page import Page


def tei_downloads(model: EditionModel) -> dict[str, Path]:
    """Site path -> source file of every TEI file offered for download."""
    corpus = model.corpus
    files = {"tei/edition.xml": corpus.edition.path, "tei/registers.xml": corpus.registers.path}
    files.update({f"tei/documents/{d.slug}.xml": d.path for d in model.documents})
    return files


def write_pages(model: EditionModel, pages: list[Page], out: Path, files: dict[str, str] | None = None) -> None:
    """Write the pages, the generated `files` (site path -> text) and the TEI downloads."""
    texts = {page.path: page.markdown for page in pages} | (files or {})
    for site_path, text in texts.items():
        target = out / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for site_path, source in tei_downloads(model).items():
        target = out / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
