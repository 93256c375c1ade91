"""What the edition knows about each document, read from its teiHeader."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..tei.corpus import TeiFile
from ..tei.parser import NS, XML_ID
from . import dates
from .text import normalise_space

NOT_RECORDED = "edn:not-recorded"


@dataclass(frozen=True)
class Field:
    """A header value, or the statement that the transcription lacks it."""

    text: str
    recorded: bool = True

    @classmethod
    def of(cls, element: etree._Element | None) -> Field:
        if element is None:
            return cls("Not recorded in the transcription", False)
        return cls(normalise_space("".join(element.itertext())), element.get("ana") != NOT_RECORDED)


@dataclass(frozen=True)
class Party:
    """A sender, addressee or participant, pointing to a register entry."""

    ref: str | None
    name: str
    role: str = ""
    description: str = ""


@dataclass(frozen=True)
class Document:
    tei: TeiFile = field(repr=False)
    id: str
    key: str
    slug: str
    title: str
    short_title: str          # for navigation and lists
    citation_title: str       # the few words that stand for the title in in-text citations
    date: str                 # ISO, at the precision known
    date_text: str            # as printed in the source's date line
    doctype: str              # category id in edn:doctypes
    archive_title: Field
    translator: Field
    translator_ref: str | None   # register entry of the translator, if recorded
    url: Field
    citation: Field
    summary: Field
    credit: Field
    original_language: Field
    contents: Field
    repository: Field
    repository_ref: str | None   # register entry of the repository, if recorded
    archive_reference: Field
    pages: Field
    transcription_file: str
    senders: tuple[Party, ...]
    addressees: tuple[Party, ...]
    participants: tuple[Party, ...]
    former_slugs: tuple[str, ...] = ()   # published before under these: the old addresses redirect here

    @property
    def path(self) -> Path:
        return self.tei.path

    @property
    def text(self) -> etree._Element:
        return self.tei.root.find("tei:text", NS)

    @property
    def date_label(self) -> str:
        return dates.label(self.date)

    @property
    def year(self) -> int:
        return dates.year(self.date)

    @property
    def page_path(self) -> str:
        """Source path of the document's page; its URL is /documents/<slug>/."""
        return f"documents/{self.slug}.md"

    def bracket_counts(self) -> Counter:
        """How many bracketed units of each category (edn:bk-…) the text has."""
        counts: Counter[str] = Counter()
        for element in self.text.xpath(".//*[@ana]"):
            for pointer in element.get("ana").split():
                if pointer.startswith("edn:bk-"):
                    counts[pointer.removeprefix("edn:")] += 1
        return counts

    def element(self, xml_id: str) -> etree._Element | None:
        found = self.tei.root.xpath("//*[@xml:id=$id]", id=xml_id)
        return found[0] if found else None


def _find(root: etree._Element, path: str) -> etree._Element | None:
    found = root.xpath(path, namespaces=NS)
    return found[0] if found else None


def _required(root: etree._Element, path: str) -> etree._Element:
    """An element the schema requires (validation has checked it is there)."""
    found = _find(root, path)
    if found is None:
        raise ValueError(f"{path} is missing")
    return found


def _party(element: etree._Element) -> Party:
    return Party(element.get("ref") or element.get("sameAs"), normalise_space("".join(element.itertext())))


def _participant(person: etree._Element) -> Party:
    name = normalise_space("".join(person.find("tei:persName", NS).itertext()))
    occupation = person.find("tei:occupation", NS)
    return Party(person.get("sameAs"), name, person.get("role", ""),
                 normalise_space("".join(occupation.itertext())) if occupation is not None else "")


def read_document(tei: TeiFile) -> Document:
    root = tei.root
    header = "tei:teiHeader/tei:fileDesc"
    source = f"{header}/tei:sourceDesc/tei:bibl[@type='transcription']"
    ms = f"{header}/tei:sourceDesc/tei:msDesc"
    creation_date = _required(root, "tei:teiHeader/tei:profileDesc/tei:creation/tei:date")
    correspondence = "tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction"
    return Document(
        tei=tei,
        id=root.get(XML_ID),
        key=root.get("n"),
        slug=root.findtext(f"{header}/tei:publicationStmt/tei:idno[@type='slug']", namespaces=NS),
        title=Field.of(_find(root, f"{header}/tei:titleStmt/tei:title[@type='main']")).text,
        short_title=Field.of(_find(root, f"{header}/tei:titleStmt/tei:title[@type='short']")).text,
        citation_title=Field.of(_find(root, f"{header}/tei:titleStmt/tei:title[@type='citation']")).text,
        date=(creation_date.get("when") or creation_date.get("notBefore") or creation_date.get("from"))[:10],
        date_text=Field.of(_find(root, f"{source}/tei:date")).text,
        doctype=_required(root, "tei:teiHeader/tei:profileDesc/tei:textClass/tei:catRef").get("target"),
        archive_title=Field.of(_find(root, f"{source}/tei:title[@type='wcda']")),
        translator=Field.of(_find(root, f"{source}/tei:respStmt[tei:resp/@key='trl']/*[not(self::tei:resp)]")),
        translator_ref=root.xpath(f"string({source}/tei:respStmt[tei:resp/@key='trl']/tei:persName/@ref)",
                                  namespaces=NS).removeprefix("reg:") or None,
        url=Field.of(_find(root, f"{source}/tei:idno[@type='URL']")),
        citation=Field.of(_find(root, f"{source}/tei:note[@type='citation']")),
        summary=Field.of(_find(root, f"{source}/tei:note[@type='summary']")),
        credit=Field.of(_find(root, f"{source}/tei:note[@type='credit']")),
        original_language=Field.of(_find(root, f"{source}/tei:textLang")),
        contents=Field.of(_find(root, f"{source}/tei:note[@type='contents']")),
        repository=Field.of(_find(root, f"{ms}/tei:msIdentifier/tei:repository")),
        repository_ref=root.xpath(f"string({ms}/tei:msIdentifier/tei:repository/@ref)",
                                  namespaces=NS).removeprefix("reg:") or None,
        archive_reference=Field.of(_find(root, f"{ms}/tei:msIdentifier/tei:idno[@type='archive-reference']")),
        pages=Field.of(_find(root, f"{ms}/tei:msContents/tei:msItem/tei:locus")),
        transcription_file=root.findtext(f"{source}/tei:idno[@type='transcription-file']", default="", namespaces=NS),
        senders=tuple(_party(e) for e in root.iterfind(f"{correspondence}[@type='sent']/*", NS)
                      if etree.QName(e).localname in ("orgName", "persName")),
        addressees=tuple(_party(e) for e in root.iterfind(f"{correspondence}[@type='received']/*", NS)
                         if etree.QName(e).localname in ("orgName", "persName")),
        participants=tuple(_participant(p) for p in
                           root.iterfind("tei:teiHeader/tei:profileDesc/tei:particDesc/tei:listPerson/tei:person", NS)),
        former_slugs=tuple(i.text.strip() for i in
                           root.iterfind(f"{header}/tei:publicationStmt/tei:idno[@type='former-slug']", NS) if i.text),
    )
