"""The Python API, through its public names only: what a script that does
``import passend_cli`` gets, and that it matches what ``passend … --json`` prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import passend_cli
from passend_cli import (
    NietGevonden,
    OngeldigeInvoer,
    gemeente,
    lijst,
    postcode,
    samenwerkingsverband,
    zoek,
)
from passend_cli.cli import app
from passend_cli.opslag import gebundelde_map
from tests.kopie import bijgewerkte_kopie

runner = CliRunner()
PAKKET = Path(passend_cli.__file__).resolve().parent


def _python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
        env={**os.environ, **env}, timeout=120,
    )


def _json(*args: str):
    r = runner.invoke(app, [*args, "--json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# --- importing is cheap ------------------------------------------------------------------


def test_importeren_leest_geen_data_en_laadt_geen_typer_rich_of_rapidfuzz():
    r = _python(f"""
        import sys
        geopend = []
        sys.addaudithook(lambda e, a: geopend.append(str(a[0])) if e == "open" else None)
        import passend_cli
        zwaar = sorted(m for m in sys.modules
                       if m.split(".")[0] in ("typer", "click", "rich", "rapidfuzz"))
        eigen = sorted(m for m in sys.modules if m.startswith("passend_cli"))
        data = [p for p in geopend
                if p.startswith(({str(PAKKET)!r}, {str(gebundelde_map())!r}))
                and not p.endswith(".pyc") and not p.endswith(".py")]
        print(zwaar, eigen, data)
    """)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[] ['passend_cli'] []"


def test_een_exacte_vraag_laadt_de_opdrachtregel_niet():
    r = _python("""
        import sys, passend_cli
        passend_cli.postcode("2011")
        passend_cli.zoek("Haarlem")
        print(sorted(m for m in sys.modules
                     if m.split(".")[0] in ("typer", "click", "rich", "rapidfuzz")))
    """)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_alle_publieke_namen_bestaan_en_meer_niet():
    for naam in passend_cli.__all__:
        assert getattr(passend_cli, naam) is not None, naam
        assert naam in dir(passend_cli)
    with pytest.raises(AttributeError):
        passend_cli.bestaat_niet  # noqa: B018
    assert issubclass(NietGevonden, LookupError) and issubclass(OngeldigeInvoer, ValueError)
    assert issubclass(NietGevonden, passend_cli.PassendFout)


# --- zoek: the same answer as `passend zoek --json` --------------------------------------


@pytest.mark.parametrize("term", ["Overveen", "Haarlemmermeer", "Oud-Beijerland", "2011 AB",
                                  "VO2705", "Zevenhuizen", "OBS De Globe Haarlem"])
def test_zoek_geeft_precies_de_json_van_de_opdrachtregel(term):
    assert zoek(term).als_dict() == _json("zoek", term)


def test_zoek_leest_zoals_de_json():
    uitkomst = zoek("Overveen")
    assert uitkomst.zoekterm == "Overveen" and uitkomst.meerduidig is False
    r = uitkomst.resultaten[0]
    assert (r.soort, r.naam, r.score) == ("woonplaats", "Overveen", 100.0)
    assert r.toelichting == "woonplaats in de gemeente Bloemendaal"
    assert (r.gemeente.code, r.gemeente.naam, r.gemeente.provincie) == (
        "GM0377", "Bloemendaal", "Noord-Holland")
    po, vo = r.samenwerkingsverbanden
    assert (po.code, po.sector, vo.code, vo.sector) == ("PO2704", "PO", "VO2705", "VO")
    assert po.naam == "Samenwerkingsverband 2704 Passend Onderwijs Zuid-Kennemerland"
    assert po.actueel is True and po.opvolger is None and po.postcodes is None


def _zelfde(record, dict_) -> None:
    """Every key of the JSON object reads the same as the record's attribute."""
    for sleutel, waarde in dict_.items():
        attribuut = getattr(record, sleutel)
        if hasattr(attribuut, "als_dict"):
            attribuut = attribuut.als_dict()
        elif isinstance(attribuut, tuple):
            attribuut = list(attribuut)
        assert attribuut == waarde, sleutel


