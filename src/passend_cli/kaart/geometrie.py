"""The bundled PC4 geometry: a topology of shared arcs, read with the standard library.

The file ``data/pc4_kaart.bin`` (``passend_cli/data`` in a wheel) is written by
:mod:`passend_cli.kaart.bouwen` and holds the outlines of the four-digit postcode areas
(PC4) as *arcs*: each piece of border between two PC4s (or between a PC4 and the
outside: sea, the big lakes, abroad) is stored once, with the PC4 on its left and the one
on its right. Two neighbours therefore share the very same line and can never show a gap
or an overlap between them, at any simplification applied to the arcs, and the outline
of any set of PC4s (a samenwerkingsverband) is the set of arcs with that set on one side
only.

Coordinates are whole metres in Amersfoort / RD New (EPSG:28992), y pointing north.

Layout (all little-endian)::

    8 bytes   magic b"PASKRT01"
    uint32    n_pc4, n_bogen, n_punten (points of all arcs, first points included), n_meta
    n_meta    bytes of UTF-8 JSON (source, licence, tolerance)
    uint16    postcode[n_pc4]                 ascending
    int32     label_x[n_pc4], label_y[n_pc4]  a point well inside the PC4 (pole of
                                              inaccessibility), for labels and markers
    uint32    oppervlakte[n_pc4]              area in m²
    uint32    lengte[n_bogen]                 points per arc (≥ 2)
    uint16    links[n_bogen], rechts[n_bogen] PC4 index left/right of the arc as stored,
                                              0xFFFF: outside
    int32     start_x[n_bogen], start_y[n_bogen]
    int16     dx[n_punten - n_bogen], dy[…]   steps from one point to the next

Reading takes a few tens of milliseconds; :func:`laad_geometrie` caches the result.
"""

from __future__ import annotations

import functools
import json
import struct
import sys
from array import array
from itertools import accumulate, pairwise
from typing import Any

__all__ = [
    "BESTANDSNAAM",
    "BUITEN",
    "MAGIC",
    "Geometrie",
    "laad_geometrie",
    "lees_geometrie",
]

MAGIC = b"PASKRT01"
BESTANDSNAAM = "pc4_kaart.bin"
BUITEN = -1  # the face "outside every PC4", stored as 0xFFFF
_GEEN = 0xFFFF
_KOP = struct.Struct("<4I")


def _lees_array(code: str, data: bytes, positie: int, aantal: int) -> tuple[array, int]:
    rij = array(code)
    einde = positie + aantal * rij.itemsize
    if einde > len(data):
        raise ValueError("kaartbestand is afgekapt")
    rij.frombytes(data[positie:einde])
    if sys.byteorder != "little":  # pragma: no cover - every supported platform is
        rij.byteswap()
    return rij, einde


class Geometrie:
    """The PC4 arcs in memory. Plain lists, indexed by PC4 index or arc index.

    - ``postcodes[i]``: the PC4 as a four-character string; ``index[pc4]`` the reverse;
    - ``labelpunten[i]``: ``(x, y)``, a point inside PC4 *i*, far from its border;
    - ``oppervlakte[i]``: area in m²;
    - ``bogen[a]``: ``(xs, ys)``, the points of arc *a* (lists of int);
    - ``links[a]`` / ``rechts[a]``: PC4 index on each side of arc *a* as stored
      (:data:`BUITEN` for outside);
    - ``meta``: the build's description (source, licence, tolerance).
    """

    __slots__ = ("_kaders", "bogen", "index", "labelpunten", "links", "meta",
                 "oppervlakte", "postcodes", "rechts")

    def __init__(
        self,
        postcodes: list[str],
        labelpunten: list[tuple[int, int]],
        oppervlakte: list[int],
        bogen: list[tuple[list[int], list[int]]],
        links: list[int],
        rechts: list[int],
        meta: dict,
    ) -> None:
        self.postcodes = postcodes
        self.index = {pc: i for i, pc in enumerate(postcodes)}
        self.labelpunten = labelpunten
        self.oppervlakte = oppervlakte
        self.bogen = bogen
        self.links = links
        self.rechts = rechts
        self.meta = meta
        self._kaders: list[tuple[int, int, int, int]] | None = None

    @property
    def kaders(self) -> list[tuple[int, int, int, int]]:
        """Bounding box ``(xmin, ymin, xmax, ymax)`` per arc, computed on first use."""
        if self._kaders is None:
            self._kaders = [(min(xs), min(ys), max(xs), max(ys)) for xs, ys in self.bogen]
        return self._kaders

    @property
    def aantal_punten(self) -> int:
        return sum(len(xs) for xs, _ in self.bogen)


