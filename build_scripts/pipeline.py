"""The stages run in order for one build: validated sources -> model ->
citations -> Markdown pages. MkDocs (through the plugin) and the stand-alone
commands share this, so they always build the same edition."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cite.citations import Citations, cite_edition
from .markdown.page import Page
from .markdown.site_pages import render_pages
from .model.load import EditionModel, load_model


@dataclass
class Prepared:
    model: EditionModel
    citations: Citations
    pages: list[Page]


def prepare(tei_dir: Path, offline: bool = False) -> Prepared:
    """Everything the outputs are made from; EditionError if the sources are invalid."""
    model = load_model(tei_dir)
    citations = cite_edition(model)
    return Prepared(model, citations, render_pages(model, citations, offline=offline))
