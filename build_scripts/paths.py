"""Where the edition's sources and outputs live, relative to the project root."""
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEI_DIR = PROJECT_ROOT / "tei"
# Caches by content (validation, citations, pages, downloads), shared by
# every copy of the project; EDITION_BUILD_DIR moves them (the benchmark
# measures cold builds).
BUILD_DIR = Path(os.environ.get("EDITION_BUILD_DIR", PROJECT_ROOT / "build"))
CACHE_DIR = BUILD_DIR / "cache"


@dataclass(frozen=True)
class Project:
    """One copy of the edition: its sources, hand-written assets and the
    Markdown tree built from them (build/docs/, never committed)."""
    root: Path
    tei_dir: Path

    @classmethod
    def at(cls, root: Path, tei_dir: Path | None = None) -> "Project":
        root = Path(os.path.abspath(root))
        return cls(root, Path(os.path.abspath(tei_dir)) if tei_dir else root / "tei")

    @property
    def assets(self) -> Path:
        return self.root / "docs" / "assets"

    @property
    def tree(self) -> Path:
        return self.root / "build" / "docs"


def relative(path: Path) -> str:
    """A path as shown in messages: relative to the project when possible
    (a symbolic link is named as itself, not as the file it points to)."""
    path = Path(os.path.abspath(path))
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


# What `mkdocs build` reads: enough to build the site from a copy.
PROJECT_FILES = ("tei", "docs", "build_scripts", "mkdocs.yml")


def copy_project(target: Path) -> Path:
    """Copy the buildable project to `target` (for tests and benchmarks)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, target / name)
    return target
