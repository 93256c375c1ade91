"""Synthetic editions for the benchmark: the real sources copied, with many
documents (clones of the real ones under new keys, slugs and years) or one
very long document. Written fresh each time; never part of the edition."""
from __future__ import annotations

import re
from pathlib import Path

from .paths import copy_project

MINUTES = "1962-06-26-ji-chervonenko-conversation.xml"
_TURN = ('<sp xml:id="{key}-bsp{i}" who="reg:per-ji-pengfei"><speaker><persName ref="reg:per-ji-pengfei">Ji'
         '</persName>:</speaker><p xml:id="{key}-bp{i}" n="{n}">Synthetic paragraph {i} about <placeName '
         'ref="reg:pl-ussr">the Soviet Union</placeName> and <supplied ana="edn:bk-word"><pc type="bracket">[</pc>'
         'supplied<pc type="bracket">]</pc></supplied> words, long enough to read like a turn of the minutes.</p></sp>\n')


def _first(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    if match is None:
        raise ValueError(f"the document to clone has no {pattern}")
    return match.group(1)


def clone_document(source: Path, index: int, target_dir: Path) -> Path:
    """A copy of a document under a new key, slug and year."""
    text = source.read_text(encoding="utf-8")
    key = _first(r'<TEI [^>]*\bn="([a-z0-9]+)"', text)
    slug = _first(r'<idno type="slug">([^<]+)</idno>', text)
    new_key = f"bench{index}"
    year = 1950 + index % 20
    new_slug = f"{year}-bench-{index:04d}"
    text = text.replace(f'n="{key}"', f'n="{new_key}"').replace(f'"{key}-', f'"{new_key}-')
    text = text.replace(slug, new_slug)
    text = re.sub(r'when="19\d\d', f'when="{year}', text)
    text = re.sub(r'(from|to)="19\d\d', lambda m: f'{m.group(1)}="{year}', text)
    target = target_dir / f"{new_slug}.xml"
    target.write_text(text, encoding="utf-8")
    return target


def project_with_documents(root: Path, documents: int) -> Path:
    """A copy of the project whose edition has `documents` documents."""
    copy_project(root)
    originals = sorted((root / "tei" / "documents").glob("*.xml"))
    for index in range(max(0, documents - len(originals))):
        clone_document(originals[index % len(originals)], index, root / "tei" / "documents")
    return root


def lengthen_minutes(tei_dir: Path, paragraphs: int) -> Path:
    """The 1962 minutes in `tei_dir` given `paragraphs` more speech turns."""
    path = tei_dir / "documents" / MINUTES
    text = path.read_text(encoding="utf-8")
    turns = "".join(_TURN.format(key="xj1962", i=i, n=100 + i) for i in range(paragraphs))
    path.write_text(text.replace("</div>\n    </body>", turns + "</div>\n    </body>", 1), encoding="utf-8")
    return path
