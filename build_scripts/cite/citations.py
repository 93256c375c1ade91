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
from .items import SENTINEL_ID, SENTINEL_NUMBER, citable_paragraphs, document_item, edition_item, paragraph_item
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


# A paragraph's citation differs from the others of its document only in its
# number and its address. Each document's paragraphs are therefore formatted
# once, with a sentinel number and address, and the sentinels replaced; a
# document whose output does not hold the sentinels where expected is
# formatted paragraph by paragraph instead. (Tests compare every paragraph
# with citeproc-js's own output for its item.)


def _document_job(model: EditionModel, document: Document) -> dict:
    item = document_item(model, document)
    template = paragraph_item(model, document, None)
    citations = [{"style": s.key, "item": item["id"]} for s in STYLES]
    citations += [{"style": s.key, "item": template["id"], "locator": SENTINEL_NUMBER, "label": "paragraph"}
                  for s in STYLES]
    return {"items": [item, template], "citations": citations, "exports": [item["id"]]}


def _paragraph_job(model: EditionModel, document: Document) -> dict:
    """Every paragraph formatted on its own (the fallback)."""
    paragraphs = [(p, paragraph_item(model, document, p)) for p in citable_paragraphs(document)]
    return {"items": [i for _, i in paragraphs], "exports": [],
            "citations": [{"style": s.key, "item": i["id"], "locator": p.get("n"), "label": "paragraph"}
                          for p, i in paragraphs for s in STYLES]}


def _from_template(template: Formatted, number: str, paragraph_id: str) -> Formatted | None:
    if template.citation.count(SENTINEL_NUMBER) != 1 or not number.isdigit():
        return None
    return Formatted(template.citation.replace(SENTINEL_NUMBER, number).replace(SENTINEL_ID, paragraph_id),
                     template.bibliography.replace(SENTINEL_ID, paragraph_id))


def _document_citations(model: EditionModel, document: Document, answer: dict) -> DocumentCitations | None:
    item = document_item(model, document)
    formatted = [Formatted(a["citation"], a["bibliography"]) for a in answer["citations"]]
    result = DocumentCitations(item, bibtex=answer["bibtex"][item["id"]], ris=answer["ris"][item["id"]])
    result.document = {s.key: f for s, f in zip(STYLES, formatted[:len(STYLES)], strict=True)}
    templates = dict(zip((s.key for s in STYLES), formatted[len(STYLES):], strict=True))
    for paragraph in citable_paragraphs(document):
        styles = {key: _from_template(template, paragraph.get("n"), paragraph.get(XML_ID))
                  for key, template in templates.items()}
        complete = {key: made for key, made in styles.items() if made is not None}
        if len(complete) != len(styles):
            return None
        result.paragraphs[paragraph.get(XML_ID)] = complete
    return result


def _by_paragraph(document: Document, result: DocumentCitations, answer: dict) -> DocumentCitations:
    formatted = iter(Formatted(a["citation"], a["bibliography"]) for a in answer["citations"])
    for paragraph in citable_paragraphs(document):
        result.paragraphs[paragraph.get(XML_ID)] = {s.key: next(formatted) for s in STYLES}
    return result


@dataclass
class Citations:
    edition: dict[str, Formatted]              # style -> the edition as a whole
    documents: dict[str, DocumentCitations]    # slug -> the document and its paragraphs


def cite_edition(model: EditionModel) -> Citations:
    """Citations of the edition and of every document, in one batch."""
    styles = {s.key: style_xml(s) for s in STYLES}
    locale = locale_xml()
    edition = edition_item(model)
    jobs = [{"items": [edition], "citations": [{"style": s.key, "item": edition["id"]} for s in STYLES]}]
    jobs += [_document_job(model, d) for d in model.documents]
    answers = engine.run_jobs(locale, styles, jobs)
    whole = {s.key: Formatted(a["citation"], a["bibliography"]) for s, a in zip(STYLES, answers[0]["citations"], strict=True)}
    documents, fallback = {}, []
    for document, answer in zip(model.documents, answers[1:], strict=True):
        cited = _document_citations(model, document, answer)
        if cited is None:
            fallback.append((document, answer))
        else:
            documents[document.slug] = cited
    if fallback:
        answers = engine.run_jobs(locale, styles, [_paragraph_job(model, d) for d, _ in fallback])
        for (document, first), answer in zip(fallback, answers, strict=True):
            cited = DocumentCitations(document_item(model, document), bibtex=first["bibtex"][document.key],
                                      ris=first["ris"][document.key])
            cited.document = {s.key: Formatted(a["citation"], a["bibliography"])
                              for s, a in zip(STYLES, first["citations"][:len(STYLES)], strict=True)}
            documents[document.slug] = _by_paragraph(document, cited, answer)
    return Citations(whole, {d.slug: documents[d.slug] for d in model.documents})
