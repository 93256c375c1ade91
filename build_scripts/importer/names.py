"""Names of the registers found in an imported text, linked to their
entries: every name and variant of every person, place, organisation and
term, longest first, as whole words, in text that no other element (a
bracket, a name already linked) holds."""
from __future__ import annotations

import re

from lxml import etree

from ..model.registers import Registers
from ..tei.parser import TEI_NS

TAGS = {"person": "persName", "place": "placeName", "org": "orgName", "term": "term"}
# text inside these is left alone: the translator's marks, names already linked, stage directions
CLOSED = {f"{{{TEI_NS}}}{t}" for t in ("pc", "persName", "placeName", "orgName", "term", "rs", "date", "gap", "label")}
MIN_LENGTH = 4  # shorter forms ("Ji", "Yu") are too often other words or other people


def _pattern(registers: Registers) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    forms: dict[str, tuple[str, str]] = {}
    for entry in registers.entries.values():
        for name in entry.names:
            text = " ".join(name.text.split())
            if len(text) >= MIN_LENGTH and "[" not in text and text not in forms:
                forms[text] = (entry.kind, entry.id)
    alternatives = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in alternatives) + r")(?![\w-])"), forms


def link_names(root: etree._Element, registers: Registers) -> int:
    """Wraps every register name in the element's open text; returns how many."""
    pattern, forms = _pattern(registers)
    count = 0
    for element in list(root.iter(etree.Element)):
        if element.tag in CLOSED or any(a.tag in CLOSED for a in element.iterancestors()):
            continue
        count += _link_in(element, "text", pattern, forms)
        for child in list(element):  # a tail is the parent's text, even after a closed element
            count += _link_in(child, "tail", pattern, forms)
    return count


def _link_in(node: etree._Element, attribute: str, pattern: re.Pattern[str], forms: dict[str, tuple[str, str]]) -> int:
    text = getattr(node, attribute)
    if not text or not pattern.search(text):
        return 0
    pieces = pattern.split(text)  # text, name, text, name, …, text
    setattr(node, attribute, pieces[0])
    anchor, count = node, 0
    for index in range(1, len(pieces), 2):
        kind, entry_id = forms[pieces[index]]
        name = etree.Element(f"{{{TEI_NS}}}{TAGS[kind]}", ref=f"reg:{entry_id}")
        name.text, name.tail = pieces[index], pieces[index + 1]
        if attribute == "text" and anchor is node:
            node.insert(0, name)
        else:
            anchor.addnext(name)
        anchor, count = name, count + 1
    return count
