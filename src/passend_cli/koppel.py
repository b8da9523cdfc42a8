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
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple

# EERSTE_BLOK is read through this module's namespace (tests lower it here).
from passend_cli.csvbestand import (
    EERSTE_BLOK,
    FOUTAFHANDELING,
    GequootLezer,
    Uitvoer,
    Voorstuk,
    csv_regel,
    kies_codering,
    open_invoer,
    reden,
    scheidingsteken,
    toonbaar,
)
from passend_cli.fouten import OngeldigeInvoer

# Matches scoring below this (typo matches always do: 0.8 x similarity) stay empty.
MIN_SCORE = 80.0
# Cache of cell value -> answer; emptied when it reaches this size (bounded memory).
MAX_CACHE = 100_000
# Longer cell values are not cached (nothing that long matches; zoek reads no more).
MAX_SLEUTEL = 300
# Distinct unresolved values counted for the top 5; pruned beyond this.
MAX_ONBEKEND = 100_000
# Longest header line accepted.
MAX_KOPREGEL = 1 << 20
# Rows per progress update.
BLOK = 1 << 14

# Column kinds, in order of preference when several are present.
POSTCODES, PLAATSEN, GEMEENTEN = "postcodes", "plaatsnamen", "gemeenten"
_KOPNAMEN = {
    POSTCODES: {
        "postcode", "postcodes", "pc", "pc4", "pc6", "postcode4", "postcode6", "postcodepc4",
        "postcodepc6", "zip", "zipcode", "postalcode", "postcodecijfers", "viercijferpostcode",
    },
    PLAATSEN: {
        "woonplaats", "woonplaatsen", "woonplaatsnaam", "plaats", "plaatsen", "plaatsnaam",
        "plaatsnamen", "stad", "city", "place", "placename", "town", "kern", "dorp",
        "vestigingsplaats",
    },
    GEMEENTEN: {"gemeente", "gemeenten", "gemeentenaam", "municipality", "gemeente2026"},
}
_KOPDELEN = ((POSTCODES, "postcode"), (PLAATSEN, "woonplaats"), (PLAATSEN, "plaats"),
             (GEMEENTEN, "gemeentenaam"), (GEMEENTEN, "gemeente"))

# Most postcodes are written plainly: answer them without the full search. Anything
# else (odd spellings, names) goes through zoeken.zoek, so both paths agree.
_POSTCODE = re.compile(r"\s*([0-9]{4}) ?(?:[A-Za-z]{2})?\s*")

# Summary keys besides a result's soort.
LEEG, ONBEKEND, MEERDUIDIG = "leeg", "niet gevonden", "meerduidig"
_MEER = "|meer"  # suffix: more than one SWV of a sector (split gemeente)


def kolommen(sector: str | None = None) -> list[str]:
    """The columns ``koppel`` adds, for both sectors or one (``"po"``/``"vo"``)."""
    uit = ["gemeente_code", "gemeente"]
    for s in _sectoren(sector):
        uit += [f"{s.lower()}_code", f"{s.lower()}_naam"]
    return [*uit, "match_soort", "match_score"]


def _sectoren(sector: str | None) -> tuple[str, ...]:
    if not sector:
        return ("PO", "VO")
    sector = str(sector).upper()
    if sector not in ("PO", "VO"):
        raise OngeldigeInvoer("Kies als sector po of vo.")
    return (sector,)


# --- the summary -----------------------------------------------------------------------


