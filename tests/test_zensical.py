"""The Markdown tree builds with Zensical, Material's successor: the
document pages carry their text, the translators' brackets and the notes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lxml.html
from conftest import run_module

from build_scripts.model.load import load_model
from build_scripts.model.text import normalise_space

MODEL = load_model()
ZENSICAL = Path(sys.executable).with_name("zensical")


def test_the_markdown_tree_builds_with_zensical(built_site):
    project = built_site.project  # its tree (build/docs) was made by the session's build
    made = run_module("build_scripts.site.zensical_config", "--project", str(project))
    assert made.returncode == 0, made.stderr
    result = subprocess.run([str(ZENSICAL), "build", "-f", str(project / "build" / "zensical.yml")],
                            capture_output=True, text=True, timeout=600, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "build" / "zensical-site"
    for document in MODEL.documents:
        page = lxml.html.parse(str(site / "documents" / document.slug / "index.html")).getroot()
        text = normalise_space(page.text_content())
        first = document.text.xpath(".//tei:body//tei:p[@n='1']", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})[0]
        assert page.get_element_by_id(first.get("{http://www.w3.org/XML/1998/namespace}id")) is not None
        assert document.short_title in text
        units = page.xpath("//div[contains(@class, 'tei-text')]//span[contains(concat(' ', @class, ' '), ' bk ')]")
        assert len(units) == sum(document.bracket_counts().values())
        notes = document.text.xpath(".//tei:note[not(@type='original')]", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
        calls = page.xpath("//sup[starts-with(@id, 'fnref:')]")
        assert notes and len(calls) == len(notes)
        for note in notes[:3]:
            assert page.get_element_by_id("fn:" + note.get("{http://www.w3.org/XML/1998/namespace}id")) is not None
