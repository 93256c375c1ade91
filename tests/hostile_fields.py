"""Text that could break a page if it were taken for markup, and where the
tests put it in a copy of the sources (test_hostile_text.py reads it back
from every output)."""
from __future__ import annotations

CABLE = "documents/1961-05-cable-korean-border-crossings.xml"
MINUTES = "documents/1962-06-26-ji-chervonenko-conversation.xml"
MINUTES_SLUG = "1962-06-26-ji-chervonenko-conversation"

TAG = '<img src=x onerror="window.__xss=1">'
SCRIPT = "</script><script>window.__xss=1</script>"
COMMENT = "<!--<script>"
QUOTES = 'the "border defense" troops\' post'
MARKDOWN = "*bold* [link](javascript:window.__xss=1) `code` | cell | {: .x } [^n]"
TEMPLATE = "{{ config.site_name }} {% if true %}x{% endif %}"
MARKER = "///Footnotes Go Here///"

QIAO = f"Qiao Xiaoguang {TAG}"
TITLE = f"Transcript of a Meeting {SCRIPT} and {QUOTES}"
SUMMARY = f"Ji and {QUOTES} spar {TAG}."
NOTE = f"1955. A note that starts like a list, with {MARKDOWN} and {TEMPLATE}."
DESCRIPTION = f"1955. A description with {COMMENT} and {SCRIPT} and {QUOTES}."
TEACHING = f"1961. A teaching paragraph that starts like a list, with {TAG}."
RULE = "--- "

def as_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Where the hostile text goes: (file, XML replaced, XML put in its place).
HOSTILE_FIELDS = {
    "register name": ("registers.xml", '<persName type="main" xml:lang="zh-Latn-pinyin">Qiao Xiaoguang</persName>',
                      f'<persName type="main" xml:lang="zh-Latn-pinyin">{as_xml(QIAO)}</persName>'),
    "register description": ("registers.xml", "The troops, posts and stations that guarded a frontier;",
                             as_xml(DESCRIPTION) + " "),
    "document title": (MINUTES, '<title type="main">Transcript of a Meeting between Vice Minister Ji Pengfei and the Ambassador of the Soviet Union to China Stepan V. Chervonenko</title>',
                       f'<title type="main">{as_xml(TITLE)}</title>'),
    "archive's summary": (MINUTES, "<note type=\"summary\">Ji Pengfei and Stepan Chervonenko spar over the Soviet Union's handling of the peoples who crossed into the USSR from Xinjiang.</note>",
                          f'<note type="summary">{as_xml(SUMMARY)}</note>'),
    "editorial note": (CABLE, "The steel city of Liaoning. Its works, begun under Japanese rule, became the Anshan Iron and Steel Company (Angang) in 1948.",
                       as_xml(NOTE)),
    "transcription paragraph": (CABLE, "Please report back on the results of the discussion.",
                                f"Please report back on the results of the discussion. {as_xml(MARKER)}"),
    "front-matter paragraphs": ("edition.xml", "<p>Working in pairs, students compare",
                                f"<p>{as_xml(TEACHING)}</p><p>{as_xml(RULE)}</p><p>Working in pairs, students compare"),
    "bibliography title": ("edition.xml", "<title>Qiao, Xiaoguang</title>",
                           f"<title>Qiao, Xiaoguang {as_xml(TAG)} {as_xml(QUOTES)}</title>"),
    "licence statement": ("edition.xml", "is published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0).</licence>",
                          f"is published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0). {as_xml(TAG)}</licence>"),
    "invisible characters": (MINUTES, "We have no intention of absorbing them", "We have no \u202eintention\u200b of absorbing them"),
}
