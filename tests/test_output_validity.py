"""The built output holds together: every page of the site and of its
offline copy is valid HTML (W3C Nu checker, npm vnu-jar on Debian's Java)
and every internal link and #fragment resolves. Small hand-written sites
show that the link checker and the command can fail."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import made_once

from build_scripts.checks import CheckSetupError
from build_scripts.checks.__main__ import main, unpack
from build_scripts.checks.html_validity import check_html, vnu_command
from build_scripts.checks.links import Site, check_links, published_address_of

ZIP = "downloads/crossing-the-border-offline.zip"


def require_vnu() -> None:
    """Fail, never skip: `bash edition.sh test` installs Java and vnu-jar."""
    try:
        vnu_command()
    except CheckSetupError as error:
        pytest.fail(str(error))


def shown(problems) -> str:
    problems = [str(problem) for problem in problems]
    return "\n".join(problems[:40]) + (f"\n... and {len(problems) - 40} more" if len(problems) > 40 else "")


@pytest.fixture(scope="session")
def offline_copy(built_site, tmp_path_factory) -> Path:
    return unpack(built_site.site / ZIP, tmp_path_factory.mktemp("offline-copy"))


@pytest.fixture(scope="session")
def vnu_reports(built_site, offline_copy, tmp_path_factory) -> dict:
    """One JVM for both copies, shared by the test processes."""
    require_vnu()

    def make(_folder: Path) -> dict:
        reports = check_html({"site": built_site.site, "offline": offline_copy})
        return {label: {"pages": report.pages, "errors": [str(p) for p in report.errors],
                        "warnings": len(report.warnings)} for label, report in reports.items()}

    return made_once(tmp_path_factory, "vnu-reports", make)


def test_the_html_checker_is_installed():
    require_vnu()


@pytest.mark.parametrize("copy", ["site", "offline"])
def test_every_page_is_valid_html(vnu_reports, copy):
    report = vnu_reports[copy]
    assert report["pages"] > 50, f"{copy}: only {report['pages']} HTML pages were checked"
    assert report["errors"] == [], f"{copy}: {len(report['errors'])} HTML errors:\n{shown(report['errors'])}"


def test_every_link_of_the_site_holds(built_site):
    published = published_address_of(built_site.site)
    assert published, "the home page states no published address"
    report = check_links(Site(built_site.site, "site"), published)
    assert report.problems == [], shown(report.problems)
    assert report.pages > 50 and report.links > 10 * report.pages and report.fragments > 100
    assert report.exports > 0 and report.export_links > 0, "the citation exports were not read"


def test_every_link_of_the_offline_copy_holds(built_site, offline_copy):
    site = Site(built_site.site, "site")
    report = check_links(Site(offline_copy, "offline", serves_index=False), published_address_of(site.root), site)
    assert report.problems == [], shown(report.problems)
    assert report.pages > 50 and report.links > 10 * report.pages and report.fragments > 100


# The link checker on small hand-written sites.

PUBLISHED = "https://editions.example.net/border/"


def page(body: str, head: str = "") -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>{head}</head>'
            f"<body>{body}</body></html>")


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def sound_site(root: Path) -> Path:
    return write(root, {
        "index.html": page('<a href="documents/">Documents</a> <a href="documents/a/#p1">a, ¶ 1</a> '
                           '<a href="#top">Top</a> <a href="?h=border">Search</a> <a id="here" href="#here">x</a>'
                           '<img src="img/map.png" srcset="img/map.png 1x, img/map.png 2x" alt="">'
                           f'<a href="{PUBLISHED}documents/a/#p2">Cite</a> <a href="https://elsewhere.example.org/x">y</a>',
                           f'<link rel="canonical" href="{PUBLISHED}">'),
        "documents/index.html": page('<a href="a/">a</a> <a href="../index.html#here">home</a> '
                                     '<a href="/border/documents/a/?q=1#p1">a</a>'),
        "documents/a/index.html": page('<p id="p1">One</p><p id="p2">Two</p> <a href="../../">home</a>'),
        "img/map.png": "not really a picture",
        "cite/a.json": json.dumps({"URL": f"{PUBLISHED}documents/a/", "note": f"See {PUBLISHED}documents/a/#p1."}),
    })


def problems_of(root: Path, serves_index: bool = True, published_site: Site | None = None) -> list[str]:
    report = check_links(Site(root, "site", serves_index), PUBLISHED, published_site)
    return [str(problem) for problem in report.problems]


def test_a_sound_site_has_no_broken_link(tmp_path):
    report = check_links(Site(sound_site(tmp_path), "site"), PUBLISHED)
    assert report.problems == []
    assert (report.pages, report.external, report.exports, report.export_links) == (3, 1, 1, 2)
    assert report.links == 16 and report.fragments == 7


def test_the_published_address_is_read_from_the_home_page(tmp_path):
    assert published_address_of(sound_site(tmp_path)) == PUBLISHED


def test_a_broken_fragment_is_found(tmp_path):
    write(sound_site(tmp_path), {"documents/b.html": page('<a name="old"></a><a href="#old">an old anchor</a> '
                                                          '<a href="a/index.html#p3">missing paragraph</a>')})
    assert problems_of(tmp_path) == [
        "site/documents/b.html: broken fragment 'a/index.html#p3': no id 'p3' in documents/a/index.html"]


def test_a_missing_page_is_found(tmp_path):
    write(sound_site(tmp_path), {"documents/b.html": page('<a href="../persons/nobody/">who?</a>'
                                                          '<script src="../assets/gone.js"></script>')})
    assert problems_of(tmp_path) == [
        "site/documents/b.html: broken link '../persons/nobody/': no file persons/nobody/ in site",
        "site/documents/b.html: broken link '../assets/gone.js': no file assets/gone.js in site"]


def test_a_folder_url_needs_an_index_page(tmp_path):
    write(sound_site(tmp_path), {"documents/b.html": page('<a href="../img/">pictures</a>')})
    assert problems_of(tmp_path) == ["site/documents/b.html: broken link '../img/': folder img/ has no index.html"]


def test_a_folder_url_breaks_when_opened_from_disk(tmp_path):
    problems = problems_of(sound_site(tmp_path), serves_index=False)
    assert "site/index.html: broken link 'documents/': documents/ is a folder, which a copy opened from disk " \
           "shows as a listing, not a page" in problems
    assert any("'/border/documents/a/?q=1#p1' starts at the disk's root" in problem for problem in problems)


def test_links_to_the_published_address_are_checked(tmp_path):
    write(sound_site(tmp_path), {
        "documents/b.html": page(f'<a href="{PUBLISHED}documents/c/">gone</a> <a href="{PUBLISHED}#nowhere">x</a>',
                                 f'<script type="application/ld+json">{{"url": "{PUBLISHED}documents/d/"}}</script>'),
        "cite/b.ris": f"TY  - MANSCPT\nUR  - {PUBLISHED}documents/a/#p9\nER  - \n"})
    assert problems_of(tmp_path) == [
        f"site/cite/b.ris: broken fragment '{PUBLISHED}documents/a/#p9': no id 'p9' in documents/a/index.html",
        f"site/documents/b.html: broken link '{PUBLISHED}documents/c/': no file documents/c/ in site",
        f"site/documents/b.html: broken fragment '{PUBLISHED}#nowhere': no id 'nowhere' in index.html",
        f"site/documents/b.html: broken link '{PUBLISHED}documents/d/': no file documents/d/ in site"]


def test_the_offline_copy_s_published_links_are_looked_up_online(tmp_path):
    online = Site(sound_site(tmp_path / "online"), "site")
    offline = write(tmp_path / "offline", {"index.html": page(f'<a href="{PUBLISHED}documents/a/#p1">cite</a>'
                                                              f'<a href="{PUBLISHED}documents/a.html">no</a>')})
    assert problems_of(offline, serves_index=False, published_site=online) == [
        f"site/index.html: broken link '{PUBLISHED}documents/a.html': no file documents/a.html in site"]


def test_links_out_of_the_site_are_broken(tmp_path):
    write(sound_site(tmp_path), {"documents/b.html": page('<a href="../../outside.html">up</a><a href="/other/">o</a>')})
    assert problems_of(tmp_path) == [
        "site/documents/b.html: link '../../outside.html' leads out of the site",
        f"site/documents/b.html: link '/other/' is outside the site's address {PUBLISHED}"]


def test_the_command_reports_each_problem_and_fails(tmp_path, capsys):
    require_vnu()
    write(sound_site(tmp_path), {"documents/b.html": page('<label tabindex="">x</label><a href="c/">c</a>')})
    assert main([str(tmp_path), "--published", PUBLISHED]) == 1
    out = capsys.readouterr().out
    assert "site/documents/b.html: broken link 'c/': no file documents/c/ in site" in out
    assert any(line.startswith("site/documents/b.html: line 1:") and "tabindex" in line for line in out.splitlines())
    assert "site: HTML: 4 pages, 1 errors" in out and "1 broken" in out


def test_the_command_passes_a_sound_site_and_its_offline_zip(tmp_path, capsys):
    require_vnu()
    online = sound_site(tmp_path / "site")
    offline = write(tmp_path / "copy" / "edition-1.0", {"index.html": page('<a href="notes.html#n1">n</a>'),
                                                        "notes.html": page('<p id="n1">Note</p>')})
    archive = tmp_path / "offline.zip"
    shutil.make_archive(str(archive.with_suffix("")), "zip", offline.parent)
    assert main([str(online), "--offline", str(archive)]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "offline: links: 2 pages, 1 internal links, 1 fragments" in out and "0 broken" in out
