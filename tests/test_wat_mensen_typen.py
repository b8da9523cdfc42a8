"""What people actually type into ``passend zoek``, and what they must get: the right
place, or an honest "meerduidig" or "niets gevonden". One table, through the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from passend_cli.cli import app

runner = CliRunner()


def zoek(term: str) -> tuple[int, dict]:
    resultaat = runner.invoke(app, ["zoek", "--json", term])
    return resultaat.exit_code, json.loads(resultaat.stdout)


def _codes(r: dict) -> str:
    return " ".join(s["code"] for s in r["samenwerkingsverbanden"])


# (query, soort of the answer, its name, its gemeente code, its SWV codes)
EEN_ANTWOORD = [
    # Official woonplaatsen lead; hamlets of the 2020 list rank below them.
    ("Aalst", "woonplaats", "Aalst", "GM0297", "PO3005 VO3005"),
    ("Den Oever", "woonplaats", "Den Oever", "GM1911", "PO2701 VO2701"),
    ("Halfweg", "woonplaats", "Halfweg", "GM0394", "PO2704 VO2705"),
    ("Loo", "woonplaats", "Loo Gld", "GM0226", "PO2504 VO2504"),
    ("Driehuis", "woonplaats", "Driehuis NH", "GM0453", "PO2711 VO2705"),
    # A gemeente named like places elsewhere answers with the gemeente.
    ("Hengelo", "gemeente", "Hengelo", "GM0164", "PO2302 VO2302"),
    ("Rijswijk", "gemeente", "Rijswijk", "GM0603", "PO2815 VO2806"),
    ("Oosterhout", "gemeente", "Oosterhout", "GM0826", "PO3003 VO3003"),
    # Qualifiers select one place: gemeente, province, in any of the usual forms.
    ("Zevenhuizen (Zuidplas)", "woonplaats", "Zevenhuizen", "GM1892", "PO2814 VO2802"),
    ("Zevenhuizen Zuidplas", "woonplaats", "Zevenhuizen", "GM1892", "PO2814 VO2802"),
    ("Zevenhuizen, Zuidplas", "woonplaats", "Zevenhuizen", "GM1892", "PO2814 VO2802"),
    ("Zevenhuizen (gemeente Zuidplas)", "woonplaats", "Zevenhuizen", "GM1892", "PO2814 VO2802"),
    ("Zevenhuizen Westerkwartier", "woonplaats", "Zevenhuizen", "GM1969", "PO2001 VO2002"),
    ("Aalst Gld", "woonplaats", "Aalst", "GM0297", "PO3005 VO3005"),
    ("Aalst (Gld)", "woonplaats", "Aalst", "GM0297", "PO3005 VO3005"),
    ("Ruinen, De Wolden", "woonplaats", "Ruinen", "GM1690", "PO2203 VO2203"),
    ("Hengelo Gld", "woonplaats", "Hengelo (Gld)", "GM1876", "PO2503 VO2503"),
    ("Hengelo (Gld)", "woonplaats", "Hengelo (Gld)", "GM1876", "PO2503 VO2503"),
    ("Bergen NH", "gemeente", "Bergen (NH.)", "GM0373", "PO2703 VO2703"),
    ("Bergen (L.)", "gemeente", "Bergen (L.)", "GM0893", "PO3101 VO2507"),
    ("Rozenburg Rotterdam", "woonplaats", "Rozenburg", "GM0599", "PO2808 VO2812"),
    ("Den Hoorn Texel", "woonplaats", "Den Hoorn", "GM0448", "PO2701 VO2701"),
    ("Den Hoorn (Midden-Delfland)", "woonplaats", "Den Hoorn", "GM1842", "PO2802 VO2809"),
    ("Haren Oss", "woonplaats", "Haren", "GM0828", "PO3006 VO3006"),
    ("Harkstede (Midden-Groningen)", "woonplaats", "Harkstede", "GM1952", "PO2001 VO2002"),
    ("Oosterwolde Gld", "woonplaats", "Oosterwolde", "GM0269", "PO2305 VO2305"),
    # A place answers with its own postcodes, also where it crosses a gemeente border.
    ("Sibculo", "woonplaats", "Sibculo", "GM0160", "PO2304 VO2307"),
    ("Kloosterhaar", "woonplaats", "Kloosterhaar", "GM0160", "PO2304 VO2307"),
    ("Hoogersmilde", "woonplaats", "Hoogersmilde", "GM1731", "PO2201 VO2201"),
    ("Spier", "woonplaats", "Spier", "GM1731", "PO2201 VO2201"),
    ("Oudkarspel", "woonplaats", "Oudkarspel", "GM1980", "PO2703 VO2703"),
    ("Vinkel", "woonplaats", "Vinkel", "GM0796", "PO3005 VO3005"),
    ("Loo Gld", "woonplaats", "Loo Gld", "GM0226", "PO2504 VO2504"),
    ("Zennewijnen", "woonplaats", "Zennewijnen", "GM0281", "PO2508 VO2508"),
    ("Meerstad", "woonplaats", "Meerstad", "GM0014", "PO2001 VO2002"),
    ("Weesp", "woonplaats", "Weesp", "GM0363", "PO2709 VO2710"),
    # A city with its own answer leads its gemeente.
    ("Amsterdam", "woonplaats", "Amsterdam", "GM0363", "PO2707 VO2708"),
    ("Groningen", "woonplaats", "Groningen", "GM0014", "PO2001 VO2001"),
    ("Tilburg", "woonplaats", "Tilburg", "GM0855", "PO3004 VO3004"),
    ("Leeuwarden", "woonplaats", "Leeuwarden", "GM0080", "PO2101 VO2101"),
    ("Alphen aan den Rijn", "woonplaats", "Alphen aan den Rijn", "GM0484", "PO2813 VO2802"),
    ("Haarlem", "gemeente", "Haarlem", "GM0392", "PO2704 VO2705"),
    # What people paste: addresses, sentences, codes.
    ("1011 AB Amsterdam", "postcode", "1011", "GM0363", "PO2707 VO2708"),
    ("Kerkstraat 1, 2011 AB Haarlem", "postcode", "2011", "GM0392", "PO2704 VO2705"),
    ("2011AB HAARLEM", "postcode", "2011", "GM0392", "PO2704 VO2705"),
    ("NL-2011 AB", "postcode", "2011", "GM0392", "PO2704 VO2705"),
    ("wij wonen in Hoofddorp", "woonplaats", "Hoofddorp", "GM0394", "PO2710 VO2709"),
    ("ik woon in de gemeente Haarlem", "gemeente", "Haarlem", "GM0392", "PO2704 VO2705"),
    ("GM0392", "gemeente", "Haarlem", "GM0392", "PO2704 VO2705"),
    ("gm 0392", "gemeente", "Haarlem", "GM0392", "PO2704 VO2705"),
    ("gemeentecode 0392", "gemeente", "Haarlem", "GM0392", "PO2704 VO2705"),
    # The data fixes.
    ("9613", "postcode", "9613", "GM0014", "PO2001 VO2002"),
    ("9614", "postcode", "9614", "GM0014", "PO2001"),
    ("9622", "postcode", "9622", "GM0014", "PO2001"),
    # Typos within a couple of letters.
    ("Harlem", "gemeente", "Haarlem", "GM0392", "PO2704 VO2705"),
    ("Zwole", "gemeente", "Zwolle", "GM0193", "PO2305 VO2305"),
]


@pytest.mark.parametrize(("term", "soort", "naam", "gemeente", "codes"), EEN_ANTWOORD)
def test_een_antwoord(term, soort, naam, gemeente, codes):
    code, data = zoek(term)
    assert code == 0 and data["meerduidig"] is False
    r = data["resultaten"][0]
    assert (r["soort"], r["naam"], r["gemeente"]["code"], _codes(r)) == (
        soort, naam, gemeente, codes)


# (query, the gemeenten of the candidates, in any order)
MEERDUIDIG = [
    ("Zevenhuizen", {"GM1892", "GM1969"}),
    ("Rozenburg", {"GM0394", "GM0599"}),
    ("Den Hoorn", {"GM0448", "GM1842"}),
    ("Haren", {"GM0014", "GM0828"}),
    ("Bergen", {"GM0373", "GM0893"}),
    ("Harkstede", {"GM0014", "GM1952"}),
    ("Oosterwolde", {"GM0085", "GM0269"}),
    ("Ursem", {"GM0361", "GM1598"}),
    ("Spijk", {"GM0299", "GM1960", "GM1979"}),
]


@pytest.mark.parametrize(("term", "gemeenten"), MEERDUIDIG)
def test_een_naam_van_meer_plaatsen_is_meerduidig(term, gemeenten):
    code, data = zoek(term)
    assert code == 0 and data["meerduidig"] is True
    assert {r["gemeente"]["code"] for r in data["resultaten"]} == gemeenten


@pytest.mark.parametrize("term", ["Zevenhuizen", "Bergen"])
def test_meerduidig_als_tekst_zegt_hoe_te_kiezen(term):
    uitvoer = runner.invoke(app, ["zoek", term]).stdout
    assert f"'{term}' past bij" in uitvoer and "passend zoek \"" in uitvoer


# Far-off "corrections" are no answers: exit 1, and suggestions name their gemeente.
@pytest.mark.parametrize("term", ["Scheveningen", "Aken", "Xyzzyq", "Amstel dam dam"])
def test_geen_gok_bij_een_verre_tikfout(term):
    resultaat = runner.invoke(app, ["zoek", term])
    assert resultaat.exit_code == 1
    assert "Niets gevonden" in resultaat.stderr


def test_suggesties_noemen_hun_gemeente():
    resultaat = runner.invoke(app, ["zoek", "Scheveningen"])
    assert "Schingen (Waadhoeke)" in resultaat.stderr


def test_tikfout_is_gemarkeerd():
    _, data = zoek("Harlem")
    assert data["resultaten"][0]["score"] < 80
    assert "niet precies gevonden" in runner.invoke(app, ["zoek", "Harlem"]).stdout


# SWV codes and region numbers, in every spelling: zoek and toon read them alike.
@pytest.mark.parametrize("term", ["27 07", "27/07", "swv 27 07", "27-07", "27–07", "27.07"])
def test_regionummer_in_elke_schrijfwijze(term):
    _, data = zoek(term)
    assert [_codes(r) for r in data["resultaten"]] == ["PO2707", "VO2707"]
    toon = runner.invoke(app, ["toon", term])
    assert toon.exit_code == 1 and "PO2707" in toon.stderr and "VO2707" in toon.stderr


@pytest.mark.parametrize("term", ["PO2707", "po 27-07", "PO-27.07", "swv po 2707", "po27.07"])
def test_code_in_elke_schrijfwijze(term):
    _, data = zoek(term)
    assert [_codes(r) for r in data["resultaten"]] == ["PO2707"]
    assert runner.invoke(app, ["toon", "--json", term]).exit_code == 0


def test_postcode_en_plaats_die_elkaar_tegenspreken():
    _, data = zoek("2051 AB Amsterdam")
    r = data["resultaten"][0]
    assert (r["soort"], r["gemeente"]["naam"]) == ("postcode", "Bloemendaal")
    assert any("niet in Amsterdam" in o for o in r["opmerkingen"])


def test_de_stad_noemt_de_andere_delen_van_haar_gemeente():
    _, data = zoek("Amsterdam")
    assert any(o.startswith("De gemeente Amsterdam omvat ook Weesp")
               and "PO2709" in o and "VO2710" in o for o in data["resultaten"][0]["opmerkingen"])
    assert data["resultaten"][1]["soort"] == "gemeente"


def test_een_gemeentecode_in_toon_verwijst_naar_zoek():
    resultaat = runner.invoke(app, ["toon", "GM0392"])
    assert resultaat.exit_code == 1 and "passend zoek" in resultaat.stderr
