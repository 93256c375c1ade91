"""The text of a record as TEI: a cable (form fields, address lines, title,
salute, paragraphs, signatures and date line) or minutes (title, meeting
data, speaker turns with stage directions), with the translator's
brackets pre-classified and suspected page breaks marked where a blank
line cuts a sentence in two. Every paragraph gets its id and number."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ..model.registers import Registers
from ..tei.parser import TEI_NS, XML_ID
from .brackets import BracketError
from .fields import parse_date
from .flags import Flag
from .sources import Line, Record

MarkText = Callable[[etree._Element, str, int, Registers, list[Flag]], None]

FORM_FIELD = re.compile(r"^(To|From|Level of Priority|Priority|Level|Receiver|Received by|Approved by|Copy to|Copies to|"
                        r"Subject|Contents|Drafted by|Sent|Received|Number|No\.)\s*:\s*(.+)$")
CLASSIFICATION = re.compile(r"^(Top Secret|Secret|Confidential|Classified|Internal|Urgent|Extra Urgent|Very Urgent|"
                            r"Extra Rush, Early Delivery|Top Secret, Urgent)[.!]?$", re.I)
MEETING_FIELD = re.compile(r"^(Date|Time|Venue|Place|Location|Attendees|Participants|Also Present|Present|Interpreter|"
                           r"Interpreters|Minutes|Minutes Prepared|Minutes Prepared by|Recorder|Note-?taker)\s*:\s*(.*)$")
# "Vice Minister Ji Pengfei (hereafter Ji): …" and "… (hereinafter referred to as “Ji”): …"
ALIAS = re.compile(r"^(?P<name>[^:()]{2,120}?) ?(?P<alias>\((?:hereafter|hereinafter)(?: referred to as)? "
                   r"[\"“]?(?P<short>[^)\"”]+?)[\"”]?\)) ?: (?P<speech>.+)$")
TURN = re.compile(r"^(?P<short>[A-Z][\w.'’ -]{0,40}?): (?P<speech>.+)$")
STAGE = re.compile(r"\((?:[A-Z][^()]{2,200})\)")
ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)\]]$")
OMISSION_LINE = re.compile(r"^\[(\.\.\.|…)\]$")
NUMBERED_POINT = re.compile(r"^\(?\d{1,2}[.)]\s")


def tei(tag: str, **attributes: str) -> etree._Element:
    element = etree.Element(f"{{{TEI_NS}}}{tag}", nsmap={None: TEI_NS})
    for name, value in attributes.items():
        element.set(XML_ID if name == "xml_id" else name.rstrip("_"), value)
    return element


def child(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    element = tei(tag, **attributes)
    parent.append(element)
    return element


@dataclass
class Builder:
    """Writes the body, numbering paragraphs and ids under the document's key."""

    key: str
    registers: Registers
    mark: MarkText
    flags: list[Flag] = field(default_factory=list)
    paragraphs: int = 0
    counters: dict[str, int] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)   # id of a unit -> its line in the input (for flags)

    def new_id(self, kind: str) -> str:
        self.counters[kind] = self.counters.get(kind, 0) + 1
        return f"{self.key}-{kind}{self.counters[kind]}"

    def text(self, parent: etree._Element, line: Line, text: str | None = None) -> etree._Element:
        passage = line.text if text is None else text
        try:
            self.mark(parent, passage, line.number, self.registers, self.flags)
        except BracketError as error:  # its column counted in the whole line, as an editor's text editor shows it
            column = error.column + line.offset + max(line.text.find(passage), 0)
            raise BracketError(line.number, column, error.problem) from None
        return parent

    def paragraph(self, parent: etree._Element, lines: list[Line]) -> etree._Element:
        """A numbered paragraph; where a blank line cut it, a suspected page break."""
        self.paragraphs += 1
        p = child(parent, "p", xml_id=f"{self.key}-p{self.paragraphs}", n=str(self.paragraphs))
        for index, line in enumerate(lines):
            if index:
                _append_text(p, " ")
                child(p, "pb", type="suspected", xml_id=self.new_id("pb"))
                self.flags.append(Flag(line.number, "structure", line.text[:60],
                                       "suspected page break (a blank line cuts the sentence): check it against the "
                                       "archival file; its page number is not known and is not supplied"))
            self.text(p, line)
        return p


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def joined_paragraphs(blocks: list[list[Line]]) -> list[list[Line]]:
    """Blocks of one line each, the ones a blank line cut mid-sentence joined
    again (the line before does not end a sentence, the next begins in
    lower case)."""
    joined: list[list[Line]] = []
    for block in blocks:
        lines = list(block)
        if joined and not ENDS_SENTENCE.search(joined[-1][-1].text) and lines[0].text[:1].islower():
            joined[-1].extend(lines[:1])
            lines = lines[1:]
        joined.extend([line] for line in lines)
    return joined


