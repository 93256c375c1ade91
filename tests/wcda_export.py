"""Reading a Wilson Center Digital Archive text export (a seed transcription)
into its archival metadata and its document text.

Two layouts occur (see the research note on encoding):
- the current one: date and title lines, then "Citation:", "Summary:",
  "Credits:", "Original Language:" and "Contents:" blocks, then the text;
- an older one with no metadata block, whose last line is the summary.
Lines holding only a no-break space stand for blank lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("Citation:", "Summary:", "Credits:", "Original Language:", "Contents:")


@dataclass
class Export:
    heading: list[str] = field(default_factory=list)   # date and title lines
    metadata: dict[str, list[str]] = field(default_factory=dict)
    text: str = ""


def _blank(line: str) -> bool:
    return not line.replace("\u00a0", " ").strip()


def read_export(path: Path) -> Export:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    content = [line.strip() for line in lines if not _blank(line)]
    if "Citation:" not in content:
        *body, summary = content
        return Export(metadata={"Summary:": [summary]}, text="\n".join(body))
    export = Export(heading=content[:content.index("Citation:")])
    position = content.index("Citation:")
    label = None
    while position < len(content):
        line = content[position]
        if line in LABELS:
            label = line
            export.metadata[label] = []
        else:
            export.metadata[label].append(line)
            if label == "Contents:":  # the text begins after the Contents value
                export.text = "\n".join(content[position + 1:])
                break
        position += 1
    return export
