"""Stages 1-3: validation, model and the Markdown tree.

The tree (build/docs/) holds every page of the site as Markdown with front
matter, the navigation (.nav.json), the edition's facts for the theme
(.edition.json), the generated stylesheet of the bracket categories, the
citation downloads, the TEI files offered for download and a copy of the
hand-written assets: enough for any generator (MkDocs, or Zensical) to build
the site from. It is never edited by hand and never committed.

Everything is cached by content. When the sources, the assets and the code
are those of the last run, nothing is validated, rendered or written. When
one document changes, only that file is validated again, only its page is
rendered again (other pages come from the page cache unless what they show
changed), and only the files whose bytes differ are rewritten.
"""
from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..cite.citations import Citations, cite_edition
from ..exports.files import data_files
from ..fingerprint import code_digest, digest, files_digest, write_atomic
from ..markdown import bracket_styles
from ..markdown.cite_section import cite_files
from ..markdown.document_page import document_page
from ..markdown.edition_pages import edition_pages
from ..markdown.page import Page
from ..markdown.register_pages import register_pages
from ..markdown.site_pages import navigation
from ..model.address import PREVIEW_NOTICE
from ..model.documents import Document
from ..model.load import EditionModel, build_model
from ..paths import CACHE_DIR, Project
from ..search.page_meta import add_search_meta
from ..tei.characters import invisible_characters
from ..tei.corpus import source_paths
from ..tei.validate import load_valid_edition
from ..tei.validation_cache import ValidationCache
from .progress import log, source_log, stage

PAGE_CACHE = CACHE_DIR / "pages"
FINGERPRINT, MANIFEST, NAV, FACTS = ".fingerprint", ".generated.json", ".nav.json", ".edition.json"
WARNINGS = ".warnings.json"   # repeated by every build until fixed, so that --strict fails each time
BRACKETS_CSS = "assets/stylesheets/brackets.css"


@dataclass
class Tree:
    folder: Path
    fingerprint: str
    nav: list
    facts: dict            # the edition's facts the theme shows (title, version, preview...)
    model: EditionModel | None = None   # None when the tree was already up to date
    citations: Citations | None = None


def tei_downloads(model: EditionModel) -> dict[str, Path]:
    """Site path -> source file of every TEI file offered for download."""
    corpus = model.corpus
    files = {"tei/edition.xml": corpus.edition.path, "tei/registers.xml": corpus.registers.path}
    files.update({f"tei/documents/{d.slug}.xml": d.path for d in model.documents})
    return files


def inputs_digest(project: Project) -> str:
    """What the tree is made from: the sources, the hand-written assets, the code."""
    assets = [p for p in project.assets.rglob("*") if p.is_file()]
    return digest(code_digest(), files_digest(source_paths(project.tei_dir)), files_digest(assets))


def _read_fresh(folder: Path, fingerprint: str) -> Tree | None:
    try:
        if (folder / FINGERPRINT).read_text(encoding="utf-8") != fingerprint:
            return None
        tree = Tree(folder, fingerprint, json.loads((folder / NAV).read_text(encoding="utf-8")),
                    json.loads((folder / FACTS).read_text(encoding="utf-8")))
        _log_warnings(json.loads((folder / WARNINGS).read_text(encoding="utf-8")))
        return tree
    except (OSError, ValueError):
        return None


def edition_facts(model: EditionModel) -> dict:
    edition = model.edition
    return {"title": edition.title, "version": edition.version, "version_date": edition.version_date,
            "licence_url": edition.licence_url, "preview": edition.is_preview, "preview_notice": PREVIEW_NOTICE,
            "url": edition.url,
            # pages published under another address: the old one redirects to the new (mkdocs-redirects)
            "redirects": {f"documents/{former}.md": d.page_path for d in model.documents for former in d.former_slugs}}


def load(project: Project) -> tuple[EditionModel, Citations]:
    """Stages 1 and 2 and the citations: EditionError if the sources are invalid."""
    with stage("validate") as details:
        cache = ValidationCache()
        corpus = load_valid_edition(project.tei_dir, cache)
        details["files checked"] = f"{cache.misses} of {cache.misses + cache.hits}"
    with stage("model") as details:
        model = build_model(corpus)
        details["documents"] = str(len(model.documents))
    with stage("citations"):
        citations = cite_edition(model)
    return model, citations


# -- what each document's outputs are made from -------------------------------------------

def shared_inputs(model: EditionModel) -> str:
    """What any document's page or PDF may show besides the document itself:
    the code, the registers, the edition file, and the other documents'
    addresses, titles, dates and types and the ids links can point to."""
    corpus = digest(*(f"{d.slug}|{d.key}|{d.short_title}|{d.date}|{d.doctype}|{d.path.name}" for d in model.documents),
                    *(" ".join(d.tei.root.xpath("//@xml:id")) for d in model.documents))
    return digest(code_digest(), model.corpus.registers.path.read_bytes(), model.corpus.edition.path.read_bytes(),
                  corpus)


