"""Escaping source text for Python-Markdown and values for HTML and JSON.

Whatever the TEI says must come out as that text: no Markdown syntax, HTML,
script or template code in a source can take effect on a page."""
from __future__ import annotations

import html
import re

from .page import FOOTNOTES_PLACE

# Characters Python-Markdown would read as syntax inside a paragraph.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_SPACE = re.compile(r"[ \t\r\n]+")
# What makes the start of a block a list item or a rule: "1955. ", "- ", "---".
_ORDERED = re.compile(r"^(\d+)\.(?=\s|$)")
_BULLET_OR_RULE = re.compile(r"^-")


def text(value: str) -> str:
    """Source text as literal Markdown: whitespace collapsed, HTML and
    Markdown syntax characters escaped, the footnotes' place marker defused."""
    value = _SPACE.sub(" ", value)
    value = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))
    return value.replace(FOOTNOTES_PLACE, FOOTNOTES_PLACE.replace("/", "&#47;"))


def block(markdown: str) -> str:
    """A Markdown block that starts with source text, kept a paragraph: a
    leading "1955. " or "- " or "---" would otherwise become a list or a rule."""
    markdown = _ORDERED.sub(r"\1\\.", markdown)
    return _BULLET_OR_RULE.sub(r"\\-", markdown)


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


def link(text_markdown: str, href: str, **attributes: str | None) -> str:
    """A link to an address outside the edition, as HTML: a Markdown link
    would break on the parentheses or spaces an address may hold."""
    return f"<a{attrs(href=href, **attributes)}>{text_markdown}</a>"
