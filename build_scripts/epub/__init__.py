"""Stage 5b: EPUB 3 with ebooklib."""
