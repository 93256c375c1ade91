"""citeproc-js's own output for CSL-JSON items, from fresh engines (the
reference the edition's citations must equal). One Node process answers
every style asked for."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from build_scripts.cite.styles import STYLES, locale_xml, style_xml
from build_scripts.paths import PROJECT_ROOT

SCRIPT = Path(__file__).with_name("citeproc_reference.cjs")


def references(requests: list[tuple[dict, str | None]]) -> dict[str, list[dict]]:
    """Style key -> plain-text citation and bibliography entry for each (item, locator), in every style."""
    payload = {"locale": locale_xml(),
               "jobs": [{"style": style_xml(style), "requests": [{"item": item, "locator": locator}
                                                                  for item, locator in requests]} for style in STYLES]}
    result = subprocess.run(["node", str(SCRIPT)], input=json.dumps(payload), capture_output=True, text=True,
                            cwd=PROJECT_ROOT, check=True)
    return dict(zip((style.key for style in STYLES), json.loads(result.stdout), strict=True))


def reference_in_every_style(item: dict, locator: str | None = None) -> dict[str, dict]:
    return {key: answers[0] for key, answers in references([(item, locator)]).items()}
