"""The TEI header of an imported record, in the form of the hand-encoded
documents: every field the record gives, and every field it lacks marked
"not recorded" (never guessed). Returns the header and the flags for what
the editor must still supply."""
from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from ..model.registers import Registers
from .fields import REPOSITORIES, When, archive_reference, translator
from .flags import Flag
from .sources import Record

NOT_RECORDED = "Not recorded in the transcription"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
NO_RIGHTS = ("The English translation is that of the Wilson Center Digital Archive; the transcription carries no "
             "rights statement of its own.")


def _field(tag: str, value: str | None, attributes: str = "") -> str:
    if value:
        return f"<{tag}{attributes}>{escape(value)}</{tag}>"
    return f'<{tag}{attributes} ana="edn:not-recorded">{NOT_RECORDED}</{tag}>'


def _language_code(language: str | None) -> str:
    return {"Chinese": "zh", "Russian": "ru", "Korean": "ko", "English": "en", "Mongolian": "mn"}.get(language or "", "und")


def short_title(title: str, when: When) -> str:
    """A first short title for the navigation; the editor should write a better one."""
    words = title.split()
    return (" ".join(words[:8]) + ("…" if len(words) > 8 else "")) + f", {when.label}"


def header(record: Record, slug: str, when: When, doctype: str, registers: Registers, flags: list[Flag]) -> str:
    fields = record.fields
    title = record.title.text if record.title else ""
    citation = fields.get("citation")
    source = fields.get("source")
    reference = archive_reference(source or "", citation or "")
    name = translator(source or "", citation or "")
    translator_entry = next((e for e in registers.entries.values() if e.kind == "person" and e.name == name), None)
    today = dt.date.today().isoformat()
    language = fields.get("language")
    translator_xml = (f'<persName ref="reg:{translator_entry.id}">{escape(name)}</persName>' if translator_entry and name
                      else f"<name>{escape(name)}</name>" if name else f'<name ana="edn:not-recorded">{NOT_RECORDED}</name>')
    repository = (f"<repository>{escape(REPOSITORIES.get(reference.repository, reference.repository))}</repository>"
                  if reference else f'<repository ana="edn:not-recorded">{NOT_RECORDED}</repository>')
    pages = reference.pages if reference else None
    locus = (f'<locus from="{reference.first_page}" to="{reference.last_page or reference.first_page}">'
             f"{escape(pages)}</locus>" if reference and pages
             else '<locus ana="edn:not-recorded">Pages not recorded in the transcription</locus>')
    for label, present in (("translator", name), ("archival reference", reference), ("address (URL)", fields.get("url")),
                           ("citation", citation), ("summary", fields.get("summary")), ("funding credit", fields.get("credits")),
                           ("original language", language)):
        if not present:
            flags.append(Flag(1, "field", label, f"the record gives no {label}: marked not recorded"))
    flags.append(Flag(record.title.number if record.title else 1, "field", "short title",
                      "write the short title (navigation, citations) and check the citation title"))
    return f"""<teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">{escape(title)}</title>
        <title type="short">{escape(short_title(title, when))}</title>
        <title type="citation">{escape(" ".join(title.split()[:5]))}</title>
        <respStmt>
          <resp key="trl">Translation from the {escape(language or "original")}</resp>
          {translator_xml}
        </respStmt>
        <respStmt>
          <resp>Encoding and annotation</resp>
          <orgName>The editors of Crossing the Border</orgName>
        </respStmt>
      </titleStmt>
      <publicationStmt>
        <publisher>The editors of Crossing the Border</publisher>
        <date when="{today}">{today[:4]}</date>
        <idno type="slug">{escape(slug)}</idno>
        <availability status="restricted">
          <licence target="{LICENCE}">The edition's encoding, headnote and notes: CC BY 4.0.</licence>
          <p>{escape(fields.get("rights") or NO_RIGHTS)}</p>
        </availability>
      </publicationStmt>
      <sourceDesc>
        <bibl type="transcription">
          {_field("title", title if record.layout != "export-old" else None, ' type="wcda"')}
          <date when="{when.iso}">{escape(when.label)}</date>
          <respStmt>
            <resp key="trl">translated by</resp>
            {translator_xml}
          </respStmt>
          <distributor>Wilson Center Digital Archive</distributor>
          <idno type="transcription-file">{escape(record.path.name)}</idno>
          {_field("idno", fields.get("url"), ' type="URL"')}
          {_field("note", citation, ' type="citation"')}
          {_field("note", fields.get("summary"), ' type="summary"')}
          {_field("note", fields.get("credits"), ' type="credit"')}
          {_field("textLang", language, f' mainLang="{_language_code(language)}"')}
          {_field("note", fields.get("contents"), ' type="contents"')}
        </bibl>
        <msDesc>
          <msIdentifier>
            {repository}
            {_field("idno", reference.reference if reference else None, ' type="archive-reference"')}
          </msIdentifier>
          <msContents>
            <msItem>
              {locus}
              <title>{escape(title)}</title>
            </msItem>
          </msContents>
        </msDesc>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <listPrefixDef>
        <prefixDef ident="reg" matchPattern="([A-Za-z][\\w\\-]*)" replacementPattern="../registers.xml#$1"/>
        <prefixDef ident="edn" matchPattern="([A-Za-z][\\w\\-]*)" replacementPattern="../edition.xml#$1"/>
      </listPrefixDef>
    </encodingDesc>
    <profileDesc>
      <creation>
        <date when="{when.iso}">{escape(when.label)}</date>
      </creation>
      <langUsage>
        <language ident="en">English (translation)</language>
        <language ident="{_language_code(language)}">{escape(language or "Original language not recorded")} (original)</language>
      </langUsage>
      <textClass>
        <catRef scheme="edn:doctypes" target="edn:dt-{doctype}"/>
      </textClass>
      PARTIES
    </profileDesc>
    <revisionDesc>
      <change when="{today}" who="edn:editors">Imported from {escape(record.path.name)}; to be reviewed.</change>
    </revisionDesc>
  </teiHeader>"""
