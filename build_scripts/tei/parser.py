"""Hardened loading of TEI files.

The sources are read as bytes and refused before parsing when they are
empty, not UTF-8, or declare a DOCTYPE (the only way to smuggle in external
entities or an entity-expansion bomb). The parser itself is configured so
that, even if a declaration got through, it would resolve no entity, load no
DTD and touch no network.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import EditionError, Problem

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"tei": TEI_NS, "xml": XML_NS}
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)\b", re.IGNORECASE)


def _hardened_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
    )


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _check_bytes(path: Path, data: bytes) -> None:
    if not data.strip():
        raise EditionError([Problem(path, 1, "empty-file", "the file is empty")])
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EditionError([Problem(
            path, _line_of(data, error.start), "encoding",
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})",
        )]) from None
    match = _DECLARATION.search(data)
    if match:
        raise EditionError([Problem(
            path, _line_of(data, match.start()), "doctype",
            f"<!{match.group(1).decode().upper()}> declarations are not allowed in the sources "
            "(they can load external entities or expand without limit)",
        )])


def parse_bytes(path: Path, data: bytes) -> etree._ElementTree:
    """Parse the bytes of a TEI file, refusing anything unsafe or malformed."""
    _check_bytes(path, data)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _hardened_parser(), base_url=str(path)))
    except etree.XMLSyntaxError as error:
        line = error.lineno or (error.position[0] if error.position else None)
        if "already defined" in error.msg:  # libxml2 checks xml:id uniqueness while parsing
            raise EditionError([Problem(path, line, "id-unique", f"duplicate xml:id: {error.msg}")]) from None
        raise EditionError([Problem(path, line, "well-formed", f"malformed XML: {error.msg}")]) from None
    root = tree.getroot()
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise EditionError([Problem(
            path, root.sourceline, "tei-root",
            f"not a TEI document: the root element is <{etree.QName(root).localname}>"
            f" in namespace '{etree.QName(root).namespace or ''}', expected <TEI> in {TEI_NS}",
        )])
    return tree


def parse_file(path: Path) -> etree._ElementTree:
    """Read and parse one TEI file."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise EditionError([Problem(Path(path), None, "read", f"cannot read the file: {error.strerror}")]) from None
    return parse_bytes(Path(path), data)
