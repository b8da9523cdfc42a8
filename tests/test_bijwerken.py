"""``passend data update``: refreshing from DUO's open data, safely, without a network.

The nine DUO files are generated here from the bundled dataset (one area per SWV, names
from samenwerkingsverbanden.csv, school lists from scholen.csv), with one of each kind
of change DUO may publish, and served by a loopback HTTP server or read from a folder.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passend_cli import __version__, bijwerken, dataset, formaat, opslag
from passend_cli.bijwerken import downloaden
from passend_cli.bijwerken.downloaden import BESTANDEN
from passend_cli.bronnen import duo
from passend_cli.bronnen.duo import NAMEN, REGIO, swv_code
from passend_cli.bronnen.scholen import DUO_BO, DUO_VO, RIO_VESTIGINGEN
from passend_cli.fouten import DataFout, OngeldigeInvoer
from passend_cli.samenstellen import uit_duo

PEILDATUM = date(2026, 6, 1)
NAMEN_KOP = (
    "SAMENWERKINGSVERBANDNUMMER", "BEGINDATUM", "EINDDATUM", "STICHTINGSDATUM",
    "IN_BEDRIJFDATUM", "UIT_BEDRIJFDATUM", "ERKENNERCODE", "ERKENNER", "BEGINDATUM_PERIODE",
    "EINDDATUM_PERIODE", "BEKOSTIGINGSCODE", "GRONDSLAG", "VRIJHEID_VAN_ONDERWIJS",
    "RICHTINGEN", "SOORT", "VERKORTE_NAAM", "VOLLEDIGE_NAAM", "WET",
)
REGIO_KOP = ("SAMENWERKINGSVERBANDNUMMER", "BEGINDATUM", "EINDDATUM", "POSTCODECIJFERS")
GEZAG_KOP = ("BGE_CODE", "RELATIESOORT", "SAMENWERKINGSVERBANDNUMMER", "BEGINDATUM",
             "EINDDATUM")
BESTUUR_RELATIE_KOP = ("ONDERWIJSBESTUURID", "BGE_CODE", "BEGINDATUM", "EINDDATUM")
BESTUREN_KOP = ("ONDERWIJSBESTUURID", "INBEDRIJFDATUM", "UITBEDRIJFDATUM", "KVK_NUMMER",
                "RSIN", "BEGINDATUM_PERIODE", "EINDDATUM_PERIODE", "INTERNATIONALE_NAAM",
                "NAAM")
ADRES_KOP = (
    "ONDERWIJSBESTUURID", "ONDERWIJSAANBIEDERID", "ONDERWIJSAANBIEDERGROEPID",
    "ONDERWIJSBEGELEIDINGSAANBIEDERID", "BEGINDATUM", "EINDDATUM", "CONTEXT",
    "SUBCONTEXT_NUMMER", "SUBCONTEXT", "CONTACTNAAM", "EMAILADRES", "FAXNUMMER",
    "TELEFOONNUMMER", "WEBADRES", "BEZOEKNL_STRAATNAAM", "BEZOEKNL_HUISNUMMER",
    "BEZOEKNL_HUISNUMMERTOEVOEGING", "BEZOEKNL_POSTCODE", "BEZOEKNL_PLAATSNAAM",
    "POSTNL_STRAATNAAM", "POSTNL_HUISNUMMER", "POSTNL_HUISNUMMERTOEVOEGING",
    "POSTNL_POSTCODE", "POSTNL_PLAATSNAAM",
)
VESTIGING_RELATIE_KOP = ("SAMENWERKINGSVERBANDNUMMER", "VESTIGINGSCODE", "BEGINDATUM",
                         "EINDDATUM")
SCHOLEN_KOP = ("INSTELLINGSCODE", "VESTIGINGSCODE", "VESTIGINGSNAAM", "STRAATNAAM",
               "HUISNUMMER-TOEVOEGING", "POSTCODE", "PLAATSNAAM", "GEMEENTENAAM", "PROVINCIE",
               "DENOMINATIE")
NIEUWE_NAAM = "Samenwerkingsverband Passend Onderwijs Súdwest Testnaam"
NIEUWE_SCHOOL = ("99ZZ00", "OBS De Testvlinder")
CONTACT_DELEN = (duo.RELATIES_BEVOEGD_GEZAG, duo.RELATIES_BESTUREN, duo.BESTUREN,
                 duo.CONTACTADRESSEN)


def csv_bytes(kop, rijen, scheiding=",", codering="utf-8-sig", regeleinde="\r\n") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=scheiding, lineterminator=regeleinde).writerows([kop, *rijen])
    return buffer.getvalue().encode(codering)


# --- the files, in DUO's formats, made from the bundled data ----------------------------


class Scenario:
    """The bundled data with one of each kind of change DUO may publish."""

    def __init__(self) -> None:
        ds = dataset.Dataset(opslag.gebundelde_map(), "meegeleverd")
        self.bundel = ds
        per: dict[str, set[str]] = defaultdict(set)
        for p in ds.postcodes.values():
            if p.herkomst != "afgeleid":  # what the regulation assigns, as DUO would
                for s in ("PO", "VO"):
                    if p.swv(s):
                        per[p.swv(s)].add(p.postcode)
        self.ongewijzigd = {c: set(pcs) for c, pcs in per.items()}
        grootte = sorted(per, key=lambda c: (-len(per[c]), c))
        po = [c for c in grootte if c.startswith("PO")]
        vo = [c for c in grootte if c.startswith("VO")]
        # 1. a PC4 moves from the largest PO area to another one
        self.van, self.naar = po[0], po[1]
        self.verhuisd = max(per[self.van])
        per[self.van].discard(self.verhuisd)
        per[self.naar].add(self.verhuisd)
        # 2. a VO area ends and merges into another
        self.vervallen, self.opvolger = vo[-1], vo[0]
        self.oud_gebied = set(per.pop(self.vervallen))
        per[self.opvolger] |= self.oud_gebied
        # 3. an SWV is renamed
        self.hernoemd = vo[1]
        # 4. a new PO SWV takes over the PC4s of one gemeente from a large PO area
        self.nieuw = "PO2899"
        bron = po[2]
        gemeente = sorted({ds.postcodes[p].gemeente_code for p in per[bron]})[0]
        self.nieuw_gebied = {p for p in per[bron] if ds.postcodes[p].gemeente_code == gemeente}
        per[bron] -= self.nieuw_gebied
        per[self.nieuw] = set(self.nieuw_gebied)
        # 5. a PC4 we do not know, between two known ones of one gemeente and area
        po_van = {p: c for c, pcs in per.items() if c.startswith("PO") for p in pcs}
        vo_van = {p: c for c, pcs in per.items() if c.startswith("VO") for p in pcs}

        def kenmerk(pc: str):
            p = ds.postcodes.get(pc)
            return p and (pc[:2], po_van.get(pc), vo_van.get(pc), p.gemeente_code)

        for n in range(1001, 9999):
            a, x, b = f"{n - 1}", f"{n}", f"{n + 1}"
            if x not in ds.postcodes and kenmerk(a) and kenmerk(a) == kenmerk(b) \
                    and po_van.get(a) and vo_van.get(a):
                self.nieuwe_pc, self.nieuwe_pc_gemeente = x, ds.postcodes[a].gemeente_code
                per[po_van[a]].add(x)
                per[vo_van[a]].add(x)
                break
        self.per = per
        self.namen = {c: v.naam or f"Samenwerkingsverband {v.regiocode}"
                      for c, v in ds.verbanden.items()}
        self.namen[self.nieuw] = "Passend Primair Onderwijs Testregio"
        # The contact chains: one of each case the RIO files hold.
        self.bezoek, self.postbus = po[3], po[4]  # official block: visiting / postal
        self.vrijwillig = po[5]  # only VRIJWILLIGE_DEELNAME: no block
        self.beeindigd = po[6]  # its HIERARCHISCH relation has ended: no block
        self.twee_besturen = po[7]  # two legal bodies: no block to choose
        # The schools: one leaves, one arrives, one is placed by RIO against its postcode.
        scholen = sorted(self.bundel_scholen(), key=lambda r: r["code"])
        self.scholen = scholen
        self.weg = next(r for r in scholen if r["soort"] == "bo")
        self.globe = next(r for r in scholen if r["code"] == "16NG00")  # OBS De Globe
        anders = next(c for c in po if c != self.globe["swv"])
        self.rio_anders = (self.globe["code"], anders)

    def bundel_scholen(self) -> list[dict[str, str]]:
        tekst = (opslag.gebundelde_map() / "scholen.csv").read_text(encoding="utf-8")
        return list(csv.DictReader(tekst.splitlines()))

    # --- file contents -----------------------------------------------------------------

    def regio(self, per=None, codevorm=lambda c: c, datumvorm=lambda d: d) -> list[list[str]]:
        per = self.per if per is None else per
        rijen = [[codevorm(c), datumvorm("2012-08-01"), "", ",".join(sorted(per[c]))]
                 for c in sorted(per)]
        if per is self.per:
            rijen.append([codevorm(self.vervallen), datumvorm("2012-08-01"),
                          datumvorm("2020-08-01"), ",".join(sorted(self.oud_gebied))])
            # an area that starts only after the reference date
            rijen.append([codevorm(self.naar), datumvorm("2099-08-01"), "", "1011,1012"])
        # the national SWVs have no area of their own
        rijen.append([codevorm("PO0001"), datumvorm("2014-08-01"), "", ""])
        return rijen

    def namen_rijen(self, codevorm=lambda c: c, namen=None) -> list[list[str]]:
        def rij(code, naam, begin="2014-08-01", einde="", pbegin="2014-08-01", peinde="",
                soort=None):
            soort = soort or ("PAPO" if code.startswith("PO") else "PAVO")
            uit = dict.fromkeys(NAMEN_KOP, "")
            uit.update(SAMENWERKINGSVERBANDNUMMER=codevorm(code), BEGINDATUM=begin,
                       EINDDATUM=einde, BEGINDATUM_PERIODE=pbegin, EINDDATUM_PERIODE=peinde,
                       SOORT=soort, VERKORTE_NAAM=naam[:30], VOLLEDIGE_NAAM=naam, ERKENNER="OCW")
            return list(uit.values())

        rijen = []
        for code, naam in sorted((namen or self.namen).items()):
            if namen is None and code == self.hernoemd:
                rijen.append(rij(code, naam, peinde="2024-08-01"))
                rijen.append(rij(code, NIEUWE_NAAM, pbegin="2024-08-01"))
            elif namen is None and code == self.vervallen:
                rijen.append(rij(code, naam, einde="2020-08-01"))
            else:
                rijen.append(rij(code, naam))
        rijen.append(rij("3503", "Oud samenwerkingsverband WSNS", soort="SWPO"))
        return rijen

    def gezag(self) -> list[list[str]]:
        return [
            ["10AA", "HIERARCHISCH", self.bezoek, "2014-08-01", ""],
            ["10AB", "HIERARCHISCH", self.postbus, "2014-08-01", ""],
            ["10AB", "VRIJWILLIGE_DEELNAME", self.vrijwillig, "2014-08-01", ""],
            ["10AC", "HIERARCHISCH", self.beeindigd, "2014-08-01", "2020-08-01"],
            ["10AD", "HIERARCHISCH", self.twee_besturen, "2014-08-01", ""],
            ["10AE", "HIERARCHISCH", self.twee_besturen, "2014-08-01", ""],
            ["10AF", "HIERARCHISCH", "10-1", "2000-08-01", ""],  # an older kind, skipped
        ]

    @staticmethod
    def besturen_relaties() -> list[list[str]]:
        return [["100B001", "10AA", "2014-08-01", ""], ["100B002", "10AB", "2014-08-01", ""],
                ["100B003", "10AC", "2014-08-01", ""], ["100B004", "10AD", "2014-08-01", ""],
                ["100B005", "10AE", "2014-08-01", ""]]

    @staticmethod
    def besturen() -> list[list[str]]:
        return [[f"100B00{n}", "2014-08-01", "", "", "", "", "", "", f"Stichting Test {n}"]
                for n in range(1, 6)]

    @staticmethod
    def adressen() -> list[list[str]]:
        def adres(bestuur, context, email, telefoon, web, bezoek=("", "", "", "", ""),
                  post=("", "", "", "", ""), einde=""):
            return [bestuur, "", "", "", "2014-08-01", einde, context, "", "", "", email, "",
                    telefoon, web, *bezoek, *post]

        return [
            adres("100B001", "ALGEMEEN", "info@test-een.nl", "023 123 45 67",
                  "https://www.test-een.nl", bezoek=("Dreef", "1", "a", "2012 HS", "HAARLEM"),
                  post=("Postbus", "99", "", "2000 AA", "HAARLEM")),
            adres("100B001", "AANMELDEN", "aanmelden@test-een.nl", "", ""),
            adres("100B001", "ALGEMEEN", "oud@test-een.nl", "", "", einde="2020-01-01"),
            adres("100B002", "ALGEMEEN", "\x1b[31mpost@test-twee.nl", "", "www.test-twee.nl",
                  post=("Postbus", "12", "", "1000 AB", "AMSTERDAM")),
            *(adres(f"100B00{n}", "ALGEMEEN", f"info@bestuur{n}.nl", "", "") for n in (3, 4, 5)),
        ]

    def rio_vestigingen(self) -> list[list[str]]:
        code, swv = self.rio_anders
        return [[swv, code, "2014-08-01", ""],
                [self.globe["swv"], code, "2014-08-01", "2020-08-01"],  # ended
                ["10-1", code, "2000-08-01", ""]]  # an older kind of number

    def scholenlijst(self, sector: str) -> list[list[str]]:
        gemeenten = self.bundel.gemeenten
        rijen = []
        for r in self.scholen:
            if r is self.weg or (r["soort"] == "vo") != (sector == "VO"):
                continue
            straat, _, nummer = r["straat"].rpartition(" ")
            rijen.append([r["code"][:4], r["code"], r["naam"].upper(), straat.upper(),
                          nummer, r["postcode"], r["plaats"].upper(),
                          gemeenten[r["gemeente_code"]].naam.upper(), "", ""])
        if sector == "PO":
            rijen.append([NIEUWE_SCHOOL[0][:4], NIEUWE_SCHOOL[0], NIEUWE_SCHOOL[1].upper(),
                          "KERKSTRAAT", "1", "2011 AB", "HAARLEM", "HAARLEM", "", ""])
        return rijen

    def bestanden(self, **vervang: bytes) -> dict[str, bytes]:
        uit = {
            REGIO: csv_bytes(REGIO_KOP, self.regio()),
            NAMEN: csv_bytes(NAMEN_KOP, self.namen_rijen()),
            duo.RELATIES_BEVOEGD_GEZAG: csv_bytes(GEZAG_KOP, self.gezag()),
            duo.RELATIES_BESTUREN: csv_bytes(BESTUUR_RELATIE_KOP, self.besturen_relaties()),
            duo.BESTUREN: csv_bytes(BESTUREN_KOP, self.besturen()),
            duo.CONTACTADRESSEN: csv_bytes(ADRES_KOP, self.adressen()),
            RIO_VESTIGINGEN: csv_bytes(VESTIGING_RELATIE_KOP, self.rio_vestigingen()),
            DUO_BO: csv_bytes(SCHOLEN_KOP, self.scholenlijst("PO"), ";", "latin-1"),
            DUO_VO: csv_bytes(SCHOLEN_KOP, self.scholenlijst("VO"), ";", "latin-1"),
        }
        uit.update({_naam(k): v for k, v in vervang.items()})
        return {k: v for k, v in uit.items() if v is not None}


def _naam(sleutel: str) -> str:
    return next(b.naam for b in BESTANDEN if b.sleutel == sleutel)


def schrijf_map(map_: Path, bestanden: dict[str, bytes]) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    for naam, inhoud in bestanden.items():
        (map_ / naam).write_bytes(inhoud)
    return map_


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return Scenario()


@pytest.fixture(scope="module")
def varianten(scenario) -> dict[str, dict[str, bytes]]:
    s = scenario
    gewoon = s.bestanden()
    regio_nl = s.regio(codevorm=lambda c: f"{c[:2]} {c[2:4]}-{c[4:]}",
                       datumvorm=lambda d: d and f"{d}T00:00:00")
    return {
        "duo": gewoon,
        "puntkomma": {  # another delimiter, Latin-1, other code and date spellings
            **gewoon,
            REGIO: csv_bytes(REGIO_KOP, regio_nl, ";", "latin-1", "\n"),
            NAMEN: csv_bytes(NAMEN_KOP, s.namen_rijen(lambda c: f"SWV {c}"), ";", "latin-1"),
        },
        "ingepakt": {  # gzip, and UTF-16 as Excel writes it
            **gewoon,
            REGIO: gzip.compress(gewoon[REGIO]),
            NAMEN: csv_bytes(NAMEN_KOP, s.namen_rijen(), "\t", "utf-16"),
        },
        "zonder-contact": {k: v for k, v in gewoon.items() if k != duo.CONTACTADRESSEN},
        "zonder-scholen": {k: v for k, v in gewoon.items() if k not in (DUO_BO, DUO_VO)},
        "traag": gewoon,
        "afgekapt": gewoon,
        "eindeloos": gewoon,
        "druppel": gewoon,
        "te-groot": gewoon,
        "html": {**gewoon, REGIO: b"<!DOCTYPE html>\n<html><body>Onderhoud</body></html>"},
        "kolom": {**gewoon, REGIO: csv_bytes(REGIO_KOP[:3], [r[:3] for r in s.regio()])},
        "leeg": {**gewoon, REGIO: b""},
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        variant, _, naam = self.path.lstrip("/").partition("/")
        self.server.verzoeken.append((self.path, self.headers.get("User-Agent")))
        inhoud = self.server.varianten.get(variant, {}).get(naam)
        try:
            if inhoud is None:
                self.send_error(404, "Not Found")
                return
            eerste = naam == REGIO
            if variant == "traag" and eerste:
                time.sleep(1.5)
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            if variant == "te-groot" and eerste:
                self.send_header("Content-Length", str(100 << 20))
                self.end_headers()
                return
            if variant in ("eindeloos", "druppel") and eerste:
                self.send_header("Connection", "close")
                self.end_headers()
                while True:  # no length, no end: only the client's bounds stop this
                    self.wfile.write(b"x" * (1 << 16) if variant == "eindeloos" else b"x")
                    if variant == "druppel":
                        time.sleep(0.05)
            extra = 1000 if variant == "afgekapt" and eerste else 0
            self.send_header("Content-Length", str(len(inhoud) + extra))
            if extra:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(inhoud)
        except OSError:
            pass  # the client gave up

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(varianten):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.varianten = varianten
    httpd.verzoeken = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def gebruikersmap(tmp_path, monkeypatch) -> Path:
    map_ = tmp_path / "passend"
    monkeypatch.setenv("PASSEND_DATA_DIR", str(map_))
    dataset.laad.cache_clear()
    yield map_
    dataset.laad.cache_clear()


@pytest.fixture
def duo_map(tmp_path, varianten) -> Path:
    """The plain variant as downloaded files, for ``importeer``."""
    return schrijf_map(tmp_path / "download", varianten["duo"])


def _opnieuw() -> dataset.Dataset:
    dataset.laad.cache_clear()
    return dataset.laad()


def _inhoud(map_: Path) -> list[str]:
    """What the user's data directory holds, without the lock files."""
    return sorted(p.name for p in map_.iterdir() if p.name != opslag.SLOT)


