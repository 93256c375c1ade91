"""Stage 7: the offline copy of the site, zipped for download: MkDocs run a
second time on the same Markdown tree with OFFLINE=true (links between
files, so that it works from file://; the search's in-page index instead of
Pagefind, which a browser does not run from disk). The tree is already up to
date, so nothing is validated or rendered again; the zip is cached by the
tree's and the configuration's content."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ..errors import EditionError, Problem
from ..fingerprint import code_digest, digest, write_atomic
from ..paths import CACHE_DIR
from .progress import stage
from .tree import Tree

ENVIRONMENT = "OFFLINE"
CACHE = CACHE_DIR / "offline"


def is_offline_build() -> bool:
    return os.environ.get(ENVIRONMENT, "").lower() in ("1", "true", "yes")


# Not part of a copy read from disk: a 404 page (never shown from file://,
# and its links are root-absolute) and the sitemap (the published addresses
# of the online pages, for harvesters).
LEFT_OUT = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def _zip(site: Path, target: Path, folder: str) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file() and path.relative_to(site).as_posix() not in LEFT_OUT:
                archive.write(path, f"{folder}/{path.relative_to(site)}")


def make_offline(config_file: Path, tree: Tree, target: Path) -> None:
    """Write the zipped offline copy to `target` (EditionError if it cannot be built)."""
    key = digest(tree.fingerprint, config_file.read_bytes(), tree.facts["version"], code_digest())
    cached = CACHE / f"{key}.zip"
    with stage("offline") as details:
        if cached.exists():
            details["unchanged"] = "zip reused"
        else:
            with tempfile.TemporaryDirectory(prefix="edition-offline-") as temporary:
                site = Path(temporary) / "site"
                result = subprocess.run(
                    [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config_file), "-d", str(site)],
                    capture_output=True, text=True, env={**os.environ, ENVIRONMENT: "true"})
                if result.returncode:
                    raise EditionError([Problem(config_file, None, "offline-build",
                                                "the offline copy could not be built:\n" + result.stderr[-2000:])])
                archive = Path(temporary) / "offline.zip"
                _zip(site, archive, f"crossing-the-border-{tree.facts['version']}")
                write_atomic(cached, archive.read_bytes())
            details["built"] = "MkDocs with file links, on the same tree"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
