"""Shared fixtures: the project's paths, the validated edition, and a way to
run the command-line tools as a user would."""
from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_scripts.paths import PROJECT_ROOT, TEI_DIR, copy_project  # noqa: F401 (used by tests)
from build_scripts.tei.validate import load_valid_edition

SEEDS_DIR = Path(__file__).parent / "seeds"


@pytest.fixture(scope="session")
def edition():
    return load_valid_edition(TEI_DIR)


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Build:
    """The whole site, built once with `mkdocs build --strict` from a copy of the project."""
    root = tmp_path_factory.mktemp("build")
    build = mkdocs_build(copy_project(root / "project"), root / "site")
    assert build.returncode == 0, build.output
    return build


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site, served on a local port for the browser."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
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
