"""Where each data file lives in the site: defined here once, so that the
tree, the about page, the sitemap and the tests agree."""
from __future__ import annotations

from ..model.documents import Document
from ..model.load import EditionModel
from ..model.registers import KINDS

DATA = "data"
TEI_ZIP = f"{DATA}/crossing-the-border-tei.zip"
REGISTERS_JSON = f"{DATA}/registers.json"
VARIANTS_CSV = f"{DATA}/variant-names.csv"   # every name besides the main one, one row each
ROLES_CSV = f"{DATA}/roles.csv"      # the persons' dated offices and states, one row each
CMIF = f"{DATA}/cmif.xml"


def register_csv(kind: str) -> str:
    """One CSV per kind, named as the site's folder for it (persons.csv...)."""
    return f"{DATA}/{KINDS[kind][3]}.csv"


def document_text(document: Document, reading: bool = False) -> str:
    return f"{DATA}/texts/{document.slug}{'-reading' if reading else ''}.txt"


def data_paths(model: EditionModel) -> list[str]:
    """Every data file's site path (for the sitemap)."""
    paths = [TEI_ZIP, REGISTERS_JSON, *(register_csv(kind) for kind in KINDS), VARIANTS_CSV, ROLES_CSV, CMIF]
    paths += [document_text(d, reading) for d in model.documents for reading in (False, True)]
    return paths
