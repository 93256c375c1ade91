"""The "Cite this document" section of a document page, its downloads, and
the bibliographic metadata in the page head that reference managers read
(Highwire Press `citation_*` tags and Dublin Core)."""
from __future__ import annotations

import html

from ..cite.citations import Citations, DocumentCitations
from ..cite.items import document_url
from ..cite.styles import STYLES
from ..model.documents import Document
from ..model.load import EditionModel
from . import escape, links
from .renderer import Renderer

DOWNLOADS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))


def download_path(document: Document, extension: str) -> str:
    return f"cite/{document.slug}.{extension}"


def cite_files(model: EditionModel, citations: Citations) -> dict[str, str]:
    """Site path -> content of every citation download and paragraph-citation script."""
    files = {}
    for document in model.documents:
        cited = citations.documents[document.slug]
        files[download_path(document, "bib")] = cited.bibtex
        files[download_path(document, "ris")] = cited.ris
        files[download_path(document, "json")] = cited.csl_json()
        files[download_path(document, "js")] = cited.paragraph_script(document.key)
    return files


def styles_html(formatted_by_style) -> str:
    """The three styles side by side: citation (or note) and bibliography entry."""
    return f'<div class="cite-styles">{"".join(_style_block(s, formatted_by_style[s.key]) for s in STYLES)}</div>'


def _style_block(style, formatted) -> str:
    return (f'<section class="cite-style" data-style="{style.key}" aria-labelledby="cite-{style.key}">'
            f'<h3 id="cite-{style.key}">{html.escape(style.label)}</h3>'
            f'<p class="cite-kind">{html.escape(style.citation_label)}</p>'
            f'<div class="csl-output csl-citation">{formatted.citation}</div>'
            f'<p class="cite-kind">{html.escape(style.bibliography_label)}</p>'
            f'<div class="csl-output csl-bibliography">{formatted.bibliography}</div></section>')


def cite_section(renderer: Renderer, document: Document, cited: DocumentCitations) -> str:
    downloads = " · ".join(
        f"[{label}]({renderer.link(download_path(document, extension))})"
        + escape.attr_list(None, ("cite-download",), download=f"{document.slug}.{extension}")
        for extension, label in DOWNLOADS)
    data = (f"[Citations of each paragraph]({renderer.link(download_path(document, 'js'))})"
            + escape.attr_list(None, ("paragraph-citations",), data_key=document.key))
    version = renderer.model.edition.version
    return "\n\n".join([
        "## Cite this document {: #cite }",
        f"Formatted with the CSL styles below from the edition's version {escape.text(version)}. To cite a "
        "paragraph, use the paragraph's number (shown in the margin) and its own address, or the "
        "paragraph's <em>Cite</em> button.",
        styles_html(cited.document),
        f"Download the reference: {downloads}",
        f'<p class="paragraph-citations-link" hidden markdown="1">{data}</p>',
    ])


def head_metadata(model: EditionModel, document: Document) -> list[list[str]]:
    """Highwire Press and Dublin Core tags, so that Zotero and other tools can save the document."""
    date = document.date.replace("-", "/")
    tags = [
        ["citation_title", document.title],
        ["citation_date", date],
        ["citation_publication_date", model.edition.version_date.replace("-", "/")],
        ["citation_publisher", model.edition.publisher],
        ["citation_public_url", document_url(model, document)],
        ["citation_pdf_url", model.edition.published(links.document_pdf(document))],
        ["citation_language", "en"],
        ["DC.title", document.title],
        ["DC.date", document.date],
        ["DC.type", "Text"],
        ["DC.publisher", model.edition.publisher],
        ["DC.identifier", document_url(model, document)],
        ["DC.language", "en"],
        ["DC.rights", model.edition.licence_url],
        ["DC.relation.isPartOf", model.edition.full_title],
    ]
    tags += [["DC.creator", party.name] for party in document.senders]
    if document.translator.recorded:
        tags.append(["DC.contributor", document.translator.text])
    if document.archive_reference.recorded:
        tags.append(["DC.source", f"{document.repository.text}, {document.archive_reference.text}"])
    return tags
