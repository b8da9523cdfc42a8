"""The curated contact facts and known changes of the SWVs: the tables in
``samenstellen/contactfeiten.py`` refer to what exists in the source, the bundle follows
them, and the Dutch texts are our own words with no invented date."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from passend_cli import formaat, zoeken
from passend_cli import verbanden as weergave
from passend_cli.dataset import Dataset
from passend_cli.opslag import gebundelde_map
from passend_cli.samenstellen import verbanden
from passend_cli.samenstellen.contactfeiten import (
    BRONNEN_WEG,
    CONTACTCURATIE,
    CONTACTVELDEN,
    WIJZIGINGEN,
)
from passend_cli.samenstellen.rijen import BouwFout

BRONNEN = Path(__file__).resolve().parents[2] / "shared" / "sources"
WEBPAGINAS = BRONNEN / "swv-webpages"
DOCPLAYER = "https://docplayer.nl/amp/55635661-Jaarverslag-samenwerkingsverband-ijssel-berkel.html"

bronnen_nodig = pytest.mark.skipif(not WEBPAGINAS.is_dir(), reason="../shared/sources ontbreekt")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return Dataset(gebundelde_map(), "meegeleverd")


@pytest.fixture(scope="module")
def bron() -> dict[str, dict[str, str]]:
    """The rows of swv_contacts.csv by code."""
    with open(WEBPAGINAS / "swv_contacts.csv", encoding="utf-8", newline="") as f:
        return {r["code"]: r for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def provenance() -> str:
    return (WEBPAGINAS / "PROVENANCE.md").read_text(encoding="utf-8")


def _rijen(stam: str) -> list[dict[str, str]]:
    tekst = gebundelde_map().joinpath(formaat.bestandsnaam(stam)).read_text("utf-8")
    return list(csv.DictReader(tekst.splitlines()))


# --- the tables refer to what exists ------------------------------------------------------


@bronnen_nodig
def test_contactcuratie_noemt_bestaande_codes_en_gevulde_velden(bron):
    for code, (velden, opmerking) in CONTACTCURATIE.items():
        assert code in bron, code
        assert velden or opmerking, f"{code}: een regel zonder gevolg"
        for veld in velden:
            assert veld in CONTACTVELDEN, (code, veld)
            assert bron[code][verbanden.BRONVELD[veld]].strip(), f"{code}: {veld} is al leeg"


@bronnen_nodig
def test_weggelaten_bronnen_staan_echt_bij_die_rij(bron):
    for code, url in BRONNEN_WEG:
        assert code in bron, code
        assert url in bron[code]["source_urls"].split(), (code, url)


@bronnen_nodig
def test_wijzigingen_noemen_bestaande_codes_en_een_bron_uit_hun_rij(bron):
    for w in WIJZIGINGEN:
        codes = str(w["swv"]).split()
        assert codes and all(c in bron for c in codes), w["swv"]
        urls = {u for c in codes for u in bron[c]["source_urls"].split()}
        assert w["bron"] in urls, w["swv"]


def test_de_bundel_volgt_de_contactcuratie(ds):
    for code, (velden, opmerking) in CONTACTCURATIE.items():
        v = ds.verbanden[code]
        assert v.opmerking == opmerking
        for veld in velden:
            assert getattr(v, veld) == "", (code, veld)
    for code, url in BRONNEN_WEG:
        assert url not in ds.verbanden[code].bronnen


def test_contact_bron_en_datum_alleen_bij_een_bekend_contactfeit(ds):
    for v in ds.verbanden.values():
        bekend = any(getattr(v, veld) for veld in CONTACTVELDEN)
        assert (v.contact_bron, v.contact_datum) == (
            ("webpagina's", "2026-12-01") if bekend else ("", "")
        ), v.code


# --- the misattributed source URL and the specific cases -----------------------------------


def test_docplayerpagina_van_ijssel_berkel_staat_bij_geen_ander_verband(ds):
    bij = {v.code for v in ds.verbanden.values() if DOCPLAYER in v.bronnen}
    assert bij <= {"PO2501"}  # the annual report of IJssel|Berkel


@bronnen_nodig
def test_alle_zes_rijen_met_de_docplayerpagina_zijn_behandeld(bron):
    met = {c for c, r in bron.items() if DOCPLAYER in r["source_urls"].split()}
    assert len(met) == 6
    assert {(c, DOCPLAYER) for c in met} <= BRONNEN_WEG


def test_o3_heeft_geen_eigen_website_maar_kind_op_1_als_opvolger(ds):
    o3 = ds.verbanden["PO2902"]
    assert o3.website == ""
    assert ds.verbanden["PO2901"].website == "https://www.swvkindop1.nl"
    opvolgers = [w for w in ds.wijzigingen_voor(verbanden=["PO2902"]) if w.soort == "opvolger"]
    assert [w.opvolger_naam for w in opvolgers] == ["Samenwerkingsverband Kind op 1"]
    assert opvolgers[0].datum == "" and opvolgers[0].opvolger_code == ""


def test_telefoon_van_het_aanmeldpunt_in_de_oost_achterhoek_is_gelabeld(ds):
    v = ds.verbanden["PO2502"]
    assert v.telefoon == "0543-512593" and v.email == "rap@swvoostachterhoek.nl"
    assert "Regionaal Aanmeldpunt" in v.opmerking


def test_hoeksche_waard_heeft_sinds_1_augustus_2018_een_opvolger(ds):
    (w,) = [w for w in ds.wijzigingen if w.swv == ("VO2810",)]
    assert (w.soort, w.datum, w.gemeenten) == ("opvolger", "2018-08-01", ("GM1963",))
    assert w.opvolger_naam == "Stichting Passend Voortgezet Onderwijs Hoeksche Waard"


def test_adres_van_een_webbureau_en_een_afgeleide_website_zijn_weg(ds):
    assert not any((ds.verbanden["PO2501"].straat, ds.verbanden["PO2501"].plaats))
    assert ds.verbanden["PO2703"].website == ""
    assert ds.verbanden["PO2703"].contact_bron == ""


def test_wat_niet_van_het_verband_zelf_is_heeft_een_opmerking(ds):
    for code, woord in [("PO2303", "loket"), ("VO2403", "ouder- en jeugdsteunpunt"),
                        ("PO2805", "aangesloten school"), ("VO3009", "PO- en het VO"),
                        ("PO2203", "afdeling Meppel"), ("PO2809", "alleen op de naam")]:
        assert woord in ds.verbanden[code].opmerking, code


# --- the changes -----------------------------------------------------------------------------


def test_elke_wijziging_heeft_een_soort_en_een_bron_uit_de_rij_van_haar_verband(ds):
    assert ds.wijzigingen
    for w in ds.wijzigingen:
        assert w.soort in verbanden.SOORTEN, w
        assert w.tekst and w.bron.startswith("http"), w
        assert any(w.bron in ds.verbanden[c].bronnen for c in w.swv), w
        assert bool(w.opvolger_naam) == (w.soort == "opvolger"), w
        assert re.fullmatch(r"(\d{4}(-\d{2}(-\d{2})?)?)?", w.datum), w


def test_wijzigingen_zijn_een_of_twee_zinnen(ds):
    for tekst in [w.tekst for w in ds.wijzigingen] + [v.opmerking for v in ds.verbanden.values()]:
        assert len(re.findall(r"[.?!](\s|$)", tekst)) <= 2, tekst


def test_elke_wijziging_staat_bij_de_verbanden_die_ze_noemt(ds):
    for w in ds.wijzigingen:
        for code in w.swv:
            assert w in weergave.verband(ds.verbanden[code], ds).wijzigingen, (code, w.tekst)


def test_naamwijzigingen_tonen_de_nieuwe_naam_en_vinden_de_oude(ds):
    naam = [w for w in WIJZIGINGEN if w["soort"] == "naam"]
    assert naam
    for w in naam:
        (code,) = str(w["swv"]).split()
        assert ds.verbanden[code].naam == w["naam_nu"]
        for oud in w["namen_eerder"]:
            assert zoeken.samenwerkingsverband(oud).code == code, oud


def test_de_bouw_weigert_een_wijziging_met_een_vreemde_bron(monkeypatch):
    from passend_cli.samenstellen.gemeenten import Namen

    contacten = [{"code": "PO2509", "source_urls": "https://a.example/"}]
    goed = {"datum": "2016", "swv": "PO2509", "gemeenten": "", "soort": "naam",
            "tekst": "Tekst.", "bron": "https://a.example/"}
    monkeypatch.setattr(verbanden, "WIJZIGINGEN", (goed,))
    assert verbanden.maak_wijzigingen(Namen([], {}), contacten)[0]["bron"] == goed["bron"]
    for fout in ({"bron": "https://b.example/"}, {"soort": "fusie"}, {"datum": "sept 2021"},
                 {"swv": "PO9999"}, {"soort": "opvolger"}):
        monkeypatch.setattr(verbanden, "WIJZIGINGEN", ({**goed, **fout},))
        with pytest.raises(BouwFout):
            verbanden.maak_wijzigingen(Namen([], {}), contacten)


# --- own words, no invented dates -------------------------------------------------------------


def _woorden(tekst: str) -> list[str]:
    return re.findall(r"\w+", tekst.lower())


def _reeksen(tekst: str, n: int = 8) -> set[tuple[str, ...]]:
    w = _woorden(tekst)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


@bronnen_nodig
def test_geen_tekst_deelt_acht_woorden_op_rij_met_de_bron(ds, bron, provenance):
    bekend = _reeksen(provenance)
    for r in bron.values():
        bekend |= _reeksen(r["note"])
    teksten = [w.tekst for w in ds.wijzigingen] + [v.opmerking for v in ds.verbanden.values()]
    for tekst in teksten:
        assert not _reeksen(tekst) & bekend, tekst


_MAANDEN = {1: "jan", 2: "feb", 3: "mar", 4: "apr", 5: "may", 6: "jun", 7: "jul", 8: "aug",
            9: "sep", 10: "oct", 11: "nov", 12: "dec"}


def _vermeldt(tekst: str, datum: str) -> bool:
    """Whether *tekst* (English notes) states *datum* (YYYY, YYYY-MM or YYYY-MM-DD)."""
    delen = [int(d) for d in datum.split("-")]
    if len(delen) == 1:
        return re.search(rf"\b{delen[0]}\b", tekst) is not None
    dag = rf"{delen[2]}\s+" if len(delen) == 3 else ""
    maand = _MAANDEN[delen[1]]
    return re.search(rf"\b{dag}{maand}[a-z]*\.?\s+{delen[0]}\b", tekst, re.IGNORECASE) is not None


def test_vermeldt_herkent_de_schrijfwijzen_van_de_notities():
    assert _vermeldt("to start on 1 Aug 2018", "2018-08-01")
    assert _vermeldt("stichting to vereniging Sept 2021", "2021-09")
    assert not _vermeldt("stichting to vereniging Sept 2021", "2021-10")
    assert not _vermeldt("on 11 Aug 2018", "2018-08-01")
    assert not _vermeldt("in 2016/2017", "2015")


@bronnen_nodig
def test_geen_verzonnen_datum(ds, bron, provenance):
    blokken = re.split(r"\n\s*\n|\n- ", provenance)
    for w in ds.wijzigingen:
        if not w.datum:
            continue
        teksten = [bron[c]["note"] for c in w.swv]
        teksten += [b for b in blokken if any(c in b for c in w.swv)]
        assert any(_vermeldt(t, w.datum) for t in teksten), (w.swv, w.datum)


# --- SOURCES.md -------------------------------------------------------------------------------


def test_sources_md_noemt_de_aantallen_van_de_bundel():
    from collections import Counter

    from passend_cli.bouw import BRONNEN_MD

    rijen = _rijen("samenwerkingsverbanden")
    n = {k: sum(bool(r[k]) for r in rijen) for k in (*CONTACTVELDEN, "opmerking")}
    tekst = " ".join(BRONNEN_MD.split())
    assert (f"{n['website']} van de {len(rijen)} samenwerkingsverbanden een website, "
            f"{n['straat']} een straat ({n['postcode']} met postcode), {n['plaats']} een "
            f"plaats, {n['email']} een e-mailadres en {n['telefoon']} een telefoonnummer; "
            f"{n['opmerking']} hebben een opmerking") in tekst
    for soort, aantal in Counter(r["soort"] for r in _rijen("wijzigingen")).items():
        assert f"`{soort}` ({aantal})" in tekst, soort
