"""The translator's brackets of one line of a transcription, pre-classified.

`append_marked` appends a line to a TEI element as mixed content. Every
square-bracketed unit (and a remark that fills a whole line in parentheses)
becomes the element the hand-encoded documents use for its category of the
bracket taxonomy (tei/edition.xml), its brackets kept as <pc type="bracket">,
so that the element's text is the line exactly as printed.

The category comes from general rules, tried in order: the form of the unit
(omission marks, "sic", dates, words saying the text is illegible or
describing the source), the registers (a name completed, another name of the
same entry, a person named for a pronoun), lists of English function words,
prepositions and qualifiers, and the unit's place in its sentence. A unit no
rule settles is written as a supplied word (the commonest kind), marked
cert="low" with a comment saying what to check, and reported as a flag: the
editor reviews every guess. Units that a rule places but that still need an
editor's eye (a parenthesised remark, a word read as pinyin) are marked and
flagged the same way.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from lxml import etree

from ..model.registers import Entry, Registers
from ..tei.parser import TEI_NS, XML_LANG
from .flags import Flag

_T = f"{{{TEI_NS}}}"
DEFAULT = "bk-word"

# What each category is called in review messages.
LABELS = {
    "bk-word": "supplied word", "bk-name": "supplied part of a name", "bk-referent": "supplied referent",
    "bk-altname": "alternative name", "bk-omission": "omission", "bk-original": "note in the original",
    "bk-sic": "the translator's sic", "bk-illegible": "illegible or damaged text",
    "bk-description": "description of the source", "bk-term": "romanised original term",
    "bk-original-paren": "note in the original, in parentheses",
}


class BracketError(ValueError):
    """A bracket that opens or closes nothing: the transcription must be
    checked by hand, since no unit can be read from it."""

    def __init__(self, line: int, column: int, problem: str):
        self.line, self.column, self.problem = line, column, problem
        super().__init__(f"line {line}, column {column}: {problem}")


# -- finding the units ------------------------------------------------------------

def square_units(text: str, line: int) -> list[tuple[int, int]]:
    """(start, end) of each [...] unit, brackets included; unbalanced or
    nested brackets raise BracketError."""
    units, opened = [], None
    for index, character in enumerate(text):
        if character == "[":
            if opened is not None:
                raise BracketError(line, index + 1, f"'[' opens inside the bracket opened at column {opened + 1}")
            opened = index
        elif character == "]":
            if opened is None:
                raise BracketError(line, index + 1, "']' closes no bracket")
            units.append((opened, index + 1))
            opened = None
    if opened is not None:
        raise BracketError(line, opened + 1, "'[' is never closed")
    return units


# A sentence, or an action in the third person: "(Laughs)", "(Reads out …)", "(He leaves.)".
_STAGE = re.compile(r"^\((?:(?:The|A|An|He|She|They|Both|All|Everyone)\s|[A-Z][a-z]+s\b(?! of\b))|[.!?]\)$")


def whole_line_parenthesis(text: str) -> tuple[int, int] | None:
    """A line that is one parenthesised remark beginning with a capital,
    "(Not for circulation)": its span. Parentheses within running text are
    the translator's or the author's and stay plain."""
    stripped = text.strip()
    if len(stripped) < 3 or stripped[0] != "(" or stripped[-1] != ")" or "[" in stripped or not stripped[1].isupper():
        return None
    if _STAGE.search(stripped):
        return None  # a stage direction of minutes, "(The Ambassador hands over …)", which the structure marks
    depth = 0
    for index, character in enumerate(stripped):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth == 0 and index < len(stripped) - 1:
            return None  # "(A) and (B)": two remarks, not one
    start = text.index("(")
    return start, start + len(stripped)


# -- context and names ------------------------------------------------------------

def _words(text: str) -> frozenset[str]:
    """A word list written as text, one word per space."""
    return frozenset(text.split())


_TOKEN = r"(?:[A-Z](?:[\w’'-]*\w)?\.?)"
_RUN_BEFORE = re.compile(rf"(?<![\w’'.-])((?:{_TOKEN} ){{1,4}})$")
_RUN_AFTER = re.compile(rf"^((?: {_TOKEN}){{1,4}})")
_SENTENCE_END = re.compile(r"(^|[.!?:;]['\"’”)]*)$")

TITLES = _words("""Ambassador Minister Vice Deputy Premier Chairman Comrade Secretary Director General Commander
    Consul Counsellor Counselor President Prime Foreign Chief Head First Second Third Party Marshal Mr. Mrs. Ms. Dr.
    Madame Mister Ministers Chargé Attaché Envoy Governor Mayor Ambassadors""")


@dataclass(frozen=True)
class Context:
    """A unit and what surrounds it in its line (and in the element's earlier text)."""

    content: str
    before: str
    after: str
    whole_line: bool

    @property
    def words(self) -> list[str]:
        return self.content.split()

    @property
    def run_before(self) -> list[str]:
        """Capitalised words right before the unit ("Ambassador Qiao" in "Ambassador Qiao [Xiaoguang]")."""
        match = _RUN_BEFORE.search(self.before)
        tokens = match.group(1).split() if match else []
        return [] if tokens and tokens[-1].endswith(".") and len(tokens[-1]) > 2 else tokens  # "Beijing. [Qiao]"

    @property
    def name_before(self) -> list[str]:
        """The run before, without a sentence's capitalised first word ("We") or the titles it may start with."""
        tokens = self.run_before
        while tokens and (tokens[0] in TITLES or tokens[0].lower() in FUNCTION_WORDS):
            tokens = tokens[1:]
        return tokens

    @property
    def run_after(self) -> list[str]:
        match = _RUN_AFTER.match(self.after)
        return match.group(1).split() if match else []

    @property
    def opens_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.before.rstrip()))

    @property
    def word_before(self) -> str:
        match = re.search(r"([A-Za-z’']+) $", self.before)
        return match.group(1) if match else ""

    @property
    def word_after(self) -> str:
        match = re.match(r"^ ([A-Za-z’']+)", self.after)
        return match.group(1) if match else ""