def document_inputs(document: Document, citations: Citations, shared: str) -> str:
    cited = citations.documents[document.slug]
    return digest(shared, document.path.read_bytes(),
                  json.dumps([cited.item, {k: vars(v) for k, v in cited.document.items()},
                              {p: {k: vars(v) for k, v in s.items()} for p, s in cited.paragraphs.items()}],
                             sort_keys=True))


# -- pages, with a cache for the document pages ------------------------------------------

def _cached_document_page(model: EditionModel, document: Document, citations: Citations, shared: str
                          ) -> tuple[Page, bool]:
    path = PAGE_CACHE / f"{document_inputs(document, citations, shared)}.json"
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        return Page(data["path"], data["title"], data["body"], data["meta"], data["warnings"]), True
    page = document_page(model, document, citations.documents[document.slug])
    write_atomic(path, json.dumps(vars(page), ensure_ascii=False).encode("utf-8"))
    return page, False


def render_site_pages(model: EditionModel, citations: Citations) -> tuple[list[Page], int]:
    """Every page in the web mode; returns the pages and how many document pages were rendered."""
    shared = shared_inputs(model)
    pages = edition_pages(model, citations)
    rendered = 0
    for document in model.documents:
        page, cached = _cached_document_page(model, document, citations, shared)
        pages.append(page)
        rendered += not cached
    pages += register_pages(model)
    for page in pages:  # what the page tells readers to cite, whichever copy serves it
        page.meta["permanent_url"] = model.edition.published(page.path)
    add_search_meta(model, pages)
    return pages, rendered


# -- writing the tree -----------------------------------------------------------------

def _contents(project: Project, model: EditionModel, pages: list[Page], citations: Citations) -> dict[str, bytes]:
    files: dict[str, bytes] = {page.path: page.markdown.encode("utf-8") for page in pages}
    files.update({path: text.encode("utf-8") for path, text in cite_files(model, citations).items()})
    files.update({path: source.read_bytes() for path, source in tei_downloads(model).items()})
    files.update(data_files(model))   # the corpus zip, registers, texts and CMIF (exports/locations.py)
    files.update({p.relative_to(project.assets.parent).as_posix(): p.read_bytes()
                  for p in project.assets.rglob("*") if p.is_file()})
    files[BRACKETS_CSS] = bracket_styles.css(model.edition, "web").encode("utf-8")
    files[NAV] = json.dumps(navigation(model), ensure_ascii=False).encode("utf-8")
    files[FACTS] = json.dumps(edition_facts(model), ensure_ascii=False).encode("utf-8")
    files[WARNINGS] = json.dumps(_warnings(model, pages), ensure_ascii=False).encode("utf-8")
    return files


def _warnings(model: EditionModel, pages: list[Page]) -> dict[str, list[str]]:
    return {"rendering": [w for page in pages for w in page.warnings],
            "sources": [str(w) for w in invisible_characters(model.corpus)]}


def _log_warnings(warnings: dict[str, list[str]]) -> None:
    for warning in warnings["rendering"]:
        log.warning(warning)      # an element the processing model cannot render: fails --strict
    for warning in warnings["sources"]:
        source_log.warning(warning)  # invisible characters: reported, not fatal


def sync(folder: Path, files: dict[str, bytes], manifest: str = MANIFEST) -> tuple[int, int]:
    """Write the files whose bytes changed and remove those the last run of
    this stage wrote and this one did not (other stages' files are left
    alone). Returns (written, removed)."""
    previous = []
    with contextlib.suppress(OSError, ValueError):  # no manifest yet: nothing to remove
        previous = json.loads((folder / manifest).read_text(encoding="utf-8"))
    written = 0
    for relative, data in files.items():
        target = folder / relative
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    stale = [name for name in previous if name not in files]
    for name in stale:
        (folder / name).unlink(missing_ok=True)
    listing = json.dumps(sorted(files))
    if listing != json.dumps(sorted(previous)):
        (folder / manifest).write_text(listing, encoding="utf-8")
    return written, len(stale)


def generated_files(folder: Path) -> list[str]:
    """The site files in the tree (not its bookkeeping files), for a generator."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def make_tree(project: Project) -> Tree:
    """The Markdown tree, up to date; EditionError if the sources are invalid."""
    fingerprint = inputs_digest(project)
    fresh = _read_fresh(project.tree, fingerprint)
    if fresh is not None:
        with stage("sources") as details:
            details["unchanged"] = "nothing validated, rendered or written"
        return fresh
    model, citations = load(project)
    with stage("pages") as details:
        pages, rendered = render_site_pages(model, citations)
        details["document pages rendered"] = f"{rendered} of {len(model.documents)}"
    with stage("markdown") as details:
        project.tree.mkdir(parents=True, exist_ok=True)
        (project.tree / FINGERPRINT).unlink(missing_ok=True)  # a tree half written is never taken for fresh
        written, removed = sync(project.tree, _contents(project, model, pages, citations))
        (project.tree / FINGERPRINT).write_text(fingerprint, encoding="utf-8")
        details["files written"] = f"{written}, removed {removed}"
    _log_warnings(_warnings(model, pages))
    return Tree(project.tree, fingerprint, navigation(model), edition_facts(model), model, citations)
