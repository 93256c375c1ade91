"""Runs format.cjs (citeproc-js and citation-js) under Node. Each job (the
citations of one document) is cached by the hash of the job and of the
engine, so a build formats only the documents that changed, all of them in
one Node process."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from ..errors import EditionError, Problem
from ..fingerprint import digest, files_digest, write_atomic
from ..paths import CACHE_DIR, PROJECT_ROOT

SCRIPT = Path(__file__).with_name("format.cjs")
CACHE = CACHE_DIR / "citations"


def _engine_digest(locale: str, styles: dict[str, str]) -> str:
    pins = [path for path in (SCRIPT, PROJECT_ROOT / "package-lock.json") if path.exists()]
    return digest(files_digest(pins), locale, json.dumps(styles, sort_keys=True))


def run_jobs(locale: str, styles: dict[str, str], jobs: list[dict]) -> list[dict]:
    """The answer to every job, from the cache or from one Node process."""
    engine = _engine_digest(locale, styles)
    paths = [CACHE / f"{digest(engine, json.dumps(job, sort_keys=True))}.json" for job in jobs]
    missing = [i for i, path in enumerate(paths) if not path.exists()]
    if missing:
        request = {"locale": locale, "styles": styles, "jobs": [jobs[i] for i in missing]}
        answers = _node(request)["answers"]
        for i, answer in zip(missing, answers, strict=True):
            write_atomic(paths[i], json.dumps(answer, ensure_ascii=False).encode("utf-8"))
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths]


def _node(request: dict) -> dict:
    try:
        result = subprocess.run(["node", str(SCRIPT)], input=json.dumps(request), capture_output=True, text=True,
                                cwd=PROJECT_ROOT, timeout=3600)
    except FileNotFoundError:
        raise EditionError([Problem(SCRIPT, None, "node", "Node.js is not installed: run `bash edition.sh build`")]) from None
    if result.returncode:
        raise EditionError([Problem(SCRIPT, None, "citeproc",
                                    "formatting citations failed (run `npm ci`?): " + result.stderr.strip()[-800:])])
    return json.loads(result.stdout)
