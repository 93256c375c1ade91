"""Shared fixtures: the project's paths, the validated edition, and a way to
run the command-line tools as a user would."""
from __future__ import annotations

import shutil
import subprocess
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
