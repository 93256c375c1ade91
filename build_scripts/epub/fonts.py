"""Fonts embedded in the EPUB: subsets of Debian's Noto Serif and Noto Serif
CJK SC holding only the characters the book uses, so that Chinese, Korean
and Cyrillic names display on any reader (a few tens of KB, not 26 MB)."""
from __future__ import annotations

import io
import subprocess

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

FONTS = (("Noto Serif", "noto-serif.ttf"), ("Noto Serif CJK SC", "noto-serif-cjk-sc.otf"))


def font_file(family: str) -> str:
    """The file fontconfig uses for a family (fonts-noto-core, fonts-noto-cjk)."""
    return subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True, check=True).stdout


def _load(path: str, family: str) -> TTFont:
    if path.endswith(".ttc"):
        for font in TTCollection(path).fonts:
            if font["name"].getDebugName(1) == family:
                return font
    return TTFont(path)


def subset_font(family: str, text: str) -> bytes:
    font = _load(font_file(family), family)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
