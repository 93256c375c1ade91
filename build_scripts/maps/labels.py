"""Placing the place names beside their dots so that they neither overlap
one another nor cover a dot, moving a crowded label further out on a
leader line (the four Liaoning places lie within a few millimetres)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .geometry import XY, Box

FONT_SIZE = 12.0
CHAR_WIDTH = 0.56 * FONT_SIZE     # an average for a sans-serif face; a little generous
DOT_CLEARANCE = 5.0
# Where to try a label, nearest first: distances from the dot, and directions
# (east, west, then the diagonals, north and south).
_DISTANCES = (7.0, 18.0, 30.0, 45.0, 62.0)
_DIRECTIONS = (0, 180, -35, 35, 145, -145, -90, 90, -60, 60, 120, -120)


@dataclass(frozen=True)
class Label:
    x: float                      # text anchor point (SVG text x, baseline y)
    y: float
    anchor: str                   # "start", "middle" or "end"
    box: Box
    leader: tuple[XY, XY] | None  # from the dot's edge to the label, when the label stands off


def text_width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def _candidate(dot: XY, text: str, distance: float, degrees: float) -> Label:
    width, height = text_width(text), FONT_SIZE
    angle = math.radians(degrees)
    cx, cy = dot[0] + distance * math.cos(angle), dot[1] - distance * math.sin(angle)
    dx = math.cos(angle)
    if dx > 0.3:
        anchor, left = "start", cx
    elif dx < -0.3:
        anchor, left = "end", cx - width
    else:
        anchor, left = "middle", cx - width / 2
    # vertically: centred on the ray's end, or standing above / hanging below it
    sy = math.sin(angle)
    top = cy - height / 2 if abs(sy) < 0.5 else (cy - height if sy > 0 else cy)
    box = (left, top, left + width, top + height)
    leader = None
    if distance > _DISTANCES[0]:
        start = (dot[0] + 3.5 * math.cos(angle), dot[1] - 3.5 * math.sin(angle))
        leader = (start, (cx, cy))
    anchor_x = {"start": left, "end": left + width, "middle": left + width / 2}[anchor]
    return Label(anchor_x, top + height * 0.8, anchor, box, leader)


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _inside(box: Box, frame: Box) -> bool:
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def _box_distance(box: Box, point: XY) -> float:
    dx = max(box[0] - point[0], 0.0, point[0] - box[2])
    dy = max(box[1] - point[1], 0.0, point[1] - box[3])
    return math.hypot(dx, dy)


def _segment_hits(segment: tuple[XY, XY], box: Box) -> bool:
    """Whether a leader passes through a box (sampled: leaders are short)."""
    (ax, ay), (bx, by) = segment
    return any(box[0] <= ax + (bx - ax) * t / 8 <= box[2] and box[1] <= ay + (by - ay) * t / 8 <= box[3]
               for t in range(1, 8))


def _cost(label: Label, own: XY, others: list[XY], taken: list[Box], leaders: list[tuple[XY, XY]]) -> float:
    cost = sum(_overlap(label.box, b) for b in taken)
    clearance = [(x - DOT_CLEARANCE, y - DOT_CLEARANCE, x + DOT_CLEARANCE, y + DOT_CLEARANCE) for x, y in others]
    cost += 4 * sum(_overlap(label.box, b) for b in clearance)
    # without a leader, a name nearer to another dot than to its own would be read as that dot's
    if not label.leader and any(_box_distance(label.box, dot) < _box_distance(label.box, own) + 3 for dot in others):
        cost += 400
    if label.leader and any(_segment_hits(label.leader, b) for b in [*taken, *clearance]):
        cost += 200
    if label.leader and any(_crosses(label.leader, other) for other in leaders):
        cost += 200
    return cost


def _crosses(s: tuple[XY, XY], t: tuple[XY, XY]) -> bool:
    def side(a: XY, b: XY, c: XY) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return (side(*s, t[0]) * side(*s, t[1]) < 0) and (side(*t, s[0]) * side(*t, s[1]) < 0)


def place_labels(dots: list[XY], texts: list[str], frame: Box, only_clear: bool = False) -> list[Label | None]:
    """One label per dot, in the given order; the most crowded dots choose
    first, each the cheapest spot (nearest first among equals). With
    `only_clear`, a name that cannot stand clear of the others is left out
    (None): an overview map leaves crowded names to its detail maps."""
    def crowding(i: int) -> int:
        return sum(1 for j, other in enumerate(dots) if j != i and math.dist(dots[i], other) < 60)

    taken: list[Box] = []
    leaders: list[tuple[XY, XY]] = []
    chosen: dict[int, Label | None] = {}
    for i in sorted(range(len(dots)), key=lambda i: (-crowding(i), i)):
        others = [d for j, d in enumerate(dots) if j != i and d != dots[i]]
        best, best_cost, clash = None, math.inf, math.inf
        for distance in _DISTANCES:
            for degrees in _DIRECTIONS:
                label = _candidate(dots[i], texts[i], distance, degrees)
                if not _inside(label.box, frame):
                    continue
                conflict = _cost(label, dots[i], others, taken, leaders)
                if conflict + distance * 0.05 < best_cost:
                    best, best_cost, clash = label, conflict + distance * 0.05, conflict
        if best is None:  # nowhere inside the frame: keep the nearest spot
            best = _candidate(dots[i], texts[i], _DISTANCES[0], 0)
        if only_clear and clash > 0:
            chosen[i] = None
            continue
        chosen[i] = best
        taken.append(best.box)
        if best.leader:
            leaders.append(best.leader)
    return [chosen[i] for i in range(len(dots))]
