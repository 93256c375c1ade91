"""HTML validity of built pages with the W3C Nu HTML checker (npm vnu-jar,
run by Debian's Java). All folders go to one JVM: starting Java per page
would cost more than checking."""
from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from build_scripts.checks import CheckSetupError, Problem
from build_scripts.paths import PROJECT_ROOT

VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".xht")  # what --skip-non-html keeps
SETUP_HINT = "run `bash edition.sh test`, which installs it"


@dataclass
class HtmlReport:
    pages: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    infos: int = 0


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise CheckSetupError(f"Java is not installed (the HTML checker needs it): {SETUP_HINT}")
    if not VNU_JAR.is_file():
        raise CheckSetupError(f"the HTML checker {VNU_JAR} is missing (npm vnu-jar): {SETUP_HINT}")
    return [java, "-jar", str(VNU_JAR)]


def check_html(folders: dict[str, Path]) -> dict[str, HtmlReport]:
    """A report per labelled folder; pages are named '<label>/<path in folder>'."""
    roots = {label: folder.resolve() for label, folder in folders.items()}
    reports = {label: HtmlReport(pages=_count_pages(root)) for label, root in roots.items()}
    # --exit-zero-always: the exit status would not say which folder failed; the JSON does.
    command = [*vnu_command(), "--format", "json", "--stdout", "--exit-zero-always", "--skip-non-html",
               *(str(root) for root in roots.values())]
    run = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    try:
        messages = json.loads(run.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise CheckSetupError(f"the HTML checker did not run: {run.stderr.strip() or run.stdout[:500]}") from None
    for message in messages:
        label, page = _locate(message.get("url", ""), roots)
        problem = Problem(page, _describe(message))
        # A message about no checked file goes to the first folder: never dropped.
        report = reports[label] if label is not None else next(iter(reports.values()))
        kind = message.get("type")
        if kind == "info":
            if message.get("subType") == "warning":
                report.warnings.append(problem)
            else:
                report.infos += 1
        else:  # "error" and "non-document-error" (a file vnu could not read)
            report.errors.append(problem)
    return reports


def _count_pages(root: Path) -> int:
    return sum(1 for path in root.rglob("*") if path.suffix.lower() in HTML_SUFFIXES and path.is_file())


def _locate(url: str, roots: dict[str, Path]) -> tuple[str | None, str]:
    """The folder label and the page name of a file: URL vnu reports."""
    path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None
    for label, root in roots.items():
        if path is not None and path.is_relative_to(root):
            return label, f"{label}/{path.relative_to(root).as_posix()}"
    return None, url or "vnu"


def _describe(message: dict) -> str:
    line = message.get("lastLine")
    where = f"line {line}: " if line else ""
    return f"{where}{message.get('message', '').strip()}"
