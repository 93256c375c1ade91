"""Plane geometry for the map: simplifying lines, clipping them to the
frame, and testing whether a point lies inside a polygon."""
from __future__ import annotations

import math
from collections.abc import Sequence

XY = tuple[float, float]
Box = tuple[float, float, float, float]   # x0, y0, x1, y1


def simplify(points: Sequence[XY], tolerance: float) -> list[XY]:
    """Douglas-Peucker, iterative (the long Arctic coasts would exhaust recursion)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = 0, tolerance
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        for i in range(first + 1, last):
            px, py = points[i]
            t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
            d = math.hypot(px - ax - t * dx, py - ay - t * dy)
            if d > distance:
                farthest, distance = i, d
        if farthest:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def clip_ring(ring: Sequence[XY], box: Box) -> list[XY]:
    """Sutherland-Hodgman against the frame: the filled land stays closed."""
    x0, y0, x1, y1 = box
    edges = ((lambda p: p[0] >= x0, 0, x0), (lambda p: p[0] <= x1, 0, x1),
             (lambda p: p[1] >= y0, 1, y0), (lambda p: p[1] <= y1, 1, y1))
    points = list(ring)
    for inside, axis, value in edges:
        if not points:
            break
        result: list[XY] = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(_cross(previous, current, axis, value))
                result.append(current)
            elif inside(previous):
                result.append(_cross(previous, current, axis, value))
            previous = current
        points = result
    return points


def _cross(a: XY, b: XY, axis: int, value: float) -> XY:
    t = (value - a[axis]) / (b[axis] - a[axis])
    return (value, a[1] + t * (b[1] - a[1])) if axis == 0 else (a[0] + t * (b[0] - a[0]), value)


def clip_line(line: Sequence[XY], box: Box) -> list[list[XY]]:
    """The pieces of a line that run inside the frame (a segment leaving it
    is kept up to its outer end; the SVG viewBox hides the rest)."""
    x0, y0, x1, y1 = box
    pieces: list[list[XY]] = []
    current: list[XY] = []
    for a, b in zip(line, line[1:], strict=False):
        if max(a[0], b[0]) < x0 or min(a[0], b[0]) > x1 or max(a[1], b[1]) < y0 or min(a[1], b[1]) > y1:
            if current:
                pieces.append(current)
                current = []
            continue
        if not current:
            current = [a]
        current.append(b)
    if current:
        pieces.append(current)
    return pieces


def inside(point: XY, rings: Sequence[Sequence[XY]]) -> bool:
    """Even-odd test: inside an outer ring and not inside one of its holes."""
    x, y = point
    crossings = 0
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, [*ring[1:], ring[0]], strict=True):
            if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
                crossings += 1
    return crossings % 2 == 1


def bounds(points: Sequence[XY]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)
