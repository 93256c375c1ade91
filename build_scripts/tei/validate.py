"""Validate the whole edition: tei_all, the project's Schematron rules and
the cross-file rules.

    python -m build_scripts.tei.validate [--tei-dir DIR]

Prints one line per problem as `file:line: [rule] message` and exits 1 when
there is any; prints a line per valid file and exits 0 otherwise.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import EditionError, Problem
from ..paths import TEI_DIR, relative
from .corpus import Corpus, parse_corpus
from .crossfile import check_across_files
from .schema import check_tei_all
from .schematron import check_rules


def validate_edition(tei_dir: Path = TEI_DIR) -> tuple[Corpus | None, list[Problem]]:
    corpus, problems = parse_corpus(tei_dir)
    if corpus is None:
        return None, problems
    for tei in corpus.files:
        problems += check_tei_all(tei.path, tei.tree)
        problems += check_rules(tei.path, tei.tree)
    problems += check_across_files(corpus)
    return corpus, problems


def load_valid_edition(tei_dir: Path = TEI_DIR) -> Corpus:
    """The parsed edition, or EditionError listing every problem."""
    corpus, problems = validate_edition(tei_dir)
    if problems:
        raise EditionError(problems)
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tei-dir", type=Path, default=TEI_DIR, help="the edition's tei/ folder")
    args = parser.parse_args(argv)
    corpus, problems = validate_edition(args.tei_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        files = len({p.path for p in problems})
        print(f"INVALID: {len(problems)} problem(s) in {files} file(s)", file=sys.stderr)
        return 1
    for tei in corpus.files:
        print(f"{relative(tei.path)}: valid (TEI P5 tei_all, project rules)")
    print(f"VALID: {len(corpus.files)} files ({len(corpus.documents)} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
