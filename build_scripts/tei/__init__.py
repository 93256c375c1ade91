"""Stage 1 of the pipeline: load TEI safely and validate it."""
