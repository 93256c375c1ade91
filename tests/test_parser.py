"""The XML parser itself is hardened, independently of the DOCTYPE refusal
that stops hostile files before they reach it."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_hostile_input import LAUGHS, XXE

from build_scripts.errors import EditionError
from build_scripts.tei import parser


def test_parser_does_not_resolve_external_entities():
    root = etree.fromstring(XXE, parser._hardened_parser())
    text = "".join(root.itertext())
    assert "root:" not in text


def test_parser_does_not_expand_entity_bombs():
    try:
        root = etree.fromstring(LAUGHS, parser._hardened_parser())
    except etree.XMLSyntaxError:
        return  # refused outright: fine
    assert len("".join(root.itertext())) < 1000


def test_parser_does_not_load_remote_dtds():
    remote = (b'<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://example.org/tei.dtd">\n'
              b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    root = etree.fromstring(remote, parser._hardened_parser())  # no network, no error
    assert root.tag.endswith("TEI")


@pytest.mark.parametrize("data,rule", [(XXE, "doctype"), (LAUGHS, "doctype"), (b"  \n", "empty-file"),
                                       (b"<TEI>\xff</TEI>", "encoding"), (b"<TEI", "well-formed"),
                                       (b"<TEI/>", "tei-root")])
def test_refusals_are_edition_errors(data, rule):
    with pytest.raises(EditionError) as caught:
        parser.parse_bytes(Path("x.xml"), data)
    assert [p.rule for p in caught.value.problems] == [rule]
