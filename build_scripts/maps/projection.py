"""A Lambert conformal conic projection (stdlib math only): it keeps shapes
true across the wide east-west spread of the edition's places, from Moscow
to the Korean border, better than a plain latitude-longitude grid."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .topojson import Point

XY = tuple[float, float]   # projected: x to the east, y to the south (SVG), in Earth radii


@dataclass(frozen=True)
class Conic:
    lon0: float                  # central meridian, degrees
    n: float
    f: float
    rho0: float

    @classmethod
    def for_latitudes(cls, south: float, north: float, lon0: float) -> Conic:
        """Standard parallels a sixth of the span in from each edge."""
        span = max(north - south, 4.0)
        middle = (north + south) / 2
        phi1, phi2 = (math.radians(middle - span / 3), math.radians(middle + span / 3))
        n = (math.log(math.cos(phi1) / math.cos(phi2))
             / math.log(_t(phi2) / _t(phi1)))
        f = math.cos(phi1) * _t(phi1) ** n / n
        return cls(lon0, n, f, f / _t(math.radians(middle)) ** n)

    def __call__(self, point: Point) -> XY:
        lon, lat = point
        rho = self.f / _t(math.radians(max(min(lat, 89.5), -89.5))) ** self.n
        theta = self.n * math.radians(_wrap(lon - self.lon0))
        return rho * math.sin(theta), -(self.rho0 - rho * math.cos(theta))

    def inverse(self, xy: XY) -> Point:
        x, y = xy
        dy = self.rho0 + y          # y points south
        rho = math.copysign(math.hypot(x, dy), self.n)
        theta = math.atan2(x * math.copysign(1, self.n), dy * math.copysign(1, self.n))
        lat = 2 * math.atan((self.f / rho) ** (1 / self.n)) - math.pi / 2
        return self.lon0 + math.degrees(theta / self.n), math.degrees(lat)


def _t(phi: float) -> float:
    return math.tan(math.pi / 4 + phi / 2)


def _wrap(degrees: float) -> float:
    return (degrees + 180) % 360 - 180
