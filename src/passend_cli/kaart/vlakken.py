"""Areas made of PC4s: their outlines as rings, their neighbours and their colours.

Everything here works on the shared arcs of :class:`~passend_cli.kaart.geometrie.Geometrie`:
an arc lies on the outline of a group of PC4s when the group is on one side of it only.
Rings are chained from such arcs, each turned so that the group lies on its left
(counter-clockwise outer rings, clockwise holes in RD coordinates), so filling them with
the non-zero rule (SVG's default) gives exactly the group, and two groups that share a
border draw the same points on both sides of it.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import NamedTuple

from passend_cli.kaart.geometrie import BUITEN, Geometrie

__all__ = [
    "Indeling",
    "deel_in",
    "dun_uit",
    "kleur_graaf",
    "ringen",
    "ringen_per_groep",
]

Ring = tuple[list[int], list[int]]
Bogen = Sequence[tuple[list[int], list[int]]]


def _keten(bogen: Bogen, gericht: list[tuple[int, bool]]) -> list[Ring]:
    """Chain directed arcs ``(arc, reversed)`` into closed rings."""
    vanaf: dict[tuple[int, int], list[int]] = {}
    begin_eind = []
    for k, (a, om) in enumerate(gericht):
        xs, ys = bogen[a]
        if om:
            b, e = (xs[-1], ys[-1]), (xs[0], ys[0])
        else:
            b, e = (xs[0], ys[0]), (xs[-1], ys[-1])
        begin_eind.append((b, e))
        vanaf.setdefault(b, []).append(k)
    for lijst in vanaf.values():
        lijst.reverse()  # pop() then takes them in the arcs' order
    gebruikt = [False] * len(gericht)
    ringen: list[Ring] = []
    for start in range(len(gericht)):
        if gebruikt[start]:
            continue
        rx: list[int] = []
        ry: list[int] = []
        k = start
        ring_begin = begin_eind[start][0]
        while True:
            gebruikt[k] = True
            a, om = gericht[k]
            xs, ys = bogen[a]
            if om:
                xs, ys = xs[::-1], ys[::-1]
            if rx:
                rx.extend(xs[1:])
                ry.extend(ys[1:])
            else:
                rx.extend(xs)
                ry.extend(ys)
            eind = begin_eind[k][1]
            if eind == ring_begin:
                break
            kandidaten = vanaf.get(eind, [])
            while kandidaten and gebruikt[kandidaten[-1]]:
                kandidaten.pop()
            if not kandidaten:  # cannot happen on a valid topology; close it anyway
                rx.append(rx[0])
                ry.append(ry[0])
                break
            k = kandidaten.pop()
        if len(rx) >= 4:
            ringen.append((rx, ry))
    return ringen


def ringen(geo: Geometrie, leden: set[int], bogen: Bogen | None = None) -> list[Ring]:
    """The outline of the PC4s with indices in *leden*, as closed rings ``(xs, ys)``.
    *bogen* replaces the geometry's arcs (for thinned copies, same order)."""
    gericht = []
    for a, (links, rechts) in enumerate(zip(geo.links, geo.rechts, strict=True)):
        li, re = links in leden, rechts in leden
        if li and not re:
            gericht.append((a, False))
        elif re and not li:
            gericht.append((a, True))
    return _keten(bogen if bogen is not None else geo.bogen, gericht)


def ringen_per_groep(
    geo: Geometrie, groep_van: Sequence[Hashable], bogen: Bogen | None = None
) -> dict[Hashable, list[Ring]]:
    """Rings of every group at once; ``groep_van[i]`` is PC4 *i*'s group (``None``: not
    drawn, like the outside)."""
    gericht: dict[Hashable, list[tuple[int, bool]]] = {}
    for a, (links, rechts) in enumerate(zip(geo.links, geo.rechts, strict=True)):
        gl = None if links == BUITEN else groep_van[links]
        gr = None if rechts == BUITEN else groep_van[rechts]
        if gl == gr:
            continue
        if gl is not None:
            gericht.setdefault(gl, []).append((a, False))
        if gr is not None:
            gericht.setdefault(gr, []).append((a, True))
    bron = bogen if bogen is not None else geo.bogen
    return {g: _keten(bron, lijst) for g, lijst in gericht.items()}