def is_minutes(record: Record) -> bool:
    lines = [line.text for block in record.paragraphs for line in block]
    return sum(1 for t in lines if MEETING_FIELD.match(t)) >= 2 or any(ALIAS.match(t) for t in lines)


def build_body(record: Record, builder: Builder) -> etree._Element:
    body = tei("body")
    units = joined_paragraphs(record.paragraphs)
    if units and OMISSION_LINE.match(units[0][0].text):  # an omission before the document proper
        ab = child(body, "ab", type="omission", xml_id=f"{builder.key}-omission")
        builder.text(ab, units[0][0])
        units = units[1:]
    kind = "minutes" if is_minutes(record) else "cable"
    div = child(body, "div", type=kind, xml_id=f"{builder.key}-{kind}")
    (_minutes if kind == "minutes" else _cable)(div, units, record, builder)
    _separate_blocks(body)
    return body


CONTAINERS = {f"{{{TEI_NS}}}{t}" for t in ("body", "div", "opener", "closer", "list", "sp")}


def _separate_blocks(body: etree._Element) -> None:
    """A line break between the blocks of a container, as in a hand-encoded
    file: the text's words never run together across blocks."""
    for container in body.iter(*CONTAINERS):
        container.text = container.text or "\n"
        for block in container:
            block.tail = block.tail or "\n"


# -- cables ------------------------------------------------------------------------

def _cable(div: etree._Element, units: list[list[Line]], record: Record, builder: Builder) -> None:
    """The lines before the text proper (form fields, classification and
    precedence, destination, the original's remarks, the title, the address
    line) stay lines; then paragraphs; then the signatures and date line."""
    title = record.title.text if record.title else None
    position = 0
    opener: etree._Element | None = None
    while position < len(units) and _is_opening_line(units[position], title):
        line = units[position][0]
        if title and line.text == title:
            builder.text(child(div, "head", xml_id=f"{builder.key}-head"), line)
            opener = None  # lines after the title open a second block
        elif OMISSION_LINE.match(line.text):
            builder.text(child(div, "ab", type="omission", xml_id=builder.new_id("omission")), line)
            opener = None
        else:
            if opener is None:
                opener = child(div, "opener", xml_id=builder.new_id("opener"))
            if line.text.endswith(":") and not FORM_FIELD.match(line.text):
                builder.text(child(opener, "salute", xml_id=builder.new_id("salute")), line)
                position += 1
                break  # the address line ends the opening
            builder.text(child(opener, "seg", type=_line_kind(line.text), xml_id=builder.new_id("line")), line)
        position += 1
    closing = _closing_lines(units[position:])
    for lines in units[position:len(units) - len(closing)]:
        if len(lines) == 1 and OMISSION_LINE.match(lines[0].text):
            builder.text(child(div, "ab", type="omission", xml_id=builder.new_id("omission")), lines[0])
        else:
            builder.paragraph(div, lines)
    if closing:
        closer = child(div, "closer", xml_id=f"{builder.key}-closer")
        for lines in closing:
            line = lines[0]
            when = parse_date(line.text)
            if when:
                date = child(child(closer, "dateline", xml_id=f"{builder.key}-dateline"), "date", when=when.iso)
                builder.text(date, line)
            else:
                builder.text(child(closer, "signed", xml_id=builder.new_id("signed")), line)


def _is_opening_line(lines: list[Line], title: str | None) -> bool:
    text = lines[0].text
    return len(lines) == 1 and (text == title or bool(FORM_FIELD.match(text)) or len(text) < 100
                                and not NUMBERED_POINT.match(text)
                                and (not ENDS_SENTENCE.search(text) or text.endswith((":", ")", "]"))))


def _line_kind(text: str) -> str:
    if FORM_FIELD.match(text):
        return "field"
    if CLASSIFICATION.match(text) or re.search(r"\b(Urgent|Rush|Immediate|Priority)\b", text):
        return "precedence"
    if text.startswith(("[", "(")) and text.endswith(("]", ")")):
        return "remark"
    return "destination"


