"""Lighthouse scores of the built site, printed as figures (never asserted).

    python -m build_scripts.lighthouse [--site site] [PATH ...]

Serves the built site on a local port with gzip compression, as a static
host would, and runs npm's Lighthouse (pinned in package.json; it drives
Debian's Chromium) in its default mobile mode on each page: every document
page unless paths are given. Prints the four category scores and the
figures behind performance (first and largest contentful paint, total
blocking time, layout shift, bytes transferred, DOM size).
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from .paths import PROJECT_ROOT

LIGHTHOUSE = PROJECT_ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (text types only)."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        requested = Path(self.translate_path(self.path))
        if requested.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the folder's address
        path = requested / "index.html" if requested.is_dir() else requested
        if not ("gzip" in self.headers.get("Accept-Encoding", "") and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(CompressingHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, report: Path) -> dict:
    environment = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                    "--chrome-flags=--headless --no-sandbox --disable-gpu"], check=True, env=environment)
    return json.loads(report.read_text(encoding="utf-8"))


def figures(result: dict) -> dict[str, str]:
    audits = result["audits"]
    scores = {name: round(category["score"] * 100) for name, category in result["categories"].items()}
    return {
        "performance": str(scores.get("performance")),
        "accessibility": str(scores.get("accessibility")),
        "best practices": str(scores.get("best-practices")),
        "SEO": str(scores.get("seo")),
        "FCP": audits["first-contentful-paint"]["displayValue"],
        "LCP": audits["largest-contentful-paint"]["displayValue"],
        "TBT": audits["total-blocking-time"]["displayValue"],
        "CLS": audits["cumulative-layout-shift"]["displayValue"],
        "transferred": f'{audits["total-byte-weight"]["numericValue"] / 1024:.0f} KiB',
        "DOM elements": str(int(audits["dom-size"]["numericValue"])),
    }


def failing(result: dict, category: str) -> list[str]:
    """The audits that cost points in a category (to say what to fix)."""
    refs = result["categories"][category]["auditRefs"]
    return [ref["id"] for ref in refs if ref["weight"] and (result["audits"][ref["id"]].get("score") or 0) < 1
            and result["audits"][ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "manual", "informative")]


def document_paths(site: Path) -> list[str]:
    return sorted(f"documents/{p.parent.name}/" for p in (site / "documents").glob("*/index.html")
                  if not p.parent.name.isdigit())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=PROJECT_ROOT / "site")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE.relative_to(PROJECT_ROOT)}: not installed; run `npm ci`", file=sys.stderr)
        return 1
    if not (args.site / "index.html").exists():
        print(f"{args.site}: no built site; run `bash edition.sh build` first", file=sys.stderr)
        return 1
    server, base = serve(args.site)
    try:
        rows = []
        with tempfile.TemporaryDirectory(prefix="edition-lighthouse-") as temporary:
            for path in args.paths or document_paths(args.site):
                result = audit(base + path, Path(temporary) / "report.json")
                rows.append((path, figures(result), failing(result, "accessibility"), failing(result, "performance")))
    finally:
        server.shutdown()
    for path, values, accessibility, performance in rows:
        print(f"== {path} (Lighthouse {LIGHTHOUSE_VERSION}, mobile, gzip)")
        for name, value in values.items():
            print(f"  {name:<15} {value}")
        if accessibility:
            print(f"  accessibility audits below full marks: {', '.join(accessibility)}")
        if performance:
            print(f"  performance audits below full marks: {', '.join(performance)}")
    return 0


LIGHTHOUSE_VERSION = json.loads((PROJECT_ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["lighthouse"]

if __name__ == "__main__":
    sys.exit(main())
