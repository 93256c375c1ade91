"""The staged build redoes only what an edit touches: a second run with
nothing changed validates, renders and prints nothing; an edited document
gives one document page rendered again, only the files whose bytes changed
rewritten, and only that document's PDF, its volume and the EPUB made again."""
from __future__ import annotations

import io
import logging
import re
import uuid

import pytest
from conftest import copy_project
from pypdf import PdfReader

from build_scripts.markdown import links
from build_scripts.model import volumes
from build_scripts.paths import Project
from build_scripts.stages.downloads import make_downloads
from build_scripts.stages.tree import make_tree

CABLE = "1961-05-cable-korean-border-crossings"
MINUTES = "1962-06-26-ji-chervonenko-conversation"
SENTENCE = "Living arrangements have also not been properly arranged."
# A new text on every run: the caches are shared, and this edit must be new to them.
MARK = uuid.uuid4().hex[:10]
EDITED = f"Living arrangements have also not been properly arranged (edited {MARK})."


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def stage_lines(caplog) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.edition")


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def project(tmp_path, monkeypatch):
    # Two documents of different years count as a large edition here, so
    # that the PDF comes in volumes (1961 and 1962) as it would at 40+.
    monkeypatch.setattr(volumes, "VOLUME_THRESHOLD", 1)
    return Project.at(copy_project(tmp_path / "project"))


def test_an_edit_rebuilds_only_what_depends_on_it(project, caplog):
    caplog.set_level(logging.INFO)
    tree = make_tree(project)
    first = make_downloads(project, tree, workers=2)
    assert first is not None
    volume_1961, volume_1962 = links.volume_pdf("1961"), links.volume_pdf("1962")
    assert {o.job.path for o in first.outcomes} == {
        links.edition_pdf(), links.edition_epub(), volume_1961, volume_1962,
        f"downloads/documents/{CABLE}.pdf", f"downloads/documents/{MINUTES}.pdf"}
    before = snapshot(project.tree)

    # nothing changed: nothing validated, rendered or written
    caplog.clear()
    make_downloads(project, make_tree(project))
    lines = stage_lines(caplog)
    assert re.search(r"^sources .*unchanged: nothing validated, rendered or written", lines, re.M), lines
    assert re.search(r"^downloads .*unchanged: no PDF or EPUB work", lines, re.M), lines
    assert snapshot(project.tree) == before

    # one document edited
    source = project.tei_dir / "documents" / f"{CABLE}.xml"
    source.write_text(source.read_text(encoding="utf-8").replace(SENTENCE, EDITED), encoding="utf-8")
    caplog.clear()
    tree = make_tree(project)
    lines = stage_lines(caplog)
    assert re.search(r"^validate .*files checked: 1 of 4", lines, re.M), lines
    assert re.search(r"^pages .*document pages rendered: 1 of 2", lines, re.M), lines
    after = snapshot(project.tree)
    rewritten = {path for path in after if path not in before or after[path][1] != before[path][1]}
    changed = {path for path in after if path not in before or after[path][0] != before[path][0]}
    assert rewritten == changed, "a file was rewritten with the same bytes"
    assert {f"documents/{CABLE}.md", f"tei/documents/{CABLE}.xml", ".fingerprint"} <= changed
    assert f"documents/{MINUTES}.md" not in changed
    assert EDITED.replace("(", "\\(").replace(")", "\\)") in after[f"documents/{CABLE}.md"][0].decode("utf-8")

    second = make_downloads(project, tree, workers=2)
    assert second is not None
    rendered = {o.job.path for o in second.outcomes if o.work == "rendered"}
    assert rendered == {f"downloads/documents/{CABLE}.pdf", volume_1961, links.edition_epub()}, second.summary()
    assert {o.job.path for o in second.outcomes if o.work == "reused"} == {
        f"downloads/documents/{MINUTES}.pdf", volume_1962}
    edition = next(o for o in second.outcomes if o.job.path == links.edition_pdf())
    assert edition.work == "assembled", "the edition's contents did not change, so its PDF was not rendered"
    assert f"properly arranged (edited {MARK})." in pdf_text((project.tree / f"downloads/documents/{CABLE}.pdf").read_bytes())
    assert f"properly arranged (edited {MARK})." in pdf_text((project.tree / volume_1961).read_bytes())
    assert "Volume 1961" in pdf_text((project.tree / links.edition_pdf()).read_bytes())
