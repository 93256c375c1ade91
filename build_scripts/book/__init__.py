"""Stage 5 (shared): the edition or a document assembled as a book from the
site's pages, for the PDF and EPUB outputs."""
