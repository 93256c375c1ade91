"""Stage 5a: PDF with WeasyPrint."""
