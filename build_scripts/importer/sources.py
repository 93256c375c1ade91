"""Reading a transcription as the Wilson Center Digital Archive gives it,
in any of the three forms an editor meets:

- its text export, current layout: date and title lines, then the blocks
  "Citation:", "Summary:", "Credits:", "Original Language:", "Contents:"
  (each label on a line of its own, its value on the following lines),
  then the text;
- its text export, older layout: the text alone, whose last line is the
  archive's summary (the date and title are the text's own lines);
- a record page copied from a browser: menus, then the title and the date,
  the text, then "Document Information" with "Source", "Original Archive",
  "Rights", the summary, "Credits", "Original Language", "Contents", then
  more page chrome (neighbouring records, footer).

Every line keeps its number in the file, so that each problem the importer
reports names its line. A line holding only (no-break) spaces is blank.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EditionError, Problem

EXPORT_LABELS = {"Citation:": "citation", "Summary:": "summary", "Credits:": "credits",
                 "Original Language:": "language", "Contents:": "contents"}
RECORD_LABELS = {"Source": "source", "Original Archive": "archive", "Rights": "rights", "Summary": "summary",
                 "Credits": "credits", "Original Language": "language", "Contents": "contents"}
# Browser chrome around a record page: never part of the document.
CHROME = re.compile(r"^(Skip to (main )?content|Home|Search|Collections|Topics|Resources|About|Menu|Log ?in|"
                    r"Digital Archive|Wilson Center|Donate|Share|Print|Download|Related Documents|Privacy Policy|"
                    r"Contact( Us)?|Terms of Use|Accessibility|©.*|Copyright.*|Breadcrumb.*|You are here.*)$", re.I)
END_OF_RECORD = re.compile(r"^(Related Documents|Related Records|More from|Footer|Privacy Policy)$", re.I)
URL_LINE = re.compile(r"^<?(https?://\S+?)>?$")
DATE_LINE = re.compile(r"^((\d{1,2} )?(January|February|March|April|May|June|July|August|September|October|November|"
                       r"December)( \d{1,2},)? \d{4}|\d{4})([,\s].*)?$")


def refused(path: Path, line: int, message: str) -> EditionError:
    """A transcription that cannot be imported, with the file and line."""
    return EditionError([Problem(path, line, "import", message)])


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    offset: int = 0   # where the text starts in the file's line (a speech after its speaker's label)


@dataclass
class Record:
    path: Path
    layout: str                      # "export", "export-old" or "record-page"
    title: Line | None = None
    date: Line | None = None
    fields: dict[str, str] = field(default_factory=dict)   # citation, url, summary, credits, language, ...
    paragraphs: list[list[Line]] = field(default_factory=list)  # the text: blank-line separated blocks


def _blank(text: str) -> bool:
    return not text.replace("\u00a0", " ").strip()


def _clean(text: str) -> str:
    return text.replace("\u00a0", " ").strip()


def read_lines(path: Path) -> list[Line]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise refused(path, 0, f"cannot be read ({error.strerror})") from None
    if not data.strip():
        raise refused(path, 1, "the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise refused(path, line, f"not UTF-8 (byte {data[error.start]:#x}); save the transcription as UTF-8") from None
    return [Line(number, raw.rstrip("\r")) for number, raw in enumerate(text.split("\n"), start=1)]


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Blank-line separated blocks of cleaned lines."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if _blank(line.text):
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(Line(line.number, _clean(line.text)))
    return [b for b in blocks if b]


def read_record(path: Path) -> Record:
    lines = read_lines(path)
    texts = [_clean(line.text) for line in lines]
    if "Document Information" in texts:
        return _record_page(path, lines, texts.index("Document Information"))
    if "Citation:" in texts or "Contents:" in texts:
        return _export(path, lines)
    return _old_export(path, lines)


def _export(path: Path, lines: list[Line]) -> Record:
    record = Record(path, "export")
    content = [line for line in lines if not _blank(line.text)]
    first_label = next(i for i, line in enumerate(content) if _clean(line.text) in EXPORT_LABELS)
    heading = [Line(line.number, _clean(line.text)) for line in content[:first_label]]
    record.date = next((line for line in heading if DATE_LINE.match(line.text)), None)
    record.title = next((line for line in heading if line is not record.date), None)
    position, label = first_label, ""
    while position < len(content):
        text = _clean(content[position].text)
        if text in EXPORT_LABELS:
            label = EXPORT_LABELS[text]
        else:
            if label == "citation" and URL_LINE.match(text):
                record.fields["url"] = URL_LINE.match(text).group(1)  # type: ignore[union-attr]
            else:
                record.fields[label] = (record.fields.get(label, "") + " " + text).strip()
            if label == "contents":  # the text begins after the Contents value
                start = content[position].number
                record.paragraphs = _blocks([line for line in lines if line.number > start])
                break
        position += 1
    return _checked(record)


def _old_export(path: Path, lines: list[Line]) -> Record:
    """The older layout: the last line is the summary; the date and title
    are lines of the text itself (a cable's date line, its subject line)."""
    record = Record(path, "export-old")
    blocks = _blocks(lines)
    *text_blocks, last = blocks
    *rest, summary = last
    if rest:
        text_blocks.append(rest)
    record.fields["summary"] = summary.text
    record.paragraphs = text_blocks
    flat = [line for block in text_blocks for line in block]
    record.date = next((line for line in reversed(flat) if DATE_LINE.match(line.text) and len(line.text) < 40), None)
    record.title = _subject_line(text_blocks)
    return _checked(record)


def _subject_line(blocks: list[list[Line]]) -> Line | None:
    """The title of an old export: its first line that reads as a heading
    (a subject line: "On …", "Regarding …", or the first single-line block
    after the cable's address lines)."""
    for block in blocks:
        if len(block) == 1 and re.match(r"^(On|Regarding|Concerning|About|Re:|Subject:)\s", block[0].text):
            return block[0]
    return None


def _record_page(path: Path, lines: list[Line], information: int) -> Record:
    """The title is the line before the record's date; what comes before
    the title is the page's chrome (menus, breadcrumb), never the text."""
    record = Record(path, "record-page")
    texts = [_clean(line.text) for line in lines]
    shown = [Line(line.number, texts[line.number - 1]) for line in lines[:information]
             if texts[line.number - 1] and not CHROME.match(texts[line.number - 1])]
    dated = next((i for i, line in enumerate(shown) if i and DATE_LINE.match(line.text)), None)
    if dated is not None:
        record.date, record.title = shown[dated], shown[dated - 1]
        record.paragraphs = _blocks([line for line in lines[:information] if line.number > record.date.number
                                     and not CHROME.match(texts[line.number - 1])])
    label = ""
    for line in lines[information + 1:]:
        text = texts[line.number - 1]
        if END_OF_RECORD.match(text):
            break
        if not text or CHROME.match(text):
            continue
        name, colon, value = text.partition(":")
        if text in RECORD_LABELS or (colon and name in RECORD_LABELS):
            label = RECORD_LABELS[name if colon else text]
            text = value.strip() if colon else ""
        elif label in ("rights", "source", "archive") and record.fields.get(label) and not colon:
            label = "summary"  # an unlabelled paragraph after a field's value: the record's summary
        if text:
            if URL_LINE.match(text):
                record.fields["url"] = URL_LINE.match(text).group(1)  # type: ignore[union-attr]
            else:
                record.fields[label or "summary"] = (record.fields.get(label or "summary", "") + " " + text).strip()
    return _checked(record)


def _checked(record: Record) -> Record:
    problems = []
    if record.title is None:
        problems.append(Problem(record.path, 1, "import", "no title found (the record's title line; see the README, "
                                "'Adding a document', for the layouts read)"))
    if record.date is None:
        problems.append(Problem(record.path, 1, "import", "no date found (a line such as 'June 26, 1962' or 'May 1961')"))
    if not record.paragraphs:
        problems.append(Problem(record.path, 1, "import", "no text found after the record's metadata"))
    if problems:
        raise EditionError(problems)
    return record
