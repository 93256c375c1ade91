"""Escaping source text for Python-Markdown and attribute values for HTML."""
from __future__ import annotations

import html
import re

# Characters Python-Markdown would read as syntax inside a paragraph.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_SPACE = re.compile(r"[ \t\r\n]+")


def text(value: str) -> str:
    """Source text as literal Markdown: whitespace collapsed, HTML and
    Markdown syntax characters escaped."""
    value = _SPACE.sub(" ", value)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


def attribute(value: str) -> str:
    return html.escape(" ".join(value.split()), quote=True)


def attrs(**values: str | None) -> str:
    """HTML attributes, in the given order, skipping empty values;
    a trailing underscore in a name is dropped (class_ -> class)."""
    parts = []
    for name, value in values.items():
        if value is None or value == "":
            continue
        parts.append(f'{name.rstrip("_").replace("_", "-")}="{attribute(str(value))}"')
    return (" " + " ".join(parts)) if parts else ""


def attr_list(element_id: str | None = None, classes: tuple[str, ...] = (), **values: str | None) -> str:
    """A Python-Markdown attr_list: {: #id .class key="value" }."""
    parts = [f"#{element_id}"] if element_id else []
    parts += [f".{c}" for c in classes]
    parts += [f'{k.replace("_", "-")}="{attribute(str(v))}"' for k, v in values.items() if v]
    return "{: " + " ".join(parts) + " }"
