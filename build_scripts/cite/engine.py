"""Runs format.cjs (citeproc-js and citation-js) under Node, once per request.
Answers are cached by the hash of the request, so `mkdocs serve` only
reformats the citations of a document that changed."""
from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

from ..errors import EditionError, Problem
from ..paths import BUILD_DIR, PROJECT_ROOT

SCRIPT = Path(__file__).with_name("format.cjs")
CACHE = BUILD_DIR / "cache" / "citations"


def _fingerprint(request: dict) -> str:
    sha = hashlib.sha256(json.dumps(request, sort_keys=True).encode())
    sha.update(SCRIPT.read_bytes())
    lock = PROJECT_ROOT / "package-lock.json"
    if lock.exists():
        sha.update(lock.read_bytes())
    return sha.hexdigest()[:32]


def run(request: dict) -> dict:
    cached = CACHE / f"{_fingerprint(request)}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    try:
        result = subprocess.run(["node", str(SCRIPT)], input=json.dumps(request), capture_output=True, text=True,
                                cwd=PROJECT_ROOT, timeout=1800)
    except FileNotFoundError:
        raise EditionError([Problem(SCRIPT, None, "node", "Node.js is not installed: run `bash edition.sh build`")])
    if result.returncode:
        raise EditionError([Problem(SCRIPT, None, "citeproc",
                                    "formatting citations failed (run `npm ci`?): " + result.stderr.strip()[-800:])])
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(result.stdout, encoding="utf-8")
    return json.loads(result.stdout)
