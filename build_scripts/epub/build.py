"""Stage 5b: a Book as an EPUB 3, with ebooklib: one XHTML file per section,
notes as EPUB footnotes (noteref to aside), a navigation document, metadata,
embedded font subsets. It passes epubcheck."""
from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path

from ebooklib import epub
from lxml import etree

from ..book.assemble import Book
from .fonts import FONTS, subset_font

STYLESHEET = Path(__file__).with_name("epub.css")
# The processing model writes epub:type as data-epub-type (HTML has no
# namespaced attributes); it is renamed when the chapter is serialised
# (ebooklib declares the epub namespace on every chapter).
EPUB_TYPE = "data-epub-type"


def _file(section_id: str) -> str:
    return f"{section_id}.xhtml"


def _link_across_files(elements: dict[str, etree._Element]) -> None:
    """`#id` links point to the file that holds the id."""
    owner = {i: file for file, element in elements.items() for i in element.xpath(".//@id")}
    for file, element in elements.items():
        for link in element.xpath(".//a[starts-with(@href, '#')]"):
            target = link.get("href")[1:]
            if target in owner and owner[target] != file:
                link.set("href", f"{owner[target]}#{target}")


def _xhtml(element: etree._Element) -> str:
    for node in element.iter():  # attributes the EPUB's XHTML does not allow
        for attribute in ("data-bk", "data-entry", "data-n", "data-who", "data-doc", "data-style", "markdown"):
            node.attrib.pop(attribute, None)
    return etree.tostring(element, encoding="unicode", method="xml").replace(f"{EPUB_TYPE}=", "epub:type=")


def render_epub(book: Book) -> bytes:
    output = epub.EpubBook()
    output.set_identifier(book.identifier)
    output.set_title(book.title)
    output.set_language(book.language)
    output.add_author(book.author, uid="creator1")
    output.add_metadata("DC", "description", book.description)
    output.add_metadata("DC", "publisher", book.author)
    output.add_metadata("DC", "date", book.date)
    output.add_metadata("DC", "subject", book.keywords)

    style = epub.EpubItem(uid="style", file_name="style/edition.css", media_type="text/css",
                          content=STYLESHEET.read_text(encoding="utf-8") + book.styles)
    output.add_item(style)

    elements = {"title-page.xhtml": copy.deepcopy(book.title_page)}
    elements.update({_file(s.id): copy.deepcopy(s.element) for s in book.sections})
    _link_across_files(elements)
    text = "".join("".join(e.itertext()) for e in elements.values())
    for family, name in FONTS:
        output.add_item(epub.EpubItem(uid=name.split(".")[0], file_name=f"fonts/{name}",
                                      media_type="font/otf" if name.endswith(".otf") else "font/ttf",
                                      content=subset_font(family, text)))

    titles = {"title-page.xhtml": book.title, **{_file(s.id): s.title for s in book.sections}}
    chapters = []
    for file, element in elements.items():
        chapter = epub.EpubHtml(title=titles[file], file_name=file, lang=book.language)
        chapter.content = _xhtml(element)
        chapter.add_item(style)
        output.add_item(chapter)
        chapters.append(chapter)
    output.toc = chapters
    output.add_item(epub.EpubNcx())
    output.add_item(epub.EpubNav())
    output.spine = ["nav", *chapters]
    buffer = io.BytesIO()
    # the edition's date, not the build time, so that the same sources give the same EPUB
    modified = dt.datetime.fromisoformat(book.date)
    epub.write_epub(buffer, output, {"epub3_pages": False, "mtime": modified})
    return buffer.getvalue()
