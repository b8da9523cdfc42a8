"""Build the bundled PC4 geometry from the CBS postcode areas (build time only).

    python -m passend_cli.kaart.bouwen --sources /work/shared/sources --out data

Needs shapely ≥ 2.2 (``pip install -e ".[geo]"``); the run-time code never imports it.
Reads ``cbs-pc4-vlakken-2020/pc4_rd.geojson.gz`` (CBS PC4 outlines 2020, RD New metres)
and writes ``pc4_kaart.bin`` (layout in :mod:`passend_cli.kaart.geometrie`). Steps:

1. **Repair.** ``make_valid`` on every outline (83 are self-touching as stored); only the
   polygonal parts are kept. PC4s whose outline is empty or has collapsed below
   :data:`MIN_OPPERVLAKTE` in the source (1623, 4196, 5028 in the 2020 copy: remnants of
   the source's own simplification, their land lies in the neighbour) are left out and
   reported.
2. **Clean into a coverage.** The source outlines were simplified one by one, so
   neighbours overlap a little and leave thin slivers between them (26,755 holes in the
   union). ``coverage_clean`` gives every overlap to one neighbour and merges every gap
   narrower than :data:`GATBREEDTE` into the neighbour with the longest shared border;
   the wide gaps left are real water (IJsselmeer, Markermeer, the big rivers' lakes).
3. **Simplify the coverage**, ``coverage_simplify`` (Visvalingam–Whyatt on shared
   edges, each edge once, so neighbours stay edge-matched), tolerance :data:`TOLERANTIE`.
4. **Snap to whole metres without breaking the topology**: all borders are noded with
   snap rounding on a 1 m grid (``union_all(..., grid_size=1)``), which never lets two
   lines cross, and polygonized; each resulting face goes to the PC4 that contains it.
5. **Arcs.** Every border edge between two different PC4s (or a PC4 and the outside)
   is kept once with its left and right PC4; edges are chained into arcs between nodes
   (points where three or more faces meet). Steps that do not fit an int16 are split.
6. **Check** (the build fails otherwise): no two arcs cross or touch except at shared
   end points, every PC4's arcs close into rings whose area equals its faces' area, and
   the PC4 areas add up to the area of the whole. Then one label point per PC4 (pole of
   inaccessibility, checked to lie inside) and its area.

The result is byte-identical on every run with the same source and shapely/GEOS
version: every loop runs in a sorted order and the file holds no time stamp.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from passend_cli.kaart.geometrie import BESTANDSNAAM, BUITEN, lees_geometrie, schrijf_geometrie

__all__ = ["GATBREEDTE", "TOLERANTIE", "Verslag", "bouw", "main"]

BRON = Path("cbs-pc4-vlakken-2020") / "pc4_rd.geojson.gz"
GATBREEDTE = 20.0  # m: slivers narrower than this between neighbours are closed
TOLERANTIE = 15.0  # m: coverage simplification (≈ √ of the triangle area removed)
MIN_OPPERVLAKTE = 100.0  # m²: a PC4 smaller than this in the source is unusable
LABEL_PRECISIE = 5.0  # m: precision of the pole of inaccessibility
MAX_STAP = 32767  # an int16 step

META = {
    "bron": "CBS, postcodegebieden (PC4) 2020, editie ZIP 2020 v1",
    "bron_kort": "Bron: CBS, postcodegebieden 2020",
    "licentie": "CC BY 4.0 (CBS); overgenomen uit het R-pakket certegis (GPL-2)",
    "crs": "EPSG:28992 (Amersfoort / RD New), hele meters",
    "gatbreedte_m": GATBREEDTE,
    "tolerantie_m": TOLERANTIE,
}


@dataclass
class Verslag:
    """What a build produced, for the command line and for tests."""

    pad: Path
    grootte: int
    postcodes: list[str]
    weggelaten: dict[str, str] = field(default_factory=dict)
    bogen: int = 0
    punten: int = 0
    bronpunten: int = 0
    oppervlakte_bron_km2: float = 0.0
    oppervlakte_km2: float = 0.0
    grootste_afwijking: tuple[str, float] = ("", 0.0)

    def tekst(self) -> str:
        pcs = self.postcodes
        regels = [
            f"{self.pad}: {self.grootte:,} bytes".replace(",", "."),
            f"{len(pcs)} postcodegebieden ({pcs[0]}–{pcs[-1]}), {self.bogen} bogen, "
            f"{self.punten} punten (bron: {self.bronpunten})",
            f"oppervlakte {self.oppervlakte_km2:.1f} km² (bron, overlap meegeteld: "
            f"{self.oppervlakte_bron_km2:.1f} km²); grootste afwijking per postcode: "
            f"{self.grootste_afwijking[0]} {self.grootste_afwijking[1]:.1%}",
        ]
        for pc, reden in sorted(self.weggelaten.items()):
            regels.append(f"weggelaten: {pc} ({reden})")
        regels.append("postcodes: " + " ".join(pcs))
        return "\n".join(regels)


def _lees_bron(bronnen: Path):
    import shapely

    with gzip.open(bronnen / BRON, "rt", encoding="utf-8") as f:
        data = json.load(f)
    vlakken: dict[int, object] = {}
    for feature in data["features"]:
        pc = int(feature["properties"]["postcode"])
        if pc in vlakken:
            raise ValueError(f"postcode {pc} staat twee keer in de bron")
        vlakken[pc] = shapely.geometry.shape(feature["geometry"])
    return dict(sorted(vlakken.items()))


def _alleen_vlakken(geom):
    import shapely

    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    delen = [d for d in shapely.get_parts(geom) if d.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(delen) if delen else shapely.Polygon()


def _randen(eigenaar_per_vlak, vlakken):
    """Border edges between faces of different owners: {(p, q): [left, right]} with
    p < q, left/right seen walking from p to q."""
    import shapely

    randen: dict[tuple, list[int]] = {}
    for eigenaar, vlak in zip(eigenaar_per_vlak, vlakken, strict=True):
        if eigenaar == BUITEN:
            continue
        vlak = shapely.orient_polygons(vlak, exterior_cw=False)  # owner on the left
        for ring in (vlak.exterior, *vlak.interiors):
            cs = [(int(x), int(y)) for x, y in ring.coords]
            for p, q in itertools.pairwise(cs):
                if p == q:
                    continue
                sleutel, kant = ((p, q), 0) if p < q else ((q, p), 1)
                rand = randen.setdefault(sleutel, [BUITEN, BUITEN])
                if rand[kant] != BUITEN:
                    raise ValueError(f"overlap bij {sleutel}")
                rand[kant] = eigenaar
    return {k: v for k, v in randen.items() if v[0] != v[1]}


def _bogen(randen):
    """Chain border edges into arcs: [(points, left, right)], deterministic."""
    buren: dict[tuple, list] = defaultdict(list)
    for p, q in randen:
        buren[p].append(q)
        buren[q].append(p)
    for lijst in buren.values():
        lijst.sort()

    def kanten(p, q):
        if p < q:
            return tuple(randen[(p, q)])
        links, rechts = randen[(q, p)]
        return (rechts, links)

    knopen = set()
    for v, ns in buren.items():
        if len(ns) != 2 or kanten(ns[0], v) != kanten(v, ns[1]):
            knopen.add(v)
    gezien: set[tuple] = set()

    def loop(begin, volgende):
        keten = [begin, volgende]
        paar = kanten(begin, volgende)
        gezien.add((min(begin, volgende), max(begin, volgende)))
        vorige, huidige = begin, volgende
        while huidige not in knopen and huidige != begin:
            nieuw = next(w for w in buren[huidige] if w != vorige)
            gezien.add((min(huidige, nieuw), max(huidige, nieuw)))
            keten.append(nieuw)
            vorige, huidige = huidige, nieuw
        return keten, paar

    bogen = []
    for v in sorted(knopen):
        for w in buren[v]:
            if (min(v, w), max(v, w)) not in gezien:
                keten, (links, rechts) = loop(v, w)
                bogen.append((keten, links, rechts))
    for p, q in sorted(randen):  # closed loops without a node: islands, enclaves
        if (p, q) not in gezien:
            knopen.add(p)
            keten, (links, rechts) = loop(p, q)
            knopen.discard(p)
            bogen.append((keten, links, rechts))
    return bogen


def _splits_lange_stappen(keten):
    uit = [keten[0]]
    for q in keten[1:]:
        p = uit[-1]
        n = max(abs(q[0] - p[0]), abs(q[1] - p[1])) // MAX_STAP + 1
        for k in range(1, n):
            uit.append((p[0] + round((q[0] - p[0]) * k / n), p[1] + round((q[1] - p[1]) * k / n)))
        uit.append(q)
    return uit


def _controleer_kruisingen(bogen) -> None:
    import shapely

    lijnen = [shapely.LineString(b) for b, _, _ in bogen]
    if not all(lijn.is_simple or lijn.is_ring for lijn in lijnen):
        slecht = next(i for i, lijn in enumerate(lijnen) if not (lijn.is_simple or lijn.is_ring))
        raise ValueError(f"boog {slecht} snijdt zichzelf")
    boom = shapely.STRtree(lijnen)
    links, rechts = boom.query(lijnen, predicate="intersects")
    for i, j in zip(links.tolist(), rechts.tolist(), strict=True):
        if i >= j:
            continue
        eindpunten = {bogen[i][0][0], bogen[i][0][-1]} & {bogen[j][0][0], bogen[j][0][-1]}
        rest = lijnen[i].intersection(lijnen[j]).difference(shapely.MultiPoint(list(eindpunten)))
        if not rest.is_empty:
            raise ValueError(f"bogen {i} en {j} kruisen of raken elkaar bij {rest.wkt[:80]}")


def ringoppervlakte(xs, ys) -> float:
    """Signed area (shoelace) of a closed ring."""
    return 0.5 * sum(xs[k] * ys[k + 1] - xs[k + 1] * ys[k] for k in range(len(xs) - 1))


def bouw(bronnen: Path, uit: Path) -> Verslag:
    """Build ``uit/pc4_kaart.bin`` from ``bronnen``; see the module documentation."""
    import numpy as np
    import shapely
    from shapely.ops import polylabel

    from passend_cli.kaart.vlakken import ringen

    bron = _lees_bron(bronnen)
    bronpunten = int(sum(shapely.get_num_coordinates(g) for g in bron.values()))
    weggelaten: dict[str, str] = {}
    postcodes, geldig = [], []
    for pc, geom in bron.items():
        geom = _alleen_vlakken(shapely.make_valid(geom))
        if geom.is_empty:
            weggelaten[f"{pc:04d}"] = "geen vlak in de bron"
        elif geom.area < MIN_OPPERVLAKTE:
            weggelaten[f"{pc:04d}"] = f"vlak van {geom.area:.0f} m² in de bron"
        else:
            postcodes.append(pc)
            geldig.append(geom)
    bron_opp = float(sum(g.area for g in geldig))

    schoon = shapely.coverage_clean(np.array(geldig, dtype=object), gap_width=GATBREEDTE)
    leeg = [f"{postcodes[i]:04d}" for i in np.nonzero(shapely.is_empty(schoon))[0]]
    if leeg:
        raise ValueError(f"na het opschonen leeg: {', '.join(leeg)}")
    simpel = shapely.coverage_simplify(schoon, TOLERANTIE)
    if not shapely.coverage_is_valid(simpel):
        raise ValueError("vereenvoudigde bedekking is ongeldig")

    lijnwerk = shapely.union_all(shapely.boundary(simpel), grid_size=1)
    vlakken = shapely.get_parts(shapely.polygonize(shapely.get_parts(lijnwerk)))
    boom = shapely.STRtree(simpel)
    punt_i, pc_i = boom.query(shapely.point_on_surface(vlakken), predicate="within")
    eigenaar = np.full(len(vlakken), BUITEN)
    eigenaar[punt_i] = pc_i
    eigenaar = eigenaar.tolist()

    bogen = [(_splits_lange_stappen(k), links, rechts)
             for k, links, rechts in _bogen(_randen(eigenaar, vlakken))]
    _controleer_kruisingen(bogen)

    # Renumber to the PC4s that kept at least one face.
    per_pc: dict[int, list] = defaultdict(list)
    for e, vlak in zip(eigenaar, vlakken, strict=True):
        if e != BUITEN:
            per_pc[e].append(vlak)
    for i, pc in enumerate(postcodes):
        if i not in per_pc:
            weggelaten[f"{pc:04d}"] = "verdwenen bij het vereenvoudigen"
    houd = sorted(per_pc)
    nieuw = {oud: k for k, oud in enumerate(houd)}
    nieuw[BUITEN] = BUITEN
    bogen = [(k, nieuw[links], nieuw[rechts]) for k, links, rechts in bogen]

    labels, oppervlakten = [], []
    for oud in houd:
        geheel = shapely.union_all(per_pc[oud])
        deel = max(shapely.get_parts(geheel), key=lambda d: (d.area, d.bounds))
        punt = polylabel(deel, LABEL_PRECISIE)
        label = (round(punt.x), round(punt.y))
        if not geheel.contains(shapely.Point(label)):
            p = deel.point_on_surface()
            label = (round(p.x), round(p.y))
        labels.append(label)
        oppervlakten.append(round(geheel.area))

    meta = dict(META, weggelaten=dict(sorted(weggelaten.items())))
    inhoud = schrijf_geometrie(
        postcodes=[postcodes[i] for i in houd],
        labelpunten=labels,
        oppervlakte=oppervlakten,
        bogen=[k for k, _, _ in bogen],
        links=[links for _, links, _ in bogen],
        rechts=[rechts for _, _, rechts in bogen],
        meta=meta,
    )

    # Check what will be read back: rings close, areas match the faces, no gaps.
    geo = lees_geometrie(inhoud)
    afwijking = ("", 0.0)
    totaal = 0.0
    for k in range(len(houd)):
        opp = sum(ringoppervlakte(xs, ys) for xs, ys in ringen(geo, {k}))
        if abs(opp - oppervlakten[k]) > 1.0 + 1e-6 * oppervlakten[k]:
            raise ValueError(f"{geo.postcodes[k]}: ringen {opp:.0f} m², vlakken {oppervlakten[k]}")
        totaal += opp
        bron_k = geldig[houd[k]].area
        rel = abs(opp - bron_k) / bron_k
        if rel > afwijking[1]:
            afwijking = (geo.postcodes[k], rel)
    alles = sum(ringoppervlakte(xs, ys) for xs, ys in ringen(geo, set(range(len(houd)))))
    if abs(alles - totaal) > 1.0:
        raise ValueError(f"gaten of overlap: som {totaal:.0f} m², geheel {alles:.0f} m²")

    uit.mkdir(parents=True, exist_ok=True)
    pad = uit / BESTANDSNAAM
    pad.write_bytes(inhoud)
    return Verslag(
        pad=pad,
        grootte=len(inhoud),
        postcodes=geo.postcodes,
        weggelaten=weggelaten,
        bogen=len(bogen),
        punten=geo.aantal_punten,
        bronpunten=bronpunten,
        oppervlakte_bron_km2=bron_opp / 1e6,
        oppervlakte_km2=totaal / 1e6,
        grootste_afwijking=afwijking,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m passend_cli.kaart.bouwen", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--sources", type=Path, required=True, help="map met de bronnen")
    parser.add_argument("--out", type=Path, required=True, help="map voor pc4_kaart.bin")
    args = parser.parse_args(argv)
    try:
        import shapely  # noqa: F401
    except ImportError:
        print('shapely ontbreekt: pip install -e ".[geo]"', file=sys.stderr)
        return 2
    print(bouw(args.sources, args.out).tekst())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
