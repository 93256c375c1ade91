"""Shared fixtures: the project's paths, the validated edition, and a way to
run the command-line tools as a user would."""
from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import io
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_scripts.paths import BUILD_DIR, PROJECT_ROOT, TEI_DIR, copy_project  # noqa: F401 (used by tests)
from build_scripts.tei.validate import load_valid_edition
from build_scripts.tei.validation_cache import ValidationCache

SEEDS_DIR = Path(__file__).parent / "seeds"


def _validate_the_edition_once() -> None:
    """The test modules read the edition when they are imported, in every
    worker process. With empty caches (a fresh clone) the first worker
    validates it, compiling tei_all, while the others wait and then find
    the results cached instead of compiling it too."""
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    with open(BUILD_DIR / "tests-validation.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        load_valid_edition(TEI_DIR, ValidationCache())


_validate_the_edition_once()


@pytest.fixture(scope="session")
def edition():
    return load_valid_edition(TEI_DIR, ValidationCache())


@pytest.fixture
def tei_copy(tmp_path):
    """A private copy of tei/ that a test may break."""
    copy = tmp_path / "tei"
    shutil.copytree(TEI_DIR, copy)
    return copy


def run_module(module: str, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=timeout)


@dataclass
class Build:
    project: Path
    site: Path
    returncode: int
    output: str
    seconds: float


def mkdocs_build(project: Path, site: Path, *extra: str, env: dict | None = None) -> Build:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site), *extra], capture_output=True, text=True, timeout=1800, env=env)
    return Build(project, site, result.returncode, result.stdout + result.stderr, time.monotonic() - started)


def made_once(tmp_path_factory, name: str, make: Callable[[Path], dict]) -> dict:
    """What `make(folder)` makes and returns, made once for the whole test
    run: the tests run in several processes (pytest-xdist), and the first
    that needs it makes it while the others wait, then all reuse it."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # shared by the workers of this run
    folder, record = base / name, base / f"{name}.json"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            folder.mkdir(exist_ok=True)
            record.write_text(json.dumps(make(folder)), encoding="utf-8")
    return json.loads(record.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Build:
    """The whole site, built once with `mkdocs build --strict` from a copy of the project."""
    def make(root: Path) -> dict:
        build = mkdocs_build(copy_project(root / "project"), root / "site")
        return {**vars(build), "project": str(build.project), "site": str(build.site)}

    made = made_once(tmp_path_factory, "built-site", make)
    build = Build(Path(made["project"]), Path(made["site"]), made["returncode"], made["output"], made["seconds"])
    assert build.returncode == 0, build.output
    return build


IN_PROCESS_TIMEOUT = 120  # a case that hangs (a pipe read for ever) fails instead of stopping the suite


def run_in_thread(function, *args):
    """Run in this process with output captured; (result, stdout, stderr, error)."""
    out, err, outcome = io.StringIO(), io.StringIO(), {}

    def target():
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                outcome["result"] = function(*args)
            except BaseException as error:  # noqa: BLE001 - reported by the test
                outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True, name=getattr(function, "__name__", "run"))
    thread.start()
    thread.join(IN_PROCESS_TIMEOUT)
    assert not thread.is_alive(), f"{thread.name} did not finish in {IN_PROCESS_TIMEOUT} s"
    return outcome.get("result"), out.getvalue(), err.getvalue(), outcome.get("error")


class _Messages(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def build_in_process(project: Path, site: Path):
    """`mkdocs build --strict` in this process (tei_all, compiled once per
    process, is reused); its log messages are returned as stdout."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    return with_log_messages(run_in_thread, lambda: build(
        load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)))


def with_log_messages(runner, *args):
    """runner(*args), with the build's log messages (MkDocs' and the
    warnings about the sources) appended to its stdout."""
    messages = _Messages()
    loggers = [logging.getLogger("mkdocs"), logging.getLogger("edition.sources")]
    for logger in loggers:
        logger.addHandler(messages)
    try:
        result, out, err, error = runner(*args)
    finally:
        for logger in loggers:
            logger.removeHandler(messages)
    return result, out + "\n".join(messages.lines), err, error


# A real-looking published address, for the copy built as a release.
PUBLISHED = "https://crossing-the-border.history-editions.net/edition/"


def set_address(project: Path, url: str) -> None:
    """Give a copy of the project another published address (tei/edition.xml only)."""
    edition = project / "tei" / "edition.xml"
    text, count = re.subn(r'<idno type="URL">[^<]*</idno>', f'<idno type="URL">{url}</idno>',
                          edition.read_text(encoding="utf-8"))
    assert count == 1, "edition.xml has no published address to replace"
    edition.write_text(text, encoding="utf-8")


@dataclass
class SharedSite:
    site: Path
    log: str


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> SharedSite:
    """A copy of the project given a published address and hostile text in
    its sources (hostile_fields.py), built by the release command in this
    process. It serves test_published_address.py and test_hostile_text.py."""
    from hostile_fields import HOSTILE_FIELDS

    from build_scripts.release import main as release_main

    def make(root: Path) -> dict:
        project = copy_project(root / "project")
        set_address(project, PUBLISHED)
        missing = []
        for name, (file, old, new) in HOSTILE_FIELDS.items():
            path = project / "tei" / file
            text = path.read_text(encoding="utf-8")
            if old not in text:
                missing.append(f"test setup ({name}): {old[:60]!r} not in {file}")
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        code, log, err, error = with_log_messages(run_in_thread, release_main, [
            "--tei-dir", str(project / "tei"), "--config", str(project / "mkdocs.yml")])
        return {"site": str(project / "site"), "missing": missing, "code": code,
                "error": repr(error) if error else None, "log": log + err}

    made = made_once(tmp_path_factory, "published-site", make)
    assert not made["missing"], made["missing"]
    assert made["error"] is None and made["code"] == 0, made["log"]
    return SharedSite(Path(made["site"]), made["log"])


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A local server for the browser tests; a browser that leaves a page
    before reading all of it (a redirect, a navigation) is not an error."""

    def handle_error(self, request, client_address):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site, served on a local port for the browser."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


SHARED_BUILDS = ("built_site", "site_url", "page", "published_site")


def pytest_collection_modifyitems(items):
    """Tests that need no shared build first: while one process makes a
    shared build, the other has work to do instead of waiting for it."""
    items.sort(key=lambda item: sum(name in item.fixturenames for name in SHARED_BUILDS[3:]) * 2
               + any(name in item.fixturenames for name in SHARED_BUILDS[:3]))
