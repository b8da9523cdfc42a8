"""Schools: the readers, the build rules and the bundled table."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from passend_cli.bronnen import scholen as sb
from passend_cli.bronnen.scholen import Vestiging
from passend_cli.dataset import Dataset, gebundelde_map
from passend_cli.fouten import DataFout
from passend_cli.samenstellen.scholen import herleid_scholen, maak_scholen
from passend_cli.samenstellen.uit_duo import lees_rijen

BRONNEN = Path(__file__).resolve().parents[2] / "shared" / "sources"
met_bronnen = pytest.mark.skipif(not BRONNEN.is_dir(), reason="../shared/sources ontbreekt")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return Dataset(gebundelde_map(), "gebundeld")


@pytest.fixture(scope="module")
def basis():
    return lees_rijen(gebundelde_map())[0]


# --- readers of the lists of about 2020 ----------------------------------------------------


@met_bronnen
def test_basisscholen_2020_mojibake_hersteld_en_niets_weggelaten():
    namen = {"Súdwest-Fryslân", "Noardeast-Fryslân", "Haarlem"}
    po = sb.lees_po_2020(BRONNEN, namen)
    assert len(po.vestigingen) == 6589
    assert len(po.hersteld) == 92 and po.weggelaten == []
    per_code = {v.code: v for v in po.vestigingen}
    gemeenten = Counter(per_code[c].gemeente for c in po.hersteld)
    assert gemeenten == {"Súdwest-Fryslân": 55, "Noardeast-Fryslân": 37}
    assert not any(sb.verdacht(v.naam) or sb.verdacht(v.gemeente) for v in po.vestigingen)
    # A lone quote is dropped, the rest of the name kept.
    assert per_code["00AR00"].naam == "BS De Maasparel"
    assert sum('"' in v.naam for v in po.vestigingen) == 0
    assert Counter(v.soort for v in po.vestigingen) == {"bo": 6318, "sbo": 271}
    assert per_code["16NG00"] == Vestiging(
        "16NG00", "OBS De Globe", "bo", "", "2035 CT", "", "Haarlem", ""
    )


@met_bronnen
def test_basisscholen_2020_zonder_bekende_naam_wordt_de_rij_weggelaten():
    # Checked against names that do not include the Frisian gemeenten, no repair is
    # certain: those rows are dropped, not guessed.
    po = sb.lees_po_2020(BRONNEN, {"Haarlem"})
    assert len(po.weggelaten) == 92 and po.hersteld == []
    assert len(po.vestigingen) == 6589 - 92


@met_bronnen
def test_vestigingen_vo_2020_latin1_en_opvulling():
    vo = {v.code: v for v in sb.lees_vo_2020(BRONNEN)}
    assert len(vo) == 1619
    assert vo["18BR01"] == Vestiging(
        "18BR01", "School voor Praktijkonderwijs Assen", "vo", "Bosrand 2", "9401 SL",
        "ASSEN", "ASSEN", "GM0106",
    )
    namen = " ".join(v.naam for v in vo.values())
    assert "ë" in namen and "é" in namen  # ISO-8859-1 read as such
    assert vo["01KL00"].naam.startswith("Noordzee Onderwijs Groep")


@met_bronnen
def test_koppeling_2015():
    koppeling = sb.lees_koppeling_2015(BRONNEN)
    assert len(koppeling) == 1270
    assert Counter(c == "VO0001" for c in koppeling.values())[True] == 26
    assert koppeling["20LO00"].startswith("VO22")


def test_herstel_alleen_als_het_zeker_is():
    assert sb.herstel("S·dwest-FryslÔn", {"Súdwest-Fryslân"}) == "Súdwest-Fryslân"
    assert sb.herstel("S·dwest-FryslÔn", {"Haarlem"}) is None
    assert sb.herstel("Basisschool De Ã‰Ã©n") is None or not sb.verdacht(
        sb.herstel("Basisschool De Ã‰Ã©n")
    )
    assert sb.herstel("De Fontein") == "De Fontein"
    assert sb.herstel("Broeksterwâld") == "Broeksterwâld"
    assert sb.herstel("De \ufffdster") is None


def test_lees_po_2020_laat_een_onherstelbare_naam_weg(tmp_path):
    map_ = tmp_path / "scholen-po-2020"
    map_.mkdir()
    (map_ / "scholen_po.csv").write_text(
        "BRIN,vestigingsnaam,gemeente,postcode,type\n"
        "99XX00,De \ufffdster,Haarlem,2035CT,Bo\n"
        '99XX01,"BS ""De Ster",S·dwest-FryslÔn,8601ZP,Sbo\n',
        encoding="utf-8",
    )
    po = sb.lees_po_2020(tmp_path, {"Súdwest-Fryslân"})
    assert po.weggelaten == ["99XX00"] and po.hersteld == ["99XX01"]
    assert po.vestigingen == [
        Vestiging("99XX01", "BS De Ster", "sbo", "", "8601 ZP", "", "Súdwest-Fryslân", "")
    ]


# --- readers of DUO's current files (the refresh), on made-up files -----------------------

DUO_KOP = ("INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;"
           "POSTCODE;PLAATSNAAM;GEMEENTENAAM;PROVINCIE;DENOMINATIE")


def test_duo_vestigingenbo_puntkomma_latin1(tmp_path):
    pad = tmp_path / "vestigingenbo.csv"
    pad.write_bytes((
        f"{DUO_KOP}\r\n"
        "16NG;16NG00;OBS De Globe;Zonnebloemstraat  ;1  ;2035 CT;HAARLEM;HAARLEM;Noord-Holland;"
        "Openbaar\r\n"
        '99ZZ;99ZZ01;"SBO ""Het Baken""";Kerkstraat;2-a;1234ab;LEEUWARDEN;LEEUWARDEN;Fryslân;'
        "Openbaar\r\n"
    ).encode("latin-1"))
    vestigingen = sb.lees_duo_vestigingen(pad, "PO")
    assert vestigingen == [
        Vestiging("16NG00", "OBS De Globe", "", "Zonnebloemstraat 1", "2035 CT", "HAARLEM",
                  "HAARLEM", ""),
        Vestiging("99ZZ01", 'SBO "Het Baken"', "", "Kerkstraat 2-a", "1234 AB", "LEEUWARDEN",
                  "LEEUWARDEN", ""),
    ]