def key(name: str) -> str:
    """A name compared without case, diacritics, spaces, hyphens or dots (Lüshun-Dalian = lushundalian)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).casefold()


@dataclass(frozen=True)
class Names:
    """The registers' names in Latin script, for looking units up."""

    full: dict[str, tuple[Entry, str | None]]   # key -> entry and the name's language
    person_words: frozenset[str]                # single words of persons' proper names ("Qiao", "Xiaoguang")

    @classmethod
    def of(cls, registers: Registers) -> Names:
        full: dict[str, tuple[Entry, str | None]] = {}
        words: set[str] = set()
        for entry in registers.entries.values():
            for name in entry.names:
                text = name.text.replace("[", "").replace("]", "")
                if len(key(text)) >= 2:
                    full.setdefault(key(text), (entry, name.lang))
                if entry.kind == "person" and all(w[:1].isupper() for w in text.split()):
                    words.update(w for w in text.split() if w not in TITLES and len(key(w)) >= 2)
        return cls(full, frozenset(words))

    def entry(self, name: str) -> Entry | None:
        found = self.full.get(key(name))
        return found[0] if found else None


# -- the rules --------------------------------------------------------------------

@dataclass(frozen=True)
class Decision:
    category: str
    reason: str
    review: str | None = None   # what an editor must check, if anything
    settled: bool = True        # False: no rule placed the unit, the category is the default


def _guess(hint: str) -> Decision:
    """No rule settles the unit: the default category, and a hint for the editor."""
    return Decision(DEFAULT, "no rule settles it", hint, settled=False)


Rule = Callable[[Context, Names], Decision | None]

_OMISSION = re.compile(r"^\s*(?:\.\s*){3,}\s*$|^\s*…+\s*$")
_SIC = re.compile(r"^\s*sic[!.]?\s*$", re.I)
_TRANSLATOR = re.compile(r"^\s*(?:translator|trans\.|tr\.)(?:['’]s)? ?note\b", re.I)
_ILLEGIBLE = re.compile(r"\b(illegible|indecipherable|undecipherable|unreadable|unclear|damaged|torn|smudged|blurred|"
                        r"obscured|faded)\b", re.I)
_DOUBTFUL = re.compile(r"^\s*(?:[^\s?]+\s+){0,2}[^\s?]*\w\s*(?:\?|\(\?\))$|^\s*\?\s*$")  # "[Li?]", "[?]"
_DESCRIPTION = re.compile(r"^(?:(?:a|an|the|one|two|three|left|right|top|bottom|upper|lower|in|on|at|with|red|blue|"
                          r"black|round|square|illegible)\s+){0,4}(?:handwrit\w*|hand-writ\w*|margin\w*|stamp\w*|"
                          r"seal\w*|underlin\w*|underscor\w*|crossed out|struck (?:out|through)|strike-?through|circled|"
                          r"annotat\w*|signature|initial(?:l)?ed)\b", re.I)
