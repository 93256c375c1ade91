"""How the build scales, printed as figures (never asserted in tests).

    python -m build_scripts.benchmark scale [--documents 100 1000] [--downloads 100] [--keep DIR]
    python -m build_scripts.benchmark validation [--paragraphs 1000 10000 100000]
    python -m build_scripts.benchmark serve
    python -m build_scripts.benchmark search [--documents 100 1000]

`scale` copies the project with N synthetic documents (clones of the real
ones under new ids, spread over twenty years) and times each stage in its
own process, cold (empty caches), with the peak memory of each:
validation, the Markdown tree, MkDocs on the tree (pages and search, no
downloads); then one document edited: the stages before the generator, in a
fresh process and in a warm one (as in `mkdocs serve`), and MkDocs again;
the navigation's weight per page. With `--downloads N`, it also times the
document PDFs against WeasyPrint alone on the same HTML (same number of
processes), the rest of the downloads, and what an edit renders again.
It ends with a table and the ratio t(largest)/t(smallest).

`serve` times the live preview: from saving a TEI edit to the page showing it.

`search` builds the online and offline sites of N synthetic documents and
prints the search's figures (search/measure.py): index sizes and files,
bytes and time of a first and a second query in Chromium.

`validation` validates the edition with one document lengthened to N
paragraphs and prints the time of each run and the ratio of the last two.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .paths import TEI_DIR
from .synthetic import lengthen_minutes, project_with_documents


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output: str


def run(args: list[str], env: dict[str, str]) -> Run:
    """A command in its own process: wall time, the peak memory of its
    largest process (pool workers included) and its output."""
    started = time.monotonic()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, **env})
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"failed: {' '.join(args)}\n{output[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, output)


def stage_module(*args: str) -> list[str]:
    return [sys.executable, "-m", "build_scripts.build", *args]


def mkdocs(project: Path, site: Path, quiet: bool = True) -> list[str]:
    """`mkdocs build` of a project; not quiet, its log has the stages' lines."""
    return [sys.executable, "-m", "mkdocs", "build", *(["-q"] if quiet else []), "-f", str(project / "mkdocs.yml"),
            "-d", str(site)]


def nav_bytes(html: str) -> int:
    match = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', html, re.S)
    return len(match.group(0).encode()) if match else 0


def edit_one_document(project: Path, mark: str) -> Path:
    """Add words to the first paragraph of the text of the middle document."""
    paths = sorted((project / "tei" / "documents").glob("*.xml"))
    path = paths[len(paths) // 2]
    text = path.read_text(encoding="utf-8")
    head, body = text.split("<body>", 1)
    path.write_text(head + "<body>" + body.replace("</p>", f" (edited {mark})</p>", 1), encoding="utf-8")
    return path


def _warm(project: Path) -> int:
    """In one process, as `mkdocs serve`: the tree, then an edit, then the tree again."""
    from .paths import Project
    from .stages.tree import make_tree
    from .tei.schema import tei_all

    where = Project.at(project)
    make_tree(where)
    tei_all()  # compiled, as in a serve session that has already re-validated an edited file
    edit_one_document(project, "warm")
    started = time.monotonic()
    make_tree(where)
    print(json.dumps({"seconds": time.monotonic() - started}))
    return 0


def _document_pdfs(project: Path, html_dir: Path) -> int:
    """The downloads stage for the document PDFs alone, keeping their HTML."""
    from .paths import Project
    from .stages.downloads import render
    from .stages.tree import load

    model, citations = load(Project.at(project))
    started = time.monotonic()
    _, report = render(model, citations, kinds={"document"}, html_dir=html_dir)
    print(json.dumps({"seconds": time.monotonic() - started, "rendered": report.count("rendered")}))
    return 0


def _weasyprint_file(path: Path) -> None:
    from .pdf.render import write_pdf
    write_pdf(path.read_text(encoding="utf-8"), path.stem)


def _weasyprint_alone(html_dir: Path) -> int:
    """WeasyPrint on the same HTML files, with as many processes as the stage."""
    files = sorted(html_dir.glob("*.html"))
    started = time.monotonic()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_weasyprint_file, files))
    print(json.dumps({"seconds": time.monotonic() - started, "files": len(files)}))
    return 0