# --- the happy path ---------------------------------------------------------------------


def test_update_via_http_neemt_alles_van_duo_over(server, scenario, gebruikersmap):
    s = scenario
    voortgang = []
    r = bijwerken.update(f"{server.url}/duo", peildatum=PEILDATUM,
                         voortgang=lambda *a: voortgang.append(a))

    ds = dataset.laad()
    assert ds.herkomst == "bijgewerkt" and ds.map == gebruikersmap / "versies" / ds.map.name
    assert (gebruikersmap / "actief").read_text().strip() == ds.map.name
    assert ds.versie == "duo-2026-06-01" and ds.waarschuwing is None
    assert r.bijgewerkt == {"gebieden": True, "contact": True, "scholen": True,
                            "scholenlijst": True, "koppeling_scholen": True}
    ref = ds.metadata["referentiedata"]
    assert ref["regio_indeling"] == ref["contactgegevens"] == ref["scholenlijst"] == "2026-06-01"
    assert ref["gemeentelijke_indeling"] == s.bundel.metadata["referentiedata"][
        "gemeentelijke_indeling"]  # kept from the bundle
    assert any(f"({server.url}/duo)" in b for b in ds.metadata["bronnen"])
    assert {n for n, *_ in voortgang} == {b.naam for b in BESTANDEN}

    # 1. moved PC4
    assert ds.postcodes[s.verhuisd].po == s.naar
    assert (s.verhuisd, "PO", s.van, s.naar) in r.verschillen.verplaatst
    # 2. ended and merged area
    assert s.vervallen not in ds.verbanden
    assert {ds.postcodes[p].vo for p in s.oud_gebied} == {s.opvolger}
    assert r.verschillen.vervallen == [(s.vervallen, s.bundel.verbanden[s.vervallen].weergavenaam)]
    # 3. renamed, the old name still finds it
    v = ds.verbanden[s.hernoemd]
    oud = s.bundel.verbanden[s.hernoemd]
    assert v.naam == NIEUWE_NAAM
    if oud.naam:
        assert oud.naam in v.ook_bekend_als
    assert (s.hernoemd, oud.naam, NIEUWE_NAAM) in r.verschillen.hernoemd
    # 4. a new SWV with DUO's name and no contact of its own
    n = ds.verbanden[s.nieuw]
    assert n.naam == "Passend Primair Onderwijs Testregio" and n.sector == "PO"
    assert (n.website, n.email, n.telefoon) == ("", "", "")
    assert r.verschillen.toegevoegd == [(s.nieuw, n.naam)]
    assert {ds.postcodes[p].po for p in s.nieuw_gebied} == {s.nieuw}
    # 5. a new PC4 gets the gemeente of its neighbours
    p = ds.postcodes[s.nieuwe_pc]
    assert (p.gemeente_code, p.herkomst) == (s.nieuwe_pc_gemeente, "duo")
    assert r.verschillen.nieuwe_postcodes == [s.nieuwe_pc]
    assert ds.postcodes["1011"].herkomst == "duo"

    regels = bijwerken.beschrijf(r.verschillen)
    tekst = "\n".join(regels)
    assert "Nieuwe samenwerkingsverbanden (1):" in regels
    assert f"  {s.nieuw} Passend Primair Onderwijs Testregio" in regels
    assert "Vervallen samenwerkingsverbanden (1):" in regels
    assert f"{s.hernoemd}: {NIEUWE_NAAM}" in tekst
    assert "postcodes vallen nu onder een ander samenwerkingsverband" in tekst
    assert "Nieuwe postcodes (1):" in regels

    agents = {a for pad, a in server.verzoeken if pad.startswith("/duo/")}
    assert agents == {f"passend/{__version__}"}
    # The copy credits DUO and passes the same checks as the bundled data.
    assert formaat.controleer_map(ds.map) == []
    assert "DUO" in (ds.map / "SOURCES.md").read_text(encoding="utf-8")


