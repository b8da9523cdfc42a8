"""``passend koppel``: annotating a whole CSV file with the right SWVs."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from passend_cli import koppel as koppel_module
from passend_cli.cli import app
from passend_cli.fouten import DataFout
from passend_cli.model import MIN_SCORE
from passend_cli.zoeken import zoek

runner = CliRunner()

NIEUW = ["gemeente_code", "gemeente", "po_code", "po_naam", "vo_code", "vo_naam",
         "match_soort", "match_score", "match_opmerking"]


def draai(args: list[str], invoer: bytes | None = None):
    return runner.invoke(app, ["koppel", *args], input=invoer)


def schrijf(tmp_path: Path, inhoud: str | bytes, naam: str = "in.csv") -> Path:
    pad = tmp_path / naam
    if isinstance(inhoud, str):
        inhoud = inhoud.encode("utf-8")
    pad.write_bytes(inhoud)
    return pad


def rijen(tekst: str, scheiding: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=scheiding))


def koppel_tekst(tmp_path: Path, inhoud: str | bytes, *args: str):
    """Run koppel on a file; return (result, output rows as dicts)."""
    pad = schrijf(tmp_path, inhoud)
    resultaat = draai([str(pad), *args])
    assert resultaat.exit_code == 0, (resultaat.exit_code, resultaat.stderr)
    assert "Traceback" not in resultaat.output
    scheiding = ";" if ";" in resultaat.stdout.splitlines()[0] else ","
    return resultaat, rijen(resultaat.stdout, scheiding)


# --- every kind of value -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "soort", "gemeente_code", "po", "vo"),
    [
        ("2011", "postcode", "GM0392", "PO2704", "VO2705"),
        ("2011 AB", "postcode", "GM0392", "PO2704", "VO2705"),
        ("2011ab", "postcode", "GM0392", "PO2704", "VO2705"),
        (" 2011AB ", "postcode", "GM0392", "PO2704", "VO2705"),
        ("2011-ab", "postcode", "GM0392", "PO2704", "VO2705"),
        ("1165", "postcode", "GM0394", "PO2704", "VO2705"),
        ("Haarlem", "gemeente", "GM0392", "PO2704", "VO2705"),
        ("haarlem", "gemeente", "GM0392", "PO2704", "VO2705"),
        ("GM0392", "gemeente", "GM0392", "PO2704", "VO2705"),
        ("2011.0", "postcode", "GM0392", "PO2704", "VO2705"),  # from a spreadsheet
        ("NL-2011 AB", "postcode", "GM0392", "PO2704", "VO2705"),
        ("Kerkstraat 1, 2011 AB Haarlem", "postcode", "GM0392", "PO2704", "VO2705"),
        ("Zevenhuizen (Zuidplas)", "woonplaats", "GM1892", "PO2814", "VO2802"),
        ("Aalst Gld", "woonplaats", "GM0297", "PO3005", "VO3005"),
        ("Overveen", "woonplaats", "GM0377", "PO2704", "VO2705"),
        ("Hoofddorp", "woonplaats", "GM0394", "PO2710", "VO2709"),
        # Weesp is both a woonplaats and a former gemeente; zoek answers the woonplaats.
        ("Weesp", "woonplaats", "GM0363", "PO2709", "VO2710"),
        ("Zeevang", "voormalige gemeente", "GM0385", "PO2706", "VO2707"),
        ("Den Haag", "gemeente", "GM0518", "PO2815", "VO2806"),
        ("Den Bosch", "gemeente", "GM0796", "PO3005", "VO3005"),
        ("Hengelo (O.)", "gemeente", "GM0164", "PO2302", "VO2302"),
        ("Súdwest-Fryslân", "gemeente", "GM1900", "PO2101", "VO2103|VO2101"),
        ("Haarlemmermeer", "gemeente", "GM0394", "PO2710|PO2704", "VO2709|VO2705"),
        # The city has its own answer; the gemeente also covers Weesp.
        ("Amsterdam", "woonplaats", "GM0363", "PO2707", "VO2708"),
        ("PO2707", "samenwerkingsverband", "", "PO2707", ""),
    ],
)
def test_elke_soort_waarde_krijgt_de_juiste_samenwerkingsverbanden(
    tmp_path, waarde, soort, gemeente_code, po, vo
):
    _, uit = koppel_tekst(tmp_path, f'id,plaats\n1,"{waarde}"\n')
    (rij,) = uit
    assert rij["plaats"] == waarde
    assert (rij["match_soort"], rij["gemeente_code"], rij["po_code"], rij["vo_code"]) == (
        soort, gemeente_code, po, vo)
    # The same answer as passend zoek gives.
    eerste = zoek(waarde, limiet=1).resultaten[0]
    assert rij["match_score"] == f"{eerste.score:.1f}"
    assert float(rij["match_score"]) >= 80
    verwacht_po = [d.verband for d in eerste.dekking if d.verband.sector == "PO"]
    assert rij["po_naam"] == "|".join(v.weergavenaam for v in verwacht_po)
    if eerste.gemeente:
        assert rij["gemeente"] == eerste.gemeente.naam


@pytest.mark.parametrize(
    "waarde",
    [
        "Amsterdm",  # a typo: zoek finds Amsterdam (75.3), below the threshold
        "Harlem",
        "xyzzy",
        "0000",  # looks like a postcode, but is not one
        "0000 AA",
        "12345",
        "!!!",
        "😴",
        "Bergen",  # two gemeenten Bergen with different SWVs: a guess, so empty
        "Hengelo",  # the gemeente Hengelo, and Hengelo (Gld) in Bronckhorst
        "Rijswijk",
        "Oosterhout",
        "Zevenhuizen",
        "Driehuis",  # Driehuis NH, and a hamlet near Eersel
        # Only the start of a name, or words inside one: never enough in a file.
        "Nieuw-Venne",
        "Vennep",
        "Sint",
        "Oost",
        "Mark",
        "",
        "   ",
    ],
)
def test_wat_niet_zeker_is_blijft_leeg(tmp_path, waarde):
    _, uit = koppel_tekst(tmp_path, f'id,plaats\n1,"{waarde}"\n')
    (rij,) = uit
    assert rij["plaats"] == waarde
    assert all(rij[k] == "" for k in NIEUW if k != "match_opmerking"), rij
    # The reason is in the row itself: nothing to look up, not found, or which places.
    if not waarde.strip():
        assert rij["match_opmerking"] == ""
    else:
        assert rij["match_opmerking"].startswith(("niet gevonden", "meerduidig: ")), rij


def test_een_tikfout_binnen_de_zoekdrempel_wordt_niet_gegokt(tmp_path):
    gevonden = zoek("Amsterdm", limiet=1).resultaten
    assert gevonden and gevonden[0].naam == "Amsterdam"  # zoek suggests it ...
    _, (rij,) = koppel_tekst(tmp_path, "plaats\nAmsterdm\n")
    assert rij["po_code"] == ""  # ... koppel does not fill it in


def test_een_naam_die_in_elke_sector_hetzelfde_antwoord_geeft_is_geen_gok(tmp_path):
    # Two woonplaatsen "Haarle" (Hellendoorn, Tubbergen) share PO2301 and VO2301:
    # the SWVs are certain, the gemeente is not.
    gevonden = [r for r in zoek("Haarle", limiet=5).resultaten if r.naam == "Haarle"]
    assert len({r.gemeente.code for r in gevonden}) == 2
    _, (rij,) = koppel_tekst(tmp_path, "plaats\nHaarle\n")
    assert (rij["po_code"], rij["vo_code"], rij["gemeente_code"]) == ("PO2301", "VO2301", "")


def test_sector_beslist_of_een_naam_meerduidig_is(tmp_path):
    # Two woonplaatsen Afferden: the same VO SWV (VO2507), different PO SWVs.
    _, (rij,) = koppel_tekst(tmp_path, "plaats\nAfferden\n")
    assert rij["vo_code"] == ""
    _, (rij,) = koppel_tekst(tmp_path, "plaats\nAfferden\n", "--sector", "vo")
    assert (rij["vo_code"], rij["gemeente_code"]) == ("VO2507", "")
    _, (rij,) = koppel_tekst(tmp_path, "plaats\nAfferden\n", "--sector", "po")
    assert rij["po_code"] == ""


def _namen() -> list[str]:
    from passend_cli.dataset import laad

    ds = laad()
    return sorted({g.naam for g in ds.gemeenten.values()} | {w.naam for w in ds.woonplaatsen})


_NAAM = st.sampled_from(_namen())
_VARIANT = st.one_of(
    _NAAM,
    st.text(max_size=40),
    st.builds(lambda n, i: n[:i], _NAAM, st.integers(1, 12)),  # prefixes
    st.builds(lambda n, i: n[:i] + n[i + 1:], _NAAM, st.integers(0, 12)),  # typos
    st.builds(lambda n, i: n[i:], _NAAM, st.integers(1, 12)),  # word endings
    st.builds(lambda a, b: f"{a} {b}", _NAAM, _NAAM),
)


def _codes(r) -> set[str]:
    return {d.verband.code for d in r.dekking}


@settings(max_examples=400, deadline=None)
@given(_VARIANT)
def test_koppel_vult_alleen_in_wat_zoek_zeker_weet(waarde):
    """koppel reads a value as a whole name; whatever it fills in, zoek answers too,
    with certainty, and without typo matching zoek never answers below the threshold."""
    from passend_cli.fouten import OngeldigeInvoer
    from passend_cli.zoeken import vind

    try:
        gevonden = vind(waarde)
        alles = zoek(waarde, limiet=5)
        zeker = zoek(waarde, limiet=5, typfouten=False)
    except OngeldigeInvoer:
        return
    assert all(r.score >= MIN_SCORE for r in zeker.resultaten)
    if not gevonden.resultaten or gevonden.meerduidig:
        return
    assert all(r.score == 100.0 for r in gevonden.resultaten)
    verwacht = _codes(gevonden.resultaten[0])
    if alles.meerduidig:  # places of one name that share their SWVs
        assert all(_codes(r) == verwacht for r in alles.resultaten)
    else:
        assert alles.resultaten[0].score == 100.0 and _codes(alles.resultaten[0]) == verwacht


# --- columns: detection and --kolom ------------------------------------------------------


@pytest.mark.parametrize(
    ("kop", "gekozen", "soort"),
    [
        ("naam,postcode,plaats", "postcode", "postcodes"),
        ("naam,Plaats,Postcode", "Postcode", "postcodes"),
        ("naam,PC6,gemeente", "PC6", "postcodes"),
        ("naam,pc4", "pc4", "postcodes"),
        ("naam,Postcode4", "Postcode4", "postcodes"),
        ("naam,Postcode leerling", "Postcode leerling", "postcodes"),
        ("naam,woonplaats,gemeente", "woonplaats", "plaatsnamen"),
        ("naam,Plaatsnaam", "Plaatsnaam", "plaatsnamen"),
        ("naam,place", "place", "plaatsnamen"),
        ("naam,Woonplaats ouder", "Woonplaats ouder", "plaatsnamen"),
        ("naam,gemeentecode,Gemeentenaam", "Gemeentenaam", "gemeenten"),
        ("naam,GEMEENTE", "GEMEENTE", "gemeenten"),
        ("plaatsingsdatum,gemeentecode,Woonplaats_leerling", "Woonplaats_leerling",
         "plaatsnamen"),
    ],
)
def test_de_kolom_wordt_aan_de_kop_herkend(tmp_path, kop, gekozen, soort):
    namen = kop.split(",")
    waarden = ["2011" if n == gekozen and soort == "postcodes" else "Zzz" for n in namen]
    waarden[namen.index(gekozen)] = "2011" if soort == "postcodes" else "Haarlem"
    resultaat, uit = koppel_tekst(tmp_path, kop + "\n" + ",".join(waarden) + "\n")
    assert f"Kolom '{gekozen}' gebruikt ({soort})." in resultaat.stderr
    # An input column named like an added one: the added ones get a prefix.
    voor = "passend_" if "gemeente" in kop.lower().split(",") else ""
    assert uit[0][voor + "gemeente_code"] == "GM0392"
    assert uit[0][voor + "match_soort"] == ("postcode" if soort == "postcodes" else "gemeente")


def test_kolom_kiest_hoofdletterongevoelig(tmp_path):
    resultaat, uit = koppel_tekst(tmp_path, "postcode,Adres\n1234,Haarlem\n", "--kolom", "ADRES")
    assert uit[0]["gemeente_code"] == "GM0392"
    assert "gebruikt" not in resultaat.stderr


@pytest.mark.parametrize(
    ("inhoud", "args"),
    [
        ("naam,adres\nJan,Kerkstraat 1\n", []),
        ("naam,adres\nJan,Kerkstraat 1\n", ["--kolom", "woonplaats"]),
    ],
)
def test_geen_bruikbare_kolom_noemt_de_beschikbare_kolommen(tmp_path, inhoud, args):
    resultaat = draai([str(schrijf(tmp_path, inhoud)), *args])
    assert resultaat.exit_code == 2
    assert "'naam', 'adres'" in resultaat.stderr
    assert resultaat.stdout == ""


def test_kopregel_met_bom_en_aanhalingstekens(tmp_path):
    inhoud = '\ufeff"Postcode";"Naam"\r\n"2011 AB";"Jansen; Piet"\r\n'
    resultaat, uit = koppel_tekst(tmp_path, inhoud)
    assert uit[0]["po_code"] == "PO2704"
    assert uit[0]["Naam"] == "Jansen; Piet"
    assert "Kolom 'Postcode' gebruikt" in resultaat.stderr


# --- CSV as people have it ---------------------------------------------------------------


def test_puntkomma_uit_excel_blijft_puntkomma(tmp_path):
    resultaat, uit = koppel_tekst(tmp_path, "naam;woonplaats\nPiet;Overveen\n")
    assert resultaat.stdout.splitlines()[0] == "naam;woonplaats;" + ";".join(NIEUW)
    assert uit[0]["vo_code"] == "VO2705"


def test_tab_gescheiden(tmp_path):
    _, _ = koppel_tekst(tmp_path, "naam\tgemeente\nPiet\tHaarlem\n")
    resultaat = draai([str(tmp_path / "in.csv")])
    assert resultaat.stdout.splitlines()[1].split("\t")[2:4] == ["GM0392", "Haarlem"]


def test_velden_met_aanhalingstekens_blijven_precies_zoals_ze_waren(tmp_path):
    inhoud = (
        'id,adres,plaats,opmerking\n'
        '1,"Dorpsstraat 1, achter","Den Haag","zei ""hoi"""\n'
        '2,"twee\nregels",Haarlem,\n'
        '3,gewoon,"Haarlemmermeer","a,b;c"\n'
    )
    resultaat, uit = koppel_tekst(tmp_path, inhoud)
    assert [r["plaats"] for r in uit] == ["Den Haag", "Haarlem", "Haarlemmermeer"]
    assert uit[0]["adres"] == "Dorpsstraat 1, achter"
    assert uit[0]["opmerking"] == 'zei "hoi"'
    assert uit[1]["adres"] == "twee\nregels"
    assert [r["po_code"] for r in uit] == ["PO2815", "PO2704", "PO2710|PO2704"]
    # The input text of each row is written back unchanged, quotes and all.
    regels = resultaat.stdout.split("\n")
    assert regels[1].startswith('1,"Dorpsstraat 1, achter","Den Haag","zei ""hoi""",GM0518,')
    assert regels[2] == '2,"twee'
    assert regels[3].startswith("regels\",Haarlem,,GM0392,")


