"""The pipeline as a user runs it: the converter on its own, MkDocs driving
it, `mkdocs serve` re-rendering on a TEI change, and a broken source that
leaves the previous site untouched."""
from __future__ import annotations

import hashlib
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import build_in_process, copy_project, run_module
from lxml import etree

from build_scripts.markdown.renderer import Renderer
from build_scripts.model.load import load_model

CABLE = "tei/documents/1961-05-cable-korean-border-crossings.xml"
MINUTES = "tei/documents/1962-06-26-ji-chervonenko-conversation.xml"


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        sha.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            sha.update(path.read_bytes())
    return sha.hexdigest()


def test_markdown_stage_runs_on_its_own_and_skips_when_nothing_changed(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_module("build_scripts.build", "markdown", "--project", str(project))
    assert result.returncode == 0, result.stderr
    tree = project / "build" / "docs"
    model = load_model()
    for document in model.documents:
        page = (tree / "documents" / f"{document.slug}.md").read_text(encoding="utf-8")
        assert page.startswith("---\ntitle: ")
        assert f"{{: #{document.key}-p1 .para" in page
        assert "## Cite this document" in page  # citations formatted by citeproc-js
        assert "\n@inbook{" in (tree / "cite" / f"{document.slug}.bib").read_text(encoding="utf-8")
    assert (tree / "glossary" / "index.md").exists()
    assert (tree / "tei" / "registers.xml").read_bytes() == (project / "tei" / "registers.xml").read_bytes()
    assert (tree / "assets" / "stylesheets" / "brackets.css").exists()
    assert re.search(r"^markdown +[\d.]+ s", result.stderr, re.M)
    again = run_module("build_scripts.build", "markdown", "--project", str(project))
    assert again.returncode == 0, again.stderr
    assert re.search(r"^sources +[\d.]+ s +\(unchanged: nothing validated, rendered or written\)", again.stderr, re.M)
    assert not re.search(r"^(validate|model|pages|markdown) ", again.stderr, re.M)


def test_unknown_element_keeps_its_text_and_warns():
    model = load_model()
    renderer = Renderer(model, "index.md")
    element = etree.fromstring('<p xmlns="http://www.tei-c.org/ns/1.0">before <unknownThing>kept text</unknownThing> after</p>')
    rendered = renderer.render(element)
    assert "before kept text after" in rendered
    assert renderer.warnings and "no behaviour for <unknownThing>" in renderer.warnings[0]


def build_after_edit(tmp_path, built_site, file: str, old: str, new: str) -> tuple[str, str, object, bool]:
    """Edit a copy of the project, then build it (pages only) into a folder
    that holds a previous site. Returns the log, stderr, the error, and
    whether the previous site is exactly as it was."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    shutil.copytree(built_site.site, site)  # the previous site, which a failed build must keep
    before = digest(site)
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    _, log, err, error = build_in_process(project, site)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "a half-written folder was left"
    return log, err, error, digest(site) == before


def test_unknown_element_fails_the_strict_build_and_keeps_the_site(tmp_path, built_site, monkeypatch):
    monkeypatch.setenv("EDITION_DOWNLOADS", "false")
    # <unclear> is valid TEI, but the processing model has no behaviour for it.
    log, _, error, kept = build_after_edit(tmp_path, built_site, MINUTES, "Well, you should have sent them back.",
                                           "Well, you should have <unclear>sent</unclear> them back.")
    assert error is not None
    assert re.search(r"1962-06-26-ji-chervonenko-conversation\.xml:\d+: no behaviour for <unclear>", log)
    assert re.search(r"\d+ warning\(s\) in strict mode: the previous site in .* is kept", log)
    assert kept, "a failed strict build replaced the site"


def test_invalid_tei_leaves_the_previous_site_untouched(tmp_path, built_site, monkeypatch):
    monkeypatch.setenv("EDITION_DOWNLOADS", "false")
    log, err, error, kept = build_after_edit(tmp_path, built_site, CABLE, 'ref="reg:pl-anshan"', 'ref="reg:pl-atlantis"')
    assert error is not None
    assert re.search(r"1961-05-cable-korean-border-crossings\.xml:\d+: \[pointer-resolves\]", str(error) + log)
    assert "Traceback" not in log + err
    assert kept, "the build replaced the site"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_status(url: str) -> tuple[int | None, str | None]:
    """The status and body of a response, errors included (a 404 page has a body too)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return None, None


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    return None


def test_serve_shows_problems_then_rerenders_when_a_tei_file_changes(tmp_path):
    """The live preview: invalid sources give a page listing the problems (not
    a hang), a fix brings the edition back, and an edit re-renders it; the
    page tells readers the published address, not the preview's."""
    project = copy_project(tmp_path / "project")
    cable = project / CABLE
    valid = cable.read_text(encoding="utf-8")
    cable.write_text(valid.replace('ref="reg:pl-anshan"', 'ref="reg:pl-atlantis"'), encoding="utf-8")
    port = free_port()
    home = f"http://127.0.0.1:{port}/"
    url = f"{home}documents/1962-06-26-ji-chervonenko-conversation/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                               "--dev-addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        problems = wait_for(lambda: fetch(home), 240)
        assert problems and "The sources are not valid" in problems
        assert re.search(r"1961-05-cable-korean-border-crossings\.xml:\d+: \[pointer-resolves\]", problems)
        assert "The sources are not valid" in (fetch_status(url)[1] or ""), "other addresses show the problems too"
        cable.write_text(valid, encoding="utf-8")
        first = wait_for(lambda: "had previously negotiated" in (fetch(url) or "") and fetch(url), 240)
        assert first and "It is also our hope that this is the case." in first
        published = load_model().edition.published("documents/1962-06-26-ji-chervonenko-conversation.md")
        assert f'<meta name="edition-permanent-url" content="{published}">' in first
        assert "127.0.0.1" not in re.search(r'<link rel="canonical" href="([^"]+)"', first).group(1)
        minutes = project / MINUTES
        minutes.write_text(minutes.read_text(encoding="utf-8").replace(
            "It is also our hope that this is the case.", "It is also our hope that this is the case, edited."),
            encoding="utf-8")
        updated = wait_for(lambda: "this is the case, edited." in (fetch(url) or ""), 240)
        assert updated, "the served page was not re-rendered after the TEI changed"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_failed_offline_copy_leaves_no_half_written_site(tmp_path, monkeypatch):
    """A failure after the pages are written (here, the offline copy) is one
    clear message, and no folder is left beside the previous site."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from build_scripts.errors import EditionError, Problem
    from build_scripts.markdown import links
    from build_scripts.site import plugin

    def failing_offline_copy(config_file, tree, target):
        raise EditionError([Problem(Path(config_file), None, "offline-build", "the offline copy could not be built")])

    monkeypatch.setattr(plugin, "make_offline", failing_offline_copy)
    def placeholder_downloads(project, tree):  # the PDFs are not what this test is about
        model = load_model(project.tei_dir)
        for path in [links.edition_pdf(), links.edition_epub(), *(links.document_pdf(d) for d in model.documents)]:
            (tree.folder / path).parent.mkdir(parents=True, exist_ok=True)
            (tree.folder / path).write_bytes(b"placeholder")

    monkeypatch.setattr(plugin, "make_downloads", placeholder_downloads)
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    records = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        try:
            build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
            raised = None
        except Exception as error:  # noqa: BLE001 - the build must stop
            raised = error
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert raised is not None
    assert any("[offline-build] the offline copy could not be built" in r for r in records), records
    assert not any("Traceback" in r for r in records)
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "a half-written folder was left"
