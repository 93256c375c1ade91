"""Hostile and odd input that must be refused: each case breaks a copy of the
project the way an attacker or a careless editor would, then runs validation
and the build in this process. Each must give one clear
`file:line: [rule] message`, a non-zero exit and no traceback, leave the
previous site untouched (and no half-written folder beside it), and leave
the sources unchanged. Accepted hostile text is tested in
test_hostile_text.py."""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
from conftest import build_in_process, run_in_thread

from build_scripts.paths import copy_project
from build_scripts.tei import validate

CABLE = "documents/1961-05-cable-korean-border-crossings.xml"
MINUTES = "documents/1962-06-26-ji-chervonenko-conversation.xml"
EDITION = "edition.xml"
REGISTERS = "registers.xml"


def validate_in_process(tei: Path):
    return run_in_thread(validate.main, ["--tei-dir", str(tei)])


def test_edition_is_valid():
    from build_scripts.paths import TEI_DIR
    code, out, err, error = validate_in_process(TEI_DIR)
    assert error is None and code == 0, err
    assert "VALID: 4 files (2 documents)" in out
    for name in ("edition.xml", "registers.xml", CABLE, MINUTES):
        assert f"tei/{name}: valid (TEI P5 tei_all, project rules)" in out


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            sha.update(path.name.encode() + os.readlink(path).encode())
        elif path.is_file():
            sha.update(path.name.encode() + path.read_bytes())
        else:
            sha.update(path.name.encode())
    return sha.hexdigest()