def serve_latency(root: Path) -> int:
    """`mkdocs serve` on a copy of today's edition: the time from saving a
    TEI edit to the served page showing it (polled every 0.1 s)."""
    import socket
    import urllib.request

    from .paths import copy_project

    project = copy_project(root / "project")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                               "--dev-addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "EDITION_BUILD_DIR": str(root / "cache"), "NO_MKDOCS_2_WARNING": "1"})

    def page() -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/documents/1962-06-26-ji-chervonenko-conversation/",
                                        timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        started = time.monotonic()
        while "Chervonenko" not in page():
            time.sleep(0.2)
        print(f"serve ready after {time.monotonic() - started:.1f} s (first build, tei_all compiled)")
        for attempt in range(3):
            path = project / "tei" / "documents" / "1962-06-26-ji-chervonenko-conversation.xml"
            mark = f"edited-for-timing-{attempt}"
            head, body = path.read_text(encoding="utf-8").split("<body>", 1)
            path.write_text(head + "<body>" + body.replace("</p>", f" {mark}</p>", 1), encoding="utf-8")
            saved = time.monotonic()
            while mark not in page():
                time.sleep(0.1)
            print(f"edit {attempt + 1}: shown {time.monotonic() - saved:.1f} s after saving")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


def _last_json(output: str) -> dict:
    return json.loads([line for line in output.splitlines() if line.startswith("{")][-1])


def _stage_detail(output: str, stage: str) -> str:
    match = re.search(rf"^{stage} +[\d.]+ s +\((.*)\)$", output, re.M)
    return match.group(1) if match else ""