@dataclass
class Samenvatting:
    rijen: int = 0
    per_soort: dict[str, int] = field(default_factory=dict)
    meervoudig: int = 0  # resolved, with more than one SWV of a sector
    leeg: int = 0
    meerduidig: int = 0  # a name of several places with different answers
    niet_gevonden: int = 0
    vaakst_onbekend: list[tuple[str, int]] = field(default_factory=list)
    seconden: float = 0.0
    lange_rijen: int = 0  # rows with more fields than the header

    @property
    def gekoppeld(self) -> int:
        return sum(self.per_soort.values())

    @property
    def niet_gekoppeld(self) -> int:
        return self.leeg + self.meerduidig + self.niet_gevonden

    def regels(self) -> list[str]:
        """The summary as Dutch sentences for stderr."""
        snelheid = f", {_getal(self.rijen / self.seconden)} per seconde" if (
            self.seconden > 0.05 and self.rijen) else ""
        uit = [f"Klaar: {_getal(self.rijen)} {_rijen(self.rijen)} in "
               f"{_komma(self.seconden)} s{snelheid}."]
        if self.per_soort:
            delen = ", ".join(f"{soort} {_getal(n)}" for soort, n in sorted(
                self.per_soort.items(), key=lambda x: (-x[1], x[0])))
            uit.append(f"Gekoppeld: {_getal(self.gekoppeld)} ({delen}).")
        else:
            uit.append("Gekoppeld: 0.")
        if self.meervoudig:
            uit.append(
                f"Meer dan één samenwerkingsverband per sector (gesplitste gemeente, codes "
                f"met | gescheiden): {_getal(self.meervoudig)} {_rijen(self.meervoudig)}."
            )
        if self.niet_gekoppeld:
            delen = []
            if self.leeg:
                delen.append(f"leeg {_getal(self.leeg)}")
            if self.meerduidig:
                delen.append(f"naam van meer dan één plaats {_getal(self.meerduidig)}")
            if self.niet_gevonden:
                delen.append(f"niet gevonden {_getal(self.niet_gevonden)}")
            zin = f"Niet gekoppeld: {_getal(self.niet_gekoppeld)} ({', '.join(delen)})"
            # Only worth listing when a value recurs, or when there are only a few.
            if self.vaakst_onbekend and (
                    self.vaakst_onbekend[0][1] > 1 or self.meerduidig + self.niet_gevonden <= 5):
                zin += "; meest voorkomend: " + ", ".join(
                    f"'{toonbaar(w)}' ({_getal(n)}×)" for w, n in self.vaakst_onbekend)
            uit.append(zin + ".")
        if self.lange_rijen:
            uit.append(
                f"Let op: {_getal(self.lange_rijen)} {_rijen(self.lange_rijen)} "
                f"{'had' if self.lange_rijen == 1 else 'hadden'} meer "
                "velden dan de kopregel; die extra velden staan achter de nieuwe kolommen."
            )
        return uit


def _getal(n: float) -> str:
    return f"{round(n):,}".replace(",", ".")


