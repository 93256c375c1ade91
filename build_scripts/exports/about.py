"""The about page's section on the data files: each linked, with one line on
what it is and under which terms it may be reused."""
from __future__ import annotations

from ..markdown import escape
from ..markdown.renderer import Renderer
from ..model.registers import KINDS
from . import locations
from .corpus_zip import tei_version

OURS = "CC BY 4.0: reuse it freely, crediting the edition"
TRANSLATIONS = "the English translations in it remain the Wilson Center Digital Archive's, under that archive's terms"


def _link(renderer: Renderer, label: str, path: str) -> str:
    """A relative link on the site; the published address in a book, which has no files beside it."""
    if renderer.interactive:
        return f"[{escape.text(label)}]({renderer.link(path)})"
    url = renderer.model.edition.published(path)
    return f"{escape.text(label)} ({escape.link(escape.text(url), url)})"


def data_section(renderer: Renderer) -> str:
    csvs = " · ".join(_link(renderer, KINDS[kind][4].lower(), locations.register_csv(kind)) for kind in KINDS)
    items = [
        f"- {_link(renderer, 'The corpus in TEI', locations.TEI_ZIP)} (zip): every TEI file of the edition "
        f"(TEI {escape.text(tei_version())}: the edition, the registers and one file per document) with a README. "
        f"The encoding and apparatus are {OURS}; {TRANSLATIONS}.",
        f"- {_link(renderer, 'The registers in JSON', locations.REGISTERS_JSON)}: every person (with dated offices), "
        f"place (with coordinates where known), organisation and term, with their names, descriptions, sources and "
        f"addresses. {OURS}.",
        f"- The registers in CSV (UTF-8, one table each): {csvs}, with the "
        f"{_link(renderer, 'variant names', locations.VARIANTS_CSV)} and the persons' "
        f"{_link(renderer, 'dated roles', locations.ROLES_CSV)} in tables of their own. {OURS}.",
        f"- {_link(renderer, 'The letters in CMIF', locations.CMIF)}: who sent each cable to whom, and when, in the "
        f"Correspondence Metadata Interchange Format that correspSearch gathers. {OURS}.",
        "- Each document's text as plain UTF-8, as transcribed (every bracket as printed) and as the reading text "
        f"(corrections applied), linked from the document's own page (*About this document*), and all of them in "
        f"the {_link(renderer, 'corpus zip', locations.TEI_ZIP)} as TEI; {TRANSLATIONS}.",
    ]
    return "\n\n".join([
        "## Data for reuse {: #data }",
        "The edition's sources and what it knows, in forms that other programs read. Every file comes from the "
        "same TEI as these pages and changes with each version.",
        "\n".join(items),
    ])