def test_officieel_contactblok_volgt_de_keten_van_rio(duo_map, scenario):
    s = scenario
    r = bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    ds = dataset.laad()
    v = ds.verbanden[s.bezoek]  # HIERARCHISCH -> bestuur -> ALGEMEEN, visiting address
    assert (v.website, v.email, v.telefoon) == ("https://www.test-een.nl", "info@test-een.nl",
                                                "023 123 45 67")
    assert (v.straat, v.postcode, v.plaats) == ("Dreef 1 a", "2012 HS", "HAARLEM")
    assert (v.contact_bron, v.contact_datum) == ("DUO", "2026-06-01")
    assert v.opmerking == "Officieel contactadres van Stichting Test 1 (RIO)."
    w = ds.verbanden[s.postbus]  # only a postal address; the escape sequence is gone
    assert (w.straat, w.postcode, w.email) == ("Postbus 12", "1000 AB", "[31mpost@test-twee.nl")
    assert "\x1b" not in w.email
    for code in (s.vrijwillig, s.beeindigd, s.twee_besturen):
        # no official block: the facts from the bundle stay, with their own source
        bundel = s.bundel.verbanden[code]
        assert ds.verbanden[code].website == bundel.website
        assert ds.verbanden[code].contact_bron == bundel.contact_bron
    assert {s.bezoek, s.postbus} <= set(r.verschillen.contact)


