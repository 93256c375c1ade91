"""WeasyPrint's problems reach the build log as one line each, naming the
book and what to do, and a book never fetches anything from a network."""
from __future__ import annotations

import logging

from build_scripts.pdf.render import write_pdf

BOOK = '<!DOCTYPE html><html lang="en"><body><p>Text.</p><img src="{}" alt="x"></body></html>'


def problems(caplog, source: str) -> list[logging.LogRecord]:
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        assert write_pdf(source, "test-book").startswith(b"%PDF")
    return [r for r in caplog.records if r.name == "weasyprint"]


def test_a_missing_file_is_one_line_that_says_what_to_do(caplog):
    records = problems(caplog, BOOK.format("no-such-picture.png"))
    assert len(records) == 1
    line = records[0].getMessage()
    assert records[0].exc_info is None and "\n" not in line and "Traceback" not in caplog.text
    assert line.startswith("PDF test-book: WeasyPrint: ") and "no-such-picture.png" in line
    assert "check the file or address named" in line


def test_a_web_address_is_not_fetched(caplog):
    records = problems(caplog, BOOK.format("https://images.example.org/picture.png"))
    assert len(records) == 1
    assert "disallowed protocol: https://images.example.org/picture.png" in records[0].getMessage()