def test_utf8_met_bom_en_crlf(tmp_path):
    inhoud = "\ufeffGemeente,x\r\nSúdwest-Fryslân,1\r\nHengelo (O.),2\r\n".encode()
    pad = schrijf(tmp_path, inhoud)
    resultaat = draai([str(pad)])
    assert resultaat.exit_code == 0
    assert resultaat.stdout_bytes.startswith(b"\xef\xbb\xbfGemeente,x,passend_gemeente_code")
    assert resultaat.stdout_bytes.count(b"\r\n") == 3
    uit = rijen(resultaat.stdout)
    assert [r["passend_gemeente_code"] for r in uit] == ["GM1900", "GM0164"]


def test_latin1_uit_excel(tmp_path):
    tekst = "plaats;naam\nSúdwest-Fryslân;Anaïs\nHengelo (O.);Zoë\n's-Hertogenbosch;Bjørn\n"
    pad = schrijf(tmp_path, tekst.encode("cp1252"))
    resultaat = draai([str(pad)])
    assert resultaat.exit_code == 0, resultaat.stderr
    # Out in the same encoding, so Excel opens it as it opened the input.
    assert resultaat.stdout_bytes.startswith(b"plaats;naam;gemeente_code;")
    uit = rijen(resultaat.stdout_bytes.decode("cp1252"), ";")
    assert [r["plaats"] for r in uit] == ["Súdwest-Fryslân", "Hengelo (O.)", "'s-Hertogenbosch"]
    assert [r["naam"] for r in uit] == ["Anaïs", "Zoë", "Bjørn"]
    assert [r["gemeente_code"] for r in uit] == ["GM1900", "GM0164", "GM0796"]


