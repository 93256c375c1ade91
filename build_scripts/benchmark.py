"""How the build scales: a copy of the project with N synthetic documents
(clones of the real ones under new ids, spread over several years) is built
with MkDocs, and the figures are printed.

    python -m build_scripts.benchmark [--documents 300] [--keep DIR]

It prints the build time and the HTML weight of a document page, of its
navigation and of the search index: the navigation must not grow with the
number of documents.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .paths import copy_project


def clone_document(source: Path, index: int, target_dir: Path) -> None:
    """A copy of a document under a new key, slug and year."""
    text = source.read_text(encoding="utf-8")
    key = re.search(r'<TEI [^>]*\bn="([a-z0-9]+)"', text).group(1)
    slug = re.search(r'<idno type="slug">([^<]+)</idno>', text).group(1)
    new_key = f"bench{index}"
    year = 1950 + index % 20
    new_slug = f"{year}-bench-{index:04d}"
    text = text.replace(f'n="{key}"', f'n="{new_key}"').replace(f'"{key}-', f'"{new_key}-')
    text = text.replace(slug, new_slug)
    text = re.sub(r'when="19\d\d', f'when="{year}', text)
    text = re.sub(r'(from|to)="19\d\d', lambda m: f'{m.group(1)}="{year}', text)
    (target_dir / f"{new_slug}.xml").write_text(text, encoding="utf-8")


def make_project(root: Path, documents: int) -> Path:
    copy_project(root)
    originals = sorted((root / "tei" / "documents").glob("*.xml"))
    for index in range(max(0, documents - len(originals))):
        clone_document(originals[index % len(originals)], index, root / "tei" / "documents")
    return root


def nav_bytes(html: str) -> int:
    match = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', html, re.S)
    return len(match.group(0).encode()) if match else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="build here and keep the result")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="edition-bench-"))
    try:
        project = make_project(root / "project", args.documents)
        site = root / "site"
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                                 "-d", str(site)], capture_output=True, text=True,
                                env={**os.environ, "EDITION_BUILD_DIR": str(root / "cache")})  # a cold build
        seconds = time.monotonic() - started
        if result.returncode:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
        pages = sorted((site / "documents").glob("*/index.html"))
        pages = [p for p in pages if not re.fullmatch(r"\d{4}", p.parent.name)]
        sizes = [p.stat().st_size for p in pages]
        navs = [nav_bytes(p.read_text(encoding="utf-8")) for p in pages[:50]]
        index = site / "search" / "search_index.json"
        print(f"documents:                   {len(pages)}")
        print(f"build time (mkdocs build):   {seconds:.1f} s")
        print(f"HTML pages written:          {sum(1 for _ in site.rglob('*.html'))}")
        print(f"document page HTML, median:  {statistics.median(sizes) / 1024:.1f} KB (max {max(sizes) / 1024:.1f} KB)")
        print(f"navigation per page, median: {statistics.median(navs) / 1024:.1f} KB")
        print(f"search index:                {index.stat().st_size / 1024 / 1024:.2f} MB")
        for line in (result.stdout + result.stderr).splitlines():  # timings the plugin logs
            if re.search(r"(PDF|EPUB|offline copy).*: [\d.]+ s", line):
                print(f"  {line.split('-', 1)[-1].strip()}")
        for download in sorted((site / "downloads").glob("*.*")):
            print(f"{download.name + ':':29}{download.stat().st_size / 1024 / 1024:.2f} MB")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