def test_scholen_uit_de_lijsten_van_duo_en_de_koppeling_van_rio(duo_map, scenario):
    s = scenario
    r = bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    ds = dataset.laad()
    from passend_cli import scholen

    nieuw = scholen.zoek_school(NIEUWE_SCHOOL[0])
    assert nieuw and nieuw[0].school.naam == "OBS De Testvlinder"
    assert nieuw[0].school.swv == ds.postcodes["2011"].po  # by its postcode
    assert not scholen.zoek_school(s.weg["code"])
    globe = scholen.zoek_school(s.globe["code"])[0].school
    assert (globe.swv, globe.herkomst_swv) == (s.rio_anders[1], "rio")  # RIO beats the PC4
    assert r.verschillen.scholen_erbij == 1 and r.verschillen.scholen_weg == 1
    assert ds.metadata["aantallen"]["scholen"] == len(s.scholen)
    rijen = list(csv.DictReader((r.map / "scholen.csv").read_text("utf-8").splitlines()))
    assert all(rij["swv"] or rij["reden"] for rij in rijen)  # an SWV, or why none
    assert sum(not rij["swv"] for rij in rijen) <= 0.01 * len(rijen)


def test_verversen_met_ongewijzigde_gebieden_geeft_de_bundel_terug(tmp_path, scenario):
    """DUO's areas equal to the regulation's: every PC4 keeps its SWVs, including
    the ones the bundle derived (1384 in Amsterdam keeps PO2709 and VO2710)."""
    s = scenario
    map_ = schrijf_map(tmp_path / "zelfde", s.bestanden(
        regio=csv_bytes(REGIO_KOP, s.regio(per=s.ongewijzigd)),
        namen=csv_bytes(NAMEN_KOP, s.namen_rijen(namen={
            c: n for c, n in s.namen.items() if c != s.nieuw}))))
    r = bijwerken.importeer(map_, peildatum=PEILDATUM)
    ds = dataset.laad()
    assert {pc: (p.po, p.vo) for pc, p in ds.postcodes.items()} == {
        pc: (p.po, p.vo) for pc, p in s.bundel.postcodes.items()}
    assert (ds.postcodes["1384"].po, ds.postcodes["1384"].vo) == ("PO2709", "VO2710")
    assert ds.postcodes["1384"].herkomst == "afgeleid"
    assert not r.verschillen.verplaatst and not r.verschillen.toegevoegd


def test_andere_schrijfwijzen_en_inpakken_geven_hetzelfde(server, tmp_path):
    kopieen = {}
    for variant in ("duo", "puntkomma", "ingepakt"):
        r = bijwerken.update(f"{server.url}/{variant}", peildatum=PEILDATUM)
        kopieen[variant] = {stam: (r.map / formaat.bestandsnaam(stam)).read_bytes()
                            for stam in ("postcodes", "samenwerkingsverbanden", "zoekindex",
                                         "scholen")}
    assert kopieen["duo"] == kopieen["puntkomma"] == kopieen["ingepakt"]


def test_importeer_twee_keer_geeft_geen_verschillen_en_bewaart_de_vorige(duo_map,
                                                                         gebruikersmap):
    eerste = bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert not eerste.verschillen.leeg
    tweede = bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert tweede.verschillen.leeg
    assert bijwerken.beschrijf(tweede.verschillen) == [
        "Geen verschillen met de dataset die actief was."
    ]
    assert (gebruikersmap / "vorige").read_text().strip() == eerste.map.name
    assert sorted(p.name for p in (gebruikersmap / "versies").iterdir()) == sorted(
        [eerste.map.name, tweede.map.name])
    assert _opnieuw().map == tweede.map


def test_update_met_lokale_map_als_bron(duo_map):
    bijwerken.update(str(duo_map), peildatum=PEILDATUM)
    assert dataset.laad().herkomst == "bijgewerkt"


def test_standaard_peildatum_is_vandaag(duo_map):
    r = bijwerken.importeer(duo_map)
    assert r.metadata["versie"] == f"duo-{date.today().isoformat()}"


# --- a part that fails: the rest is refreshed, the part keeps its previous values ---------


def test_ontbrekende_contactbestanden_houden_de_vorige_contactgegevens(server, scenario):
    r = bijwerken.update(f"{server.url}/zonder-contact", peildatum=PEILDATUM)
    assert r.bijgewerkt == {"gebieden": True, "contact": False, "scholen": True,
                            "scholenlijst": True, "koppeling_scholen": True}
    assert r.meldingen[0] == (
        "De officiële contactgegevens zijn niet bijgewerkt; de vorige blijven in gebruik "
        f"(Downloaden van {duo.CONTACTADRESSEN} is mislukt: de server antwoordde met "
        "HTTP-fout 404 (Not Found))."
    )
    ds = dataset.laad()
    assert ds.metadata["referentiedata"]["contactgegevens"] == \
        scenario.bundel.metadata["referentiedata"]["contactgegevens"]
    assert ds.verbanden[scenario.bezoek].website == scenario.bundel.verbanden[
        scenario.bezoek].website
    assert ds.metadata["referentiedata"]["regio_indeling"] == "2026-06-01"


def test_ontbrekende_scholenlijsten_houden_de_scholen(server, scenario):
    r = bijwerken.update(f"{server.url}/zonder-scholen", peildatum=PEILDATUM)
    # RIO's links came in; the lists did not
    assert (r.bijgewerkt["scholen"], r.bijgewerkt["scholenlijst"]) == (True, False)
    assert any(m.startswith("De scholenlijsten zijn niet bijgewerkt") for m in r.meldingen)
    ds = dataset.laad()
    assert ds.metadata["aantallen"]["scholen"] == len(scenario.scholen)
    from passend_cli import scholen

    assert scholen.zoek_school(scenario.weg["code"])  # still listed: the old list stays


def test_importeer_zonder_contactbestanden(tmp_path, scenario):
    map_ = schrijf_map(tmp_path / "alleen", {k: v for k, v in scenario.bestanden().items()
                                             if k in (REGIO, NAMEN)})
    r = bijwerken.importeer(map_, peildatum=PEILDATUM)
    assert r.bijgewerkt == {"gebieden": True, "contact": False, "scholen": False,
                            "scholenlijst": False, "koppeling_scholen": False}
    assert len(r.meldingen) >= 3
    assert "ontbreekt in de map" in r.meldingen[0]


