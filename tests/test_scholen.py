"""Schools: the readers of the school lists."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from passend_cli.bronnen import scholen as sb
from passend_cli.bronnen.scholen import Vestiging
from passend_cli.fouten import DataFout

BRONNEN = Path(__file__).resolve().parents[2] / "shared" / "sources"
met_bronnen = pytest.mark.skipif(not BRONNEN.is_dir(), reason="../shared/sources ontbreekt")


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
