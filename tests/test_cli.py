"""What a user sees from ``passend zoek``, ``lijst``, ``toon`` and ``info``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from passend_cli.cli import app
from passend_cli.dataset import laad

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def zoek_json(*args: str) -> dict:
    resultaat = run("zoek", "--json", *args)
    assert resultaat.exit_code in (0, 1), resultaat.output
    return json.loads(resultaat.stdout)


def eerste(*args: str) -> dict:
    data = zoek_json(*args)
    assert data["resultaten"], f"niets gevonden voor {args}"
    return data["resultaten"][0]


def codes(resultaat: dict) -> dict[str, list[str]]:
    uit: dict[str, list[str]] = {"PO": [], "VO": []}
    for s in resultaat["samenwerkingsverbanden"]:
        uit[s["sector"]].append(s["code"])
    return uit


# --- zoek: every kind of query ---------------------------------------------------------


@pytest.mark.parametrize(
    ("zoekterm", "soort", "naam", "po", "vo"),
    [
        ("Haarlem", "gemeente", "Haarlem", ["PO2704"], ["VO2705"]),
        ("Overveen", "woonplaats", "Overveen", ["PO2704"], ["VO2705"]),
        ("2051", "postcode", "2051", ["PO2704"], ["VO2705"]),
        ("2051 AB", "postcode", "2051", ["PO2704"], ["VO2705"]),
        ("2051ab", "postcode", "2051", ["PO2704"], ["VO2705"]),
        ("2051-AB", "postcode", "2051", ["PO2704"], ["VO2705"]),
        ("1165", "postcode", "1165", ["PO2704"], ["VO2705"]),
        ("Weesp", "woonplaats", "Weesp", ["PO2709"], ["VO2710"]),
        ("Den Bosch", "gemeente", "'s-Hertogenbosch", ["PO3005"], ["VO3005"]),
        ("den haag", "gemeente", "'s-Gravenhage", ["PO2815"], ["VO2806"]),
        ("s Hertogenbosch", "gemeente", "'s-Hertogenbosch", ["PO3005"], ["VO3005"]),
        ("Zeevang", "voormalige gemeente", "Zeevang", ["PO2706"], ["VO2707"]),
        ("Nieuw Vennep", "woonplaats", "Nieuw-Vennep", ["PO2710"], ["VO2709"]),
        ("Hengelo (O.)", "gemeente", "Hengelo", ["PO2302"], ["VO2302"]),
    ],
)
def test_zoek_vindt_de_juiste_samenwerkingsverbanden(zoekterm, soort, naam, po, vo):
    r = eerste(zoekterm)
    assert (r["soort"], r["naam"]) == (soort, naam)
    assert codes(r) == {"PO": po, "VO": vo}


@pytest.mark.parametrize(
    ("zoekterm", "naam"),
    [("gemeente Haarlem", "Haarlem"), ("postcode 2051 AB", "2051"),
     ("woonplaats Overveen", "Overveen"), ("Samenwerkingsverband Qinas",
                                           "Samenwerkingsverband Qinas")],
)
def test_soortwoord_voor_de_naam_mag(zoekterm, naam):
    assert eerste(zoekterm)["naam"] == naam
    assert eerste(zoekterm)["score"] == 100.0


@pytest.mark.parametrize(
    "zoekterm", ["Súdwest-Fryslân", "Sudwest Fryslan", "súdwest fryslân", "Zuidwest-Friesland"]
)
def test_friese_en_nederlandse_namen_met_en_zonder_accenten(zoekterm):
    r = eerste(zoekterm)
    assert (r["soort"], r["naam"]) == ("gemeente", "Súdwest-Fryslân")


@pytest.mark.parametrize(
    ("zoekterm", "naam"),
    [("Harlem", "Haarlem"), ("Amsterdm", "Amsterdam"), ("Den Bosh", "'s-Hertogenbosch"),
     ("Groningn", "Groningen"), ("Zwole", "Zwolle")],
)
def test_typefouten_vinden_de_bedoelde_plaats(zoekterm, naam):
    r = eerste(zoekterm)
    assert r["naam"] == naam
    assert r["score"] < 90


@pytest.mark.parametrize("zoekterm", ["PO2707", "po 27-07", "PO-27.07", "po2707", "SWV PO 27 07"])
def test_swv_code_in_elke_schrijfwijze(zoekterm):
    r = eerste(zoekterm)
    assert r["soort"] == "samenwerkingsverband"
    assert r["gemeente"] is None
    assert [s["code"] for s in r["samenwerkingsverbanden"]] == ["PO2707"]


def test_regionummer_zonder_sector_geeft_po_en_vo():
    data = zoek_json("28-10")
    assert [r["samenwerkingsverbanden"][0]["code"] for r in data["resultaten"]] == [
        "PO2810", "VO2810"]


def test_gesplitste_gemeente_noemt_de_postcodes_per_samenwerkingsverband():
    r = eerste("Haarlemmermeer")
    per = {s["code"]: s["postcodes"] for s in r["samenwerkingsverbanden"]}
    assert set(per) == {"PO2710", "PO2704", "VO2709", "VO2705"}
    assert per["PO2704"] == ["1165", "2064", "2065"]
    assert "2132" in per["PO2710"]
    uitvoer = run("zoek", "Haarlemmermeer").stdout
    assert "passend zoek 1" in uitvoer  # suggests searching by postcode


def test_voormalige_gemeente_zegt_waar_ze_in_opging():
    r = eerste("Haarlemmerliede en Spaarnwoude")
    assert r["soort"] == "voormalige gemeente"
    assert r["toelichting"] == "voormalige gemeente, sinds 2019 onderdeel van Haarlemmermeer"
    assert r["gemeente"]["naam"] == "Haarlemmermeer"
    haaren = [x for x in zoek_json("Haaren")["resultaten"] if x["soort"] == "voormalige gemeente"]
    assert haaren
    assert "verdeeld over Boxtel, Oisterwijk, Tilburg en Vught" in haaren[0]["toelichting"]


def test_bergen_geeft_beide_bergens():
    data = zoek_json("Bergen")
    assert data["meerduidig"] is True
    assert {r["naam"] for r in data["resultaten"]} == {"Bergen (NH.)", "Bergen (L.)"}


def test_europoort_heeft_geen_samenwerkingsverband():
    r = eerste("3197")
    assert r["samenwerkingsverbanden"] == []
    assert any("geen PO-samenwerkingsverband" in o for o in r["opmerkingen"])


def test_bekende_wijziging_wordt_getoond_bij_de_hoeksche_waard():
    r = eerste("Hoeksche Waard")
    assert any("1 augustus 2018" in w["tekst"] for w in r["wijzigingen"])
    assert "1 augustus 2018" in run("zoek", "Hoeksche Waard").stdout


def test_sector_filter():
    r = eerste("--sector", "vo", "Haarlem")
    assert codes(r) == {"PO": [], "VO": ["VO2705"]}


def test_limiet_beperkt_het_aantal_resultaten():
    # "Sint" begins the names of dozens of places: none is the answer, two are listed.
    data = zoek_json("--limiet", "2", "Sint")
    assert len(data["resultaten"]) == 2 and data["meerduidig"] is True


# --- the JSON contract -----------------------------------------------------------------


def test_json_contract_van_zoek():
    data = zoek_json("Overveen")
    assert data["zoekterm"] == "Overveen"
    r = data["resultaten"][0]
    assert {"soort", "naam", "score", "toelichting", "gemeente", "samenwerkingsverbanden"} <= set(r)
    assert r["soort"] in {"gemeente", "woonplaats", "voormalige gemeente", "postcode",
                          "samenwerkingsverband"}
    assert r["score"] == 100.0
    assert r["toelichting"] == "woonplaats in de gemeente Bloemendaal"
    assert r["gemeente"] == {"code": "GM0377", "naam": "Bloemendaal", "provincie": "Noord-Holland"}
    for s in r["samenwerkingsverbanden"]:
        assert set(s) == {"code", "sector", "naam", "website", "email", "telefoon", "adres",
                          "contact_bron", "contact_datum", "opmerking", "postcodes", "actueel"}
        assert set(s["adres"]) == {"straat", "postcode", "plaats"}
        assert s["postcodes"] is None and s["actueel"] is True
    assert [s["sector"] for s in r["samenwerkingsverbanden"]] == ["PO", "VO"]
    assert data["indeling"] == {
        "bron": "regeling regio-indeling 2015 met bekende wijzigingen", "datum": "2015-04-23",
        "wijzigingen_tot": "2026-12-01"}


def test_een_opgevolgd_samenwerkingsverband_komt_na_zijn_opvolger():
    r = eerste("Oud-Beijerland")
    vo = [s for s in r["samenwerkingsverbanden"] if s["sector"] == "VO"]
    assert [s["actueel"] for s in vo] == [True, False]
    assert vo[0]["code"] is None
    assert vo[0]["naam"] == "Stichting Passend Voortgezet Onderwijs Hoeksche Waard"
    assert vo[1]["code"] == "VO2810"
    assert vo[1]["opvolger"] == {
        "naam": "Stichting Passend Voortgezet Onderwijs Hoeksche Waard", "code": None,
        "sinds": "2018-08-01", "bron": "https://csgdewaard.nl/nieuws/1000-swv-passend-vo-hw"}
    tekst = run("zoek", "Oud-Beijerland").stdout
    assert tekst.index("Passend Voortgezet Onderwijs Hoeksche Waard") < tekst.index("VO2810")
    assert "tot 1 augustus 2018: VO2810" in tekst


def test_onbekende_velden_zijn_null():
    s = eerste("VO2705")["samenwerkingsverbanden"][0]
    assert s["website"] is None and s["adres"]["straat"] is None


def test_resultaten_zijn_gerangschikt_en_deterministisch():
    a = zoek_json("Haarlem")
    b = zoek_json("Haarlem")
    assert a == b
    scores = [r["score"] for r in a["resultaten"]]
    assert scores == sorted(scores, reverse=True)


# --- nothing found, errors and exit codes ----------------------------------------------


def test_niets_gevonden_is_exit_1_met_lege_lijst():
    resultaat = run("zoek", "--json", "xyzzyq")
    assert resultaat.exit_code == 1
    data = json.loads(resultaat.stdout)
    assert (data["zoekterm"], data["meerduidig"], data["resultaten"]) == ("xyzzyq", False, [])
    assert "Niets gevonden" in resultaat.stderr


def test_niets_gevonden_stelt_iets_voor():
    resultaat = run("zoek", "Haarlemmerdijkje")
    assert resultaat.exit_code == 1
    assert "Bedoelde u" in resultaat.stderr


def test_onbekende_postcode_is_exit_1():
    assert run("zoek", "1000").exit_code == 1


@pytest.mark.parametrize(
    "args",
    [["zoek"], ["zoek", "   "], ["zoek", "--foo", "x"], ["zoek", "--sector", "mbo", "x"],
     ["zoek", "--limiet", "0", "x"], ["lijst", "--provincie", "Atlantis"], ["toon"],
     ["lijst", "--json", "--csv"], ["onbekend"], ["zoek", "!!!"]],
)
def test_gebruiksfouten_geven_exit_2_en_een_nederlandse_zin(args):
    resultaat = run(*args)
    assert resultaat.exit_code == 2, resultaat.output
    assert resultaat.stderr.strip()
    assert "Traceback" not in resultaat.output
    assert "Error" not in resultaat.stderr and "Usage" not in resultaat.stderr


def test_zonder_argumenten_toont_hulp():
    resultaat = run()
    assert resultaat.exit_code == 0
    assert "zoek" in resultaat.stdout


@pytest.mark.parametrize("cmd", [[], ["zoek"], ["lijst"], ["toon"], ["info"], ["thema"]])
@pytest.mark.parametrize("vlag", ["-h", "--help"])
def test_hulp_in_het_nederlands_met_voorbeeld(cmd, vlag):
    resultaat = run(*cmd, vlag)
    assert resultaat.exit_code == 0
    assert "Voorbeeld" in resultaat.stdout


# --- lijst, toon, info, --version ------------------------------------------------------


def test_lijst_per_sector_en_provincie():
    vo = json.loads(run("lijst", "--sector", "vo", "--json").stdout)
    assert len(vo) == 74 and all(x["sector"] == "VO" for x in vo)
    gelderland = json.loads(run("lijst", "-s", "po", "--provincie", "gelderland", "--json").stdout)
    assert gelderland and all("Gelderland" in x["provincies"] for x in gelderland)
    # every Gelderland region (25xx) is there, and SWVs reaching into it from elsewhere
    assert {f"PO25{n:02d}" for n in range(1, 11)} <= {x["code"] for x in gelderland}
    friesland = json.loads(run("lijst", "--provincie", "Friesland", "--json").stdout)
    assert any(x["code"] == "PO2101" for x in friesland)


def test_lijst_als_csv():
    regels = run("lijst", "--csv").stdout.splitlines()
    assert regels[0].startswith("code,sector,naam,aantal_gemeenten")
    assert len(regels) == 151


def test_lijst_gepipet_is_platte_tekst():
    uitvoer = run("lijst").stdout
    assert "\x1b[" not in uitvoer
    assert uitvoer.splitlines()[1].startswith("PO2001\tPO\t")


def test_toon_vo2705_met_alle_gemeenten():
    data = json.loads(run("toon", "VO2705", "--json").stdout)
    assert data["code"] == "VO2705"
    gemeenten = {g["naam"]: g["postcodes"] for g in data["gemeenten"]}
    assert gemeenten["Haarlem"] is None
    assert gemeenten["Haarlemmermeer"] == ["1165", "2064", "2065"]
    uitvoer = run("toon", "vo 27-05").stdout
    assert "Haarlemmermeer" in uitvoer and "alleen postcodes 1165, 2064-2065" in uitvoer


def test_toon_op_naam_en_als_csv():
    assert "VO2810" in run("toon", "Koers", "VO").stdout
    regels = run("toon", "--csv", "PO2704").stdout.splitlines()
    assert regels[0] == "swv_code,gemeente_code,gemeente,provincie,postcodes"
    assert any(",Haarlemmermeer," in r and r.endswith("1165 2064 2065") for r in regels)


def test_toon_plaatsnaam_verwijst_naar_zoek():
    resultaat = run("toon", "Haarlem")
    assert resultaat.exit_code == 1
    assert "passend zoek" in resultaat.stderr and "PO2704" in resultaat.stderr


def test_toon_onbekende_code():
    resultaat = run("toon", "PO9999")
    assert resultaat.exit_code == 1
    assert "PO9999" in resultaat.stderr


def test_info_noemt_bron_peildata_en_aantallen():
    data = json.loads(run("info", "--json").stdout)
    assert data["herkomst"] == "meegeleverd"
    assert data["referentiedata"]["regio_indeling"] == "2015-04-23"
    assert data["aantallen"]["samenwerkingsverbanden"] == 150
    assert "2015-04-23" in run("info").stdout


def test_versie():
    for vlag in ("--version", "-V"):
        resultaat = run(vlag)
        assert resultaat.exit_code == 0
        assert resultaat.stdout.startswith("passend ") and "dataset 2026.1" in resultaat.stdout


# --- human output ----------------------------------------------------------------------


def test_zoek_gepipet_is_platte_tekst_met_contactgegevens():
    uitvoer = run("zoek", "Haarlemmermeer").stdout
    assert "\x1b[" not in uitvoer
    assert "PO2710" in uitvoer and "023-3030102" in uitvoer
    assert "Bedoelde u ook" not in run("zoek", "Overveen").stdout


def _zonder_opmaak(tekst: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", tekst)


@pytest.mark.parametrize("breedte", [40, 60, 80, 120, 200])
@pytest.mark.parametrize("args", [("zoek", "Haarlemmermeer"), ("zoek", "2132"),
                                  ("toon", "PO2710"), ("toon", "VO2705"),
                                  ("lijst", "--provincie", "Noord-Holland")])
def test_op_een_smalle_terminal_blijven_adressen_heel(monkeypatch, breedte, args):
    """URLs, e-mail addresses, codes and postcode ranges are never split inside, on any
    width: they can be copied from the terminal as they are."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", str(breedte))
    resultaat = run(*args)
    assert resultaat.exit_code == 0
    woorden = set(_zonder_opmaak(resultaat.stdout).replace("│", " ").replace(",", " ").split())
    ds = laad()
    codes = [c for c in ("PO2710", "VO2705", "PO2704", "VO2709") if c in resultaat.stdout]
    assert codes
    for code in codes:
        assert code in woorden
        v = ds.verbanden[code]
        if args[0] == "lijst" and breedte < 150:
            continue  # the narrow list shows no websites
        for token in (v.website,) if args[0] == "lijst" else (v.website, v.email):
            if token:
                assert token in woorden, (token, breedte)
    if args == ("zoek", "Haarlemmermeer"):
        assert "1435-1438" in woorden and "2151-2158" in woorden