def _closing_lines(units: list[list[Line]]) -> list[list[Line]]:
    """Signatures and the date line: the short lines at the end that end no
    sentence, up to the date."""
    closing: list[list[Line]] = []
    for lines in reversed(units):
        text = lines[0].text
        if len(lines) == 1 and len(text) < 80 and (parse_date(text) or not ENDS_SENTENCE.search(text)):
            closing.insert(0, lines)
        else:
            break
    return closing if len(closing) < len(units) else []


# -- minutes -----------------------------------------------------------------------

def _minutes(div: etree._Element, units: list[list[Line]], record: Record, builder: Builder) -> None:
    title = record.title.text if record.title else None
    position = 0
    if units and title and units[0][0].text == title:
        builder.text(child(div, "head", xml_id=f"{builder.key}-head"), units[0][0])
        position = 1
    data: etree._Element | None = None
    aliases: dict[str, str] = {}
    turn: etree._Element | None = None
    for lines in units[position:]:
        line = lines[0]
        meeting = MEETING_FIELD.match(line.text)
        alias = ALIAS.match(line.text)
        short = TURN.match(line.text)
        if meeting and turn is None:
            if data is None:
                data = child(div, "list", type="meeting-data", xml_id=f"{builder.key}-meeting-data")
            child(data, "label").text = meeting.group(1) + ":"
            item = child(data, "item", xml_id=builder.new_id("md"))
            when = parse_date(meeting.group(2)) if meeting.group(1) in ("Date", "Time") else None
            builder.text(child(item, "date", when=when.iso) if when else item, line, meeting.group(2))
        elif alias:
            aliases[alias.group("short").strip()] = alias.group("name").strip()
            turn = _turn(div, builder, line, alias.group("name") + " " + alias.group("alias") + ":",
                         alias.group("speech"), lines, alias=alias.group("alias"), name=alias.group("name") + " ")
        elif short and short.group("short").strip() in aliases and turn is not None:
            turn = _turn(div, builder, line, short.group("short") + ":", short.group("speech"), lines)
        elif turn is not None:
            _speech(turn, builder, lines)
        elif data is None and position == 0 and not title:
            builder.text(child(div, "head", xml_id=f"{builder.key}-head"), line)
        elif len(lines) == 1 and line.text.startswith("-"):
            builder.text(child(div, "head", type="sub", xml_id=f"{builder.key}-subhead"), line)
        elif len(lines) == 1 and re.fullmatch(r"\[[^\[\]]+\]", line.text):
            note = child(div, "note", type="original", place="inline", xml_id=builder.new_id("original"))
            builder.text(note, line)  # the original's own remark, kept with its brackets
        else:
            builder.paragraph(div, lines)


def _turn(div: etree._Element, builder: Builder, line: Line, speaker_text: str, speech: str, lines: list[Line],
          alias: str | None = None, name: str | None = None) -> etree._Element:
    sp = child(div, "sp", xml_id=builder.new_id("sp"))
    builder.lines[sp.get(XML_ID)] = line.number
    speaker = child(sp, "speaker")
    if alias and name is not None:
        builder.text(speaker, line, name.rstrip() + " ")
        seg = child(speaker, "seg", type="alias")
        builder.text(seg, line, alias)
        seg.tail = ":"
    else:
        builder.text(speaker, line, speaker_text)
    first = Line(line.number, speech, line.text.find(speech))
    _speech(sp, builder, [first, *lines[1:]])
    return sp


def _speech(sp: etree._Element, builder: Builder, lines: list[Line]) -> None:
    p = builder.paragraph(sp, lines)
    _mark_stage_directions(p, builder)


def _mark_stage_directions(p: etree._Element, builder: Builder) -> None:
    """Parenthesised stage directions in a speech become <stage> (text nodes
    directly in the paragraph only, so nothing already encoded is split)."""
    for node, attribute in [(p, "text"), *((c, "tail") for c in p)]:
        text = getattr(node, attribute) or ""
        match = STAGE.search(text)
        if not match:
            continue
        setattr(node, attribute, text[:match.start()])
        stage = tei("stage", type="business", xml_id=builder.new_id("stage"))
        stage.text = match.group(0)
        stage.tail = text[match.end():]
        if attribute == "text":
            p.insert(0, stage)
        else:
            node.addnext(stage)
