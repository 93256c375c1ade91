"""Data for reuse: the corpus as a zip of its TEI files, the registers as
JSON and CSV, each document's plain texts, a CMIF file of the letters, and
the schema.org JSON-LD the pages carry in their heads. Everything here is
made from the model, with fixed bytes for the same sources, so the tree's
cache and its byte comparison keep working."""