_ORIGINAL = re.compile(r"^(?:not (?:yet )?(?:reviewed|revised|checked|proofread|corrected|verified|approved|"
                       r"for (?:circulation|publication|distribution))|top secret|secret|confidential|classified|"
                       r"internal(?: use)?(?: only)?|draft|end of (?:text|document|telegram|cable|message))\b", re.I)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = re.compile(rf"^(?=.*(?:\d|{_MONTH}))(?:\d{{1,2}} )?(?:{_MONTH})?(?: ?\d{{1,2}},?)?(?: ?\d{{4}}s?)?$")

FUNCTION_WORDS = _words("""a an the i we you he she it they me us him her them my our your his its their this that
    these those who whom whose which what there here now then also even still only just already yet again too very
    so thus however both all each every either neither some any more most such as if when while whether than and but
    or nor not never ever is are was were be been being has have had do does did will would shall should can could
    may might must one ones to of in on at by for with from into onto""")
PREPOSITIONS = _words("""to in from for with at on of by into onto throughout toward towards about among amongst
    against between through under over during after before since within without across along upon around beyond
    near via per regarding concerning including according""")
QUALIFIERS = _words("""North South East West Northern Southern Eastern Western Northeast Northwest Southeast
    Southwest Northeastern Northwestern Southeastern Southwestern Central Inner Outer Upper Lower Chinese Soviet
    Russian Korean Mongolian Japanese American British French German Vietnamese Indian Kazakh Uyghur Uighur Tibetan
    Han Hui Manchu Sino Communist Socialist Nationalist People's Democratic Provincial Municipal Party""")
DETERMINERS = _words("the this that these those such our their his her its your my")
PRONOUNS = _words("he she it they him her them we us this that these those who whom which")


def _omission(unit: Context, names: Names) -> Decision | None:
    return Decision("bk-omission", "omission marks") if _OMISSION.match(unit.content) else None


def _sic(unit: Context, names: Names) -> Decision | None:
    return Decision("bk-sic", "the word sic") if _SIC.match(unit.content) else None


def _translator_note(unit: Context, names: Names) -> Decision | None:
    if _TRANSLATOR.match(unit.content):
        return _guess("a translator's note: no bracket category fits; perhaps an editorial note")
    return None


def _illegible(unit: Context, names: Names) -> Decision | None:
    if _ILLEGIBLE.search(unit.content):
        return Decision("bk-illegible", "says the text cannot be read")
    if _DOUBTFUL.match(unit.content):
        return Decision("bk-illegible", "a reading marked doubtful with '?'")
    return None


def _description(unit: Context, names: Names) -> Decision | None:
    return Decision("bk-description", "describes the physical source") if _DESCRIPTION.match(unit.content) else None


def _original(unit: Context, names: Names) -> Decision | None:
    if _ORIGINAL.match(unit.content):
        return Decision("bk-original", "a remark of the original document (review, classification)")
    return None


def _date(unit: Context, names: Names) -> Decision | None:
    return Decision("bk-word", "a supplied date or year") if _DATE.match(unit.content.strip()) else None


def _completion(unit: Context, names: Names) -> Decision | None:
    """The unit and the capitalised words beside it make a registered name."""
    before, after = unit.run_before, unit.run_after
    for taken_before in range(len(before) + 1):
        for taken_after in range(len(after) + 1):
            if not taken_before and not taken_after:
                continue
            joined = " ".join([*before[len(before) - taken_before:], unit.content, *after[:taken_after]])
            entry = names.entry(joined)
            if entry is None or names.entry(unit.content) is entry:
                continue
            if entry.kind == "person":
                return Decision("bk-name", f"completes the registered name {entry.name!r}")
            return Decision("bk-word", f"a qualifier within the registered name {entry.name!r}")
    return None


