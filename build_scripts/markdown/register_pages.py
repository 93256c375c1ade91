"""Register pages: an index per kind (persons, places, organisations,
glossary) with every entry in full, and a page per entry with its dated
roles and every paragraph that mentions it."""
from __future__ import annotations

from collections import defaultdict

from ..exports.json_ld import entry_json_ld
from ..exports.references import authority_idnos
from ..model.load import EditionModel
from ..model.registers import KINDS, Entry, Name
from . import escape, links
from .behaviours import sources_line
from .map_pages import location_line
from .modes import WEB
from .page import Page
from .renderer import Renderer

_SCRIPT_LABELS = {"zh-Hans": "Chinese", "zh-Hant": "Chinese (traditional)", "ru": "Russian", "ko": "Korean",
                  "ko-Hani": "Korean (hanja)"}
_TYPE_LABELS = {"modern": "modern name", "historical": "historical name", "variant": "variant",
                "birth": "name at birth", "abbreviation": "abbreviation", "original": "original script",
                "lemma": "headword"}

INTRODUCTIONS = {
    "person": "People named in the documents, with the offices they held on each document's date.",
    "place": "Places named in the documents, with their historical and modern names.",
    "org": "Organisations named in the documents, under their full and correct names.",
    "term": "Terms a reader of these documents needs explained, with their variants and Chinese forms.",
}


def name_html(name: Name) -> str:
    return f"<span{escape.attrs(lang=name.lang)}>{escape.text(name.text)}</span>"


def _name_label(name: Name) -> str:
    if name.type == "original" and name.lang in _SCRIPT_LABELS:
        return _SCRIPT_LABELS[name.lang]
    label = _TYPE_LABELS.get(name.type, name.type)
    return label + (", uncertain" if name.uncertain else "")  # "(variant, uncertain)", not nested brackets


def variants_line(entry: Entry) -> str:
    if not entry.variants:
        return ""
    items = [f"{name_html(n)} <span class=\"name-type\">({escape.text(_name_label(n))})</span>"
             for n in entry.variants]
    return '<span class="label">Also:</span> ' + "; ".join(items)


def life_line(entry: Entry) -> str:
    parts = []
    if entry.birth:
        parts.append(f"born {escape.text(entry.birth)}")
    if entry.death:
        parts.append(f"died {escape.text(entry.death)}")
    if entry.kind == "person" and not parts:
        parts.append("life dates unknown")
    if not parts:
        return ""
    line = "; ".join(parts)
    return line[0].upper() + line[1:] + "."


def description(renderer: Renderer, entry: Entry) -> str:
    return escape.block(renderer.inline(entry.description).strip() + " "
                        + sources_line(renderer, entry.description, list(entry.sources)))


def occurrences(renderer: Renderer, model: EditionModel, entry: Entry, scope=None) -> str:
    """Every paragraph naming the entry, in the documents of `scope` (default: all)."""
    found = model.occurrences.get(entry.id, [])
    if not found:
        return "*Not mentioned in the texts of the edition.*"
    by_document = defaultdict(list)
    for occurrence in found:
        by_document[occurrence.document.slug].append(occurrence)
    lines = []
    for document in scope or model.documents:
        if document.slug not in by_document:
            continue
        units = ", ".join(f"[{escape.text(o.label)}]({renderer.link(links.document_page(document) + '#' + o.unit_id)})"
                          for o in by_document[document.slug])
        title = f"[{escape.text(document.short_title)}]({renderer.link(links.document_page(document))})"
        lines.append(f"- {title}: {units}")
    return "\n".join(lines)


def roles_table(renderer: Renderer, model: EditionModel, entry: Entry, scope=None) -> str:
    if not entry.states:
        return ""
    rows = ["| Period | Office or status | Held at the date of |", "|---|---|---|"]
    mentioned_in = {o.document.slug for o in model.occurrences.get(entry.id, [])}
    for state in entry.states:
        held_at = [f"[{escape.text(d.short_title)}]({renderer.link(links.document_page(d))})"
                   for d in scope or model.documents if d.slug in mentioned_in and state.covers(d.date)]
        sources = sources_line(renderer, entry.element, list(state.sources))
        rows.append(f"| {escape.text(state.period) or 'date not known'} | {escape.text(state.label)} {sources} | "
                    f"{', '.join(held_at)} |")
    return "\n".join(rows)


