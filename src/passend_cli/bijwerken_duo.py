"""Fetch and read DUO's open data on the samenwerkingsverbanden (dataset RIO).

Two files matter: ``regio_erkende_samenwerkingen.csv`` (per SWV the PC4s of its area,
with start and end date) and ``samenwerkingserkenningen.csv`` (per SWV its names over
time). DUO documents neither delimiter nor encoding, so both are sniffed; every problem
becomes a :class:`DataFout` naming the file, never a raw exception.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

from passend_cli.fouten import DataFout, OngeldigeInvoer

DUO_BASIS = (
    "https://onderwijsdata.duo.nl/dataset/c416acd1-e083-4ec6-9203-3b20f98fe143/resource/"
)
REGIO = "regio_erkende_samenwerkingen.csv"
NAMEN = "samenwerkingserkenningen.csv"
# Key -> (resource path under DUO_BASIS, file name).
BESTANDEN = {
    "regio": ("05e68307-411d-4c91-ba0a-3955397e7225/download/", REGIO),
    "namen": ("57eeb88e-325d-4e95-ad80-08fa07810aed/download/", NAMEN),
}
NUMMER = "SAMENWERKINGSVERBANDNUMMER"
REGIO_KOLOMMEN = (NUMMER, "BEGINDATUM", "EINDDATUM", "POSTCODECIJFERS")
NAMEN_KOLOMMEN = (NUMMER, "BEGINDATUM", "EINDDATUM", "SOORT", "VERKORTE_NAAM", "VOLLEDIGE_NAAM")
SOORTEN = {"PAPO": "PO", "PAVO": "VO"}  # passend onderwijs; other SOORTs are older forms

# Plausibility: the regulation has 76 PO and 74 VO areas over about 4,000 PC4s.
MIN_GEBIEDEN = 100
MIN_PER_SECTOR = 50
MIN_POSTCODES = 3500

Voortgang = Callable[[str, int, "int | None"], None]  # (file name, bytes read, total)


# --- fetching ------------------------------------------------------------------------


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
        return {k: basis + pad + naam for k, (pad, naam) in BESTANDEN.items()}
    map_ = Path(bron).expanduser()
    if not map_.is_dir():
        raise OngeldigeInvoer(f"De bron {bron!r} is geen http(s)-adres en geen bestaande map.")
    return {k: str(map_ / naam) for k, (_, naam) in BESTANDEN.items()}


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
        raise DataFout(f"De map {doelmap} kan niet worden gemaakt ({_oorzaak(fout)}).") from None
    uit = {}
    for sleutel, adres in adressen.items():
        naam = BESTANDEN[sleutel][1]
        doel = doelmap / naam
        if is_url(adres):
            _haal(adres, doel, naam, timeout, voortgang)
        else:
            _kopieer(Path(adres), doel, naam, voortgang)
        uit[sleutel] = doel
    return uit


def _oorzaak(fout: BaseException) -> str:
    return getattr(fout, "strerror", None) or str(fout) or fout.__class__.__name__


def _kopieer(pad: Path, doel: Path, naam: str, voortgang: Voortgang | None) -> None:
    try:
        data = pad.read_bytes()
    except FileNotFoundError:
        raise DataFout(f"In de map {pad.parent} ontbreekt het bestand {naam}.") from None
    except OSError as fout:
        raise DataFout(f"Het bestand {pad} is niet te lezen ({_oorzaak(fout)}).") from None
    try:
        doel.write_bytes(data)
    except OSError as fout:
        raise DataFout(f"{naam} kan niet worden opgeslagen in {doel.parent} "
                       f"({_oorzaak(fout)}).") from None
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
        raise DataFout(f"{mislukt} ({_oorzaak(fout)}).") from None
    if totaal is not None and gelezen != totaal:
        raise DataFout(
            f"{mislukt}: het bestand is onvolledig binnengekomen ({gelezen} van {totaal} bytes)."
        )


# --- reading -------------------------------------------------------------------------


def _tekst(pad: Path, naam: str) -> str:
    try:
        data = Path(pad).read_bytes()
    except OSError as fout:
        raise DataFout(f"Het bestand {naam} is niet te lezen ({_oorzaak(fout)}).") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        tekst = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            tekst = data.decode("cp1252")  # Latin-1 as Windows writes it
        except UnicodeDecodeError:
            tekst = data.decode("latin-1")
    if not tekst.strip():
        raise DataFout(f"Het bestand {naam} is leeg.")
    begin = tekst.lstrip()[:2000].lower()
    if begin.startswith("<!doctype") or "<html" in begin:
        raise DataFout(
            f"{naam} is een webpagina (HTML) in plaats van een CSV-bestand; DUO biedt het "
            "bestand nu waarschijnlijk niet aan, probeer het later opnieuw."
        )
    return tekst


def lees_csv(pad: Path, naam: str, verplicht: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; column names upper case, delimiter sniffed."""
    tekst = _tekst(pad, naam)
    kopregel = tekst.lstrip().split("\n", 1)[0]
    scheiding = max((",", ";", "\t"), key=kopregel.count)
    lezer = csv.reader(io.StringIO(tekst.lstrip(), newline=""), delimiter=scheiding)
    try:
        kop = [k.strip().strip('"').upper() for k in next(lezer)]
        ontbreekt = [k for k in verplicht if k not in kop]
        if ontbreekt:
            wat = "ontbreekt de kolom" if len(ontbreekt) == 1 else "ontbreken de kolommen"
            raise DataFout(
                f"In {naam} {wat} {', '.join(ontbreekt)}; DUO heeft het bestandsformaat "
                "misschien gewijzigd."
            )
        rijen = []
        for velden in lezer:
            if not any(v.strip() for v in velden):
                continue
            if len(velden) != len(kop):
                raise DataFout(
                    f"Regel {lezer.line_num} van {naam} heeft {len(velden)} velden in plaats "
                    f"van {len(kop)}."
                )
            rijen.append((lezer.line_num, dict(zip(kop, velden, strict=True))))
    except csv.Error as fout:
        raise DataFout(f"{naam} is geen leesbaar CSV-bestand ({fout}).") from None
    return rijen


