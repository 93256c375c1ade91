"""The validation command: the edition is valid, and every kind of bad input
is refused with a message naming file, line and rule, a non-zero exit, no
traceback and no change to the sources."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from conftest import run_module

VALIDATE = "build_scripts.tei.validate"
CABLE = "documents/1961-05-cable-korean-border-crossings.xml"
MINUTES = "documents/1962-06-26-ji-chervonenko-conversation.xml"
EDITION = "edition.xml"


def test_edition_is_valid():
    result = run_module(VALIDATE)
    assert result.returncode == 0, result.stderr
    assert "VALID: 4 files (2 documents)" in result.stdout
    for name in ("edition.xml", "registers.xml", CABLE, MINUTES):
        assert f"tei/{name}: valid (TEI P5 tei_all, project rules)" in result.stdout


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            sha.update(path.name.encode() + path.read_bytes())
    return sha.hexdigest()


def edit(tei_copy: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = tei_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def write_document(tei_copy: Path, name: str, content: bytes) -> None:
    (tei_copy / "documents" / name).write_bytes(content)


XXE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&secret;</p></body></text></TEI>
"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol9;</p></body></text></TEI>
"""

# name: (how to break a copy of tei/, file named in the message, expected line, rule);
# the expected line is a number, or a text found on that line of the broken file.
BAD_INPUTS = {
    "malformed XML": (lambda t: edit(t, CABLE, "<closer xml:id=\"kor1961-closer\">", "<closer xml:id=\"kor1961-closer\"><oops>"),
                      CABLE, None, "well-formed"),
    "not TEI": (lambda t: write_document(t, "stray.xml", b"<?xml version='1.0'?>\n<html><body/></html>\n"),
                "documents/stray.xml", 2, "tei-root"),
    "invalid against tei_all": (lambda t: (edit(t, MINUTES, "<stage type=\"business\"", "<stagey type=\"business\""),
                                           edit(t, MINUTES, "</stage>", "</stagey>")),
                                MINUTES, None, "tei_all"),
    "dangling reference": (lambda t: edit(t, CABLE, 'ref="reg:pl-anshan"', 'ref="reg:pl-nowhere"'),
                           CABLE, None, "pointer-resolves"),
    "pointer to the wrong kind of entry": (lambda t: edit(t, CABLE, 'ref="reg:pl-anshan"', 'ref="reg:t-yuan"'),
                                           CABLE, None, "pointer-kind"),
    "duplicate id in one file": (lambda t: edit(t, MINUTES, 'xml:id="xj1962-sp4"', 'xml:id="xj1962-sp3"'),
                                 MINUTES, 'xml:id="xj1962-sp3" who="reg:per-chervonenko"', "id-unique"),
    "duplicate id across files": (lambda t: edit(t, MINUTES, 'xml:id="xj1962-pb1"', 'xml:id="per-ji-pengfei"'),
                                  MINUTES, None, "id-unique"),
    "untyped bracket": (lambda t: edit(t, CABLE, "has continued to grow daily.", "has continued to grow [daily]."),
                        CABLE, None, "bracket-typed"),
    "unbalanced bracket": (lambda t: edit(t, CABLE, '<pc type="bracket">[</pc>organized<pc type="bracket">]</pc>',
                                          '<pc type="bracket">[</pc>organized'),
                           CABLE, None, "bracket-balanced"),
    "bracket without category": (lambda t: edit(t, CABLE, '<supplied ana="edn:bk-word"><pc type="bracket">[</pc>organized',
                                                '<supplied><pc type="bracket">[</pc>organized'),
                                 CABLE, None, "bracket-untyped"),
    "missing header field": (lambda t: edit(t, MINUTES, '<note type="credit">This document was made possible with support from MacArthur Foundation</note>', ''),
                             MINUTES, None, "header-credit"),
    "impossible date": (lambda t: edit(t, MINUTES, '<date when="1962-06-07">', '<date when="1962-06-31">'),
                        MINUTES, None, "tei_all"),
    "dates out of order": (lambda t: edit(t, CABLE, '<date from="1961-01" to="1961-04">', '<date from="1961-04" to="1961-01">'),
                           CABLE, None, "date-order"),
    "speaker turn without a person": (lambda t: edit(t, MINUTES, '<sp xml:id="xj1962-sp4" who="reg:per-chervonenko">', '<sp xml:id="xj1962-sp4">'),
                                      MINUTES, None, "speaker-person"),
    "web source without the date consulted": (
        lambda t: edit(t, EDITION, ', consulted <date type="accessed" when="2026-11-25">25 November 2026</date>. The address in',
                       '. The address in'),
        EDITION, 'xml:id="src-wcda-121676"', "source-consulted"),
    "note citing a withdrawn source": (lambda t: edit(t, CABLE, 'source="edn:src-wcda-consular-2">Not identified.',
                                                      'source="edn:src-people-zhang">Not identified.'),
                                       CABLE, None, "source-withdrawn"),
    "document without a citation title": (lambda t: edit(t, MINUTES, '<title type="citation">Transcript of a Meeting</title>', ''),
                                          MINUTES, None, "header-citation-title"),
    "external entity (XXE)": (lambda t: write_document(t, "xxe.xml", XXE), "documents/xxe.xml", 2, "doctype"),
    "billion laughs": (lambda t: write_document(t, "laughs.xml", LAUGHS), "documents/laughs.xml", 2, "doctype"),
    "not UTF-8": (lambda t: (t / CABLE).write_bytes((t / CABLE).read_text(encoding="utf-8").encode("latin-1", "replace")),
                  CABLE, None, "encoding"),
    "empty file": (lambda t: write_document(t, "empty.xml", b""), "documents/empty.xml", 1, "empty-file"),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=str)
def test_bad_input_is_refused_clearly(case, tei_copy):
    breaker, file_name, line, rule = BAD_INPUTS[case]
    breaker(tei_copy)
    before = digest(tei_copy)
    result = run_module(VALIDATE, "--tei-dir", str(tei_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    expected_file = re.escape(str(tei_copy / file_name))
    match = re.search(rf"^{expected_file}:(\d+): \[{re.escape(rule)}\] .+", result.stderr, re.MULTILINE)
    assert match, f"no '{rule}' message naming {file_name} with a line:\n{result.stderr}"
    if isinstance(line, str):
        lines = (tei_copy / file_name).read_text(encoding="utf-8").splitlines()
        line = next(number for number, text in enumerate(lines, 1) if line in text)
    if line is not None:
        assert int(match.group(1)) == line
    assert "INVALID:" in result.stderr
    assert digest(tei_copy) == before, "validation changed the sources"


def test_xxe_content_never_appears(tei_copy):
    write_document(tei_copy, "xxe.xml", XXE)
    result = run_module(VALIDATE, "--tei-dir", str(tei_copy))
    assert "root:" not in result.stdout + result.stderr  # no line of /etc/passwd leaked
