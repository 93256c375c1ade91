"""The staged build, each stage runnable on its own:

    python -m build_scripts.build validate    check the TEI (cached by content)
    python -m build_scripts.build model       validate, read the model and format the citations
    python -m build_scripts.build markdown    validate, model, and write the Markdown tree (build/docs/)
    python -m build_scripts.build downloads   the tree, then its PDFs and EPUB
    python -m build_scripts.build site        everything: mkdocs build --strict (tree, downloads, site, offline zip, search)
    python -m build_scripts.build search      the search index of an already built site/ (Pagefind)

Every stage prints one line with its time and what it reused; the tree
and the downloads are rebuilt only when what they are made from changed.
Exits 1 with `file:line: [rule] message` lines when the sources are invalid.
"""
from __future__ import annotations

import argparse
import logging
import subprocess
import sys
from pathlib import Path

from .errors import EditionError
from .paths import PROJECT_ROOT, Project
from .stages.downloads import make_downloads
from .stages.search import make_search
from .stages.tree import load, make_tree
from .tei import validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("stage", choices=["validate", "model", "markdown", "downloads", "site", "search"])
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help="the project folder (default: this one)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    project = Project.at(args.project)
    if args.stage == "site":
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                               str(project.root / "mkdocs.yml")]).returncode
    if args.stage == "search":
        return _search(project.root / "site")
    if args.stage == "validate":
        return validate.main(["--tei-dir", str(project.tei_dir)])
    try:
        if args.stage == "model":
            model, _ = load(project)
            print(f"{len(model.documents)} documents, {len(model.registers.entries)} register entries")
        else:
            tree = make_tree(project)
            if args.stage == "downloads":
                make_downloads(project, tree)
    except EditionError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _search(site: Path) -> int:
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here (run `python -m build_scripts.build site` first)", file=sys.stderr)
        return 1
    try:
        make_search(site, offline=False)
    except EditionError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
