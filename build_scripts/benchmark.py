"""How the build scales, printed as figures (never asserted in tests).

    python -m build_scripts.benchmark site [--documents 300] [--keep DIR]
    python -m build_scripts.benchmark validation [--paragraphs 1000 10000 100000]

`site` builds a copy of the project with N synthetic documents (clones of
the real ones under new ids, spread over several years) with MkDocs and
prints the build time and the weight of a document page, its navigation and
the search index. `validation` validates the edition with one document
lengthened to N paragraphs and prints the time of each run and the ratio of
the last two (validation must grow linearly).
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

from .paths import TEI_DIR
from .synthetic import lengthen_minutes, project_with_documents


def nav_bytes(html: str) -> int:
    match = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', html, re.S)
    return len(match.group(0).encode()) if match else 0


def site(documents: int, keep: Path | None) -> int:
    root = keep or Path(tempfile.mkdtemp(prefix="edition-bench-"))
    try:
        project = project_with_documents(root / "project", documents)
        site_dir = root / "site"
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                                 "-d", str(site_dir)], capture_output=True, text=True,
                                env={**os.environ, "EDITION_BUILD_DIR": str(root / "cache")})  # a cold build
        seconds = time.monotonic() - started
        if result.returncode:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
        pages = sorted((site_dir / "documents").glob("*/index.html"))
        pages = [p for p in pages if not re.fullmatch(r"\d{4}", p.parent.name)]
        sizes = [p.stat().st_size for p in pages]
        navs = [nav_bytes(p.read_text(encoding="utf-8")) for p in pages[:50]]
        index = site_dir / "search" / "search_index.json"
        print(f"documents:                   {len(pages)}")
        print(f"build time (mkdocs build):   {seconds:.1f} s")
        print(f"HTML pages written:          {sum(1 for _ in site_dir.rglob('*.html'))}")
        print(f"document page HTML, median:  {statistics.median(sizes) / 1024:.1f} KB (max {max(sizes) / 1024:.1f} KB)")
        print(f"navigation per page, median: {statistics.median(navs) / 1024:.1f} KB")
        print(f"search index:                {index.stat().st_size / 1024 / 1024:.2f} MB")
        for line in (result.stdout + result.stderr).splitlines():  # timings the plugin logs
            if re.search(r"(PDF|EPUB|offline copy).*: [\d.]+ s", line):
                print(f"  {line.split('-', 1)[-1].strip()}")
        for download in sorted((site_dir / "downloads").glob("*.*")):
            print(f"{download.name + ':':29}{download.stat().st_size / 1024 / 1024:.2f} MB")
        return 0
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


def validation(sizes: list[int]) -> int:
    from .tei.schema import tei_all
    from .tei.validate import validate_edition

    started = time.monotonic()
    tei_all()
    print(f"tei_all compiled once:       {time.monotonic() - started:.1f} s")
    print(f"{'paragraphs':>12} {'file (MB)':>10} {'validation (s)':>15} {'problems':>9}")
    times = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="edition-validate-") as temporary:
            tei = Path(temporary) / "tei"
            shutil.copytree(TEI_DIR, tei)
            path = lengthen_minutes(tei, size)
            runs = []
            for _ in range(2):  # the better of two runs: the machine may be busy with something else
                started = time.monotonic()
                _, problems = validate_edition(tei)
                runs.append(time.monotonic() - started)
            times.append(min(runs))
            print(f"{size:>12} {path.stat().st_size / 1e6:>10.1f} {times[-1]:>15.2f} {len(problems):>9}")
    if len(sizes) >= 2:
        print(f"t({sizes[-1]})/t({sizes[-2]}) = {times[-1] / times[-2]:.1f} "
              f"(sizes grow {sizes[-1] / sizes[-2]:.0f}x; linear growth gives about that ratio)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    site_parser = commands.add_parser("site", help="build a synthetic edition and print its figures")
    site_parser.add_argument("--documents", type=int, default=300)
    site_parser.add_argument("--keep", type=Path, help="build here and keep the result")
    validation_parser = commands.add_parser("validation", help="time validation of very long documents")
    validation_parser.add_argument("--paragraphs", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args(argv)
    if args.command == "site":
        return site(args.documents, args.keep)
    return validation(args.paragraphs)


if __name__ == "__main__":
    sys.exit(main())