def test_latin1_na_het_eerste_blok_breekt_de_stroom_niet(tmp_path, monkeypatch):
    monkeypatch.setattr(koppel_module.csvbestand, "EERSTE_BLOK", 16)
    tekst = "plaats,x\nHaarlem,1\nHaarlem,2\nSúdwest-Fryslân,3\n"
    resultaat = draai([str(schrijf(tmp_path, tekst.encode("cp1252")))])
    assert resultaat.exit_code == 0
    uit = rijen(resultaat.stdout)
    assert uit[2]["plaats"] == "Súdwest-Fryslân"
    assert uit[2]["gemeente_code"] == "GM1900"


def test_utf16_uit_excel(tmp_path):
    pad = schrijf(tmp_path, "woonplaats\tx\nOverveen\t1\n".encode("utf-16"))
    resultaat = draai([str(pad)])
    assert resultaat.exit_code == 0
    assert rijen(resultaat.stdout, "\t")[0]["gemeente_code"] == "GM0377"


# --- rows: order, columns, empty lines ---------------------------------------------------


def test_rijvolgorde_en_invoerkolommen_blijven(tmp_path):
    plaatsen = ["Haarlem", "2011AB", "", "xyzzy", "Overveen", "Bergen", "Den Haag", "9999"]
    regels = ["nr;plaats;extra"] + [
        f"{i};{plaatsen[i % len(plaatsen)]};x{i * 7}" for i in range(2_000)
    ]
    resultaat, uit = koppel_tekst(tmp_path, "\n".join(regels) + "\n")
    assert len(uit) == 2_000
    assert [r["nr"] for r in uit] == [str(i) for i in range(2_000)]
    assert all(r["extra"] == f"x{int(r['nr']) * 7}" for r in uit)
    assert list(uit[0]) == ["nr", "plaats", "extra", *NIEUW]
    # The input part of each line is unchanged.
    for invoer, uitvoer in zip(regels[1:], resultaat.stdout.splitlines()[1:], strict=True):
        assert uitvoer.startswith(invoer + ";")


