"""Convert the TEI sources to Markdown pages, on their own, without MkDocs.

    python -m build_scripts.markdown --out DIR [--tei-dir DIR] [--with-downloads]

Writes every generated page under DIR (as MkDocs would read it from its
docs folder) and copies the TEI files offered for download. Exits 1, with
the validator's messages, when the sources are invalid.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..downloads import build_downloads
from ..errors import EditionError
from ..paths import TEI_DIR
from ..pipeline import prepare
from .cite_section import cite_files
from .write import write_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the Markdown into")
    parser.add_argument("--tei-dir", type=Path, default=TEI_DIR)
    parser.add_argument("--with-downloads", action="store_true",
                        help="also write the PDFs and the EPUB the pages link to")
    args = parser.parse_args(argv)
    try:
        prepared = prepare(args.tei_dir)
    except EditionError as error:
        print(error, file=sys.stderr)
        return 1
    model, citations, pages = prepared.model, prepared.citations, prepared.pages
    write_pages(model, pages, args.out, cite_files(model, citations))
    if args.with_downloads:
        for site_path, data in build_downloads(model, pages, citations).items():
            (args.out / site_path).parent.mkdir(parents=True, exist_ok=True)
            (args.out / site_path).write_bytes(data)
    for page in pages:
        for warning in page.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {len(pages)} pages to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
