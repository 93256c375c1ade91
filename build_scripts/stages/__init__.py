"""The staged build: TEI validation -> model -> Markdown tree -> downloads ->
site generator -> offline copy. Each stage is runnable on its own
(`python -m build_scripts.build STAGE`) and cached by content."""