def _komma(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def _rijen(n: int) -> str:
    return "rij" if n == 1 else "rijen"

def _kopnorm(naam: str) -> str:
    return re.sub(r"[^0-9a-z]", "", naam.strip().lower())


def kies_kolom(kop: list[str], kolom: str | None) -> tuple[int, str | None]:
    """(index, kind) of the column to resolve; kind is None when named with --kolom.

    Raises OngeldigeInvoer listing the available columns when none fits."""
    if kolom is not None:
        gezocht = kolom.strip().casefold()
        for i, naam in enumerate(kop):
            if naam.strip().casefold() == gezocht:
                return i, None
        gezocht_norm = _kopnorm(kolom)
        if gezocht_norm:
            for i, naam in enumerate(kop):
                if _kopnorm(naam) == gezocht_norm:
                    return i, None
        raise OngeldigeInvoer(
            f"Kolom '{toonbaar(kolom)}' staat niet in het invoerbestand; "
            f"beschikbare kolommen: {_kolomlijst(kop)}."
        )
    genormaliseerd = [_kopnorm(n) for n in kop]
    for soort, namen in _KOPNAMEN.items():
        for i, naam in enumerate(genormaliseerd):
            if naam in namen:
                return i, soort
    for soort, deel in _KOPDELEN:
        for i, naam in enumerate(genormaliseerd):
            # "gemeentecode" holds GM codes, "plaatsingsdatum" a date: not names.
            if deel in naam and (soort == POSTCODES or not any(
                    w in naam for w in ("code", "plaatsing", "datum", "nummer"))):
                return i, soort
    raise OngeldigeInvoer(
        "Geen kolom met postcodes, plaatsen of gemeenten herkend; kies er een met --kolom. "
        f"Beschikbare kolommen: {_kolomlijst(kop)}."
    )


def _kolomlijst(kop: list[str], n: int = 15) -> str:
    namen = [f"'{toonbaar(k, 30)}'" if k.strip() else "(naamloos)" for k in kop[:n]]
    if len(kop) > n:
        namen.append(f"en {len(kop) - n} andere")
    return ", ".join(namen) if namen else "(geen)"


# --- resolving one value -------------------------------------------------------------


class _Antwoord(NamedTuple):
    cellen: list[str]  # the added cells
    staart: str  # the same, as CSV text with a leading delimiter: appended to a line
    sleutel: str  # summary key: a soort (+ _MEER), LEEG, ONBEKEND or MEERDUIDIG
    onbekend: bool  # a value that was not resolved (counted for the top 5)
    nummer: int  # index in _Oplosser.tellers, where the rows with this answer are counted



class _Oplosser:
    """Cell value -> _Antwoord, through zoeken.zoek."""

    def __init__(self, sector: str | None, scheiding: str = ",") -> None:
        from passend_cli.dataset import laad

        self.ds = laad()
        self.sectoren = _sectoren(sector)
        self.scheiding = scheiding
        # Every distinct answer once (bounded: one per place and postcode), with a row
        # counter per answer: a list index is the cheapest counter in the hot loop.
        self._antwoorden: dict[tuple[str, str], _Antwoord] = {}
        self.tellers: list[int] = []
        leeg = [""] * len(kolommen(sector))
        self.leeg = self._antwoord(leeg, LEEG)
        self.onbekend = self._antwoord(leeg, ONBEKEND)
        self.meerduidig = self._antwoord(leeg, MEERDUIDIG)
        self._per_pc4: dict[str, _Antwoord] = {}

    def _antwoord(self, cellen: list[str], sleutel: str) -> _Antwoord:
        staart = self.scheiding + csv_regel(cellen, self.scheiding)
        bekend = self._antwoorden.get((staart, sleutel))
        if bekend is not None:
            return bekend
        antwoord = _Antwoord(cellen, staart, sleutel, sleutel in (ONBEKEND, MEERDUIDIG),
                             len(self.tellers))
        self.tellers.append(0)
        self._antwoorden[staart, sleutel] = antwoord
        return antwoord

    def per_sleutel(self) -> dict[str, int]:
        """Rows counted per summary key."""
        uit: dict[str, int] = {}
        for antwoord in self._antwoorden.values():
            n = self.tellers[antwoord.nummer]
            if n:
                uit[antwoord.sleutel] = uit.get(antwoord.sleutel, 0) + n
        return uit

    def __call__(self, waarde: str) -> _Antwoord:
        m = _POSTCODE.fullmatch(waarde)
        if m is not None:
            return self.postcode(m.group(1))
        tekst = waarde.strip()
        if not tekst:
            return self.leeg
        return self._zoek(tekst[:MAX_SLEUTEL])

    def postcode(self, pc4: str) -> _Antwoord:
        antwoord = self._per_pc4.get(pc4)
        if antwoord is None:
            antwoord = self._per_pc4[pc4] = self._zoek(pc4)
        return antwoord

    def _zoek(self, tekst: str) -> _Antwoord:
        from passend_cli.zoeken import zoek

        try:
            resultaten = zoek(tekst, limiet=5, typfouten=False)
        except OngeldigeInvoer:  # nothing searchable: punctuation, emoji, ...
            return self.onbekend
        if not resultaten or resultaten[0].score < MIN_SCORE:
            return self.onbekend
        eerste = resultaten[0]
        # zoek puts a gemeente before a woonplaats of the same name; a tie within one
        # kind (two woonplaatsen "Bergen") is settled only by the alphabet: a guess.
        gelijk = [r for r in resultaten
                  if r.soort == eerste.soort and r.score == eerste.score]
        if len({tuple(self._codes(r)) for r in gelijk}) > 1:
            return self.meerduidig
        gemeenten = {r.gemeente.code if r.gemeente else None for r in gelijk}
        gemeente = eerste.gemeente if len(gemeenten) == 1 else None
        cellen = [gemeente.code, gemeente.naam] if gemeente else ["", ""]
        meer = False
        for sector in self.sectoren:
            verbanden = [d.verband for d in eerste.dekking if d.verband.sector == sector]
            meer = meer or len(verbanden) > 1
            cellen.append("|".join(v.code for v in verbanden))
            cellen.append("|".join(v.weergavenaam for v in verbanden))
        cellen += [eerste.soort, f"{eerste.score:.1f}"]
        return self._antwoord(cellen, eerste.soort + _MEER if meer else eerste.soort)

    def _codes(self, r: Any) -> list[str]:
        return [d.verband.code for d in r.dekking if d.verband.sector in self.sectoren]


# --- the whole file ------------------------------------------------------------------


def koppel(
    invoer: str | os.PathLike[str],
    uitvoer: str | os.PathLike[str] = "-",
    *,
    kolom: str | None = None,
    sector: str | None = None,
    voortgang: bool | None = None,
    meld: Callable[[str], None] | None = None,
) -> Samenvatting:
    """Annotate CSV *invoer* ("-": stdin) into *uitvoer* ("-": stdout).

    *meld* receives the sentences for stderr (which column was chosen); the summary
    is returned. *voortgang* shows a progress bar on stderr (default: when stderr is
    a terminal). Raises OngeldigeInvoer (exit 2) for an unusable file or column and
    DataFout (exit 3) when the dataset cannot be loaded."""
    if meld is None:
        from passend_cli.uitvoer import melding as meld
    _sectoren(sector)
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
    kolom: str | None, sector: str | None, voortgang: bool | None,
    meld: Callable[[str], None],
) -> Samenvatting:
    begintijd = time.perf_counter()
    try:
        begin = bron.read(EERSTE_BLOK)
    except OSError as fout:
        raise OngeldigeInvoer(
            f"Het invoerbestand {naam} is niet leesbaar "
            f"({reden(fout)})."
        ) from None
    if not begin:
        raise OngeldigeInvoer(f"Het invoerbestand {naam} is leeg.")
    codec, bom = kies_codering(begin, len(begin) < EERSTE_BLOK)
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
    oplosser = _Oplosser(sector, scheiding)
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
        if voortgang is None:
            # On a terminal, unless the rows themselves scroll over that terminal.
            voortgang = _is_terminal(sys.stderr) and not (
                doel.doel is None and _is_terminal(sys.stdout))
        balk = _Voortgang(voortgang, grootte, ruw)
        with balk:
            samenvatting = _verwerk(lijnen, stroom, gequoot, index, len(kop), regeleinde,
                                    oplosser, balk, naam)
        gelukt = True
    finally:
        doel.sluit(gelukt)
    samenvatting.seconden = time.perf_counter() - begintijd
    return samenvatting


