"""Project rules on the shape of the sources, checked in Python because
they must stay linear in the size of a file (in Schematron they grew with
the square of a document's length): every bracket of the transcription
typed, paragraph numbers unique in a document, nesting that the pages can
render, and slugs that do not take the address of a generated page."""
from __future__ import annotations

import re

from lxml import etree

from ..errors import Problem
from .corpus import TeiFile
from .parser import NS

# Deeper nesting than this inside <text> cannot be a transcription; the
# renderer would also run out of stack on it.
MAX_DEPTH = 64
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Addresses of pages the edition generates in documents/ and in each register folder.
RESERVED_SLUGS = re.compile(r"^(index|\d{4})$")


_T = f"{{{NS['tei']}}}"
_BRACKET = re.compile(r"[\[\]]")


def _outside_transcription(element: etree._Element) -> bool:
    """Brackets may stand in the edition's own notes, corrections and front matter."""
    for node in (element, *element.iterancestors()):
        if node.tag == f"{_T}note" and node.get("type") != "original":
            return True
        if node.tag in (f"{_T}corr", f"{_T}front"):
            return True
    return False


def check_brackets_typed(tei: TeiFile) -> list[Problem]:
    """Every square bracket of the transcription is a <pc type="bracket"> of its own."""
    text = tei.root.find("tei:text", NS)
    if text is None or not (tei.root.get("{http://www.w3.org/XML/1998/namespace}id") or "").startswith("doc-"):
        return []
    problems = []
    for element in text.iter():
        if not isinstance(element.tag, str):
            continue
        for owner, value in ((element, element.text), (element.getparent(), element.tail)):
            if owner is None or not value or not _BRACKET.search(value):
                continue
            if (owner.tag == f"{_T}pc" and owner.get("type") == "bracket" and value is owner.text) \
                    or _outside_transcription(owner):
                continue
            problems.append(Problem(tei.path, owner.sourceline, "bracket-typed",
                                    f"a square bracket stands in the running text of <{etree.QName(owner).localname}> "
                                    f"(\"{' '.join(value.split())}\"): put each bracket in <pc type=\"bracket\"> inside "
                                    "an element typed with @ana=\"edn:bk-…\""))
    return problems


def check_paragraph_numbers(tei: TeiFile) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int | None] = {}
    for body in tei.root.iterfind("tei:text/tei:body", NS):
        for paragraph in body.iter(f"{{{NS['tei']}}}p"):
            number = paragraph.get("n")
            if number is None:
                continue
            if number in seen:
                problems.append(Problem(tei.path, paragraph.sourceline, "paragraph-number-unique",
                                        f"paragraph number {number} is already used at line {seen[number]}"))
            else:
                seen[number] = paragraph.sourceline
    return problems


def check_depth(tei: TeiFile) -> list[Problem]:
    """Nesting depth, measured without recursion (a hostile file may be deep)."""
    stack = [(tei.root, 0)]
    while stack:
        element, depth = stack.pop()
        if depth > MAX_DEPTH:
            return [Problem(tei.path, element.sourceline, "nesting-depth",
                            f"elements are nested more than {MAX_DEPTH} deep here (<{etree.QName(element).localname}>): "
                            "a transcription never needs this; flatten the markup")]
        stack.extend((child, depth + 1) for child in element if isinstance(child.tag, str))
    return []


def check_slug(tei: TeiFile) -> list[Problem]:
    idno = tei.root.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='slug']", NS)
    if idno is None:
        return []
    slug = (idno.text or "").strip()
    if not SLUG.match(slug):
        return [Problem(tei.path, idno.sourceline, "slug-form",
                        f"the slug \"{slug}\" must be lower-case letters and digits joined by hyphens")]
    if RESERVED_SLUGS.match(slug):
        return [Problem(tei.path, idno.sourceline, "slug-reserved",
                        f"the slug \"{slug}\" is the address of a page the edition generates (the list of "
                        "documents or a year): add the date and a short title, e.g. 1962-08-03-cable-consulates")]
    return []


def check_register_slugs(tei: TeiFile) -> list[Problem]:
    """A register entry's page is its id without the prefix: 'per-index' would replace the persons index."""
    problems = []
    for element in tei.root.iter():
        xml_id = element.get("{http://www.w3.org/XML/1998/namespace}id") if isinstance(element.tag, str) else None
        if xml_id and re.match(r"^(per|pl|org|t)-(index)$", xml_id):
            problems.append(Problem(tei.path, element.sourceline, "slug-reserved",
                                    f"the id \"{xml_id}\" would take the address of its register's index page"))
    return problems


def document_structure(tei: TeiFile) -> list[Problem]:
    """The rules of this module that read one document alone."""
    return check_brackets_typed(tei) + check_paragraph_numbers(tei) + check_slug(tei)
