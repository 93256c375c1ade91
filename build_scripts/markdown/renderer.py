"""The renderer of the processing model: it walks TEI elements and, for each,
applies the first rule of the behaviours table (behaviours.py) whose element,
condition and output mode fit. One model serves every output: the site
(mode "web"), the PDFs ("print") and the EPUB ("epub").

The renderer also keeps what a page collects while it is rendered: its
footnotes (web), its note asides (EPUB), the register entries it names (for
the look-up cards) and the warnings about elements without a behaviour.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..model.documents import Document
from ..model.load import EditionModel
from ..paths import relative as relative_path
from ..tei.parser import TEI_NS
from ..tei.pointers import is_external, prefix_definitions, resolve
from . import escape, links
from .behaviours import behaviour_for, inline_fallback
from .cards import cards_script
from .edition_structure import division_page
from .modes import EPUB, WEB
from .page import FOOTNOTES_PLACE, footnote_definitions


@dataclass
class Renderer:
    """Renders TEI elements of one page in one output mode."""

    model: EditionModel
    page: str                           # source path of the page being written
    document: Document | None = None    # the document the page shows, if any
    mode: str = WEB
    footnotes: list[tuple[str, str]] = field(default_factory=list)   # web: (label, Markdown)
    asides: list[str] = field(default_factory=list)                  # epub: the notes, after the text
    warnings: list[str] = field(default_factory=list)
    mentioned: dict[str, None] = field(default_factory=dict)   # entry ids, in order of first mention
    link_depth: int = 0
    heading_level: int = 2

    # -- dispatch ---------------------------------------------------------
    def render(self, element: etree._Element) -> str:
        if not isinstance(element.tag, str):  # comments, processing instructions
            return ""
        behaviour = behaviour_for(element, self.mode) if etree.QName(element).namespace == TEI_NS else None
        if behaviour is None:
            self.warn(element, f"no behaviour for <{etree.QName(element).localname}>: rendered its text only")
            behaviour = inline_fallback
        return behaviour(self, element)

    def inline(self, element: etree._Element) -> str:
        """The element's mixed content as one line of Markdown."""
        parts = [escape.text(element.text or "")]
        for child in element:
            parts.append(self.render(child))
            parts.append(escape.text(child.tail or ""))
        return "".join(parts)

    def blocks(self, element: etree._Element) -> str:
        """Block children, separated by blank lines (stray text is kept inline)."""
        out = []
        if (element.text or "").strip():
            out.append(escape.text(element.text.strip()))
        for child in element:
            rendered = self.render(child).strip("\n")
            if rendered:
                out.append(rendered)
            if (child.tail or "").strip():
                out.append(escape.text(child.tail.strip()))
        return "\n\n".join(out)

    def warn(self, element: etree._Element, message: str) -> None:
        where = f"{relative_path(Path(element.getroottree().docinfo.URL or '?'))}:{element.sourceline}"
        self.warnings.append(f"{where}: {message}")

    @property
    def interactive(self) -> bool:
        """Whether the output has a reader's tools (buttons, pop-ups, scripts): only the site."""
        return self.mode == WEB

    # -- links ------------------------------------------------------------
    def link(self, target_page: str) -> str:
        return links.relative(self.page, target_page)

    def resolve_pointer(self, element: etree._Element, pointer: str) -> str | None:
        """A TEI pointer as a link from this page (None if it leads nowhere the site shows)."""
        if is_external(pointer):
            return pointer
        source = Path(element.getroottree().docinfo.URL)
        target = resolve(pointer, source, prefix_definitions(element.getroottree()))
        if target.id in self.model.registers.entries:
            return self.link(links.entry_page(self.model.registers[target.id]))
        if target.id in self.model.edition.sources or target.id == "sources":
            return self.link(f"sources.md#{target.id}")
        if target.path == self.model.corpus.edition.path.resolve():
            return self._edition_link(target.id)
        document = self.model.documents_by_path.get(target.path)
        if document is not None:
            anchor = "" if target.id == document.id else f"#{target.id}"
            return self.link(links.document_page(document) + anchor)
        return None

    def _edition_link(self, xml_id: str) -> str | None:
        """A link to a division of the edition's own prose, on whichever page shows it."""
        found = self.model.edition.root.xpath("//*[@xml:id=$id]", id=xml_id)
        for division in ([found[0], *found[0].iterancestors()] if found else ()):
            page = division_page(division.get("type"))
            if page:
                return self.link(f"{page}#{xml_id}")
        return None

    # -- what a page ends with ---------------------------------------------
    def closing_sections(self) -> list[str]:
        """Web: the notes and the cards of the names mentioned. EPUB: the
        notes as asides. Print: nothing (notes stand at the foot of their page)."""
        if self.mode == EPUB:
            return self.asides[:]
        sections = []
        if self.mode == WEB:
            if self.footnotes:
                sections += ["## Notes {: #notes }", FOOTNOTES_PLACE, footnote_definitions(self.footnotes)]
            sections.append(cards_script(self.model, self.mentioned, self.document))
        return sections
