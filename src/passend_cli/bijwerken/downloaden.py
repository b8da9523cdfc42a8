"""Fetch DUO's open-data files, from DUO, a mirror (base URL) or a local folder.

Every failure becomes a :class:`DataFout` with one Dutch sentence naming the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from passend_cli.bronnen.duo import NAMEN, REGIO
from passend_cli.fouten import DataFout, OngeldigeInvoer, oorzaak

DUO_BASIS = (
    "https://onderwijsdata.duo.nl/dataset/c416acd1-e083-4ec6-9203-3b20f98fe143/resource/"
)
# Key -> (resource path under DUO_BASIS, file name).
DUO_BESTANDEN = {
    "regio": ("05e68307-411d-4c91-ba0a-3955397e7225/download/", REGIO),
    "namen": ("57eeb88e-325d-4e95-ad80-08fa07810aed/download/", NAMEN),
}

Voortgang = Callable[[str, int, "int | None"], None]  # (file name, bytes read, total)


def is_url(bron: str) -> bool:
    return "://" in bron


def bronadressen(bron: str) -> dict[str, str]:
    """Key -> where each file comes from: a URL under the base, or a path in the folder."""
    if is_url(bron):
        from urllib.parse import urlsplit

        try:
            delen = urlsplit(bron)
            goed = delen.scheme.lower() in ("http", "https") and delen.hostname
            goed = goed and delen.port != 0 and not any(c.isspace() or c < " " for c in bron)
        except ValueError:  # a malformed port or IPv6 address
            goed = False
        if not goed:
            raise OngeldigeInvoer(f"De bron {bron!r} is geen geldig http- of https-adres.")
        basis = bron if bron.endswith("/") else bron + "/"
        return {k: basis + pad + naam for k, (pad, naam) in DUO_BESTANDEN.items()}
    map_ = Path(bron).expanduser()
    if not map_.is_dir():
        raise OngeldigeInvoer(f"De bron {bron!r} is geen http(s)-adres en geen bestaande map.")
    return {k: str(map_ / naam) for k, (_, naam) in DUO_BESTANDEN.items()}


def download(
    bron: str,
    doelmap: Path,
    *,
    timeout: float = 30,
    voortgang: Voortgang | None = None,
) -> dict[str, Path]:
    """Fetch both files from *bron* (a base URL or a local folder) into *doelmap*.
    Returns key ("regio", "namen") -> the downloaded file."""
    adressen = bronadressen(bron)
    doelmap = Path(doelmap)
    try:
        doelmap.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        raise DataFout(f"De map {doelmap} kan niet worden gemaakt ({oorzaak(fout)}).") from None
    uit = {}
    for sleutel, adres in adressen.items():
        naam = DUO_BESTANDEN[sleutel][1]
        doel = doelmap / naam
        if is_url(adres):
            _haal(adres, doel, naam, timeout, voortgang)
        else:
            _kopieer(Path(adres), doel, naam, voortgang)
        uit[sleutel] = doel
    return uit


def _kopieer(pad: Path, doel: Path, naam: str, voortgang: Voortgang | None) -> None:
    try:
        data = pad.read_bytes()
    except FileNotFoundError:
        raise DataFout(f"In de map {pad.parent} ontbreekt het bestand {naam}.") from None
    except OSError as fout:
        raise DataFout(f"Het bestand {pad} is niet te lezen ({oorzaak(fout)}).") from None
    try:
        doel.write_bytes(data)
    except OSError as fout:
        raise DataFout(f"{naam} kan niet worden opgeslagen in {doel.parent} "
                       f"({oorzaak(fout)}).") from None
    if voortgang:
        voortgang(naam, len(data), len(data))


def _haal(url: str, doel: Path, naam: str, timeout: float, voortgang: Voortgang | None) -> None:
    import http.client
    import urllib.error
    import urllib.request

    from passend_cli import __version__

    verzoek = urllib.request.Request(url, headers={"User-Agent": f"passend/{__version__}"})
    mislukt = f"Downloaden van {naam} is mislukt"
    try:
        with urllib.request.urlopen(verzoek, timeout=timeout) as antwoord, \
                open(doel, "wb") as uit:
            lengte = antwoord.headers.get("Content-Length", "")
            totaal = int(lengte) if lengte.strip().isdigit() else None
            gelezen = 0
            while blok := antwoord.read(1 << 16):
                uit.write(blok)
                gelezen += len(blok)
                if voortgang:
                    voortgang(naam, gelezen, totaal)
    except urllib.error.HTTPError as fout:
        fout.close()
        raise DataFout(
            f"{mislukt}: de server antwoordde met HTTP-fout {fout.code} ({fout.reason})."
        ) from None
    except (TimeoutError, urllib.error.URLError) as fout:
        reden = getattr(fout, "reason", fout)
        if isinstance(reden, TimeoutError):
            seconden = f"{timeout:g}".replace(".", ",")  # Dutch decimal comma
            raise DataFout(f"{mislukt}: geen antwoord binnen {seconden} seconden.") from None
        raise DataFout(f"{mislukt}: geen verbinding met de server ({reden}).") from None
    except http.client.IncompleteRead:
        raise DataFout(f"{mislukt}: het bestand is onvolledig binnengekomen.") from None
    except (http.client.HTTPException, OSError) as fout:
        raise DataFout(f"{mislukt} ({oorzaak(fout)}).") from None
    if totaal is not None and gelezen != totaal:
        raise DataFout(
            f"{mislukt}: het bestand is onvolledig binnengekomen ({gelezen} van {totaal} bytes)."
        )
