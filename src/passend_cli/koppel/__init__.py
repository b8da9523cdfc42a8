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
import io
import itertools
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import IO

from passend_cli.fouten import OngeldigeInvoer, oorzaak, toonbaar
from passend_cli.koppel import csvbestand
from passend_cli.koppel.csvbestand import (
    FOUTAFHANDELING,
    GequootLezer,
    Uitvoer,
    Voorstuk,
    csv_regel,
    kies_codering,
    open_invoer,
    scheidingsteken,
)
from passend_cli.koppel.kolommen import GEMEENTEN, kies_kolom
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
    # A header line without an end within 1 MB: not a CSV file (binary data).
    kopregel = tekst.readline(MAX_KOPREGEL)
    if len(kopregel) >= MAX_KOPREGEL and not kopregel.endswith(("\n", "\r")):
        raise OngeldigeInvoer(
            f"Het invoerbestand {naam} is geen CSV-bestand (de eerste regel houdt niet op)."
        )
    if not kopregel.strip("\r\n\ufeff \t"):
        raise OngeldigeInvoer(
            f"De eerste regel van {naam} is leeg; verwacht een kopregel met kolomnamen."
        )
    lijnen = iter(tekst)
    scheiding = scheidingsteken(kopregel)
    regeleinde = "\r\n" if kopregel.endswith("\r\n") else "\n"
    gequoot = GequootLezer(lijnen, scheiding)
    try:
        kop, kopregel = gequoot(kopregel)
    except csv.Error as fout:
        raise OngeldigeInvoer(f"De kopregel van {naam} is geen geldige CSV ({fout}).") from None
    kop = [k.lstrip("\ufeff") for k in kop]
    index, soort = kies_kolom(kop, kolom)
    if soort is not None:
        meld(f"Kolom '{toonbaar(kop[index])}' gebruikt ({soort}).")
    oplosser = Oplosser(sector, scheiding, gemeenten=soort == GEMEENTEN or (
        soort is None and "gemeente" in kop[index].lower()))
    nieuw = kolommen(sector)
    bestaand = {x.strip() for x in kop}
    dubbel = [k for k in nieuw if k in bestaand]
    if dubbel:
        meld(f"Let op: het invoerbestand heeft al een kolom {', '.join(dubbel)}; "
             "de nieuwe kolommen krijgen dezelfde naam.")

    doel = Uitvoer(uitvoer)
    stroom = doel.open()
    gelukt = False
    try:
        # UTF-8 out; with a BOM when the input had one or came from Excel as Latin-1,
        # so Excel opens the result with the right accents.
        if bom or codec == "cp1252":
            stroom.write("\ufeff")
        romp = kopregel.rstrip("\r\n")
        stroom.write(romp + scheiding + csv_regel(nieuw, scheiding)
                     + (kopregel[len(romp):] or regeleinde))
        def meld_voortgang(rijen: int) -> None:
            if voortgang is not None:
                voortgang(rijen, ruw.gelezen, grootte)

        samenvatting = _verwerk(lijnen, stroom, gequoot, index, len(kop), regeleinde,
                                oplosser, meld_voortgang, naam)
        gelukt = True
    finally:
        doel.sluit(gelukt)
    samenvatting.seconden = time.perf_counter() - begintijd
    return samenvatting


def _verwerk(
    lijnen: Iterator[str], stroom: IO[str], gequoot: GequootLezer, index: int,
    breedte: int, regeleinde: str, oplosser: Oplosser, voortgang: Callable[[int], None],
    naam: str,
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
            raise OngeldigeInvoer(
                f"Rij {rijen + aantal} van {naam} is geen geldige CSV ({fout})."
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
