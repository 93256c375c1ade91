"""The output modes of the processing model: the site, the PDFs, the EPUB."""
WEB, PRINT, EPUB = "web", "print", "epub"
MODES = (WEB, PRINT, EPUB)