def edit(tei: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = tei / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def write_document(tei: Path, name: str, content: bytes) -> None:
    (tei / "documents" / name).write_bytes(content)


def rename_document(tei: Path, old_slug: str, new_slug: str) -> None:
    path = tei / "documents" / f"{old_slug}.xml"
    text = path.read_text(encoding="utf-8").replace(old_slug, new_slug)
    path.unlink()
    (tei / "documents" / f"{new_slug}.xml").write_text(text, encoding="utf-8")


def nest(tei: Path, depth: int) -> None:
    edit(tei, MINUTES, "We have no intention of absorbing them",
         "<hi>" * depth + "We have no intention" + "</hi>" * depth + " of absorbing them")


def outside_link(tei: Path) -> None:
    secret = tei.parent / "outside.xml"
    secret.write_bytes((tei / CABLE).read_bytes())
    (tei / "documents" / "linked.xml").symlink_to(secret)


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
# the expected line is a number, a text found on that line of the broken file, or None (any line).
BAD_INPUTS = {
    "malformed XML": (lambda t: edit(t, CABLE, "<closer xml:id=\"kor1961-closer\">", "<closer xml:id=\"kor1961-closer\"><oops>"),
                      CABLE, None, "well-formed"),
    "not TEI": (lambda t: write_document(t, "stray.xml", b"<?xml version='1.0'?>\n<html><body/></html>\n"),
                "documents/stray.xml", 2, "tei-root"),
    "invalid against tei_all": (lambda t: (edit(t, MINUTES, "<stage type=\"business\"", "<stagey type=\"business\""),
                                           edit(t, MINUTES, "</stage>", "</stagey>")),
                                MINUTES, None, "tei_all"),
    "dangling reference": (lambda t: edit(t, CABLE, 'ref="reg:pl-anshan"', 'ref="reg:pl-nowhere"'),
                           CABLE, 'ref="reg:pl-nowhere"', "pointer-resolves"),
    "pointer to the wrong kind of entry": (lambda t: edit(t, CABLE, 'ref="reg:pl-anshan"', 'ref="reg:t-yuan"'),
                                           CABLE, None, "pointer-kind"),
    "duplicate id in one file": (lambda t: edit(t, MINUTES, 'xml:id="xj1962-sp4"', 'xml:id="xj1962-sp3"'),
                                 MINUTES, 'xml:id="xj1962-sp3" who="reg:per-chervonenko"', "id-unique"),
    "duplicate id across files": (lambda t: edit(t, MINUTES, 'xml:id="xj1962-pb1"', 'xml:id="per-ji-pengfei"'),
                                  MINUTES, None, "id-unique"),
    "untyped bracket": (lambda t: edit(t, CABLE, "has continued to grow daily.", "has continued to grow [daily]."),
                        CABLE, "has continued to grow [daily]", "bracket-typed"),
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
    "UTF-16": (lambda t: (t / CABLE).write_bytes((t / CABLE).read_text(encoding="utf-8").encode("utf-16")),
               CABLE, None, "encoding"),
    "empty file": (lambda t: write_document(t, "empty.xml", b""), "documents/empty.xml", 1, "empty-file"),
    # -- hostile and odd input ---------------------------------------------------------------
    "javascript: address of the source": (
        lambda t: edit(t, MINUTES, '<idno type="URL">https://digitalarchive.umd.edu/document/121676</idno>',
                       '<idno type="URL">javascript:alert(document.domain)</idno>'),
        MINUTES, "javascript:alert", "url-scheme"),
    "javascript: licence": (lambda t: edit(t, EDITION, 'target="https://creativecommons.org/licenses/by/4.0/"',
                                           'target="javascript:alert(1)"'), EDITION, "javascript:alert(1)", "url-scheme"),
    "data: link in the bibliography": (lambda t: edit(t, EDITION, '<ref target="https://en.wikipedia.org/wiki/Dandong">',
                                            '<ref target="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">'),
                             EDITION, "data:text/html", "url-scheme"),
    "file: address in the bibliography": (lambda t: edit(t, EDITION, '<ref target="https://en.wikipedia.org/wiki/Pak_Song-chol">',
                                                         '<ref target="file:///etc/passwd">'),
                                          EDITION, "file:///etc/passwd", "url-scheme"),
    "address split by a tab": (lambda t: edit(t, MINUTES, '<idno type="URL">https://digitalarchive.umd.edu/document/121676</idno>',
                                              '<idno type="URL">java\tscript:alert(1)</idno>'),
                               MINUTES, "<idno type=\"URL\">java", "url-scheme"),
    "encoding declaration that lies": (lambda t: edit(t, CABLE, '<?xml version="1.0" encoding="UTF-8"?>',
                                                      '<?xml version="1.0" encoding="ISO-8859-1"?>'),
                                       CABLE, 1, "encoding"),
    "nesting 250 deep": (lambda t: nest(t, 250), MINUTES, "We have no intention", "nesting-depth"),
    "nesting beyond the parser's limit": (lambda t: nest(t, 300), MINUTES, None, "well-formed"),
    "slug of the documents index": (lambda t: rename_document(t, "1961-05-cable-korean-border-crossings", "index"),
                                    "documents/index.xml", '<idno type="slug">index</idno>', "slug-reserved"),
    "slug of a year page": (lambda t: rename_document(t, "1961-05-cable-korean-border-crossings", "1962"),
                            "documents/1962.xml", '<idno type="slug">1962</idno>', "slug-reserved"),
    "register entry named index": (lambda t: (edit(t, REGISTERS, 'xml:id="per-secretary-jin"', 'xml:id="per-index"'),
                                              edit(t, CABLE, 'reg:per-secretary-jin', 'reg:per-index', 2)),
                                   REGISTERS, 'xml:id="per-index"', "slug-reserved"),
    "paragraph number used twice": (lambda t: edit(t, MINUTES, 'xml:id="xj1962-p4" n="4"', 'xml:id="xj1962-p4" n="3"'),
                                    MINUTES, 'xml:id="xj1962-p4" n="3"', "paragraph-number-unique"),
    "symbolic link to a file outside the edition": (outside_link, "documents/linked.xml", None, "not-a-file"),
    "dangling symbolic link": (lambda t: (t / "documents" / "gone.xml").symlink_to(t / "nowhere.xml"),
                               "documents/gone.xml", None, "not-a-file"),
    "named pipe": (lambda t: os.mkfifo(t / "documents" / "pipe.xml"), "documents/pipe.xml", None, "not-a-file"),
    "folder named like a document": (lambda t: (t / "documents" / "folder.xml").mkdir(),
                                     "documents/folder.xml", None, "not-a-file"),
    "old Mac line ends": (lambda t: (edit(t, CABLE, 'ref="reg:pl-anshan"', 'ref="reg:pl-nowhere"'),
                                     (t / CABLE).write_bytes((t / CABLE).read_bytes().replace(b"\n", b"\r"))),
                          CABLE, 'ref="reg:pl-nowhere"', "pointer-resolves"),
}


@pytest.fixture
def project(tmp_path):
    """A private copy of the project, a previous site beside it, and their fingerprints."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the previous site</p>", encoding="utf-8")
    return project


@pytest.mark.parametrize("case", BAD_INPUTS, ids=str)
def test_bad_input_is_refused_clearly(case, project):
    tei, site = project / "tei", project.parent / "site"
    breaker, file_name, line, rule = BAD_INPUTS[case]
    breaker(tei)
    before, site_before = digest(tei), digest(site)
    code, out, err, error = validate_in_process(tei)
    assert error is None, f"validation raised {error!r}"
    assert code == 1 and "Traceback" not in out + err
    expected_file = re.escape(str(tei / file_name))
    match = re.search(rf"^{expected_file}(?::(\d+))?: \[{re.escape(rule)}\] .+", err, re.MULTILINE)
    assert match, f"no '{rule}' message naming {file_name}:\n{err}"
    if isinstance(line, str):
        lines = (tei / file_name).read_text(encoding="utf-8").splitlines()
        line = next(number for number, text in enumerate(lines, 1) if line in text)
    if line is not None:
        assert match.group(1) and int(match.group(1)) == line, match.group(0)
    assert "INVALID:" in err
    _, out, err, error = build_in_process(project, site)
    assert error is not None, "the build went ahead with invalid sources"
    assert f"[{rule}]" in out + err, "the build does not say why it stopped"
    assert digest(site) == site_before, "the previous site was changed"
    assert not any(p.name.endswith((".partial", ".previous")) for p in site.parent.iterdir())
    assert digest(tei) == before, "validation or the build changed the sources"


def test_xxe_content_never_appears(tmp_path):
    tei = copy_project(tmp_path / "project") / "tei"
    write_document(tei, "xxe.xml", XXE)
    _, out, err, _ = validate_in_process(tei)
    assert "root:" not in out + err  # no line of /etc/passwd leaked


def test_invisible_characters_are_reported_but_accepted(tmp_path):
    tei = copy_project(tmp_path / "project") / "tei"
    edit(tei, MINUTES, "We have no intention of absorbing them", "We have no \u202eintention\u200b of absorbing them")
    code, out, err, error = validate_in_process(tei)
    assert error is None and code == 0, err
    lines = (tei / MINUTES).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "\u202eintention" in text)
    assert f"{tei / MINUTES}:{line}: [invisible-character] warning:" in err
    assert "RIGHT-TO-LEFT OVERRIDE" in err and "ZERO WIDTH SPACE" in err


def test_at_least_32_kinds_of_hostile_or_odd_input_are_covered():
    from hostile_fields import HOSTILE_FIELDS
    assert len(BAD_INPUTS) + len(HOSTILE_FIELDS) + 1 >= 32