def test_lege_regels_en_ontbrekende_waarden(tmp_path):
    inhoud = "id,postcode,naam\n1,2011,a\n\n2,,b\n3\n4,Haarlem,d,extra1,extra2\n"
    resultaat, uit = koppel_tekst(tmp_path, inhoud)
    regels = resultaat.stdout.splitlines()
    assert len(regels) == 6
    assert regels[2] == "," * (3 + len(NIEUW) - 1)  # the empty line, padded
    assert regels[4].startswith("3,,,,")  # a short row, padded
    assert [r["id"] for r in uit] == ["1", "", "2", "3", "4"]
    assert uit[0]["po_code"] == "PO2704"
    assert uit[4]["po_code"] == "PO2704"
    # Extra fields of a long row come after the new columns, which line up.
    assert regels[5].endswith(",gemeente,100.0,,extra1,extra2")
    assert "leeg 3" in resultaat.stderr
    assert "meer velden dan de kopregel" in resultaat.stderr


def test_samenvatting(tmp_path):
    inhoud = ("plaats\n" + "Haarlem\n" * 3
              + "2011\nOnbekendstad\nOnbekendstad\nZzz\n\nHaarlemmermeer\n")
    resultaat, _ = koppel_tekst(tmp_path, inhoud)
    fout = resultaat.stderr
    assert "Klaar: 9 rijen" in fout
    assert "Gekoppeld: 5 (gemeente 4, postcode 1)." in fout
    assert "Meer dan één samenwerkingsverband per sector" in fout and ": 1 rij." in fout
    assert "Niet gekoppeld: 4 (leeg 1, niet gevonden 3)" in fout
    assert "'Onbekendstad' (2×), 'Zzz' (1×)" in fout


