"""Validate the whole edition: tei_all, the project's Schematron rules and
the cross-file rules.

    python -m build_scripts.tei.validate [--tei-dir DIR]

Prints one line per problem as `file:line: [rule] message` and exits 1 when
there is any; prints a line per valid file and exits 0 otherwise.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import sys
from pathlib import Path

from ..errors import EditionError, Problem
from ..paths import TEI_DIR, relative
from .corpus import Corpus, parse_corpus
from .characters import invisible_characters
from .crossfile import check_across_files
from .schema import check_tei_all
from .schematron import check_rules
from .structure import check_structure
from .urls import check_all_addresses


@contextlib.contextmanager
def _without_cyclic_gc():
    """Validation makes a proxy object for every element it visits; the cyclic
    collector's passes over them made the time grow faster than the file."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def validate_edition(tei_dir: Path = TEI_DIR) -> tuple[Corpus | None, list[Problem]]:
    with _without_cyclic_gc():
        return _validate(tei_dir)


def _validate(tei_dir: Path) -> tuple[Corpus | None, list[Problem]]:
    corpus, problems = parse_corpus(tei_dir)
    if corpus is None:
        return None, problems
    for tei in corpus.files:
        problems += check_tei_all(tei.path, tei.tree)
        problems += check_rules(tei.path, tei.tree)
    problems += check_across_files(corpus) + check_structure(corpus) + check_all_addresses(corpus)
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
    for problem in problems + (invisible_characters(corpus) if corpus else []):
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
