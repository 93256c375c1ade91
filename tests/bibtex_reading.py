"""Reading a BibTeX file back as a reference manager would: bibtexparser,
with LaTeX decoded by pylatexenc, taught the textcomp symbols (\\textless,
\\textgreater, \\textunderscore) that LaTeX has and pylatexenc lacks."""
from __future__ import annotations

import bibtexparser
from bibtexparser.middlewares import LatexDecodingMiddleware
from pylatexenc import latex2text


def _decoder() -> latex2text.LatexNodes2Text:
    context = latex2text.get_default_latex_context_db()
    context.add_context_category("textcomp-symbols", prepend=True, macros=[
        latex2text.MacroTextSpec("textless", "<"), latex2text.MacroTextSpec("textgreater", ">"),
        latex2text.MacroTextSpec("textunderscore", "_")])
    return latex2text.LatexNodes2Text(latex_context=context)


def read_bibtex(text: str) -> bibtexparser.Library:
    return bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware(decoder=_decoder())])
