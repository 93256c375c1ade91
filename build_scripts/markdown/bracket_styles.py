"""The CSS of the bracket categories, made from the TEI taxonomy (each
category's rendition in edition.xml: its colours and its non-colour marker)
for the site (light and dark schemes), print and EPUB. Adding a category
to the taxonomy is all it takes to style it everywhere."""
from __future__ import annotations

import re

from ..model.edition import Category, Edition

_DECLARATION = re.compile(r"--([a-z-]+)\s*:\s*([^;]+);?")
_SAFE = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-z-]+)$")  # a colour or a keyword: nothing can break out of the rule


def style_of(category: Category) -> dict[str, str]:
    values = dict(_DECLARATION.findall(category.rendition or ""))
    return {key: value.strip() for key, value in values.items() if _SAFE.match(value.strip())}


_MARKER_WORDS = {"dotted": "a dotted underline", "dashed": "a dashed underline", "double": "a double underline",
                 "wavy": "a wavy underline", "solid": "a solid underline"}


def marker_words(category: Category) -> str:
    """The non-colour marker of a category, in words (for legends)."""
    return _MARKER_WORDS.get(style_of(category).get("marker", ""), "no underline")


def css(edition: Edition, mode: str) -> str:
    """Rules for `.bk-<slug>` units: coloured brackets and the underline style
    that tells the categories apart without colour."""
    scope = ".md-typeset " if mode == "web" else ""
    rules = ["/* Generated from the bracket taxonomy in tei/edition.xml: do not edit. */"]
    for category in edition.bracket_categories:
        style = style_of(category)
        unit = f"{scope}.bk-{category.slug}"
        colour, marker = style.get("colour", "currentColor"), style.get("marker", "none")
        if mode == "web":
            rules.append(f":root {{ --bk-{category.slug}: {colour}; }}")
            rules.append(f'[data-md-color-scheme="slate"] {{ --bk-{category.slug}: {style.get("colour-dark", colour)}; }}')
            colour = f"var(--bk-{category.slug})"
        rules.append(f"{unit} .bk-pc, {unit}.bk-marker {{ color: {colour}; }}")
        if marker != "none":
            rules.append(f"{unit} {{ text-decoration-line: underline; text-decoration-style: {marker}; "
                         f"text-decoration-color: {colour}; text-underline-offset: 0.22em; }}")
        else:
            rules.append(f"{unit} {{ color: {colour}; }}")
        if mode == "web" and category.reading != "keep":  # the reading view reads the words, not the marks
            rules.append(f".view-reading {unit} > .bk-pc {{ display: none; }}")
    return "\n".join(rules) + "\n"
