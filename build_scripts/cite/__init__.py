"""Citations of documents and paragraphs: CSL-JSON items from the model,
formatted by citeproc-js (Zotero's CSL engine) with CSL styles, and exported
as BibTeX, RIS and CSL-JSON."""
