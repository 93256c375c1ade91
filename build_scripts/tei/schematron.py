"""The project's single-file rules (rules.sch), run with lxml's ISO Schematron."""
from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree, isoschematron

from ..errors import Problem

RULES = Path(__file__).with_name("rules.sch")
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@functools.cache
def _schematron() -> isoschematron.Schematron:
    # No svrl:fired-rule in the report: one per checked node, for nothing (problems are failed asserts).
    return isoschematron.Schematron(etree.parse(str(RULES)), store_report=True,
                                    compile_params={"generate-fired-rule": "'false'"})


def _line(tree: etree._ElementTree, location: str) -> int | None:
    """The source line of the node an SVRL location points to."""
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return None
    node = found[0] if found else None
    if isinstance(node, etree._ElementUnicodeResult):  # a text or attribute node: report its element
        node = node.getparent()
    return getattr(node, "sourceline", None)


def check_rules(path: Path, tree: etree._ElementTree) -> list[Problem]:
    schematron = _schematron()
    if schematron.validate(tree):
        return []
    problems = []
    for failure in schematron.validation_report.iterfind(".//svrl:failed-assert", SVRL):
        message = " ".join("".join(failure.find("svrl:text", SVRL).itertext()).split())
        rule = failure.get("id") or "rule"
        problems.append(Problem(path, _line(tree, failure.get("location")), rule, message))
    return problems