_CODE = re.compile(r"(?:SWV)?(PO|VO)?(?:SWV)?([0-9]{2})([0-9]{2})(PO|VO)?")


def swv_code(waarde: str, sector: str | None = None, *, bron: str = "") -> str:
    """DUO's number of an SWV in our form: ``PO2001``, ``SWV PO 20-01``, ``po 20.01`` and
    (given the sector) ``2001`` all become ``PO2001``; anything else is a DataFout."""
    m = _CODE.fullmatch(re.sub(r"[\s\-._/]", "", waarde.upper()))
    eigen = m and (m[1] or m[4])
    if m and not (m[1] and m[4]) and (eigen or sector) and (not sector or eigen in (None, sector)):
        return f"{eigen or sector}{m[2]}{m[3]}"
    waar = f" in {bron}" if bron else ""
    raise DataFout(
        f"Onbekende code van een samenwerkingsverband{waar}: {waarde!r} "
        "(verwacht bijvoorbeeld PO2707)."
    )


_DATUMS = (
    re.compile(r"(?P<j>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?:[T ][0-9:.+Z-]*)?"),
    re.compile(r"(?P<d>[0-9]{2})-(?P<m>[0-9]{2})-(?P<j>[0-9]{4})"),
    re.compile(r"(?P<j>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"),
)


def datum(waarde: str, naam: str = "", regel: int = 0) -> date | None:
    """An ISO date (optionally with a time), ``dd-mm-jjjj`` or ``jjjjmmdd``; None if empty."""
    waarde = waarde.strip()
    if not waarde:
        return None
    for patroon in _DATUMS:
        m = patroon.fullmatch(waarde)
        if m:
            try:
                return date(int(m["j"]), int(m["m"]), int(m["d"]))
            except ValueError:
                break
    raise DataFout(f"Regel {regel} van {naam} heeft een onleesbare datum: {waarde!r}.")


