"""Dated errata: every correction to a published note, paragraph or entry is
a `change[@type='correction']` in edition.xml with its date, the version it
first appears in and what it corrected, and the change log page shows each.
The identifiers below are those a claim-by-claim fact check found wrong or
overstated in version 1.0.0; each must have a dated correction."""
from __future__ import annotations

import re

from lxml import html

from build_scripts.model.load import load_model
from build_scripts.tei.parser import NS, XML_ID

MODEL = load_model()
CORRECTED_IN_1_1_0 = (
    "kor1961-n9", "pl-liaoning", "pl-jilin", "kor1961-n11", "pl-andong", "kor1961-hn2", "kor1961-n10", "kor1961-hn3",
    "xj1962-n4", "pl-ussr", "xj1962-n11", "per-sanfirov", "src-100test-sanfirov", "xj1962-hn2", "pl-tianjin",
    "intro-p8", "src-lee-1962", "src-zubok-cwihp", "src-proquest-2242744245", "src-wcda-xinjiang-fao", "xj1962-hn1",
    "xj1962-n8", "per-yu-zhan", "intro-p2", "kor1961-n26", "xj1962-n1", "xj1962-n22", "intro-p1",
)


def _corrections():
    root = MODEL.corpus.edition.root
    return root.findall(".//tei:revisionDesc/tei:change[@type='correction']", NS)


def _target_ids(change) -> set[str]:
    return {target.split("#")[-1].split(":")[-1] for target in change.get("target", "").split()}


def _all_ids() -> set[str]:
    return {e.get(XML_ID) for tei in MODEL.corpus.files for e in tei.root.iter() if e.get(XML_ID)}


def test_every_correction_is_dated_versioned_and_points_at_what_it_corrected():
    corrections = _corrections()
    assert corrections
    known = _all_ids()
    for change in corrections:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", change.get("when", "")), change.text
        assert re.fullmatch(r"\d+\.\d+\.\d+", change.get("n", "")), change.text
        assert _target_ids(change) and _target_ids(change) <= known, _target_ids(change) - known


def test_the_fact_checks_corrections_are_all_in_the_change_log():
    corrected = {i for change in _corrections() if change.get("n") == "1.1.0" for i in _target_ids(change)}
    assert [i for i in CORRECTED_IN_1_1_0 if i not in corrected] == []


def test_the_change_log_page_shows_each_correction_with_its_date_and_version(built_site):
    page = html.parse(str(built_site.site / "changelog" / "index.html"))
    text = " ".join(page.getroot().text_content().split())
    for change in _corrections():
        words = " ".join("".join(change.itertext()).split())
        assert words[:60] in text, words[:60]
    assert "25 November 2026" in text and "1.1.0" in text
