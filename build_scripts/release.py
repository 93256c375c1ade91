"""Build a release of the edition: refuse while the published address is a
placeholder, then build the site (and its downloads) with --strict.

    python -m build_scripts.release [--tei-dir DIR]

A release is what readers will cite, so its address must be the real one;
a preview build (`mkdocs build`) may keep the placeholder and says so on
every page and download. A release records every address and anchor it
publishes in releases/<version>.json, which every later build checks.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from .errors import EditionError, Problem
from .model.address import is_placeholder
from .model.edition import read_edition
from .paths import PROJECT_ROOT, TEI_DIR
from .site.manifest import manifest, write_manifest
from .tei.corpus import EDITION_FILE
from .tei.parser import NS, parse_file


def address_problem(tei_dir: Path) -> Problem | None:
    """Why the edition cannot be released yet, if its address is a placeholder."""
    path = Path(tei_dir) / EDITION_FILE
    idno = parse_file(path).find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='URL']", NS)
    url = (idno.text or "").strip() if idno is not None else ""
    if url and not is_placeholder(url):
        return None
    return Problem(path, idno.sourceline if idno is not None else None, "release-address",
                   f"the published address '{url}' is a placeholder, not a real host: set "
                   "publicationStmt/idno[@type='URL'] to the address the edition will be published at "
                   "(see the README, 'Publishing'), then run the release again")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tei-dir", type=Path, default=TEI_DIR)
    parser.add_argument("--config", type=Path, default=PROJECT_ROOT / "mkdocs.yml", help="the MkDocs configuration")
    args = parser.parse_args(argv)
    try:
        problem = address_problem(args.tei_dir)
    except EditionError as error:
        print(error, file=sys.stderr)
        return 1
    if problem is not None:
        print(f"{problem}\nrelease refused: nothing was built", file=sys.stderr)
        return 1
    if not logging.getLogger("mkdocs").handlers:  # as `mkdocs build` shows them
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logging.getLogger("mkdocs").addHandler(handler)
        logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:  # in this process, so that a caller that already compiled tei_all reuses it
        config = load_config(config_file=str(args.config), strict=True)
        build(config)
    except (Abort, MkDocsException) as error:
        print(f"release failed: {error}", file=sys.stderr)
        return 1
    edition = read_edition(parse_file(Path(args.tei_dir) / EDITION_FILE).getroot())
    path = write_manifest(args.config.parent, manifest(Path(config.site_dir), edition.version, edition.version_date,
                                                       edition.url))
    print(f"release {edition.version}: its addresses and anchors are recorded in {path.relative_to(args.config.parent)}; "
          "commit that file, and no later build may lose them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