def _verwerk(
    lijnen: Iterator[str], stroom: IO[str], gequoot: GequootLezer, index: int,
    breedte: int, regeleinde: str, oplosser: _Oplosser, balk: _Voortgang, naam: str,
) -> Samenvatting:
    """The hot loop. A line without quotes (nearly all) is split, looked up in the cache
    and written back with the answer appended: no csv parsing or quoting per row."""
    cache: dict[str, _Antwoord] = {}
    tellers = oplosser.tellers
    onbekend: Counter[str] = Counter()
    lange_rijen = 0
    cache_get = cache.get
    postcode_match = _POSTCODE.fullmatch
    per_pc4_get = oplosser._per_pc4.get
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
        balk.bij(rijen)
    s = Samenvatting(rijen=rijen, lange_rijen=lange_rijen)
    for sleutel, n in oplosser.per_sleutel().items():
        if sleutel == LEEG:
            s.leeg += n
        elif sleutel == ONBEKEND:
            s.niet_gevonden += n
        elif sleutel == MEERDUIDIG:
            s.meerduidig += n
        else:
            soort, meer, _ = sleutel.partition(_MEER)
            s.per_soort[soort] = s.per_soort.get(soort, 0) + n
            if meer:
                s.meervoudig += n
    s.vaakst_onbekend = onbekend.most_common(5)
    return s


def _is_terminal(stroom: Any) -> bool:
    try:
        return bool(stroom.isatty())
    except (AttributeError, ValueError):
        return False


class _Voortgang:
    """A rich progress bar on stderr, only on a terminal; rich is imported only then."""

    def __init__(self, aan: bool, grootte: int | None, ruw: Voorstuk) -> None:
        self.aan = aan
        self.grootte = grootte
        self.ruw = ruw
        self._progress: Any = None
        self._taak: Any = None

    def __enter__(self) -> _Voortgang:
        if not self.aan:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        kolommen_ = [SpinnerColumn(), TextColumn("Koppelen"), BarColumn()]
        if self.grootte:
            kolommen_.append(TaskProgressColumn())
        kolommen_ += [TextColumn("{task.fields[rijen]} rijen"), TimeElapsedColumn()]
        self._progress = Progress(*kolommen_, console=Console(stderr=True), transient=True,
                                  redirect_stdout=False, redirect_stderr=False)
        self._progress.start()
        self._taak = self._progress.add_task("koppel", total=self.grootte, rijen="0")
        return self

    def bij(self, rijen: int) -> None:
        if self._progress is not None:
            self._progress.update(self._taak, completed=self.ruw.gelezen if self.grootte
                                  else None, rijen=_getal(rijen))

    def __exit__(self, *_: object) -> None:
        if self._progress is not None:
            self._progress.stop()


__all__ = ["MIN_SCORE", "Samenvatting", "kies_kolom", "kolommen", "koppel"]