def test_onleesbaar_contactbestand_is_een_melding(tmp_path, scenario):
    map_ = schrijf_map(tmp_path / "kapot", scenario.bestanden(
        adressen=b"ONDERWIJSBESTUURID,CONTEXT\n100B001,ALGEMEEN\n"))
    r = bijwerken.importeer(map_, peildatum=PEILDATUM)
    assert not r.bijgewerkt["contact"]
    assert "ontbreken de kolommen BEGINDATUM" in r.meldingen[0]


# --- failures: never touch the active data ----------------------------------------------


@pytest.mark.parametrize(
    ("variant", "melding"),
    [
        ("bestaat-niet", f"Downloaden van {REGIO} is mislukt: de server antwoordde met "
                         "HTTP-fout 404 (Not Found)."),
        ("traag", f"Downloaden van {REGIO} is mislukt: niet binnen de tijdslimiet van 1 "
                  "seconden binnengekomen."),
        ("druppel", f"Downloaden van {REGIO} is mislukt: niet binnen de tijdslimiet van 1 "
                    "seconden binnengekomen."),
        ("eindeloos", f"Downloaden van {REGIO} is mislukt: het bestand wordt groter dan de "
                      "grens van 1 MB."),
        ("te-groot", f"Downloaden van {REGIO} is mislukt: het bestand is 100 MB, groter dan "
                     "de grens van 1 MB."),
        ("afgekapt", f"Downloaden van {REGIO} is mislukt: het bestand is onvolledig "
                     "binnengekomen"),
        ("html", f"{REGIO} is een webpagina (HTML) in plaats van een CSV-bestand"),
        ("kolom", f"In {REGIO} ontbreekt de kolom POSTCODECIJFERS"),
        ("leeg", f"Het bestand {REGIO} is leeg."),
    ],
)
def test_mislukte_update_laat_de_gegevens_ongemoeid(server, duo_map, gebruikersmap,
                                                      variant, melding):
    bijwerken.importeer(duo_map, peildatum=date(2026, 1, 1))
    voor = _inhoud(gebruikersmap)
    begin = time.monotonic()
    with pytest.raises(DataFout) as fout:
        bijwerken.update(f"{server.url}/{variant}", peildatum=PEILDATUM, tijdslimiet=1,
                         max_mb=1)
    assert time.monotonic() - begin < 10  # every bound holds
    assert fout.value.bericht.startswith(melding), fout.value.bericht
    assert fout.value.exitcode == 3
    ds = _opnieuw()
    assert (ds.herkomst, ds.versie) == ("bijgewerkt", "duo-2026-01-01")
    assert _inhoud(gebruikersmap) == voor


def test_mislukte_eerste_update_laat_de_meegeleverde_data_actief(server, gebruikersmap):
    with pytest.raises(DataFout):
        bijwerken.update(f"{server.url}/html", peildatum=PEILDATUM)
    assert dataset.laad().herkomst == "meegeleverd"
    assert not (gebruikersmap / "actief").exists()


@pytest.mark.parametrize("bron", ["ftp://example.org/duo", "https://", "/bestaat/niet/map",
                                  "http://exa mple.org/", "http://127.0.0.1:abc/", "https://[::1/"])
def test_onbruikbare_bron(bron):
    with pytest.raises(OngeldigeInvoer) as fout:
        bijwerken.update(bron)
    assert bron in fout.value.bericht and fout.value.exitcode == 2


def test_geen_verbinding_is_een_nederlandse_zin():
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nobody listens
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    with pytest.raises(DataFout) as fout:
        bijwerken.update(f"http://127.0.0.1:{poort}/", tijdslimiet=5)
    assert fout.value.bericht == (f"Downloaden van {REGIO} is mislukt: geen verbinding met de "
                                  "server (de server weigert de verbinding).")


def test_download_geeft_de_bestanden(server, tmp_path, varianten):
    voortgang = []
    binnen = downloaden.download(f"{server.url}/duo", tmp_path / "dl",
                                 voortgang=lambda *a: voortgang.append(a))
    assert binnen.mislukt == {}
    assert binnen.bestanden["regio"] == tmp_path / "dl" / REGIO
    assert binnen.bestanden["regio"].read_bytes() == varianten["duo"][REGIO]
    totaal = len(varianten["duo"][DUO_VO])
    assert voortgang[-1] == (DUO_VO, totaal, totaal)


def test_te_groot_lokaal_bestand(tmp_path, varianten):
    map_ = schrijf_map(tmp_path / "groot", {**varianten["duo"], REGIO: b"x" * (2 << 20)})
    with pytest.raises(DataFout, match=f"{REGIO} is groter dan 1 MB"):
        bijwerken.update(str(map_), max_mb=1)


def test_gebruikersmap_onbeschrijfbaar(duo_map, tmp_path, monkeypatch):
    (tmp_path / "bestand").write_text("geen map")
    monkeypatch.setenv("PASSEND_DATA_DIR", str(tmp_path / "bestand" / "passend"))
    with pytest.raises(DataFout, match=r"Kan niet schrijven in .*bestand"):
        bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert _opnieuw().herkomst == "meegeleverd"


def test_importeer_zonder_bestanden(tmp_path):
    with pytest.raises(DataFout, match=f"ontbreekt het bestand {REGIO}"):
        bijwerken.importeer(tmp_path)


def test_postcode_in_twee_gebieden_van_een_sector(tmp_path, scenario):
    regio = scenario.regio()
    eerste = next(r for r in regio if r[0].startswith("PO"))
    tweede = next(r for r in regio if r[0].startswith("PO") and r[0] != eerste[0])
    pc = eerste[3].split(",")[0]
    tweede[3] += "," + pc
    map_ = schrijf_map(tmp_path / "dubbel", scenario.bestanden(
        regio=csv_bytes(REGIO_KOP, regio)))
    with pytest.raises(DataFout) as fout:
        bijwerken.importeer(map_, peildatum=PEILDATUM)
    assert fout.value.bericht == (
        f"Postcode {pc} ligt volgens {REGIO} in twee PO-samenwerkingsverbanden "
        f"({min(eerste[0], tweede[0])} en {max(eerste[0], tweede[0])})."
    )
    assert _opnieuw().herkomst == "meegeleverd"


def test_te_weinig_gebieden(tmp_path, scenario):
    map_ = schrijf_map(tmp_path / "half", scenario.bestanden(
        regio=csv_bytes(REGIO_KOP, scenario.regio()[::2])))
    with pytest.raises(DataFout, match="het bestand lijkt onvolledig"):
        bijwerken.importeer(map_, peildatum=PEILDATUM)


def test_een_paar_ontbrekende_postcodes_houden_hun_samenwerkingsverband(tmp_path, scenario):
    s = scenario
    weg = sorted(s.per[s.naar])[:3]
    per = {c: pcs - set(weg) for c, pcs in s.per.items()}
    per = {c: pcs for c, pcs in per.items() if pcs}
    map_ = schrijf_map(tmp_path / "gat", s.bestanden(regio=csv_bytes(REGIO_KOP, s.regio(per))))
    r = bijwerken.importeer(map_, peildatum=PEILDATUM)
    ds = dataset.laad()
    for pc in weg:
        assert ds.postcodes[pc].herkomst == "vorige"
        assert ds.postcodes[pc].po == s.bundel.postcodes[pc].po
    assert any(m.startswith(f"{REGIO} noemt 3 postcodes niet") for m in r.meldingen)


def test_veel_ontbrekende_postcodes_zijn_een_fout(tmp_path, scenario):
    s = scenario
    weg = set(sorted(s.ongewijzigd[s.van])[:60])
    per = {c: pcs - weg for c, pcs in s.per.items()}
    map_ = schrijf_map(tmp_path / "gat", s.bestanden(
        regio=csv_bytes(REGIO_KOP, s.regio({c: p for c, p in per.items() if p}))))
    with pytest.raises(DataFout, match="dat is meer dan een klein verschil"):
        bijwerken.importeer(map_, peildatum=PEILDATUM)