def test_duo_vestigingenvo_komma_utf8_en_een_soortkolom_in_bo(tmp_path):
    pad = tmp_path / "vestigingenvo.csv"
    pad.write_text(
        DUO_KOP.replace(";", ",") + "\n"
        "20DP,00,Stedelijk Gymnasium,Fruinlaan,15,2313 EP,LEIDEN,LEIDEN,Zuid-Holland,Openbaar\n",
        encoding="utf-8-sig",
    )
    assert [v.code for v in sb.lees_duo_vestigingen(pad, "VO")] == ["20DP00"]
    assert sb.lees_duo_vestigingen(pad, "VO")[0].soort == "vo"
    bo = tmp_path / "vestigingenbo.csv"
    bo.write_text(
        DUO_KOP + ";SOORT PO\n16NG00;16NG00;De Globe;;;2035CT;HAARLEM;HAARLEM;;;Sbo\n",
        encoding="utf-8",
    )
    assert sb.lees_duo_vestigingen(bo, "PO")[0].soort == "sbo"


def test_duo_vestigingen_met_ontbrekende_kolom(tmp_path):
    pad = tmp_path / "vestigingenbo.csv"
    pad.write_text("VESTIGINGSCODE;VESTIGINGSNAAM\n16NG00;De Globe\n", encoding="utf-8")
    with pytest.raises(DataFout, match="ontbreken de kolommen"):
        sb.lees_duo_vestigingen(pad, "PO")


def test_rio_vestigingen_alleen_geldige_passend_onderwijs_codes(tmp_path):
    from datetime import date

    pad = tmp_path / sb.RIO_VESTIGINGEN
    pad.write_text(
        "SAMENWERKINGSVERBANDNUMMER;VESTIGINGSCODE;BEGINDATUM;EINDDATUM\n"
        "PO2704;16NG00;2014-08-01;\n"
        "001;16NG00;2001-08-01;2014-08-01\n"  # an older kind of SWV: skipped
        "10-1;16NG00;2001-08-01;\n"
        "PO2707;16NG01;2014-08-01;2020-08-01\n"  # ended
        "PO 27-04;16ng01;2020-08-01;\n"
        "VO0001;00PG00;2014-08-01;\n"
        "PO2708;16NG02;2030-08-01;\n",  # not yet in force
        encoding="utf-8",
    )
    rio = sb.lees_rio_vestigingen(pad, date(2026, 1, 1))
    assert rio == {"16NG00": {"PO2704"}, "16NG01": {"PO2704"}, "00PG00": {"VO0001"}}


# --- the build rules ---------------------------------------------------------------------


def _v(code, soort="bo", postcode="2035 CT", gemeente="Haarlem", gemeentecode="", naam="X",
       plaats=""):
    return Vestiging(code, naam, soort, "", postcode, plaats, gemeente, gemeentecode)


def _per_code(rijen):
    return {r["code"]: r for r in rijen}