def test_alleen_een_kopregel(tmp_path):
    resultaat, uit = koppel_tekst(tmp_path, "postcode,naam\n")
    assert resultaat.stdout == "postcode,naam," + ",".join(NIEUW) + "\n"
    assert uit == []
    assert "Klaar: 0 rijen" in resultaat.stderr


def test_kleine_cache_geeft_dezelfde_uitkomst(tmp_path, monkeypatch):
    inhoud = "plaats\n" + "".join(f"{p}\n" for p in ["Haarlem", "Overveen", "2011", "Zeevang"] * 50)
    _, voor = koppel_tekst(tmp_path, inhoud)
    monkeypatch.setattr(koppel_module, "MAX_CACHE", 2)
    _, na = koppel_tekst(tmp_path, inhoud)
    assert voor == na


def test_voortgang_wordt_gemeld(tmp_path, monkeypatch):
    monkeypatch.setattr(koppel_module, "BLOK", 10)
    pad = schrijf(tmp_path, "postcode\n" + "2011\n" * 100)
    uit = tmp_path / "uit.csv"
    gemeld = []
    samenvatting = koppel_module.koppel(
        pad, uit, voortgang=lambda *stand: gemeld.append(stand), meld=lambda _: None)
    assert samenvatting.rijen == 100
    assert len(uit.read_text().splitlines()) == 101
    assert [rijen for rijen, _, _ in gemeld] == list(range(10, 101, 10))
    assert all(totaal == pad.stat().st_size and 0 < gelezen <= totaal
               for _, gelezen, totaal in gemeld)


# --- stdin, stdout, -o, --sector ---------------------------------------------------------


def test_stdin_en_stdout(tmp_path):
    resultaat = draai(["-"], invoer=b"woonplaats\nOverveen\n")
    assert resultaat.exit_code == 0
    assert rijen(resultaat.stdout)[0]["gemeente"] == "Bloemendaal"


def test_uitvoerbestand(tmp_path):
    pad = schrijf(tmp_path, "postcode\n2011\n")
    doel = tmp_path / "uit.csv"
    resultaat = draai([str(pad), "-o", str(doel)])
    assert resultaat.exit_code == 0
    assert resultaat.stdout == ""
    assert rijen(doel.read_text())[0]["po_code"] == "PO2704"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_uitvoer_mag_de_invoer_zelf_zijn(tmp_path):
    pad = schrijf(tmp_path, "postcode\n2011\n")
    assert draai([str(pad), "-o", str(pad)]).exit_code == 0
    assert rijen(pad.read_text())[0]["po_code"] == "PO2704"


@pytest.mark.parametrize("doel", ["map", "bestaat/niet/uit.csv"])
def test_onschrijfbare_uitvoer_geeft_2(tmp_path, doel):
    (tmp_path / "map").mkdir()
    pad = schrijf(tmp_path, "postcode\n2011\n")
    resultaat = draai([str(pad), "-o", str(tmp_path / doel)])
    assert resultaat.exit_code == 2
    assert "uitvoerbestand" in resultaat.stderr


@pytest.mark.parametrize(("sector", "kolommen"), [
    ("po", ["gemeente_code", "gemeente", "po_code", "po_naam", "match_soort", "match_score",
            "match_opmerking"]),
    ("VO", ["gemeente_code", "gemeente", "vo_code", "vo_naam", "match_soort", "match_score",
            "match_opmerking"]),
])
def test_sector(tmp_path, sector, kolommen):
    _, uit = koppel_tekst(tmp_path, "plaats\nHaarlemmermeer\n", "--sector", sector)
    assert list(uit[0]) == ["plaats", *kolommen]
    assert uit[0][kolommen[2]] == ("PO2710|PO2704" if sector == "po" else "VO2709|VO2705")


