"""The edition as a whole, read from edition.xml: title, version, address,
licence, taxonomies, bibliography, change log and front matter."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..tei.parser import NS, XML_ID
from . import address
from .text import normalise_space


@dataclass(frozen=True)
class Category:
    id: str
    slug: str          # used for CSS classes: bk-<slug>
    label: str
    description: etree._Element = field(repr=False, compare=False)
    rendition: str | None = None   # CSS declarations of its rendition (colours, marker, reading)

    @property
    def reading(self) -> str:
        """How the reading text gives this kind of bracket: "plain" (brackets
        dropped, words kept), "parentheses" (an alternative name read as one)
        or "keep" (the brackets are the document's own)."""
        match = re.search(r"--reading\s*:\s*([a-z]+)", self.rendition or "")
        return match.group(1) if match and match.group(1) in READINGS else "plain"


READINGS = ("plain", "parentheses", "keep")


@dataclass(frozen=True)
class Source:
    id: str
    element: etree._Element = field(repr=False, compare=False)
    urls: tuple[str, ...]
    withdrawn: bool = False

    @property
    def text(self) -> str:
        return normalise_space("".join(self.element.itertext()))


@dataclass(frozen=True)
class Change:
    """A release, or a dated correction (erratum) first published in a version."""

    version: str
    date: str
    type: str                       # "release" or "correction"
    targets: tuple[str, ...]        # pointers to what a correction changed
    element: etree._Element = field(repr=False, compare=False)


@dataclass(frozen=True)
class Edition:
    root: etree._Element = field(repr=False)
    title: str
    subtitle: str
    description: str
    version: str
    version_date: str
    publisher: str
    url: str
    licence_url: str
    licence: etree._Element = field(repr=False)
    bracket_categories: tuple[Category, ...]
    doctypes: dict[str, Category]
    sources: dict[str, Source]
    changes: tuple[Change, ...]

    @property
    def full_title(self) -> str:
        return f"{self.title}: {self.subtitle}"

    @property
    def is_preview(self) -> bool:
        """Whether the published address is still a placeholder: then every
        output says the addresses are not final, and a release is refused."""
        return address.is_placeholder(self.url)

    def published(self, site_path: str, anchor: str | None = None) -> str:
        """The address readers should cite for a page or file of the site."""
        return address.published(self.url, site_path, anchor)

    def front_matter(self, div_type: str) -> etree._Element | None:
        """A division of the edition's own prose (introduction, method...)."""
        return self.root.find(f"tei:text/tei:body/tei:div[@type='{div_type}']", NS)

    @property
    def bracket_readings(self) -> dict[str, str]:
        """Each category's pointer, as the text's @ana gives it, and its reading."""
        return {f"edn:{c.id}": c.reading for c in self.bracket_categories}

    def doctype(self, pointer: str) -> Category:
        """The document type a document's pointer ("edn:dt-cable") names."""
        return self.doctypes[pointer.removeprefix("edn:")]

    def category(self, pointer: str) -> Category:
        wanted = pointer.removeprefix("edn:")
        return next(c for c in self.bracket_categories if c.id == wanted)


def _categories(root: etree._Element, taxonomy: str) -> tuple[Category, ...]:
    result = []
    for category in root.iterfind(f".//tei:taxonomy[@xml:id='{taxonomy}']/tei:category", NS):
        description = category.find("tei:catDesc", NS)
        pointer = (category.get("rendition") or "").removeprefix("#")
        rendition = root.find(f".//tei:tagsDecl/tei:rendition[@xml:id='{pointer}']", NS) if pointer else None
        result.append(Category(category.get(XML_ID), category.get("n") or category.get(XML_ID),
                               normalise_space("".join(description.find("tei:term", NS).itertext())), description,
                               rendition.text if rendition is not None else None))
    return tuple(result)


def read_edition(root: etree._Element) -> Edition:
    file_desc = root.find("tei:teiHeader/tei:fileDesc", NS)
    edition = file_desc.find("tei:editionStmt/tei:edition", NS)
    licence = file_desc.find("tei:publicationStmt/tei:availability/tei:licence", NS)
    sources = {b.get(XML_ID): Source(b.get(XML_ID), b, tuple(r.get("target") for r in b.iterfind("tei:ref", NS)),
                                     b.get("subtype") == "withdrawn")
               for b in file_desc.iterfind("tei:sourceDesc/tei:listBibl/tei:bibl", NS)}
    changes = tuple(Change(c.get("n"), c.get("when"), c.get("type", "release"), tuple((c.get("target") or "").split()), c)
                    for c in root.iterfind("tei:teiHeader/tei:revisionDesc/tei:change", NS))
    return Edition(
        root=root,
        title=file_desc.findtext("tei:titleStmt/tei:title[@type='main']", namespaces=NS),
        subtitle=file_desc.findtext("tei:titleStmt/tei:title[@type='sub']", namespaces=NS),
        description=file_desc.findtext("tei:titleStmt/tei:title[@type='desc']", namespaces=NS),
        version=edition.get("n"),
        version_date=edition.find("tei:date", NS).get("when"),
        publisher=file_desc.findtext("tei:publicationStmt/tei:publisher", namespaces=NS),
        url=address.normalise(file_desc.findtext("tei:publicationStmt/tei:idno[@type='URL']", namespaces=NS)),
        licence_url=licence.get("target"),
        licence=licence,
        bracket_categories=_categories(root, "brackets"),
        doctypes={c.id: c for c in _categories(root, "doctypes")},
        sources=sources,
        changes=changes,
    )
