"""The built site: a page per document, the transcription complete and in
order with every bracket typed, notes as footnotes, links and anchors that
resolve, a strict build without warnings, nothing loaded from elsewhere."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from conftest import SEEDS_DIR
from site_html import html_pages, page_file, parse, resolve_link, text_of
from wcda_export import read_export

from build_scripts.model.load import load_model
from build_scripts.model.text import is_apparatus, normalise_space, transcription_text
from build_scripts.tei.parser import NS, XML_ID

MODEL = load_model()
DOCUMENTS = MODEL.documents


def seed_for(document):
    return read_export(SEEDS_DIR / document.transcription_file)


def document_html(site, document):
    return parse(page_file(site.site, f"documents/{document.slug}/"))


def test_strict_build_has_no_warnings(built_site):
    assert built_site.returncode == 0
    assert not re.search(r"^\s*WARNING\b", built_site.output, re.MULTILINE), built_site.output


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_a_page_per_document(built_site, document):
    page = document_html(built_site, document)
    assert normalise_space(page.xpath("//h1")[0].text_content()) == document.short_title
    meta = page.xpath("//dl[@class='doc-meta']")[0]
    labels = [normalise_space(dt.text_content()) for dt in meta.xpath(".//dt")]
    values = dict(zip(labels, (normalise_space(dd.text_content()) for dd in meta.xpath(".//dd")), strict=True))
    for label, field in (("Archive", document.archive_reference), ("Translator", document.translator),
                         ("Original language", document.original_language), ("Archive's summary", document.summary),
                         ("Source", document.url)):
        if field.recorded:
            assert label in labels, label
        else:  # unrecorded fields share one line
            assert label not in labels and label.lower() in values["Not recorded"].lower(), label
    for label in ("Date", "Type", "TEI source"):
        assert label in labels
    assert ("Participants" in labels) or ("From" in labels and "To" in labels)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_every_seed_paragraph_appears_in_order(built_site, document):
    text = text_of(document_html(built_site, document).xpath("//div[contains(@class, 'tei-text')]")[0])
    position = 0
    for line in seed_for(document).text.splitlines():
        line = normalise_space(line)
        found = text.find(line, position)
        if found < 0:  # a paragraph cut by a page break: its halves are joined in the edition
            found = text.find(line.split(" ", 1)[0], position)
        assert found >= 0, f"seed paragraph missing or out of order: {line[:80]!r}"
        position = found + 1


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_every_bracket_unit_has_its_category(built_site, document):
    page = document_html(built_site, document)
    for parenthesis in page.xpath("//span[@class='rd-pc']"):  # shown only in the reading view
        parenthesis.drop_tree()
    units = page.xpath("//div[contains(@class, 'tei-text')]//span[@data-bk]")
    shown = [(normalise_space(u.text_content()), u.get("data-bk")) for u in units]
    seed_units = re.findall(r"\[[^\]]*\]", seed_for(document).text)
    assert [text for text, _ in shown] == seed_units
    categories = {c.id: c.slug for c in MODEL.edition.bracket_categories}
    encoded = [categories[e.get("ana").removeprefix("edn:")]
               for e in document.text.xpath(".//*[starts-with(@ana, 'edn:bk-')]")
               if not any(is_apparatus(a) for a in e.iterancestors())]
    assert [category for _, category in shown] == encoded
    for unit, (_, category) in zip(units, shown, strict=True):
        assert f"bk-{category}" in unit.get("class").split()


def editorial_notes(element):
    return [n for n in element.iter(f"{{{NS['tei']}}}note") if is_apparatus(n)]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_every_note_is_a_footnote(built_site, document):
    page = document_html(built_site, document)
    assert editorial_notes(document.text)
    for note in editorial_notes(document.text):
        item = page.xpath(f"//div[contains(@class, 'footnote')]//li[@id='fn:{note.get(XML_ID)}']")
        assert item, f"note {note.get(XML_ID)} is not a footnote"
        assert normalise_space(transcription_text(note)) in text_of(item[0], drop_apparatus=False)
        assert page.xpath(f"//sup[@id='fnref:{note.get(XML_ID)}']"), "footnote is never called"


def test_permalinks_and_paragraph_anchors(built_site):
    for document in DOCUMENTS:
        page = document_html(built_site, document)
        ids = set(page.xpath("//@id"))
        for element in document.text.xpath(".//tei:p[@xml:id] | .//tei:sp[@xml:id]", namespaces=NS):
            assert element.get(XML_ID) in ids
        for paragraph in page.xpath("//div[contains(@class, 'tei-text')]//p[contains(@class, 'para')]"):
            link = paragraph.xpath("./a[contains(@class, 'para-link')]")
            assert link and link[0].get("href") == "#" + paragraph.get("id")


def test_every_local_link_and_anchor_resolves(built_site):
    checked = 0
    for page in html_pages(built_site.site):
        tree = parse(page)
        for anchor in tree.xpath("//a[@href]"):
            href = anchor.get("href")
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            target, fragment = resolve_link(built_site.site, page, href)
            assert target.exists(), f"{page}: broken link {href}"
            if fragment and target.suffix == ".html":
                assert parse(target).xpath(f"//*[@id='{fragment}']"), f"{page}: no anchor #{fragment} in {target}"
            checked += 1
    assert checked > 1000


def test_mentions_link_to_their_entries(built_site):
    mentions = 0
    for document in DOCUMENTS:
        page_path = page_file(built_site.site, f"documents/{document.slug}/")
        for anchor in parse(page_path).xpath("//a[contains(@class, 'mention')]"):
            entry = MODEL.registers[anchor.get("data-entry")]
            target, _ = resolve_link(built_site.site, page_path, anchor.get("href"))
            assert target == page_file(built_site.site, f"{entry.folder}/{entry.slug}/").resolve()
            assert normalise_space(parse(target).xpath("//h1")[0].text_content()) == entry.name
            mentions += 1
    assert mentions == sum(1 for d in DOCUMENTS for _ in d.text.xpath(
        ".//tei:persName[@ref] | .//tei:placeName[@ref] | .//tei:orgName[@ref] | .//tei:term[@ref] | .//tei:rs[@ref]",
        namespaces=NS)) - nested_mentions()


def nested_mentions():
    """Mentions inside another mention are not links of their own."""
    names = "self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:term or self::tei:rs"
    return sum(len(d.text.xpath(f".//*[{names}][@ref][ancestor::*[{names}]]", namespaces=NS)) for d in DOCUMENTS)


def test_glossary_and_registers_list_every_entry_with_back_links(built_site):
    for kind, folder in (("term", "glossary"), ("person", "persons"), ("place", "places"), ("org", "organisations")):
        index = parse(page_file(built_site.site, f"{folder}/"))
        for entry in MODEL.registers.of_kind(kind):
            section = index.xpath(f"//*[@id='{entry.id}']")
            assert section, f"{entry.id} missing from /{folder}/"
            for occurrence in MODEL.occurrences.get(entry.id, []):
                assert index.xpath(f"//a[contains(@href, '{occurrence.document.slug}/#{occurrence.unit_id}')]")
    glossary = text_of(parse(page_file(built_site.site, "glossary/")))
    for entry in MODEL.registers.of_kind("term"):
        assert normalise_space(entry.description_text) in glossary
        for variant in entry.variants:
            assert variant.text in glossary


def test_about_page_has_legend_counts_citing_and_version(built_site):
    about = parse(page_file(built_site.site, "about/"))
    table = about.xpath("//table")[0]
    rows = {normalise_space(r.xpath("./td")[0].text_content()): [c.text_content() for c in r.xpath("./td")[5:]]
            for r in table.xpath(".//tbody/tr")}
    for category in MODEL.edition.bracket_categories:  # brackets in the edition, and documents that have any
        per_document = [len(d.text.xpath(f".//*[@ana='edn:{category.id}']")) for d in DOCUMENTS]
        assert rows[category.label] == [str(sum(per_document)), str(sum(1 for n in per_document if n))]
    # the total agrees with the brackets of the seeds themselves
    seeds = [len(re.findall(r"\[[^\]]*\]", seed_for(d).text)) for d in DOCUMENTS]
    assert rows["All brackets"] == [str(sum(seeds)), str(len(DOCUMENTS))]
    assert about.xpath("//*[@id='cite']") and MODEL.edition.version in text_of(about)


def test_page_breaks_are_marked_without_numbers(built_site):
    minutes = next(d for d in DOCUMENTS if d.doctype == "edn:dt-minutes")
    marks = document_html(built_site, minutes).xpath("//span[contains(@class, 'pb')]")
    assert len(marks) == 2
    for mark in marks:
        assert "page number unknown" in mark.get("title")
        assert not re.search(r"\d", mark.text_content())


def test_navigation_lists_years_not_documents(built_site):
    page_path = page_file(built_site.site, f"documents/{DOCUMENTS[0].slug}/")
    nav_links = parse(page_path).xpath("//nav[contains(@class, 'md-nav--primary')]//a/@href")
    targets = {resolve_link(built_site.site, page_path, h)[0] for h in nav_links}
    documents = {page_file(built_site.site, f"documents/{d.slug}/").resolve() for d in DOCUMENTS}
    years = {page_file(built_site.site, f"documents/{y}/").resolve() for y in MODEL.years()}
    assert not targets & documents
    assert years <= targets


LOADING = "//script[@src]/@src | //link[@href][not(@rel='canonical') and not(@rel='alternate')]/@href | //img/@src | //source/@src | //iframe/@src | //video/@src | //audio/@src"


def test_nothing_is_loaded_from_another_host(built_site):
    for page in html_pages(built_site.site):
        for url in parse(page).xpath(LOADING):
            assert not (urlsplit(url).scheme or url.startswith("//")), f"{page.name} loads {url}"
    for sheet in built_site.site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", sheet.read_text(encoding="utf-8")):
            assert not re.match(r"(https?:)?//", url), f"{sheet.name} loads {url}"
    assert not any("fonts.googleapis" in p.read_text(encoding="utf-8") for p in html_pages(built_site.site))


def test_tei_sources_are_downloadable(built_site):
    for document in DOCUMENTS:
        served = built_site.site / "tei" / "documents" / f"{document.slug}.xml"
        assert served.read_bytes() == document.path.read_bytes()
