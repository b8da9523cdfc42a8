"""The bundled PC4 geometry: a valid topology of shared arcs, without gaps or overlaps.

Also the pure functions on it (ring chaining, thinning, colouring) on small made-up
topologies, and the build's reproducibility when shapely and the sources are at hand.
"""

from __future__ import annotations

import csv
import importlib.util
import itertools
from collections import Counter
from pathlib import Path

import pytest

from passend_cli.kaart.geometrie import (
    BUITEN,
    Geometrie,
    gebundeld_pad,
    laad_geometrie,
    lees_geometrie,
    schrijf_geometrie,
)
from passend_cli.kaart.raster import Raster
from passend_cli.kaart.vlakken import deel_in, dun_uit, kleur_graaf, ringen, ringen_per_groep

DATA = Path(__file__).resolve().parents[1] / "data"
BRONNEN = Path(__file__).resolve().parents[2] / "shared" / "sources"


def oppervlakte(xs, ys) -> float:
    return 0.5 * sum(xs[k] * ys[k + 1] - xs[k + 1] * ys[k] for k in range(len(xs) - 1))


def lidmaatschap(sector: str) -> dict[str, str]:
    with open(DATA / "postcodes.csv", encoding="utf-8") as f:
        return {r["postcode"]: r[sector] for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def geo() -> Geometrie:
    return laad_geometrie()


# --- a made-up topology: a 2 × 2 grid of 10 m squares and an island -------------------
#
#   (0,20)----(10,20)----(20,20)
#     |   C=2    |   D=3    |
#   (0,10)----(10,10)----(20,10)
#     |   A=0    |   B=1    |          E=4: a 2 m island at (30..32, 0..2)
#   (0,0)-----(10,0)-----(20,0)


def klein() -> Geometrie:
    def boog(*punten):
        return ([p[0] for p in punten], [p[1] for p in punten])

    bogen = [
        boog((0, 10), (0, 0), (10, 0)),  # A | outside
        boog((10, 0), (20, 0), (20, 10)),  # B | outside
        boog((20, 10), (20, 20), (10, 20)),  # D | outside
        boog((10, 20), (0, 20), (0, 10)),  # C | outside
        boog((10, 0), (10, 5), (10, 10)),  # A | B
        boog((20, 10), (15, 10), (10, 10)),  # B | D
        boog((10, 20), (10, 15), (10, 10)),  # D | C
        boog((0, 10), (5, 10), (10, 10)),  # C | A (C north of it, on the left going east)
        boog((30, 0), (32, 0), (32, 2), (30, 2), (30, 0)),  # island E | outside
    ]
    links = [0, 1, 3, 2, 0, 1, 3, 2, 4]
    rechts = [BUITEN, BUITEN, BUITEN, BUITEN, 1, 3, 2, 0, BUITEN]
    return Geometrie(
        postcodes=["1001", "1002", "1003", "1004", "1005"],
        labelpunten=[(5, 5), (15, 5), (5, 15), (15, 15), (31, 1)],
        oppervlakte=[100, 100, 100, 100, 4],
        bogen=bogen,
        links=links,
        rechts=rechts,
        meta={},
    )


def test_klein_ringen_sluiten_en_hebben_de_juiste_oppervlakte():
    g = klein()
    for i, opp in enumerate(g.oppervlakte):
        rs = ringen(g, {i})
        assert len(rs) == 1
        xs, ys = rs[0]
        assert (xs[0], ys[0]) == (xs[-1], ys[-1])
        assert oppervlakte(xs, ys) == pytest.approx(opp)  # counter-clockwise: positive
    # A and B together: one ring around both, the border between them gone.
    rs = ringen(g, {0, 1})
    assert len(rs) == 1 and oppervlakte(*rs[0]) == pytest.approx(200)
    assert (10, 5) not in set(zip(*rs[0], strict=True))


def test_klein_groepen_buren_en_kleuren():
    g = klein()
    indeling = deel_in(g, {"1001": "X", "1002": "X", "1003": "Y", "1004": "Z", "1006": "Y"})
    assert indeling.leden == {"X": [0, 1], "Y": [2], "Z": [3], "": [4]}
    assert indeling.buren["X"] == {"Y", "Z"} and indeling.buren["Y"] == {"X", "Z"}
    assert indeling.ontbreekt == {"Y": ["1006"]}
    per_groep = ringen_per_groep(g, indeling.groep_van)
    assert {k: round(sum(oppervlakte(*r) for r in v)) for k, v in per_groep.items()} == {
        "X": 200, "Y": 100, "Z": 100, "": 4,
    }
    kleur = kleur_graaf(["X", "Y", "Z"], indeling.buren)
    assert len({kleur["X"], kleur["Y"], kleur["Z"]}) == 3
    assert kleur == kleur_graaf(["Z", "Y", "X"], indeling.buren)  # order does not matter


def test_ringen_met_een_knijppunt_vullen_juist():
    # Two squares of one group touching at one corner (5, 5). The arcs are ordered so
    # that the chain crosses over at that corner into a figure eight: filled with the
    # non-zero rule it still gives exactly both squares.
    def boog(*p):
        return ([q[0] for q in p], [q[1] for q in p])

    g = Geometrie(
        postcodes=["1001", "1002"],
        labelpunten=[(2, 2), (7, 7)],
        oppervlakte=[25, 25],
        bogen=[
            boog((5, 0), (5, 5)),  # A's east side, going north
            boog((5, 5), (10, 5), (10, 10)),  # B's south and east sides
            boog((10, 10), (5, 10), (5, 5)),  # B's north and west sides
            boog((5, 5), (0, 5), (0, 0), (5, 0)),  # A's other sides
        ],
        links=[0, 1, 1, 0],
        rechts=[BUITEN] * 4,
        meta={},
    )
    rs = ringen(g, {0, 1})
    assert len(rs) == 1  # the figure eight
    assert oppervlakte(*rs[0]) == pytest.approx(50)
    raster = Raster(0, 10, 1, 10, 10)
    assert raster.vul(rs, 1) == 50
    assert raster.pix[0] == 0 and raster.pix[9] == 1  # (0, 10) is outside, (9, 10) in


def test_schrijven_en_lezen_zijn_elkaars_omgekeerde():
    g = klein()
    data = schrijf_geometrie(
        postcodes=[int(p) for p in g.postcodes],
        labelpunten=g.labelpunten,
        oppervlakte=g.oppervlakte,
        bogen=[list(zip(xs, ys, strict=True)) for xs, ys in g.bogen],
        links=g.links,
        rechts=g.rechts,
        meta={"bron": "test"},
    )
    terug = lees_geometrie(data)
    assert terug.postcodes == g.postcodes
    assert terug.bogen == g.bogen
    assert (terug.links, terug.rechts) == (g.links, g.rechts)
    assert terug.labelpunten == g.labelpunten and terug.meta == {"bron": "test"}
    with pytest.raises(ValueError):
        lees_geometrie(data[:-3])
    with pytest.raises(ValueError):
        lees_geometrie(b"GEENKAART" + data[9:])


# --- the bundled file ------------------------------------------------------------------


def test_gebundeld_bestand_is_klein_en_compleet(geo):
    assert gebundeld_pad().stat().st_size < 1_500_000
    assert len(geo.postcodes) > 4000
    assert geo.postcodes == sorted(geo.postcodes)
    assert "Bron: CBS" in geo.meta["bron_kort"]
    # What the 2020 outlines lack is known and named, not silently dropped.
    assert "1099" not in geo.index and "6236" not in geo.index
    assert set(geo.meta["weggelaten"]) == {"1623", "4196", "5028"}
    tabel = lidmaatschap("vo")
    ontbreekt = sorted(pc for pc in tabel if pc not in geo.index)
    assert "1099" in ontbreekt and "6236" in ontbreekt and len(ontbreekt) < 30


def test_bogen_zijn_geldig(geo):
    n = len(geo.postcodes)
    for (xs, ys), links, rechts in zip(geo.bogen, geo.links, geo.rechts, strict=True):
        assert len(xs) == len(ys) >= 2
        assert links != rechts
        assert links == BUITEN or 0 <= links < n
        assert rechts == BUITEN or 0 <= rechts < n
        assert all(isinstance(v, int) for v in xs[:3] + ys[:3])
    # Within the Netherlands (RD New metres).
    kaders = geo.kaders
    assert min(k[0] for k in kaders) > 10_000 and max(k[2] for k in kaders) < 280_000
    assert min(k[1] for k in kaders) > 300_000 and max(k[3] for k in kaders) < 620_000


def test_elke_postcode_sluit_en_heeft_zijn_oppervlakte(geo):
    per_pc = ringen_per_groep(geo, list(range(len(geo.postcodes))))
    assert len(per_pc) == len(geo.postcodes)
    for i, rs in per_pc.items():
        for xs, ys in rs:
            assert (xs[0], ys[0]) == (xs[-1], ys[-1])
        opp = sum(oppervlakte(xs, ys) for xs, ys in rs)
        assert opp == pytest.approx(geo.oppervlakte[i], abs=1.0), geo.postcodes[i]


def test_buren_delen_hun_grens(geo):
    # Each border between two PC4s is drawn by both: the same points, opposite ways.
    gedeeld = [a for a, (li, re) in enumerate(zip(geo.links, geo.rechts, strict=True))
               if li != BUITEN and re != BUITEN]
    assert len(gedeeld) > 10_000
    for a in gedeeld[::97]:
        li, re = geo.links[a], geo.rechts[a]
        xs, ys = geo.bogen[a]
        stukken = list(itertools.pairwise(zip(xs, ys, strict=True)))

        def randen(i):
            uit = set()
            for rx, ry in ringen(geo, {i}):
                punten = list(zip(rx, ry, strict=True))
                uit.update(itertools.pairwise(punten))
            return uit

        links, rechts = randen(li), randen(re)
        assert all(s in links for s in stukken)
        assert all((q, p) in rechts for p, q in stukken)


def test_geen_gaten_en_geen_overlap(geo):
    """Every pixel centre in the country lies in exactly one PC4: the sum of the PC4s,
    each filled alone, equals the country filled as a whole, pixel for pixel. At the
    stored resolution over a window, and thinned as for a terminal map over the whole
    country."""
    for kader, stap, dun in (
        ((118_000, 478_000, 128_000, 490_000), 25.0, 0.0),  # Amsterdam, 25 m pixels
        ((10_000, 305_000, 282_000, 620_000), 800.0, 600.0),  # whole country, thinned
    ):
        x0, y0, x1, y1 = kader
        b, h = int((x1 - x0) / stap), int((y1 - y0) / stap)
        bogen = dun_uit(geo, dun)
        telling = [0] * (b * h)
        geheel = Raster(x0, y1, stap, b, h)
        geheel.vul(ringen(geo, set(range(len(geo.postcodes))), bogen), 1)
        for rs in ringen_per_groep(geo, list(range(len(geo.postcodes))), bogen).values():
            # Fill each PC4 on a small grid over its own box, aligned with the big one.
            if not rs:  # thinned to nothing: a PC4 far smaller than a pixel
                continue
            k0 = max(0, int((min(min(xs) for xs, _ in rs) - x0) // stap))
            k1 = min(b, int((max(max(xs) for xs, _ in rs) - x0) // stap) + 1)
            r0 = max(0, int((y1 - max(max(ys) for _, ys in rs)) // stap))
            r1 = min(h, int((y1 - min(min(ys) for _, ys in rs)) // stap) + 1)
            if k0 >= k1 or r0 >= r1:
                continue
            klein_raster = Raster(x0 + k0 * stap, y1 - r0 * stap, stap, k1 - k0, r1 - r0)
            klein_raster.vul(rs, 1)
            for p, v in enumerate(klein_raster.pix):
                if v:
                    rij, kolom = divmod(p, k1 - k0)
                    telling[(r0 + rij) * b + k0 + kolom] += 1
        assert max(telling) == 1, "overlap"
        assert telling == geheel.pix, "gat"
        assert sum(telling) > 0.35 * b * h


def test_kleuren_van_buren_verschillen(geo):
    for sector in ("po", "vo"):
        indeling = deel_in(geo, lidmaatschap(sector))
        codes = [c for c in indeling.leden if c]
        kleur = kleur_graaf(codes, indeling.buren)
        for c in codes:
            for buur in indeling.buren[c]:
                assert kleur[c] != kleur[buur], (c, buur)
        assert max(kleur.values()) < 10  # within the palette
        assert sum(len(v) for v in indeling.buren.values()) > 2 * len(codes)


def test_dunner_maken_houdt_eindpunten_en_deelt_punten(geo):
    dun = dun_uit(geo, 500.0)
    assert sum(len(xs) for xs, _ in dun) < 0.5 * geo.aantal_punten
    for (xs, ys), (dx, dy) in zip(geo.bogen, dun, strict=True):
        assert (dx[0], dy[0], dx[-1], dy[-1]) == (xs[0], ys[0], xs[-1], ys[-1])
        if (xs[0], ys[0]) == (xs[-1], ys[-1]):
            assert len(dx) >= 4  # a closed loop stays a ring
    assert Counter(len(xs) >= 2 for xs, _ in dun) == Counter({True: len(dun)})


# --- the build --------------------------------------------------------------------------


@pytest.mark.skipif(importlib.util.find_spec("shapely") is None, reason="shapely ontbreekt")
@pytest.mark.skipif(not (BRONNEN / "cbs-pc4-vlakken-2020").is_dir(), reason="geen bronnen")
def test_bouwen_is_reproduceerbaar(tmp_path):
    """Rebuilding from the sources gives the bundled file byte for byte (about 90 s)."""
    from passend_cli.kaart.bouwen import bouw

    verslag = bouw(BRONNEN, tmp_path)
    assert verslag.pad.read_bytes() == gebundeld_pad().read_bytes()
    assert verslag.postcodes == laad_geometrie().postcodes
    assert "1623" in verslag.weggelaten
    assert "postcodes: 1011 1012" in verslag.tekst()
