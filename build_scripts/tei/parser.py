"""Hardened loading of TEI files.

The sources are read as bytes and refused before parsing when they are
empty, not UTF-8, declare another encoding, or declare a DOCTYPE (the only
way to smuggle in external entities or an entity-expansion bomb). Line ends
are normalised first (as every XML parser does), so that a file saved with
old Mac line ends reports problems at their real lines. The parser itself is
configured so that, even if a declaration got through, it would resolve no
entity, load no DTD and touch no network; libxml2's own limits (nesting
depth, text size) stay on.
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
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF8_NAMES = {"utf-8", "utf8"}
_BOM = b"\xef\xbb\xbf"


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


def normalise_line_ends(data: bytes) -> bytes:
    """CR LF and lone CR become LF, as the XML specification requires of every parser."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def _check_bytes(path: Path, data: bytes) -> None:
    if not data.strip():
        raise EditionError([Problem(path, 1, "empty-file", "the file is empty")])
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EditionError([Problem(
            path, _line_of(data, error.start), "encoding",
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}): "
            "save it as UTF-8",
        )]) from None
    declared = _ENCODING.match(data.removeprefix(_BOM))
    if declared and declared.group(1).decode().lower() not in _UTF8_NAMES:
        raise EditionError([Problem(
            path, 1, "encoding",
            f"the XML declaration says encoding=\"{declared.group(1).decode()}\", but the edition's sources are "
            "UTF-8 (and this file's bytes are): declare encoding=\"UTF-8\" or leave the encoding out",
        )])
    match = _DECLARATION.search(data)
    if match:
        raise EditionError([Problem(
            path, _line_of(data, match.start()), "doctype",
            f"<!{match.group(1).decode().upper()}> declarations are not allowed in the sources "
            "(they can load external entities or expand without limit)",
        )])


def parse_bytes(path: Path, data: bytes) -> etree._ElementTree:
    """Parse the bytes of a TEI file, refusing anything unsafe or malformed."""
    data = normalise_line_ends(data)
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


def read_source(path: Path) -> bytes:
    """The bytes of a source file, which must be a regular file (not a link, a
    pipe or a folder): a link could publish a file from outside the edition,
    and reading a pipe would wait for ever."""
    path = Path(path)
    if path.is_symlink():
        where = "a missing file" if not path.exists() else str(path.resolve())
        raise EditionError([Problem(path, None, "not-a-file",
                                    f"the source is a symbolic link (to {where}); sources must be regular files "
                                    "inside tei/: copy the file here instead")])
    if not path.exists():
        raise EditionError([Problem(path, None, "missing-file", "required file is missing")])
    if not path.is_file():
        raise EditionError([Problem(path, None, "not-a-file",
                                    "the source is not a regular file (a folder, pipe or device): remove it or "
                                    "replace it with a TEI file")])
    try:
        return path.read_bytes()
    except OSError as error:
        raise EditionError([Problem(path, None, "read", f"cannot read the file: {error.strerror}")]) from None


def parse_file(path: Path) -> etree._ElementTree:
    """Read and parse one TEI file."""
    return parse_bytes(Path(path), read_source(path))
