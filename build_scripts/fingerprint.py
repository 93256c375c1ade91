"""Content fingerprints for the build's caches: a stage's output is reused
when the bytes it was made from (sources, code, pinned dependencies) are
the same."""
from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from .paths import PROJECT_ROOT


def digest(*parts: bytes | str) -> str:
    sha = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        sha.update(len(data).to_bytes(8, "big"))
        sha.update(data)
    return sha.hexdigest()


def files_digest(paths) -> str:
    """The fingerprint of some files' names and contents."""
    parts: list[bytes | str] = []
    for path in sorted(Path(p) for p in paths):
        try:
            # a named pipe or device would block the read: validation refuses it, the fingerprint only has to differ
            parts += [path.name, path.read_bytes() if path.is_file() else b"\0not a regular file"]
        except OSError:  # missing or unreadable: the same
            parts += [path.name, b"\0unreadable"]
    return digest(*parts)


@functools.cache
def code_digest() -> str:
    """The build's own code and pinned dependencies: a change to either
    invalidates every cache, so an update never reuses stale output."""
    code = [p for p in (PROJECT_ROOT / "build_scripts").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    pins = [PROJECT_ROOT / name for name in ("requirements.txt", "package-lock.json") if (PROJECT_ROOT / name).exists()]
    return files_digest(code + pins)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a cache file so that a concurrent reader (another build, a test
    running in parallel) never sees it half written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