@pytest.mark.parametrize("term", ["Haarlemmermeer", "Oud-Beijerland", "Overveen"])
def test_elk_samenwerkingsverband_leest_zoals_zijn_json(term):
    for r in zoek(term).resultaten:
        for d, als_json in zip(r.samenwerkingsverbanden, r.als_dict()["samenwerkingsverbanden"],
                               strict=True):
            _zelfde(d, als_json)
        _zelfde(r, {k: v for k, v in r.als_dict().items()
                    if k in ("soort", "naam", "toelichting", "gemeente")})


def test_een_opgevolgd_samenwerkingsverband_noemt_zijn_opvolger():
    [r] = zoek("Oud-Beijerland").resultaten[:1]
    vo = [d for d in r.samenwerkingsverbanden if d.sector == "VO"]
    assert [d.actueel for d in vo] == [True, False]
    assert vo[1].code == "VO2810" and vo[1].opvolger is not None
    assert vo[1].opvolger.sinds == "2018-08-01"
    assert vo[1].opvolger.code is None  # no source gives its code; never invented
    assert vo[0].code is None and vo[0].naam == vo[1].opvolger.naam


def test_een_gesplitste_gemeente_noemt_de_postcodes_per_samenwerkingsverband():
    r = zoek("Haarlemmermeer").resultaten[0]
    delen = {d.code: d.postcodes for d in r.samenwerkingsverbanden}
    assert delen["PO2704"] == ("1165", "2064", "2065")
    assert "2132" in delen["PO2710"]


def test_zoek_per_sector_en_met_limiet():
    r = zoek("Haarlem", sector="vo").resultaten[0]
    assert [d.code for d in r.samenwerkingsverbanden] == ["VO2705"]
    assert len(zoek("Hoorn", limiet=1).resultaten) >= 1
    assert zoek("Qwxzv").resultaten == []


@pytest.mark.parametrize("kwargs", [{"limiet": 0}, {"limiet": "5"}, {"limiet": True},
                                    {"sector": "mbo"}, {"dataset": "meegeleverd"}])
def test_zoek_weigert_onbruikbare_opties(kwargs):
    with pytest.raises(OngeldigeInvoer) as fout:
        zoek("Haarlem", **kwargs)
    assert str(fout.value)


@pytest.mark.parametrize("term", ["", "   ", None, 12])
def test_zoek_zonder_zoekterm_is_ongeldige_invoer(term):
    with pytest.raises(OngeldigeInvoer):
        zoek(term)


# --- exact look-ups ----------------------------------------------------------------------


@pytest.mark.parametrize("tekst", ["2011", "2011 AB", "2011ab", "NL-2011 AB"])
def test_postcode_in_elke_schrijfwijze(tekst):
    r = postcode(tekst)
    assert (r.soort, r.naam, r.gemeente.naam) == ("postcode", "2011", "Haarlem")
    assert [d.code for d in r.samenwerkingsverbanden] == ["PO2704", "VO2705"]
    assert r.als_dict() == _json("zoek", "2011")["resultaten"][0]


@pytest.mark.parametrize("tekst", ["Haarlem", "abc", "20111", "", None])
def test_geen_postcode_is_ongeldige_invoer(tekst):
    with pytest.raises(OngeldigeInvoer):
        postcode(tekst)


def test_een_onbekende_postcode_is_niet_gevonden():
    with pytest.raises(NietGevonden, match="1234"):
        postcode("1234")


@pytest.mark.parametrize("tekst", ["Haarlem", "haarlem", "GM0392", "gm 0392"])
def test_gemeente_op_naam_of_code(tekst):
    r = gemeente(tekst)
    assert (r.soort, r.naam, r.gemeente.code) == ("gemeente", "Haarlem", "GM0392")


