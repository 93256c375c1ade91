"""Look-up cards: the short entry shown when a reader hovers, focuses or taps
a name. Each page carries the cards of the entries it mentions as JSON, so
they work without a server and from the file system."""
from __future__ import annotations

from ..inline_json import script_safe_json
from ..model.documents import Document
from ..model.load import EditionModel
from ..model.registers import Entry

KIND_LABELS = {"person": "Person", "place": "Place", "org": "Organisation", "term": "Glossary"}


def card(entry: Entry, document: Document | None) -> dict:
    """The card's content; its link is the mention's own href."""
    data = {
        "kind": KIND_LABELS[entry.kind],
        "name": entry.name,
        "lang": entry.main_name.lang or "",
        "variants": [{"text": n.text, "lang": n.lang or ""} for n in entry.variants[:4]],
        "summary": entry.summary,
    }
    if document is not None:
        held = entry.states_on(document.date)
        if held:
            data["role"] = f"On {document.date_label}: " + "; ".join(s.label for s in held)
    return data


def cards_script(model: EditionModel, entry_ids, document: Document | None) -> str:
    """A JSON script block with the cards of the given entries."""
    cards = {i: card(model.registers[i], document) for i in entry_ids if i in model.registers.entries}
    if not cards:
        return ""
    return f'<script type="application/json" id="entry-cards">{script_safe_json(cards)}</script>'

