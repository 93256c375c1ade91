"""Resolution of TEI pointers: `#id`, `prefix:id` (through the file's
prefixDef declarations) and relative `file.xml#id`."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .parser import NS

# Attributes whose values are (space-separated) pointers.
POINTER_ATTRIBUTES = ("ref", "ana", "who", "source", "target", "sameAs", "corresp",
                      "scheme", "resp", "next", "prev")
_GROUP = re.compile(r"\$(\d)")  # $1 in a prefixDef's replacementPattern
_EXTERNAL = re.compile(r"^(https?|mailto|urn|doi):", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    path: Path
    id: str


class PointerError(ValueError):
    """A pointer that cannot be resolved to a file and id."""


def prefix_definitions(tree: etree._ElementTree) -> dict[str, tuple[re.Pattern, str]]:
    definitions = {}
    for prefix_def in tree.iterfind(".//tei:listPrefixDef/tei:prefixDef", NS):
        pattern = re.compile(prefix_def.get("matchPattern", ""))
        definitions[prefix_def.get("ident")] = (pattern, prefix_def.get("replacementPattern", ""))
    return definitions


def is_external(pointer: str) -> bool:
    return bool(_EXTERNAL.match(pointer))


@functools.cache  # one entry per file of the edition and name it uses
def _file(folder: Path, name: str) -> Path:
    """A file named relative to a folder, resolved once (pointers repeat the same few files)."""
    return (folder / name).resolve()


def resolve(pointer: str, path: Path, prefixes: dict[str, tuple[re.Pattern, str]]) -> Target:
    """The file and id a pointer in `path` designates."""
    if pointer.startswith("#"):
        return Target(_file(path.parent, path.name), pointer[1:])
    prefix, colon, rest = pointer.partition(":")
    if colon and prefix in prefixes:
        pattern, replacement = prefixes[prefix]
        match = pattern.fullmatch(rest)
        if not match:
            raise PointerError(f"'{pointer}' does not match the pattern declared for prefix '{prefix}:'")
        pointer = _GROUP.sub(lambda g: match.group(int(g.group(1))) or "", replacement)
    elif colon and not prefix.endswith(".xml"):
        raise PointerError(f"'{pointer}' uses the undeclared prefix '{prefix}:'")
    file_part, hash_, fragment = pointer.partition("#")
    if not hash_ or not fragment:
        raise PointerError(f"'{pointer}' does not point to an id (expected file.xml#id)")
    return Target(_file(path.parent, file_part), fragment)