def test_een_hele_gemeente_die_ontbreekt_is_een_fout(tmp_path, scenario):
    # Every PC4 of Amsterdam out of all areas: far more than the margin of kept PC4s.
    ds = scenario.bundel
    weg = {p.postcode for p in ds.postcodes_per_gemeente["GM0363"]}
    per = {c: pcs - weg for c, pcs in scenario.per.items()}
    regio = scenario.regio({c: p for c, p in per.items() if p})
    map_ = schrijf_map(tmp_path / "gat", scenario.bestanden(regio=csv_bytes(REGIO_KOP, regio)))
    with pytest.raises(DataFout, match="dat is meer dan een klein verschil"):
        bijwerken.importeer(map_, peildatum=PEILDATUM)
    assert _opnieuw().herkomst == "meegeleverd"


def test_namenbestand_past_niet(tmp_path, scenario):
    map_ = schrijf_map(tmp_path / "namen", scenario.bestanden(
        namen=csv_bytes(NAMEN_KOP, scenario.namen_rijen()[:20])))
    with pytest.raises(DataFout, match=f"{NAMEN} geeft geen naam voor"):
        bijwerken.importeer(map_, peildatum=PEILDATUM)


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda r: r.__setitem__(3, r[3] + ",12a4"), "bevat een ongeldige postcode: '12a4'"),
        (lambda r: r.__setitem__(1, "1 augustus 2012"), "onleesbare datum: '1 augustus 2012'"),
        (lambda r: r.__setitem__(0, "XY2001"), f"Onbekende code van een samenwerkingsverband "
                                               f"in {REGIO}: 'XY2001'"),
        (lambda r: r.__setitem__(0, "2001"), "Onbekende code"),  # no sector
    ],
)
def test_onleesbare_waarden(tmp_path, scenario, wijzig, melding):
    regio = scenario.regio()
    wijzig(regio[0])
    map_ = schrijf_map(tmp_path / "fout", scenario.bestanden(regio=csv_bytes(REGIO_KOP, regio)))
    with pytest.raises(DataFout, match=re.escape(melding)):
        bijwerken.importeer(map_, peildatum=PEILDATUM)


# --- interruptions, damage and other processes ------------------------------------------


def test_schijf_vol_bij_de_wissel_houdt_de_vorige(duo_map, gebruikersmap, monkeypatch):
    bijwerken.importeer(duo_map, peildatum=date(2026, 1, 1))
    voor = _inhoud(gebruikersmap)
    echte = os.replace

    def faalt(bron, doel):
        if Path(bron).name.startswith(opslag.STAGING):
            raise OSError(28, "No space left on device")
        return echte(bron, doel)

    monkeypatch.setattr(os, "replace", faalt)
    with pytest.raises(DataFout) as fout:
        bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert fout.value.bericht == (
        "De nieuwe dataset kon niet worden geïnstalleerd (de schijf is vol); "
        "de vorige gegevens blijven in gebruik."
    )
    monkeypatch.setattr(os, "replace", echte)
    ds = _opnieuw()
    assert (ds.herkomst, ds.versie, ds.waarschuwing) == ("bijgewerkt", "duo-2026-01-01", None)
    assert _inhoud(gebruikersmap) == voor


def test_ctrl_c_tijdens_het_schrijven(duo_map, gebruikersmap, monkeypatch):
    bijwerken.importeer(duo_map, peildatum=date(2026, 1, 1))
    from passend_cli.bijwerken import installeren

    def onderbroken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(installeren, "schrijf", onderbroken)
    with pytest.raises(KeyboardInterrupt):
        bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert _opnieuw().versie == "duo-2026-01-01"
    assert not [p for p in gebruikersmap.iterdir() if p.name.startswith(opslag.STAGING)]


@pytest.mark.parametrize("stap", ["begin", "geschreven", "verplaatst", "vorige", "actief"])
def test_afgebroken_proces_laat_een_hele_dataset_achter(duo_map, gebruikersmap, stap):
    """kill -9 at every step of an install: the active data is the old or the new
    version, complete, and the next refresh clears what was left."""
    bijwerken.importeer(duo_map, peildatum=date(2026, 1, 1))
    omgeving = {**os.environ, "PASSEND_TEST_STOP_BIJ": stap}
    proces = subprocess.run(
        [sys.executable, "-c", "from passend_cli.cli import main; main()", "data", "import",
         str(duo_map)], env=omgeving, capture_output=True, timeout=120)
    assert proces.returncode == -9, proces.stderr
    ds = _opnieuw()
    assert ds.herkomst == "bijgewerkt" and ds.waarschuwing is None
    assert ds.versie == ("duo-2026-01-01" if stap in ("begin", "geschreven", "verplaatst",
                                                      "vorige") else f"duo-{date.today()}")
    assert formaat.controleer_map(ds.map) == []
    bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert not [p for p in gebruikersmap.iterdir() if p.name.startswith((".nieuw-", ".weg-"))]
    assert len(list((gebruikersmap / "versies").iterdir())) == 2  # active and previous


def test_een_lezer_houdt_zijn_versie_vast(duo_map, gebruikersmap):
    eerste = bijwerken.importeer(duo_map, peildatum=date(2026, 1, 1)).map
    slot = opslag.lees_slot(eerste)  # another process reading the first version
    try:
        bijwerken.importeer(duo_map, peildatum=date(2026, 2, 1))
        bijwerken.importeer(duo_map, peildatum=date(2026, 3, 1))
        assert eerste.is_dir()  # neither active nor previous, but in use
        assert formaat.controleer_map(eerste) == []
    finally:
        slot.close()
    bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert not eerste.exists()
    assert len(list((gebruikersmap / "versies").iterdir())) == 2


def test_een_proces_leest_een_versie_van_begin_tot_eind(duo_map, gebruikersmap):
    """A process that started on the first version answers from it, complete, while two
    refreshes make others active: never a mix, never a false 'beschadigd'."""
    bijwerken.importeer(duo_map, peildatum=date(2026, 1, 1))
    lezer = _opnieuw()
    assert lezer.versie == "duo-2026-01-01" and lezer.waarschuwing is None
    bijwerken.importeer(duo_map, peildatum=date(2026, 2, 1))
    bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    lezer.laad_alles()  # reads every table now, after both refreshes
    assert lezer.versie == "duo-2026-01-01"
    assert lezer.metadata["referentiedata"]["regio_indeling"] == "2026-01-01"
    assert _opnieuw().versie == "duo-2026-06-01"


def test_een_tweede_update_wacht_en_geeft_dan_op(duo_map, gebruikersmap, monkeypatch):
    import fcntl

    gebruikersmap.mkdir(parents=True)
    monkeypatch.setattr(opslag, "WACHTTIJD", 0.3)
    with open(gebruikersmap / opslag.SLOT, "ab") as ander:
        fcntl.flock(ander, fcntl.LOCK_EX)
        with pytest.raises(DataFout, match="Er loopt al een update van de dataset"):
            bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert _opnieuw().herkomst == "meegeleverd"
    bijwerken.importeer(duo_map, peildatum=PEILDATUM)  # once the other one is done
    assert _opnieuw().herkomst == "bijgewerkt"


