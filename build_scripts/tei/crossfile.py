"""Project rules that look across files: ids unique in the whole edition,
every pointer resolves (to an entry of the right kind), dates are real
dates in order, and each document file is named by its slug."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lxml import etree

from ..errors import Problem
from .corpus import Corpus, TeiFile
from .parser import NS, TEI_NS, XML_ID
from .pointers import POINTER_ATTRIBUTES, PointerError, is_external, prefix_definitions, resolve

DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")
_DATE = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?$")

# Which kind of register entry a mention must point to.
_EXPECTED_TARGET = {
    ("persName", "ref"): "person",
    ("sp", "who"): "person",
    ("placeName", "ref"): "place",
    ("orgName", "ref"): "org",
    ("term", "ref"): "entry",
}
_RS_TARGET = {"person": "person", "place": "place", "org": "org"}


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _elements(tei: TeiFile):
    return (e for e in tei.root.iter() if isinstance(e.tag, str))


def _index_ids(corpus: Corpus) -> tuple[dict[tuple[Path, str], etree._Element], list[Problem]]:
    index: dict[tuple[Path, str], etree._Element] = {}
    first_seen: dict[str, tuple[TeiFile, etree._Element]] = {}
    problems = []
    for tei in corpus.files:
        resolved = tei.path.resolve()
        for element in _elements(tei):
            xml_id = element.get(XML_ID)
            if xml_id is None:
                continue
            if xml_id in first_seen:
                other_file, other = first_seen[xml_id]
                problems.append(Problem(
                    tei.path, element.sourceline, "id-unique",
                    f"the id '{xml_id}' is already used in {other_file.path.name}:{other.sourceline};"
                    " ids must be unique across the whole edition"))
                continue
            first_seen[xml_id] = (tei, element)
            index[(resolved, xml_id)] = element
    return index, problems


def _expected_kind(element: etree._Element, attribute: str) -> str | None:
    name = _local(element)
    if name == "rs" and attribute == "ref":
        return _RS_TARGET.get(element.get("type", ""))
    return _EXPECTED_TARGET.get((name, attribute))


# One XPath per pointer attribute: much faster than asking every element for
# each attribute. Never one union of them: libxml2 merges the node sets of a
# union with a duplicate check that grows with the square of the file.
_POINTER_QUERIES = tuple(etree.XPath(f"//@{name}") for name in POINTER_ATTRIBUTES)


def _pointer_values(tree) -> list:
    """The file's pointer attributes, in the order of their lines (problems are reported in that order)."""
    values = [value for query in _POINTER_QUERIES for value in query(tree)]
    return sorted(values, key=lambda value: value.getparent().sourceline or 0)


def _check_pointers(corpus: Corpus, index) -> list[Problem]:
    problems = []
    for tei in corpus.files:
        prefixes = prefix_definitions(tei.tree)
        for value in _pointer_values(tei.tree):
            element, attribute = value.getparent(), value.attrname
            if attribute == "scheme" and _local(element) == "rendition":
                continue  # a rendition's scheme names a language (css), not a pointer
            for pointer in value.split():
                if not is_external(pointer):
                    problems += _pointer_problems(tei, element, attribute, pointer, prefixes, index)
    return problems


def _pointer_problems(tei: TeiFile, element: etree._Element, attribute: str, pointer: str, prefixes,
                      index) -> list[Problem]:
    try:
        target = resolve(pointer, tei.path, prefixes)
    except PointerError as error:
        return [Problem(tei.path, element.sourceline, "pointer-syntax", str(error))]
    found = index.get((target.path, target.id))
    if found is None:
        return [Problem(tei.path, element.sourceline, "pointer-resolves",
                        f"@{attribute}=\"{pointer}\" on <{_local(element)}> points to nothing:"
                        f" no xml:id '{target.id}' in {target.path.name}")]
    problems = []
    if attribute == "source" and _local(found) == "bibl" and found.get("subtype") == "withdrawn":
        problems.append(Problem(tei.path, element.sourceline, "source-withdrawn",
                                f"@source cites '{target.id}', which is withdrawn from the bibliography: cite the "
                                "source that replaces it (its entry names it)"))
    kind = _expected_kind(element, attribute)
    if kind and _local(found) != kind:
        problems.append(Problem(tei.path, element.sourceline, "pointer-kind",
                                f"@{attribute}=\"{pointer}\" on <{_local(element)}> must point to a <{kind}>"
                                f" entry, but '{target.id}' is a <{_local(found)}>"))
    return problems


def parse_date(value: str) -> tuple[int, ...] | None:
    """The date as a comparable tuple, or None if it is not a real ISO date."""
    match = _DATE.match(value)
    if not match:
        return None
    parts = [int(p) for p in match.groups() if p is not None]
    year, month, day = (parts + [1, 1])[:3]
    try:
        dt.date(year if year > 0 else 1, month, day)
        if len(parts) > 3:
            hour, minute, second = (parts[3:] + [0, 0])[:3]
            dt.time(hour, minute, second)
    except ValueError:
        return None
    return tuple(parts)


def _check_dates(corpus: Corpus) -> list[Problem]:
    problems = []
    for tei in corpus.files:
        for element in _elements(tei):
            parsed: dict[str, tuple[int, ...] | None] = {}
            for attribute in DATE_ATTRIBUTES:
                value = element.get(attribute)
                if value is None or etree.QName(element).namespace != TEI_NS:
                    continue
                if _local(element) in ("locus", "citedRange", "measure") and attribute in ("from", "to"):
                    continue  # page numbers, not dates
                parsed[attribute] = parse_date(value)
                if parsed[attribute] is None:
                    problems.append(Problem(tei.path, element.sourceline, "date-valid",
                                            f"@{attribute}=\"{value}\" is not a valid ISO date"))
            for start, end in (("from", "to"), ("notBefore", "notAfter")):
                first, last = parsed.get(start), parsed.get(end)
                if first and last and first > last[:len(first)]:
                    problems.append(Problem(tei.path, element.sourceline, "date-order",
                                            f"@{start}=\"{element.get(start)}\" is after @{end}=\"{element.get(end)}\""))
    return problems



def _check_file_names(corpus: Corpus) -> list[Problem]:
    problems = []
    for tei in corpus.documents:
        slug = tei.root.findtext("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='slug']",
                                 namespaces=NS)
        if slug and tei.path.name != f"{slug}.xml":
            problems.append(Problem(tei.path, tei.root.sourceline, "file-name",
                                    f"a document file is named by its slug: expected {slug}.xml"))
    return problems


def check_across_files(corpus: Corpus) -> list[Problem]:
    index, problems = _index_ids(corpus)
    problems += _check_pointers(corpus, index)
    problems += _check_dates(corpus)
    problems += _check_file_names(corpus)
    return problems
