"""Static SVG maps of the edition's places, drawn at build time from the
Natural Earth boundaries in the npm package world-atlas (no network)."""