def _registered(unit: Context, names: Names) -> Decision | None:
    """The unit is a whole name of a register entry."""
    found = names.full.get(key(unit.content))
    if found is None or (not unit.content[:1].isupper() and found[0].kind != "term"):
        return None
    entry, lang = found
    if entry.kind == "term":
        if lang and "-Latn" in lang:
            return Decision("bk-term", f"a romanised name of the glossary entry {entry.name!r}")
        return None
    if unit.name_before:
        return _other_name(unit, names, entry)
    if entry.kind == "person" and (unit.run_before or unit.word_before or unit.opens_sentence):
        return Decision("bk-referent", f"names the person {entry.name!r} for a title, pronoun or implied subject")
    if unit.word_before.lower() in PREPOSITIONS:
        return Decision("bk-word", f"a supplied place or body after a preposition ({entry.name!r})")
    return _guess(f"the registered name {entry.name!r}: perhaps a referent (bk-referent)")


def _other_name(unit: Context, names: Names, entry: Entry) -> Decision:
    before = unit.name_before
    for taken in range(1, len(before) + 1):
        if names.entry(" ".join(before[-taken:])) is entry:
            return Decision("bk-altname", f"another name of the registered entry {entry.name!r}")
    if _similar(before, unit.content):
        return Decision("bk-altname", f"another spelling of the registered name {entry.name!r}")
    return _guess(f"the registered name {entry.name!r} after another name: perhaps an alternative name (bk-altname)")


def _similar(tokens: list[str], content: str) -> bool:
    """Two spellings of one name (Wulumqi and Urumqi, Yili and Ili)."""
    return any(SequenceMatcher(None, key(" ".join(tokens[-taken:])), key(content)).ratio() >= 0.6
               for taken in range(1, len(tokens) + 1))


def _person_word(unit: Context, names: Names) -> Decision | None:
    """A registered person's surname or given name on its own: "[Qiao] should request"."""
    if unit.content.strip() not in names.person_words:
        return None
    if (unit.opens_sentence and unit.word_after[:1].islower()) or unit.word_before.lower() in PRONOUNS:
        return Decision("bk-referent", "a registered person's name standing for the subject")
    return None


def _function_words(unit: Context, names: Names) -> Decision | None:
    if unit.words and all(w.lower().strip(",.;") in FUNCTION_WORDS for w in unit.words):
        return Decision("bk-word", "function words the English needs")
    return None


def _preposition(unit: Context, names: Names) -> Decision | None:
    if len(unit.words) >= 2 and unit.words[0].lower() in PREPOSITIONS:
        return Decision("bk-word", "a supplied phrase opening with a preposition")
    return None


def _qualifier(unit: Context, names: Names) -> Decision | None:
    parts = re.split(r"[\s-]+", unit.content.strip())
    if parts and parts[0] in QUALIFIERS and all(p in QUALIFIERS or p[:1].islower() for p in parts[1:]):
        return Decision("bk-word", "a qualifier (direction, nationality, party)")
    return None


def _referent_phrase(unit: Context, names: Names) -> Decision | None:
    words = unit.words
    if len(words) >= 2 and words[0].lower() in DETERMINERS and words[1].lower() not in FUNCTION_WORDS:
        return Decision("bk-referent", "a noun phrase naming what the original leaves implied")
    return None


def _name_pattern(unit: Context, names: Names) -> Decision | None:
    """Names outside the registers: Surname [Given], [Given V.] Surname, Wulumqi [Urumqi]."""
    content, before = unit.content.strip(), unit.name_before
    capitalised = bool(unit.words) and all(w[:1].isupper() for w in unit.words)
    if not capitalised:
        return None
    if len(before) == 1 and len(unit.words) <= 2 and (before != unit.run_before or _is_surname(before[0], content)):
        return Decision("bk-name", "a given name after a title and surname, or after a Chinese surname")
    if re.fullmatch(r"(?:[A-Z][a-z]+ )?(?:[A-Z]\. ?)+", content) and unit.run_after:
        return Decision("bk-name", "given name or initials before a surname")
    if before and _similar(before, content):
        return Decision("bk-altname", "another spelling of the name before it")
    return None


def _is_surname(surname: str, given: str) -> bool:
    """A one-syllable pinyin surname followed by a pinyin given name of one or two syllables."""
    return syllables(surname.lower()) == 1 and 1 <= syllables(given.lower().replace("-", "").replace("'", "")) <= 2


