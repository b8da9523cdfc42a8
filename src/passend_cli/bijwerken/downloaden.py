"""Fetch DUO's open-data files, from DUO, a mirror (base URL) or a local folder.

Every download is bounded: a size cap per file, an overall deadline and a time-out per
read; the body streams to disk and is never held in memory. Every failure becomes a
:class:`DataFout` with one Dutch sentence naming the file. The areas and the names are
required; the files for the official contact data and the schools are optional, and a
failure there is reported per file without stopping the refresh.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from passend_cli.bronnen import duo
from passend_cli.bronnen.scholen import DUO_BO, DUO_VO, RIO_VESTIGINGEN
from passend_cli.fouten import DataFout, OngeldigeInvoer, oorzaak

_DUO = "https://onderwijsdata.duo.nl/dataset/"
# The RIO dataset; ``passend data update --bron`` replaces this as the base.
DUO_BASIS = duo.RIO_DATASET + "/resource/"


class Bestand(NamedTuple):
    sleutel: str
    naam: str  # the file name: under a mirror's base URL or in a folder
    url: str  # where DUO itself publishes it
    deel: str  # "gebieden" (required), "contact" or "scholen" (optional)


def _rio(resource: str, naam: str, deel: str, sleutel: str) -> Bestand:
    return Bestand(sleutel, naam, f"{DUO_BASIS}{resource}/download/{naam}", deel)


BESTANDEN: tuple[Bestand, ...] = (
    _rio("05e68307-411d-4c91-ba0a-3955397e7225", duo.REGIO, "gebieden", "regio"),
    _rio("57eeb88e-325d-4e95-ad80-08fa07810aed", duo.NAMEN, "gebieden", "namen"),
    _rio("83af5dc0-5fbc-4197-912f-1fadb8b67c33", duo.RELATIES_BEVOEGD_GEZAG, "contact",
         "relaties"),
    _rio("8adbdf01-d124-47a7-ac60-5e66dc3f0fbb", duo.RELATIES_BESTUREN, "contact",
         "besturen_relaties"),
    _rio("918b5325-5f63-42ad-977a-63e4f0cc983e", duo.BESTUREN, "contact", "besturen"),
    _rio("3fe23e7b-6671-4667-aa0b-ec7079feada5", duo.CONTACTADRESSEN, "contact", "adressen"),
    _rio("50757f8a-b6fe-46ba-a9c2-5753409efa8c", RIO_VESTIGINGEN, "scholen", "vestigingen"),
    Bestand("bo", DUO_BO, _DUO + "786f12ea-6224-42fd-ab72-de4d7d879535/resource/"
            "dcc9c9a5-6d01-410b-967f-810557588ba4/download/" + DUO_BO, "scholen"),
    Bestand("vo", DUO_VO, _DUO + "c8e6ffdd-cc2b-44ee-880f-0ff03f72e868/resource/"
            "5187f8d5-ff9c-4284-8e06-4311f0354956/download/" + DUO_VO, "scholen"),
)
VERPLICHT = "gebieden"

# Bounds: the largest of these files is a few MB; the areas about 70 kB.
MAX_MB = 32
TIJDSLIMIET = 300.0  # seconds for the whole download
LEESTIJD = 30.0  # seconds without a byte before a read gives up

Voortgang = Callable[[str, int, "int | None"], None]  # (file name, bytes read, total)


def is_url(bron: str) -> bool:
    return "://" in bron


def bronadressen(bron: str | None) -> dict[str, str]:
    """Key -> where each file comes from: DUO's own addresses (no *bron*), the file
    name under a mirror's base URL, or the file in a folder."""
    if bron is None:
        return {b.sleutel: b.url for b in BESTANDEN}
    if is_url(bron):
        from urllib.parse import urlsplit

        try:
            delen = urlsplit(bron)
            goed = delen.scheme.lower() in ("http", "https") and bool(delen.hostname)
            goed = goed and delen.port != 0 and not any(c.isspace() or c < " " for c in bron)
        except ValueError:  # a malformed port or IPv6 address
            goed = False
        if not goed:
            raise OngeldigeInvoer(f"De bron '{bron[:80]}' is geen geldig http- of https-adres.")
        basis = bron if bron.endswith("/") else bron + "/"
        return {b.sleutel: basis + b.naam for b in BESTANDEN}
    map_ = Path(bron).expanduser()
    if not map_.is_dir():
        raise OngeldigeInvoer(
            f"De bron '{bron[:80]}' is geen http(s)-adres en geen bestaande map."
        )
    return {b.sleutel: str(map_ / b.naam) for b in BESTANDEN}


class Download(NamedTuple):
    bestanden: dict[str, Path]  # key -> the file, for every file that came in
    mislukt: dict[str, str]  # key -> why an optional file did not


def download(
    bron: str | None,
    doelmap: Path,
    *,
    tijdslimiet: float = TIJDSLIMIET,
    max_mb: float = MAX_MB,
    voortgang: Voortgang | None = None,
) -> Download:
    """Fetch every file from *bron* (None: DUO) into *doelmap*. A required file that
    fails raises DataFout; an optional one is reported in ``mislukt``."""
    adressen = bronadressen(bron)
    try:
        doelmap.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        raise DataFout(f"De map {doelmap} kan niet worden gemaakt ({oorzaak(fout)}).") from None
    einde = time.monotonic() + tijdslimiet
    grens = int(max_mb * (1 << 20))
    bestanden, mislukt = {}, {}
    for b in BESTANDEN:
        doel = doelmap / b.naam
        try:
            if is_url(adressen[b.sleutel]):
                _haal(adressen[b.sleutel], doel, b.naam, einde, tijdslimiet, grens, voortgang)
            else:
                _kopieer(Path(adressen[b.sleutel]), doel, b.naam, grens, voortgang)
        except DataFout as fout:
            if b.deel == VERPLICHT:
                raise
            mislukt[b.sleutel] = fout.bericht
            continue
        bestanden[b.sleutel] = doel
    return Download(bestanden, mislukt)


