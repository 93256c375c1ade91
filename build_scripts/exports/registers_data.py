"""The registers as data: one JSON file with every entry, and CSV files
(one per kind, plus the variant names and the persons' dated roles, one row
each, so that no cell has to hold a list)."""
from __future__ import annotations

import csv
import io
import json

from ..model.address import PREVIEW_NOTICE
from ..model.edition import Edition
from ..model.load import EditionModel
from ..model.registers import KINDS, DatedState, Entry, Location, Name
from ..model.text import normalise_space
from ..tei.parser import NS
from . import locations
from .references import authority_uris, entry_url, sources


def _name(name: Name) -> dict:
    return {"name": name.text, "language": name.lang, "type": name.type, "uncertain": name.uncertain}


def _state(edition: Edition, state: DatedState) -> dict:
    return {"label": state.label, "type": state.type, "when": state.when, "from": state.start, "to": state.end,
            "uncertain": state.uncertain, "sources": sources(edition, state.sources)}


def _life(entry: Entry, tag: str) -> dict | None:
    element = entry.element.find(f"tei:{tag}", NS)
    if element is None:
        return None
    return {"when": element.get("when"), "text": normalise_space("".join(element.itertext()))}


def _location(edition: Edition, location: Location) -> dict:
    return {"latitude": location.lat, "longitude": location.lon, "kind": location.kind,
            "kind_label": location.kind_label, "point_name": location.point_name, "note": location.note,
            "sources": sources(edition, location.sources)}


def entry_record(edition: Edition, entry: Entry) -> dict:
    record: dict = {
        "id": entry.id, "kind": entry.kind, "name": entry.name, "name_language": entry.main_name.lang,
        "variants": [_name(v) for v in entry.variants], "description": entry.description_text,
        "sources": sources(edition, entry.sources), "url": entry_url(edition, entry),
        "authority": authority_uris(entry),
    }
    if entry.kind == "person":
        record.update(birth=_life(entry, "birth"), death=_life(entry, "death"),
                      states=[_state(edition, s) for s in entry.states])
    if entry.kind == "place":
        record["location"] = _location(edition, entry.location) if entry.location else None
    return record


def section(kind: str) -> str:
    """The key of a kind's entries in the JSON, the same word as its folder (persons, places...)."""
    return KINDS[kind][3]


def registers_data(model: EditionModel) -> dict:
    edition = model.edition
    data: dict = {
        "edition": {"title": edition.full_title, "version": edition.version, "version_date": edition.version_date,
                    "url": edition.url, "licence": edition.licence_url,
                    "file": edition.published(locations.REGISTERS_JSON)},
    }
    if edition.is_preview:
        data["edition"]["notice"] = PREVIEW_NOTICE
    for kind in KINDS:
        data[section(kind)] = [entry_record(edition, e) for e in model.registers.of_kind(kind)]
    return data


def registers_json(model: EditionModel, data: dict | None = None) -> bytes:
    return (json.dumps(data or registers_data(model), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# -- CSV ------------------------------------------------------------------------------------

COMMON = ["id", "kind", "name", "name_language", "description", "sources", "url", "authority"]
EXTRA = {
    "person": ["birth_date", "birth", "death_date", "death"],
    "place": ["latitude", "longitude", "point_kind", "point_name", "point_note", "point_sources"],
}
VARIANT_COLUMNS = ["entry_id", "name", "language", "type", "uncertain"]
ROLE_COLUMNS = ["person_id", "label", "type", "when", "from", "to", "uncertain", "sources"]


def cell(value) -> str:
    """A JSON value as a CSV cell: lists of ids space-separated (ids hold no spaces)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(item["id"] if isinstance(item, dict) else item for item in value)
    return str(value)


def entry_row(record: dict) -> list[str]:
    row = [cell(record[column]) for column in COMMON]
    if record["kind"] == "person":
        birth, death = record["birth"] or {}, record["death"] or {}
        row += [cell(birth.get("when")), cell(birth.get("text")), cell(death.get("when")), cell(death.get("text"))]
    if record["kind"] == "place":
        point = record["location"] or {}
        row += [cell(point.get(k)) for k in ("latitude", "longitude", "kind", "point_name", "note", "sources")]
    return row


def _csv(header: list[str], rows) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)  # RFC 4180: CRLF line ends, quotes where needed
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def register_csvs(model: EditionModel, data: dict | None = None) -> dict[str, bytes]:
    """Site path -> bytes of every CSV, made from the same records as the JSON."""
    data = data or registers_data(model)
    files = {locations.register_csv(kind): _csv(COMMON + EXTRA.get(kind, []),
                                                (entry_row(r) for r in data[section(kind)])) for kind in KINDS}
    records = [r for kind in KINDS for r in data[section(kind)]]
    files[locations.VARIANTS_CSV] = _csv(VARIANT_COLUMNS, ([r["id"], *(cell(v[k]) for k in VARIANT_COLUMNS[1:])]
                                                           for r in records for v in r["variants"]))
    files[locations.ROLES_CSV] = _csv(ROLE_COLUMNS, ([r["id"], *(cell(s[k]) for k in ROLE_COLUMNS[1:])]
                                                     for r in records for s in r.get("states", [])))
    return files

