"""The imported record's own entry in the edition's bibliography (which
every note and source pointer cites), added once: a record already listed
by its address is not listed again."""
from __future__ import annotations

import datetime as dt
import re
from xml.sax.saxutils import escape, quoteattr

from .document import Imported
from .fields import parse_date
from .sources import Record

CLOSING = "        </listBibl>"


def listed_as(edition_xml: str, url: str | None) -> str | None:
    """The id of the bibliography entry that already links the record's address."""
    if not url:
        return None
    match = re.search(r'<bibl xml:id="([^"]+)"[^>]*>(?:(?!</bibl>).)*?<ref target=' + re.escape(quoteattr(url)),
                      edition_xml, re.S)
    return match.group(1) if match else None


def with_record_entry(edition_xml: str, record: Record, imported: Imported) -> str:
    url = record.fields.get("url")
    existing = listed_as(edition_xml, url)
    if existing:
        imported.bibliography_id = existing
        return edition_xml
    when = parse_date(record.date.text) if record.date else None
    title = record.title.text if record.title else imported.slug
    today = dt.date.today()
    address = (f'<ref target={quoteattr(url)}>{escape(url)}</ref>, consulted '
               f'<date type="accessed" when="{today.isoformat()}">{today.day} {today:%B %Y}</date>'
               if url else "address not recorded in the transcription")
    citation = escape(record.fields.get("citation", "") or record.fields.get("source", ""))
    entry_id = f"src-wcda-{imported.key}"
    imported.bibliography_id = entry_id
    entry = (f'          <bibl xml:id="{entry_id}" n="WCDA, {escape(title[:50])}" type="archive-record">'
             f"<title>{escape(title)}</title>, "
             + (f'<date when="{when.iso}">{escape(when.label)}</date>, ' if when else "")
             + "<publisher>Wilson Center Digital Archive</publisher>"
             + (f" ({citation})" if citation else "") + f". {address}.</bibl>\n")
    position = edition_xml.index(CLOSING)
    return edition_xml[:position] + entry + edition_xml[position:]
