"""The site navigation, from the list of the edition's pages (edition_structure.py)."""
from __future__ import annotations

from ..model.load import EditionModel
from .edition_structure import navigation as structure_navigation


def navigation(model: EditionModel) -> list:
    """The site navigation in MkDocs' `nav` format."""
    return structure_navigation(model.years(), lambda div: model.edition.front_matter(div) is not None)