def test_gemeente_kent_de_bekende_andere_namen():
    assert gemeente("Den Haag").gemeente.code == "GM0518"
    assert gemeente("Bergen (NH)").gemeente.provincie == "Noord-Holland"


def test_een_plaats_is_geen_gemeente_maar_wijst_de_weg():
    with pytest.raises(NietGevonden) as fout:
        gemeente("Overveen")
    assert fout.value.suggesties == ["Bloemendaal"]
    assert "woonplaats" in str(fout.value)


@pytest.mark.parametrize("tekst", ["GM9999", "Atlantis"])
def test_een_onbekende_gemeente_is_niet_gevonden(tekst):
    with pytest.raises(NietGevonden):
        gemeente(tekst)


def test_samenwerkingsverband_volledig_zoals_toon():
    v = samenwerkingsverband("vo 27-05")
    assert (v.code, v.sector, v.regiocode, v.actueel) == ("VO2705", "VO", "VO 27-05", True)
    assert v.naam == "Samenwerkingsverband Zuid Kennemerland"
    assert "Haarlem" in [g.naam for g in v.gemeenten]
    assert v.aantal_gemeenten == len(v.gemeenten) == 6
    assert v.als_dict() == _json("toon", "VO2705")


def test_een_plaats_is_geen_samenwerkingsverband():
    with pytest.raises(NietGevonden) as fout:
        samenwerkingsverband("Haarlem")
    assert fout.value.suggesties == ["PO2704", "VO2705"]


def test_lijst_per_sector_en_provincie():
    alle = lijst()
    assert len(alle) == 150 and alle == sorted(alle, key=lambda v: v.code)
    gelderland = lijst("po", "Gelderland")
    assert gelderland and all(v.sector == "PO" and "Gelderland" in v.provincies
                              for v in gelderland)
    assert [v.als_dict(volledig=False) for v in gelderland] == _json(
        "lijst", "--sector", "po", "--provincie", "Gelderland")


@pytest.mark.parametrize("kwargs", [{"sector": "hbo"}, {"provincie": "Atlantis"},
                                    {"provincie": 3}])
def test_lijst_weigert_een_onbekende_keuze(kwargs):
    with pytest.raises(OngeldigeInvoer):
        lijst(**kwargs)


# --- which dataset ------------------------------------------------------------------------


def test_meegeleverd_negeert_een_bijgewerkte_kopie(tmp_path):
    bijgewerkte_kopie(tmp_path)
    r = _python("""
        import json
        from passend_cli import Dataset, postcode, samenwerkingsverband, zoek
        codes = lambda r: [d.code for d in r.samenwerkingsverbanden]
        haarlem = lambda v: [g.postcodes for g in v.gemeenten if g.naam == "Haarlem"][0]
        vast = Dataset.meegeleverd()
        print(json.dumps({
            "actief": [Dataset.actief().herkomst, Dataset.actief().versie],
            "meegeleverd": [vast.herkomst, vast.versie],
            "zoek": codes(zoek("2011").resultaten[0]),
            "zoek_vast": codes(zoek("2011", dataset=vast).resultaten[0]),
            "postcode": codes(postcode("2011 AB")),
            "postcode_vast": codes(postcode("2011 AB", dataset=vast)),
            "haarlem": haarlem(samenwerkingsverband("PO2704")) is None,
            "haarlem_vast": haarlem(samenwerkingsverband("PO2704", dataset=vast)) is None,
        }))
    """, PASSEND_DATA_DIR=str(tmp_path))
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert uit["actief"] == ["bijgewerkt", "test-1"]
    assert uit["meegeleverd"][0] == "meegeleverd" and uit["meegeleverd"][1] != "test-1"
    assert uit["zoek"] == uit["postcode"] == ["PO2710", "VO2705"]
    assert uit["zoek_vast"] == uit["postcode_vast"] == ["PO2704", "VO2705"]
    # In the bundle PO2704 serves all of Haarlem; in the copy 2011 went elsewhere.
    assert (uit["haarlem_vast"], uit["haarlem"]) == (True, False)