@pytest.mark.parametrize(
    ("beschadig", "probleem"),
    [
        (lambda m: (m / "metadata.json").unlink() or os.mkfifo(m / "metadata.json"),
         "metadata.json is geen gewoon bestand"),
        (lambda m: (m / "postcodes.csv").write_bytes((m / "postcodes.csv").read_bytes()[:-200]),
         "postcodes.csv heeft niet de verwachte grootte"),
        (lambda m: (m / "gemeenten.csv").unlink(), "gemeenten.csv ontbreekt"),
        (lambda m: (m / "metadata.json").write_text("{", encoding="utf-8"), "metadata.json"),
        (lambda m: (m / "metadata.json").write_text(json.dumps(
            {**json.loads((m / "metadata.json").read_text()), "aantallen": [1, 2]})),
         "aantallen is geen lijst van getallen"),
        (lambda m: (m / "metadata.json").write_text(json.dumps(
            {**json.loads((m / "metadata.json").read_text()), "bestanden": "alles"})),
         "bestanden ontbreekt"),
    ],
)
def test_beschadigde_kopie_bij_opstarten(duo_map, gebruikersmap, beschadig, probleem):
    r = bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    beschadig(r.map)
    ds = _opnieuw()
    assert ds.herkomst == "meegeleverd"
    assert ds.waarschuwing.startswith("Let op: de bijgewerkte dataset in ")
    assert probleem in ds.waarschuwing
    st_ = bijwerken.status()
    assert st_["herkomst"] == "meegeleverd" and st_["gebruikerskopie"] and st_["beschadigd"]


def test_inhoud_die_niet_klopt_met_de_controlesom(duo_map, gebruikersmap):
    r = bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    pad = r.map / "gemeenten.csv"
    inhoud = pad.read_bytes()
    pad.write_bytes(inhoud.replace(b"Haarlem", b"Hoorlem"))  # same size, other content
    ds = _opnieuw()
    assert ds.herkomst == "bijgewerkt"  # the glance at start-up sees nothing
    with pytest.raises(DataFout, match=r"gemeenten\.csv klopt niet met de controlesom"):
        ds.gemeenten  # noqa: B018 - reading the table is the test
    assert bijwerken.status()["problemen"] == ["gemeenten.csv klopt niet met de controlesom"]


@pytest.mark.parametrize("inhoud", ["../../etc\n", "", "x" * 500, "bestaat-niet\n"])
def test_beschadigde_pointer(duo_map, gebruikersmap, inhoud):
    bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    (gebruikersmap / "actief").write_text(inhoud, encoding="utf-8")
    ds = _opnieuw()
    assert ds.herkomst == "meegeleverd" and ds.waarschuwing.startswith("Let op:")
    bijwerken.importeer(duo_map, peildatum=PEILDATUM)  # a refresh repairs it
    assert _opnieuw().herkomst == "bijgewerkt"


def test_reset_bewaart_de_kopie_als_vorige(duo_map, gebruikersmap):
    r = bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert bijwerken.reset() is True
    st_ = bijwerken.status()
    assert (st_["herkomst"], st_["gebruikerskopie"], st_["vorige"]) == (
        "meegeleverd", False, r.map.name)
    assert r.map.is_dir() and formaat.controleer_map(r.map) == []
    assert bijwerken.reset() is False


def test_kopie_in_de_oude_indeling(gebruikersmap):
    oud = gebruikersmap / "dataset"
    oud.mkdir(parents=True)
    (oud / "metadata.json").write_text("{}", encoding="utf-8")
    ds = _opnieuw()
    assert ds.herkomst == "meegeleverd"
    assert "eerdere versie" in ds.waarschuwing
    r = _passend("zoek", "Haarlem")  # the command adds how to repair it
    assert r.exit_code == 0 and "eerdere versie" in r.stderr
    assert "passend data update" in r.stderr


def test_status_na_update(duo_map, gebruikersmap):
    st_ = bijwerken.status()
    assert (st_["herkomst"], st_["gebruikerskopie"]) == ("meegeleverd", False)
    r = bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    st_ = bijwerken.status()
    assert st_["herkomst"] == "bijgewerkt" and st_["versie"] == "duo-2026-06-01"
    assert st_["map"] == str(r.map)
    assert st_["referentiedata"]["regio_indeling"] == "2026-06-01"
    assert not st_["beschadigd"] and st_["vorige"] is None


# --- reading DUO's files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "sector", "code"),
    [
        ("PO2001", None, "PO2001"),
        ("vo2508", None, "VO2508"),
        ("SWV PO 20-01", None, "PO2001"),
        ("PO 20.01", None, "PO2001"),
        ("po-27.07", "PO", "PO2707"),
        (" 2001 ", "VO", "VO2001"),
        ("20-01", "PO", "PO2001"),
    ],
)
def test_swv_code(waarde, sector, code):
    assert swv_code(waarde, sector) == code


@pytest.mark.parametrize(
    ("waarde", "sector"),
    [("", None), ("2001", None), ("PO20011", None), ("XX2001", None), ("VO2001", "PO"),
     ("PO2001VO", None), ("3503a", "PO")],
)
def test_swv_code_weigert(waarde, sector):
    with pytest.raises(DataFout, match="Onbekende code van een samenwerkingsverband"):
        swv_code(waarde, sector, bron=NAMEN)


@given(st.sampled_from(["PO", "VO"]), st.integers(0, 99), st.integers(0, 99),
       st.sampled_from(["{s}{a:02d}{b:02d}", "SWV {s} {a:02d}-{b:02d}", "{s} {a:02d}.{b:02d}",
                        "{s}-{a:02d}-{b:02d}", "swv{s}{a:02d}{b:02d}"]))
def test_swv_code_elke_schrijfwijze(s, a, b, vorm):
    assert swv_code(vorm.format(s=s.lower(), a=a, b=b)) == f"{s}{a:02d}{b:02d}"
    assert swv_code(vorm.format(s=s, a=a, b=b)) == f"{s}{a:02d}{b:02d}"


def test_lees_namen_kiest_de_naam_van_de_peildatum(tmp_path, scenario):
    pad = tmp_path / NAMEN
    pad.write_bytes(csv_bytes(NAMEN_KOP, scenario.namen_rijen()))
    oud = scenario.namen[scenario.hernoemd]
    assert duo.lees_namen(pad, date(2020, 1, 1))[scenario.hernoemd] == oud
    namen = duo.lees_namen(pad, PEILDATUM)
    assert namen[scenario.hernoemd] == NIEUWE_NAAM
    # ended: the most recent name is still known; older kinds of SWV are ignored
    assert namen[scenario.vervallen] == scenario.namen[scenario.vervallen]
    assert not [c for c in namen if not c.startswith(("PO", "VO"))]


def test_lees_regio_alleen_geldige_gebieden(tmp_path, scenario):
    pad = tmp_path / REGIO
    pad.write_bytes(csv_bytes(REGIO_KOP, scenario.regio()))
    nu = duo.lees_regio(pad, PEILDATUM)
    assert scenario.vervallen not in nu and "PO0001" not in nu
    assert nu[scenario.naar] == scenario.per[scenario.naar]  # not the future area
    toen = duo.lees_regio(pad, date(2019, 1, 1))
    assert toen[scenario.vervallen] == scenario.oud_gebied


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"\n  <html><head><title>DUO</title></head></html>", r"webpagina \(HTML\)"),
        (b"\x1f\x8b\x08\x00kapot", "beschadigd gzip-bestand"),
        (b"SAMENWERKINGSVERBANDNUMMER,BEGINDATUM\x00,EINDDATUM,POSTCODECIJFERS\n",
         "NUL-tekens"),
        (b'SAMENWERKINGSVERBANDNUMMER,BEGINDATUM,EINDDATUM,POSTCODECIJFERS\nPO2001,,,"9711\n',
         "geen leesbaar CSV-bestand|velden"),
        (b"SAMENWERKINGSVERBANDNUMMER,BEGINDATUM,EINDDATUM,POSTCODECIJFERS\nPO2001,,\n",
         "Regel 2 van .* heeft 3 velden in plaats van 4"),
    ],
)
def test_lees_regio_weigert_kapotte_bestanden(tmp_path, inhoud, melding):
    pad = tmp_path / REGIO
    pad.write_bytes(inhoud)
    with pytest.raises(DataFout, match=melding):
        duo.lees_regio(pad)


