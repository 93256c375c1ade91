"""What a release published stays reachable: a build that loses a published
address or anchor fails and names it with its release; a document that
moves keeps its old address as a redirect (its former slug in the TEI), and
a paragraph whose id changed keeps the old id as an alias anchor."""
from __future__ import annotations

import functools
import json
import threading

import pytest
from conftest import QuietServer, _QuietHandler, build_in_process, copy_project

from build_scripts.site.manifest import manifest, write_manifest

CABLE = "1961-05-cable-korean-border-crossings"
MINUTES = "1962-06-26-ji-chervonenko-conversation"
RENAMED = "1961-05-cable-ethnic-koreans"


@pytest.fixture
def released(tmp_path, monkeypatch):
    """A copy of the project whose current site was released as 1.1.0."""
    monkeypatch.setenv("EDITION_DOWNLOADS", "false")  # pages only: what a manifest records
    project = copy_project(tmp_path / "project")
    _, log, _, error = build_in_process(project, tmp_path / "released-site")
    assert error is None, log
    write_manifest(project, manifest(tmp_path / "released-site", "1.1.0", "2026-11-25", "https://example.org/"))
    return project


def build(project, site):
    _, log, _, error = build_in_process(project, site)
    return error, log


def test_a_release_records_every_page_and_anchor(released):
    record = json.loads((released / "releases" / "1.1.0.json").read_text(encoding="utf-8"))
    assert "xj1962-p7" in record["pages"][f"documents/{MINUTES}/"]
    assert f"documents/{CABLE}/" in record["pages"] and "persons/ji-pengfei/" in record["pages"]
    assert not any(url.startswith(("assets/", "search/")) for url in record["pages"])


def test_a_lost_paragraph_id_fails_the_build_until_an_alias_anchor_keeps_it(released, tmp_path):
    document = released / "tei" / "documents" / f"{MINUTES}.xml"
    source = document.read_text(encoding="utf-8")
    document.write_text(source.replace('xml:id="xj1962-p7"', 'xml:id="xj1962-p7b"'), encoding="utf-8")
    error, log = build(released, tmp_path / "site")
    assert error is not None
    assert f"documents/{MINUTES}/#xj1962-p7 was published in release 1.1.0" in log, log
    assert not (tmp_path / "site").exists()  # nothing half-written
    document.write_text(source.replace('xml:id="xj1962-p7" n="7">', 'xml:id="xj1962-p7b" n="7"><anchor xml:id="xj1962-p7"/>'),
                        encoding="utf-8")
    error, log = build(released, tmp_path / "site")
    assert error is None, f"{error}\n{log}"


def rename_cable(project, keep_old: bool) -> None:
    """Give the cable a new slug; with keep_old, record the old one as its former slug."""
    old = project / "tei" / "documents" / f"{CABLE}.xml"
    text = old.read_text(encoding="utf-8").replace(f"doc-{CABLE}", f"doc-{RENAMED}")
    text = text.replace(f'<idno type="slug">{CABLE}</idno>', f'<idno type="slug">{RENAMED}</idno>'
                        + (f'\n        <idno type="former-slug">{CABLE}</idno>' if keep_old else ""))
    (project / "tei" / "documents" / f"{RENAMED}.xml").write_text(text, encoding="utf-8")
    old.unlink()
    for other in (project / "tei").rglob("*.xml"):  # pointers to the file follow it
        content = other.read_text(encoding="utf-8")
        if f"{CABLE}.xml" in content:
            content = content.replace(f"{CABLE}.xml", f"{RENAMED}.xml").replace(f"#doc-{CABLE}", f"#doc-{RENAMED}")
            other.write_text(content, encoding="utf-8")


def test_a_renamed_document_without_its_former_slug_fails_the_build(released, tmp_path):
    rename_cable(released, keep_old=False)
    error, log = build(released, tmp_path / "site")
    assert error is not None and f"documents/{CABLE}/ was published in release 1.1.0 and is gone" in log, log


def test_a_renamed_document_keeps_its_old_address_and_anchors(released, tmp_path, browser):
    rename_cable(released, keep_old=True)
    site = tmp_path / "site"
    error, log = build(released, site)
    assert error is None, f"{error}\n{log}"
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/documents/{CABLE}/#kor1961-p2")
        page.wait_for_url(f"**/documents/{RENAMED}/#kor1961-p2")
        assert "is-highlighted" in page.locator("#kor1961-p2").get_attribute("class")
        page.close()
    finally:
        server.shutdown()
