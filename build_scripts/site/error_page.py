"""The page `mkdocs serve` shows while the sources are invalid: every
problem, as the validator reports it, until a saved fix makes the preview
rebuild. (A build, by contrast, stops and keeps the previous site.)"""
from __future__ import annotations

from ..errors import EditionError
from ..markdown import escape
from ..markdown.page import Page


def error_page(error: EditionError) -> Page:
    problems = "\n".join(f"- <code>{escape.text(str(problem))}</code>" for problem in error.problems)
    body = "\n\n".join([
        "# The sources are not valid",
        f"The preview cannot show the edition: validation found {len(error.problems)} problem(s). Fix them in "
        "the files named below and save; this page reloads with the edition once the sources are valid.",
        problems,
    ])
    return Page("index.md", "The sources are not valid", body, {"description": "Validation problems"})
