"""Read DUO's open data on the samenwerkingsverbanden (dataset RIO).

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
from datetime import date
from pathlib import Path

from passend_cli.fouten import DataFout, oorzaak
from passend_cli.normaliseer import lees_swv_code

REGIO = "regio_erkende_samenwerkingen.csv"
NAMEN = "samenwerkingserkenningen.csv"
NUMMER = "SAMENWERKINGSVERBANDNUMMER"
REGIO_KOLOMMEN = (NUMMER, "BEGINDATUM", "EINDDATUM", "POSTCODECIJFERS")
NAMEN_KOLOMMEN = (NUMMER, "BEGINDATUM", "EINDDATUM", "SOORT", "VERKORTE_NAAM", "VOLLEDIGE_NAAM")
SOORTEN = {"PAPO": "PO", "PAVO": "VO"}  # passend onderwijs; other SOORTs are older forms

# Plausibility: the regulation has 76 PO and 74 VO areas over about 4,000 PC4s.
MIN_GEBIEDEN = 100
MIN_PER_SECTOR = 50
MIN_POSTCODES = 3500


def _tekst(pad: Path, naam: str) -> str:
    try:
        data = Path(pad).read_bytes()
    except OSError as fout:
        raise DataFout(f"Het bestand {naam} is niet te lezen ({oorzaak(fout)}).") from None
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


def swv_code(waarde: str, sector: str | None = None, *, bron: str = "") -> str:
    """DUO's number of an SWV in our form: ``PO2001``, ``SWV PO 20-01``, ``po 20.01`` and
    (given the sector) ``2001`` all become ``PO2001``; anything else is a DataFout."""
    gelezen = lees_swv_code(waarde, kale_cijfers=True)
    if gelezen and (gelezen[0] or sector) and (not sector or gelezen[0] in (None, sector)):
        return f"{gelezen[0] or sector}{gelezen[1]}"
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