def test_volgorde_rio_koppeling_postcode(basis):
    rijen = _per_code(maak_scholen(
        [_v("99AA00"), _v("99AA01"), _v("99AA02", "vo"), _v("99AA03"), _v("99AA04"),
         _v("99AA05")],
        basis,
        rio={"99AA00": {"PO2707"}, "99AA01": {"PO0001"}, "99AA03": {"VO2705"},
             "99AA04": {"PO2707", "PO2704"}},
        koppeling_2015={"99AA02": "VO2709"},
    ))
    assert [rijen[c]["swv"] for c in sorted(rijen)] == [
        "PO2707", "", "VO2709", "PO2704", "PO2704", "PO2704",
    ]
    assert [rijen[c]["herkomst_swv"] for c in sorted(rijen)] == [
        "rio", "rio", "koppeling_2015", "postcode", "rio", "postcode",
    ]
    assert rijen["99AA01"]["reden"] == "landelijk"


def test_landelijk_vo0001_ook_voor_nieuwere_vestigingen_van_dezelfde_brin(basis):
    rijen = _per_code(maak_scholen(
        [_v("99AB00", "vo"), _v("99AB01", "vo"), _v("99AC01", "vo")],
        basis,
        koppeling_2015={"99AB00": "VO0001", "99AC00": "VO0001", "99AC02": "VO2705"},
    ))
    assert (rijen["99AB00"]["swv"], rijen["99AB00"]["reden"]) == ("", "landelijk")
    assert (rijen["99AB01"]["swv"], rijen["99AB01"]["reden"]) == ("", "landelijk")
    # A BRIN with a regional location too says nothing about a new location.
    assert (rijen["99AC01"]["swv"], rijen["99AC01"]["herkomst_swv"]) == ("VO2705", "postcode")


def test_koppeling_2015_wijkt_voor_een_actueel_gebied_van_duo(basis):
    from dataclasses import replace

    postcodes = [dict(p, herkomst="duo", vo="VO2708") if p["postcode"] == "2035" else p
                 for p in basis.postcodes]
    meldingen: list[str] = []
    rij = maak_scholen([_v("99AD00", "vo")], replace(basis, postcodes=postcodes),
                       koppeling_2015={"99AD00": "VO2705"}, meldingen=meldingen)[0]
    assert (rij["swv"], rij["herkomst_swv"]) == ("VO2708", "postcode")
    assert any("99AD00" in m for m in meldingen)


def test_redenen_zonder_samenwerkingsverband(basis):
    rijen = _per_code(maak_scholen(
        [_v("99AE00", postcode="3198 LA", gemeente="Rotterdam"),
         _v("99AE01", postcode="1000 AB"),  # a PO box PC4: in no list of areas
         _v("99AE02", postcode=""),
         _v("99AE03", postcode="4125 AB", gemeente="Vijfheerenlanden")],
        basis,
    ))
    assert {c: r["reden"] for c, r in rijen.items()} == {
        "99AE00": "regeling_zonder_swv",
        "99AE01": "postcode_onbekend",
        "99AE02": "geen_postcode",
        "99AE03": "postcode_niet_eenduidig",
    }
    assert all(r["swv"] == "" and r["herkomst_swv"] == "" for r in rijen.values())


def test_gemeente_van_nu_uit_naam_of_code_van_toen(basis):
    gemeenten = {g["code"]: g["naam"] for g in basis.gemeenten}
    rijen = _per_code(maak_scholen(
        [_v("99AF00", postcode="5076 AB", gemeente="Haaren"),  # split in 2021
         _v("99AF01", postcode="1701 AB", gemeente="Heerhugowaard"),
         _v("99AF02", "vo", postcode="1701 AB", gemeente="HEERHUGOWAARD",
            gemeentecode="GM0398"),
         _v("99AF03", postcode="2011 AB", gemeente="Onbekendveen")],
        basis,
    ))
    assert {c: gemeenten[r["gemeente_code"]] for c, r in rijen.items()} == {
        "99AF00": "Oisterwijk", "99AF01": "Dijk en Waard", "99AF02": "Dijk en Waard",
        "99AF03": "Haarlem",  # a name no list knows: the postcode decides
    }


def test_soort_en_plaats_voor_lijsten_die_ze_niet_geven(basis):
    rijen = _per_code(maak_scholen(
        [_v("99AG00", soort=""), _v("99AG01", soort="", naam="SBO De Wissel"),
         _v("99AG02", soort=""), _v("99AG03", "vo", plaats="HAARLEM"),
         _v("99AG04", "vo", plaats="BLOEMENDAAL")],
        basis, soorten={"99AG02": "sbo"}, plaatsen={"2035": {"Haarlem"}},
    ))
    assert [r["soort"] for r in rijen.values()] == ["bo", "sbo", "sbo", "vo", "vo"]
    assert [r["plaats"] for r in rijen.values()] == [
        "Haarlem", "Haarlem", "Haarlem", "Haarlem", "Bloemendaal",
    ]


