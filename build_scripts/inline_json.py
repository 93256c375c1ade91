"""JSON that can stand inside a <script> element or a script file: no text
it carries can close the element or open an HTML comment in it."""
from __future__ import annotations

import json


def script_safe_json(value) -> str:
    payload = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
