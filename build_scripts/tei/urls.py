"""Every address in the sources is a web address (http or https) or a
pointer inside the edition: anything else (javascript:, data:, file: ...)
would run or open something when a reader follows it, so it is refused."""
from __future__ import annotations

import re

from lxml import etree

from ..errors import Problem
from .corpus import TeiFile
from .parser import TEI_NS
from .pointers import prefix_definitions

# Attributes holding addresses or pointers, and the elements whose text is an address.
URL_ATTRIBUTES = ("target", "url", "facs", "ref", "corresp", "sameAs", "source", "scheme", "resp",
                  "who", "ana", "next", "prev")
URL_TEXT = {(f"{{{TEI_NS}}}idno", "URL")}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_WEB = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)


def _problem(tei: TeiFile, element: etree._Element, field: str, value: str, why: str) -> Problem:
    shown = value if len(value) < 80 else value[:77] + "…"
    return Problem(tei.path, element.sourceline, "url-scheme",
                   f"{field} is \"{shown}\": {why}; only http: and https: addresses and the edition's own "
                   "pointers are allowed")


def check_addresses(tei: TeiFile) -> list[Problem]:
    prefixes = set(prefix_definitions(tei.tree))
    problems = []
    for element in tei.root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        for attribute in URL_ATTRIBUTES:
            for token in (element.get(attribute) or "").split():
                scheme = _SCHEME.match(token)
                if not scheme or scheme.group(1) in prefixes:
                    continue
                if scheme.group(1).lower() not in ("http", "https"):
                    problems.append(_problem(tei, element, f"@{attribute} on <{name}>", token,
                                             f"the address uses {scheme.group(1)}:"))
                elif not _WEB.match(token):
                    problems.append(_problem(tei, element, f"@{attribute} on <{name}>", token, "not a web address"))
        if (element.tag, element.get("type")) in URL_TEXT and element.get("ana") != "edn:not-recorded":
            value = "".join(element.itertext()).strip()
            if not _WEB.match(value):
                problems.append(_problem(tei, element, f"the text of <{name} type=\"{element.get('type')}\">", value,
                                         "not a web address"))
    return problems
