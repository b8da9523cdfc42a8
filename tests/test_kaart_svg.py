"""The SVG map and its contract: RD metres with y negated, one element per SWV with
``data-code`` and ``<title>``, straight lines only, legend and source, size."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest

from passend_cli import kaart
from passend_cli.kaart.geometrie import laad_geometrie
from tests.kaartdata import lidmaatschap, namen

NS = {"s": "http://www.w3.org/2000/svg"}



@pytest.fixture(scope="module")
def nl_vo() -> str:
    return kaart.svg(lidmaatschap("vo"), namen(), titel="Samenwerkingsverbanden VO")


@pytest.fixture(scope="module")
def vo_gekozen() -> str:
    return kaart.svg(lidmaatschap("vo"), namen(), gekozen="VO2103", markeer=["8551", "8552"])


def ringen_uit_pad(d: str) -> list[list[tuple[float, float]]]:
    """Parse path data with M/L/H/V/Z (absolute or relative, implicit repeats)."""
    tokens = re.findall(r"[A-Za-z]|-?\d+(?:\.\d+)?(?:e-?\d+)?", d)
    assert all(t in "MLHVZmlhvz" for t in tokens if t.isalpha()), "alleen M, L, H, V, Z"
    ringen: list[list[tuple[float, float]]] = []
    x = y = 0.0
    start = (0.0, 0.0)
    cmd = ""
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.isalpha():
            cmd = t
            i += 1
            if cmd in "Zz":
                ringen[-1].append(start)
                x, y = start
                continue
        if cmd in "Mm":
            dx, dy = float(tokens[i]), float(tokens[i + 1])
            i += 2
            x, y = (x + dx, y + dy) if cmd == "m" else (dx, dy)
            start = (x, y)
            ringen.append([(x, y)])
            cmd = "l" if cmd == "m" else "L"  # following pairs are line-tos
        elif cmd in "Ll":
            dx, dy = float(tokens[i]), float(tokens[i + 1])
            i += 2
            x, y = (x + dx, y + dy) if cmd == "l" else (dx, dy)
            ringen[-1].append((x, y))
        elif cmd in "Hh":
            v = float(tokens[i])
            i += 1
            x = x + v if cmd == "h" else v
            ringen[-1].append((x, y))
        elif cmd in "Vv":
            v = float(tokens[i])
            i += 1
            y = y + v if cmd == "v" else v
            ringen[-1].append((x, y))
        else:
            raise AssertionError(f"onverwacht {t!r}")
    return ringen


def winding(ringen, px: float, py: float) -> int:
    w = 0
    for ring in ringen:
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            if y1 <= py < y2 or y2 <= py < y1:
                x = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
                if x > px:
                    w += 1 if y2 > y1 else -1
    return w


def elementen(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    uit = {}
    for el in root.iter():
        code = el.get("data-code")
        if code:
            assert code not in uit, f"{code} twee keer"
            uit[code] = el
    return uit


def test_svg_is_xml_met_rd_viewbox(nl_vo):
    root = ET.fromstring(nl_vo)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    assert (x, y) == (0, -625000)
    assert y + h == -300000
    assert 290000 < w < 600000  # the map and a legend beside it
    assert root.find("s:title", NS).text == "Samenwerkingsverbanden VO"


def test_elk_swv_een_element_met_titel(nl_vo):
    els = elementen(nl_vo)
    verwacht = {c for c in lidmaatschap("vo").values() if c}
    assert set(els) == verwacht
    alle_namen = namen()
    for code, el in els.items():
        assert el.tag.endswith("path")
        titel = el.find("s:title", NS)
        assert titel is not None and titel.text.startswith(code)
        if alle_namen.get(code):
            assert alle_namen[code] in titel.text
        assert "gekozen" not in (el.get("class") or "")


def test_alleen_rechte_lijnen(nl_vo, vo_gekozen):
    for svg in (nl_vo, vo_gekozen):
        for d in re.findall(r' d="([^"]*)"', svg):
            assert re.fullmatch(r"[MLHVZmlhvz0-9 .,\-]*", d), d[:80]
        assert "<circle" not in svg and "<ellipse" not in svg


def test_legenda_en_bron_in_het_plaatje(nl_vo):
    root = ET.fromstring(nl_vo)
    teksten = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert any(t.startswith("Bron: CBS") for t in teksten)
    assert "Legenda" in teksten
    assert any(t.startswith("VO2705 ") for t in teksten)
    assert root.find(".//s:g[@id='legenda']", NS) is not None


def test_buren_hebben_verschillende_kleuren(nl_vo):
    from passend_cli.kaart.vlakken import deel_in

    els = elementen(nl_vo)
    indeling = deel_in(laad_geometrie(), lidmaatschap("vo"))
    for code, buren in indeling.buren.items():
        for buur in buren:
            assert els[code].get("fill") != els[buur].get("fill"), (code, buur)
    assert len({el.get("fill") for el in els.values()}) >= 4


@pytest.mark.parametrize("sector", ["po", "vo"])
def test_punt_van_elke_postcode_ligt_in_zijn_swv(sector):
    """The inner point of every PC4 lies inside its SWV's element and no other."""
    lid = lidmaatschap(sector)
    svg = kaart.svg(lid, namen())
    assert len(svg.encode()) <= 2_500_000
    els = elementen(svg)
    ringen = {code: ringen_uit_pad(el.get("d")) for code, el in els.items()}
    geo = laad_geometrie()
    # A sample across the country, plus the places the issue names.
    monster = sorted(set(geo.postcodes[::37]) | {"8551", "1011", "9711", "6211", "4331"})
    for pc in monster:
        code = lid.get(pc)
        if not code:
            continue
        x, y = geo.labelpunten[geo.index[pc]]
        binnen = [c for c, rs in ringen.items() if winding(rs, x, -y) != 0]
        assert binnen == [code], (pc, code, binnen)