def _romanised(unit: Context, names: Names) -> Decision | None:
    words = re.split(r"[\s'’-]+", unit.content.strip().lower())
    counts = [syllables(w) for w in words]
    glossed = unit.word_before and unit.word_before.lower() not in FUNCTION_WORDS  # "work unit [danwei]", not "the [house]"
    if glossed and all(counts) and sum(counts) >= 2 and any(_distinctive(w) for w in words) and not unit.name_before:
        return Decision("bk-term", "reads as pinyin", "read as a romanised Chinese term: check it is not an English word, "
                                                      "and its language (xml:lang)")
    return None


def _lower_case(unit: Context, names: Names) -> Decision | None:
    return Decision("bk-word", "supplied words in lower case") if unit.content[:1].islower() else None


RULES: tuple[Rule, ...] = (
    _omission, _sic, _translator_note, _illegible, _description, _original, _date, _completion, _registered, _person_word,
    _function_words, _preposition, _qualifier, _referent_phrase, _name_pattern, _romanised, _lower_case,
)


def _unsettled(unit: Context) -> Decision:
    if unit.whole_line:
        hint = "a whole line in brackets: perhaps a note in the original (bk-original) or a description (bk-description)"
    elif unit.name_before:
        hint = "a name after a name: perhaps an alternative name (bk-altname) or the rest of a name (bk-name)"
    elif unit.opens_sentence:
        hint = "opens a sentence: perhaps a supplied referent (bk-referent)"
    else:
        hint = "no rule applies"
    return _guess(hint)


def classify(unit: Context, names: Names) -> Decision:
    for rule in RULES:
        decision = rule(unit, names)
        if decision is not None:
            return decision
    return _unsettled(unit)


# -- pinyin -----------------------------------------------------------------------

def _pinyin_syllables() -> frozenset[str]:
    groups = {
        "b p m f": "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u",
        "d t n l": "a e ai ei ao ou an en ang eng ong i ia ie iao iu ian in iang ing u uo ui uan un ü üe ue",
        "g k h": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
        "j q x": "i ia ie iao iu ian in iang ing iong u ue uan un",
        "zh ch sh r z c s": "a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    }
    syllables = set(_words("""a o e ai ei ao ou an en ang eng er yi ya ye yao you yan yin yang ying yong yu yue yuan yun
        wu wa wo wai wei wan wen wang weng"""))
    for initials, finals in groups.items():
        syllables.update(i + f for i in initials.split() for f in finals.split())
    return frozenset(syllables | {s.replace("ü", "v") for s in syllables})


PINYIN = _pinyin_syllables()


def syllables(word: str) -> int:
    """The fewest pinyin syllables that spell `word`, or 0 if none do."""
    best = [0] + [-1] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] >= 0 and word[start:end] in PINYIN and (best[end] < 0 or best[start] + 1 < best[end]):
                best[end] = best[start] + 1
    return max(best[-1], 0) if word else 0


def _distinctive(word: str) -> bool:
    """Spellings that pinyin has and English words rarely do (x, q, zh; ao, ou, ui, uo, ei …)."""
    return bool(re.search(r"^(?:x|q|zh)|[^aeiouy](?:x|q|zh)|ao|ou|ui|iu|uo|ei|ian|uan|iong|ü", word))


# -- writing the TEI ------------------------------------------------------------------

def _element(tag: str, **attributes: str) -> etree._Element:
    element = etree.Element(_T + tag)
    for name, value in attributes.items():
        element.set(XML_LANG if name == "xml_lang" else name, value)
    return element


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _mark(unit: etree._Element, opening: str) -> None:
    pc = _element("pc", type="bracket")
    pc.text = opening
    unit.append(pc)


def _container(category: str, content: str) -> etree._Element:
    """The element of a category, as the hand-encoded documents write it."""
    if category == "bk-omission":
        return _element("seg", type="omission", ana="edn:bk-omission")
    if category in ("bk-original", "bk-original-paren"):
        return _element("note", type="original", place="inline", ana=f"edn:{category}")
    if category == "bk-illegible" and not _ILLEGIBLE.search(content):
        return _element("supplied", reason="illegible", ana="edn:bk-illegible")  # the translator's doubtful reading
    return _element("supplied", ana=f"edn:{category}")