AUTHORITY_NAMES = {"wikidata": "Wikidata", "geonames": "GeoNames", "viaf": "VIAF", "gnd": "GND"}


def authority_line(renderer: Renderer, entry: Entry) -> str:
    """The entry's identifiers in authority files, each with its source."""
    items = []
    for idno in authority_idnos(entry):
        uri = (idno.text or "").strip()
        label = AUTHORITY_NAMES.get(idno.get("type", ""), idno.get("type", "identifier"))
        shown = escape.text(f"{label} {uri.rstrip('/').rsplit('/', 1)[-1]}")
        items.append(escape.link(shown, uri) + " " + sources_line(renderer, idno, (idno.get("source") or "").split()))
    return '<span class="label">In authority files:</span> ' + "; ".join(items) if items else ""


def entry_section(renderer: Renderer, model: EditionModel, entry: Entry, level: int, with_roles: bool,
                  scope=None) -> str:
    """An entry in full; `scope` limits its mentions and roles to some documents."""
    heading = f"{'#' * level} {name_html(entry.main_name)} " + escape.attr_list(entry.id if level > 1 else None,
                                                                               ("entry-name",))
    parts = [heading, variants_line(entry), life_line(entry), description(renderer, entry),
             location_line(renderer, entry), authority_line(renderer, entry)]
    for note in entry.notes:
        parts.append('<span class="label">Identification:</span> ' + renderer.inline(note).strip() + " "
                     + sources_line(renderer, note, (note.get("source") or "").split()))
    if with_roles:
        parts.append(roles_table(renderer, model, entry, scope))
    parts += [f"{'#' * (level + 1)} Mentioned in", occurrences(renderer, model, entry, scope)]
    if level > 1:
        parts.append(f"[Full entry]({renderer.link(links.entry_page(entry))})")
    return "\n\n".join(p for p in parts if p)


def entry_page(model: EditionModel, entry: Entry) -> Page:
    renderer = Renderer(model, links.entry_page(entry))
    body = entry_section(renderer, model, entry, 1, with_roles=True)
    back = f"[All {KINDS[entry.kind][4].lower()}]({renderer.link(links.kind_index(entry.kind))})"
    body = "\n\n".join(s for s in [body, back, *renderer.closing_sections()] if s)
    meta: dict = {"description": entry.summary, "entry": entry.id}
    described = entry_json_ld(model, entry)
    if described is not None:  # schema.org, for the page head (persons and places)
        meta["json_ld"] = described
    return Page(links.entry_page(entry), entry.name, body, meta, renderer.warnings)


def index_page(model: EditionModel, kind: str, mode: str = WEB) -> Page:
    path = links.kind_index(kind)
    renderer = Renderer(model, path, mode=mode)
    title = KINDS[kind][4]
    sections = [f"# {title}", INTRODUCTIONS[kind]]
    sections += [entry_section(renderer, model, entry, 2, with_roles=True) for entry in model.registers.of_kind(kind)]
    sections += renderer.closing_sections()
    return Page(path, title, "\n\n".join(s for s in sections if s), {"description": INTRODUCTIONS[kind]}, renderer.warnings)


def selection_page(model: EditionModel, entries: list[Entry], path: str, title: str, documents,
                   mode: str) -> Page:
    """The entries some documents name, with their mentions and roles in those
    documents only (the register of a document's PDF, or of a volume)."""
    renderer = Renderer(model, path, mode=mode)
    sections = [f"# {escape.text(title)}"]
    sections += [entry_section(renderer, model, entry, 2, with_roles=True, scope=documents) for entry in entries]
    return Page(path, title, "\n\n".join(sections), {}, renderer.warnings)


def register_pages(model: EditionModel) -> list[Page]:
    pages = [index_page(model, kind) for kind in KINDS]
    pages += [entry_page(model, entry) for entry in model.registers.entries.values()]
    return pages
