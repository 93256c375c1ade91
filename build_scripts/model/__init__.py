"""Stage 2 of the pipeline: the document model read from validated TEI."""
