"""Invariants of the bundled dataset and spot checks against the regulation."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from passend_cli import formaat
from passend_cli.dataset import Dataset
from passend_cli.normaliseer import basisnaam, normaliseer
from passend_cli.opslag import gebundelde_map

BRONNEN = Path(__file__).resolve().parents[2] / "shared" / "sources"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return Dataset(gebundelde_map(), "meegeleverd")


def test_342_gemeenten_met_code_naam_en_provincie(ds):
    assert len(ds.gemeenten) == 342
    for code, g in ds.gemeenten.items():
        assert code.startswith("GM") and len(code) == 6
        assert g.naam and g.provincie
    assert len({g.provincie for g in ds.gemeenten.values()}) == 12


def test_150_regionale_samenwerkingsverbanden(ds):
    sectoren = Counter(v.sector for v in ds.verbanden.values())
    assert sectoren == {"PO": 76, "VO": 74}
    for code, v in ds.verbanden.items():
        assert code[:2] == v.sector and code[2:].isdigit() and len(code) == 6


def test_alle_postcodes_van_de_regeling_en_geen_dubbele(ds):
    regeling = [p for p in ds.postcodes.values() if p.herkomst == "regeling"]
    assert len(regeling) == 4046
    # The loader keys a dict by PC4, so duplicates would vanish there: count the file.
    regels = (gebundelde_map() / "postcodes.csv").read_text(encoding="utf-8").splitlines()[1:]
    eerste_kolom = Counter(r.split(",", 1)[0] for r in regels)
    assert eerste_kolom.most_common(1)[0][1] == 1 and len(eerste_kolom) == len(ds.postcodes)
    for pc, p in ds.postcodes.items():
        assert pc.isdigit() and 1000 <= int(pc) <= 9999
        assert p.gemeente_code in ds.gemeenten


def test_elke_gemeente_heeft_po_en_vo(ds):
    for code in ds.gemeenten:
        sectoren = {d.verband.sector for d in ds.dekking_gemeente(code)}
        assert sectoren == {"PO", "VO"}, ds.gemeenten[code].naam


def test_elk_samenwerkingsverband_bestaat_en_dient_een_gemeente(ds):
    gebruikt = {p.po for p in ds.postcodes.values()} | {p.vo for p in ds.postcodes.values()}
    gebruikt.discard("")
    assert gebruikt == set(ds.verbanden)
    for code in ds.verbanden:
        assert ds.postcodes_per_verband[code], code


def test_europoort_zonder_samenwerkingsverband(ds):
    for pc in ("3197", "3198", "3199"):
        p = ds.postcodes[pc]
        assert (p.po, p.vo, p.herkomst) == ("", "", "regeling")
        assert ds.gemeenten[p.gemeente_code].naam == "Rotterdam"


def test_alleen_europoort_mist_een_samenwerkingsverband_in_de_regeling(ds):
    zonder = sorted(pc for pc, p in ds.postcodes.items()
                    if p.herkomst == "regeling" and not (p.po and p.vo))
    assert zonder == ["3197", "3198", "3199"]


@pytest.mark.parametrize(
    ("postcode", "gemeente", "po", "vo"),
    [
        ("1165", "Haarlemmermeer", "PO2704", "VO2705"),  # ex Haarlemmerliede en Spaarnwoude
        ("2132", "Haarlemmermeer", "PO2710", "VO2709"),
        ("1381", "Amsterdam", "PO2709", "VO2710"),  # Weesp, since 2022 in Amsterdam
        ("1011", "Amsterdam", "PO2707", "VO2708"),
        ("2051", "Bloemendaal", "PO2704", "VO2705"),
        ("5076", "Oisterwijk", "PO3005", "VO3005"),  # Haaren, split in 2021
        ("1631", "Koggenland", "PO2702", "VO2702"),
    ],
)
def test_steekproef_uit_de_regeling(ds, postcode, gemeente, po, vo):
    p = ds.postcodes[postcode]
    assert (ds.gemeenten[p.gemeente_code].naam, p.po, p.vo) == (gemeente, po, vo)


def test_gesplitste_gemeenten_krijgen_hun_opvolgers(ds):
    opvolgers = {v.naam: {ds.gemeenten[c].naam for c in v.opvolgers}
                 for v in ds.voormalige_gemeenten}
    assert opvolgers["Haaren"] == {"Boxtel", "Oisterwijk", "Tilburg", "Vught"}
    assert opvolgers["Littenseradiel"] == {"Leeuwarden", "Súdwest-Fryslân", "Waadhoeke"}
    assert opvolgers["Winsum"] == {"Het Hogeland", "Westerkwartier"}
    assert opvolgers["Weesp"] == {"Amsterdam"}
    assert opvolgers["Zeevang"] == {"Edam-Volendam"}
    assert opvolgers["Haarlemmerliede en Spaarnwoude"] == {"Haarlemmermeer"}


def test_voormalige_gemeenten_sinds_2013_met_datum_en_bestaande_opvolgers(ds):
    assert len(ds.voormalige_gemeenten) >= 99
    for v in ds.voormalige_gemeenten:
        assert v.einddatum >= "2013-01-01"
        assert v.opvolgers and all(c in ds.gemeenten for c in v.opvolgers)


def test_meeste_van_amsterdam_en_haarlemmermeer(ds):
    per: dict[str, Counter] = defaultdict(Counter)
    for p in ds.postcodes.values():
        per[ds.gemeenten[p.gemeente_code].naam][p.po] += 1
    assert per["Amsterdam"].most_common(1)[0][0] == "PO2707"
    assert per["Haarlemmermeer"].most_common(1)[0][0] == "PO2710"


def test_woonplaatsen_en_aliassen_wijzen_naar_bestaande_gemeenten(ds):
    assert len(ds.woonplaatsen) >= 2500
    for w in ds.woonplaatsen:
        assert w.gemeente_code in ds.gemeenten and set(w.ook_in) <= set(ds.gemeenten)
        for pc in w.postcodes:
            # A postal place may cross a gemeente border (Sibculo); never further.
            assert ds.postcodes[pc].gemeente_code in (w.gemeente_code, *w.ook_in)
    aliassen = {a: ds.gemeenten[c].naam for a, c in ds.aliassen}
    assert aliassen["Den Haag"] == "'s-Gravenhage"
    assert aliassen["Den Bosch"] == "'s-Hertogenbosch"
    assert aliassen["Hengelo (O.)"] == "Hengelo"
    assert aliassen["De Friese Meren"] == "De Fryske Marren"


def test_bergen_bestaat_twee_keer(ds):
    bergen = {ds.gemeenten[w.gemeente_code].naam for w in ds.woonplaatsen
              if w.officieel and basisnaam(normaliseer(w.naam)) == "bergen"}
    assert bergen == {"Bergen (NH.)", "Bergen (L.)"}


def test_onbekende_contactvelden_blijven_leeg(ds):
    # A name, where known, is backed by evidence and at least one source URL.
    for v in ds.verbanden.values():
        if v.naam:
            assert v.bewijs in {"code_on_page", "region_match"}, v.code
            assert v.bronnen, v.code
        for veld in (v.website, *v.bronnen):
            assert not veld or veld.startswith(("http://", "https://")), v.code


def test_metadata_noemt_peildata_aantallen_en_klopt_met_de_bestanden(ds):
    meta = ds.metadata
    assert meta["referentiedata"]["regio_indeling"] == "2015-04-23"
    assert meta["aantallen"]["gemeenten"] == 342
    assert formaat.controleer_map(gebundelde_map()) == []


def test_sources_md_noemt_elke_bron_met_licentie():
    tekst = gebundelde_map().joinpath("SOURCES.md").read_text(encoding="utf-8")
    for bron in ("BWBR0032324", "Tabel 33", "CBS", "GeoNames", "provinciequiz", "Wikipedia",
                 "swv_contacts.csv", "CC BY 4.0", "CC BY-SA", "Auteurswet"):
        assert bron in tekst


def test_csv_bestanden_zijn_gesorteerd_en_volgen_het_formaat():
    map_ = gebundelde_map()
    for stam, kolommen in formaat.BESTANDEN.items():
        regels = map_.joinpath(formaat.bestandsnaam(stam)).read_text("utf-8").splitlines()
        assert regels[0] == ",".join(kolommen)
    postcodes = [r.split(",")[0] for r in
                 map_.joinpath("postcodes.csv").read_text("utf-8").splitlines()[1:]]
    assert postcodes == sorted(postcodes)


@pytest.mark.skipif(not BRONNEN.is_dir(), reason="../shared/sources ontbreekt")
def test_opnieuw_bouwen_geeft_dezelfde_bestanden(tmp_path):
    from passend_cli.bouw import main

    assert main(["--sources", str(BRONNEN), "--out", str(tmp_path)]) == 0
    gebundeld = gebundelde_map()
    namen = [formaat.bestandsnaam(s) for s in formaat.BESTANDEN] + ["metadata.json", "SOURCES.md"]
    for naam in namen:
        assert (tmp_path / naam).read_bytes() == gebundeld.joinpath(naam).read_bytes(), naam


@pytest.mark.skipif(not BRONNEN.is_dir(), reason="../shared/sources ontbreekt")
def test_elke_postcode_van_de_regeling_staat_erin_met_dezelfde_codes(ds):
    from passend_cli.bronnen.publiek import lees_regeling

    for r in lees_regeling(BRONNEN):
        p = ds.postcodes[r.postcode]
        assert (p.po, p.vo, p.gemeente_2015) == (r.po, r.vo, r.gemeente)


def test_metadata_is_geldige_json():
    tekst = gebundelde_map().joinpath("metadata.json").read_text("utf-8")
    assert json.loads(tekst)["formaat"] == formaat.FORMAAT_VERSIE


def test_meerstad_9613_ligt_in_groningen(ds):
    # The regulation printed it under Slochteren (now Midden-Groningen); every other
    # source places it in Groningen since the border correction of 2017.
    p = ds.postcodes["9613"]
    assert (p.gemeente_code, p.po, p.vo, p.herkomst) == ("GM0014", "PO2001", "VO2002", "regeling")


@pytest.mark.parametrize(("pc4", "plaats"), [("9614", "Harkstede GN"), ("9622", "Lageland GN")])
def test_nieuwe_postcodes_die_beide_plaatslijsten_in_groningen_zetten(ds, pc4, plaats):
    p = ds.postcodes[pc4]
    assert (p.gemeente_code, p.herkomst) == ("GM0014", "afgeleid")
    assert any(w.naam == plaats and pc4 in w.postcodes for w in ds.woonplaatsen)


@pytest.mark.parametrize("pc4", ["1234", "5217"])
def test_geonames_tikfouten_blijven_buiten_de_tabel(ds, pc4):
    assert pc4 not in ds.postcodes  # 1234 "in Vaals", 5217 "in Den Haag"


@pytest.mark.parametrize(
    ("plaats", "hoofd", "ook_in", "postcodes"),
    [("Hoogersmilde", "GM1731", ("GM1701",), ("9423",)),
     ("Sibculo", "GM0160", ("GM1700",), ("7693",)),
     ("Vinkel", "GM0796", ("GM1721",), ("5381", "5382", "5383")),
     ("Weesp", "GM0363", (), ("1381", "1382", "1383", "1384"))],
)
def test_een_plaats_over_een_gemeentegrens_is_een_plaats(ds, plaats, hoofd, ook_in, postcodes):
    [w] = [w for w in ds.woonplaatsen if w.naam == plaats and w.officieel]
    assert (w.gemeente_code, w.ook_in, w.postcodes) == (hoofd, ook_in, postcodes)
