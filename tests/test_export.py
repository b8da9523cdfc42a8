"""``passend data export``: the lookup tables as CSV or JSON, and a join in another
engine (here SQLite) that gives the same answer as ``passend zoek``."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from passend_cli.cli import app
from passend_cli.opslag import gebundelde_map
from tests.kopie import bijgewerkte_kopie

runner = CliRunner()
TABELLEN = ["postcodes", "gemeenten", "woonplaatsen", "samenwerkingsverbanden", "scholen"]
AANTALLEN = json.loads((gebundelde_map() / "metadata.json").read_text("utf-8"))["aantallen"]


def _export(*args: str):
    r = runner.invoke(app, ["data", "export", *args])
    assert "Traceback" not in r.output
    return r


def _csv(tekst: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(tekst)))


@pytest.mark.parametrize("tabel", TABELLEN)
def test_elke_tabel_als_csv_en_als_json(tabel):
    als_csv = _export(tabel)
    assert als_csv.exit_code == 0, als_csv.output
    rijen = _csv(als_csv.stdout)
    als_json = _export(tabel, "--json")
    assert als_json.exit_code == 0, als_json.output
    objecten = json.loads(als_json.stdout)
    assert isinstance(objecten, list) and len(objecten) == len(rijen) == AANTALLEN[tabel]
    assert list(objecten[0]) == list(rijen[0])  # the same columns, in the same order
    assert _export(tabel, "--csv").stdout == als_csv.stdout


def test_postcodes_zijn_een_schone_tabel():
    rijen = {r["postcode"]: r for r in _csv(_export("postcodes").stdout)}
    assert list(next(iter(rijen.values()))) == [
        "postcode", "gemeente_code", "gemeente", "provincie", "po", "vo", "po_opvolger",
        "vo_opvolger", "herkomst", "gemeente_2015"]
    assert rijen["2011"] == {
        "postcode": "2011", "gemeente_code": "GM0392", "gemeente": "Haarlem",
        "provincie": "Noord-Holland", "po": "PO2704", "vo": "VO2705", "po_opvolger": "",
        "vo_opvolger": "", "herkomst": "regeling", "gemeente_2015": "Haarlem"}
    # A known successor is named where the regulation's code no longer serves.
    assert rijen["3261"]["vo"] == "VO2810"
    assert rijen["3261"]["vo_opvolger"] == "Stichting Passend Voortgezet Onderwijs Hoeksche Waard"
    assert (rijen["3197"]["po"], rijen["3197"]["vo"]) == ("", "")


def test_json_zegt_null_voor_onbekend_en_lijsten_als_lijst():
    postcodes = {o["postcode"]: o for o in json.loads(_export("postcodes", "--json").stdout)}
    assert postcodes["3197"]["po"] is None and postcodes["2011"]["po"] == "PO2704"
    gemeenten = {o["gemeente"]: o for o in json.loads(_export("gemeenten", "--json").stdout)}
    assert gemeenten["Haarlemmermeer"]["po"] == ["PO2704", "PO2710"]
    assert gemeenten["Haarlem"]["vo"] == ["VO2705"]
    verbanden = json.loads(_export("samenwerkingsverbanden", "--json").stdout)
    assert all(isinstance(v["actueel"], bool) for v in verbanden)


def test_meer_waarden_in_een_csv_cel_met_een_streep():
    gemeenten = {r["gemeente"]: r for r in _csv(_export("gemeenten").stdout)}
    assert gemeenten["Haarlemmermeer"]["po"] == "PO2704|PO2710"
    assert gemeenten["Haarlemmermeer"]["aantal_postcodes"] == "32"


def test_een_koppeling_in_sqlite_geeft_de_samenwerkingsverbanden(tmp_path):
    bestand = tmp_path / "postcodes.csv"
    r = _export("postcodes", "-o", str(bestand))
    assert r.exit_code == 0 and r.stdout == ""
    assert f"{AANTALLEN['postcodes']} rijen geschreven" in r.stderr
    db = sqlite3.connect(":memory:")
    with bestand.open(encoding="utf-8", newline="") as f:
        lezer = csv.reader(f)
        kop = next(lezer)
        db.execute(f"CREATE TABLE postcodes ({', '.join(kop)})")
        db.executemany(f"INSERT INTO postcodes VALUES ({', '.join('?' * len(kop))})", lezer)
    db.execute("CREATE TABLE leerlingen (id INTEGER, pc4 TEXT)")
    db.executemany("INSERT INTO leerlingen VALUES (?, ?)",
                   [(1, "2011"), (2, "1165"), (3, "1381"), (4, "0000"), (5, "3197")])
    uit = db.execute("""
        SELECT l.id, p.gemeente, p.po, p.vo
        FROM leerlingen AS l LEFT JOIN postcodes AS p ON p.postcode = l.pc4
        ORDER BY l.id
    """).fetchall()
    assert uit == [
        (1, "Haarlem", "PO2704", "VO2705"),
        (2, "Haarlemmermeer", "PO2704", "VO2705"),
        (3, "Amsterdam", "PO2709", "VO2710"),  # Weesp
        (4, None, None, None),  # no such PC4
        (5, "Rotterdam", "", ""),  # Europoort: the regulation names no SWV
    ]


def test_min_o_is_stdout_en_een_bestand_wordt_vervangen(tmp_path):
    assert _export("gemeenten", "-o", "-").stdout == _export("gemeenten").stdout
    bestand = tmp_path / "gemeenten.json"
    bestand.write_text("oud", encoding="utf-8")
    assert _export("gemeenten", "--json", "-o", str(bestand)).exit_code == 0
    assert len(json.loads(bestand.read_text("utf-8"))) == AANTALLEN["gemeenten"]
    assert [p.name for p in tmp_path.iterdir()] == ["gemeenten.json"]  # no temporary left


@pytest.mark.parametrize("tabel", ["postcode", "PO2704", "", "scholen;rm"])
def test_een_onbekende_tabel_is_een_gebruiksfout(tabel):
    r = _export(tabel)
    assert r.exit_code == 2 and r.stdout == ""
    assert "Kies uit: postcodes, gemeenten, woonplaatsen, samenwerkingsverbanden, scholen." \
        in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 2


def test_een_tabel_mag_met_hoofdletters():
    assert _export("Postcodes").stdout == _export("postcodes").stdout


def test_de_naam_van_een_tabel_met_een_tikfout_krijgt_een_suggestie():
    assert "Bedoelde u: gemeenten?" in _export("gemeentes").stderr


@pytest.mark.parametrize("args", [["postcodes", "--json", "--csv"], ["postcodes", "--xml"],
                                  []])
def test_verkeerd_gebruik_is_exitcode_2(args):
    r = _export(*args)
    assert r.exit_code == 2 and r.stderr.strip()


def test_een_map_als_uitvoer_is_een_gebruiksfout(tmp_path):
    r = _export("postcodes", "-o", str(tmp_path))
    assert r.exit_code == 2 and "is een map" in r.stderr


def test_de_hulp_noemt_de_tabellen_en_een_voorbeeld():
    r = runner.invoke(app, ["data", "export", "--help"])
    assert r.exit_code == 0
    assert "Voorbeeld: passend data export postcodes -o postcodes.csv" in r.stdout
    assert "--meegeleverd" in r.stdout and "samenwerkingsverbanden" in r.stdout


def test_het_commando_exporteert_de_actieve_of_de_meegeleverde_dataset(tmp_path):
    """A real run of the installed command, with a refreshed copy in the user's data
    directory in which PC4 2011 moved to PO2710."""
    bijgewerkte_kopie(tmp_path / "gebruiker")
    passend = Path(sys.executable).with_name("passend")
    env = {**os.environ, "PASSEND_DATA_DIR": str(tmp_path / "gebruiker")}

    def po_van_2011(*extra: str) -> str:
        r = subprocess.run([str(passend), "data", "export", "postcodes", *extra],
                           capture_output=True, text=True, env=env, timeout=60)
        assert r.returncode == 0, r.stderr
        return next(rij["po"] for rij in _csv(r.stdout) if rij["postcode"] == "2011")

    assert po_van_2011() == "PO2710"
    assert po_van_2011("--meegeleverd") == "PO2704"
