"""Stage 4 of the pipeline: the MkDocs site (plugin, theme overrides)."""
