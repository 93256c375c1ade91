"""Every citation the site shows, per document: the document in each style,
each numbered paragraph in each style, and the BibTeX, RIS and CSL-JSON
downloads."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..inline_json import script_safe_json
from ..model.documents import Document
from ..model.load import EditionModel
from ..tei.parser import XML_ID
from . import engine
from .items import citable_paragraphs, document_item, edition_item, paragraph_item
from .styles import STYLES, locale_xml, style_xml


@dataclass(frozen=True)
class Formatted:
    citation: str       # HTML: a note (Chicago) or an in-text citation (MLA, APA)
    bibliography: str   # HTML: the bibliography entry


@dataclass
class DocumentCitations:
    item: dict
    document: dict[str, Formatted] = field(default_factory=dict)             # style -> formatted
    paragraphs: dict[str, dict[str, Formatted]] = field(default_factory=dict)  # paragraph id -> style -> formatted
    bibtex: str = ""
    ris: str = ""

    def csl_json(self) -> str:
        return json.dumps([self.item], ensure_ascii=False, indent=2)

    def paragraph_script(self, key: str) -> str:
        """The paragraph citations as a script that the page loads on demand (works from file://)."""
        data = {pid: {style: vars(f) for style, f in styles.items()} for pid, styles in self.paragraphs.items()}
        payload = script_safe_json(data)
        return (f"window.editionCitations = window.editionCitations || {{}};\n"
                f"window.editionCitations[{json.dumps(key)}] = {payload};\n")


def cite_document(model: EditionModel, document: Document, styles: dict[str, str], locale: str) -> DocumentCitations:
    item = document_item(model, document)
    paragraphs = [(p, paragraph_item(model, document, p)) for p in citable_paragraphs(document)]
    requests = [{"style": s.key, "item": item["id"]} for s in STYLES]
    requests += [{"style": s.key, "item": p_item["id"], "locator": p.get("n"), "label": "paragraph"}
                 for p, p_item in paragraphs for s in STYLES]
    answer = engine.run({"locale": locale, "styles": styles, "items": [item, *(i for _, i in paragraphs)],
                         "citations": requests, "exports": [item["id"]]})
    formatted = iter(Formatted(a["citation"], a["bibliography"]) for a in answer["citations"])
    result = DocumentCitations(item, bibtex=answer["bibtex"][item["id"]], ris=answer["ris"][item["id"]])
    result.document = {s.key: next(formatted) for s in STYLES}
    for paragraph, _ in paragraphs:
        result.paragraphs[paragraph.get(XML_ID)] = {s.key: next(formatted) for s in STYLES}
    return result


@dataclass
class Citations:
    edition: dict[str, Formatted]              # style -> the edition as a whole
    documents: dict[str, DocumentCitations]    # slug -> the document and its paragraphs


def cite_whole_edition(model: EditionModel, styles: dict[str, str], locale: str) -> dict[str, Formatted]:
    item = edition_item(model)
    answer = engine.run({"locale": locale, "styles": styles, "items": [item],
                         "citations": [{"style": s.key, "item": item["id"]} for s in STYLES]})
    return {s.key: Formatted(a["citation"], a["bibliography"]) for s, a in zip(STYLES, answer["citations"])}


def cite_edition(model: EditionModel) -> Citations:
    """Citations of the edition and of every document."""
    styles = {s.key: style_xml(s) for s in STYLES}
    locale = locale_xml()
    return Citations(cite_whole_edition(model, styles, locale),
                     {d.slug: cite_document(model, d, styles, locale) for d in model.documents})
