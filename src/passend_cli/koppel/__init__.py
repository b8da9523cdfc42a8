"""``passend koppel``: annotate every row of a CSV file with its PO and VO SWV.

The file is read as people have it: comma, semicolon or tab separated (sniffed from
the header line), quoted fields, UTF-8 with or without BOM, or Latin-1/Windows-1252
as Excel-NL writes it. Every input column and the row order are kept; the columns
of :func:`kolommen` are added. The file is streamed row by row (constant memory) and
repeated values are answered from a bounded cache, so a million rows take seconds.

A value is matched exactly as ``passend zoek`` matches it (postcodes exactly, names
exact, by prefix or as whole words inside a longer name); typo matches are never
accepted, and neither is a name that several places share with different answers:
an empty cell is better than a guess.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import IO

from passend_cli.fouten import OngeldigeInvoer, getal, oorzaak, toonbaar
from passend_cli.koppel import csvbestand
from passend_cli.koppel.csvbestand import (
    FOUTAFHANDELING,
    MAX_REGEL,
    MAX_VELD,
    GequootLezer,
    Onleesbaar,
    Uitvoer,
    Voorstuk,
    csv_fout,
    csv_regel,
    kies_codering,
    open_invoer,
    scheidingsteken,
)
from passend_cli.koppel.kolommen import GEMEENTEN, PLAATSEN, POSTCODES, kies_kolom
from passend_cli.koppel.oplossen import (
    MAX_SLEUTEL,
    POSTCODE,
    Antwoord,
    Oplosser,
    kolommen,
    sectoren,
)
from passend_cli.koppel.samenvatting import Samenvatting

__all__ = ["Samenvatting", "Voortgang", "kies_kolom", "kolommen", "koppel"]

# Cache of cell value -> answer; emptied when it reaches this size (bounded memory).
MAX_CACHE = 100_000
# Distinct unresolved values counted for the top 5; pruned beyond this.
MAX_ONBEKEND = 100_000
# Longest header line accepted.
MAX_KOPREGEL = 1 << 20
# Rows per progress report.
BLOK = 1 << 14
# Prefix of the added columns when the input already has a column of that name.
VOORVOEGSEL = "passend_"

# Called every BLOK rows: (rows done, bytes read, size of the input or None).
Voortgang = Callable[[int, int, "int | None"], None]


def koppel(
    invoer: str | os.PathLike[str],
    uitvoer: str | os.PathLike[str] = "-",
    *,
    kolom: str | None = None,
    sector: str | None = None,
    voortgang: Voortgang | None = None,
    meld: Callable[[str], None] | None = None,
) -> Samenvatting:
    """Annotate CSV *invoer* ("-": stdin) into *uitvoer* ("-": stdout).

    *meld* receives the sentences about the run (which column was chosen); the summary
    is returned. *voortgang* is told how far the run is. Raises OngeldigeInvoer (exit 2)
    for an unusable file or column and DataFout (exit 3) when the dataset cannot be
    loaded."""
    if meld is None:
        def meld(_: str) -> None:
            pass
    sectoren(sector)
    from passend_cli.dataset import laad

    laad()  # a data error (exit 3) wins over anything about the file
    if csv.field_size_limit() < MAX_VELD:
        csv.field_size_limit(MAX_VELD)
    bron, grootte, naam = open_invoer(invoer)
    try:
        return _koppel(bron, grootte, naam, uitvoer, kolom, sector, voortgang, meld)
    finally:
        if bron is not getattr(sys.stdin, "buffer", None):
            bron.close()


def _koppel(
    bron: IO[bytes], grootte: int | None, naam: str, uitvoer: str | os.PathLike[str],
    kolom: str | None, sector: str | None, voortgang: Voortgang | None,
    meld: Callable[[str], None],
) -> Samenvatting:
    begintijd = time.perf_counter()
    try:
        begin = bron.read(csvbestand.EERSTE_BLOK)
    except OSError as fout:
        raise OngeldigeInvoer(
            f"Het invoerbestand {naam} is niet leesbaar ({oorzaak(fout)})."
        ) from None
    if not begin:
        raise OngeldigeInvoer(f"Het invoerbestand {naam} is leeg.")
    codec, bom = kies_codering(begin, len(begin) < csvbestand.EERSTE_BLOK)
    ruw = Voorstuk(begin, bron)
    tekst = io.TextIOWrapper(
        io.BufferedReader(ruw, 1 << 20), encoding=codec, errors=FOUTAFHANDELING, newline="",
    )
    kopregel = _eerste_regel(tekst, naam)
    # Excel's hint "sep=;" on the first line names the delimiter; it is kept.
    voorregel = ""
    hint = _SEP.fullmatch(kopregel.strip("\r\n\ufeff \t"))
    if hint is not None:
        voorregel, kopregel = kopregel, _eerste_regel(tekst, naam)
    # Lines are read up to MAX_REGEL characters: a file without line ends cannot fill
    # the memory, and a longer line is reported (see _verwerk).
    lijnen: Iterator[str] = iter(functools.partial(tekst.readline, MAX_REGEL), "")
    scheiding = hint[1] if hint is not None else scheidingsteken(kopregel)
    regeleinde = "\r\n" if kopregel.endswith("\r\n") else "\n"
    gequoot = GequootLezer(lijnen, scheiding)
    try:
        kop, kopregel = gequoot(kopregel)
    except csv.Error as fout:
        raise OngeldigeInvoer(
            f"De kopregel van {naam} is geen geldige CSV ({csv_fout(fout)})."
        ) from None
    kop = [k.lstrip("\ufeff") for k in kop]
    met_kop = True
    try:
        index, soort = kies_kolom(kop, kolom)
    except OngeldigeInvoer:
        gevonden = None if kolom is not None else _kolom_zonder_kop(kop)
        if gevonden is None:
            raise
        # No header: the first line is data. It is read again as the first row, and the
        # output gets no header either, so it keeps the input's shape.
        (index, soort), met_kop = gevonden, False
        lijnen = itertools.chain([kopregel], lijnen)
        gequoot = GequootLezer(lijnen, scheiding)
        meld(f"Het invoerbestand heeft geen kopregel; kolom {index + 1} gelezen als "
             f"{soort}. De uitvoer heeft ook geen kopregel.")
    else:
        if soort is not None:
            meld(f"Kolom '{toonbaar(kop[index])}' gebruikt ({soort}).")
    oplosser = Oplosser(sector, scheiding, gemeenten=soort == GEMEENTEN or (
        soort is None and "gemeente" in kop[index].lower()))
    nieuw = kolommen(sector)
    bestaand = {x.strip().casefold() for x in kop}
    if met_kop and any(k.casefold() in bestaand for k in nieuw):
        nieuw = [VOORVOEGSEL + k for k in nieuw]
        meld(f"Het invoerbestand heeft al een kolom met de naam van een nieuwe kolom; de "
             f"nieuwe kolommen heten daarom {nieuw[0]}, {nieuw[1]}, ….")

    # Out in the input's encoding, so the file opens as it did: Windows-1252 stays
    # Windows-1252; UTF-8 keeps or lacks its BOM; UTF-16 (rare) becomes UTF-8 with a BOM.
    uit_codering = "cp1252" if codec == "cp1252" else "utf-8"
    doel = Uitvoer(uitvoer)
    stroom = doel.open(uit_codering)
    gelukt = False
    try:
        if bom:
            stroom.write("\ufeff")
        stroom.write(voorregel)
        if met_kop:
            romp = kopregel.rstrip("\r\n")
            stroom.write(romp + scheiding + csv_regel(nieuw, scheiding)
                         + (kopregel[len(romp):] or regeleinde))

        def meld_voortgang(rijen: int) -> None:
            if voortgang is not None:
                voortgang(rijen, ruw.gelezen, grootte)

        kopregels = (1 if voorregel else 0) + (1 if met_kop else 0)
        samenvatting = _verwerk(lijnen, stroom, gequoot, index, len(kop), regeleinde,
                                oplosser, meld_voortgang, naam, kopregels)
        gelukt = True
    finally:
        doel.sluit(gelukt)
    samenvatting.seconden = time.perf_counter() - begintijd
    return samenvatting


_SEP = re.compile(r'"?sep=(.)"?', re.IGNORECASE)


def _eerste_regel(tekst: IO[str], naam: str) -> str:
    """The next line of the head of the file: the header (or Excel's ``sep=`` line)."""
    regel = tekst.readline(MAX_KOPREGEL)
    # A header line without an end within 1 MB: not a CSV file (binary data).
    if len(regel) >= MAX_KOPREGEL and not regel.endswith(("\n", "\r")):
        raise OngeldigeInvoer(
            f"Het invoerbestand {naam} is geen CSV-bestand (de eerste regel houdt niet op)."
        )
    if not regel.strip("\r\n\ufeff \t"):
        raise OngeldigeInvoer(
            f"De eerste regel van {naam} is leeg; verwacht een kopregel met kolomnamen."
        )
    return regel


def _kolom_zonder_kop(velden: list[str]) -> tuple[int, str] | None:
    """(index, kind) when the first line is data rather than a header: a field is a
    postcode, or exactly one known place or gemeente; None otherwise."""
    for i, veld in enumerate(velden):
        if POSTCODE.fullmatch(veld):
            return i, POSTCODES
    from passend_cli.zoeken import vind

    for i, veld in enumerate(velden):
        try:
            uitkomst = vind(veld.strip()[:MAX_SLEUTEL])
        except OngeldigeInvoer:
            continue
        if uitkomst.resultaten and not uitkomst.meerduidig \
                and uitkomst.resultaten[0].score >= 100:
            return i, PLAATSEN
    return None


def _verwerk(
    lijnen: Iterator[str], stroom: IO[str], gequoot: GequootLezer, index: int,
    breedte: int, regeleinde: str, oplosser: Oplosser, voortgang: Callable[[int], None],
    naam: str, kopregels: int = 1,
) -> Samenvatting:
    """The hot loop. A line without quotes (nearly all) is split, looked up in the cache
    and written back with the answer appended: no csv parsing or quoting per row."""
    cache: dict[str, Antwoord] = {}
    tellers = oplosser.tellers
    onbekend: Counter[str] = Counter()
    lange_rijen = 0
    cache_get = cache.get
    postcode_match = POSTCODE.fullmatch
    per_pc4_get = oplosser.per_pc4.get
    scheiding = oplosser.scheiding
    islice = itertools.islice
    stukken: list[str] = []
    uit = stukken.append
    rijen = 0
    while True:
        aantal = 0
        try:
            for regel in islice(lijnen, BLOK):
                aantal += 1
                if len(regel) >= MAX_REGEL:
                    raise Onleesbaar(f"de regel is langer dan {MAX_REGEL >> 20} MB")
                if '"' not in regel:
                    romp = regel.rstrip("\r\n")
                    velden = romp.split(scheiding)
                    if len(velden) == breedte:
                        waarde = velden[index]
                        antwoord = cache_get(waarde)
                        if antwoord is None:
                            # A PC6 ("2011 AB") is seldom repeated: answered by its PC4
                            # and kept out of the cache.
                            m = postcode_match(waarde)
                            if m is not None and len(waarde) > 4:
                                antwoord = per_pc4_get(m.group(1)) or oplosser(waarde)
                            elif len(waarde) <= MAX_SLEUTEL:
                                if len(cache) >= MAX_CACHE:
                                    cache.clear()
                                antwoord = cache[waarde] = oplosser(waarde)
                            else:
                                antwoord = oplosser(waarde)
                        uit(romp + antwoord[1] + (regel[len(romp):] or regeleinde))
                        tellers[antwoord[4]] += 1
                        if antwoord[3]:
                            onbekend[waarde.strip()[:MAX_SLEUTEL]] += 1
                        continue
                else:
                    velden, regel = gequoot(regel)
                    romp = regel.rstrip("\r\n")
                # Quotes, or a row shorter (an empty line) or longer than the header.
                waarde = velden[index] if index < len(velden) else ""
                antwoord = cache_get(waarde) or oplosser(waarde)
                einde = regel[len(romp):] or regeleinde
                if len(velden) > breedte:
                    # Extra fields go after the new columns, so those line up with the
                    # header; this row is written anew.
                    lange_rijen += 1
                    uit(csv_regel(velden[:breedte] + antwoord[0] + velden[breedte:],
                                   scheiding, einde))
                else:
                    vulling = scheiding * (breedte - max(len(velden), 1))
                    uit(romp + vulling + antwoord[1] + einde)
                tellers[antwoord[4]] += 1
                if antwoord[3]:
                    onbekend[waarde.strip()[:MAX_SLEUTEL]] += 1
        except csv.Error as fout:
            regelnummer = kopregels + rijen + aantal + gequoot.extra
            raise OngeldigeInvoer(
                f"Regel {getal(regelnummer)} van {naam} is geen geldige CSV ({csv_fout(fout)})."
            ) from None
        stroom.write("".join(stukken))
        stukken.clear()
        rijen += aantal
        if len(onbekend) > MAX_ONBEKEND:
            onbekend = Counter(dict(onbekend.most_common(MAX_ONBEKEND // 10)))
        if aantal < BLOK:
            break
        voortgang(rijen)
    s = Samenvatting(rijen=rijen, lange_rijen=lange_rijen)
    oplosser.tel_op(s)
    s.vaakst_onbekend = onbekend.most_common(5)
    return s