def dun_uit(geo: Geometrie, stap: float) -> list[tuple[list[int], list[int]]]:
    """A thinned copy of all arcs for drawing at *stap* metres per pixel: a point is
    dropped when it lies within *stap* of the last point kept (radial distance; the end
    points always stay). Neighbours still share every point they draw, so thinning
    never opens a gap between them."""
    if stap <= 0:
        return geo.bogen
    d2 = stap * stap
    uit = []
    for xs, ys in geo.bogen:
        n = len(xs)
        if n <= 2:
            uit.append((xs, ys))
            continue
        kx, ky = [xs[0]], [ys[0]]
        px, py = xs[0], ys[0]
        for k in range(1, n - 1):
            x, y = xs[k], ys[k]
            if (x - px) * (x - px) + (y - py) * (y - py) >= d2:
                kx.append(x)
                ky.append(y)
                px, py = x, y
        kx.append(xs[-1])
        ky.append(ys[-1])
        if len(kx) < 4 and n >= 4 and xs[0] == xs[-1] and ys[0] == ys[-1]:
            drie = (0, n // 3, 2 * n // 3, 0)  # a closed loop (an island) stays a ring
            kx, ky = [xs[k] for k in drie], [ys[k] for k in drie]
        uit.append((kx, ky))
    return uit


def kleur_graaf(knopen: Sequence[str], buren: Mapping[str, set[str]]) -> dict[str, int]:
    """Greedy colouring, deterministic: most neighbours first (ties by name), each node
    takes the lowest colour number no neighbour has. Neighbours never share a number."""
    volgorde = sorted(knopen, key=lambda k: (-len(buren.get(k, ())), k))
    kleur: dict[str, int] = {}
    for k in volgorde:
        bezet = {kleur[b] for b in buren.get(k, ()) if b in kleur}
        c = 0
        while c in bezet:
            c += 1
        kleur[k] = c
    return kleur


class Indeling(NamedTuple):
    """One sector's division of the map into areas (SWV codes), from a membership."""

    groep_van: list[str | None]  # per PC4 index: SWV code, "" (no SWV known)
    leden: dict[str, list[int]]  # SWV code (or "") → PC4 indices on the map
    buren: dict[str, set[str]]  # SWV code → SWV codes sharing a border with it
    ontbreekt: dict[str, list[str]]  # SWV code → its PC4s the geometry lacks


def deel_in(geo: Geometrie, lidmaatschap: Mapping[str, str]) -> Indeling:
    """Group the PC4s of *geo* by their SWV in *lidmaatschap* (PC4 → code; empty or
    missing: no SWV, group ``""``)."""
    groep_van: list[str | None] = [lidmaatschap.get(pc) or "" for pc in geo.postcodes]
    leden: dict[str, list[int]] = {}
    for i, g in enumerate(groep_van):
        leden.setdefault(g or "", []).append(i)
    buren: dict[str, set[str]] = {g: set() for g in leden}
    for links, rechts in zip(geo.links, geo.rechts, strict=True):
        if links == BUITEN or rechts == BUITEN:
            continue
        gl, gr = groep_van[links], groep_van[rechts]
        if gl != gr and gl and gr:
            buren[gl].add(gr)
            buren[gr].add(gl)
    ontbreekt: dict[str, list[str]] = {}
    for pc in sorted(lidmaatschap):
        code = lidmaatschap[pc]
        if code and pc not in geo.index:
            ontbreekt.setdefault(code, []).append(pc)
    return Indeling(groep_van, leden, buren, ontbreekt)
