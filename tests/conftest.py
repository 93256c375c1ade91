"""Shared fixtures: the project's paths, the validated edition, and a way to
run the command-line tools as a user would."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.paths import PROJECT_ROOT, TEI_DIR
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