def scale_one(documents: int, root: Path, downloads: bool) -> dict:
    project = project_with_documents(root / "project", documents)
    env = {"EDITION_BUILD_DIR": str(root / "cache"), "NO_MKDOCS_2_WARNING": "1"}
    quick = {**env, "EDITION_DOWNLOADS": "false"}
    figures: dict = {"documents": documents}
    print(f"\n== {documents} documents", flush=True)
    validate = run(stage_module("validate", "--project", str(project)), env)
    tree = run(stage_module("markdown", "--project", str(project)), env)
    site = run(mkdocs(project, root / "site"), quick)
    figures.update(validate=validate.seconds, validate_mb=validate.peak_mb, tree=tree.seconds, tree_mb=tree.peak_mb,
                   mkdocs=site.seconds, mkdocs_mb=site.peak_mb, cold=validate.seconds + tree.seconds + site.seconds)
    pages = [p for p in sorted((root / "site" / "documents").glob("*/index.html")) if not p.parent.name.isdigit()]
    navs = [nav_bytes(p.read_text(encoding="utf-8")) for p in pages[:: max(1, len(pages) // 50)]]
    figures.update(nav_kb=statistics.median(navs) / 1024, nav_max_kb=max(navs) / 1024,
                   page_kb=statistics.median(p.stat().st_size for p in pages) / 1024)
    print(f"cold: validate {validate.seconds:.1f} s, tree {tree.seconds:.1f} s, MkDocs {site.seconds:.1f} s", flush=True)

    edit_one_document(project, "fresh")
    incremental = run(stage_module("markdown", "--project", str(project)), env)
    figures.update(edit_fresh=incremental.seconds, edit_written=_stage_detail(incremental.output, "markdown"),
                   edit_rendered=_stage_detail(incremental.output, "pages"))
    warm = run([sys.executable, "-m", "build_scripts.benchmark", "_warm", str(project)], env)
    figures["edit_warm"] = _last_json(warm.output)["seconds"]
    figures["edit_mkdocs"] = run(mkdocs(project, root / "site"), quick).seconds
    print(f"after an edit: stages {incremental.seconds:.1f} s (fresh process), {figures['edit_warm']:.1f} s (warm); "
          f"MkDocs {figures['edit_mkdocs']:.1f} s", flush=True)

    if downloads:
        html_dir = root / "html"
        html_dir.mkdir(exist_ok=True)
        stage_pdfs = run([sys.executable, "-m", "build_scripts.benchmark", "_document_pdfs", str(project), str(html_dir)],
                         env)
        alone = run([sys.executable, "-m", "build_scripts.benchmark", "_weasyprint", str(html_dir)], env)
        rest = run(stage_module("downloads", "--project", str(project)), env)
        edit_one_document(project, "downloads")
        again = run(stage_module("downloads", "--project", str(project)), env)
        figures.update(pdfs=_last_json(stage_pdfs.output)["seconds"], weasyprint=_last_json(alone.output)["seconds"],
                       downloads_rest=rest.seconds, downloads_mb=max(stage_pdfs.peak_mb, rest.peak_mb),
                       downloads_edit=again.seconds, downloads_edit_work=_stage_detail(again.output, "downloads"))
        print(f"downloads: document PDFs {figures['pdfs']:.1f} s, WeasyPrint alone {figures['weasyprint']:.1f} s; "
              f"after an edit {again.seconds:.1f} s ({figures['downloads_edit_work']})", flush=True)
    return figures


ROWS = [
    ("cold site build, no downloads (s; target ≤ 60 at 1,000)", "cold", "{:.1f}"),
    ("  validate (s)", "validate", "{:.1f}"), ("  validate, peak memory (MB)", "validate_mb", "{:.0f}"),
    ("  model, citations, Markdown tree (s)", "tree", "{:.1f}"), ("  tree, peak memory (MB)", "tree_mb", "{:.0f}"),
    ("  MkDocs on the tree (s)", "mkdocs", "{:.1f}"), ("  MkDocs, peak memory (MB)", "mkdocs_mb", "{:.0f}"),
    ("one TEI edited: stages before MkDocs, fresh process (s)", "edit_fresh", "{:.1f}"),
    ("one TEI edited: the same, warm process as in serve (s; target ≤ 3)", "edit_warm", "{:.1f}"),
    ("one TEI edited: document pages rendered", "edit_rendered", "{}"),
    ("one TEI edited: tree files written", "edit_written", "{}"),
    ("one TEI edited: MkDocs on the tree (s)", "edit_mkdocs", "{:.1f}"),
    ("navigation per document page, median (KB; target ≤ 12)", "nav_kb", "{:.1f}"),
    ("document page HTML, median (KB)", "page_kb", "{:.1f}"),
    ("document PDFs, downloads stage (s)", "pdfs", "{:.1f}"),
    ("document PDFs, WeasyPrint alone on the same HTML (s)", "weasyprint", "{:.1f}"),
    ("  ratio (target ≤ 1.15)", "pdf_ratio", "{:.2f}"),
    ("volumes, edition PDF and EPUB (s)", "downloads_rest", "{:.1f}"),
    ("downloads, peak memory (MB)", "downloads_mb", "{:.0f}"),
    ("one TEI edited: downloads stage (s)", "downloads_edit", "{:.1f}"),
    ("one TEI edited: downloads work", "downloads_edit_work", "{}"),
]


def print_table(results: list[dict]) -> None:
    for figures in results:
        if "pdfs" in figures:
            figures["pdf_ratio"] = figures["pdfs"] / figures["weasyprint"]
    width = max(len(label) for label, _, _ in ROWS)
    print("\n" + "figure".ljust(width) + "".join(f" | {r['documents']:>6} docs" for r in results))
    for label, key, form in ROWS:
        cells = [form.format(r[key]) if key in r else "–" for r in results]
        print(label.ljust(width) + "".join(f" | {c:>11}" for c in cells))
    if len(results) >= 2:
        small, large = results[0], results[-1]
        growth = large["documents"] / small["documents"]
        print(f"\nt({large['documents']})/t({small['documents']}) for {growth:.0f}x the documents: cold build "
              f"{large['cold'] / small['cold']:.1f}, validate {large['validate'] / small['validate']:.1f}, tree "
              f"{large['tree'] / small['tree']:.1f}, MkDocs {large['mkdocs'] / small['mkdocs']:.1f}")
        for key in ("edit_written", "downloads_edit_work"):
            if key in large:
                print(f"{key}: {large[key]}")


def scale(sizes: list[int], downloads: list[int], keep: Path | None) -> int:
    root = keep or Path(tempfile.mkdtemp(prefix="edition-bench-"))
    try:
        results = [scale_one(n, root / str(n), n in downloads) for n in sizes]
        print_table(results)
        return 0
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


def validation(sizes: list[int]) -> int:
    from .tei.schema import tei_all
    from .tei.validate import validate_edition

    started = time.monotonic()
    tei_all()
    print(f"tei_all compiled once:       {time.monotonic() - started:.1f} s")
    print(f"{'paragraphs':>12} {'file (MB)':>10} {'validation (s)':>15} {'problems':>9}")
    times = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="edition-validate-") as temporary:
            tei = Path(temporary) / "tei"
            shutil.copytree(TEI_DIR, tei)
            path = lengthen_minutes(tei, size)
            runs = []
            for _ in range(2):  # the better of two runs: the machine may be busy with something else
                started = time.monotonic()
                _, problems = validate_edition(tei)
                runs.append(time.monotonic() - started)
            times.append(min(runs))
            print(f"{size:>12} {path.stat().st_size / 1e6:>10.1f} {times[-1]:>15.2f} {len(problems):>9}")
    if len(sizes) >= 2:
        print(f"t({sizes[-1]})/t({sizes[-2]}) = {times[-1] / times[-2]:.1f} "
              f"(sizes grow {sizes[-1] / sizes[-2]:.0f}x; linear growth gives about that ratio)")
    return 0


def search(sizes: list[int]) -> int:
    from .search.measure import measure, report

    for documents in sizes:
        with tempfile.TemporaryDirectory(prefix="edition-search-bench-") as temporary:
            root = Path(temporary)
            project = project_with_documents(root / "project", documents)
            report(documents, measure(project, root))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    scale_parser = commands.add_parser("scale", help="time every stage on synthetic editions")
    scale_parser.add_argument("--documents", type=int, nargs="+", default=[100, 1000])
    scale_parser.add_argument("--downloads", type=int, nargs="*", default=[100],
                              help="sizes at which to time the PDFs too (slow: WeasyPrint runs twice)")
    scale_parser.add_argument("--keep", type=Path, help="work here and keep the result")
    commands.add_parser("serve", help="time from a saved TEI edit to the live preview showing it")
    search_parser = commands.add_parser("search", help="index sizes, bytes and time of queries")
    search_parser.add_argument("--documents", type=int, nargs="+", default=[100, 1000])
    validation_parser = commands.add_parser("validation", help="time validation of very long documents")
    validation_parser.add_argument("--paragraphs", type=int, nargs="+", default=[1000, 10000, 100000])
    for name in ("_warm", "_weasyprint"):  # steps that `scale` runs in their own processes
        commands.add_parser(name).add_argument("folder", type=Path)
    pdfs = commands.add_parser("_document_pdfs")
    pdfs.add_argument("folder", type=Path)
    pdfs.add_argument("html_dir", type=Path)
    args = parser.parse_args(argv)
    if args.command == "scale":
        return scale(args.documents, args.downloads, args.keep)
    if args.command == "serve":
        with tempfile.TemporaryDirectory(prefix="edition-serve-") as temporary:
            return serve_latency(Path(temporary))
    if args.command == "search":
        return search(args.documents)
    if args.command == "_warm":
        return _warm(args.folder)
    if args.command == "_weasyprint":
        return _weasyprint_alone(args.folder)
    if args.command == "_document_pdfs":
        return _document_pdfs(args.folder, args.html_dir)
    return validation(args.paragraphs)


if __name__ == "__main__":
    sys.exit(main())
