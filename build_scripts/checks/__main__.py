"""python -m build_scripts.checks SITE_DIR [--offline ZIP] [--published URL]

Checks the built site (and the zipped offline copy): HTML validity with the
W3C Nu checker, then every internal link and fragment. One line per problem
('page: problem'), then the counts; exit status 1 if anything is wrong."""
from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import TextIO

from build_scripts.checks import CheckSetupError, Problem
from build_scripts.checks.html_validity import check_html
from build_scripts.checks.links import LinkReport, Site, check_links, published_address_of


def unpack(archive: Path, into: Path) -> Path:
    """The offline copy's root: the zip holds one folder with index.html."""
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(into)
    roots = [path.parent for path in into.glob("*/index.html")] or [into]
    return roots[0]


def run(site_dir: Path, offline_zip: Path | None, published: str | None, out: TextIO | None = None) -> int:
    """All checks; the number of problems (raises CheckSetupError without Java or vnu)."""
    out = out or sys.stdout
    site = Site(site_dir, "site")
    published = published or published_address_of(site_dir)
    if published is None:
        print(f"{site_dir}: no published address on the home page; give it with --published", file=out)
        return 1
    with tempfile.TemporaryDirectory(prefix="offline-") as temporary:
        sites = [site]
        if offline_zip is not None:
            sites.append(Site(unpack(offline_zip, Path(temporary)), "offline", serves_index=False))
        html = check_html({each.label: each.root for each in sites})
        # Published addresses are checked against the online build, from either copy.
        links = {each.label: check_links(each, published, site) for each in sites}
    problems: list[Problem] = []
    for each in sites:
        problems += html[each.label].errors + links[each.label].problems
    for problem in problems:
        print(problem, file=out)
    for each in sites:
        report = html[each.label]
        print(f"{each.label}: HTML: {report.pages} pages, {len(report.errors)} errors, "
              f"{len(report.warnings)} warnings, {report.infos} notes (W3C Nu checker)", file=out)
        print(f"{each.label}: links: {_counts(links[each.label])}", file=out)
    return len(problems)


def _counts(report: LinkReport) -> str:
    return (f"{report.pages} pages, {report.links} internal links, {report.fragments} fragments, "
            f"{report.exports} export files, {report.export_links} published addresses in exports and JSON-LD, "
            f"{report.external} external links not followed, {len(report.problems)} broken")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.checks", description=__doc__.split("\n\n")[1])
    parser.add_argument("site", type=Path, help="the built site (mkdocs build's folder)")
    parser.add_argument("--offline", type=Path, metavar="ZIP", help="the offline copy's zip")
    parser.add_argument("--published", metavar="URL",
                        help="the published address (default: the one the site's home page states)")
    arguments = parser.parse_args(argv)
    for path in (arguments.site, arguments.offline):
        if path is not None and not path.exists():
            parser.error(f"{path} does not exist")
    try:
        return 1 if run(arguments.site, arguments.offline, arguments.published) else 0
    except CheckSetupError as error:
        print(f"cannot check: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
