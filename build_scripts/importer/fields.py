"""The record's fields read into what the TEI header needs: the date at the
precision given, the archival reference and pages, the translator."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.dates import MONTHS

_MONTH = "(" + "|".join(MONTHS) + ")"
_TIME = r"(?:,? (\d{1,2}):(\d{2}) ?([ap])\.?m\.?)?"
DATE_FORMS = (
    (re.compile(rf"^{_MONTH} (\d{{1,2}}), (\d{{4}}){_TIME}"), ("month", "day", "year")),   # June 08, 1962
    (re.compile(rf"^(\d{{1,2}}) {_MONTH} (\d{{4}}){_TIME}"), ("day", "month", "year")),    # 26 June 1962, 4:00 p.m.
    (re.compile(rf"^{_MONTH},? (\d{{4}})$"), ("month", "year")),                            # May 1961
    (re.compile(r"^(\d{4})$"), ("year",)),
)
ARCHIVE_REFERENCE = re.compile(r"\b(PRC FMA|AVPRF|RGANI|GARF|[A-Z]{2,6}(?: [A-Z]{2,6})?) ([0-9][0-9A-Za-z./-]*)"
                               r"(?:, (?:pp?\. ?)?(\d+)(?:[-–](\d+))?)?")
TRANSLATOR = re.compile(r"Translated by ([^.]+?)\.?(?:$|\s*<)")
REPOSITORIES = {"PRC FMA": "Archives of the Ministry of Foreign Affairs of the People's Republic of China (PRC FMA)"}


@dataclass(frozen=True)
class When:
    iso: str      # 1961-05, 1962-06-08, 1962-06-26T16:00:00
    label: str    # as the record prints it


def parse_date(text: str) -> When | None:
    for pattern, order in DATE_FORMS:
        match = pattern.match(text.strip())
        if not match:
            continue
        values = dict(zip(order, match.groups(), strict=False))
        iso = values["year"]
        if "month" in values:
            iso += f"-{MONTHS.index(values['month']) + 1:02d}"
        if "day" in values:
            iso += f"-{int(values['day']):02d}"
        hour, minute, half = match.groups()[len(order):len(order) + 3] if len(match.groups()) > len(order) else (None,) * 3
        if hour:
            hour_24 = int(hour) % 12 + (12 if half == "p" else 0)
            iso += f"T{hour_24:02d}:{minute}:00"
        return When(iso, text.strip())
    return None


@dataclass(frozen=True)
class ArchiveReference:
    repository: str
    reference: str
    first_page: str | None
    last_page: str | None

    @property
    def pages(self) -> str | None:
        if not self.first_page:
            return None
        return self.first_page + (f"-{self.last_page}" if self.last_page else "")


def archive_reference(*texts: str) -> ArchiveReference | None:
    for text in texts:
        match = ARCHIVE_REFERENCE.search(text or "")
        if match and re.search(r"\d", match.group(2)):
            return ArchiveReference(match.group(1), match.group(2).rstrip(".,"), match.group(3), match.group(4))
    return None


def translator(*texts: str) -> str | None:
    for text in texts:
        match = TRANSLATOR.search(text or "")
        if match:
            return match.group(1).strip()
    return None