def test_lees_regio_latin1_puntkomma_en_utf16(tmp_path):
    pad = tmp_path / REGIO
    tekst = ("SAMENWERKINGSVERBANDNUMMER;BEGINDATUM;EINDDATUM;POSTCODECIJFERS\n"
             'PO2001;01-08-2012;;"9711, 9712,9713"\n')
    for codering in ("latin-1", "utf-16", "utf-8-sig"):
        pad.write_bytes(tekst.encode(codering))
        assert duo.lees_regio(pad, PEILDATUM) == {"PO2001": {"9711", "9712", "9713"}}


def test_contactblokken_rechtstreeks(tmp_path, scenario):
    s = scenario
    bestanden = s.bestanden()
    paden = [schrijf_map(tmp_path, {n: bestanden[n]}) / n for n in CONTACT_DELEN]
    blokken = duo.contactblokken(*paden, peildatum=PEILDATUM)
    assert set(blokken) == {s.bezoek, s.postbus}
    assert blokken[s.bezoek].bestuur == "Stichting Test 1"
    # on a date before the relation ended, the ended one counts too
    assert s.beeindigd in duo.contactblokken(*paden, peildatum=date(2019, 1, 1))


# --- reading DUO's rows into a dataset ----------------------------------------------------


def test_bekende_wijziging_vervalt_als_duo_het_gebied_anders_indeelt(scenario):
    basis, _ = uit_duo.lees_rijen(opslag.gebundelde_map())
    hoeksche_waard = {p["postcode"] for p in basis.postcodes if p["gemeente_code"] == "GM1963"}
    regio = {c: set(pcs) for c, pcs in scenario.ongewijzigd.items()}
    namen = {c: n for c, n in scenario.namen.items() if c != scenario.nieuw}
    rijen = uit_duo.stel_samen(basis, uit_duo.DuoGegevens(PEILDATUM, regio, namen))
    assert any(w["swv"] == "VO2810" for w in rijen.wijzigingen)

    # DUO gives the Hoeksche Waard its own VO SWV: the 2015 note no longer applies.
    regio["VO2810"] -= hoeksche_waard
    regio["VO2899"] = hoeksche_waard
    namen["VO2899"] = "Passend Voortgezet Onderwijs Hoeksche Waard"
    rijen = uit_duo.stel_samen(basis, uit_duo.DuoGegevens(PEILDATUM, regio, namen))
    assert not any("Hoeksche Waard" in w["tekst"] for w in rijen.wijzigingen)


# --- through the command line -----------------------------------------------------------


def _passend(*args: str):
    from typer.testing import CliRunner

    from passend_cli.cli import app

    dataset.laad.cache_clear()
    return CliRunner().invoke(app, list(args))


def test_cli_import_status_zoek_en_reset(duo_map, scenario):
    r = _passend("data", "import", str(duo_map))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Bijgewerkte dataset duo-")
    assert "postcode" in r.stdout  # the summary of what moved

    status = json.loads(_passend("data", "status", "--json").stdout)
    assert (status["herkomst"], status["gebruikerskopie"]) == ("bijgewerkt", True)
    assert json.loads(_passend("info", "--json").stdout)["herkomst"] == "bijgewerkt"
    assert "bijgewerkt" in _passend("--version").stdout
    tekst = _passend("data", "status").stdout
    assert "Actieve dataset: bijgewerkte kopie" in tekst

    toon = _passend("toon", scenario.bezoek).stdout
    assert "website:         https://www.test-een.nl" in toon
    assert "contactgegevens: DUO (RIO), peildatum" in toon
    assert "Officieel contactadres van Stichting Test 1 (RIO)." in toon
    assert "zekerheid naam:  de naam komt van DUO (RIO)" in toon
    assert "bronnen:         https://onderwijsdata.duo.nl/dataset/" in toon
    school = json.loads(_passend("zoek", "--json", scenario.globe["code"]).stdout)
    assert [s["code"] for s in school["resultaten"][0]["samenwerkingsverbanden"]] == [
        scenario.rio_anders[1]]

    verhuisd = json.loads(_passend("zoek", "--json", scenario.verhuisd).stdout)
    po = [s["code"] for s in verhuisd["resultaten"][0]["samenwerkingsverbanden"]
          if s["sector"] == "PO"]
    assert po == [scenario.naar]

    r = _passend("data", "reset")
    assert r.exit_code == 0 and "meegeleverde dataset is weer actief" in r.stdout
    assert json.loads(_passend("info", "--json").stdout)["herkomst"] == "meegeleverd"


def test_cli_import_json(duo_map):
    r = _passend("data", "import", "--json", str(duo_map))
    uit = json.loads(r.stdout)
    assert uit["gelukt"] is True and uit["bijgewerkt"]["contact"] is True
    assert set(uit["verschillen"]) >= {"toegevoegd", "vervallen", "verplaatst", "contact"}


def test_cli_mislukte_update_is_exit_3_en_laat_de_data_staan(server, gebruikersmap):
    r = _passend("data", "update", "--bron", f"{server.url}/bestaat-niet")
    assert r.exit_code == 3
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.output
    assert not (gebruikersmap / "actief").exists()
    assert _passend("zoek", "Haarlem").exit_code == 0
    r = _passend("data", "update", "--json", "--bron", f"{server.url}/bestaat-niet")
    assert r.exit_code == 3
    assert json.loads(r.stdout) == {"gelukt": False, "fout": r.stderr.strip()}


def test_cli_onbruikbare_bron_is_exit_2():
    r = _passend("data", "update", "--bron", "ftp://example")
    assert r.exit_code == 2 and r.stderr.strip()


def test_cli_beschadigde_kopie_geeft_een_waarschuwing_en_werkt_door(duo_map, gebruikersmap):
    r = _passend("data", "import", str(duo_map))
    assert r.exit_code == 0
    actief = gebruikersmap / "versies" / (gebruikersmap / "actief").read_text().strip()
    (actief / "gemeenten.csv").write_text("kapot", encoding="utf-8")
    r = _passend("zoek", "Haarlem")
    assert r.exit_code == 0 and "PO2704" in r.stdout
    assert r.stderr.startswith("Let op: de bijgewerkte dataset")
    assert len(r.stderr.strip().splitlines()) == 1


def test_cli_import_van_een_map_die_er_niet_is(tmp_path):
    r = _passend("data", "import", str(tmp_path / "weg"))
    assert r.exit_code == 2
    assert r.stderr.strip() == f"De map '{tmp_path / 'weg'}' bestaat niet."


def test_een_deel_dat_niet_binnenkomt_houdt_de_waarden_van_de_vorige_update(tmp_path, scenario):
    """Contact files or school lists missing the second time: the official blocks and the
    school list of the first refresh stay, with their dates, not the bundle's."""
    volledig = schrijf_map(tmp_path / "volledig", scenario.bestanden())
    bijwerken.importeer(volledig, peildatum=date(2026, 1, 1))
    half = schrijf_map(tmp_path / "half", {
        k: v for k, v in scenario.bestanden().items()
        if k not in (duo.CONTACTADRESSEN, DUO_BO, DUO_VO)})
    r = bijwerken.importeer(half, peildatum=PEILDATUM)
    assert r.bijgewerkt == {"gebieden": True, "contact": False, "scholen": True,
                            "scholenlijst": False, "koppeling_scholen": True}
    ds = dataset.laad()
    v = ds.verbanden[scenario.bezoek]
    assert (v.website, v.contact_bron, v.contact_datum) == (
        "https://www.test-een.nl", "DUO", "2026-01-01")
    ref = ds.metadata["referentiedata"]
    assert (ref["contactgegevens"], ref["scholenlijst"], ref["koppeling_scholen_rio"]) == (
        "2026-01-01", "2026-01-01", "2026-06-01")  # RIO's school links did come in
    from passend_cli import scholen

    assert scholen.zoek_school(NIEUWE_SCHOOL[0])  # from the first refresh's list
    assert not scholen.zoek_school(scenario.weg["code"])
