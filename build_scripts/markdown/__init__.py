"""Stage 3 of the pipeline: the document model rendered as Markdown pages
for Python-Markdown (footnotes, attr_list, md_in_html)."""