def lees_geometrie(data: bytes) -> Geometrie:
    """Parse the bytes of a geometry file (see the module documentation)."""
    if data[:8] != MAGIC:
        raise ValueError("geen kaartbestand van passend (onbekende kop)")
    n_pc4, n_bogen, n_punten, n_meta = _KOP.unpack_from(data, 8)
    pos = 8 + _KOP.size
    meta = json.loads(data[pos : pos + n_meta].decode("utf-8"))
    pos += n_meta
    pcs, pos = _lees_array("H", data, pos, n_pc4)
    lx, pos = _lees_array("i", data, pos, n_pc4)
    ly, pos = _lees_array("i", data, pos, n_pc4)
    opp, pos = _lees_array("I", data, pos, n_pc4)
    lengte, pos = _lees_array("I", data, pos, n_bogen)
    links, pos = _lees_array("H", data, pos, n_bogen)
    rechts, pos = _lees_array("H", data, pos, n_bogen)
    sx, pos = _lees_array("i", data, pos, n_bogen)
    sy, pos = _lees_array("i", data, pos, n_bogen)
    n_stap = n_punten - n_bogen
    dx, pos = _lees_array("h", data, pos, n_stap)
    dy, pos = _lees_array("h", data, pos, n_stap)
    if pos != len(data) or sum(lengte) != n_punten:
        raise ValueError("kaartbestand is beschadigd (lengtes kloppen niet)")
    bogen = []
    begin = 0
    for a in range(n_bogen):
        einde = begin + lengte[a] - 1
        bogen.append(
            (
                list(accumulate(dx[begin:einde], initial=sx[a])),
                list(accumulate(dy[begin:einde], initial=sy[a])),
            )
        )
        begin = einde
    return Geometrie(
        postcodes=[f"{p:04d}" for p in pcs],
        labelpunten=list(zip(lx, ly, strict=True)),
        oppervlakte=list(opp),
        bogen=bogen,
        links=[BUITEN if v == _GEEN else v for v in links],
        rechts=[BUITEN if v == _GEEN else v for v in rechts],
        meta=meta,
    )


def schrijf_geometrie(
    postcodes: list[int],
    labelpunten: list[tuple[int, int]],
    oppervlakte: list[int],
    bogen: list[list[tuple[int, int]]],
    links: list[int],
    rechts: list[int],
    meta: dict,
) -> bytes:
    """The bytes of a geometry file; the inverse of :func:`lees_geometrie`. Every step
    between two points of an arc must fit in an int16 (the builder splits longer ones)."""
    metabytes = json.dumps(meta, sort_keys=True, ensure_ascii=False).encode("utf-8")
    n_punten = sum(len(b) for b in bogen)
    delen = [MAGIC, _KOP.pack(len(postcodes), len(bogen), n_punten, len(metabytes)), metabytes]

    def rij(code: str, waarden) -> None:
        a = array(code, waarden)
        if sys.byteorder != "little":  # pragma: no cover
            a.byteswap()
        delen.append(a.tobytes())

    rij("H", postcodes)
    rij("i", [x for x, _ in labelpunten])
    rij("i", [y for _, y in labelpunten])
    rij("I", oppervlakte)
    rij("I", [len(b) for b in bogen])
    rij("H", [_GEEN if v == BUITEN else v for v in links])
    rij("H", [_GEEN if v == BUITEN else v for v in rechts])
    rij("i", [b[0][0] for b in bogen])
    rij("i", [b[0][1] for b in bogen])
    rij("h", [q[0] - p[0] for b in bogen for p, q in pairwise(b)])
    rij("h", [q[1] - p[1] for b in bogen for p, q in pairwise(b)])
    return b"".join(delen)


def gebundeld_pad() -> Any:
    """Where the bundled geometry file lives: beside the bundled dataset."""
    from passend_cli.opslag import gebundelde_map

    return gebundelde_map().joinpath(BESTANDSNAAM)


@functools.cache
def laad_geometrie() -> Geometrie:
    """The bundled geometry, read once per process (about 60 ms)."""
    return lees_geometrie(gebundeld_pad().read_bytes())
