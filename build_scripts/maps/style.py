"""The map's default look, scoped to .edition-map so that the SVG, inlined
in a page, styles nothing else. Names, dots and leaders use currentColor;
the site's stylesheet may override any rule. The dark colours apply under
Material's dark scheme (slate). Contrast: at least 4.5:1 for names and 3:1
for lines and dots against what lies under them (tests/test_maps.py checks
the pairs below)."""
from __future__ import annotations

# (light, dark) colours by role.
COLOURS = {
    "text": ("#1d232a", "#eef1f4"),
    "water": ("#dfe9f1", "#16202a"),
    "land": ("#f4f2ec", "#2c3036"),
    "focus": ("#e8dfc8", "#3b3f47"),
    "border": ("#5a4a3a", "#d7c9b5"),
    "republic": ("#6d5f52", "#bfb3a3"),
    "coast": ("#5f7a91", "#8fa9bf"),
    "muted": ("#4a5560", "#b8c2cc"),
}

# (foreground, background) pairs: lines and dots need 3:1, text 4.5:1.
LINE_PAIRS = [("border", "land"), ("border", "focus"), ("republic", "focus"), ("republic", "land"),
              ("coast", "water"), ("coast", "land")]
TEXT_PAIRS = [("text", "land"), ("text", "focus"), ("text", "water"), ("muted", "focus"), ("muted", "land")]

SCOPE = ".edition-map"
DARK_SCOPE = "[data-md-color-scheme=slate] .edition-map"


def _colours(scope: str, scheme: int) -> str:
    c = {role: pair[scheme] for role, pair in COLOURS.items()}
    rules = [("", f"color:{c['text']}"), (" .water", f"fill:{c['water']}"), (" .land", f"fill:{c['land']}"),
             (" .land.focus", f"fill:{c['focus']}"), (" .intl", f"stroke:{c['border']}"),
             (" .republic", f"stroke:{c['republic']}"), (" .coast", f"stroke:{c['coast']}"),
             (" .halo", f"stroke:{c['focus']}"), (" .state-name", f"fill:{c['muted']}")]
    return "".join(f"{scope}{selector}{{{body}}}" for selector, body in rules)


_SHAPES = [
    (" path", "fill:none;stroke-linejoin:round;stroke-linecap:round"),
    (" path.land", "stroke:none"),
    (" .intl", "stroke-width:1.3"),
    (" .republic", "stroke-width:1;stroke-dasharray:5 3"),
    (" .coast", "stroke-width:.6"),
    (" .leader", "stroke:currentColor;stroke-width:.8"),
    (" .dot", "fill:currentColor"),
    (" .dot.area", "fill:none;stroke:currentColor;stroke-width:1.6"),
    (" text", "font-family:sans-serif;font-size:12px;fill:currentColor"),
    (" .halo", "fill:none;stroke-width:3.5;stroke-linejoin:round"),
    (" .state-name", "font-size:11px;letter-spacing:.15em"),
    (" a:hover .label, .edition-map a:focus .label", "text-decoration:underline"),
]


def stylesheet() -> str:
    shapes = "".join(f"{SCOPE}{selector}{{{body}}}" for selector, body in _SHAPES)
    return _colours(SCOPE, 0) + _colours(DARK_SCOPE, 1) + shapes
