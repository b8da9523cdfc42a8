"""Finding the samenwerkingsverband by the child's school, as a user does it: through
``passend zoek``, ``toon --scholen``, ``lijst`` and ``koppel``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from passend_cli.cli import app
from tests.test_scholen import ECHTE_SCHOLEN

runner = CliRunner()


def zoek(term: str) -> dict:
    resultaat = runner.invoke(app, ["zoek", "--json", term])
    assert resultaat.exit_code in (0, 1), resultaat.output
    return json.loads(resultaat.stdout)


@pytest.mark.parametrize(("vraag", "code", "gelijk"), ECHTE_SCHOLEN)
def test_echte_scholen_via_zoek(vraag, code, gelijk):
    data = zoek(vraag)
    eerste = data["resultaten"][0]
    assert eerste["soort"] == "school"
    if gelijk is None:
        assert data["meerduidig"] is False
        assert eerste["school"]["code"] == code and eerste["score"] == 100.0
    else:  # equally good schools: listed with their places, or one answer if SWVs agree
        codes = [r["school"]["code"] for r in data["resultaten"]]
        assert code in codes
        if data["meerduidig"]:
            assert len(codes) == gelijk


def test_schoolresultaat_volgt_het_contract():
    r = zoek("OBS De Globe Haarlem")["resultaten"][0]
    assert r["school"]["code"] == "16NG00" and r["school"]["soort"] == "bo"
    assert r["scholenlijst"] == "ca. 2020"
    assert [s["code"] for s in r["samenwerkingsverbanden"]] == ["PO2704"]
    assert r["gemeente"]["naam"] == "Haarlem"
    assert r["opmerkingen"]  # how the SWV is known


@pytest.mark.parametrize(("code", "aantal"), [("16NG00", 1), ("16ng00", 1), ("16NG", 2)])
def test_schoolcodes(code, aantal):
    data = zoek(code)
    assert len(data["resultaten"]) == aantal
    assert all(r["school"]["code"].startswith("16NG") for r in data["resultaten"])


def test_veel_scholen_met_dezelfde_naam():
    data = zoek("De Regenboog")
    assert data["meerduidig"] is True and data["kandidaten"] > len(data["resultaten"]) >= 40
    tekst = runner.invoke(app, ["zoek", "De Regenboog"]).stdout
    assert "past bij" in tekst and "scholen" in tekst


@pytest.mark.parametrize("plaats", ["Haarlem", "Leiden", "Den Haag", "Overveen", "Weesp"])
def test_plaatsen_gaan_voor(plaats):
    assert zoek(plaats)["resultaten"][0]["soort"] != "school"


def test_vo_school_geeft_het_vo_samenwerkingsverband():
    r = zoek("Stedelijk Gymnasium Leiden")["resultaten"][0]
    assert [s["sector"] for s in r["samenwerkingsverbanden"]] == ["VO"]


def test_school_van_een_landelijk_samenwerkingsverband():
    data = zoek("Van Lodensteincollege Amersfoort")
    r = data["resultaten"][0]
    assert r["samenwerkingsverbanden"] == []
    assert any("landelijke" in o for o in r["opmerkingen"])


def test_toon_scholen():
    resultaat = runner.invoke(app, ["toon", "PO2704", "--scholen"])
    assert resultaat.exit_code == 0
    assert "OBS De Globe" in resultaat.stdout and "scholenlijst ca. 2020" in resultaat.stdout
    data = json.loads(runner.invoke(app, ["toon", "PO2704", "--scholen", "--json"]).stdout)
    assert data["code"] == "PO2704" and len(data["scholen"]) == data["aantal_scholen"] > 50
    rijen = list(csv.DictReader(io.StringIO(
        runner.invoke(app, ["toon", "PO2704", "--scholen", "--csv"]).stdout)))
    assert {r["swv_code"] for r in rijen} == {"PO2704"} and "16NG00" in {
        r["school_code"] for r in rijen}


def test_lijst_telt_de_scholen():
    data = json.loads(runner.invoke(app, ["lijst", "--json"]).stdout)
    assert all(x["aantal_scholen"] > 0 for x in data)
    assert sum(x["aantal_scholen"] for x in data) == 8208 - 30


def test_koppel_met_schoolcodes(tmp_path):
    pad = tmp_path / "leerlingen.csv"
    pad.write_text("leerling;brin\nA;16NG00\nB;20DP00\nC;99ZZ00\n", encoding="utf-8")
    resultaat = runner.invoke(app, ["koppel", str(pad)])
    assert resultaat.exit_code == 0
    rijen = list(csv.DictReader(io.StringIO(resultaat.stdout), delimiter=";"))
    assert (rijen[0]["po_code"], rijen[0]["match_soort"]) == ("PO2704", "school")
    assert rijen[1]["vo_code"] == "VO2801"
    assert rijen[2]["match_opmerking"] == "niet gevonden"
    assert "Kolom 'brin' gebruikt (schoolcodes)" in resultaat.stderr