def test_dubbele_code_telt_een_keer_en_rijen_zijn_gesorteerd(basis):
    meldingen: list[str] = []
    rijen = maak_scholen([_v("99AH01"), _v("99AH00", naam="Eerste"), _v("99AH00")], basis,
                         meldingen=meldingen)
    assert [(r["code"], r["naam"]) for r in rijen] == [("99AH00", "Eerste"), ("99AH01", "X")]
    assert any("twee keer" in m for m in meldingen)


def test_herleid_uit_de_bundel_geeft_dezelfde_rijen(basis):
    """The refresh can place the bundled schools anew; with the same areas, nothing
    changes; with RIO's links, those win."""
    assert herleid_scholen(basis.scholen, basis) == basis.scholen
    rijen = _per_code(herleid_scholen(basis.scholen, basis, rio={"16NG00": {"PO2707"}}))
    assert (rijen["16NG00"]["swv"], rijen["16NG00"]["herkomst_swv"]) == ("PO2707", "rio")


# --- the bundled table -------------------------------------------------------------------


def test_aantallen_per_soort_en_herkomst(ds):
    alle = ds.scholen
    assert len(alle) == 8208
    assert Counter(s.soort for s in alle) == {"bo": 6318, "sbo": 271, "vo": 1619}
    assert Counter(s.herkomst_swv for s in alle if s.swv) == {
        "postcode": 7032, "koppeling_2015": 1146,
    }
    zonder = [s for s in alle if not s.swv]
    # The share without an SWV: 30 of 8,208 (0.4 %), all in the national VO0001.
    assert len(zonder) == 30 and round(100 * len(zonder) / len(alle), 1) == 0.4
    assert {(s.soort, s.reden, s.herkomst_swv) for s in zonder} == {
        ("vo", "landelijk", "koppeling_2015")
    }
    meta = ds.metadata["aantallen"]
    assert (meta["scholen"], meta["scholen_zonder_swv"], meta["scholen_swv_postcode"]) == (
        8208, 30, 7032,
    )


def test_elke_school_heeft_een_bekende_postcode_gemeente_en_swv_van_haar_sector(ds):
    for s in ds.scholen:
        assert re.fullmatch(r"[0-9]{2}[A-Z]{2}[0-9]{2}", s.code) and s.naam
        assert s.gemeente_code in ds.gemeenten
        p = ds.postcodes.get(s.postcode[:4])
        assert p is not None or s.reden, s.code
        if s.swv:
            assert s.swv in ds.verbanden and s.swv[:2] == s.sector
            if s.herkomst_swv == "postcode":
                assert p.swv(s.sector) == s.swv
        if s.soort == "vo":
            assert s.straat and s.plaats, s.code
        else:
            assert not s.straat


def test_gemeenten_van_de_friese_mojibake_rijen(ds):
    gemeenten = {g.naam: c for c, g in ds.gemeenten.items()}
    per_code = {s.code: s for s in ds.scholen}
    # "S·dwest-FryslÔn" and "Noardeast-FryslÔn" in the source
    assert per_code["03GT00"].gemeente_code == gemeenten["Súdwest-Fryslân"]
    assert per_code["01CE00"].gemeente_code == gemeenten["Noardeast-Fryslân"]
    assert not any(sb.verdacht(s.naam) or sb.verdacht(s.plaats) for s in ds.scholen)


def test_elk_samenwerkingsverband_heeft_scholen(ds):
    per = Counter(s.swv for s in ds.scholen if s.swv)
    assert set(per) == set(ds.verbanden)


def test_schoolindex_vindt_elke_school_onder_haar_eigen_woorden(ds):
    from passend_cli.schoolnamen import indexwoorden

    regels = ds.schoolregels
    for nummer in range(0, len(regels), 97):
        for woord in indexwoorden(ds.school(nummer).naam):
            assert nummer in ds.schoolindex.rijen(woord)


def test_metadata_en_sources_noemen_scholenlijst_en_herstel(ds):
    assert ds.metadata["referentiedata"]["scholenlijst"] == "ca. 2020"
    assert ds.scholenlijst == "ca. 2020"
    tekst = gebundelde_map().joinpath("SOURCES.md").read_text(encoding="utf-8")
    for feit in ("alleschools", "ginberg/cito", "MIT", "CC0", "8.208", "92 rijen",
                 "Súdwest-Fryslân (55)", "Noardeast-Fryslân (37)", "geen rij is\nweggelaten",
                 "1.146", "7.032", "30 vestigingen", "VO0001", "PO0001"):
        assert feit in tekst, feit
