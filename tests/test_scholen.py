"""Schools: the readers, the build rules, the bundled table and finding a school."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from passend_cli import dataset, formaat, scholen
from passend_cli.bronnen import scholen as sb
from passend_cli.bronnen.scholen import Vestiging
from passend_cli.dataset import Dataset
from passend_cli.fouten import DataFout, OngeldigeInvoer
from passend_cli.opslag import gebundelde_map
from passend_cli.samenstellen.scholen import herleid_scholen, maak_scholen
from passend_cli.samenstellen.uit_duo import lees_rijen

BRONNEN = Path(__file__).resolve().parents[2] / "shared" / "sources"
met_bronnen = pytest.mark.skipif(not BRONNEN.is_dir(), reason="../shared/sources ontbreekt")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return Dataset(gebundelde_map(), "meegeleverd")


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


# --- finding a school: real schools from both lists ---------------------------------------

# (query, code expected first, how many share the best score or None for "one").
ECHTE_SCHOLEN = [
    # name and place, PO
    ("OBS De Globe Haarlem", "16NG00", None),
    ("De Globe Haarlem", "16NG00", None),
    ("De Globe, Amsterdam", "21AG00", None),
    ("Basisschool Johannes Post Sneek", "12TL00", None),
    ("Johannes Post Súdwest-Fryslân", "12TL00", None),  # gemeente as the place
    ("obs de wateringe hellevoetsluis", "14EW00", None),  # former gemeente (2023)
    ("CBS Prins Claus Zutphen", "09DC00", None),
    ("Koningin Julianaschool Leiderdorp", "11HV00", None),  # "Kon Julianaschool"
    ("Het Kompas Steenwijk", "07NW00", None),
    ("R. de Jagerschool Woerden", "11BO00", None),
    ("De Schelf 's-Gravendeel", "09FD00", None),
    ("Sint Lambertus Gemonde", "06XC00", None),  # "BS St Lambertus"
    ("Chr Basisschool De Wel Broeksterwald", "06TC00", None),  # Broeksterwâld
    ("Prins Willem Alexanderschool Ophemert", "13MM00", None),  # "Pr Willem Alexandersch"
    ("Albert Schweitzerschool Stad aan 't Haringvliet", "07NM00", None),
    ("Het Wilgerys Dronten", "21NF00", None),  # "SWS Het Wilgerys"
    ("Panta Rhei Almere", "12QK00", None),
    ("OBS Panta Rhei Tilburg", "22JM00", None),
    ("Den Krommenhoek Rosmalen", "06KY00", None),
    ("kindcentrum trianova leeuwarden", "16ZB00", None),  # "KC Trianova"
    ("De Bunders Veghel", "12XE00", None),
    ("Maria Basisschool Den Hoorn", "17KG00", None),  # Den Hoorn, not Hoorn
    ("Brukelum Laarbeek", "08WZ00", None),
    ("Basisschool Herenweg Wassenaar", "11MQ00", None),
    ("rkbs de klimop kaatsheuvel", "11MG00", None),  # "RK Basissch Klimop"
    ("Tarcisiusschool Rotterdam", "17TF00", None),
    ("Canisiusschool Harreveld", "07BK00", None),  # "Sint Canisiusschool"
    ("sbo de wissel hoorn", "00RU00", None),  # "SSBO De Wissel"
    ("speciaal basisonderwijs de wissel houten", "23EZ00", None),
    ("De Regenboog Amsterdam", "13WU00", None),
    ("Haarlem De Globe", "16NG00", None),  # place first
    ("De Globe in Haarlem", "16NG00", None),
    ("De Globe Haarlem obs", "16NG00", None),  # place inside the query
    ("Sint Lambertus Gemonde basisschool", "06XC00", None),
    # name only
    ("Sinnehonk", "14JY00", None),
    ("Wilakkers", "18AE00", None),
    ("Haganum", "20LU00", None),
    ("Utrechts Stedelijk Gymnasium", "15JM00", None),
    ("Haarlem College", "02KM00", None),
    ("De Den", "03JX00", None),  # "Katholieke basisschool de Den"
    # name and place, VO
    ("Stedelijk Gymnasium, Leiden", "20DP00", None),
    ("Stedelijk Gymnasium Leiden", "20DP00", None),
    ("Stedelijk Gymnasium Haarlem", "20QY00", None),
    ("Haganum Den Haag", "20LU00", None),  # alias of 's-Gravenhage
    ("Gymnasium Haganum 's-Gravenhage", "20LU00", None),
    ("Wartburg College Dordrecht", "00PG04", None),
    ("Van Lodensteincollege Amersfoort", "03WO00", None),
    ("Gooise Scholen Federatie Weesp", "24TG00", None),  # Weesp, now Amsterdam
    ("Noordzee Onderwijs Groep Driehuis", "01KL00", None),
    ("Oostvaarders College Almere", "24RW00", None),
    # ambiguous: every equally good school, with its place
    ("De Globe", "21AG00", 6),  # three basisscholen, three locations of Globe College
    ("openbare basisschool de globe", "21AG00", 2),
    ("Stedelijk Gymnasium", "20RM00", 7),
    ("Prins Claus", "03DV00", 5),
    ("cbs prins claus", "19ZH00", 2),
    ("Dr Nassau College Assen", "20LO00", 5),  # five locations of one name
    ("Scheepvaart en Transport College Rotterdam", "05EA00", 3),
    ("Calvijn College Goes", "03JY00", 3),
    ("Wellantcollege", "01OE21", 21),
    # codes
    ("16NG00", "16NG00", None),
    ("16ng 00", "16NG00", None),
    ("16NG", "16NG00", 2),
    ("18BR", "18BR00", 2),
    ("03jy", "03JY00", 7),
]


@pytest.mark.parametrize(("vraag", "code", "gelijk"), ECHTE_SCHOLEN)
def test_echte_scholen(vraag, code, gelijk):
    treffers = scholen.zoek_school(vraag)
    assert treffers, vraag
    eerste = treffers[0]
    assert eerste.school.code == code, [(t.school.code, t.score) for t in treffers]
    assert eerste.score == 100.0
    if gelijk is None:
        assert not eerste.meerduidig and eerste.gelijk == 1
        assert all(t.score < 100 for t in treffers[1:])
    else:
        assert eerste.meerduidig and eerste.gelijk == gelijk
        assert [t.meerduidig for t in treffers] == [t.score == 100 for t in treffers]


def test_veel_scholen_met_dezelfde_naam_staan_op_plaats():
    treffers = scholen.zoek_school("De Regenboog", limiet=100)
    beste = [t for t in treffers if t.score == 100]
    assert len(beste) == treffers[0].gelijk >= 80
    plaatsen = [scholen._plaatsnaam(dataset.laad(), t.school) for t in beste]
    assert plaatsen == sorted(plaatsen, key=str.lower) or len(set(plaatsen)) > 50
    assert all(t.meerduidig for t in beste)


def test_zelfde_school_op_elke_schrijfwijze():
    vormen = ["OBS De Globe Haarlem", "De Globe Haarlem", "openbare basisschool de globe haarlem",
              "O.B.S. De Globe, Haarlem", "obs globe haarlem", "De Globe (Haarlem)"]
    for vorm in vormen:
        assert scholen.zoek_school(vorm)[0].school.code == "16NG00", vorm


def test_schoolwoord_dat_niet_klopt_kost_punten():
    # Two OBS and six SSBO "De Wissel": "sbo" picks the special ones, "obs" the others.
    sbo = scholen.zoek_school("sbo de wissel", limiet=20)
    assert {t.school.soort for t in sbo if t.score == 100} == {"sbo"}
    obs = scholen.zoek_school("obs de wissel", limiet=20)
    assert {t.school.soort for t in obs if t.score == 100} == {"bo"}
    assert all(t.score < 100 for t in obs if t.school.naam.startswith("SSBO"))


def test_andere_plaats_en_typfout_zijn_suggesties():
    elders = scholen.zoek_school("Stedelijk Gymnasium Den Haag")
    assert elders and all(t.score < scholen.MIN_SCORE for t in elders)
    assert {t.via for t in elders} == {"andere plaats"}
    typo = scholen.zoek_school("Regenbooog Almere")
    assert typo[0].school.code == "13NH00" and typo[0].score < scholen.MIN_SCORE
    assert typo[0].via == "typfout"
    assert scholen.zoek_school("Regenbooog Almere", typfouten=False) == []


@pytest.mark.parametrize(
    "vraag",
    ["Haarlem", "Weesp", "Den Haag", "'s-Hertogenbosch", "Súdwest-Fryslân", "Overveen",
     "gemeente Haarlem", "2035 CT", "2035", "PO2704", "po 27-04", "GM0392", "xyzzy qwerty",
     "", "   ", "€", "😴", "basisschool", "school voor", "a" * 500],
)
def test_geen_school_voor_plaatsen_codes_en_onzin(vraag):
    assert scholen.zoek_school(vraag) == []


def test_geen_tekst_is_ongeldig():
    with pytest.raises(OngeldigeInvoer):
        scholen.zoek_school(None)  # type: ignore[arg-type]
    with pytest.raises(OngeldigeInvoer):
        scholen.school_per_code("De Globe")


def test_scholenlijst():
    assert scholen.scholenlijst() == "ca. 2020"


def test_school_per_code():
    assert [s.naam for s in scholen.school_per_code("16NG00")] == ["OBS De Globe"]
    assert [s.code for s in scholen.school_per_code("16ng")] == ["16NG00", "16NG01"]
    assert scholen.school_per_code("99ZZ00") == []
    assert scholen.school_per_code("99ZZ") == []


def test_scholen_van_en_aantal_scholen(ds):
    po2704 = scholen.scholen_van("PO2704")
    assert "16NG00" in {s.code for s in po2704}
    assert {s.swv for s in po2704} == {"PO2704"} and {s.sector for s in po2704} == {"PO"}
    assert scholen.scholen_van("po 27 04") == po2704
    aantallen = scholen.aantal_scholen()
    assert aantallen["PO2704"] == len(po2704)
    assert sum(aantallen.values()) == 8208 - 30 and set(aantallen) == set(ds.verbanden)
    assert scholen.scholen_van("PO9999") == []


def test_school_als_json_toelichting_en_opmerking():
    globe = scholen.school_per_code("16NG00")[0]
    assert globe.als_json() == {
        "code": "16NG00", "brin": "16NG", "naam": "OBS De Globe", "soort": "bo",
        "sector": "PO",
        "adres": {"straat": None, "postcode": "2035 CT", "plaats": "Haarlem"},
        "gemeente_code": "GM0392", "samenwerkingsverband": "PO2704",
        "herkomst_samenwerkingsverband": "postcode", "reden_geen_samenwerkingsverband": None,
    }
    json.dumps(globe.als_json())
    assert scholen.toelichting(globe) == "basisschool in Haarlem, vestiging 16NG00"
    assert "postcode" in scholen.opmerking(globe)
    wartburg = scholen.school_per_code("00PG04")[0]
    assert wartburg.swv == "" and "VO0001" in scholen.opmerking(wartburg)
    assert scholen.toelichting(wartburg).startswith("school voor voortgezet onderwijs in Dordrecht")
    nassau = scholen.school_per_code("20LO03")[0]  # Gieten, gemeente Aa en Hunze
    assert scholen.toelichting(nassau).endswith(
        "in Gieten (gemeente Aa en Hunze), vestiging 20LO03"
    )
    assert "2014-2015" in scholen.opmerking(nassau)


# --- loading only what a query needs ----------------------------------------------------


@pytest.fixture
def schone_dataset():
    dataset.laad.cache_clear()
    yield
    dataset.laad.cache_clear()


def test_plaatsen_zoeken_leest_geen_scholen(schone_dataset):
    from passend_cli import zoeken

    # An exact place never reads the schools (a typo may: a school could match exactly).
    for plaats in ("Haarlem", "Overveen", "2051 AB", "PO 27-07", "Zevenhuizen (Zuidplas)"):
        zoeken.zoek(plaats)
    assert scholen.zoek_school("Haarlem") == []
    geladen = dataset.laad().__dict__
    assert not {"schoolregels", "scholen", "schoolindex"} & set(geladen)
    scholen.zoek_school("De Globe Haarlem")
    geladen = dataset.laad().__dict__
    assert {"schoolregels", "schoolindex"} <= set(geladen) and "scholen" not in geladen


# --- a dataset without schools of its own -------------------------------------------------


def test_kopie_zonder_scholen_gebruikt_de_meegeleverde(tmp_path, monkeypatch, schone_dataset):
    from dataclasses import replace

    from passend_cli.samenstellen.schrijven import schrijf

    rijen, meta = lees_rijen(gebundelde_map())
    doel = tmp_path / "passend" / "versies" / "zonder-scholen"
    schrijf(replace(rijen, scholen=[]), doel, {k: meta[k] for k in ("versie", "referentiedata")})
    assert not (doel / "scholen.csv").exists() and not (doel / "schoolindex.csv").exists()
    assert "scholen.csv" not in formaat.lees_metadata(doel)["bestanden"]
    assert "scholen" not in formaat.lees_metadata(doel)["aantallen"]
    assert formaat.controleer_map(doel) == []
    (tmp_path / "passend" / "actief").write_text("zonder-scholen\n", encoding="utf-8")
    monkeypatch.setenv("PASSEND_DATA_DIR", str(tmp_path / "passend"))
    ds = dataset.laad()
    assert ds.herkomst == "bijgewerkt" and ds.waarschuwing is None
    assert scholen.zoek_school("16NG00")[0].school.naam == "OBS De Globe"
    assert scholen.scholenlijst() == "ca. 2020"
    ds.laad_alles()


def test_kopie_die_scholen_noemt_maar_mist_is_beschadigd(tmp_path):
    import shutil

    kopie = tmp_path / "kopie"
    shutil.copytree(gebundelde_map(), kopie)
    (kopie / "scholen.csv").unlink()
    assert formaat.controleer_map(kopie) == ["scholen.csv ontbreekt"]
