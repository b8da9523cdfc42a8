"""``passend data update``: refreshing from DUO's open data, safely, without a network.

The DUO files are generated here from the bundled dataset (one area per SWV, names from
samenwerkingsverbanden.csv), with known changes, and served by a loopback HTTP server.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import threading
import time
from collections import defaultdict
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passend_cli import __version__, bijwerken, dataset, formaat
from passend_cli.bijwerken import downloaden
from passend_cli.bijwerken.downloaden import DUO_BESTANDEN as BESTANDEN
from passend_cli.bronnen import duo
from passend_cli.bronnen.duo import NAMEN, REGIO, swv_code
from passend_cli.fouten import DataFout, OngeldigeInvoer
from passend_cli.samenstellen import uit_duo

PEILDATUM = date(2026, 6, 1)
REGIO_PAD = "".join(BESTANDEN["regio"])
NAMEN_PAD = "".join(BESTANDEN["namen"])
NAMEN_KOP = (
    "SAMENWERKINGSVERBANDNUMMER", "BEGINDATUM", "EINDDATUM", "STICHTINGSDATUM",
    "IN_BEDRIJFDATUM", "UIT_BEDRIJFDATUM", "ERKENNERCODE", "ERKENNER", "BEGINDATUM_PERIODE",
    "EINDDATUM_PERIODE", "BEKOSTIGINGSCODE", "GRONDSLAG", "VRIJHEID_VAN_ONDERWIJS",
    "RICHTINGEN", "SOORT", "VERKORTE_NAAM", "VOLLEDIGE_NAAM", "WET",
)
NIEUWE_NAAM = "Samenwerkingsverband Passend Onderwijs Súdwest Testnaam"


# --- fixtures in DUO's formats, made from the bundled data ------------------------------


class Scenario:
    """The bundled areas with one of each kind of change DUO may publish."""

    def __init__(self) -> None:
        ds = dataset.Dataset(dataset.gebundelde_map(), "gebundeld")
        self.bundel = ds
        per: dict[str, set[str]] = defaultdict(set)
        for p in ds.postcodes.values():
            for s in ("PO", "VO"):
                if p.swv(s):
                    per[p.swv(s)].add(p.postcode)
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

    def regio_rijen(self, codevorm=lambda c: c, datumvorm=lambda d: d) -> list[list[str]]:
        rijen = [[codevorm(c), datumvorm("2012-08-01"), "", ",".join(sorted(self.per[c]))]
                 for c in sorted(self.per)]
        rijen.append([codevorm(self.vervallen), datumvorm("2012-08-01"),
                      datumvorm("2020-08-01"), ",".join(sorted(self.oud_gebied))])
        # an area that starts only after the reference date
        rijen.append([codevorm(self.naar), datumvorm("2099-08-01"), "", "1011,1012"])
        return rijen

    def namen_rijen(self, codevorm=lambda c: c) -> list[list[str]]:
        def rij(code, naam, begin="2014-08-01", einde="", pbegin="2014-08-01", peinde="",
                soort=None):
            soort = soort or ("PAPO" if code.startswith("PO") else "PAVO")
            uit = dict.fromkeys(NAMEN_KOP, "")
            uit.update(SAMENWERKINGSVERBANDNUMMER=codevorm(code), BEGINDATUM=begin,
                       EINDDATUM=einde, BEGINDATUM_PERIODE=pbegin, EINDDATUM_PERIODE=peinde,
                       SOORT=soort, VERKORTE_NAAM=naam[:30], VOLLEDIGE_NAAM=naam, ERKENNER="OCW")
            return list(uit.values())

        rijen = []
        for code, naam in sorted(self.namen.items()):
            if code == self.hernoemd:
                rijen.append(rij(code, naam, peinde="2024-08-01"))
                rijen.append(rij(code, NIEUWE_NAAM, pbegin="2024-08-01"))
            elif code == self.vervallen:
                rijen.append(rij(code, naam, einde="2020-08-01"))
            else:
                rijen.append(rij(code, naam))
        rijen.append(rij("3503", "Oud samenwerkingsverband WSNS", soort="SWPO"))
        return rijen


def csv_bytes(kop, rijen, scheiding=",", codering="utf-8-sig", regeleinde="\r\n") -> bytes:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=scheiding, lineterminator=regeleinde,
                           quoting=csv.QUOTE_MINIMAL)
    schrijver.writerow(kop)
    schrijver.writerows(rijen)
    return buffer.getvalue().encode(codering)


REGIO_KOP = ["SAMENWERKINGSVERBANDNUMMER", "BEGINDATUM", "EINDDATUM", "POSTCODECIJFERS"]


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return Scenario()


@pytest.fixture(scope="module")
def varianten(scenario) -> dict[str, dict[str, bytes]]:
    s = scenario
    gewoon = {
        REGIO_PAD: csv_bytes(REGIO_KOP, s.regio_rijen()),
        NAMEN_PAD: csv_bytes(NAMEN_KOP, s.namen_rijen()),
    }
    regio_nl = s.regio_rijen(codevorm=lambda c: f"{c[:2]} {c[2:4]}-{c[4:]}",
                             datumvorm=lambda d: d and f"{d}T00:00:00")
    return {
        "duo": gewoon,
        "puntkomma": {  # other delimiter, Latin-1, other code and date spellings
            REGIO_PAD: csv_bytes(REGIO_KOP, regio_nl, ";", "latin-1", "\n"),
            NAMEN_PAD: csv_bytes(NAMEN_KOP, s.namen_rijen(lambda c: f"SWV {c}"), ";",
                                 "latin-1"),
        },
        "traag": gewoon,
        "afgekapt": gewoon,
        "html": {REGIO_PAD: b"<!DOCTYPE html>\n<html><body>Onderhoud</body></html>",
                 NAMEN_PAD: gewoon[NAMEN_PAD]},
        "kolom": {REGIO_PAD: csv_bytes(REGIO_KOP[:3], [r[:3] for r in s.regio_rijen()]),
                  NAMEN_PAD: gewoon[NAMEN_PAD]},
        "leeg": {REGIO_PAD: b"", NAMEN_PAD: gewoon[NAMEN_PAD]},
    }


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        variant, _, pad = self.path.lstrip("/").partition("/")
        self.server.verzoeken.append((self.path, self.headers.get("User-Agent")))
        if variant == "traag":
            time.sleep(1.5)
        inhoud = self.server.varianten.get(variant, {}).get(pad)
        try:
            if inhoud is None:
                self.send_error(404, "Not Found")
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            extra = 1000 if variant == "afgekapt" else 0
            self.send_header("Content-Length", str(len(inhoud) + extra))
            self.end_headers()
            self.wfile.write(inhoud[: len(inhoud) - 500] if extra else inhoud)
        except OSError:
            pass  # the client gave up (timeout)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(varianten):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.varianten = varianten
    httpd.verzoeken = []
    draad = threading.Thread(target=httpd.serve_forever, daemon=True)
    draad.start()
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
    map_ = tmp_path / "download"
    map_.mkdir()
    for pad, inhoud in varianten["duo"].items():
        (map_ / pad.rsplit("/", 1)[1]).write_bytes(inhoud)
    return map_


def _bijgewerkt(gebruikersmap: Path) -> Path:
    return gebruikersmap / "dataset"


# --- the happy path ---------------------------------------------------------------------


def test_update_via_http_neemt_gebieden_en_namen_van_duo_over(server, scenario, gebruikersmap):
    s = scenario
    voortgang = []
    r = bijwerken.update(f"{server.url}/duo", peildatum=PEILDATUM,
                         voortgang=lambda *a: voortgang.append(a))

    ds = dataset.laad()
    assert ds.herkomst == "gebruiker" and ds.map == _bijgewerkt(gebruikersmap)
    assert ds.versie == "duo-2026-06-01" and ds.waarschuwing is None
    ref = ds.metadata["referentiedata"]
    assert ref["regio_indeling"] == "2026-06-01"
    assert ref["regio_indeling_bron"] == f"{server.url}/duo/{REGIO_PAD}"
    assert ref["namen_bron"] == f"{server.url}/duo/{NAMEN_PAD}"
    assert ref["gemeentelijke_indeling"] == "2025-01-01"  # kept from the bundle
    assert {n for n, *_ in voortgang} == {REGIO, NAMEN}

    # 1. moved PC4
    assert ds.postcodes[s.verhuisd].po == s.naar
    assert (s.verhuisd, "PO", s.van, s.naar) in r.verschillen.verplaatst
    # 2. ended and merged area
    assert s.vervallen not in ds.verbanden
    assert {ds.postcodes[p].vo for p in s.oud_gebied} == {s.opvolger}
    assert r.verschillen.vervallen == [(s.vervallen, s.bundel.verbanden[s.vervallen].weergavenaam)]
    # 3. renamed, contact data kept, old name still searchable
    v = ds.verbanden[s.hernoemd]
    oud = s.bundel.verbanden[s.hernoemd]
    assert v.naam == NIEUWE_NAAM and v.website == oud.website
    if oud.naam:
        assert oud.naam in v.ook_bekend_als
    assert (s.hernoemd, oud.naam, NIEUWE_NAAM) in r.verschillen.hernoemd
    # 4. new SWV with DUO's name and empty contact fields
    n = ds.verbanden[s.nieuw]
    assert n.naam == "Passend Primair Onderwijs Testregio" and n.sector == "PO"
    assert (n.website, n.email, n.telefoon) == ("", "", "")
    assert r.verschillen.toegevoegd == [(s.nieuw, n.naam)]
    assert {ds.postcodes[p].po for p in s.nieuw_gebied} == {s.nieuw}
    # 5. new PC4 with the gemeente of its neighbours
    p = ds.postcodes[s.nieuwe_pc]
    assert (p.gemeente_code, p.herkomst) == (s.nieuwe_pc_gemeente, "duo")
    assert r.verschillen.nieuwe_postcodes == [s.nieuwe_pc]
    # PC4s DUO lists are marked, the rest keep their origin
    assert ds.postcodes["1011"].herkomst == "duo"
    assert {ds.postcodes[pc].po for pc in ("3197", "3198", "3199")} == {""}

    regels = bijwerken.beschrijf(r.verschillen)
    tekst = "\n".join(regels)
    assert "Nieuwe samenwerkingsverbanden (1):" in regels
    assert f"  {s.nieuw} Passend Primair Onderwijs Testregio" in regels
    assert "Vervallen samenwerkingsverbanden (1):" in regels
    assert f"{s.hernoemd}: {NIEUWE_NAAM}" in tekst
    assert "postcodes vallen nu onder een ander samenwerkingsverband" in tekst
    assert "Nieuwe postcodes (1):" in regels
    assert any(r.startswith("Betrokken gemeenten (") for r in regels)

    agents = {a for pad, a in server.verzoeken if pad.startswith("/duo/")}
    assert agents == {f"passend/{__version__}"}
    # The user copy credits DUO and passes the same checks as the bundled data.
    assert formaat.controleer_map(ds.map) == []
    assert "DUO" in (ds.map / "SOURCES.md").read_text(encoding="utf-8")



def test_puntkomma_latin1_en_andere_schrijfwijzen_geven_hetzelfde(server, tmp_path, scenario):
    bijwerken.update(f"{server.url}/duo", peildatum=PEILDATUM)
    gewoon = _bijgewerkt(Path(os.environ["PASSEND_DATA_DIR"]))
    kopie = tmp_path / "gewoon"
    shutil.copytree(gewoon, kopie)
    bijwerken.update(f"{server.url}/puntkomma", peildatum=PEILDATUM)
    for stam in ("postcodes", "samenwerkingsverbanden", "zoekindex"):
        naam = formaat.bestandsnaam(stam)
        assert (gewoon / naam).read_bytes() == (kopie / naam).read_bytes(), naam
    assert dataset.laad().verbanden[scenario.hernoemd].naam == NIEUWE_NAAM


def test_importeer_uit_een_map_en_tweede_keer_geen_verschillen(duo_map, gebruikersmap):
    eerste = bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert not eerste.verschillen.leeg
    tweede = bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert tweede.verschillen.leeg
    assert bijwerken.beschrijf(tweede.verschillen) == [
        "Geen verschillen met de dataset die actief was."
    ]
    assert (gebruikersmap / "dataset.vorige" / "metadata.json").is_file()
    assert dataset.laad().herkomst == "gebruiker"


def test_update_met_lokale_map_als_bron(duo_map):
    r = bijwerken.update(str(duo_map), peildatum=PEILDATUM)
    assert r.metadata["referentiedata"]["regio_indeling_bron"] == str(duo_map / REGIO)
    assert dataset.laad().herkomst == "gebruiker"


def test_standaard_peildatum_is_vandaag(duo_map):
    r = bijwerken.importeer(duo_map)
    assert r.metadata["versie"] == f"duo-{date.today().isoformat()}"


# --- failures: never touch the active data ----------------------------------------------


@pytest.mark.parametrize(
    ("variant", "melding"),
    [
        ("bestaat-niet", f"Downloaden van {REGIO} is mislukt: de server antwoordde met "
                         "HTTP-fout 404 (Not Found)."),
        ("traag", f"Downloaden van {REGIO} is mislukt: geen antwoord binnen 0,3 seconden."),
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
    voor = sorted(p.name for p in gebruikersmap.iterdir())
    with pytest.raises(DataFout) as fout:
        bijwerken.update(f"{server.url}/{variant}", peildatum=PEILDATUM, timeout=0.3)
    assert fout.value.bericht.startswith(melding)
    assert fout.value.exitcode == 3
    dataset.laad.cache_clear()
    ds = dataset.laad()
    assert (ds.herkomst, ds.versie) == ("gebruiker", "duo-2026-01-01")
    assert sorted(p.name for p in gebruikersmap.iterdir()) == voor


def test_mislukte_eerste_update_laat_de_meegeleverde_data_actief(server, gebruikersmap):
    with pytest.raises(DataFout):
        bijwerken.update(f"{server.url}/html", peildatum=PEILDATUM)
    assert dataset.laad().herkomst == "gebundeld"
    assert not (gebruikersmap / "dataset").exists()


@pytest.mark.parametrize("bron", ["ftp://example.org/duo", "https://", "/bestaat/niet/map",
                                  "http://exa mple.org/", "http://127.0.0.1:abc/", "https://[::1/"])
def test_onbruikbare_bron(bron):
    with pytest.raises(OngeldigeInvoer) as fout:
        bijwerken.update(bron)
    assert bron in fout.value.bericht and fout.value.exitcode == 2


def test_download_geeft_de_bestanden(server, tmp_path, varianten):
    voortgang = []
    paden = downloaden.download(f"{server.url}/duo", tmp_path / "dl",
                               voortgang=lambda *a: voortgang.append(a))
    assert paden == {"regio": tmp_path / "dl" / REGIO, "namen": tmp_path / "dl" / NAMEN}
    assert paden["regio"].read_bytes() == varianten["duo"][REGIO_PAD]
    totaal = len(varianten["duo"][NAMEN_PAD])
    assert voortgang[-1] == (NAMEN, totaal, totaal)


def test_gebruikersmap_onbeschrijfbaar(duo_map, tmp_path, monkeypatch):
    (tmp_path / "bestand").write_text("geen map")
    monkeypatch.setenv("PASSEND_DATA_DIR", str(tmp_path / "bestand" / "passend"))
    with pytest.raises(DataFout, match=r"Kan niet schrijven in .*bestand"):
        bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert dataset.laad().herkomst == "gebundeld"


def test_importeer_zonder_bestanden(tmp_path):
    with pytest.raises(DataFout, match=f"ontbreekt het bestand {REGIO}"):
        bijwerken.importeer(tmp_path)


def _schrijf_duo(map_: Path, regio: list[list[str]], namen: list[list[str]]) -> Path:
    map_.mkdir(exist_ok=True)
    (map_ / REGIO).write_bytes(csv_bytes(REGIO_KOP, regio))
    (map_ / NAMEN).write_bytes(csv_bytes(NAMEN_KOP, namen))
    return map_


def test_postcode_in_twee_gebieden_van_een_sector(tmp_path, scenario):
    regio = scenario.regio_rijen()
    eerste_po = next(r for r in regio if r[0].startswith("PO"))
    tweede_po = next(r for r in regio if r[0].startswith("PO") and r[0] != eerste_po[0])
    pc = eerste_po[3].split(",")[0]
    tweede_po[3] += "," + pc
    map_ = _schrijf_duo(tmp_path / "dubbel", regio, scenario.namen_rijen())
    with pytest.raises(DataFout) as fout:
        bijwerken.importeer(map_, peildatum=PEILDATUM)
    assert fout.value.bericht == (
        f"Postcode {pc} ligt volgens {REGIO} in twee PO-samenwerkingsverbanden "
        f"({min(eerste_po[0], tweede_po[0])} en {max(eerste_po[0], tweede_po[0])})."
    )
    assert dataset.laad().herkomst == "gebundeld"


def test_te_weinig_gebieden(tmp_path, scenario):
    map_ = _schrijf_duo(tmp_path / "half", scenario.regio_rijen()[::2], scenario.namen_rijen())
    with pytest.raises(DataFout, match="het bestand lijkt onvolledig"):
        bijwerken.importeer(map_, peildatum=PEILDATUM)


def test_gemeente_zonder_samenwerkingsverband(tmp_path, scenario):
    # Drop one gemeente's PC4s from every area: it would be left without an SWV.
    ds = scenario.bundel
    g = ds.gemeenten["GM0363"]  # Amsterdam
    weg = {p.postcode for p in ds.postcodes_per_gemeente[g.code]}
    regio = [[c, b, e, ",".join(p for p in pcs.split(",") if p not in weg)]
             for c, b, e, pcs in scenario.regio_rijen()]
    regio = [r for r in regio if r[3]]
    map_ = _schrijf_duo(tmp_path / "gat", regio, scenario.namen_rijen())
    with pytest.raises(DataFout, match=r"zouden 1 gemeenten geen PO- of VO-samenwerkingsverband "
                                       r"meer hebben \(Amsterdam\)"):
        bijwerken.importeer(map_, peildatum=PEILDATUM)


def test_namenbestand_past_niet(tmp_path, scenario):
    map_ = _schrijf_duo(tmp_path / "namen", scenario.regio_rijen(), scenario.namen_rijen()[:20])
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
    regio = scenario.regio_rijen()
    wijzig(regio[0])
    map_ = _schrijf_duo(tmp_path / "fout", regio, scenario.namen_rijen())
    with pytest.raises(DataFout, match=re.escape(melding)):
        bijwerken.importeer(map_, peildatum=PEILDATUM)


# --- interruptions and damage -----------------------------------------------------------


def test_onderbroken_wissel_houdt_de_vorige_kopie(duo_map, gebruikersmap, monkeypatch):
    bijwerken.importeer(duo_map, peildatum=date(2026, 1, 1))
    echte = os.replace

    def faalt(bron, doel):
        if Path(bron).name.startswith(".dataset-nieuw-"):
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
    dataset.laad.cache_clear()
    ds = dataset.laad()
    assert (ds.herkomst, ds.versie, ds.waarschuwing) == ("gebruiker", "duo-2026-01-01", None)
    assert not [p for p in gebruikersmap.iterdir() if p.name.startswith(".dataset")]


def test_ctrl_c_tijdens_de_wissel(duo_map, gebruikersmap, monkeypatch):
    bijwerken.importeer(duo_map, peildatum=date(2026, 1, 1))
    echte = os.replace

    def onderbroken(bron, doel):
        if Path(bron).name.startswith(".dataset-nieuw-"):
            raise KeyboardInterrupt
        return echte(bron, doel)

    monkeypatch.setattr(os, "replace", onderbroken)
    with pytest.raises(KeyboardInterrupt):
        bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    monkeypatch.setattr(os, "replace", echte)
    dataset.laad.cache_clear()
    assert dataset.laad().versie == "duo-2026-01-01"


def test_elke_os_replace_faalt_zonder_eerdere_kopie(duo_map, gebruikersmap, monkeypatch):
    def faalt(bron, doel):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", faalt)
    with pytest.raises(DataFout, match="geen toestemming"):
        bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    dataset.laad.cache_clear()
    ds = dataset.laad()
    assert ds.herkomst == "gebundeld" and ds.waarschuwing is None


def test_afgebroken_proces_tussen_de_twee_stappen(duo_map, gebruikersmap):
    """Killed after moving the old copy aside: bundled data, and the next update tidies up."""
    bijwerken.importeer(duo_map, peildatum=date(2026, 1, 1))
    os.replace(gebruikersmap / "dataset", gebruikersmap / "dataset.vorige")
    (gebruikersmap / ".dataset-nieuw-abc").mkdir()
    (gebruikersmap / ".dataset-nieuw-abc" / "postcodes.csv").write_text("half")
    dataset.laad.cache_clear()
    assert dataset.laad().herkomst == "gebundeld"
    bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    assert sorted(p.name for p in gebruikersmap.iterdir()) == ["dataset", "dataset.vorige"]
    assert dataset.laad().versie == "duo-2026-06-01"


def test_beschadigde_kopie_bij_opstarten_en_reset(duo_map, gebruikersmap):
    bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    pad = gebruikersmap / "dataset" / "postcodes.csv"
    pad.write_text(pad.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    dataset.laad.cache_clear()
    ds = dataset.laad()
    assert ds.herkomst == "gebundeld"
    assert ds.waarschuwing.startswith("Let op: de bijgewerkte dataset in ")
    assert "postcodes.csv klopt niet met de controlesom" in ds.waarschuwing

    st_ = bijwerken.status()
    assert st_["herkomst"] == "gebundeld" and st_["gebruikerskopie"] and st_["beschadigd"]
    assert st_["problemen"] == ["postcodes.csv klopt niet met de controlesom"]

    assert bijwerken.reset() is True
    st_ = bijwerken.status()
    assert (st_["gebruikerskopie"], st_["beschadigd"], st_["vorige"]) == (False, False, False)
    assert st_["herkomst"] == "gebundeld" and st_["waarschuwing"] is None
    assert list(gebruikersmap.iterdir()) == []
    assert bijwerken.reset() is False


def test_status_na_update(duo_map, gebruikersmap):
    st_ = bijwerken.status()
    assert (st_["herkomst"], st_["gebruikerskopie"]) == ("gebundeld", False)
    assert st_["versie"] == dataset.Dataset(dataset.gebundelde_map(), "gebundeld").versie
    bijwerken.importeer(duo_map, peildatum=PEILDATUM)
    st_ = bijwerken.status()
    assert st_["herkomst"] == "gebruiker" and st_["versie"] == "duo-2026-06-01"
    assert st_["map"] == st_["gebruikersdataset"] == str(gebruikersmap / "dataset")
    assert st_["referentiedata"]["regio_indeling"] == "2026-06-01"
    assert not st_["beschadigd"] and not st_["vorige"]


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
    map_ = _schrijf_duo(tmp_path / "n", scenario.regio_rijen(), scenario.namen_rijen())
    oud = scenario.namen[scenario.hernoemd]
    assert duo.lees_namen(map_ / NAMEN, date(2020, 1, 1))[scenario.hernoemd] == oud
    namen = duo.lees_namen(map_ / NAMEN, PEILDATUM)
    assert namen[scenario.hernoemd] == NIEUWE_NAAM
    # ended: the most recent name is still known; older kinds of SWV are ignored
    assert namen[scenario.vervallen] == scenario.namen[scenario.vervallen]
    assert not [c for c in namen if not c.startswith(("PO", "VO"))]


def test_lees_regio_alleen_geldige_gebieden(tmp_path, scenario):
    map_ = _schrijf_duo(tmp_path / "r", scenario.regio_rijen(), scenario.namen_rijen())
    nu = duo.lees_regio(map_ / REGIO, PEILDATUM)
    assert scenario.vervallen not in nu
    assert nu[scenario.naar] == scenario.per[scenario.naar]  # not the future area
    toen = duo.lees_regio(map_ / REGIO, date(2019, 1, 1))
    assert toen[scenario.vervallen] == scenario.oud_gebied


def test_lees_regio_html_en_latin1_lokaal(tmp_path):
    pad = tmp_path / REGIO
    pad.write_bytes(b"\n  <html><head><title>DUO</title></head></html>")
    with pytest.raises(DataFout, match=r"webpagina \(HTML\)"):
        duo.lees_regio(pad)
    pad.write_bytes("SAMENWERKINGSVERBANDNUMMER;BEGINDATUM;EINDDATUM;POSTCODECIJFERS\n"
                    'PO2001;01-08-2012;;"9711, 9712,9713"\n'.encode("latin-1"))
    assert duo.lees_regio(pad, PEILDATUM) == {"PO2001": {"9711", "9712", "9713"}}


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
    assert (status["herkomst"], status["gebruikerskopie"]) == ("gebruiker", True)
    assert json.loads(_passend("info", "--json").stdout)["herkomst"] == "gebruiker"
    assert "bijgewerkt" in _passend("--version").stdout

    verhuisd = json.loads(_passend("zoek", "--json", scenario.verhuisd).stdout)
    po = [s["code"] for s in verhuisd["resultaten"][0]["samenwerkingsverbanden"]
          if s["sector"] == "PO"]
    assert po == [scenario.naar]

    r = _passend("data", "reset")
    assert r.exit_code == 0 and "meegeleverde dataset is weer actief" in r.stdout
    assert json.loads(_passend("info", "--json").stdout)["herkomst"] == "gebundeld"


def test_cli_mislukte_update_is_exit_3_en_laat_de_data_staan(server, gebruikersmap):
    r = _passend("data", "update", "--bron", f"{server.url}/bestaat-niet")
    assert r.exit_code == 3
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.output
    assert not (gebruikersmap / "dataset").exists()
    assert _passend("zoek", "Haarlem").exit_code == 0


def test_cli_onbruikbare_bron_is_exit_2():
    r = _passend("data", "update", "--bron", "ftp://example")
    assert r.exit_code == 2 and r.stderr.strip()


def test_cli_beschadigde_kopie_geeft_een_waarschuwing_en_werkt_door(duo_map, gebruikersmap):
    assert _passend("data", "import", str(duo_map)).exit_code == 0
    (gebruikersmap / "dataset" / "gemeenten.csv").write_text("kapot", encoding="utf-8")
    r = _passend("zoek", "Haarlem")
    assert r.exit_code == 0 and "PO2704" in r.stdout
    assert r.stderr.startswith("Let op: de bijgewerkte dataset")
    assert len(r.stderr.strip().splitlines()) == 1


def test_bekende_wijziging_vervalt_als_duo_het_gebied_anders_indeelt(scenario):
    basis, _ = uit_duo.lees_rijen(dataset.gebundelde_map())
    hoeksche_waard = {p["postcode"] for p in basis.postcodes
                      if p["gemeente_code"] == "GM1963"}
    regio = {c: set(pcs) for c, pcs in scenario.per.items()}
    rijen, _ = uit_duo.stel_samen(basis, regio, scenario.namen)
    assert any(w["swv"] == "VO2810" for w in rijen.wijzigingen)

    # DUO gives the Hoeksche Waard its own VO SWV: the 2015 note no longer applies.
    regio["VO2810"] -= hoeksche_waard
    regio["VO2899"] = hoeksche_waard
    namen = dict(scenario.namen, VO2899="Passend Voortgezet Onderwijs Hoeksche Waard")
    rijen, _ = uit_duo.stel_samen(basis, regio, namen)
    assert not any("Hoeksche Waard" in w["tekst"] for w in rijen.wijzigingen)
