"""The offline copy of the site: a second MkDocs build with Material's
offline plugin (file:// links, search index as a script, the iframe-worker
shim served locally), zipped for download."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ..errors import EditionError, Problem
from ..paths import PROJECT_ROOT

# The shim that lets the search worker run from file://; the offline plugin
# would otherwise load it from a CDN.
SHIM_SOURCE = PROJECT_ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
ENVIRONMENT = "OFFLINE"


def is_offline_build() -> bool:
    return os.environ.get(ENVIRONMENT, "").lower() in ("1", "true", "yes")


def build_offline_zip(config_file: str, target: Path, folder: str) -> None:
    """Build the offline site into a temporary folder and zip it to `target`."""
    with tempfile.TemporaryDirectory(prefix="edition-offline-") as temporary:
        site = Path(temporary) / "site"
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config_file,
                                 "-d", str(site)], capture_output=True, text=True,
                                env={**os.environ, ENVIRONMENT: "true"})
        if result.returncode:
            raise EditionError([Problem(Path(config_file), None, "offline-build",
                                        "the offline copy could not be built:\n" + result.stderr[-2000:])])
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{folder}/{path.relative_to(site)}")
