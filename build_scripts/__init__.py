"""Build pipeline of the edition: TEI -> document model -> Markdown -> site -> PDF/EPUB."""
