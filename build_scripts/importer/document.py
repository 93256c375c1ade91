"""A record made into a TEI document of the edition: slug and key, header,
front (a headnote for the editor to write), body, parties, names linked."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from lxml import etree

from ..model.registers import Entry, Registers
from ..tei.parser import NS, TEI_NS, XML_ID
from .brackets import BracketError, append_marked
from .fields import When, parse_date
from .flags import Flag
from .header import header
from .names import link_names
from .sources import Record, refused
from .structure import Builder, build_body, is_minutes
from .stubs import stub_entries

STOP_WORDS = {"a", "an", "the", "of", "on", "in", "to", "and", "by", "for", "with", "between", "from", "into",
              "concerning", "regarding", "about", "at", "his", "her", "its"}


@dataclass
class Imported:
    slug: str
    key: str
    xml: str
    flags: list[Flag] = field(default_factory=list)
    bibliography_id: str = ""
    new_persons: list[str] = field(default_factory=list)   # stub entries for registers.xml
    new_orgs: list[str] = field(default_factory=list)


def _ascii_words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return [w for w in re.findall(r"[a-z0-9]+", plain.lower()) if w not in STOP_WORDS]


def make_slug(title: str, when: When) -> str:
    return "-".join([when.iso[:10], *_ascii_words(title)[:5]])


def make_key(title: str, when: When, taken: set[str]) -> str:
    """A short prefix for the document's ids (like "kor1961"), unique in the edition."""
    word = next((w for w in _ascii_words(title) if not w.isdigit()), "doc")[:6]
    key = f"{word}{when.iso[:4]}"
    suffix = 0
    while key in taken:
        suffix += 1
        key = f"{word}{when.iso[:4]}{chr(ord('a') + suffix - 1)}"
    return key


def _entry_named(registers: Registers, name: str, kinds: tuple[str, ...]) -> Entry | None:
    wanted = name.strip().lower()
    for entry in registers.entries.values():
        if entry.kind in kinds and wanted in {n.text.lower() for n in entry.names}:
            return entry
    return None


_TAGS = {"person": "persName", "place": "placeName", "org": "orgName", "term": "term"}


def _party(registers: Registers, name: str) -> str:
    entry = _entry_named(registers, re.sub(r"[\[\]]", "", name), ("person", "org", "place"))
    if entry is None:
        return f"<name>{escape(name)}</name>"
    return f'<{_TAGS[entry.kind]} ref="reg:{entry.id}">{escape(name)}</{_TAGS[entry.kind]}>'


def parties(body: etree._Element, registers: Registers, flags: list[Flag], when: When) -> str:
    """The correspondents of a cable (its signatures, its addressee) or the
    participants of a meeting (its speakers)."""
    text = lambda e: " ".join("".join(e.itertext()).split())  # noqa: E731
    speakers = []
    for speaker in body.iterfind(".//tei:sp/tei:speaker", NS):
        alias = speaker.find("tei:seg[@type='alias']", NS)
        if alias is not None:
            name = (speaker.text or "") + "".join(etree.tostring(c, method="text", encoding="unicode", with_tail=False)
                                                  for c in speaker if c is not alias)
            speakers.append(" ".join(name.split()))
    if speakers:
        persons = "".join(f'<person role="interlocutor"><persName>{escape(s)}</persName></person>' for s in speakers)
        return f'<particDesc><listPerson type="participants">{persons}</listPerson></particDesc>'
    senders = [text(s) for s in body.iterfind(".//tei:closer/tei:signed", NS)]
    salute = body.find(".//tei:salute", NS)
    to_field = next((text(seg).split(":", 1)[1].strip() for seg in body.iterfind(".//tei:opener/tei:seg[@type='field']", NS)
                     if text(seg).startswith("To:")), None)
    receiver = to_field or (re.sub(r"^\[?To (the )?|\]|:$", "", text(salute)).strip() if salute is not None else None)
    if not senders or not receiver:
        flags.append(Flag(1, "field", "correspondents", "the sender or the addressee could not be read from the text: "
                                                        "add them to the header's correspDesc"))

    sent = "".join(_party(registers, s) for s in senders) or '<name ana="edn:not-recorded">Not recorded</name>'
    received = ("".join(_party(registers, r.strip()) for r in receiver.split(";") if r.strip()) if receiver
                else '<name ana="edn:not-recorded">Not recorded</name>')
    return (f'<correspDesc><correspAction type="sent">{sent}<date when="{when.iso}">{escape(when.label)}</date>'
            f'</correspAction><correspAction type="received">{received}</correspAction></correspDesc>')


NEEDS_ID = {f"{{{TEI_NS}}}{t}" for t in ("p", "sp", "div", "ab", "head", "opener", "closer", "salute", "signed",
                                          "dateline", "list", "item", "stage", "pb", "note")}


def _identified(body: etree._Element, builder: Builder) -> None:
    """An id on every unit links and citations point to (the bracket rules
    write some, such as the original's remarks, without one)."""
    for element in body.iter(*NEEDS_ID):
        if not element.get(XML_ID):
            element.set(XML_ID, builder.new_id(etree.QName(element).localname))


def _by_surname(registers: Registers, word: str) -> str | None:
    found = {e.id for e in registers.entries.values() if e.kind == "person"
             for n in e.names if word and word in n.text.split()}
    return f"reg:{found.pop()}" if len(found) == 1 else None