def _fill(unit: etree._Element, category: str, content: str, marks: str, lang: str | None) -> None:
    """Brackets, content and (for omissions and illegible passages) the gap."""
    _mark(unit, marks[0])
    if category == "bk-term":
        foreign = _element("foreign", xml_lang=lang or "zh-Latn-pinyin")
        foreign.text = content
        unit.append(foreign)
    else:
        _append_text(unit, content)
    _mark(unit, marks[1])
    if category == "bk-omission":
        unit.append(_element("gap", reason="omitted"))
    elif category == "bk-illegible" and _ILLEGIBLE.search(content):
        reason = "damage" if re.search(r"\b(damaged|torn)\b", content, re.I) else "illegible"
        unit.append(_element("gap", reason=reason))


def _review(unit: etree._Element, where: etree._Element, printed: str, decision: Decision, line: int,
            flags: list[Flag]) -> None:
    """A unit the editor must check: cert="low", a comment beside it, a flag."""
    message = (f"written as {decision.category} ({LABELS[decision.category]}: {decision.reason}); {decision.review}"
               if decision.settled else f"not settled, written as {DEFAULT} ({LABELS[DEFAULT]}); {decision.review}")
    unit.set("cert", "low")
    comment = etree.Comment(" review: " + re.sub(r"-{2,}", "–", message).rstrip("-") + " ")
    where.insert(where.index(unit) if unit in where else 0, comment)
    flags.append(Flag(line, "bracket", printed, message))


def _lang_of(content: str, names: Names) -> str | None:
    found = names.full.get(key(content))
    return found[1] if found else None


def _write_unit(parent: etree._Element, printed: str, decision: Decision, line: int, names: Names,
                flags: list[Flag], is_parent: bool = False) -> None:
    content, marks = printed[1:-1], printed[0] + printed[-1]
    if is_parent:  # the structure already made the element (a remark of the original on a line of its own)
        unit = parent
        unit.set("ana", f"edn:{decision.category}")
    else:
        unit = _container(decision.category, content)
        parent.append(unit)
    _fill(unit, decision.category, content, marks, _lang_of(content, names))
    if decision.review:
        _review(unit, unit if is_parent else parent, printed, decision, line, flags)


def _spans(parent: etree._Element, text: str, line: int) -> Iterator[tuple[int, int, bool]]:
    """Each unit's span, and whether it is a whole-line parenthesis."""
    paren = None if _is_alias(parent) else whole_line_parenthesis(text)
    if paren is not None:
        yield (*paren, True)
        return
    for start, end in square_units(text, line):
        yield start, end, False


def _is_alias(parent: etree._Element) -> bool:
    """Speaker labels and stage directions keep their parentheses as plain text."""
    return parent.tag in (_T + "speaker", _T + "stage") or (parent.tag == _T + "seg" and parent.get("type") == "alias")


def _is_open_original(parent: etree._Element) -> bool:
    return parent.tag == _T + "note" and parent.get("type") == "original" and parent.get("ana") is None


def append_marked(parent: etree._Element, text: str, line: int, registers: Registers, flags: list[Flag]) -> None:
    """Append `text` (one line of the transcription, or part of one) to
    `parent`, each bracketed unit as the element of its category. Flags
    for the units the editor must review are appended to `flags`; an
    unbalanced bracket raises BracketError with the line number."""
    spans = list(_spans(parent, text, line))
    if not spans:
        _append_text(parent, text)
        return
    names = Names.of(registers)
    earlier = "".join(parent.itertext())
    position = 0
    for start, end, parenthesis in spans:
        _append_text(parent, text[position:start])
        printed = text[start:end]
        context = Context(printed[1:-1], earlier + text[:start], text[end:], not text[:start].strip() and not text[end:].strip())
        decision = _decide(context, names, parenthesis, parent)
        whole = context.whole_line and _is_open_original(parent)
        _write_unit(parent, printed, decision, line, names, flags, is_parent=whole)
        position = end
    _append_text(parent, text[position:])


def _decide(context: Context, names: Names, parenthesis: bool, parent: etree._Element) -> Decision:
    if parenthesis:
        return Decision("bk-original-paren", "a whole line in parentheses",
                        "a whole line in parentheses, read as a remark of the original: check it is not the "
                        "translator's or a stage direction")
    decision = classify(context, names)
    if context.whole_line and _is_open_original(parent) and decision.category != "bk-original":
        hint = f"the rules read it as {decision.category}" if decision.settled else decision.review
        return Decision("bk-original", "a bracketed line of its own, which the document's structure set apart",
                        f"check that it is a remark of the original; {hint}")
    return decision
