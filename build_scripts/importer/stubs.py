"""Register entries for the people and bodies an imported record names that
the registers do not know: a speaker, a signatory, an addressee. Each stub
says that the person or body has not been identified and cites the record,
so the edition never presents a guess; the report lists them."""
from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from lxml import etree

from ..model.registers import Registers
from ..tei.parser import NS, TEI_NS
from .flags import Flag

BODY_WORDS = re.compile(r"\b(Ministry|Department|Embassy|Consulate|Committee|Bureau|Office|Government|Council|"
                        r"Commission|Section|Army|Command|Party|Security|Affairs)\b")
TITLE_WORDS = re.compile(r"^((Vice |Deputy |Prime )?(Minister|Ambassador|Premier|Comrade|Secretary|Director|Chairman|"
                         r"Counsellor|Consul|Chargé d'Affaires)\s+)+")


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))[:60].strip("-") or "unnamed"


def stub_entries(body: etree._Element, header: etree._Element, registers: Registers, source_id: str, title: str,
                 flags: list[Flag]) -> tuple[list[str], list[str]]:
    """Links the unknown speakers and correspondents to new stub entries (in
    the document's tree) and returns the person and organisation entries to
    add to registers.xml."""
    persons: dict[str, str] = {}
    orgs: dict[str, str] = {}
    taken = set(registers.entries)

    def new_id(prefix: str, name: str) -> str:
        base = f"{prefix}-{_slug(TITLE_WORDS.sub('', name))}"
        entry_id, n = base, 1
        while entry_id in taken:
            n += 1
            entry_id = f"{base}-{n}"
        taken.add(entry_id)
        return entry_id

    for sp in body.iterfind(".//tei:sp", NS):
        if sp.get("who"):
            continue
        speaker = sp.find("tei:speaker", NS)
        name = " ".join((speaker.text or "").split()).rstrip(":")
        if not name:
            continue
        entry_id = persons.get(name) or new_id("per", name)
        persons[name] = entry_id
        sp.set("who", f"reg:{entry_id}")
        raw = speaker.text or ""
        element = etree.Element(f"{{{TEI_NS}}}persName", ref=f"reg:{entry_id}")
        element.text, element.tail = name, raw[raw.index(name) + len(name):]
        speaker.text = raw[:raw.index(name)]
        speaker.insert(0, element)
    for party in header.iterfind(".//tei:correspAction/tei:name", NS):
        name = " ".join("".join(party.itertext()).split())
        if party.get("ana") or not name:
            continue
        is_body = bool(BODY_WORDS.search(name))
        table, prefix, tag = (orgs, "org", "orgName") if is_body else (persons, "per", "persName")
        entry_id = table.get(name) or new_id(prefix, name)
        table[name] = entry_id
        party.tag = f"{{{TEI_NS}}}{tag}"
        party.set("ref", f"reg:{entry_id}")
    description = (f"Named in “{escape(title)}”; not identified: the editors have not yet found who this is. "
                   "Entry made when the record was imported.")
    person_xml = [f'        <person xml:id="{i}">\n          <persName type="main">{escape(n)}</persName>\n'
                  f'          <note type="description" source="edn:{source_id}">{description}</note>\n        </person>\n'
                  for n, i in persons.items()]
    org_xml = [f'        <org xml:id="{i}">\n          <orgName type="main">{escape(n)}</orgName>\n'
               f'          <note type="description" source="edn:{source_id}">{description}</note>\n        </org>\n'
               for n, i in orgs.items()]
    for name, entry_id in [*persons.items(), *orgs.items()]:
        flags.append(Flag(1, "name", name, f"not in the registers: stub entry {entry_id} made ('not identified'); "
                                           "identify it or merge it with an existing entry"))
    return person_xml, org_xml


def with_stubs(registers_xml: str, persons: list[str], orgs: list[str]) -> str:
    for entries, closing in ((persons, "      </listPerson>"), (orgs, "      </listOrg>")):
        if entries:
            position = registers_xml.index(closing)
            registers_xml = registers_xml[:position] + "\n" + "".join(entries) + registers_xml[position:]
    return registers_xml
