"""Validate the whole edition: tei_all, the project's Schematron rules, the
rules checked in Python, and the cross-file rules. The rules that read one
file alone are cached by the file's content (validation_cache.py).

    python -m build_scripts.tei.validate [--tei-dir DIR] [--no-cache]

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
from .characters import invisible_characters
from .corpus import Corpus, TeiFile, parse_corpus
from .crossfile import check_across_files
from .schema import check_tei_all
from .schematron import check_rules
from .structure import check_depth, check_register_slugs, document_structure
from .urls import check_addresses
from .validation_cache import ValidationCache


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


def file_problems(tei: TeiFile, corpus: Corpus) -> list[Problem]:
    """Every rule that reads this one file."""
    too_deep = check_depth(tei)
    if too_deep:  # nothing else can be checked, or rendered, safely
        return too_deep
    problems = check_tei_all(tei.path, tei.tree) + check_rules(tei.path, tei.tree) + check_addresses(tei)
    if tei in corpus.documents:
        problems += document_structure(tei)
    if tei is corpus.registers:
        problems += check_register_slugs(tei)
    return problems


def validate_edition(tei_dir: Path = TEI_DIR, cache: ValidationCache | None = None
                     ) -> tuple[Corpus | None, list[Problem]]:
    with _without_cyclic_gc():
        corpus, problems = parse_corpus(tei_dir)
        if corpus is None:
            return None, problems
        for tei in corpus.files:
            data = tei.path.read_bytes()
            found = cache.get(tei, data) if cache else None
            if found is None:
                found = file_problems(tei, corpus)
                if cache:
                    cache.put(tei, data, found)
            problems += found
        return corpus, problems + check_across_files(corpus)


def load_valid_edition(tei_dir: Path = TEI_DIR, cache: ValidationCache | None = None) -> Corpus:
    """The parsed edition, or EditionError listing every problem."""
    corpus, problems = validate_edition(tei_dir, cache)
    if problems or corpus is None:
        raise EditionError(problems)
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tei-dir", type=Path, default=TEI_DIR, help="the edition's tei/ folder")
    parser.add_argument("--no-cache", action="store_true", help="check every file again")
    args = parser.parse_args(argv)
    corpus, problems = validate_edition(args.tei_dir, None if args.no_cache else ValidationCache())
    for problem in problems + (invisible_characters(corpus) if corpus else []):
        print(problem, file=sys.stderr)
    if problems or corpus is None:
        files = len({p.path for p in problems})
        print(f"INVALID: {len(problems)} problem(s) in {files} file(s)", file=sys.stderr)
        return 1
    for tei in corpus.files:
        print(f"{relative(tei.path)}: valid (TEI P5 tei_all, project rules)")
    print(f"VALID: {len(corpus.files)} files ({len(corpus.documents)} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
