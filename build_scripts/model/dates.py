"""ISO dates at any precision (1961, 1961-05, 1962-06-26T16:00:00): display
labels and the span of days each covers, for comparing partial dates."""
from __future__ import annotations

import calendar
import datetime as dt

from ..tei.crossfile import parse_date

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def span(value: str) -> tuple[dt.date, dt.date]:
    """First and last day a (possibly partial) ISO date covers."""
    parts = parse_date(value)
    if parts is None:
        raise ValueError(f"not an ISO date: {value!r}")
    year = parts[0]
    if len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date(year, month, parts[2])
    return day, day


def label(value: str) -> str:
    """'1962-06-26' -> '26 June 1962'; '1961-05' -> 'May 1961'; '1961' -> '1961'."""
    parts = parse_date(value)
    if parts is None:
        return value
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"


def year(value: str) -> int:
    parts = parse_date(value)
    if parts is None:  # validation refuses such a date before the model is read
        raise ValueError(f"not an ISO date: {value}")
    return parts[0]


def sort_key(value: str) -> tuple[dt.date, dt.date]:
    return span(value)
