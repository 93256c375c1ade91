"""A generated page: its source path, Markdown (with YAML front matter) and
the warnings its rendering produced."""
from __future__ import annotations

import html
from dataclasses import dataclass, field

import yaml

FOOTNOTES_PLACE = "///Footnotes Go Here///"
# libyaml's safe dumper when PyYAML has it (ten times faster), the same output otherwise.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# The Python-Markdown extensions the pages are written for (mkdocs.yml lists
# the same; the print stage converts the pages with these directly).
MARKDOWN_EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "tables", "toc"]
MARKDOWN_CONFIG = {"footnotes": {"PLACE_MARKER": FOOTNOTES_PLACE}, "toc": {"permalink": False}}


@dataclass
class Page:
    path: str
    title: str
    body: str
    meta: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def markdown(self) -> str:
        # MkDocs and the theme print a page's title as HTML (in <title>, the
        # header, the search index), so it is handed over escaped; the other
        # values are plain text, escaped where the edition's templates use them.
        front = yaml.dump({"title": html.escape(self.title), **self.meta}, Dumper=_DUMPER, allow_unicode=True,
                          sort_keys=False)
        return f"---\n{front}---\n\n{self.body.strip()}\n"


def footnote_definitions(footnotes: list[tuple[str, str]]) -> str:
    """Python-Markdown footnote definitions, in the order they are called."""
    return "\n\n".join(f"[^{label}]: {body}" for label, body in footnotes)


def panel(summary: str, body: str, cls: str, interactive: bool, element_id: str | None = None) -> str:
    """A panel of a page: a disclosure the reader opens on the site, an
    open section with a heading in print and EPUB."""
    id_attr = f' id="{element_id}"' if element_id else ""
    if interactive:
        return f'<details class="{cls}"{id_attr} markdown="1"><summary>{summary}</summary>\n\n{body}\n\n</details>'
    return f'<section class="{cls}"{id_attr} markdown="1">\n<h3 class="panel-title">{summary}</h3>\n\n{body}\n\n</section>'


def definition_list(rows: list[tuple[str, str]], cls: str) -> str:
    """An HTML definition list whose values are Markdown spans."""
    inner = "\n".join(f'<div class="{cls}-row" markdown="1"><dt>{label}</dt><dd markdown="span">{value}</dd></div>'
                      for label, value in rows if value)
    return f'<dl class="{cls}" markdown="1">\n{inner}\n</dl>'