# --- exit codes --------------------------------------------------------------------------


def test_niet_gevonden_rijen_geven_toch_0(tmp_path):
    resultaat = draai([str(schrijf(tmp_path, "plaats\nxyzzy\n"))])
    assert resultaat.exit_code == 0


@pytest.mark.parametrize("geval", ["bestaat niet", "map", "leeg", "lege eerste regel"])
def test_onbruikbaar_invoerbestand_geeft_2(tmp_path, geval):
    pad = {
        "bestaat niet": tmp_path / "nergens.csv",
        "map": tmp_path,
        "leeg": schrijf(tmp_path, b""),
        "lege eerste regel": schrijf(tmp_path, "\npostcode\n2011\n"),
    }[geval]
    resultaat = draai([str(pad)])
    assert resultaat.exit_code == 2
    assert resultaat.stderr.strip() and "Traceback" not in resultaat.output


def test_ontbrekend_argument_geeft_2():
    resultaat = draai([])
    assert resultaat.exit_code == 2
    assert "invoerbestand" in resultaat.stderr


def test_datafout_geeft_3(tmp_path, monkeypatch):
    def kapot():
        raise DataFout("De meegeleverde dataset ontbreekt; installeer passend opnieuw.")

    monkeypatch.setattr("passend_cli.dataset.laad", kapot)
    resultaat = draai([str(schrijf(tmp_path, "postcode\n2011\n"))])
    assert resultaat.exit_code == 3
    assert "dataset ontbreekt" in resultaat.stderr


# --- junk ----------------------------------------------------------------------------------


ROMMEL = {
    "binair": bytes(range(256)) * 50,
    "nullen": b"\x00" * 5000,
    "alleen kop": b"postcode",
    "alleen kop met crlf": b"postcode\r\n",
    "lange cellen": ("plaats,x\n" + "H" * 10_000 + "," + "é" * 10_000 + "\n").encode(),
    "lange postcodecel": ("postcode\n" + "1" * 10_000 + "\n").encode(),
    "stuurtekens": "plaats\n\x01\x02\x1b[31m\x7f\nHaar\x00lem\n\u202eHaarlem\n".encode(),
    "emoji": "plaats,😴\n🏫🇳🇱,x\n😴,\n".encode(),
    "open aanhalingsteken": b'plaats\n"Haarlem\nOverveen\n',
    "losse aanhalingstekens": b'plaats\nHa"ar"lem\n"a"b\n',
    "alleen scheidingstekens": b";;;;\n;;;;\n",
    "geen nieuwe regel": b"x" * 2_000_000,
    "kop zonder naam": b"\n\n\n",
    "utf16 oneven": "plaats\nHaarlem\n".encode("utf-16")[:-1],
    "gemengd": b"plaats\nHaarlem\n" + "Súdwest-Fryslân\n".encode("cp1252") + "Zoë\n".encode(),
    "cr als regeleinde": b"plaats\rHaarlem\rOverveen\r",
    "veel kolommen": (",".join(f"k{i}" for i in range(5000)) + ",plaats\n"
                      + ",".join("x" * 5000) + ",Haarlem\n").encode(),
}


@pytest.mark.parametrize("naam", list(ROMMEL))
def test_rommel_geeft_een_nette_afloop(tmp_path, naam):
    pad = schrijf(tmp_path, ROMMEL[naam])
    for args in ([str(pad)], [str(pad), "--kolom", "plaats"], ["-"]):
        resultaat = runner.invoke(app, ["koppel", *args],
                                  input=ROMMEL[naam] if args == ["-"] else None)
        assert resultaat.exit_code in (0, 2), (naam, resultaat.exit_code, resultaat.output[-500:])
        assert "Traceback" not in resultaat.output
        if resultaat.exception is not None:
            assert isinstance(resultaat.exception, SystemExit), repr(resultaat.exception)
        assert resultaat.stderr.strip()


@pytest.mark.parametrize("rommel", ["", "x" * 10_000, "\x00", "😴", "--", "a\x00b"])
def test_rommel_in_opties(tmp_path, monkeypatch, rommel):
    monkeypatch.chdir(tmp_path)  # "-o 😴" writes a file named 😴
    pad = schrijf(tmp_path, "postcode\n2011\n")
    for args in (["--kolom", rommel, str(pad)], ["-o", rommel, str(pad)],
                 ["--sector", rommel, str(pad)], [rommel]):
        resultaat = draai(args)
        assert resultaat.exit_code in (0, 2), (args, resultaat.output[-300:])
        assert "Traceback" not in resultaat.output


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.text(max_size=30), min_size=2, max_size=2), max_size=20),
       st.sampled_from([",", ";"]))