def _geldig(begin: date | None, einde: date | None, peildatum: date) -> bool:
    return (begin is None or begin <= peildatum) and (einde is None or einde > peildatum)


_PC4 = re.compile(r"[1-9][0-9]{3}")


def lees_regio(pad: Path, peildatum: date | None = None) -> dict[str, set[str]]:
    """SWV code -> the PC4s of its area, for the areas valid on *peildatum* (today)."""
    peildatum = peildatum or date.today()
    regio: dict[str, set[str]] = defaultdict(set)
    for regel, rij in lees_csv(pad, REGIO, REGIO_KOLOMMEN):
        begin = datum(rij["BEGINDATUM"], REGIO, regel)
        if not _geldig(begin, datum(rij["EINDDATUM"], REGIO, regel), peildatum):
            continue  # history, or not yet in force
        code = swv_code(rij[NUMMER], bron=REGIO)
        for pc in re.split(r"[,;\s]+", rij["POSTCODECIJFERS"]):
            if not pc:
                continue
            if not _PC4.fullmatch(pc):
                raise DataFout(
                    f"Regel {regel} van {REGIO} ({code}) bevat een ongeldige postcode: {pc!r}."
                )
            regio[code].add(pc)
    return dict(regio)


def lees_namen(pad: Path, peildatum: date | None = None) -> dict[str, str]:
    """SWV code -> its name on *peildatum* (VOLLEDIGE_NAAM, else VERKORTE_NAAM). Where no
    name period covers that date, the most recent name is used."""
    peildatum = peildatum or date.today()
    beste: dict[str, tuple[tuple[bool, date], str]] = {}
    for regel, rij in lees_csv(pad, NAMEN, NAMEN_KOLOMMEN):
        sector = SOORTEN.get(rij["SOORT"].strip().upper())
        naam = " ".join((rij["VOLLEDIGE_NAAM"].strip() or rij["VERKORTE_NAAM"]).split())
        if not sector or not naam:
            continue
        code = swv_code(rij[NUMMER], sector, bron=NAMEN)
        begin = datum(rij["BEGINDATUM"], NAMEN, regel)
        pbegin = datum(rij.get("BEGINDATUM_PERIODE", ""), NAMEN, regel)
        geldig = _geldig(begin, datum(rij["EINDDATUM"], NAMEN, regel), peildatum) and _geldig(
            pbegin, datum(rij.get("EINDDATUM_PERIODE", ""), NAMEN, regel), peildatum
        )
        rang = (geldig, pbegin or begin or date.min)
        if code not in beste or rang >= beste[code][0]:
            beste[code] = (rang, naam)
    return {code: naam for code, (_, naam) in beste.items()}


def controleer_regio(regio: dict[str, set[str]]) -> None:
    """Refuse area data that cannot be the whole country: too few areas or PC4s, or a
    PC4 in two areas of one sector."""
    po = sum(c.startswith("PO") for c in regio)
    vo = len(regio) - po
    if len(regio) < MIN_GEBIEDEN or min(po, vo) < MIN_PER_SECTOR:
        raise DataFout(
            f"{REGIO} bevat maar {len(regio)} geldige gebieden ({po} PO, {vo} VO) waar er "
            "ongeveer 150 horen; het bestand lijkt onvolledig."
        )
    gezien: dict[tuple[str, str], str] = {}
    for code in sorted(regio):
        for pc in sorted(regio[code]):
            ander = gezien.setdefault((code[:2], pc), code)
            if ander != code:
                raise DataFout(
                    f"Postcode {pc} ligt volgens {REGIO} in twee {code[:2]}-"
                    f"samenwerkingsverbanden ({ander} en {code})."
                )
    aantal = len({pc for _, pc in gezien})
    if aantal < MIN_POSTCODES:
        raise DataFout(
            f"{REGIO} noemt maar {aantal} postcodes waar er ongeveer 4.000 horen; het "
            "bestand lijkt onvolledig."
        )
