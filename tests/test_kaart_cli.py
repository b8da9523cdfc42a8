"""``passend kaart`` as a user runs it: the terminal map at several widths, with and
without colour, the SVG file and its contract, and the errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from passend_cli.cli import app

runner = CliRunner()
NS = {"s": "http://www.w3.org/2000/svg"}


def kaart(*args: str, breedte: int = 80, **env: str):
    return runner.invoke(app, ["kaart", *args], env={"COLUMNS": str(breedte), **env})


@pytest.mark.parametrize("breedte", [40, 60, 100, 160])
def test_terminalkaart_past_in_de_breedte(breedte):
    resultaat = kaart("VO2705", breedte=breedte)
    assert resultaat.exit_code == 0, resultaat.output
    regels = resultaat.stdout.splitlines()
    kaartregels = regels[: regels.index("")]
    assert kaartregels and all(len(r) <= breedte for r in kaartregels)
    assert "▒" in resultaat.stdout  # the chosen area, by characters alone when piped
    assert any(r.startswith("▒▒ VO2705") for r in regels)
    assert "Bron: CBS" in resultaat.stdout
    assert "\x1b[" not in resultaat.stdout


def test_gezochte_postcode_is_gemarkeerd():
    resultaat = kaart("2051", "--sector", "vo")
    assert resultaat.exit_code == 0
    assert "◉" in resultaat.stdout and "gezocht: 2051" in resultaat.stdout
    assert "▒▒ VO2705" in resultaat.stdout


def test_plaats_zonder_sector_toont_po():
    resultaat = kaart("Overveen")
    assert resultaat.exit_code == 0 and "▒▒ PO2704" in resultaat.stdout


def test_met_kleur_op_een_terminal(monkeypatch):
    resultaat = kaart("VO2705", breedte=100, FORCE_COLOR="1")
    assert resultaat.exit_code == 0 and "\x1b[" in resultaat.stdout
    zonder = kaart("VO2705", breedte=100, FORCE_COLOR="1", NO_COLOR="1")
    assert "\x1b[" not in zonder.stdout and "▒" in zonder.stdout


def test_heel_nederland():
    resultaat = kaart("--sector", "po", "--heel-nederland", breedte=100)
    assert resultaat.exit_code == 0 and "PO2001" in resultaat.stdout


def test_svg_bestand_volgt_het_contract(tmp_path):
    doel = tmp_path / "vo2705.svg"
    resultaat = kaart("VO2705", "--svg", str(doel))
    assert resultaat.exit_code == 0 and "Kaart geschreven naar" in resultaat.stderr
    wortel = ET.parse(doel).getroot()
    x, y, _, _ = (float(d) for d in wortel.get("viewBox").split())
    assert abs(x) < 50_000 and -630_000 < y < -600_000
    gekozen = [e for e in wortel.iter() if e.get("data-code") == "VO2705"]
    assert len(gekozen) == 1 and "gekozen" in gekozen[0].get("class", "").split()
    assert gekozen[0].find("s:title", NS) is not None
    tekst = "".join(wortel.itertext())
    assert "Bron: CBS" in tekst


def test_heel_nederland_vo_als_svg(tmp_path):
    doel = tmp_path / "nl-vo.svg"
    assert kaart("--sector", "vo", "--svg", str(doel)).exit_code == 0
    assert doel.stat().st_size <= 2.5 * 1024 * 1024
    codes = {e.get("data-code") for e in ET.parse(doel).getroot().iter() if e.get("data-code")}
    assert len(codes) == 74


def test_svg_naar_stdout():
    resultaat = kaart("PO2704", "--svg", "-")
    assert resultaat.exit_code == 0 and resultaat.stdout.lstrip().startswith("<")


@pytest.mark.parametrize(("args", "code", "tekst"), [
    ((), 2, "--sector"),
    (("xyzzyq",), 1, "Niets gevonden"),
    (("Zevenhuizen",), 1, "meer plaatsen"),
    (("PO2704", "--sector", "vo"), 2, "PO-samenwerkingsverband"),
])
def test_fouten(args, code, tekst):
    resultaat = kaart(*args)
    assert resultaat.exit_code == code and tekst in resultaat.stderr
    assert "Traceback" not in resultaat.output


def test_svg_naar_een_map_die_niet_bestaat(tmp_path):
    resultaat = kaart("VO2705", "--svg", str(tmp_path / "nergens" / "x.svg"))
    assert resultaat.exit_code == 2 and "Kan de kaart niet schrijven" in resultaat.stderr


def test_zoek_en_toon_wijzen_naar_de_kaart():
    assert "Kaart: passend kaart VO2705" in runner.invoke(app, ["toon", "VO2705"]).stdout
    assert "Kaart: passend kaart Overveen" in runner.invoke(app, ["zoek", "Overveen"]).stdout


def test_kaart_zegt_op_welke_indeling_ze_rust_en_wat_ze_niet_toont(tmp_path):
    resultaat = kaart("VO2810", breedte=100)
    assert resultaat.exit_code == 0
    assert "Gebieden volgens de regeling regio-indeling van 2015 (23 april 2015)." \
        in resultaat.stdout
    assert "Niet op de kaart, wel bekend: 1 augustus 2018: Sinds 1 augustus 2018 heeft de " \
        "Hoeksche Waard" in resultaat.stdout
    # A map of an SWV without such a change has the first line only.
    assert "wel bekend" not in kaart("PO2704", breedte=100).stdout
    svg = tmp_path / "vo.svg"
    assert kaart("--sector", "vo", "--svg", str(svg)).exit_code == 0
    assert "Niet op de kaart, wel bekend" in svg.read_text(encoding="utf-8")