def test_gekozen_en_markering(vo_gekozen):
    els = elementen(vo_gekozen)
    gekozen = [c for c, el in els.items() if "gekozen" in (el.get("class") or "").split()]
    assert gekozen == ["VO2103"]
    assert 'class="gezocht"' in vo_gekozen and 'class="speld"' in vo_gekozen
    assert "gezocht: 8551, 8552" in vo_gekozen
    # The chosen area is drawn last, on top of its neighbours.
    volgorde = [m for m in re.findall(r'data-code="([A-Z0-9]+)"', vo_gekozen)]
    assert volgorde[-1] == "VO2103"


def test_uitsnede_blijft_in_rd_meters():
    svg = kaart.svg(lidmaatschap("vo"), namen(), gekozen="VO2705", uitsnede=True, titel="x")
    root = ET.fromstring(svg)
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    geo = laad_geometrie()
    px, py = geo.labelpunten[geo.index["2011"]]  # Haarlem, in VO2705
    assert x < px < x + w and y < -py < y + h
    assert w < 150_000 and h < 150_000
    els = elementen(svg)
    assert "VO2705" in els and len(els) < 30
    assert winding(ringen_uit_pad(els["VO2705"].get("d")), px, -py) != 0


def test_ontbrekende_postcodes_in_de_noten(nl_vo):
    # 1099 and 6236 are in the table but not in the 2020 outlines.
    assert "1099 (VO2709)" in nl_vo and "6236 (VO3104)" in nl_vo


def test_onbekend_gekozen_geeft_valueerror():
    with pytest.raises(ValueError, match="VO9999"):
        kaart.svg(lidmaatschap("vo"), namen(), gekozen="VO9999")


def test_svg_is_deterministisch():
    lid = lidmaatschap("po")
    assert kaart.svg(lid, namen(), gekozen="PO2101") == kaart.svg(lid, namen(), gekozen="PO2101")