def test_no_color_geeft_geen_kleurcodes(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    uitvoer = run("zoek", "Overveen").stdout
    assert "PO2704" in uitvoer
    assert "\x1b[3" not in uitvoer  # no colour codes (bold may remain)


def test_json_nooit_gekleurd(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    json.loads(run("zoek", "--json", "Overveen").stdout)
    json.loads(run("lijst", "--json").stdout)


# --- thema ------------------------------------------------------------------------------


def test_thema_zonder_onderwerp_toont_de_lijst():
    resultaat = run("thema")
    assert resultaat.exit_code == 0
    regels = resultaat.stdout.splitlines()
    assert len(regels) >= 12
    assert regels[0].startswith("samenwerkingsverband")
    lijst = json.loads(run("thema", "--json").stdout)
    assert {"slug", "titel", "samenvatting"} <= set(lijst[0])


@pytest.mark.parametrize(
    ("onderwerp", "slug"),
    [("tlv", "tlv"), ("toezicht", "toezicht"), ("gemeente", "gemeenten"), ("opr", "opr"),
     ("wettelijke taken", "wettelijke-taken"), ("toelaatbaarheidsverkaring", "tlv")],
)
def test_thema_op_onderwerp(onderwerp, slug):
    data = json.loads(run("thema", "--json", *onderwerp.split()).stdout)
    assert data["slug"] == slug
    assert set(data) == {
        "slug", "titel", "samenvatting", "tekst", "gerelateerd", "stand", "bronnen"}


def test_thema_gepipet_is_markdown_met_verwijzingen():
    uitvoer = run("thema", "tlv").stdout
    assert uitvoer.startswith("# ")
    assert "Zie ook:" in uitvoer and "passend thema " in uitvoer
    assert "\x1b[" not in uitvoer


def test_thema_op_een_terminal_wordt_opgemaakt(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    uitvoer = run("thema", "tlv").stdout
    assert "TLV" in uitvoer and not uitvoer.startswith("# ")


def test_onbekend_thema_is_exit_1_met_suggesties():
    resultaat = run("thema", "schoolbus")
    assert resultaat.exit_code == 1
    assert "Onbekend thema" in resultaat.stderr


def test_zoek_verwijst_naar_een_thema():
    assert "passend thema contact" in run("zoek", "Overveen").stdout


def test_toon_met_alleen_een_regionummer_noemt_beide_codes():
    resultaat = run("toon", "27-07")
    assert resultaat.exit_code == 1
    assert "PO2707" in resultaat.stderr and "VO2707" in resultaat.stderr
    assert eerste("27–07")["samenwerkingsverbanden"][0]["code"] == "PO2707"  # en dash


def test_toon_zonder_contactgegevens_geeft_de_volgende_stap():
    uitvoer = run("toon", "VO2705").stdout
    assert 'contactgegevens: nog niet bekend: zoek naar "Samenwerkingsverband Zuid ' \
        'Kennemerland" (VO 27-05),' in uitvoer
    assert "passend data update" in uitvoer
    assert "onbekend" not in uitvoer.split("provincies:")[0]  # no row of four "onbekend"