def test_elke_invoer_komt_ongeschonden_terug(tmp_path, velden, scheiding):
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=scheiding, lineterminator="\r\n")
    schrijver.writerow(["plaats", "x"])
    schrijver.writerows(velden)
    pad = tmp_path / "h.csv"
    pad.write_bytes(buffer.getvalue().encode("utf-8"))
    uit = tmp_path / "h-uit.csv"
    s = koppel_module.koppel(pad, uit, meld=lambda _: None, voortgang=None)
    terug = list(csv.reader(io.StringIO(uit.read_bytes().decode("utf-8"), newline=""),
                            delimiter=scheiding))
    verwacht = list(csv.reader(io.StringIO(buffer.getvalue(), newline=""), delimiter=scheiding))
    assert s.rijen == len(velden)
    assert len(terug) == len(verwacht)
    for a, b in zip(terug, verwacht, strict=True):
        assert a[:2] == b
        assert len(a) == 2 + len(NIEUW)


# --- the installed command, for real -------------------------------------------------------


def _omgeving() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PASSEND_DEBUG")}


def test_echte_opdracht_via_stdin_en_stdout():
    invoer = "naam;woonplaats\nPiet;Overveen\nAn;Haarlemmermeer\nJo;xyzzy\n".encode("cp1252")
    klaar = subprocess.run(
        [sys.executable, "-m", "passend_cli", "koppel", "-"], input=invoer,
        capture_output=True, timeout=60, env=_omgeving(), check=False,
    )
    assert klaar.returncode == 0, klaar.stderr
    uit = rijen(klaar.stdout.decode("utf-8"), ";")
    assert [r["po_code"] for r in uit] == ["PO2704", "PO2710|PO2704", ""]
    fout = klaar.stderr.decode("utf-8")
    assert "Kolom 'woonplaats' gebruikt (plaatsnamen)." in fout
    assert "Traceback" not in fout


