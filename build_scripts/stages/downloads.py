"""Stage 5: the downloads, written into the tree's downloads/ folder so that
any generator publishes them: a PDF of each document, the edition's PDF
(or, for a large edition, a PDF with the contents of every volume and one
PDF per volume: model/volumes.py) and the EPUB.

Each output is cached by content at two levels. First by what it is made
from (the document's sources and citations, plus what every page may show
of the edition): an unchanged document's PDF is reused without assembling
anything. When those inputs changed, the book is assembled and its HTML
hashed, and WeasyPrint runs only if that HTML is new. So an edit to one
document renders again that document's PDF and its volume; the EPUB, one
file of everything, is assembled again.

The work runs in a pool of processes, one per core, forked after the model
is loaded so that each worker assembles and renders its own books.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import weasyprint

from ..book.assemble import Book, document_book, edition_book
from ..cite.citations import Citations
from ..epub.build import render_epub
from ..fingerprint import digest, write_atomic
from ..markdown import links
from ..markdown.modes import EPUB, PRINT
from ..model.load import EditionModel
from ..model.volumes import in_volumes, volumes
from ..paths import CACHE_DIR, Project
from ..pdf.render import document_html, write_pdf
from .progress import stage
from .tree import Tree, document_inputs, load, shared_inputs, sync

CACHE = CACHE_DIR / "downloads"
RENDERER_CODE = Path(write_pdf.__code__.co_filename).read_bytes()
MANIFEST = ".downloads.json"     # in the tree: the files this stage wrote
FINGERPRINT = ".downloads-fingerprint"


@dataclass(frozen=True)
class Job:
    path: str        # site path of the output
    kind: str        # "document", "volume", "edition" (PDFs) or "epub"
    subject: str     # the document's slug or the volume's id ("" for the edition)
    inputs: str      # digest of what the output is made from


@dataclass
class Outcome:
    job: Job
    data_key: str            # cache key of the bytes
    work: str                # "reused", "assembled" (same HTML as before) or "rendered"
    seconds: float
    weasyprint_seconds: float = 0.0


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, work: str, kind: str | None = None) -> int:
        return sum(1 for o in self.outcomes if o.work == work and (kind is None or o.job.kind == kind))

    def summary(self) -> str:
        rendered = [o.job.path.rsplit("/", 1)[-1] for o in self.outcomes if o.work == "rendered"]
        shown = ", ".join(rendered[:4]) + (f" and {len(rendered) - 4} more" if len(rendered) > 4 else "")
        return (f"{len(self.outcomes)} files; rendered {len(rendered)}{': ' + shown if rendered else ''}; "
                f"reused {self.count('reused') + self.count('assembled')}")


def plan(model: EditionModel, citations: Citations) -> list[Job]:
    """Every download and what it is made from, the biggest first (so that
    the pool is not left waiting for one long book at the end)."""
    shared = shared_inputs(model)
    per_document = {d.slug: document_inputs(d, citations, shared) for d in model.documents}
    edition_citation = json.dumps({k: vars(v) for k, v in citations.edition.items()}, sort_keys=True)
    everything = digest(shared, edition_citation, *per_document.values())
    jobs = [Job(links.edition_epub(), "epub", "", digest("epub", everything)),
            Job(links.edition_pdf(), "edition", "", digest("edition", str(in_volumes(model.documents)), everything))]
    if in_volumes(model.documents):
        jobs += [Job(links.volume_pdf(v.id), "volume", v.id,
                     digest("volume", v.id, shared, edition_citation, *(per_document[d.slug] for d in v.documents)))
                 for v in volumes(model.documents)]
    jobs += [Job(links.document_pdf(d), "document", d.slug, digest("document", per_document[d.slug]))
             for d in model.documents]
    return jobs


# -- in the workers ------------------------------------------------------------------

# Set before the pool forks: the workers read the model their parent loaded.
_model: EditionModel | None = None
_citations: Citations | None = None
_html_dir: Path | None = None


def _book(job: Job) -> Book:
    model, citations = _model, _citations
    assert model is not None and citations is not None, "render() sets the model before the pool starts"
    if job.kind == "document":
        return document_book(model, citations, model.document(job.subject), PRINT)
    if job.kind == "volume":
        volume = next(v for v in volumes(model.documents) if v.id == job.subject)
        return edition_book(model, citations, PRINT, volume)
    return edition_book(model, citations, EPUB if job.kind == "epub" else PRINT)


def _run(job: Job) -> Outcome:
    started = time.monotonic()
    book = _book(job)
    if job.kind == "epub":
        data = render_epub(book)
        key = digest(data)
        write_atomic(CACHE / key, data)
        return Outcome(job, key, "rendered", time.monotonic() - started)
    source = document_html(book)
    if _html_dir is not None:  # kept for the benchmark, which times WeasyPrint alone on it
        (_html_dir / (job.path.replace("/", "_") + ".html")).write_text(source, encoding="utf-8")
    key = digest("pdf", weasyprint.__version__, RENDERER_CODE, source)  # the options of write_pdf count too
    if (CACHE / key).exists():
        return Outcome(job, key, "assembled", time.monotonic() - started)
    rendering = time.monotonic()
    write_atomic(CACHE / key, write_pdf(source, book.identifier))
    return Outcome(job, key, "rendered", time.monotonic() - started, time.monotonic() - rendering)


# -- in the parent -------------------------------------------------------------------

def _known(job: Job) -> str | None:
    """The cache key of the output last made from the same inputs, if still cached."""
    try:
        key = (CACHE / "inputs" / job.inputs).read_text(encoding="utf-8")
    except OSError:
        return None
    return key if (CACHE / key).exists() else None


def _execute(jobs: list[Job], workers: int) -> list[Outcome]:
    if workers <= 1 or len(jobs) <= 1:
        return [_run(job) for job in jobs]
    # fork: the workers inherit the loaded model instead of loading it again
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(_run, job) for job in jobs]
        return [future.result() for future in as_completed(futures)]


def render(model: EditionModel, citations: Citations, workers: int | None = None, kinds: set[str] | None = None,
           html_dir: Path | None = None) -> tuple[dict[str, bytes], Report]:
    """Site path -> bytes of every download (of `kinds`, if given), making only what is not cached."""
    global _model, _citations, _html_dir
    started = time.monotonic()
    jobs = [job for job in plan(model, citations) if kinds is None or job.kind in kinds]
    report = Report()
    keys: dict[str, str] = {}
    todo = []
    for job in jobs:
        known = None if html_dir else _known(job)
        if known:
            keys[job.path] = known
            report.outcomes.append(Outcome(job, known, "reused", 0.0))
        else:
            todo.append(job)
    _model, _citations, _html_dir = model, citations, html_dir
    try:
        for outcome in _execute(todo, workers or os.cpu_count() or 1):
            keys[outcome.job.path] = outcome.data_key
            write_atomic(CACHE / "inputs" / outcome.job.inputs, outcome.data_key.encode("utf-8"))
            report.outcomes.append(outcome)
    finally:
        _model = _citations = _html_dir = None
    report.seconds = time.monotonic() - started
    return {path: (CACHE / key).read_bytes() for path, key in keys.items()}, report


def make_downloads(project: Project, tree: Tree, workers: int | None = None) -> Report | None:
    """Bring the tree's downloads/ up to date; None when they already were."""
    fingerprint_file = tree.folder / FINGERPRINT
    try:
        if fingerprint_file.read_text(encoding="utf-8") == tree.fingerprint:
            with stage("downloads") as details:
                details["unchanged"] = "no PDF or EPUB work"
            return None
    except OSError:
        pass
    model, citations = (tree.model, tree.citations) if tree.model and tree.citations else load(project)
    with stage("downloads") as details:
        files, report = render(model, citations, workers)
        fingerprint_file.unlink(missing_ok=True)
        written, removed = sync(tree.folder, files, MANIFEST)
        fingerprint_file.write_text(tree.fingerprint, encoding="utf-8")
        details["work"] = report.summary()
        details["files written"] = f"{written}, removed {removed}"
    return report
