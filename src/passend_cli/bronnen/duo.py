"""Read DUO's open data on the samenwerkingsverbanden (dataset RIO).

``regio_erkende_samenwerkingen.csv`` gives per SWV the PC4s of its area, with start and
end date; ``samenwerkingserkenningen.csv`` its names over time. The official contact
block of an SWV is a chain through four more files (see :func:`contactblokken`). DUO
documents neither delimiter nor encoding, so both are sniffed (UTF-8, UTF-16, Latin-1;
gzip is unpacked); every problem becomes a :class:`DataFout` naming the file, never a
raw exception.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import NamedTuple

from passend_cli.fouten import DataFout, oorzaak
from passend_cli.normaliseer import lees_swv_code

# DUO's page of the RIO dataset, where all the files below are published.
RIO_DATASET = "https://onderwijsdata.duo.nl/dataset/c416acd1-e083-4ec6-9203-3b20f98fe143"
REGIO = "regio_erkende_samenwerkingen.csv"
NAMEN = "samenwerkingserkenningen.csv"
RELATIES_BEVOEGD_GEZAG = "relaties_bevoegdgezagerkenningen_samenwerkingserkenningen.csv"
RELATIES_BESTUREN = "relaties_onderwijsbesturen_bevoegdgezagerkenningen.csv"
BESTUREN = "onderwijsbesturen.csv"
CONTACTADRESSEN = "contactadressen.csv"
NUMMER = "SAMENWERKINGSVERBANDNUMMER"
REGIO_KOLOMMEN = (NUMMER, "BEGINDATUM", "EINDDATUM", "POSTCODECIJFERS")
NAMEN_KOLOMMEN = (NUMMER, "BEGINDATUM", "EINDDATUM", "SOORT", "VERKORTE_NAAM", "VOLLEDIGE_NAAM")
SOORTEN = {"PAPO": "PO", "PAVO": "VO"}  # passend onderwijs; other SOORTs are older forms

# Plausibility: the regulation has 76 PO and 74 VO areas over about 4,000 PC4s.
MIN_GEBIEDEN = 100
MIN_PER_SECTOR = 50
MIN_POSTCODES = 3500


# A file of this size or larger is no DUO file of this dataset (the largest is a few MB).
MAX_BYTES = 64 << 20


def _tekst(pad: Path, naam: str) -> str:
    try:
        data = Path(pad).read_bytes()
    except OSError as fout:
        raise DataFout(f"Het bestand {naam} is niet te lezen ({oorzaak(fout)}).") from None
    if data[:2] == b"\x1f\x8b":  # gzip: unpacked, within the same bound
        import zlib

        uitpakker = zlib.decompressobj(wbits=47)
        try:
            data = uitpakker.decompress(data, MAX_BYTES)
        except zlib.error:
            raise DataFout(f"{naam} is een beschadigd gzip-bestand.") from None
        if uitpakker.unconsumed_tail:
            raise DataFout(f"{naam} is uitgepakt groter dan {MAX_BYTES >> 20} MB.")
        if not uitpakker.eof:
            raise DataFout(f"{naam} is een beschadigd gzip-bestand (het houdt te vroeg op).")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        tekst = data.decode("utf-16", errors="replace")
    elif len(data) > 1 and data[1:40:2].count(0) > 10:  # UTF-16 without a BOM
        tekst = data.decode("utf-16-le", errors="replace")
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            tekst = data.decode("utf-8")
        except UnicodeDecodeError:
            tekst = data.decode("cp1252", errors="replace")  # Latin-1 as Windows writes it
    if not tekst.strip():
        raise DataFout(f"Het bestand {naam} is leeg.")
    begin = tekst.lstrip()[:2000].lower()
    if begin.startswith("<!doctype") or "<html" in begin:
        raise DataFout(
            f"{naam} is een webpagina (HTML) in plaats van een CSV-bestand; DUO biedt het "
            "bestand nu waarschijnlijk niet aan, probeer het later opnieuw."
        )
    if "\x00" in tekst[:4096]:
        raise DataFout(f"{naam} is geen tekstbestand (het bevat NUL-tekens).")
    return tekst


def lees_csv(pad: Path, naam: str, verplicht: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; column names upper case, delimiter sniffed."""
    tekst = _tekst(pad, naam)
    kopregel = tekst.lstrip().split("\n", 1)[0]
    scheiding = max((",", ";", "\t"), key=kopregel.count)
    # strict: a quote that is never closed is an error, not a field to the end of the file
    lezer = csv.reader(io.StringIO(tekst.lstrip(), newline=""), delimiter=scheiding,
                       strict=True)
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
        uitleg = ("een aanhalingsteken wordt niet gesloten" if "end of data" in str(fout)
                  else "een veld is niet goed tussen aanhalingstekens gezet")
        raise DataFout(f"{naam} is geen leesbaar CSV-bestand (regel {lezer.line_num}: "
                       f"{uitleg}).") from None
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
        if code[2:4] == "00":
            continue  # a national SWV (PO0001): no area of its own
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
        naam = _zonder_stuurtekens(naam)
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