def test_gesloten_pijp_eindigt_stil(tmp_path):
    pad = schrijf(tmp_path, "postcode\n" + "2011 AB\n" * 200_000)
    proces = subprocess.Popen(
        [sys.executable, "-m", "passend_cli", "koppel", str(pad)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_omgeving(),
    )
    assert proces.stdout.readline().startswith(b"postcode,")
    proces.stdout.close()
    fout = proces.stderr.read().decode()
    proces.wait(timeout=60)
    assert proces.returncode == 141
    assert "Traceback" not in fout and "Error" not in fout


def test_uitvoer_naar_een_pijp_of_apparaat_vervangt_die_niet(tmp_path):
    import os
    import threading

    invoer = tmp_path / "in.csv"
    invoer.write_text("postcode\n2051\n", encoding="utf-8")
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    gelezen: list[str] = []
    lezer = threading.Thread(target=lambda: gelezen.append(fifo.read_text(encoding="utf-8")))
    lezer.start()
    from typer.testing import CliRunner

    from passend_cli.cli import app

    resultaat = CliRunner().invoke(app, ["koppel", str(invoer), "-o", str(fifo)])
    lezer.join(timeout=30)
    assert resultaat.exit_code == 0
    assert fifo.is_fifo()
    assert "PO2704" in gelezen[0]


def test_uitvoer_via_een_link_schrijft_het_doel(tmp_path):
    from typer.testing import CliRunner

    from passend_cli.cli import app

    invoer = tmp_path / "in.csv"
    invoer.write_text("postcode\n2051\n", encoding="utf-8")
    doel = tmp_path / "doel.csv"
    doel.write_text("oud", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(doel)
    assert CliRunner().invoke(app, ["koppel", str(invoer), "-o", str(link)]).exit_code == 0
    assert link.is_symlink()
    assert "PO2704" in doel.read_text(encoding="utf-8")


# --- files as they come: Excel's sep= line, no header, open quotes, huge fields ------------


def test_excel_sep_regel_kiest_het_scheidingsteken_en_blijft_staan(tmp_path):
    inhoud = "sep=;\npostcode;naam,voornaam\n2011;Jansen, Piet\n"
    resultaat = draai([str(schrijf(tmp_path, inhoud))])
    assert resultaat.exit_code == 0, resultaat.stderr
    regels = resultaat.stdout.splitlines()
    assert regels[0] == "sep=;"
    uit = rijen("\n".join(regels[1:]), ";")
    assert (uit[0]["naam,voornaam"], uit[0]["po_code"]) == ("Jansen, Piet", "PO2704")


@pytest.mark.parametrize(("inhoud", "kolom"), [
    ("2011,a\n1011,b\n", "postcodes"),
    ("x;Overveen\ny;Haarlem\n", "plaatsnamen"),
])
def test_bestand_zonder_kopregel(tmp_path, inhoud, kolom):
    resultaat = draai([str(schrijf(tmp_path, inhoud))])
    assert resultaat.exit_code == 0, resultaat.stderr
    assert f"geen kopregel; kolom {1 if kolom == 'postcodes' else 2} gelezen als {kolom}" \
        in resultaat.stderr
    regels = resultaat.stdout.splitlines()
    assert len(regels) == 2  # no header added: the output keeps the input's shape
    assert all(",PO27" in r or ";PO27" in r for r in regels)


def test_kop_die_niets_herkent_blijft_een_fout(tmp_path):
    resultaat = draai([str(schrijf(tmp_path, "naam,adres\nJan,Dorpsstraat 1\n"))])
    assert resultaat.exit_code == 2
    assert "kies er een met --kolom" in resultaat.stderr


@pytest.mark.parametrize(("inhoud", "regel"), [
    ('postcode,naam\n2011,"abc\n1011,x\n1012,y\n', 2),
    ('postcode,naam\n2011,"twee\nregels"\n1011,x\n1012,"open\n', 5),
])
def test_ongesloten_aanhalingsteken_noemt_de_regel(tmp_path, inhoud, regel):
    uit = tmp_path / "uit.csv"
    resultaat = draai([str(schrijf(tmp_path, inhoud)), "-o", str(uit)])
    assert resultaat.exit_code == 2
    assert resultaat.stderr.strip().endswith(
        f"Regel {regel} van '{tmp_path / 'in.csv'}' is geen geldige CSV (een aanhalingsteken "
        "wordt niet gesloten, zodat de rest van het bestand één veld zou worden).")
    assert not uit.exists()


def test_los_aanhalingsteken_midden_in_een_veld_is_geen_fout(tmp_path):
    _, uit = koppel_tekst(tmp_path, 'postcode,maat\n2011,5" diskette\n')
    assert uit[0]["maat"] == '5" diskette' and uit[0]["po_code"] == "PO2704"


def test_groot_veld_tussen_aanhalingstekens(tmp_path):
    groot = "x" * (1 << 20)
    _, uit = koppel_tekst(tmp_path, f'postcode,notitie\n2011,"{groot}"\n')
    assert uit[0]["po_code"] == "PO2704" and len(uit[0]["notitie"]) == 1 << 20


def test_te_lange_regel(tmp_path, monkeypatch):
    monkeypatch.setattr(koppel_module, "MAX_REGEL", 1 << 20)
    resultaat = draai([str(schrijf(tmp_path, "postcode,x\n2011,a\n" + "9" * (3 << 20) + "\n"))])
    assert resultaat.exit_code == 2
    assert "Regel 3 van" in resultaat.stderr and "(de regel is langer dan 1 MB)" in resultaat.stderr


def test_latin1_tekens_die_windows_1252_niet_kent_worden_vraagtekens(tmp_path):
    # The SWV names fit in Windows-1252; were one not to, it would become '?', not an error.
    resultaat = draai([str(schrijf(tmp_path, "plaats;naam\nSneek;Zoë\n".encode("cp1252")))])
    assert resultaat.exit_code == 0
    assert "Zoë".encode("cp1252") in resultaat.stdout_bytes


# --- where the output goes ------------------------------------------------------------------


def _passend_koppel(*args: str, **kwargs) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("passend")
    if not script.exists():
        pytest.skip("het commando passend is niet geïnstalleerd")
    return subprocess.run([str(script), "koppel", *args], capture_output=True, timeout=60,
                          **kwargs)


def test_uitvoer_naar_dev_stdout_voegt_toe_aan_een_bestand(tmp_path):
    alles = tmp_path / "alles.csv"
    alles.write_text("wat er al stond\n", encoding="utf-8")
    invoer = schrijf(tmp_path, "postcode\n2011\n")
    with open(alles, "ab") as uit:  # the shell's ">> alles.csv"
        p = subprocess.run([str(Path(sys.executable).with_name("passend")), "koppel",
                            str(invoer), "-o", "/dev/stdout"], stdout=uit,
                           stderr=subprocess.PIPE, timeout=60)
    assert p.returncode == 0, p.stderr
    tekst = alles.read_text(encoding="utf-8")
    assert tekst.startswith("wat er al stond\npostcode,gemeente_code,")
    assert "PO2704" in tekst


def test_uitvoer_naar_dev_stdout_in_een_pijp(tmp_path):
    p = _passend_koppel(str(schrijf(tmp_path, "postcode\n2011\n")), "-o", "/dev/stdout")
    assert p.returncode == 0, p.stderr
    assert b"PO2704" in p.stdout


def test_uitvoer_naar_een_eigen_descriptor(tmp_path):
    lees, schrijf_fd = os.pipe()
    p = subprocess.run([str(Path(sys.executable).with_name("passend")), "koppel",
                        str(schrijf(tmp_path, "postcode\n2011\n")), "-o", f"/dev/fd/{schrijf_fd}"],
                       pass_fds=(schrijf_fd,), capture_output=True, timeout=60)
    os.close(schrijf_fd)
    with os.fdopen(lees, "rb") as f:
        uit = f.read()
    assert p.returncode == 0, p.stderr
    assert b"PO2704" in uit and b"PO2704" not in p.stdout