def _name_speaker(speaker: etree._Element, who: str) -> None:
    """The speaker's own words ("Vice Minister Ji", "Ji") become the name of @who."""
    words = (speaker.text or "").rstrip()
    trailing = (speaker.text or "")[len(words):]
    if words.endswith(":"):
        words, trailing = words[:-1], ":" + trailing
    if not words:
        return
    name = etree.Element(f"{{{TEI_NS}}}persName", ref=who)
    name.text, name.tail = words, trailing
    speaker.text = ""
    speaker.insert(0, name)


def _speakers_identified(body: etree._Element, registers: Registers, flags: list[Flag], lines: dict[str, int]) -> None:
    """@who of each speech: the register entry its speaker's name links to,
    then the same for the short form the alias introduces ("hereafter Ji")."""
    by_alias: dict[str, str] = {}
    for sp in body.iterfind(".//tei:sp", NS):
        speaker = sp.find("tei:speaker", NS)
        name = speaker.find(".//tei:persName", NS)
        alias = speaker.find("tei:seg[@type='alias']", NS)
        short = " ".join("".join(speaker.itertext()).split()).rstrip(":")
        who = name.get("ref") if name is not None and alias is not None else by_alias.get(short)
        if alias is not None and who is None:  # "Vice Minister Ji": a surname only one person of the registers has
            who = _by_surname(registers, (speaker.text or short).split()[-1] if (speaker.text or short).split() else "")
            if who:
                flags.append(Flag(lines.get(sp.get(XML_ID), 1), "name", short,
                                  f"speaker taken to be {who} by surname alone: check"))
        if alias is not None:
            match = re.search(r"(?:hereafter|hereinafter(?: referred to as)?) [\"“]?([^)\"”]+)", "".join(alias.itertext()))
            if match and who:
                by_alias[match.group(1).strip()] = who
        if who:
            sp.set("who", who)
            if speaker.find(f".//tei:persName[@ref='{who}']", NS) is None:
                _name_speaker(speaker, who)
        elif alias is not None:
            flags.append(Flag(lines.get(sp.get(XML_ID), 1), "name", short,
                              "speaker not found in the registers: a stub entry is made; identify the person"))


def _participants_identified(root: etree._Element) -> None:
    """Each participant of the header is the register entry of their speeches."""
    speeches = {" ".join("".join(sp.find("tei:speaker", NS).itertext()).split()): sp.get("who")
                for sp in root.iterfind(".//tei:sp", NS)}
    for person in root.iterfind("tei:teiHeader//tei:particDesc//tei:person", NS):
        name = " ".join("".join(person.itertext()).split())
        who = next((w for label, w in speeches.items() if w and label.startswith(name)), None)
        if who:
            person.set("sameAs", who)


def make_document(record: Record, registers: Registers, taken_keys: set[str], slug: str | None = None,
                  source_id: Callable[[str], str] = lambda key: f"src-wcda-{key}") -> Imported:
    """`source_id(key)` names the record's bibliography entry, which the
    headnote's placeholder cites until the editors write it."""
    assert record.title is not None and record.date is not None, "read_record checks both"
    when = parse_date(record.date.text)
    if when is None:
        raise refused(record.path, record.date.number, f"cannot read the date {record.date.text!r}")
    slug = slug or make_slug(record.title.text, when)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise refused(record.path, 0, f"the slug {slug!r} may hold only lower-case letters, digits and hyphens")
    key = make_key(record.title.text, when, taken_keys)
    flags: list[Flag] = []
    builder = Builder(key, registers, append_marked, flags)
    try:
        body = build_body(record, builder)
    except BracketError as error:
        raise refused(record.path, error.line, f"column {error.column}: {error.problem}") from None
    link_names(body, registers)
    _identified(body, builder)
    _speakers_identified(body, registers, flags, builder.lines)
    doctype = "minutes" if is_minutes(record) else "cable"
    head = header(record, slug, when, doctype, registers, flags).replace("PARTIES", parties(body, registers, flags, when))
    flags.append(Flag(1, "field", "headnote", "write the headnote (its paragraphs cite sources: @source)"))
    front = (f'<front><div type="headnote" xml:id="{key}-headnote"><head xml:id="{key}-headnote-head">Headnote</head>'
             f'<p xml:id="{key}-hn1" source="edn:{source_id(key)}">The editors have yet to write the headnote of this '
             f"document, imported from the Wilson Center's transcription.</p></div></front>")
    body_xml = etree.tostring(body, encoding="unicode").replace(f' xmlns="{TEI_NS}"', "")
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="{TEI_NS}" xml:id="doc-{slug}" n="{key}" xml:lang="en">\n'
           f"  {head}\n  <text>\n    {front}\n    {body_xml}\n  </text>\n</TEI>\n")
    root = etree.fromstring(xml.encode("utf-8"))
    persons, orgs = stub_entries(root.find("tei:text/tei:body", NS), root.find("tei:teiHeader", NS), registers,
                                 source_id(key), record.title.text, flags)
    _participants_identified(root)
    pretty = etree.tostring(root, encoding="unicode")
    return Imported(slug, key, '<?xml version="1.0" encoding="UTF-8"?>\n' + pretty + "\n", flags,
                    new_persons=persons, new_orgs=orgs)
