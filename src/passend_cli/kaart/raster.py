"""A small pixel grid over RD coordinates: scanline fill of rings and label placement.

Pure Python and fast enough for a terminal map (a few hundred pixels square). A pixel
belongs to a ring set when its centre lies inside it (non-zero rule), so areas that share
a border never both claim a pixel and never both leave one out.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Sequence

__all__ = ["Raster"]

Ring = tuple[Sequence[int], Sequence[int]]


class Raster:
    """``breedte`` × ``hoogte`` pixels of ``stap`` metres; pixel (0, 0) is the north-west
    corner at RD ``(x0, y1)``. ``pix`` holds one int per pixel, row by row (0: empty)."""

    __slots__ = ("breedte", "hoogte", "pix", "stap", "x0", "y1")

    def __init__(self, x0: float, y1: float, stap: float, breedte: int, hoogte: int) -> None:
        self.x0 = x0
        self.y1 = y1
        self.stap = stap
        self.breedte = breedte
        self.hoogte = hoogte
        self.pix = [0] * (breedte * hoogte)

    @property
    def kader(self) -> tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)`` in RD metres."""
        return (self.x0, self.y1 - self.hoogte * self.stap,
                self.x0 + self.breedte * self.stap, self.y1)

    def naar_pixel(self, x: float, y: float) -> tuple[int, int]:
        """The pixel ``(kolom, rij)`` holding RD point (x, y); may lie outside the grid."""
        return (math.floor((x - self.x0) / self.stap), math.floor((self.y1 - y) / self.stap))

    def vul(self, ringen: Iterable[Ring], waarde: int) -> int:
        """Set every pixel whose centre lies inside *ringen* (non-zero winding) to
        *waarde*. Returns the number of pixels set."""
        kruisingen: dict[int, list[tuple[float, int]]] = {}
        x0, y1, stap, hoogte = self.x0, self.y1, self.stap, self.hoogte
        for xs, ys in ringen:
            vorige_x = (xs[0] - x0) / stap
            vorige_y = (y1 - ys[0]) / stap
            for k in range(1, len(xs)):
                px = (xs[k] - x0) / stap
                py = (y1 - ys[k]) / stap
                if py != vorige_y:
                    if py > vorige_y:
                        lo, hi, richting = vorige_y, py, 1
                    else:
                        lo, hi, richting = py, vorige_y, -1
                    # rows r whose centre r + 0.5 lies in [lo, hi)
                    r0 = max(0, math.ceil(lo - 0.5))
                    r1 = min(hoogte - 1, math.ceil(hi - 0.5) - 1)
                    if r0 <= r1:
                        helling = (px - vorige_x) / (py - vorige_y)
                        for r in range(r0, r1 + 1):
                            x = vorige_x + (r + 0.5 - vorige_y) * helling
                            kruisingen.setdefault(r, []).append((x, richting))
                vorige_x, vorige_y = px, py
        pix, breedte = self.pix, self.breedte
        gezet = 0
        for r, lijst in kruisingen.items():
            lijst.sort()
            winding = 0
            basis = r * breedte
            for k in range(len(lijst) - 1):
                winding += lijst[k][1]
                if winding:
                    # columns c whose centre c + 0.5 lies in [xa, xb)
                    c0 = max(0, math.ceil(lijst[k][0] - 0.5))
                    c1 = min(breedte, math.ceil(lijst[k + 1][0] - 0.5))
                    if c0 < c1:
                        pix[basis + c0 : basis + c1] = [waarde] * (c1 - c0)
                        gezet += c1 - c0
        return gezet

    def afstanden(self) -> list[int]:
        """Per pixel, the number of steps (8 directions) to the nearest pixel of another
        value or to the grid's edge: a cheap distance to the border."""
        b, h, pix = self.breedte, self.hoogte, self.pix
        oneindig = b + h
        afstand = [oneindig] * (b * h)
        rij: deque[int] = deque()
        for i in range(b * h):
            r, c = divmod(i, b)
            v = pix[i]
            if r == 0 or c == 0 or r == h - 1 or c == b - 1:
                afstand[i] = 1
                rij.append(i)
                continue
            if (pix[i - 1] != v or pix[i + 1] != v or pix[i - b] != v or pix[i + b] != v):
                afstand[i] = 1
                rij.append(i)
        while rij:
            i = rij.popleft()
            d = afstand[i] + 1
            r, c = divmod(i, b)
            v = pix[i]
            for dr in (-1, 0, 1):
                rr = r + dr
                if rr < 0 or rr >= h:
                    continue
                for dc in (-1, 0, 1):
                    cc = c + dc
                    if 0 <= cc < b:
                        j = rr * b + cc
                        if pix[j] == v and afstand[j] > d:
                            afstand[j] = d
                            rij.append(j)
        return afstand

    def verste_punten(self, afstand: Sequence[int]) -> dict[int, tuple[int, int, int]]:
        """Per value, its pixel farthest from its border: ``value → (afstand, kolom,
        rij)``; ties go to the pixel nearest the value's centroid, then the first."""
        som: dict[int, list[float]] = {}
        b = self.breedte
        for i, v in enumerate(self.pix):
            if v:
                s = som.get(v)
                if s is None:
                    som[v] = [i % b, i // b, 1]
                else:
                    s[0] += i % b
                    s[1] += i // b
                    s[2] += 1
        beste: dict[int, tuple[int, float, int]] = {}
        for i, v in enumerate(self.pix):
            if v:
                s = som[v]
                c, r = i % b, i // b
                d2 = (c - s[0] / s[2]) ** 2 + (r - s[1] / s[2]) ** 2
                kandidaat = (afstand[i], -d2, i)
                huidig = beste.get(v)
                if huidig is None or kandidaat[:2] > huidig[:2]:
                    beste[v] = kandidaat
        return {v: (d, i % b, i // b) for v, (d, _, i) in beste.items()}