def _kopieer(pad: Path, doel: Path, naam: str, grens: int, voortgang: Voortgang | None) -> None:
    import shutil

    try:
        grootte = pad.stat().st_size
        if not pad.is_file():
            raise DataFout(f"{pad} is geen gewoon bestand.")
        if grootte > grens:
            raise DataFout(f"{naam} is groter dan {grens >> 20} MB; dat is geen bestand van DUO.")
        shutil.copyfile(pad, doel)
    except FileNotFoundError:
        raise DataFout(f"In de map {pad.parent} ontbreekt het bestand {naam}.") from None
    except OSError as fout:
        raise DataFout(f"{naam} kan niet worden gekopieerd ({oorzaak(fout)}).") from None
    if voortgang:
        voortgang(naam, grootte, grootte)


def _haal(
    url: str, doel: Path, naam: str, einde: float, tijdslimiet: float, grens: int,
    voortgang: Voortgang | None,
) -> None:
    import http.client
    import urllib.error
    import urllib.request

    from passend_cli import __version__

    verzoek = urllib.request.Request(url, headers={"User-Agent": f"passend/{__version__}"})
    mislukt = f"Downloaden van {naam} is mislukt"
    resterend = einde - time.monotonic()
    if resterend <= 0:
        raise DataFout(f"{mislukt}: de tijdslimiet van {_seconden(tijdslimiet)} is op.")
    totaal = None
    gelezen = 0
    try:
        with urllib.request.urlopen(verzoek, timeout=min(LEESTIJD, resterend)) as antwoord, \
                open(doel, "wb") as uit:
            lengte = antwoord.headers.get("Content-Length", "")
            totaal = int(lengte) if lengte.strip().isdigit() else None
            if totaal is not None and totaal > grens:
                raise DataFout(f"{mislukt}: het bestand is {totaal >> 20} MB, groter dan de "
                               f"grens van {grens >> 20} MB.")
            while True:
                resterend = einde - time.monotonic()
                if resterend <= 0:
                    raise DataFout(f"{mislukt}: niet binnen de tijdslimiet van "
                                   f"{_seconden(tijdslimiet)} binnengekomen.")
                _zet_leestijd(antwoord, min(LEESTIJD, resterend))
                blok = antwoord.read1(1 << 16) if hasattr(antwoord, "read1") else \
                    antwoord.read(1 << 16)
                if not blok:
                    break
                gelezen += len(blok)
                if gelezen > grens:
                    raise DataFout(f"{mislukt}: het bestand wordt groter dan de grens van "
                                   f"{grens >> 20} MB.")
                uit.write(blok)
                if voortgang:
                    voortgang(naam, gelezen, totaal)
    except urllib.error.HTTPError as fout:
        fout.close()
        raise DataFout(
            f"{mislukt}: de server antwoordde met HTTP-fout {fout.code} ({fout.reason})."
        ) from None
    except (TimeoutError, urllib.error.URLError) as fout:
        reden = getattr(fout, "reason", fout)
        if isinstance(reden, TimeoutError | OSError) and "timed out" in str(reden):
            reden = TimeoutError()
        if isinstance(reden, TimeoutError) and time.monotonic() >= einde - 0.05:
            raise DataFout(f"{mislukt}: niet binnen de tijdslimiet van "
                           f"{_seconden(tijdslimiet)} binnengekomen.") from None
        if isinstance(reden, TimeoutError):
            raise DataFout(f"{mislukt}: de server antwoordt niet (langer dan "
                           f"{_seconden(LEESTIJD)} stil).") from None
        raise DataFout(f"{mislukt}: geen verbinding met de server ({_reden(reden)}).") from None
    except http.client.IncompleteRead:
        raise DataFout(f"{mislukt}: het bestand is onvolledig binnengekomen.") from None
    except (http.client.HTTPException, OSError) as fout:
        raise DataFout(f"{mislukt} ({oorzaak(fout)}).") from None
    if totaal is not None and gelezen != totaal:
        raise DataFout(
            f"{mislukt}: het bestand is onvolledig binnengekomen ({gelezen} van {totaal} bytes)."
        )


def _zet_leestijd(antwoord, seconden: float) -> None:
    """Bound the next read by *seconden*: the socket time-out applies per read, and the
    overall deadline may be closer than the usual time-out."""
    with contextlib.suppress(AttributeError):
        antwoord.fp.raw._sock.settimeout(seconden)


def _seconden(n: float) -> str:
    return f"{n:g} seconden".replace(".", ",")  # Dutch decimal comma


def _reden(reden: object) -> str:
    """A network error in Dutch where the system's words are English."""
    import socket

    tekst = str(reden)
    if isinstance(reden, socket.gaierror) or "Name or service not known" in tekst \
            or "nodename nor servname" in tekst or "Temporary failure in name resolution" in tekst:
        return "de servernaam is niet te vinden; is er internet?"
    if isinstance(reden, ConnectionRefusedError) or "Connection refused" in tekst:
        return "de server weigert de verbinding"
    if (isinstance(reden, OSError) and reden.errno == 101) or "Network is unreachable" in tekst:
        return "het netwerk is niet bereikbaar"
    if "CERTIFICATE" in tekst.upper() or "SSL" in tekst.upper():
        return "de beveiligde verbinding kon niet worden gecontroleerd"
    if isinstance(reden, OSError):
        return oorzaak(reden)
    return tekst
