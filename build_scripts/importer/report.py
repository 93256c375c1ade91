"""The importer's report for the editor: what was filled, every unit flagged
for review (with its line in the transcription), what the validator still
asks for, and every place in the edition's own prose that counts or names
the documents and may need revising now that there is one more."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..errors import Problem
from ..paths import relative
from .document import Imported
from .sources import Record

# "the two documents", "both texts", "2 documents", "the cable and the minutes"
COUNTING = re.compile(r"\b((the )?(two|three|four|five|both|\d{1,3}) (documents|texts|records)|both documents|"
                      r"the cable and the minutes|the minutes and the cable)\b", re.I)


def prose_that_counts(tei_dir: Path) -> list[str]:
    found = []
    for path in [tei_dir / "edition.xml", tei_dir / "registers.xml"]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "<change " in line:  # the change log records what was true then
                continue
            for match in COUNTING.finditer(line):
                found.append(f"{relative(path)}:{number}: “{match.group(0)}”")
    return found


def report(record: Record, imported: Imported, target: Path, problems: list[Problem], tei_dir: Path) -> str:
    kinds = Counter(flag.kind for flag in imported.flags)
    lines = [f"Imported {record.path.name} ({record.layout}) as {relative(target)} (key {imported.key}).",
             f"Bibliography entry: {imported.bibliography_id or 'already listed'} in tei/edition.xml.",
             "",
             f"Flagged for review: {sum(kinds.values())} "
             f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items())) or 'none'})"]
    for flag in sorted(imported.flags, key=lambda f: (f.kind, f.line)):
        lines.append(f"  {record.path.name}:{flag.line}: [{flag.kind}] {flag.text!r}: {flag.message}")
    lines += ["", f"The validator still asks for {len(problems)} thing(s) only an editor can supply:"]
    lines += [f"  {problem}" for problem in problems] or ["  nothing"]
    counting = prose_that_counts(tei_dir)
    lines += ["", "The edition's own prose that counts or names the documents (revise it):"]
    lines += [f"  {place}" for place in counting] or ["  none found"]
    lines += ["", "Next: review the flagged units, write the headnote and the notes, then "
                  "`bash edition.sh validate` and `bash edition.sh build`."]
    return "\n".join(lines)