def _zonder_stuurtekens(tekst: str) -> str:
    """A value from DUO without control characters (ESC, NUL), which a terminal would obey."""
    return " ".join("".join(c if c.isprintable() else " " for c in tekst).split())


# --- the official contact block -------------------------------------------------------


class Contact(NamedTuple):
    """The contact block of an SWV's own legal body, as RIO publishes it."""

    bestuur: str  # the onderwijsbestuur's name
    website: str
    email: str
    telefoon: str
    straat: str
    postcode: str
    plaats: str


def contactblokken(
    relaties: Path, besturen_relaties: Path, besturen: Path, adressen: Path,
    peildatum: date | None = None,
) -> dict[str, Contact]:
    """SWV code -> its official contact block: the SWV's bevoegd gezag by a relation of
    kind HIERARCHISCH that holds on *peildatum* (never VRIJWILLIGE_DEELNAME, never an
    ended one), that bevoegd gezag's onderwijsbestuur, and that bestuur's contact
    address of context ALGEMEEN (visiting address, else postal). An SWV where the chain
    breaks is left out: it simply has no official block."""
    peildatum = peildatum or date.today()
    gezag: dict[str, set[str]] = defaultdict(set)  # SWV -> BGE codes
    for regel, r in lees_csv(relaties, RELATIES_BEVOEGD_GEZAG,
                             ("BGE_CODE", "RELATIESOORT", NUMMER, "BEGINDATUM", "EINDDATUM")):
        gelezen = lees_swv_code(r[NUMMER], kale_cijfers=False)
        if gelezen is None or gelezen[0] is None or gelezen[1][:2] == "00":
            continue  # other kinds of samenwerking, or a national SWV
        if r["RELATIESOORT"].strip().upper() != "HIERARCHISCH" or not _geldig(
                datum(r["BEGINDATUM"], RELATIES_BEVOEGD_GEZAG, regel),
                datum(r["EINDDATUM"], RELATIES_BEVOEGD_GEZAG, regel), peildatum):
            continue
        gezag[f"{gelezen[0]}{gelezen[1]}"].add(r["BGE_CODE"].strip())
    bestuur_van: dict[str, set[str]] = defaultdict(set)  # BGE code -> bestuur ids
    for regel, r in lees_csv(besturen_relaties, RELATIES_BESTUREN,
                             ("ONDERWIJSBESTUURID", "BGE_CODE", "BEGINDATUM", "EINDDATUM")):
        if _geldig(datum(r["BEGINDATUM"], RELATIES_BESTUREN, regel),
                   datum(r["EINDDATUM"], RELATIES_BESTUREN, regel), peildatum):
            bestuur_van[r["BGE_CODE"].strip()].add(r["ONDERWIJSBESTUURID"].strip())
    namen = {r["ONDERWIJSBESTUURID"].strip(): _zonder_stuurtekens(r["NAAM"])
             for _, r in lees_csv(besturen, BESTUREN, ("ONDERWIJSBESTUURID", "NAAM"))}
    blok: dict[str, dict[str, str]] = {}
    for regel, r in lees_csv(adressen, CONTACTADRESSEN, _ADRESKOLOMMEN):
        if r["CONTEXT"].strip().upper() != "ALGEMEEN" or not r["ONDERWIJSBESTUURID"].strip():
            continue
        if not _geldig(datum(r["BEGINDATUM"], CONTACTADRESSEN, regel),
                       datum(r["EINDDATUM"], CONTACTADRESSEN, regel), peildatum):
            continue
        blok[r["ONDERWIJSBESTUURID"].strip()] = r
    uit = {}
    for code, bges in gezag.items():
        ids = sorted({i for b in bges for i in bestuur_van.get(b, ()) if i in blok})
        if len(ids) != 1:
            continue  # no chain, or two legal bodies: no official block to choose
        r = blok[ids[0]]
        soort = "BEZOEKNL" if r.get("BEZOEKNL_STRAATNAAM", "").strip() else "POSTNL"
        straat = " ".join(r.get(f"{soort}_{k}", "").strip()
                          for k in ("STRAATNAAM", "HUISNUMMER", "HUISNUMMERTOEVOEGING"))
        uit[code] = Contact(
            namen.get(ids[0], ""), _zonder_stuurtekens(r.get("WEBADRES", "")),
            _zonder_stuurtekens(r.get("EMAILADRES", "")),
            _zonder_stuurtekens(r.get("TELEFOONNUMMER", "")), _zonder_stuurtekens(straat),
            _zonder_stuurtekens(r.get(f"{soort}_POSTCODE", "")),
            _zonder_stuurtekens(r.get(f"{soort}_PLAATSNAAM", "")),
        )
    return uit


_ADRESKOLOMMEN = (
    "ONDERWIJSBESTUURID", "BEGINDATUM", "EINDDATUM", "CONTEXT", "EMAILADRES",
    "TELEFOONNUMMER", "WEBADRES",
)

