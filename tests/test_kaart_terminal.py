"""The terminal map as the library renders it, at several widths, with and without
colour. (Running it through ``passend kaart`` is tested with the CLI.)"""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest

from passend_cli import kaart
from tests.kaartdata import lidmaatschap, namen

VO = lidmaatschap("vo")
NAMEN = namen()


def breedte_van(tekst: str) -> int:
    # Every character the map uses is one column wide (braille, blocks, box lines).
    assert all(unicodedata.east_asian_width(t) in ("N", "Na", "A") for t in tekst), tekst
    return len(tekst)


@pytest.mark.parametrize("breedte", [40, 60, 100, 160])
@pytest.mark.parametrize("kleur", [True, False])
def test_past_in_de_breedte(breedte, kleur):
    k = kaart.terminal(VO, NAMEN, gekozen="VO2103", markeer=["8551"], breedte=breedte,
                       kleur=kleur)
    assert k.breedte <= breedte and 8 <= k.hoogte <= 60
    assert len(k.regels) == k.hoogte
    for regel in k.regels:
        assert breedte_van("".join(t for t, _ in regel)) == k.breedte
        if not kleur:
            assert all(stijl is None for _, stijl in regel)
    for regel in k.legenda_regels():
        assert breedte_van("".join(t for t, _ in regel)) <= breedte
    tekst = k.tekst()
    regels = tekst.splitlines()
    assert all(breedte_van(r) <= k.breedte for r in regels[: k.hoogte])
    assert all(breedte_van(r) <= breedte for r in regels[k.hoogte : k.hoogte + len(k.legenda)])
    assert "VO2103" in tekst and "Bron: CBS, postcodegebieden 2020" in tekst


def test_zonder_kleur_dragen_tekens_het_onderscheid():
    k = kaart.terminal(VO, NAMEN, gekozen="VO2103", markeer=["8551"], breedte=100, kleur=False)
    kaartdeel = "\n".join(k.tekst().splitlines()[: k.hoogte])
    assert kaartdeel.count("▒") > 100  # the chosen area, shaded
    assert "◉" in kaartdeel  # the searched postcode
    assert re.search("[\u2801-\u28ff]", kaartdeel)  # braille borders
    assert "2103" in kaartdeel  # the area's number on the map
    legenda = k.tekst().splitlines()[k.hoogte + 1 :]
    assert legenda[0].startswith("▒▒ VO2103")
    assert any(r.startswith("◉░ gezocht: 8551") for r in legenda)
    assert next(i.rol for i in k.legenda) == "gekozen"
    assert {i.rol for i in k.legenda} >= {"gekozen", "buur", "gezocht"}


def test_met_kleur_stijlen_voor_rich():
    k = kaart.terminal(VO, NAMEN, gekozen="VO2103", breedte=100, kleur=True)
    stijlen = {s for regel in k.regels for _, s in regel if s}
    assert any("on #e4572e" in s for s in stijlen)
    assert all(re.fullmatch(r"(bold |dim)?(#[0-9a-f]{6})?( ?on #[0-9a-f]{6})?", s)
               for s in stijlen), stijlen
    # The uncoloured version is always the readable one.
    assert "▒" in k.tekst()
    # Segments merge runs of one style.
    assert all(a[1] != b[1] for regel in k.regels for a, b in itertools.pairwise(regel))


def test_inzet_van_nederland_bij_een_regio():
    k = kaart.terminal(VO, NAMEN, gekozen="VO2705", breedte=100, kleur=False)
    tekst = k.tekst()
    assert "┌" in tekst and "┘" in tekst and "█" in tekst
    heel = kaart.terminal(VO, NAMEN, gekozen="VO2705", breedte=100, kleur=False,
                          heel_nederland=True)
    assert "┌" not in heel.tekst()


def test_heel_nederland_zonder_keuze_toont_alle_swvs():
    k = kaart.terminal(VO, NAMEN, breedte=120, kleur=False, heel_nederland=True)
    codes = {i.code for i in k.legenda if i.rol == "buur"}
    verwacht = {c for c in VO.values() if c}
    assert len(codes) >= len(verwacht) - 3  # a few tiny areas may cover no cell
    assert "▒" not in "\n".join(k.tekst().splitlines()[: k.hoogte])
    assert "1099 (VO2709)" in " ".join(k.notities)
    assert "1099" in k.ontbreekt and "6236" in k.ontbreekt


def test_ontbrekende_postcodes_van_de_gekozen_swv():
    k = kaart.terminal(VO, NAMEN, gekozen="VO2709", breedte=80, kleur=False)
    assert "1099" in k.ontbreekt
    assert "6236" not in k.ontbreekt  # Beek is far away: not this map's business
    assert any("1099 (VO2709)" in n for n in k.notities)


def test_gezochte_postcode_zonder_vlak_staat_in_de_noten():
    k = kaart.terminal(VO, NAMEN, markeer=["1099"], gekozen="VO2709", breedte=80, kleur=False)
    assert "1099" in " ".join(k.notities)


def test_alleen_een_plaats_zoomt_naar_die_plaats():
    k = kaart.terminal(VO, NAMEN, markeer=["9711", "9712"], breedte=80, kleur=False)
    assert "◉" in k.tekst()
    assert k.legenda[-1].rol == "gezocht"
    assert not any(i.rol == "gekozen" for i in k.legenda)


def test_hoogte_is_begrensd():
    k = kaart.terminal(VO, NAMEN, breedte=160, kleur=False, heel_nederland=True, hoogte=30)
    assert k.hoogte <= 30 and k.breedte < 160


def test_deterministisch_en_onbekend():
    a = kaart.terminal(VO, NAMEN, gekozen="VO2510", breedte=90, kleur=True)
    b = kaart.terminal(VO, NAMEN, gekozen="VO2510", breedte=90, kleur=True)
    assert a.regels == b.regels and a.tekst() == b.tekst()
    with pytest.raises(ValueError, match="VO9999"):
        kaart.terminal(VO, NAMEN, gekozen="VO9999", breedte=80, kleur=False)


def test_volgt_het_lidmaatschap_zonder_nieuwe_geometrie():
    # Move Súdwest-Fryslân's 8551 to another SWV: the maps follow at once.
    anders = dict(VO, **{"8551": "VO2101"})
    k = kaart.terminal(anders, NAMEN, gekozen="VO2103", breedte=100, kleur=False)
    k0 = kaart.terminal(VO, NAMEN, gekozen="VO2103", breedte=100, kleur=False)
    assert k.tekst() != k0.tekst()
    svg = kaart.svg(anders, NAMEN)
    assert svg != kaart.svg(VO, NAMEN)


def test_importeert_geen_rich_of_typer():
    import subprocess
    import sys

    code = (
        "import sys, passend_cli.kaart as k, passend_cli.kaart.terminalkaart, "
        "passend_cli.kaart.svgkaart; "
        "print(any(m.split('.')[0] in ('rich', 'typer', 'shapely', 'numpy') "
        "for m in sys.modules))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert uit.stdout.strip() == "False"
